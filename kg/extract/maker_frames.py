"""Organisations a digest names in prose as a paper's makers.

Digests written as prose (newsletters, LLM summaries, posts, Chinese and Russian reviews)
say who made a paper in a sentence rather than an affiliation line: "a new paper by
OpenAI", "researchers from Stanford and Google DeepMind", "来自清华大学的研究团队",
"алгоритм от команды ByteDance". The frames are data (``kg/data/rules/maker_frames_*.txt``):
words around an ``{org}`` slot. A slot is filled only by a known institution (the alias
table of :mod:`kg.resolve`) or an organisation-shaped name (``… University``, ``… Lab``,
``…AI``, ``…大学``, ``…研究院``); a person (``a paper by Jane Doe``), a model or a
product fills none. Frames never use a bare "by": "GPT-4 by OpenAI" names the owner of a
model the paper may only evaluate, which the guidelines do not count.

Beside the frames, a bracket closing an author list or a title (round, or the square one
of the structured digests: "J Collomosse [University of Chicago & Adobe Research]") and
a bracket right after a citation's year ("arXiv, 2021 (*Megvii*)") name makers
(:func:`bracketed_makers`, :func:`cited_makers`). A name that is the entry's own title
is never its maker.

:func:`maker_institutions` is used by :func:`kg.extract.extract_entry` only for entries
whose layout found no affiliation field, and whose text writes none out either
(:mod:`kg.extract.affiliation_fields`): where an entry has one, it says who made the paper.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from kg.extract.affiliation_parts import names_organisation, subject_phrase
from kg.errors import KgError
from kg.extract.vocab import phrases, words
from kg.records import Mention
from kg.resolve import DEPARTMENT, ORG_WORDS, institutions
from kg.text import is_cjk, normalize

__all__ = ["maker_institutions", "maker_names", "bracketed_makers", "cited_makers", "site_labels", "is_team"]

_FRAME_FILES = ("maker_frames_en", "maker_frames_ru", "maker_frames_zh")
_SLOT = "{org}"

# A Latin or Cyrillic word of a name: letters, digits and the joiners names keep inside
# ("A&M", "Carnegie-Mellon", "Inc."), no sentence punctuation around it.
# Chinese characters are no part of a Latin word ("Meta的研究团队" is "Meta").
_L = "A-Za-z0-9\u00C0-\u024F\u0400-\u04FF"
_WORD = re.compile(f"[{_L}][{_L}&'’.\\-]*")
# Between two names of a list: "X, Y and Z", "X & Y", "X и Y".
_LIST_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*|\s+и\s+)")
_ZH_LIST_SEP = re.compile(r"\s*(?:、|，|,|以及|和|与|及|跟)\s*")
# Lower-case words that stay inside an organisation's name ("Allen Institute for AI").
_CONNECTORS = frozenset({"of", "for", "the", "de", "du", "des", "la", "le", "di", "und", "für", "at"})
# A Chinese organisation's last word: what makes an unknown Chinese name an organisation.
_ZH_ORG_END = re.compile(r"(?:大学|学院|研究院|研究所|科学院|实验室|公司|集团|研究中心)$")
_POSSESSIVE = re.compile(r"['’]s$")
#: Longest name read, in words (Latin) or characters (Chinese).
MAX_WORDS = 8
MAX_ZH_CHARS = 16


@functools.cache
def _frames() -> tuple[tuple[str, re.Pattern[str] | None, re.Pattern[str] | None, bool], ...]:
    """``(anchor, before, after, cjk)`` per frame: its longest literal piece (lower-cased:
    a frame whose anchor the text lacks is not tried, which keeps the rule cheap on the
    many entries that name no maker), the pattern of the words before the slot (matched
    ending right before the name) and after it (matched right after the name)."""
    out = []
    for name in _FRAME_FILES:
        for line in phrases(name):
            if line.count(_SLOT) != 1:
                raise KgError(f"kg/data/rules/{name}.txt: frame {line!r} needs exactly one {_SLOT}")
            before, after = line.split(_SLOT)
            cjk = any(is_cjk(c) for c in line)
            pieces = re.split(r"[\s*]+", line.replace(_SLOT, " ").replace("'s", " "))
            anchor = max(pieces, key=len).lower()
            out.append((anchor, _part(before, cjk, True), _part(after, cjk, False), cjk))
    return tuple(out)


# A letter of each script an anchor may hold: an entry without one holds none of the
# anchors written in it (a Chinese or English entry skips the Russian frames' anchors
# with one search instead of a substring test each).
_SCRIPTS = (re.compile("[\u0400-\u04ff]"), re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"))


@functools.cache
def _anchor_groups() -> tuple[tuple[re.Pattern[str] | None, tuple[str, ...]], ...]:
    """The frames' distinct anchors (many frames share one), grouped by the first script
    of :data:`_SCRIPTS` they hold a letter of (None: neither)."""
    groups: dict[int, list[str]] = {}
    for a in dict.fromkeys(f[0] for f in _frames()):
        k = next((n for n, rx in enumerate(_SCRIPTS) if rx.search(a)), len(_SCRIPTS))
        groups.setdefault(k, []).append(a)
    return tuple((_SCRIPTS[k] if k < len(_SCRIPTS) else None, tuple(v)) for k, v in sorted(groups.items()))


def _anchors_in(lowered: str) -> set[str]:
    """The frames' anchors that ``lowered`` holds: each distinct anchor tested once, none
    of a script the text has no letter of."""
    out: set[str] = set()
    for script, anchors in _anchor_groups():
        if script is None or script.search(lowered):
            out.update(a for a in anchors if a in lowered)
    return out


def _part(words: str, cjk: bool, before: bool) -> re.Pattern[str] | None:
    words = words.strip() if not cjk else words
    if not words:
        return None
    if cjk:
        body = "".join(r"[^\s，。；！？,.;!?、]{0,8}?" if c == "*" else re.escape(c) for c in words)
        return re.compile(body + (r"\s*" if before else ""))
    toks = [r"\S+" if w == "*" else re.escape(w) for w in words.split()]
    # A frame may wrap onto the next line of a paragraph, never across a blank line; the
    # words after a name stay on its line ("Category: Lab Outputs" over "Researchers …"
    # is a field and a new sentence, not "Lab Outputs researchers").
    space = r"(?:[ \t]*\n[ \t]*|[ \t]+)" if before else r"[ \t]+"
    body = space.join(toks)
    if before:
        # Whole words: "paper by" not inside "newspaper by".
        return re.compile(r"(?<![\w'’])" + body + space, re.I)
    sep = r"" if words.startswith(("'", "’")) else space
    return re.compile(sep + body.replace("'", "['’]") + r"(?!\w)", re.I)


def _is_org_shaped(name: str, sites: frozenset[str] = frozenset()) -> bool:
    if DEPARTMENT.match(name):
        return False
    if any(is_cjk(c) for c in name):
        return bool(_ZH_ORG_END.search(name)) and not any(w in name for w in phrases("generic_org_words_zh"))
    # An organisation word alone ("AI" in 可解释AI研究者, "Research") names no organisation,
    # nor do a field's words ("Machine Learning Research team", "Information Systems
    # researchers").
    if not ORG_WORDS.sub("", name).strip(" &-.,") or subject_phrase(name):
        return False
    return names_organisation(name) or _names_site(name, sites)


#: Shortest name a link's host may vouch for: "Chroma" in trychroma.com, not "AI" in ai.meta.com.
_SITE_NAME_MIN = 4


def _names_site(name: str, sites: frozenset[str]) -> bool:
    """Whether an entry's own link goes to the organisation's site: "This study by Chroma"
    with research.trychroma.com. A capitalised name in a maker frame is an organisation
    when a host label of the entry's links is the name, or the name with a short word
    before or after it (trychroma, chromadb); a person's name seldom is."""
    if not sites or len(name.split()) != 1:
        return False  # a brand's one word: a person's two ("Vered Shwartz") have homepages too
    key = re.sub(r"[^a-z0-9]", "", name.casefold())
    if len(key) < _SITE_NAME_MIN:
        return False
    return any(
        label == key or (label.startswith(key) or label.endswith(key)) and len(label) - len(key) <= 4 for label in sites
    )


