"""Layout ``cards``: collapsible paper cards, one HTML ``<details>`` element per paper.

LLM-written reports and HTML digests fold each paper into a card whose summary is a
number, a topic and a teaser, with the paper's title set in bold inside it and a byline
under the title::

    <details class="paper-card" markdown>
    <summary><strong>1.1</strong> · AGENTS · First static-analysis framework for …</summary>

    **AgentFlow: Building Agent Dependency Graphs for Static Analysis of Agent Programs**
    S. Wang, X. Hou — arXiv 2607.01640, July 2026 — [arXiv link](https://arxiv.org/abs/2607.01640)

    **Approach.** AgentFlow introduces …
    </details>

or, plainer, ``<details><summary>Title</summary>`` with the abstract inside. The card is
the entry: its title is the first line inside set wholly in bold or italics that reads as
a title, else the summary when that reads as one; the line under the title gives the
people, the link and the date (a byline, :mod:`kg.parse.byline`) or the authors alone.
The card's opening, summary and closing lines are its frame, reported as such (a summary's
buttons link the page's own forms, not the paper). A card that names no paper — an
abstract folded under another layout's heading (``<summary>Abstract</summary>``) — is not
this layout's: its lines are left unexplained for the layout that reads the page.
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value
from kg.parse.base import NOT_IN_ENTRY, Builder, LayoutResult, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import byline, fill_byline
from kg.parse.data import load_words
from kg.parse.document import ParsedDoc
from kg.parse.titles import SENTENCE_END_RE
from kg.records import Span
from kg.text import cjk_share

__all__ = ["parse", "name", "in_gaps"]

name = "cards"

#: The reason a card's frame lines (``<details>``, ``<summary>…``, ``</details>``) are reported with.
CARD_FRAME = "card frame"

_OPEN = re.compile(r"<details\b", re.I)
_CLOSE = re.compile(r"</details\s*>", re.I)
_SUMMARY = re.compile(r"<summary\b", re.I)


def in_gaps(doc: ParsedDoc) -> bool:
    return True


def _cards(doc: ParsedDoc) -> list[tuple[int, int]]:
    """``(first, last)`` line indices of the top-level ``<details>`` elements that open a
    line of their own (a card inside a table cell is the table's)."""
    out = []
    i, n = 0, len(doc.lines)
    while i < n:
        raw = doc.lines[i].raw
        if not (doc.lines[i].kind == "html" and _OPEN.match(raw.lstrip())):
            i += 1
            continue
        depth, k = 0, i
        while k < n:
            depth += len(_OPEN.findall(doc.lines[k].raw)) - len(_CLOSE.findall(doc.lines[k].raw))
            if depth <= 0:
                break
            k += 1
        out.append((i, min(k, n - 1)))
        i = k + 1
    return out


# Symbols a card sets before its title ("📄 Title", "1.1 · Title" is no title: a number and a dot).
_LEAD_SYMBOLS = re.compile(r"[^\w\s\[(（\"'“‘]+\s*")


def _title_start(text: str, a: int) -> int:
    """Where a title starts after the emoji or symbols that lead it."""
    m = _LEAD_SYMBOLS.match(text, a)
    return m.end() if m else a


def _title_like(s: str) -> bool:
    s = _LEAD_SYMBOLS.sub("", s.strip(), count=1) if _LEAD_SYMBOLS.match(s.strip()) else s.strip()
    if not 8 <= len(s) <= 300:
        return False
    if cjk_share(s) > 0.5:
        return len(s) <= 100 and not SENTENCE_END_RE.search(s[:-1])
    return len(s.split()) >= 2 and s[0].isupper() and not SENTENCE_END_RE.search(s.rstrip("."))


def _title_line(doc: ParsedDoc, first: int, last: int) -> tuple[int, bool] | None:
    """The card's title line and whether it is the summary: the first content line set
    wholly in emphasis that reads as a title, else the summary line if it reads as one."""
    summary = None
    for k in range(first, last + 1):
        ln = doc.lines[k]
        text = ln.text[ln.start :]
        if ln.kind == "html":
            if summary is None and _SUMMARY.search(ln.raw) and text.strip():
                summary = k
            continue
        if not text.strip():
            continue
        # A line set wholly in bold or italics, a heading, or a line that is one link: a title.
        whole_link = len(ln.links) == 1 and (ln.links[0].start, ln.links[0].end) == strip_span(ln.text, 0, ln.start)
        if (ln.emphasis or ln.kind == "heading" or whole_link) and _title_like(text):
            return k, False
        break  # the card's first paragraph is not a title: its summary may be
    if summary is not None:
        ln = doc.lines[summary]
        span = _summary_span(ln)
        text = ln.text[span[0] : span[1]] if span else ""
        if _title_like(text) and not byline(ln) and not _label(text):
            return summary, True
    return None


_SUMMARY_TEXT = re.compile(r"<summary\b[^>]*>(?P<t>.*?)</summary\s*>", re.I | re.S)


def _summary_span(ln) -> tuple[int, int] | None:
    """Where the summary element's own text is in the line's text: a one-line card
    (``<details><summary>Title</summary>Abstract…</details>``) glues the abstract after it.
    Emphasis marks written inside the HTML (``**Title**``) are not part of it."""
    m = _SUMMARY_TEXT.search(ln.raw)
    if m is None:
        return strip_span(ln.text, 0, ln.start)
    inner = re.sub(r"<[^>]+>", "", m.group("t")).strip().strip("*_").strip()
    k = ln.text.find(inner) if inner else -1
    return (k, k + len(inner)) if k >= 0 else None


def _label(text: str) -> bool:
    """A summary that labels the fold (``Abstract``, ``Click to expand``, ``Paper 1``)."""
    words = re.findall(r"[^\W\d_][\w;]*", text.casefold())
    return bool(words) and words[0] in frozenset(load_words("card_labels.txt"))


def _people(b: Builder, k: int, off: int) -> bool:
    """The line under the title: a byline (people · link · date) or an author list."""
    d, ln = b.cur, b.doc.lines[k]
    assert d is not None
    parts = byline(ln)
    if parts is not None:
        fill_byline(d, ln, off, parts)
        return True
    a, e = strip_span(ln.text, 0, ln.start)
    got = author_value(ln.text[a:e]) if e > a else None
    if got is not None:
        d.set("authors", off + a + got[0], off + a + got[1])
        return True
    return False


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "cards")
    lines = b.lines
    cards = {first: last for first, last in _cards(doc)}
    i = 0
    while i < len(lines):
        if i not in cards:
            if lines[i].strip():
                b.report(i, is_boilerplate(lines[i], between_entries=True) or NOT_IN_ENTRY)
            i += 1
            continue
        last = cards[i]
        found = _title_line(doc, i, last)
        if found is None:
            for k in range(i, last + 1):
                if lines[k].strip():
                    b.report(k, NOT_IN_ENTRY)
            i = last + 1
            continue
        t, in_summary = found
        for k in range(i, t):
            if lines[k].strip():
                b.report(k, CARD_FRAME)
        d = b.open(t)
        off = b.take(t)
        ln = doc.lines[t]
        ta, te = (_summary_span(ln) if in_summary else None) or strip_span(lines[t], 0, ln.start)
        d.set_title(lines[t], off, _title_start(lines[t], ta), te)
        people = True  # the line under the title may name the people
        for k in range(t + 1, last + 1):
            if not lines[k].strip():
                continue
            if doc.lines[k].kind == "html" and (_CLOSE.search(doc.lines[k].raw) or _SUMMARY.search(doc.lines[k].raw)):
                b.report(k, CARD_FRAME, close=False)
                continue
            koff = b.take(k)
            if people and _people(b, k, koff):
                people = False
                continue
            people = False
            d.body.append(Span(*strip_span(lines[k], koff, doc.lines[k].start)))
        b.close()
        i = last + 1
    return b.result()
