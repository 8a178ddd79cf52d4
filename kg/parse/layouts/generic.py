"""Layout ``generic``: the fallback for pages no other layout explains.

Paragraphs (runs of non-blank lines) that carry a paper — an arXiv id or a paper link,
or an author list — become entries: the first title-like line is the title, the first
author-list line the authors. Everything else is reported line by line. The driver
uses this layout when no other finds an entry::

    Segment Anything
    Alexander Kirillov, Eric Mintun, Nikhila Ravi
    https://arxiv.org/abs/2304.02643

Knowledge-base pages (MkDocs, docsify, GitBook) often list papers by the name of their
method and the month it appeared, with no link to the paper — a bold name opening a
paragraph, or a heading with the description under it::

    **MeshGPT** (2311) — Mesh-native AR generation with a VQ-VAE codebook …

    ### VoxHammer (2025.08) → [details](voxhammer.md)
    Training-free 3D editing on a TRELLIS backbone …

Where a page names at least :data:`~kg.parse.generic_named.MIN_NAMED` items that way,
each is an entry titled by the name (with a date in brackets or without, once the page
has shown the shape; :mod:`kg.parse.generic_named`).

Items open too at bullets that present a paper by its bold name and a summary verb
(:mod:`kg.parse.summary_items`: ``- **E2ESlack** proposes …``), at headings that carry
their paper (``### Title (https://arxiv.org/abs/…)``), and at the rows of a table whose
header names its paper column (``| 日期 | 汇报人 | 论文 |``).

This module decides where the items are; a paragraph (or list item, or table row) that
opens no named item is read by :func:`kg.parse.generic_paragraph.read_paragraph`.
"""
from __future__ import annotations

import re

from kg.parse.base import Builder, LayoutResult, blocks, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.document import ParsedDoc
from kg.parse.fields import line_fields
from kg.parse.links import local_paper_page, paper_link
from kg.parse.generic_named import fielded_headings, keyed_heading_titles, named_items, stamped_items
from kg.parse.generic_lines import one_per_line, page_slash_order, paper_items, title_end, title_like
from kg.parse.generic_page import read_page
from kg.parse.generic_paragraph import read_paragraph
from kg.parse.generic_people import keyed_authors, people_near_title
from kg.parse.generic_refs import may_be_reference, read_reference, reference_items
from kg.parse.generic_rows import html_title_rows, read_html_row, table_columns, titled_rows
from kg.parse.generic_titles import (
    cited_items, continues_item, left_reason, loose_items, numbered_heading, section_papers, titled_sections,
)
from kg.parse.summary_items import summarised_items
from kg.records import Span
from kg.text import arxiv_id, find_urls

__all__ = ["parse", "name", "in_gaps", "entry_bound"]

name = "generic"


def in_gaps(doc: ParsedDoc) -> bool:
    return False


# What closes a heading's title before the paper it carries: "(https://…", "- arXiv:…".
_TITLE_CLOSE = re.compile(r"[\s(（\[—–\-|:：]+$")


def _paper_heading(doc: ParsedDoc, k: int) -> tuple[int, int] | None:
    """The title of a heading that names a paper and carries its link or id (``### Title
    (https://arxiv.org/abs/…)``, ``## [Title](https://arxiv.org/abs/…)``): a post of
    papers read one under each heading, the paragraphs under it its text."""
    ln = doc.lines[k]
    t = ln.text
    urls = [(lk.url, lk.start, lk.end) for lk in ln.links] + find_urls(t)
    # A site's own page of a paper named by its id ("../../papers/arxiv-2607.18141/") too.
    papers = [(a, e) for u, a, e in urls if arxiv_id(u) or paper_link(u) or local_paper_page(u)]
    a0 = ln.start + len(t[ln.start :]) - len(t[ln.start :].lstrip())
    if not papers and not arxiv_id(t):
        # "### [Title](notes/title.md)" over its fields, one of them the paper's link: a
        # title linked to the site's own page heads the one paper its section carries.
        own = next(((a, e) for _, a, e in urls[:1] if a == a0 and title_like(t[a:e])), None)
        own = own if own is not None or urls else numbered_heading(doc, k)  # "### 1. Title"
        return own if own is not None and len(section_papers(doc, k)) == 1 else None
    for a, e in papers:
        if a == a0 and title_like(t[a:e]):
            return a, e  # the heading's text is the paper's link
    cut = min([a for _, a, _ in urls] + [len(t)])
    e = a0 + len(_TITLE_CLOSE.sub("", t[a0:cut]))
    return (a0, e) if title_like(t[a0:e]) else None


