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
from kg.parse.names import author_value, bracket_kind
from kg.parse.titles import SENTENCE_END_RE
from kg.text import arxiv_id

__all__ = ["byline", "fill_byline"]


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
