"""Tables the ``generic`` layout reads: the columns a table's header names (a title
column, an authors column), rows that are papers because the header names their title
column, and a row read into an entry. Split from :mod:`kg.parse.generic_lines`."""
from __future__ import annotations

import re

from kg.parse.author_fields import before_closing_year
from kg.parse.base import Draft, strip_span
from kg.parse.byline import trailing_authors
from kg.parse.document import ParsedDoc
from kg.parse.fields import label_kind
from kg.parse.generic_lines import line_papers, title_end, title_like, title_start
from kg.parse.names import author_names, looks_like_authors
from kg.records import Span

__all__ = ["read_row", "table_columns", "titled_rows"]

# A dash between a title and the description after it (a lower-case word follows).
_DESCRIPTION_DASH = re.compile(r"\s[-–—]\s+(?=[a-z])")


def table_columns(doc: ParsedDoc, run: list[int]) -> dict[int, str]:
    """Column index → the entry part its header names (``Title``, ``Authors``, ``标题``),
    from the first row of a table paragraph when that row links no paper and names a
    title column; else empty (the cells are then read by their shape)."""
    k = next((k for k in run if doc.lines[k].kind == "table"), None)
    if k is None or line_papers(doc, k):
        return {}
    ln = doc.lines[k]
    cols = {}
    for i, (s, e) in enumerate(ln.cells):
        kind = label_kind(ln.text[s:e].strip(" *_:：")) if ln.text[s:e].strip() else None
        if kind in ("title", "authors"):
            cols.setdefault(kind, i)
    return {i: kind for kind, i in cols.items()} if "title" in cols else {}


def titled_rows(doc: ParsedDoc, run: list[int], columns: dict[int, str]) -> list[list[int]] | None:
    """The rows of a table whose header names its title column (``| 日期 | 汇报人 | 论文 |``,
    ``| Title | Authors |``; ``columns`` as :func:`table_columns`), each one paper when
    every row writes a title there: the header says what the column holds, so a row needs
    no paper link (a seminar's schedule links its own pages). None otherwise."""
    col = next((i for i, kind in columns.items() if kind == "title"), None)
    rows = [k for k in run if doc.lines[k].kind == "table"][1:]  # under the header
    if col is None or len(rows) < 2:
        return None
    for k in rows:
        cells = doc.lines[k].cells
        if len(cells) <= col or not title_like(doc.lines[k].text[cells[col][0] : cells[col][1]]):
            return None
    return [[k] for k in rows]


def read_row(doc: ParsedDoc, k: int, d: Draft, off: int, columns: dict[int, str]) -> None:
    """A table row of a paper: the title and authors from the columns its header names,
    else the first cell that reads as a title is the title and the first that lists
    several people the authors; the rest is body."""
    ln = doc.lines[k]
    t = ln.text
    for i, (s, e) in enumerate(ln.cells):
        a, z = strip_span(t, 0, s, e)
        if a >= z:
            continue
        cell = t[a:z]
        # A header that names the title column leaves no other cell a title ("| Date |
        # Institute | Paper |": the institute's name reads like one); without one, any cell.
        # (A badge's link has no text: "[![Star](…)](…)<br>[Title](arxiv)" leads with the title.)
        lead = next((lk for lk in ln.links if lk.start == a < lk.end < z), None)
        if (
            lead is not None and "title" not in d.spans and "title_zh" not in d.spans
            and columns.get(i, "title" if not columns else None) == "title" and title_like(t[lead.start : lead.end])
        ):
            # "[Title](arxiv) <br> A Author and B Author": a linked title over its authors.
            d.set_title(t, off, lead.start, lead.end)
            ra, rz = strip_span(t, 0, lead.end, z)
            if "authors" not in d.spans and looks_like_authors(t[ra:rz]):
                d.set("authors", off + ra, off + rz)
            elif rz > ra:
                d.body.append(Span(off + ra, off + rz))
            continue
        if columns.get(i, "title" if not columns else None) == "title" and "title" not in d.spans and "title_zh" not in d.spans:
            # "1) Toolformer: Language Models … - introduces language models that …": the
            # item's number and the description after a dash are no part of the title.
            a2 = title_start(t, a)
            cut = _DESCRIPTION_DASH.search(t, a2, z)
            if cut and title_like(t[a2 : cut.start()]):
                d.set_title(t, off, a2, cut.start())
                d.body.append(Span(off + cut.end(), off + z))
                continue
            # "[2016 terryum] Title, G. Lample et al. [[pdf]](…)": the authors after a comma.
            z2 = len(t[: title_end(doc, k, a2, z)].rstrip(" [(（"))
            got = trailing_authors(t, a2, z2) if "," in t[a2:z2] else None
            if got is not None and title_like(t[a2 : got[0]]):
                d.set_title(t, off, a2, got[0])
                if "authors" not in d.spans:
                    d.set("authors", off + got[1][0], off + got[1][1])
                continue
        if columns:
            kind = columns.get(i)
            if kind == "title" and "title" not in d.spans and "title_zh" not in d.spans:
                a2 = title_start(t, a)  # "6) **Title**": the item's number is no part of it
                d.set_title(t, off, a2, title_end(doc, k, a2, z))
            elif kind == "authors" and "authors" not in d.spans and looks_like_authors(t[a : (z := before_closing_year(t, a, z))]):
                d.set("authors", off + a, off + z)  # "Name,2026" under "作者 & 年份": the year is no name
            else:
                d.body.append(Span(off + a, off + z))
            continue
        got = author_names(cell) if looks_like_authors(cell) else None
        z2 = len(t[: title_end(doc, k, title_start(t, a), z)].rstrip(" [(（"))
        if "authors" not in d.spans and got is not None and len(got[0]) >= 2:
            d.set("authors", off + a, off + z)
        elif "title" not in d.spans and "title_zh" not in d.spans and title_like(cell):
            d.set_title(t, off, a, z)
        elif "title" not in d.spans and "title_zh" not in d.spans and title_like(t[title_start(t, a) : z2]):
            # "[2020 ACL] Title [pdf](…) [code](…)": past the cell's tags, up to its label links.
            d.set_title(t, off, title_start(t, a), z2)
            if z2 < z:
                d.body.append(Span(*strip_span(t, off, z2, z)))
        else:
            d.body.append(Span(off + a, off + z))
