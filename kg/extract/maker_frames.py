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
(:func:`kg.extract.bracket_makers.bracketed_makers`, :func:`kg.extract.bracket_makers.cited_makers`).
A name that is the entry's own title is never its maker. Reading a name off the text next
to a frame's words is :mod:`kg.extract.org_spans`.

:func:`maker_institutions` is used by :func:`kg.extract.extract_entry` only for entries
whose layout found no affiliation field, and whose text writes none out either
(:mod:`kg.extract.affiliation_fields`): where an entry has one, it says who made the paper.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from kg.errors import KgError
from kg.extract.bracket_makers import bracketed_makers, cited_makers
from kg.extract.dated_makers import dated_makers
from kg.extract.headline_makers import headline_makers
from kg.extract.org_spans import known, names_after, names_before, site_labels
from kg.extract.vocab import phrases
from kg.records import Mention
from kg.resolve import institutions
from kg.text import is_cjk, normalize

__all__ = ["maker_institutions", "maker_names"]

_FRAME_FILES = ("maker_frames_en", "maker_frames_ru", "maker_frames_zh")
_SLOT = "{org}"


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


@functools.cache
def _frames_by_anchor() -> dict[str, tuple[int, ...]]:
    """Each anchor -> the positions in :func:`_frames` of the frames holding it (the
    frames an entry's anchors select are picked out, not found by a pass over all)."""
    out: dict[str, list[int]] = {}
    for k, f in enumerate(_frames()):
        out.setdefault(f[0], []).append(k)
    return {a: tuple(ks) for a, ks in out.items()}


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


def maker_names(
    text: str, regions: Sequence[tuple[int, int]] | None = None, sites: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """``(start, end)`` of every organisation a maker frame names in ``text`` (within
    ``regions``, default the whole text), in text order, each span once. ``sites``: the
    host labels of the entry's links (:func:`site_labels`), which vouch for a name."""
    found: set[tuple[int, int]] = set()
    lowered = text.lower()
    present = _anchors_in(lowered)
    by_anchor = _frames_by_anchor()
    frames = [_frames()[k] for k in sorted(k for a in present for k in by_anchor.get(a, ()))]
    for a, b in regions if regions is not None else [(0, len(text))]:
        for _, before, after, cjk in frames:
            if before is not None:
                for m in before.finditer(text, a, b):
                    names = names_after(text, m.end(), b, cjk, sites)
                    if names and (after is None or _after_ok(after, text, names[-1][1], b, cjk)):
                        found.update(names)
            else:
                assert after is not None
                # A subject's frame takes no name on a link's word alone: "Nature releases a
                # paper", "Distill releases …" (nature.com, distill.pub) name a publisher.
                for m in after.finditer(text, a, b):
                    found.update(names_before(text, m.start(), a, cjk))
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
    title_span: tuple[int, int] | None = None,
    headlines: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Canonical institutions named as makers in ``text`` (deduplicated, in order): by the
    maker frames within ``regions``, and in a bracket closing a title or an author list
    (``after``, see :func:`bracketed_makers`). The entry's ``title`` is never its maker
    ("**Gaussian Process Switching Linear Dynamical Systems** introduces …"); the hosts
    of its ``urls`` vouch for a name a frame holds ("study by Chroma", trychroma.com).
    A known organisation with a year after the title at ``title_span`` ("… (Alibaba 2018)")
    is an organisation-only byline (:mod:`kg.extract.dated_makers`); the subject of a
    Chinese headline's verb in ``headlines`` ("微软新作X") is a maker
    (:mod:`kg.extract.headline_makers`).

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
    found |= set(dated_makers(text, title_span))
    for a, b in headlines:
        found |= set(headline_makers(text, a, b))
    for s, e in sorted(found):
        surface = text[s:e]
        if own and normalize(surface, squash=True) == own and not known(surface):
            continue
        merge = res.resolve(surface)
        if merge.canonical in seen:
            continue
        seen.add(merge.canonical)
        out.append(Mention(merge.canonical, surface, s, e, role="used", source=merge.reason))
    return out