def _may_hold_id(text: str) -> bool:
    """Whether ``text`` may hold an arXiv id kg reads: every one — new-style in a link,
    after "arXiv:", in brackets or before a title ("2607.05394"), or old-style in a link
    ("hep-th/9901001") — has four digits after a dot or seven after a slash. Splitting
    at the dots and slashes costs a third of a regex search of a long file (``isdigit``
    accepts every digit the patterns' ``\\d`` does, and a few more)."""
    for sep, n in ((".", 4), ("/", 7)):
        if sep in text and any(len(p) >= n and p[:n].isdigit() for p in text.split(sep)[1:]):
            return True
    return False


# Line kinds by which the reader opens items inside a paragraph (or reads a table's rows).
_ITEM_MARKUP = frozenset(("heading", "table"))


def entry_bound(doc: ParsedDoc) -> int | None:
    """At most how many entries :func:`parse` finds in ``doc``, told without reading it, or
    None when no cheap bound holds. It holds on a page with no arXiv id anywhere (no digits
    shaped like one) and none of the markup by which this reader opens items inside a
    paragraph (links, bold or italic runs, headings, tables): each item then needs a
    paragraph of its own (a one-line post or a list of papers needs an id a line, a named
    or cited item its emphasis, a heading item its heading), so the entries are at most the
    paragraphs — or, where a paragraph's lines are references (:mod:`kg.parse.generic_refs`),
    its lines that may be one. An abstract dump written one abstract a line is one paragraph of thousands
    of abstracts: the driver need not run this reader to know it finds fewer."""
    if any(ln.links or ln.emphasised or ln.kind in _ITEM_MARKUP for ln in doc.lines):
        return None
    if _may_hold_id("\n".join(ln.raw for ln in doc.lines)):
        return None
    # A paragraph whose lines (or items) are each a reference gives an entry each, and
    # every such line carries a reference's evidence: those lines bound its entries.
    bound = refs = 0
    in_para = False
    for t in doc.texts:
        if not t.strip():
            if in_para:
                bound += max(1, refs)
            in_para, refs = False, 0
            continue
        in_para = True
        refs += may_be_reference(t)
    return bound + max(1, refs) if in_para else bound


def _keyed_date(d, doc: ParsedDoc, k: int) -> None:
    """Date ``d`` by a date field on line ``k`` under its title (``Date: 2025-10-02``, alone
    or joined to other fields by ``|``) where it has no date yet: the digest states it, which
    the arXiv id's month (the driver's last resort) only guesses."""
    ln = doc.lines[k]
    if d.date is not None or ":" not in ln.text and "：" not in ln.text:
        return  # cheap reject: no key
    text = ln.text[ln.start :]
    for kind, a, e in line_fields(text):
        if kind == "date":
            d.fill_plain("date", text, 0, a, e)
            return


