"""Who wrote the paper an entry of the ``generic`` layout has titled: the people written
next to its title, where no line of the paragraph reads as an author list on its own.

A reading list of any shape writes the authors beside the title rather than on a line of
their own: in a bracket right after it (``*Title* (Vaswani et al., 2017)``), in the clause
after it up to the links (``**Title**. A Author, B Author | [abs](…)``, ``_Title_, A
Author, B Author,``), cited by surname (``` `Title <…>`_, Mnih et al, 2013.``), or on the
line under it as a short reference (``- Vaswani et al., 2017``). These rules hold for any
digest, so the generic reader applies them to every titled entry; each rule only accepts
text that reads as names (:mod:`kg.parse.byline`, :mod:`kg.parse.names`).
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value
from kg.parse.base import Draft, strip_span
from kg.parse.document import ParsedDoc
from kg.parse.fields import field
from kg.parse.item_people import bracketed_names, bracketed_people, cited_authors, cited_reference, lead_reference, title_clause_authors
from kg.parse.names import author_names, looks_like_authors
from kg.text import arxiv_id

__all__ = ["byline", "keyed_authors", "people_near_title"]


def _title_line(d: Draft, run: list[int], offs: dict[int, int], lines: list[str]) -> tuple[int, int, int] | None:
    """``(line, start, end)`` of the entry's title on its line, or None when the title
    is not on one of ``run``'s lines."""
    span = d.spans.get("title") or d.spans.get("title_zh")
    if span is None:
        return None
    for k in run:
        off = offs.get(k)
        if off is not None and off <= span.start and span.end <= off + len(lines[k]):
            return k, span.start - off, span.end - off
    return None


def people_near_title(d: Draft, doc: ParsedDoc, run: list[int], offs: dict[int, int]) -> None:
    """Fill ``d``'s authors (or affiliations) from the text next to its title: before it
    (a short reference opening the item), after it on its line, or the line under it.
    ``offs``: line index → the line's offset in the entry (what ``Builder.take`` gave)."""
    if "authors" in d.spans:
        return  # cheap reject: an author line of its own was found
    got = _title_line(d, run, offs, doc.texts)
    if got is None:
        return
    k, ta, te = got
    ln, off = doc.lines[k], offs[k]
    # Past the closing emphasis or quote mark of the title ("*Title*", '"Title"').
    after = te
    while after < len(ln.text) and ln.text[after] in "*_\"”’'":
        after += 1
    lead_reference(d, ln, off, ta)
    bracketed_people(d, ln, off, after)
    cited_authors(d, ln, off, after)
    title_clause_authors(d, ln, off, after)
    if "authors" in d.spans or "affiliations" in d.spans:
        return
    # "1. **[Title](…)**" over "   - Vaswani et al., 2017": the next line of the item cites it.
    nxt = next((j for j in run if j > k and doc.texts[j].strip()), None)
    if nxt is not None and nxt in offs:
        a, e = strip_span(doc.texts[nxt], 0, doc.lines[nxt].start)
        # "2014 - (2019/04/04: 10337) - [Yangqing Jia] [Evan Shelhamer]": each name bracketed.
        run_ = bracketed_names(doc.texts[nxt], a, e)
        if run_ is not None:
            d.set("authors", offs[nxt] + run_[0], offs[nxt] + run_[1])
        else:
            cited_reference(d, doc.texts[nxt], offs[nxt], a, e)
        if "authors" not in d.spans:
            byline(d, doc.texts[nxt], offs[nxt], a, e)


# What closes a byline's author list: a middle dot, bar or dash set apart by spaces.
_BYLINE_SEP = re.compile(r"\s+[·|•—–]\s+")


def byline(d: Draft, text: str, off: int, a: int, e: int) -> None:
    """Authors from a byline under the title: an author list closed by a separator
    before the links and date (``Yuxuan Chen 等 · arXiv:2604.14142 · 2026-04``, ``A, B
    (中科院/清华等) · arXiv …``). A line that is only names is the paragraph's author line,
    read before this."""
    m = _BYLINE_SEP.search(text, a, e)
    if m is None:
        return
    got = author_value(text[a : m.start()])
    names = author_names(text[a + got[0] : a + got[1]]) if got is not None else None
    # Two names or a list cut short ("等", "et al."), or one name beside the paper's
    # arXiv id: one name alone may be the venue ("**Cancer Cell (IF: 31.7)** | 2026 Mar 9 | [PubMed](…)").
    several = names is not None and (len(names[0]) >= 2 or names[1] or arxiv_id(text[m.end() : e]) is not None)
    if several and looks_like_authors(text[a + got[0] : a + got[1]]):
        d.set("authors", off + a + got[0], off + a + got[1])


def keyed_authors(d: Draft, doc: ParsedDoc, k: int, off: int) -> bool:
    """Set ``d``'s authors from line ``k`` when it is an author field whose value reads as
    names (``- **Authors**: [Mike Lewis](…), Armen Aghajanyan``) and ``d`` has none yet;
    whether it did."""
    ln = doc.lines[k]
    if "authors" in d.spans or ":" not in ln.text and "：" not in ln.text:
        return False  # cheap reject: no key
    f = field(ln.text[ln.start :])
    if f is None or f[0] != "authors" or f[2] <= f[1]:
        return False
    a, e = ln.start + f[1], ln.start + f[2]
    if not looks_like_authors(ln.text[a:e]):
        return False
    d.set("authors", *strip_span(ln.text, off, a, e))
    return True
