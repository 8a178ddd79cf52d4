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

from kg.parse.base import Builder, strip_span
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind
from kg.parse.generic_lines import line_papers, title_like
from kg.records import Span

__all__ = ["Row", "header_kind", "html_title_rows", "read_html_row", "table_columns", "titled_rows"]

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


# Parts of a header cell that names two fields ("作者 & 年份", "Authors / Year").
_HEADER_JOIN = re.compile(r"\s*(?:&|＆|/|、|\band\b|与|和|及)\s*", re.I)


_GLOSS = re.compile(r"(.+?)\s*[(（]([^()（）]+)[)）]")


def header_kind(cell: str) -> str | None:
    """The entry part a table's header cell names (``Title``, ``题目``, ``论文标题
    (Title)``), or the part its first field names where it names two (``作者 & 年份``: the authors, written before
    their year in the cells under it)."""
    cell = cell.strip(" *_:：")
    kind = field_kind(cell)
    if kind is None and (m := _GLOSS.fullmatch(cell)):
        kind = field_kind(m.group(1)) or field_kind(m.group(2))  # "论文标题 (Title)": a key and its gloss
    if kind is None and (parts := [p for p in _HEADER_JOIN.split(cell) if p.strip()]) and len(parts) > 1:
        kind = field_kind(parts[0])
    return kind


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