def site_labels(urls: Sequence[str]) -> frozenset[str]:
    """The labels of the hosts of ``urls`` that may name an organisation
    (``research.trychroma.com`` → ``trychroma``): not the top-level domain, nor ``www``."""
    out: set[str] = set()
    for u in urls:
        m = re.match(r"https?://([^/?#:]+)", u.strip(), re.I)
        if not m:
            continue
        labels = m.group(1).casefold().split(".")
        out.update(x for x in labels[:-1] if x and x != "www")
    return frozenset(out)


def _known(name: str) -> bool:
    return institutions().is_known(name)


def _latin_words(text: str, pos: int, end: int) -> list[re.Match[str]]:
    """The words from ``pos`` on, up to the first sentence punctuation or line break
    (a comma may sit inside a known name: "University of California, Berkeley")."""
    out: list[re.Match[str]] = []
    i = pos
    while len(out) < MAX_WORDS + 2:
        m = _WORD.match(text, i)
        if not m or m.end() > end:
            break
        out.append(m)
        gap = re.match(r"(?:[ \t]+|,[ \t]*)", text[m.end() : end])
        if not gap or m.group().endswith(".") and len(m.group()) > 1 and not _known(m.group()):
            break
        i = m.end() + gap.end()
    return out


def _latin_name_at(text: str, pos: int, end: int, sites: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """``(start, end)`` of the organisation named at ``pos``: the longest known name, else
    the run of capitalised words when it is organisation-shaped."""
    if text[pos : pos + 4].lower() == "the ":
        pos += 4
    words = _latin_words(text, pos, end)
    if not words:
        return None
    for k in range(min(len(words), MAX_WORDS), 0, -1):
        s = text[pos : words[k - 1].end()]
        s2 = _POSSESSIVE.sub("", s).rstrip(".")
        if _known(s2):
            return pos, pos + len(s2)
    run: list[re.Match[str]] = []
    for w in words:
        t = w.group()
        if text[run[-1].end() : w.start()].strip() if run else False:
            break  # a comma: an unknown name does not run across it
        if t[0].isupper() or t[0].isdigit() or (run and t.lower() in _CONNECTORS):
            run.append(w)
            if _POSSESSIVE.search(t):
                break
        else:
            break
    while run and run[-1].group().lower() in _CONNECTORS:
        run.pop()
    if not run:
        return None
    s = _POSSESSIVE.sub("", text[pos : run[-1].end()]).rstrip(".")
    return (pos, pos + len(s)) if _is_org_shaped(s, sites) else None


def _zh_name_at(text: str, pos: int, end: int, sites: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """``(start, end)`` of a Chinese (or Latin, in Chinese text) organisation at ``pos``."""
    if pos < end and not is_cjk(text[pos]):
        return _latin_name_at(text, pos, end, sites)
    for j in range(min(end, pos + MAX_ZH_CHARS), pos + 1, -1):
        # A name ends on a character of it: the resolver ignores punctuation ("清华大学、").
        if text[j - 1].isalnum() and _known(text[pos:j]):
            return pos, j
    m = re.match(r"[\u4e00-\u9fff]{2,12}?(?:大学|学院|研究院|研究所|科学院|实验室|公司|集团|研究中心)", text[pos:end])
    return (pos, pos + m.end()) if m and _is_org_shaped(m.group()) else None


def _names_after(
    text: str, pos: int, end: int, cjk: bool, sites: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Organisations listed from ``pos``: "X, Y and Z", 清华大学、北京大学和微软."""
    names: list[tuple[int, int]] = []
    sep = _ZH_LIST_SEP if cjk else _LIST_SEP
    while True:
        name = (_zh_name_at if cjk else _latin_name_at)(text, pos, end, sites)
        if name is None:
            break
        names.append(name)
        m = sep.match(text, name[1], end)
        if not m or m.end() == name[1]:
            break
        pos = m.end()
    return names


def _name_before(
    text: str, pos: int, start: int, cjk: bool, sites: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """The organisation named right before ``pos`` (the longest known name ending there,
    else an organisation-shaped capitalised or Chinese run)."""
    if cjk and pos > start and is_cjk(text[pos - 1]):
        for i in range(max(start, pos - MAX_ZH_CHARS), pos - 1):
            if text[i].isalnum() and _known(text[i:pos]):
                return i, pos
        m = re.search(r"(?:^|(?<=[\s，。；：！？,.;:!?、“”\"（(]))[\u4e00-\u9fff]{2,10}$", text[start:pos])
        if m and _is_org_shaped(m.group()):
            return start + m.start(), pos
        return None
    words = list(_WORD.finditer(text[max(start, pos - 120) : pos]))
    base = max(start, pos - 120)
    # Only the words on one line with nothing but spaces between them and ``pos``.
    chain: list[tuple[int, int]] = []
    end = pos
    for w in reversed(words):
        a, b = base + w.start(), base + w.end()
        gap = text[b:end]
        if gap.strip() or "\n" in gap or len(chain) >= MAX_WORDS:
            break
        chain.insert(0, (a, b))
        end = a
    for a, b in chain:
        s = _POSSESSIVE.sub("", text[a:pos])
        if text[a:b].lower() not in _CONNECTORS and _known(s):
            return a, a + len(s)
    run = []
    for a, b in reversed(chain):
        t = text[a:b]
        if t[0].isupper() or t[0].isdigit() or t.lower() in _CONNECTORS:
            run.insert(0, (a, b))
        else:
            break
    while run and text[run[0][0] : run[0][1]].lower() in _CONNECTORS:
        run.pop(0)
    if not run:
        return None
    # "Salesforce’s Einstein AI team", "Google’s ML team": the unit is the possessor's;
    # the organisation is the possessor.
    for k, (a, b) in enumerate(run[:-1]):
        if _POSSESSIVE.search(text[a:b]):
            owner = _POSSESSIVE.sub("", text[run[0][0] : b])
            if _known(owner) or _is_org_shaped(owner, sites):
                return run[0][0], run[0][0] + len(owner)
            break  # "Boston Children’s Hospital": the possessive is inside the name
    # A unit named after its organisation ("Fudan TEAI Team", "Stanford Vision Lab
    # researchers"): the organisation is the longest known name the run opens with.
    for _, b in reversed(run[:-1]):
        if _known(text[run[0][0] : b]):
            return run[0][0], b
    s = _POSSESSIVE.sub("", text[run[0][0] : pos])
    return (run[0][0], run[0][0] + len(s)) if _is_org_shaped(s, sites) else None


# A list's separator right before a name read backwards: "Stanford and Google researchers".
_LIST_SEP_BEFORE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+и\s+)$")
_ZH_LIST_SEP_BEFORE = re.compile(r"\s*(?:、|，|,|以及|和|与|及)\s*$")


def _names_before(
    text: str, pos: int, start: int, cjk: bool, sites: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Organisations listed right before ``pos``: "Stanford and Google DeepMind
    researchers", 清华大学、北京大学等机构; each of them an organisation, read back to the
    first name that is none."""
    names: list[tuple[int, int]] = []
    while len(names) < MAX_WORDS:
        name = _name_before(text, pos, start, cjk, sites)
        if name is None or (names and (name[1] != pos or is_team(text[name[0] : name[1]]))):
            break  # "NeoteAI Team, Fudan TEAI Team": the team before is read by its own frame
        names.append(name)
        sep = (_ZH_LIST_SEP_BEFORE if cjk else _LIST_SEP_BEFORE).search(text, start, name[0])
        if sep is None:
            break
        pos = sep.start()
    return names


def maker_names(
    text: str, regions: Sequence[tuple[int, int]] | None = None, sites: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """``(start, end)`` of every organisation a maker frame names in ``text`` (within
    ``regions``, default the whole text), in text order, each span once. ``sites``: the
    host labels of the entry's links (:func:`site_labels`), which vouch for a name."""
    found: set[tuple[int, int]] = set()
    lowered = text.lower()
    present = _anchors_in(lowered)
    frames = [f for f in _frames() if f[0] in present]
    for a, b in regions if regions is not None else [(0, len(text))]:
        for _, before, after, cjk in frames:
            if before is not None:
                for m in before.finditer(text, a, b):
                    names = _names_after(text, m.end(), b, cjk, sites)
                    if names and (after is None or _after_ok(after, text, names[-1][1], b, cjk)):
                        found.update(names)
            else:
                assert after is not None
                # A subject's frame takes no name on a link's word alone: "Nature releases a
                # paper", "Distill releases …" (nature.com, distill.pub) name a publisher.
                for m in after.finditer(text, a, b):
                    found.update(_names_before(text, m.start(), a, cjk))
    return sorted(found)


def _after_ok(after: re.Pattern[str], text: str, pos: int, end: int, cjk: bool) -> bool:
    """The frame's closing words follow the name — in Chinese after at most a department
    of it (来自清华大学计算机系的团队)."""
    if after.match(text, pos, end):
        return True
    return cjk and any(after.match(text, k, end) for k in range(pos + 1, min(end, pos + 10)) if is_cjk(text[k - 1]))


def maker_institutions(
    text: str,
    regions: Sequence[tuple[int, int]] | None = None,
    after: Sequence[tuple[int, bool]] = (),
    title: str | None = None,
    urls: Sequence[str] = (),
) -> list[Mention]:
    """Canonical institutions named as makers in ``text`` (deduplicated, in order): by the
    maker frames within ``regions``, and in a bracket closing a title or an author list
    (``after``, see :func:`bracketed_makers`). The entry's ``title`` is never its maker
    ("**Gaussian Process Switching Linear Dynamical Systems** introduces …"); the hosts
    of its ``urls`` vouch for a name a frame holds ("study by Chroma", trychroma.com).

    >>> [m.name for m in maker_institutions("A new paper by OpenAI and researchers from Stanford.")]
    ['OpenAI', 'Stanford University']
    >>> maker_institutions("A new paper by Jane Doe evaluates GPT-4 by OpenAI.")
    []
    """
    res = institutions()
    out: list[Mention] = []
    seen: set[str] = set()
    own = normalize(title, squash=True) if title else None
    found = set(maker_names(text, regions, site_labels(urls))) | set(bracketed_makers(text, after))
    found |= set(cited_makers(text, regions))
    for s, e in sorted(found):
        surface = text[s:e]
        if own and normalize(surface, squash=True) == own and not _known(surface):
            continue
        merge = res.resolve(surface)
        if merge.canonical in seen:
            continue
        seen.add(merge.canonical)
        out.append(Mention(merge.canonical, surface, s, e, role="used", source=merge.reason))
    return out


def is_team(name: str) -> bool:
    """Whether an author-list name is a team's (``NeoteAI Team``, ``Qwen团队``), which
    names no person (kg/data/rules/team_words.txt).

    >>> is_team("Fudan TEAI Team"), is_team("Jane Teaman")
    (True, False)
    """
    name = name.strip()
    team = words("team_words")
    last = name.split()[-1].casefold() if name.split() else ""
    return last in team or any(name.endswith(w) and is_cjk(w[0]) for w in team)


# A bracket right after a title or an author list, on the same line: "… Ann Lee (Google
# Research)", "Title (Stanford, MIT)", and the square bracket of the structured digests
# ("J Collomosse [University of Chicago & Adobe Research]") where no reader marked it.
_CLOSING_BRACKET = re.compile(
    r"[ \t]*(?:[(（](?P<g>[^()（）\n]{2,120})[)）]|[\[［](?P<s>[^\[\]［］\n]{2,200})[\]］](?!\())"
)
# "by"/"from" right after a title, on its line.
_TITLE_BY = re.compile(r"[ \t]*(?:[,:;–—-][ \t]*)?(?:by|from)[ \t]+", re.I)
_BRACKET_SEP = re.compile(r"\s*(?:[,，;；、/]|&|\band\b|和|与)\s*")


def bracketed_makers(text: str, after: Sequence[tuple[int, bool]]) -> list[tuple[int, int]]:
    """``(start, end)`` of the organisations in a bracket that closes a title or an author
    list, or named by a "by"/"from" right after a title (``after``: the position where it ends, and whether an organisation-shaped name
    is enough — after an author list — or the bracket must hold known institutions only —
    after a title, where a bracket may gloss the paper's model: "(ETH Domain)"). Every name
    in the bracket must be an organisation, else it names none (``(Oral)``, ``(GPT-3)``).
    """
    out: list[tuple[int, int]] = []
    for pos, shaped in after:
        m = _CLOSING_BRACKET.match(text, pos)
        if m is None:
            by = _TITLE_BY.match(text, pos)
            if by is not None and not shaped:
                # "Zorb: Sparse Everything — by Google DeepMind": the title is the paper.
                eol = text.find("\n", by.end())
                out += _names_after(text, by.end(), len(text) if eol < 0 else eol, False)
            continue
        a, b = m.span("g" if m.group("g") is not None else "s")
        names: list[tuple[int, int]] = []
        k = a
        for sep in list(_BRACKET_SEP.finditer(text, a, b)) + [None]:
            e = sep.start() if sep else b
            part = text[k:e].strip()
            if part:
                s = text.index(part, k)
                if not (_known(part) or shaped and _is_org_shaped(part) and not is_team(part)):
                    names = []
                    break
                names.append((s, s + len(part)))
            k = sep.end() if sep else b
        out += _rejoin(text, names)
    return out


def _rejoin(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Neighbour names cut at an "&" or "and" that a known name spans ("University of
    Science & Technology of China"): one name."""
    out: list[tuple[int, int]] = []
    for s, e in names:
        if out:
            ps, pe = out[-1]
            gap = text[pe:s].strip()
            if gap in ("&", "＆", "and") and (
                _known(f"{text[ps:pe]} and {text[s:e]}") or _known(f"{text[ps:pe]} & {text[s:e]}")
            ):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


# A citation's year and the bracket right after it: "arXiv, 2021 (*Megvii*)", "Bai et al.,
# 2022 (Anthropic)".
_CITED = re.compile(r"(?<![\d.])(?:19|20)\d{2}[a-z]?[ \t]*[(（](?P<g>[^()（）\n]{2,120})[)）]")
_EMPHASIS = "*_ \t"


def cited_makers(text: str, regions: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of the organisations a reading list names in a bracket right after
    a citation's year (``"Title", arXiv, 2021 (*Megvii*)``, ``Bai et al., 2022
    (Anthropic)``): every part of the bracket a known institution, emphasis aside — a
    bracket after a year may as well hold a note or a venue (``2021 (Oral)``), which
    names none.

    >>> t = 'Zorb, arXiv, 2021 (*Megvii*). [Paper]'
    >>> [t[a:b] for a, b in cited_makers(t)]
    ['Megvii']
    >>> cited_makers("Zorb, NeurIPS 2021 (Oral)")
    []
    """
    out: list[tuple[int, int]] = []
    spans = regions if regions is not None else [(0, len(text))]
    for m in _CITED.finditer(text):
        if not any(a <= m.start("g") and m.end("g") <= b for a, b in spans):
            continue
        a, b = m.span("g")
        names: list[tuple[int, int]] = []
        k = a
        for sep in list(_BRACKET_SEP.finditer(text, a, b)) + [None]:
            e = sep.start() if sep else b
            part = text[k:e].strip(_EMPHASIS)
            if part:
                st = text.index(part, k)
                if not _known(part):
                    names = []
                    break
                names.append((st, st + len(part)))
            k = sep.end() if sep else b
        out += names
    return out
