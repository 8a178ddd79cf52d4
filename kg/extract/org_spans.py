"""Where an organisation's name starts and ends around a given position of a digest.

The maker frames (:mod:`kg.extract.maker_frames`) and the makers' brackets
(:mod:`kg.extract.bracket_makers`) both need to read a name off the text next to a cue —
after "a paper by", before "researchers", inside "(Google Research)" — and to judge
whether it names an organisation rather than a person, a model or a field. That reading
is the bulk of the rule and is shared by both, so it lives here, apart from the frames
themselves: a name is the longest known institution (the alias table of :mod:`kg.resolve`)
at the position, else an organisation-shaped run of capitalised words (``… University``,
``… Lab``, ``…AI``) or of Chinese characters (``…大学``, ``…研究院``), or a one-word brand
that a host of the entry's own links vouches for (:func:`site_labels`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.affiliation_parts import names_organisation, subject_phrase
from kg.extract.vocab import phrases, words
from kg.resolve import DEPARTMENT, ORG_WORDS, institutions
from kg.text import is_cjk

__all__ = ["is_org_shaped", "known", "names_after", "names_before", "site_labels", "is_team", "MAX_WORDS", "MAX_ZH_CHARS"]

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


def is_org_shaped(name: str, sites: frozenset[str] = frozenset()) -> bool:
    """Whether an unknown ``name`` reads as an organisation's (``… University``, ``…大学``)
    rather than a person's, a department's or a field's: what lets a cue take a name the
    alias table lacks without taking every capitalised run after "by"."""
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


def known(name: str) -> bool:
    """Whether ``name`` is an institution of the alias table: a known name needs no shape."""
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
        if not gap or m.group().endswith(".") and len(m.group()) > 1 and not known(m.group()):
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
        if known(s2):
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
    return (pos, pos + len(s)) if is_org_shaped(s, sites) else None


def _zh_name_at(text: str, pos: int, end: int, sites: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """``(start, end)`` of a Chinese (or Latin, in Chinese text) organisation at ``pos``."""
    if pos < end and not is_cjk(text[pos]):
        return _latin_name_at(text, pos, end, sites)
    for j in range(min(end, pos + MAX_ZH_CHARS), pos + 1, -1):
        # A name ends on a character of it: the resolver ignores punctuation ("清华大学、").
        if text[j - 1].isalnum() and known(text[pos:j]):
            return pos, j
    m = re.match(r"[\u4e00-\u9fff]{2,12}?(?:大学|学院|研究院|研究所|科学院|实验室|公司|集团|研究中心)", text[pos:end])
    return (pos, pos + m.end()) if m and is_org_shaped(m.group()) else None


def names_after(
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
            if text[i].isalnum() and known(text[i:pos]):
                return i, pos
        m = re.search(r"(?:^|(?<=[\s，。；：！？,.;:!?、“”\"（(]))[\u4e00-\u9fff]{2,10}$", text[start:pos])
        if m and is_org_shaped(m.group()):
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
        if text[a:b].lower() not in _CONNECTORS and known(s):
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
            if known(owner) or is_org_shaped(owner, sites):
                return run[0][0], run[0][0] + len(owner)
            break  # "Boston Children’s Hospital": the possessive is inside the name
    # A unit named after its organisation ("Fudan TEAI Team", "Stanford Vision Lab
    # researchers"): the organisation is the longest known name the run opens with.
    for _, b in reversed(run[:-1]):
        if known(text[run[0][0] : b]):
            return run[0][0], b
    s = _POSSESSIVE.sub("", text[run[0][0] : pos])
    return (run[0][0], run[0][0] + len(s)) if is_org_shaped(s, sites) else None


# A list's separator right before a name read backwards: "Stanford and Google researchers".
_LIST_SEP_BEFORE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+и\s+)$")
_ZH_LIST_SEP_BEFORE = re.compile(r"\s*(?:、|，|,|以及|和|与|及)\s*$")


def names_before(
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
