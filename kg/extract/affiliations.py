"""Affiliation lines → canonical institutions.

``[The University of Hong KongUniversity of Washington & CMU & Penn State University]``
is four institutions. :mod:`kg.extract.institution_names` finds the names as written
(groups, glued names, comma parts, sub-units, addresses, cut-off names); this module
reads affiliation numbers (``1 MIT; 2 Stanford``), resolves each name through
:mod:`kg.resolve` (canonical name, or the name as written) and keeps the spans.
"""
from __future__ import annotations

import re

from kg.extract.affiliation_parts import names_organisation
from kg.extract.institution_groups import split_groups
from kg.extract.institution_names import institution_names
from kg.parse.author_fields import author_mark
from kg.records import Mention
from kg.resolve import Merge, institutions

__all__ = ["affiliations_below", "continued_affiliations", "split_affiliations", "split_groups", "institution_names", "affiliations_by_marker"]

# An affiliation number at the start of a group: "1 MIT", "[2] Stanford", "¹MIT", "3. CMU".
# Markdown footnote definitions ("[^1]: Tsinghua University", "[^a]: …") and "1: MIT" are
# affiliation numbers too.
_MARKER = re.compile(
    r"(?:^|(?<=[\s,;，；&|、]))(?:\[(?P<b>\d{1,2})\]|\[\^(?P<f>\w{1,3})\]:?|(?P<n>\d{1,2})(?:[.):]\s*|\s+)(?=[^\W\d_])"
    r"|(?P<s>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*"
)
_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


# One part of an affiliation line: between commas or semicolons.
_PART = re.compile(r"[^,;，；]+")
_NOTE_SYMBOLS = "*†‡§¶✉#"


def _without_legend(text: str) -> str:
    """``text`` up to the legend of author marks a line may end with (``…, ³Muka Robotics,
    *Equal contribution, ‡Project lead, ✉Corresponding author``): the first part that
    opens with a footnote symbol, or is a role mark (kg/data/parse/author_marks.txt), ends
    the organisations. The text keeps its offsets (it is only cut short)."""
    for m in _PART.finditer(text):
        part = m.group().strip()
        bare = part.lstrip(_NOTE_SYMBOLS + " ")
        if bare and (part[0] in _NOTE_SYMBOLS or author_mark(bare)) and m.start() > 0:
            return text[: m.start()].rstrip(" ,;，；")
    return text


def _marked_segments(text: str) -> list[tuple[str, int, int]] | None:
    """``(marker, start, end)`` of each numbered group when ``text`` starts with an
    affiliation number, else ``None``."""
    ms = list(_MARKER.finditer(text))
    if not ms or text[: ms[0].start()].strip():
        return None
    out = []
    for k, m in enumerate(ms):
        key = (m.group("b") or m.group("f") or m.group("n") or (m.group("s") or "").translate(_SUPERSCRIPT)).strip()
        end = ms[k + 1].start() if k + 1 < len(ms) else len(text)
        out.append((key, m.end(), end))
    return out


def affiliations_by_marker(text: str, offset: int = 0) -> dict[str, list[Mention]]:
    """Institutions per affiliation number (``1 MIT; 2 Stanford University`` →
    ``{"1": [MIT], "2": [Stanford University]}``); empty when the line has no numbers.

    >>> {k: [m.name for m in v] for k, v in affiliations_by_marker("1 MIT; 2 Stanford University").items()}
    {'1': ['Massachusetts Institute of Technology'], '2': ['Stanford University']}
    """
    segs = _marked_segments(_without_legend(text))
    if not segs:
        return {}
    out: dict[str, list[Mention]] = {}
    for key, a, b in segs:
        # One marker may name several superscripts at once ("¹²"): each digit its own.
        for k in (list(key) if len(key) > 1 and not key.isdigit() else [key]):
            out.setdefault(k, []).extend(_split_plain(text[a:b], offset + a)[0])
    return out

def split_affiliations(text: str, offset: int = 0) -> tuple[list[Mention], list[Merge]]:
    """Canonical institutions (deduplicated, in order) with spans, plus the merges made.
    Affiliation numbers (``1 MIT; 2 Stanford``) are not part of the names.

    >>> [m.name for m in split_affiliations("清华大学计算机系 & UCLA; Dept. of CS, Stanford University, CA, USA")[0]]
    ['Tsinghua University', 'University of California, Los Angeles', 'Stanford University']
    """
    text = _without_legend(text)
    segs = _marked_segments(text)
    if not segs:
        return _split_plain(text, offset)
    mentions: list[Mention] = []
    merges: list[Merge] = []
    seen: set[str] = set()
    for _, a, b in segs:
        ms, mg = _split_plain(text[a:b], offset + a)
        merges += mg
        for m in ms:
            if m.name not in seen:
                seen.add(m.name)
                mentions.append(m)
    return mentions, merges


