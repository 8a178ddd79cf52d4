"""Bylines: the line under an item's title that sets its people, its paper link and its
date side by side, separated by middle dots or bars::

    Alice Zhang, Bob Stone (中科院/清华等) · arXiv:2604.12632 · 2026-04-14 提交

HTML paper cards, blog posts and LLM-written digests write them; any layout that reads an
item's title may read the line under it with :func:`byline` and :func:`fill_byline`.
"""
from __future__ import annotations

import re

from kg.parse.base import LINK_DECORATION, Draft, strip_span, url_only
from kg.parse.dates import find_date
from kg.parse.document import Line
from kg.parse.names import TRUNC_RE, author_value, bracket_kind, looks_like_authors
from kg.parse.titles import SENTENCE_END_RE
from kg.text import arxiv_id

__all__ = ["byline", "fill_byline", "clause_authors"]


# The parts of a byline: "A Author, B Author (Org) · arXiv:2604.12632 · 2026-04-14 提交".
_BYLINE_SEP = re.compile(r"\s+[·•|｜]\s+")


def byline(line: Line) -> list[tuple[int, int]] | None:
    """The parts of a byline — a card's or post's line under its title that sets the
    people, the paper link and the date side by side, separated by middle dots or bars —
    as ``(start, end)`` in ``line.text``; ``None`` when the line is not one (one of its
    parts must be the paper link alone, and no part a sentence)."""
    t = line.text
    if line.kind == "heading" or not _BYLINE_SEP.search(t, line.start):
        return None  # a heading is an item's title, never the line under one
    parts, pos = [], line.start
    for m in [*_BYLINE_SEP.finditer(t, line.start), None]:
        end = m.start() if m else len(t)
        a, e = strip_span(t, 0, pos, end)
        if e > a:
            parts.append((a, e))
        pos = m.end() if m else end
    if len(parts) < 2 or any(SENTENCE_END_RE.search(t[a:e].rstrip(".")) or len(t[a:e]) > 300 for a, e in parts):
        return None
    linked = any(
        _link_part(line, a, e) or (arxiv_id(t[a:e]) and len(t[a:e].split()) == 1) for a, e in parts
    )
    return parts if linked else None


def fill_byline(d: Draft, line: Line, off: int, parts: list[tuple[int, int]]) -> None:
    """The people and date of a byline: a part that is an author list (its bracketed
    organisations after it, ``A Author (CMU)``), a part that is a date; the link part is
    already the entry's link."""
    t = line.text
    for a, e in parts:
        got = author_value(t[a:e]) if "authors" not in d.spans else None
        if got is not None:
            d.set("authors", off + a + got[0], off + a + got[1])
            o = t.find("(", a + got[1], e)
            o = t.find("（", a + got[1], e) if o < 0 else o
            c = max(t.rfind(")", o, e), t.rfind("）", o, e)) if o >= 0 else -1
            if c > o >= 0 and _organisations(t[o + 1 : c]):
                d.set("affiliations", *strip_span(t, off, o + 1, c))
            continue
        got_date = find_date(t[a:e])
        if got_date and d.date is None and len(t[a:e]) <= 40:
            d.date = got_date[2]


def _organisations(s: str) -> bool:
    """Whether a bracket after a byline's names lists organisations (``CMU``,
    ``NUS / CFM / Google Research``, ``中科院/清华等`` — "等": and others)."""
    parts = [p for p in re.split(r"\s*[/,，、;；&]\s*", re.sub(r"等$", "", s.strip())) if p]
    return bool(parts) and bracket_kind(", ".join(parts)) == "affiliations"




def _link_part(line: Line, a: int, e: int) -> bool:
    """Whether ``line.text[a:e]`` is links and nothing else (``[arXiv](…)``, a bare address)."""
    seg = line.text[a:e].strip()
    inside = [lk for lk in line.links if a <= lk.start and lk.end <= e]
    if url_only(seg, len(inside)):
        return True
    linked = sum(lk.end - lk.start for lk in inside)
    return bool(inside) and linked >= len(seg) - LINK_DECORATION * len(inside)


# The venue and year that close a citation after its authors: " ICLR 2021", ". arXiv 2022",
# " NeurIPS 2022 Datasets and Benchmarks Track", " arXiv." — words and a year, no names.
_VENUE_TAIL = re.compile(
    r"[.,;]\s*(?:[A-Za-z][\w&'’\-]*\s+){0,8}(?:(?:19|20)\d{2}[a-z]?|arXiv|preprint)(?:[\s,]+[A-Za-z][\w&'’\-]*){0,6}\.?\s*", re.I
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_KEEPS_STOP = re.compile(r"(?:\bet\.?\s*al|\b[A-Z])\.$")
_ET_AL_END = re.compile(r"\bet\.?\s*al\b\.?")


def clause_authors(text: str, start: int, end: int, emphasised=()) -> tuple[int, int] | None:
    """``(start, end)`` of the authors in the clause after a paper's title, or ``None``.

    Reading lists write the authors between the title and the links, often with the venue
    and year after them (``**"Title"**. *A Author et al.* ICLR 2021. [[Paper](…)]``): the
    whole clause when it is an author list; else the bold or italic run that opens it;
    else the clause up to its ``et al.``; else the clause without its venue-and-year tail.
    """
    a, e = strip_span(text, 0, start, end)
    while a < e and text[a] in ".,:;—–-":
        a += 1
    a, e = strip_span(text, 0, a, e)
    cands: list[tuple[int, int]] = [(a, e)]
    for s, f in emphasised:
        if a <= s <= a + 1 and f <= e:
            cands.append((s, f))  # "*A Author et al.* ICLR 2021": the run that opens it
    m = _ET_AL_END.search(text, a, e)
    if m:
        cands.append((a, m.end()))
    # The tail starts at the last stop or comma that leaves only venue words and a year
    # after it ("…, B Author. NeurIPS 2022 Datasets and Benchmarks Track").
    for k in range(e - 1, a, -1):
        if text[k] in ".,;" and _VENUE_TAIL.fullmatch(text, k, e):
            cands.append((a, k))
            break
    for s, f in cands:
        s, f = strip_span(text, 0, s, f)
        # A closing comma, or a full stop that ends the clause rather than an initial
        # ("R. Chen.") or an "et al.".
        while f > s and (text[f - 1] in ",;" or (text[f - 1] == "." and not _KEEPS_STOP.search(text[s:f]))):
            f -= 1
        # A year is a citation's, never part of a name (name lists allow trailing index
        # digits: "A Smith1").
        if f > s and not _YEAR.search(text, s, f) and looks_like_authors(text[s:f]):
            return s, f
    return None

