"""Layout ``frontmatter``: a static-site post about one paper (Jekyll, Hexo, Hugo).

YAML front matter names the paper, section headings below hold its abstract, its
translation and its links::

    ---
    title: "Segment Anything"
    author: Alexander Kirillov, Eric Mintun
    categories: arXiv_CV
    ---
    ##### Abstract

One entry per file; its line is the line of the paper title. ``categories``/``tags``
give the category (``arXiv_CV`` is ``CV``, never a model), ``date`` the date.
"""
from __future__ import annotations

from kg.parse.base import Builder, LayoutResult, strip_span
from kg.parse.categories import find_category
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import FIELD_RE, field_kind
from kg.parse.titles import title_spans
from kg.records import Span

__all__ = ["parse", "name", "in_gaps"]

name = "frontmatter"


def in_gaps(doc: ParsedDoc) -> bool:
    return False  # one paper per file: a stretch of another page is not a post


def _keys(doc: ParsedDoc) -> dict[str, tuple[int, int, int]]:
    """Front-matter keys by the entry part they fill: ``kind -> (line, value start, end)``."""
    out: dict[str, tuple[int, int, int]] = {}
    assert doc.front_matter_lines is not None
    a, b = doc.front_matter_lines
    for i in range(a + 1, b):
        text = doc.lines[i].text
        if text[:1].isspace():
            continue  # nested YAML
        m = FIELD_RE.match(text)
        if not m or not m.group("k2"):
            continue
        kind = field_kind(m.group("k2"))
        if kind is None or kind in out:
            continue  # the first of "categories:" and "tags:" gives the category
        s, e = m.start("val"), m.end("val")
        if e > s and text[s] in "'\"[" and text[e - 1] in "'\"]":
            s, e = s + 1, e - 1  # a quoted or flow-list value
        out[kind] = (i, s, e)
    return out


def parse(doc: ParsedDoc) -> LayoutResult:
    """The post as one entry, or nothing when the file has no front matter with a title."""
    b = Builder(doc, "frontmatter")
    fm = doc.front_matter
    if not fm or doc.front_matter_lines is None or not isinstance(fm.get("title"), str):
        return b.result()
    keys = _keys(doc)
    if "title" not in keys:
        return b.result()
    first = min(keys[k][0] for k in keys if k in ("title", "authors", "category"))
    fa, fb = doc.front_matter_lines
    for i in range(fa, first):
        b.report(i, "front matter")
    d = b.open(first)
    for i in range(first, len(b.lines)):
        if not b.lines[i].strip():
            continue
        off = b.take(i)
        line = b.lines[i]
        if fa <= i <= fb:
            for kind, (k, s, e) in keys.items():
                if k != i:
                    continue
                if kind == "title":
                    en, zh = title_spans(line, s, e)
                    if en:
                        d.set("title", off + en[0], off + en[1])
                    if zh:
                        d.set("title_zh", off + zh[0], off + zh[1])
                elif kind in ("authors", "affiliations", "title_zh"):
                    d.set(kind, *strip_span(line, off, s, e))
                elif kind == "category":
                    got = find_category(line[s:e])
                    if got:
                        d.set_category(off + s + got[0], off + s + got[1], got[2])
                elif kind == "date":
                    got = find_date(line[s:e])
                    d.date = got[2] if got else d.date
            continue
        ln = doc.lines[i]
        if ln.kind == "heading":
            continue  # "##### Abstract", "##### URL": section labels
        d.body.append(Span(*strip_span(line, off)))
    res = b.result()
    if not res.entries:
        return LayoutResult([], [*res.unassigned], 0)
    return res