def _split_at(runs, starts: dict[int, tuple[int, int]]):
    """The paragraphs of ``runs``, each cut before every line of ``starts`` inside it."""
    for block in runs:
        cut = [0] + [p for p, k in enumerate(block) if p and k in starts] + [len(block)]
        for a, z in zip(cut, cut[1:]):
            yield block[a:z]


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "generic")
    if read_page(b, doc):
        return b.result()  # a page about one paper: its metadata names it (generic_page)
    lines = b.lines
    named = named_items(doc)
    named.update((k, got) for k, got in stamped_items(doc).items() if k not in named)  # "1. [200122 Name](notes.md)"
    named.update((k, got) for k, got in keyed_heading_titles(doc).items() if k not in named)  # "### Title:" / "  Title"
    named.update((k, got) for k, got in fielded_headings(doc).items() if k not in named)  # "### Title" / "Date: …"
    # "- **E2ESlack** proposes …": bullets that present a paper by its bold name, one an
    # item even where the list runs on without blank lines.
    summarised = summarised_items(doc)
    named.update({k: (a, e, None) for k, (a, e) in summarised.items() if k not in named})
    # "### Title (https://arxiv.org/abs/…)": a heading that carries its paper opens an item.
    for k, ln in enumerate(doc.lines):
        if ln.kind == "heading" and k not in named and (got := _paper_heading(doc, k)) is not None:
            named[k] = (*got, None)
    named.update((k, (*got, None)) for k, got in titled_sections(doc, named).items())  # "## Title" over one paper
    order = page_slash_order(doc)  # how the page writes slashed dates (a reading log's "06/22/2020")
    under_heading = 0  # an item opened by a heading (its level) takes the paragraphs under it
    rows, header = html_title_rows(doc)  # "<tr><td>1</td><td><a …>Title</a></td>…": one paper a row
    header = set(header)
    done = -1  # the last line an HTML row read (its empty cells split it into paragraphs)
    # (summarised items are named too; a loose list item's paragraphs are one: loose_items)
    for block in loose_items(doc, _split_at(blocks(lines), named), named):
        # A page's YAML metadata is no paragraph of papers (the post layout reads a
        # paper's front matter); a folded value's second line reads like a title.
        for k in (k for k in block if doc.lines[k].kind == "front-matter" or k in header):
            b.report(k, "front matter" if k not in header else "table header")
        block = [k for k in block if doc.lines[k].kind != "front-matter" and k not in header and k > done]
        if not block:
            continue
        k0 = block[0]
        if k0 in rows:
            done = read_html_row(b, doc, rows[k0])
            for k in block:
                if k > done:
                    b.report(k, left_reason(doc, k))
            continue
        if k0 in named:
            a, e, date = named[k0]
            d = b.open(k0)
            d.date = date
            offs = {}
            for k in block:
                off = offs[k] = b.take(k)
                if k == k0:
                    d.set("title", off + a, off + e)
                    rest = strip_span(lines[k], off, e)
                    if rest[1] > rest[0]:
                        d.body.append(Span(*rest))
                elif not keyed_authors(d, doc, k, off):  # "- **Authors**: A, B" under the heading
                    _keyed_date(d, doc, k)  # "**Date:** 2025-10-02 | **Arxiv:** […](…)": the line stays text
                    d.body.append(Span(*strip_span(lines[k], off, doc.lines[k].start)))
            people_near_title(d, doc, block, offs)  # "Yuxuan Chen 等 · arXiv:… · 2026-04" under it
            under_heading = doc.lines[k0].level if doc.lines[k0].kind == "heading" else 0
            continue
        # Its subsections too ("## Title" over "### 主要工作" and "### 评分").
        if under_heading and (doc.lines[k0].kind != "heading" or doc.lines[k0].level > under_heading) and b.cur is not None:
            for k in block:
                off = b.take(k)
                if not keyed_authors(b.cur, doc, k, off):
                    b.cur.body.append(Span(*strip_span(lines[k], off, doc.lines[k].start)))
            continue
        under_heading = 0
        if b.cur is not None and continues_item(doc, block, b.cur.first):
            for k in block:  # "* [Title](…)", a blank line, "  * notes": the item's own notes
                b.cur.body.append(Span(*strip_span(lines[k], b.take(k), doc.lines[k].start)))
            continue
        run = [k for k in block if not is_boilerplate(lines[k], between_entries=True)]
        if one_per_line(doc, run):
            for k in run:
                d = b.open(k)
                off = b.take(k)
                line = lines[k]
                # "<i>Title</i> <a href=…>url</a>": the title ends at the label link after it.
                a = doc.lines[k].start
                e = title_end(doc, k, a)
                d.set_title(line, off, *strip_span(line, 0, a, e))
                if e < len(line):
                    d.body.append(Span(*strip_span(line, off, e)))
                b.close()
            for k in block:
                if k not in run:
                    b.report(k, left_reason(doc, k))
            continue
        groups = paper_items(doc, run) or cited_items(doc, run)
        refs = reference_items(doc, run) if groups is None and run else None
        if refs is not None:
            # "1. LeCun, Yann, … "Deep learning." Nature …": a reading list's references.
            for k, reason in refs[0]:
                b.report(k, reason)
            for group, k_ref, spans in refs[1]:
                read_reference(b, doc, group, k_ref, spans)
            for k in block:
                if k not in run:
                    b.report(k, left_reason(doc, k))
            continue
        columns = table_columns(doc, run) if groups is not None or run and doc.lines[run[0]].kind == "table" else {}
        headed = groups is None and (groups := titled_rows(doc, run, columns)) is not None
        if groups is None:
            read_paragraph(b, doc, block, run, order)
            continue
        # A list or table of papers written without blank lines: each item is a
        # paragraph of its own; lines of the block outside every item are reported.
        for group in groups:
            read_paragraph(b, doc, group, group, order, split=True, columns=columns, headed=headed)
        inside = {k for g in groups for k in g}
        for k in block:
            if k not in inside:
                b.report(k, left_reason(doc, k))
    return b.result()
