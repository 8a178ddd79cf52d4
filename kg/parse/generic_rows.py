"""Rows of an HTML table of papers, read by the ``generic`` layout.

A generated page may set its papers in an HTML table whose header names the title
column; the markdown reader lays each cell on lines of its own
(:attr:`kg.parse.document.ParsedDoc.rows`)::

    <tr><th>#</th><th>题目</th><th>一句话要点</th></tr>
    <tr>
      <td>1</td>
      <td><a href="./papers/2508.18673.html">Tailored Teaching with Balanced Difficulty</a></td>
      <td>提出基于平衡难度的定制教学方法</td>

Each row whose title cell reads as a title is one paper, opening at its first line of
text; its other cells are the entry's text. Split from :mod:`kg.parse.layouts.generic`.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from kg.parse.author_fields import before_closing_year
from kg.parse.base import Builder, Draft, strip_span
from kg.parse.byline import trailing_authors
from kg.parse.document import ParsedDoc
from kg.parse.fields import label_kind
from kg.parse.generic_lines import line_papers, title_end, title_like, title_start
from kg.parse.names import author_names, looks_like_authors
from kg.records import Span

__all__ = ["Row", "header_kind", "html_title_rows", "read_html_row", "read_row", "table_columns", "titled_rows"]

#: Rows a page's tables must hold, each writing a title in the column its header names,
#: for them to be read row by row (one titled row under a header is a note, not a list;
#: a page of tables, one a topic, may hold a table of one row among them).
MIN_ROWS = 2


class Row(NamedTuple):
    """An HTML table row of a paper: its lines (0-based, inclusive) and the spans
    ``(line, start, end)`` of its title cell and, where the header names one, its
    authors cell."""

    first: int
    last: int
    title: tuple[int, int, int]
    authors: tuple[int, int, int] | None


def header_kind(cell: str) -> str | None:
    """The entry part a table's header cell names (:func:`kg.parse.fields.label_kind`
    once bold, colons and underscores are stripped): ``Title``, ``论文标题 (Title)``,
    ``作者 & 年份``."""
    return label_kind(cell.strip(" *_:："))


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
        kind = header_kind(ln.text[s:e]) if ln.text[s:e].strip() else None
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


# A dash between a title and the description after it (a lower-case word follows).
_DESCRIPTION_DASH = re.compile(r"\s[-–—]\s+(?=[a-z])")


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
            elif kind == "authors" and "authors" not in d.spans and (
                looks_like_authors(t[a : (z2 := before_closing_year(t, a, z))])
            ):
                d.set("authors", off + a, off + z2)  # "Joonhyeok Shin,2026": the year is no name
                if z2 < z:
                    d.body.append(Span(off + z2, off + z))
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


def _kinds(doc: ParsedDoc, cells) -> dict[str, int]:
    """Column index by the entry part a header cell names (``题目`` → title)."""
    out: dict[str, int] = {}
    for i, c in enumerate(cells):
        if c is None:
            continue
        k, s, e = c
        kind = header_kind(doc.lines[k].text[s:e])
        if kind in ("title", "authors"):
            out.setdefault(kind, i)
    return out


def _first_text(doc: ParsedDoc, a: int, b: int) -> int | None:
    return next((k for k in range(a, b + 1) if doc.lines[k].text.strip()), None)


def html_title_rows(doc: ParsedDoc) -> tuple[dict[int, Row], list[int]]:
    """The paper rows of the page's HTML tables whose header names a title column, by
    the row's first line of text, and the header rows' lines of text (they name the
    columns, no paper)."""
    if not doc.rows:
        return {}, []  # cheap reject: no HTML table
    rows: dict[int, Row] = {}
    headers: list[int] = []
    kinds: dict[str, int] = {}
    pending: list[Row] = []
    head_lines: list[int] = []

    def flush() -> None:
        if pending:
            rows.update((_first_text(doc, r.first, r.last), r) for r in pending)
            headers.extend(head_lines)
        pending.clear()
        head_lines.clear()

    for first, last, header, cells in doc.rows:
        if header:
            flush()
            kinds = _kinds(doc, cells)
            head_lines.extend(k for k in range(first, last + 1) if doc.lines[k].text.strip())
            continue
        col = kinds.get("title")
        cell = cells[col] if col is not None and col < len(cells) else None
        if cell is None or not title_like(doc.lines[cell[0]].text[cell[1] : cell[2]]):
            flush()  # a row with no title in the title column ends the list
            kinds = {}
            continue
        who = kinds.get("authors")
        pending.append(Row(first, last, cell, cells[who] if who is not None and who < len(cells) else None))
    flush()
    rows.pop(None, None)
    if len(rows) < MIN_ROWS:
        return {}, []
    return rows, headers


def read_html_row(b: Builder, doc: ParsedDoc, row: Row) -> int:
    """Read ``row`` as one entry (its title and authors cells, its other cells the
    text); returns its last line."""
    start = _first_text(doc, row.first, row.last)
    d = b.open(start)
    for k in range(start, row.last + 1):
        line = doc.lines[k].text
        if not line.strip():
            continue
        off = b.take(k)
        if k == row.title[0]:
            d.set_title(line, off, *strip_span(line, 0, row.title[1], row.title[2]))
        elif row.authors is not None and k == row.authors[0]:
            d.set("authors", *strip_span(line, off, row.authors[1], row.authors[2]))
        else:
            d.body.append(Span(*strip_span(line, off, doc.lines[k].start)))
    b.close()
    return row.last
