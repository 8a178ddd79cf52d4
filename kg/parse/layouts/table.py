"""Layout ``table``: Markdown tables with a title column, one paper per row.

::

    | Publish Date | Title | Authors | PDF | Code |
    |---|---|---|---|---|
    | 2024-04-30 | Stylus: Automatic Adapter Selection | Michael Luo et.al. | [2404.19753](http://arxiv.org/abs/2404.19753) | null |
"""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Builder, LayoutResult
from kg.parse.boilerplate import is_boilerplate
from kg.parse.categories import find_category
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.titles import title_spans

__all__ = ["parse", "name", "COLUMN_KEYS"]

name = "table"

#: Header labels → the entry part of the column.
COLUMN_KEYS = {
    "title": re.compile(r"^(?:title|paper|papers|paper title|论文|标题|题目|论文标题|name)$", re.I),
    "authors": re.compile(r"^(?:authors?|作者)$", re.I),
    "affiliations": re.compile(r"^(?:affiliations?|institutions?|机构|单位)$", re.I),
    "category": re.compile(r"^(?:categor(?:y|ies)|subjects?|分类|类别)$", re.I),
    "date": re.compile(r"^(?:date|publish date|published|日期|发布日期)$", re.I),
}
_EMPTY = ("null", "none", "-", "n/a", "")


def parse(doc: ParsedDoc) -> LayoutResult:
    """One paper per row of a table whose header names a title column."""
    b = Builder(doc, "table")
    lines = b.lines
    columns: dict[str, int] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        ln = doc.lines[i]
        if ln.kind == "table-rule":
            b.report(i, "table header")
            continue
        cells = list(ln.cells) if ln.kind == "table" else []
        if len(cells) < 2:
            columns = {}
            b.report(i, is_boilerplate(line, between_entries=True) or NOT_IN_ENTRY)
            continue
        labels = [line[a:e].strip() for a, e in cells]
        header = {k: n for k, rx in COLUMN_KEYS.items() for n, lab in enumerate(labels) if rx.match(lab)}
        if "title" in header and (i + 1 < len(lines) and doc.lines[i + 1].kind == "table-rule" or not columns):
            columns = header
            b.report(i, "table header")
            continue
        if "title" not in columns or columns["title"] >= len(cells):
            b.report(i, NOT_IN_ENTRY)
            continue
        d = b.open(i)
        off = b.take(i)
        a, e = cells[columns["title"]]
        en, zh = title_spans(line, a, e) if e > a else (None, None)
        if en:
            d.set("title", off + en[0], off + en[1])
        if zh:
            d.set("title_zh", off + zh[0], off + zh[1])
        for kind in ("authors", "affiliations"):
            if kind in columns and columns[kind] < len(cells):
                a, e = cells[columns[kind]]
                if e > a and line[a:e].strip().lower() not in _EMPTY:
                    d.set(kind, off + a, off + e)
        if "category" in columns and columns["category"] < len(cells):
            a, e = cells[columns["category"]]
            got = find_category(line[a:e])
            if got:
                d.set_category(off + a + got[0], off + a + got[1], got[2])
        if "date" in columns and columns["date"] < len(cells):
            a, e = cells[columns["date"]]
            got = find_date(line[a:e])
            d.date = got[2] if got else None
        b.close()
    return b.result()
