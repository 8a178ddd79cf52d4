"""Organisation-only bylines: the maker and the year written after a title.

Reading lists credit a paper to its organisation with a year instead of an author list:
``[DIN] Deep Interest Network (Alibaba 2018)``, ``Session-based Recommendations
(HKUST, 2015)``, or code spans after the links (``… ([Paper](…)) `Amazon` `2003```, which
the markdown reader leaves as ``… (Paper) Amazon 2003``). The slot is positional: right
after the title (or closing it, where the reader left the bracket in the title), past
short link labels (``(Paper)``, ``[pdf]``), a name, an optional comma and a four-digit
year, and nothing but space after it on the line.

The same slot may hold a person (``(FRicci 2011)``, ``(DJannach 2014)``) or a product,
so a name counts as a maker only when the alias table knows it (every part of
``A & B``); a name the table lacks is still reported as the slot's occupant
(:func:`byline_slots`), so that no rule takes a person's name there for a model.
"""
from __future__ import annotations

import re

from kg.extract.org_spans import known

__all__ = ["dated_makers", "byline_slots"]

#: A year a byline gives: the trigger (an entry without one returns at once).
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# Short bracketed link labels between a title and its byline: "(Paper)", "[pdf]", "(Part 2)".
_LABELS = r"(?:[ \t]*[(\[（][^()\[\]（）\n]{1,24}[)\]）])*?"
# The byline itself: an optional opening bracket, the name (no digits at its start, no
# brackets or line break inside), an optional comma, the year, the closing bracket if one opened.
_BYLINE = re.compile(
    _LABELS
    + r"[ \t]*(?P<open>[(（])?[ \t]*(?P<name>[^\s\d()（）\[\],，][^()（）\[\]\n,，]{0,60}?)"
    r"[ \t]*[,，]?[ \t]*(?:19|20)\d{2}[ \t]*(?(open)[)）])"
)
# Between the organisations of one byline: "Google & Stanford", "CMU/Google", "A, B".
_SEP = re.compile(r"\s*(?:&|/|\band\b|和|与)\s*")


def byline_slots(text: str, title: tuple[int, int] | None) -> list[tuple[int, int]]:
    """``(start, end)`` of the name in the byline after the title ``(start, end)`` of
    ``text`` (or in the bracket that closes it), whoever it names; ``[]`` without one.

    >>> t = "* [MF] Matrix Factorization (Yahoo 2009) "
    >>> [t[a:b] for a, b in byline_slots(t, (2, 28))]
    ['Yahoo']
    """
    if title is None:
        return []
    start, end = title
    eol = text.find("\n", end)
    eol = len(text) if eol < 0 else eol
    if not _YEAR.search(text, start, eol):
        return []
    out = []
    # Where the reader left "(Amazon 2003)" inside the title, the byline opens there.
    opens = [end]
    if text[start:end].rstrip().endswith((")", "）")):
        k = max(text.rfind("(", start, end), text.rfind("（", start, end))
        if k > start:
            opens.insert(0, k)
    for pos in opens:
        m = _BYLINE.match(text, pos, eol)
        if m is not None and not text[m.end() : eol].strip():
            out.append(m.span("name"))
            break
    return out


def dated_makers(text: str, title: tuple[int, int] | None) -> list[tuple[int, int]]:
    """``(start, end)`` of each known organisation a byline after the title names.

    >>> t = "Session-based Recommendations (HKUST, 2015)"
    >>> [t[a:b] for a, b in dated_makers(t, (0, 29))]
    ['HKUST']
    >>> dated_makers("Recommender Systems Handbook (FRicci 2011)", (0, 28))
    []
    """
    out: list[tuple[int, int]] = []
    for a, b in byline_slots(text, title):
        parts: list[tuple[int, int]] = []
        k = a
        for sep in [*_SEP.finditer(text, a, b), None]:
            e = sep.start() if sep else b
            parts.append((k, e))
            k = sep.end() if sep else b
        if all(known(text[s:e]) for s, e in parts):
            out += parts
    return out