def _split_plain(text: str, offset: int = 0) -> tuple[list[Mention], list[Merge]]:
    res = institutions()
    mentions: list[Mention] = []
    merges: list[Merge] = []
    seen: set[str] = set()
    for start, seg in institution_names(text):
        merge = res.resolve(seg)
        merges.append(merge)
        if merge.canonical in seen:
            continue
        seen.add(merge.canonical)
        s = offset + start
        mentions.append(Mention(merge.canonical, seg, s, s + len(seg), role="used", source=merge.reason))
    return _without_owners(mentions, text, offset), merges


# Nothing but a comma between a unit and the organisation that owns it.
_COMMA_GAP = re.compile(r"[\s,，]*")


def _without_owners(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """``Brain Team, Google`` is Google Brain, not Google Brain and Google: an
    organisation written right after a unit it owns (the table's ``parent``) is that
    unit's address, as a city after a university is."""
    res = institutions()
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and res.parent(prev.name) == m.name
            and prev.end <= m.start
            and _COMMA_GAP.fullmatch(text[prev.end - offset : m.start - offset])
        ):
            continue
        out.append(m)
    return out


#: Longest line read as a continued affiliation: more is prose.
MAX_CONTINUED_LINE = 100


def continued_affiliations(text: str, end: int) -> list[Mention]:
    """Organisations on the lines right after an affiliation field that ends its line at
    ``end``, up to a blank line: ``Tsinghua University\\n ModelBest Inc.\\n Yale University``
    (footnote definitions whose markers the reader removed, one organisation per line).
    Every line must be organisations only — each name known to the alias table or shaped
    like an organisation — else the list ends there (a summary line, a heading).

    >>> [m.name for m in continued_affiliations("Tsinghua University\\n Yale University\\n\\nA summary", 19)]
    ['Yale University']
    """
    if not text.startswith("\n", end):
        return []
    res = institutions()
    out: list[Mention] = []
    pos = end + 1
    while pos < len(text):
        eol = text.find("\n", pos)
        eol = len(text) if eol < 0 else eol
        line = text[pos:eol]
        if not line.strip() or len(line) > MAX_CONTINUED_LINE:
            break
        ms, merges = _split_plain(line, pos)
        if not ms or any(m.reason == "as-written" and not _org_name(m.surface) for m in merges):
            break
        out += ms
        pos = eol + 1
    return out


# Lower-case words inside an organisation's name ("University of Bologna", "Allen Institute
# for AI"); any other lower-case word makes the line a sentence ("Example Lab released DRS").
_NAME_JOINERS = frozenset(("of", "for", "the", "and", "at", "in", "on", "de", "di", "du", "la", "le", "und", "&"))


def _org_name(name: str) -> bool:
    """An unknown ``name`` on a line of its own reads as an organisation's: an organisation
    word in it and no lower-case word outside a name's joiners."""
    words = name.split()
    return names_organisation(name) and all(
        not w[0].isalpha() or not w[0].islower() or w in _NAME_JOINERS for w in words
    )


# An author's reference to a note below the list: "Ann Lee[^1]", "Ann Lee^1", "Ann Lee¹".
_NOTE_REF = re.compile(r"\[\^\w{1,3}\]|\^\d|[¹²³⁴⁵⁶⁷⁸⁹]")


def affiliations_below(text: str, authors: tuple[int, int]) -> list[Mention]:
    """Organisations in the block right below an author list whose names point to notes
    (``Shunyu Yao[^1], Jeffrey Zhao[^2]`` over ``Department of Computer Science, Princeton
    University`` / ``Google Research, Brain Team``): the notes, one organisation per line,
    where no reader marked them as an affiliation field. Only blank lines may stand
    between the list and the block; every line of it must be organisations only.

    >>> t = "Authors: Ann Lee[^1], Bo Chen[^2]\\n\\n Princeton University\\n Google Research, Brain Team\\n\\nSummary"
    >>> [m.name for m in affiliations_below(t, (9, 33))]
    ['Princeton University', 'Google Brain']
    """
    # The author list's whole line: a reader may stop the list at its first mark.
    a, b = authors
    eol = text.find("\n", b)
    if eol < 0 or not _NOTE_REF.search(text, a, eol):
        return []
    # Past the blank lines: ``pos`` is the line break before the block's first line.
    pos = eol
    while True:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : len(text) if nxt < 0 else nxt]
        if line.strip():
            break
        if nxt < 0:
            return []
        pos = nxt
    return continued_affiliations(text, pos)
