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

from kg.parse.base import Draft, strip_span
from kg.parse.document import ParsedDoc
from kg.parse.item_people import bracketed_names, bracketed_people, cited_authors, cited_reference, lead_reference, title_clause_authors

__all__ = ["people_near_title"]


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
