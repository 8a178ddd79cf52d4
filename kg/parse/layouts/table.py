"""Layout ``table``: Markdown tables with a title column, one paper per row.

::

    | Publish Date | Title | Authors | PDF | Code |
    |---|---|---|---|---|
    | 2024-04-30 | Stylus: Automatic Adapter Selection | Michael Luo et.al. | [2404.19753](http://arxiv.org/abs/2404.19753) | null |
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value, before_closing_year
from kg.parse.base import LINK_LABEL_RE, NON_PAPER, NOT_IN_ENTRY, Builder, LayoutResult, paper_link, stated_arxiv_id, strip_span, url_only, without_news
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import trailing_authors
from kg.parse.categories import ARXIV_TAG_RE, find_category
from kg.parse.data import load_json
from kg.parse.dates import find_date, slash_date, slash_order
from kg.parse.document import Line, ParsedDoc
from kg.parse.fields import label_kind
from kg.parse.names import author_names
from kg.text import find_urls

__all__ = ["parse", "name", "column_kind"]

name = "table"

_PARTS = ("title", "authors", "affiliations", "category", "date")


def column_kind(label: str) -> str | None:
    """The entry part a column holds, from its header label (field keys, and the
    table-only labels of kg/data/parse/column_keys.json)."""
    label = re.sub(r"\s+", " ", label.strip().strip("*_:：")).casefold()
    kind = label_kind(label)
    if kind in _PARTS:
        return kind
    for part, labels in load_json("column_keys.json").items():
        if part in _PARTS and label in (x.casefold() for x in labels):
            return part
    # A title label written with one letter wrong ("papter list", "tittle"): a long label
    # only, so that short keys ("date", "name") never match a different word.
    if len(label) >= 6:
        titles = [*load_json("column_keys.json").get("title", []), *load_json("field_keys.json").get("title", [])]
        if any(len(x) >= 6 and _one_edit(label, x.casefold()) for x in titles):
            return "title"
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    k = 0
    while k < len(a) and a[k] == b[k]:
        k += 1
    return a[k + (len(a) == len(b)) :] == b[k + 1 :]


_EMPTY = ("null", "none", "-", "n/a", "")
# A bracketed tag before a title that holds a year ("[2016 terryum]", "[2020 ACL]", "【CVPR 2024】").
_VENUE_TAG = re.compile(r"\s*[\[【](?=[^\]】]*\b(?:19|20)\d{2}\b)[^\]】\n]{2,40}[\]】]\s*")
# A cell that is an arXiv id alone ("2604.13504v2"): year-month, then four or five digits.
_BARE_ID_CELL = re.compile(r"\s*(?:arXiv\s*[:：]\s*)?(?P<id>\d{2}(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?\s*", re.I)


def parse(doc: ParsedDoc) -> LayoutResult:
    """One paper per row of a table whose header names a title column."""
    b = Builder(doc, "table")
    lines = b.lines
    columns: dict[str, int] = {}
    html_rows = {first: (last, header, cells) for first, last, header, cells in doc.rows}
    # A page writes its slashed dates one way: the order its unambiguous ones show.
    day_first = slash_order(ln.text for ln in doc.lines if "/" in ln.text)
    skip_to = 0
    for i, line in enumerate(lines):
        if i < skip_to:
            continue
        if i in html_rows:
            last, header, hcells = html_rows[i]
            skip_to = last + 1
            columns = _html_row(b, i, last, header, hcells, columns, day_first)
            continue
        if not line.strip():
            continue
        ln = doc.lines[i]
        if ln.kind == "table-rule":
            b.report(i, "table header")
            continue
        cells = list(ln.cells) if ln.kind == "table" else []
        if ln.kind == "table" and len(cells) < 2 and i + 1 < len(lines) and doc.lines[i + 1].kind == "table-rule":
            # A header of empty cells ("|  |  |  |"): the rows say which column is the title.
            k = _title_column(doc, i + 2)
            columns = {} if k is None else {"title": k}
            b.report(i, "table header" if k is not None else NOT_IN_ENTRY)
            continue
        if len(cells) < 2 and not (ln.kind == "table" and columns.get("title", len(cells)) < len(cells)):
            # Not a row of the table read so far (a row may leave its last cells out:
            # "|Title|" under a six-column header).
            columns = {}
            b.report(i, is_boilerplate(line, between_entries=True) or NOT_IN_ENTRY)
            continue
        labels = [line[a:e].strip() for a, e in cells]
        header = _header(labels)
        if "title" in header and (i + 1 < len(lines) and doc.lines[i + 1].kind == "table-rule" or not columns):
            columns = header
            b.report(i, "table header")
            continue
        if i + 1 < len(lines) and doc.lines[i + 1].kind == "table-rule" and (k := _title_column(doc, i + 2)) is not None:
            # A header that names no title column ("| Date | Item | Where |", "|  |  |  |")
            # over rows that each carry a paper: the title is where the rows write one.
            columns = {**header, "title": k}
            b.report(i, "table header")
            continue
        if "title" not in columns or columns["title"] >= len(cells):
            b.report(i, NOT_IN_ENTRY)
            continue
        ta, te = cells[columns["title"]]
        if not any(c.isalpha() for c in line[ta:te]):
            # "| 🧱 Foundation | … | 1 – 3 |" under "Papers": the column counts or numbers
            # papers listed elsewhere; a title has words.
            b.report(i, NON_PAPER)
            continue
        d = b.open(i)
        off = b.take(i)
        _fill(d, columns, [(ln, off, a, e) for a, e in cells], day_first)
        b.close()
    # A table that mixes news rows with paper rows (a daily feed): rows linking no paper are news.
    return without_news(b.result())


#: Share of a table's rows that must carry a paper (an arXiv link or id, a paper page)
#: for its title column to be found from the rows when the header names none.
PAPER_ROWS = 0.5


def _title_column(doc: ParsedDoc, first: int) -> int | None:
    """The title column of the table whose rows start at line ``first``, read from the
    rows: most rows link a paper or state its id somewhere, and the column is the one
    whose cells hold the paper link's own text of two words or more (``[Title](arxiv)``),
    else the left-most one whose cells read as titles (two words or four Chinese
    characters, not a date, a number, an id or an address)."""
    rows = []
    k = first
    while k < len(doc.lines) and doc.lines[k].kind == "table":
        rows.append(doc.lines[k])
        k += 1
    if not rows:
        return None
    width = max(len(r.cells) for r in rows)
    papers, linked, titled = 0, [0] * width, [0] * width
    for r in rows:
        has_paper = False
        for n, (a, e) in enumerate(r.cells):
            cell = r.text[a:e]
            urls = [lk for lk in r.links if a <= lk.start and lk.end <= e]
            paper = [lk for lk in urls if paper_link(lk.url)] + [u for u, _, _ in find_urls(cell) if paper_link(u)]
            if paper or _BARE_ID_CELL.fullmatch(cell) or stated_arxiv_id(cell):
                has_paper = True
            if any(paper_link(lk.url) and _title_like(r.text[lk.start : lk.end]) for lk in urls):
                linked[n] += 1
            if _title_like(cell) and not find_urls(cell) and not (urls and url_only(cell, len(urls))):
                titled[n] += 1
        papers += has_paper
    if papers < max(1, PAPER_ROWS * len(rows)):
        return None
    best = max(range(width), key=lambda n: (linked[n], 0))
    if linked[best] >= PAPER_ROWS * len(rows):
        return best
    for n in range(width):
        if titled[n] >= PAPER_ROWS * len(rows):
            return n
    return None


def _title_like(text: str) -> bool:
    t = text.strip()
    if not t or find_date(t) and len(t) <= 20 or _BARE_ID_CELL.fullmatch(t) or re.fullmatch(r"[\d\s.,:#/\-]+", t):
        return False
    return len(t.split()) >= 2 or sum(1 for c in t if "\u4e00" <= c <= "\u9fff") >= 4


def _header(labels: list[str]) -> dict[str, int]:
    """Entry part → column index (the first column of each part)."""
    out: dict[str, int] = {}
    for n, lab in enumerate(labels):
        kind = column_kind(lab)
        if kind is not None and kind not in out:
            out[kind] = n
    return out


def _title_in_cell(ln: Line, a: int, e: int) -> tuple[int, int]:
    """The title inside a title cell: the cell, or — when the cell also holds a summary
    (``1) **Title** - introduces …``) — its bold run or its link text; a note of links
    after the title (``Title (Read more on [arXiv](…) or [HuggingFace](…))``) is not
    part of it."""
    for s, f in list(ln.emphasised) + [(lk.start, lk.end) for lk in ln.links]:
        if a <= s and f <= e and (s, f) != strip_span(ln.text, 0, a, e) and len(ln.text[s:f].split()) >= 2:
            return s, f
    return a, _without_link_note(ln, a, e)


#: Words a note of links may hold besides the links' texts ("Read more on … or …").
LINK_NOTE_WORDS = 6


def _without_link_note(ln: Line, a: int, e: int) -> int:
    """The end of a cell's title before a closing bracketed note that only points at
    links: the bracket holds at least one link and few other words."""
    t = ln.text
    a2, e2 = strip_span(t, 0, a, e)
    if e2 <= a2 or t[e2 - 1] not in ")）":
        return e
    depth, k = 0, e2 - 1
    while k >= a2:
        depth += t[k] in ")）"
        depth -= t[k] in "(（"
        if depth == 0:
            break
        k -= 1
    if k <= a2 or depth:
        return e  # no opening bracket, or the whole cell is bracketed
    inside = [lk for lk in ln.links if k < lk.start and lk.end < e2]
    rest = t[k + 1 : e2 - 1]
    for lk in sorted(inside, key=lambda x: -x.start):
        rest = rest[: lk.start - k - 1] + " " + rest[lk.end - k - 1 :]
    if not inside or len(rest.split()) > LINK_NOTE_WORDS:
        return e
    return len(t[:k].rstrip())


# What may stand between a cell's title and the author line under it: the line break a
# <br> leaves, and separators ("—", ",", ":").
_UNDER_TITLE_SEP = " \t,;:：—–-|"


def _authors_under_title(ln: Line, title_end: int, cell_end: int) -> tuple[int, int] | None:
    """``(start, end)`` of the author line a title cell sets after its title (``[Title](…)
    <br> A Author, B Author``, BibTeX ``Lu, Xuancun and Chen, Jiaxiang``), up to the
    first link after the title; ``None`` when the rest of the cell is no author list."""
    t = ln.text
    end = min([lk.start for lk in ln.links if title_end <= lk.start < cell_end] + [cell_end])
    a = title_end
    while a < end and t[a] in _UNDER_TITLE_SEP:
        a += 1
    a, e = strip_span(t, 0, a, end)
    if e <= a:
        return None
    got = author_value(t[a:e])
    if got is None:
        return None
    # Only its place says the line is authors: two names at least, or a shortened list
    # ("A Author et al."), not a lone two-word phrase after a title.
    names = author_names(t[a + got[0] : a + got[1]])
    if names is None or (len(names[0]) < 2 and not names[1]):
        return None
    return a + got[0], a + got[1]


def _fill(d, columns: dict[str, int], cells: list[tuple[Line, int, int, int] | None], day_first: bool | None = None) -> None:
    """Entry fields from a row's cells, each ``(line, line offset, start, end)``."""

    def cell(kind: str) -> tuple[Line, int, int, int] | None:
        k = columns.get(kind)
        return cells[k] if k is not None and k < len(cells) else None

    for c in cells:
        # "| 2604.13833 | Title | … |": a cell that is an arXiv id, and nothing else, is the row's.
        if c is not None and (m := _BARE_ID_CELL.fullmatch(c[0].text[c[2] : c[3]])):
            d.ids.append(m.group("id"))
            break
    if (c := cell("title")) is not None and c[3] > c[2]:
        ln, off, a, e = c
        line = ln.text
        a, e = _title_in_cell(ln, a, e)
        tag = _VENUE_TAG.match(line, a, e)
        if tag and tag.end() < e:
            a = tag.end()  # "[2016 terryum] Title": the tag says where and when, not what
        labels = [lk.start for lk in ln.links if a < lk.start < e and LINK_LABEL_RE.match(line[lk.start : lk.end].strip("[] "))]
        if labels:
            e = len(line[: min(labels)].rstrip(" [(（"))  # "Title [[pdf]](…)": the link's label is not the title
        got = trailing_authors(line, a, e) if cell("authors") is None else None
        if got is not None:
            e = got[0]  # "Title, G. Lample et al.": the authors after the title
            d.set("authors", off + got[1][0], off + got[1][1])
        elif cell("authors") is None and (under := _authors_under_title(ln, e, c[3])) is not None:
            d.set("authors", off + under[0], off + under[1])  # "[Title](…) <br> A, B, C"
        d.set_title(line, off, a, e)
    for kind in ("authors", "affiliations"):
        if (c := cell(kind)) is not None:
            ln, off, a, e = c
            line = ln.text
            if kind == "authors":
                e = before_closing_year(line, a, e)  # "Name,2026": the year the column also holds is not a name
            if e > a and line[a:e].strip().lower() not in _EMPTY:
                d.set(kind, off + a, off + e)
    if (c := cell("category")) is not None:
        ln, off, a, e = c
        line = ln.text
        got = find_category(line[a:e])
        if got:
            d.set_category(off + a + got[0], off + a + got[1], got[2])
    for c in cells:
        # "| … | arXiv cs.AI | 2026-07-21 |": a feed's source cell that names an arXiv
        # listing, and nothing else, states the row's category.
        if c is not None and ARXIV_TAG_RE.fullmatch(c[0].text[c[2] : c[3]]) and (got := find_category(c[0].text[c[2] : c[3]])):
            d.set_category(c[1] + c[2] + got[0], c[1] + c[2] + got[1], got[2])
            break
    if (c := cell("date")) is not None:
        ln, off, a, e = c
        line = ln.text
        # "01/12/2020" on a page that writes "30/07/2017": the page's order before the
        # month-first reading find_date gives an undecided slashed date.
        got = (slash_date(line[a:e], day_first) if day_first is not None else None) or find_date(line[a:e])
        d.date = got[2] if got else None


def _html_row(b: Builder, first: int, last: int, header: bool, cells, columns: dict[str, int], day_first: bool | None = None) -> dict[str, int]:
    """An HTML ``<tr>`` row: a header names the columns, a data row is one paper."""
    doc = b.doc
    texts = [doc.lines[c[0]].text[c[1] : c[2]].strip() if c else "" for c in cells]
    head = _header(texts)
    if header or "title" in head and not columns:
        for k in range(first, last + 1):
            b.report(k, "table header")
        return head if "title" in head else columns
    if "title" not in columns:
        for k in range(first, last + 1):
            if b.lines[k].strip():
                b.report(k, NOT_IN_ENTRY)
        return columns
    d = b.open(first)
    offs = {k: b.take(k) for k in range(first, last + 1)}
    _fill(d, columns, [(doc.lines[c[0]], offs[c[0]], c[1], c[2]) if c else None for c in cells], day_first)
    b.close()
    return columns
