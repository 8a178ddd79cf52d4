"""A page about one paper, read whole by the ``generic`` layout.

Static sites, note vaults and clipping tools write one paper per file: metadata at the
top (YAML front matter) names the paper, the body discusses it under headings of its
own. Whatever the site, the page is one entry::

    ---
    title: "Universal Reasoning Model"
    authors: ["Zitian Gao", "Lynx Chen"]
    url: "https://arxiv.org/abs/2512.14693"
    ---
    ## Summary
    …

The entry opens at the key that names the paper (its title, else its authors or link)
and runs to the end of the file; the metadata's title, authors, date and category fill
it, and the opening paragraphs of the body fill what the metadata left out (an author
list on a line of its own, a ``Paper: [Title](…)`` field). Split from
:mod:`kg.parse.layouts.generic`, which calls :func:`read_page` before reading
paragraphs.
"""
from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from kg.parse.author_fields import author_value
from kg.parse.base import Builder, Draft, LayoutResult, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import field, people_heading
from kg.parse.front_matter_keys import key_spans, key_value, set_reference_or_category
from kg.parse.generic_lines import title_like, title_start
from kg.parse.generic_titles import left_reason, titled_sections
from kg.parse.links import MAX_IDS_OF_A_POST, page_paper_ids, paper_link, scholarly_link
from kg.parse.names import author_names, looks_like_authors
from kg.parse.writeup import close_at_citation, is_writeup
from kg.records import Span
from kg.text import arxiv_id

__all__ = ["Page", "doc_papers", "page_reading_better", "paper_page", "read_page", "reads_page"]

# A YAML flow list of quoted strings ('"A", "B"' once its brackets are off).
_QUOTED_LIST = re.compile(r"""\s*(?:"[^"\n]*"|'[^'\n]*')(?:\s*,\s*(?:"[^"\n]*"|'[^'\n]*'))*\s*""")


def doc_papers(doc: ParsedDoc) -> set[str]:
    """The arXiv ids ``doc`` states in its text or links."""
    out = set()
    for ln in doc.lines:
        out.update(i for lk in ln.links if (i := arxiv_id(lk.url)))
        if (i := arxiv_id(ln.text)) is not None:
            out.add(i)
    return out


#: Distinct links to publications other than arXiv (a DOI, a PubMed or publisher page)
#: above which a page lists papers: a post links its paper's page, its DOI, perhaps its
#: PDF and a related paper's; a digest of journal papers links two or three an item.
MAX_LINKS_OF_A_POST = 4


def _scholarly_urls(doc: ParsedDoc, stop: int) -> set[str] | None:
    """The page's links to publications outside arXiv, or None once there are more than
    ``stop``."""
    out: set[str] = set()
    for ln in doc.lines:
        for lk in ln.links:
            if arxiv_id(lk.url) is None and scholarly_link(lk.url):
                out.add(lk.url.rstrip("/"))
                if len(out) > stop:
                    return None
    return out


class Page(NamedTuple):
    """A page about one paper: the 0-based line its entry opens at, its metadata keys
    (:func:`~kg.parse.front_matter_keys.key_spans`) and, for a page titled by a heading,
    the title's span on that line."""

    first: int
    keys: dict[str, tuple[int, int, int]]
    heading: tuple[int, int] | None


def paper_page(doc: ParsedDoc) -> Page | None:
    """The :class:`Page` when ``doc`` is a page about one paper, else None. A page with
    no metadata is about one paper when it links exactly one arXiv paper and its first
    heading reads as a title (:func:`_headed_page`). A page is about one paper when its front matter names one — a title that is
    no digest's (no date, no boilerplate) or an author list — and either links it
    (a link key to a paper's address) or the page states or links at most
    :data:`MAX_IDS_OF_A_POST` arXiv papers and :data:`MAX_LINKS_OF_A_POST` other
    publications' pages and carries a paper (an id, a publisher's link, an author key),
    and no two of its sections are each headed by a paper's title (a digest's)."""
    if doc.front_matter_lines is None:
        return _headed_page(doc)
    keys = key_spans(doc)
    if "title" not in keys and "authors" not in keys:
        return _headed_page(doc)  # metadata that names no paper ("date:", "tags:"): its heading may
    if "title" in keys:
        title = key_value(doc, *keys["title"])
        if not title or find_date(title) or is_boilerplate(title, between_entries=True):
            return None  # a digest page ("每日论文综述 - 2026-04-24"), not a post about one paper
    linked = False
    if "link" in keys:
        k, s, e = keys["link"]
        url = doc.lines[k].text[s:e].strip()
        linked = paper_link(url) or arxiv_id(url) is not None
    if not linked:
        ids = page_paper_ids(doc.lines, MAX_IDS_OF_A_POST)
        if ids is None:
            return None
        elsewhere = _scholarly_urls(doc, MAX_LINKS_OF_A_POST)
        if elsewhere is None or not (ids or elsewhere or "authors" in keys):
            return None
    if titled_sections(doc, {}):
        return None  # two sections or more each titled by a paper's heading: a digest's
    first = keys["title"][0] if "title" in keys else min(keys[k][0] for k in ("authors", "link") if k in keys)
    return Page(first, keys, None)


def _title_heading(doc: ParsedDoc) -> tuple[int, int, int] | None:
    """``(line, start, end)`` of the page's first heading when it reads as a paper's
    title (``# 제목: FAST-LIVO2: Fast, Direct …``, ``## 📄 BERT: Pre-training …``): past
    its symbols and its title key; headings that are other fields (``# 📅 Date: …``) are
    passed over. None when the first other heading is no title."""
    for k, ln in enumerate(doc.lines):
        if ln.kind != "heading":
            continue
        t = ln.text
        a0 = title_start(t, ln.start)  # past "📅", "📄"
        f = field(t[a0:])
        if f is not None and f[0] != "title" or f is None and find_date(t[a0:]):
            continue  # "# 📅 Date: 2025-12-01", "# cs.CL @ 2024-05-14": the page's day, no title
        a, e = (a0 + f[1], a0 + f[2]) if f is not None else (a0, len(t))
        a, e = strip_span(t, 0, a, e)
        while e > a and (t[e - 1].isspace() or unicodedata.category(t[e - 1])[0] == "S"):
            e -= 1  # "… моделей 🚀🤖": the emoji closing a heading are no part of the title
        ok = not ln.links and len(t[a:e].split()) >= 3 and title_like(t[a:e])
        return (k, a, e) if ok else None
    return None


def one_paper(res: LayoutResult, doc: ParsedDoc, page: Page | None) -> bool:
    """Whether ``res`` reads ``doc``, a page about one paper (:func:`paper_page`), as that
    paper's one entry: opening in the front matter that names it, or at the heading that
    titles it (what the driver asks of a layout's reading of such a page)."""
    if page is None or len(res.entries) != 1:
        return False
    line, fm = res.entries[0].line, doc.front_matter_lines  # (a 1-based line, 0-based lines)
    if page.heading is None:
        return fm is not None and fm[0] + 1 < line <= fm[1]
    return line == page.first + 1


def reads_page(res: LayoutResult, doc: ParsedDoc) -> bool:
    """Whether ``res`` reads ``doc`` as the one entry of a page about one paper."""
    return len(res.entries) == 1 and one_paper(res, doc, paper_page(doc))


def page_reading_better(doc: ParsedDoc, res: LayoutResult, gen: LayoutResult) -> bool:
    """Whether the generic reader's ``gen`` reads ``doc`` as the one entry of a page
    about one paper where the layout's ``res`` does not. Against a layout that opens the
    page's one entry elsewhere with a title, only a page named by its metadata: a title
    heading is weaker evidence than the metadata's title key (the driver also asks that
    ``gen`` explain no less)."""
    page = paper_page(doc) if len(gen.entries) == 1 else None
    if page is None or not one_paper(gen, doc, page) or one_paper(res, doc, page):
        return False
    titled = len(res.entries) == 1 and (res.entries[0].title is not None or res.entries[0].title_zh is not None)
    return page.heading is None or not titled


def _headed_page(doc: ParsedDoc) -> Page | None:
    """A page with no metadata naming a paper, about the one arXiv paper it links (and
    no other publication), titled by its first heading (a paper note, a README
    reviewing one paper), that lists no linked titles."""
    ids = page_paper_ids(doc.lines, 1)
    if not ids or _scholarly_urls(doc, 0) is None:
        return None  # cheap reject first: no paper, or several (an arXiv one and a PDF elsewhere)
    got = _title_heading(doc)
    if got is None or _linked_items(doc) >= MIN_LINKED_ITEMS or titled_sections(doc, {}):
        return None
    # The paper is linked in the heading's section or above it (badges over a title), never
    # only under a later heading of its level ("### Tools we liked" over "### 1. Title").
    k = got[0]
    if any(ln.kind == "heading" and any(len(ln.text[x.start : x.end].split()) >= 3 for x in ln.links) for ln in doc.lines[k + 1 :]):
        return None  # headings below it that link titles ("#### [Title](…)"): a list of papers
    level = doc.lines[k].level
    end = next((j for j in range(k + 1, len(doc.lines)) if doc.lines[j].kind == "heading" and doc.lines[j].level <= level), None)
    if end is not None and page_paper_ids(doc.lines[:end], 1) != ids:
        return None
    return Page(got[0], {}, (got[1], got[2]))


#: List items or table rows opening with a linked title from which a page lists things
#: (a news table that links one paper among its headlines) rather than discusses one.
MIN_LINKED_ITEMS = 3


def _linked_items(doc: ParsedDoc) -> int:
    """How many list items and table rows open with a link whose text is of three words
    or more (``- [Title](…)``, ``| **8.0** | [Headline](…) |``), up to :data:`MIN_LINKED_ITEMS`."""
    n = 0
    for ln in doc.lines:
        if ln.kind not in ("item", "table") or not ln.links:
            continue  # cheap reject: no item, or no link
        lk = ln.links[0] if ln.kind == "item" else next((x for x in ln.links if len(ln.text[x.start : x.end].split()) >= 3), None)
        if lk is not None and len(ln.text[lk.start : lk.end].split()) >= 3:
            n += 1
            if n >= MIN_LINKED_ITEMS:
                break
    return n


def _key_name(doc: ParsedDoc, k: int) -> str:
    text = doc.lines[k].text
    return text[: text.find(":")].strip().casefold() if ":" in text else ""


def _metadata(
    d: Draft, doc: ParsedDoc, i: int, line: str, off: int, keys: dict[str, tuple[int, int, int]]
) -> tuple[int, int] | None:
    """Fill ``d`` from the front-matter keys on line ``i``; returns the span of an author
    list to take only when the body names no authors."""
    pending = None
    for kind, (k, s, e) in keys.items():
        if k != i:
            continue
        if kind == "title":
            value = key_value(doc, k, s, e)
            if title_like(value):
                if e > len(line):
                    d.set("title", off + s, off + e)  # folded over the next lines
                else:
                    d.set_title(line, off, s, e)
        elif kind == "authors":
            value = key_value(doc, k, s, e)
            got = author_names(value) if e <= len(line) else None
            # A post's writer is one person ("author: Hongsup Shin"); a key that lists two
            # names or more, or one that says it is the paper's, names the paper's authors.
            paper_key = "paper" in _key_name(doc, k)
            if e > len(line):
                if paper_key or looks_like_authors(", ".join(x.strip(" -\"'") for x in value.split(" - "))):
                    d.set("authors", *strip_span(line, off, s, e))  # a block list: its item lines
            elif got is not None and (len(got[0]) >= 2 or paper_key):
                got2 = author_value(line[s:e])
                if got2 is not None and _QUOTED_LIST.fullmatch(line[s:e]):
                    # '["A", "B"]': the names keep their quotes in the text, so a plain
                    # author line in the body, where there is one, gives them instead.
                    pending = (off + s + got2[0], off + s + got2[1])
                elif got2 is not None:
                    d.set("authors", off + s + got2[0], off + s + got2[1])
        elif kind in ("reference", "category"):
            set_reference_or_category(d, kind, line[s:e], off + s, keys)  # "paper_ref: Riedmiller, M. 2005"
        elif kind == "date" and d.date is None:
            got = find_date(line[s:e])
            d.date = got[2] if got else None
    return pending


def _body_line(d: Draft, doc: ParsedDoc, i: int, off: int, opening: bool | str) -> None:
    """A line of the page's body: a title or author field fills what the metadata left
    out, and so does, in the opening paragraphs (``opening``: before the first heading),
    a line that is only an author list of two names or more — of one name or more under
    a heading that names the paper's people (``opening == "people"``)."""
    ln = doc.lines[i]
    line = ln.text
    a = ln.start
    f = field(line[a:])
    if f is not None and f[0] in ("title", "authors") and f[0] not in d.spans and f[2] > f[1]:
        s, e = a + f[1], a + f[2]
        # "- Paper: [Title](…)": the link's text is the value.
        link = next((lk for lk in ln.links if s <= lk.start and lk.end <= e + 1), None)
        if link is not None:
            s, e = link.start, link.end
        value = line[s:e]
        if f[0] == "title" and "title_zh" not in d.spans and title_like(value):
            d.set_title(line, off, *strip_span(line, 0, s, e))
            return
        if f[0] == "authors" and (got := author_value(value)) is not None and looks_like_authors(value):
            d.set("authors", off + s + got[0], off + s + got[1])
            return
    if opening and "authors" not in d.spans:
        x, y = strip_span(line, 0, a)
        value = line[x:y]
        got = author_names(value) if value and (opening == "people" or "," in value) else None
        if got is not None and (len(got[0]) >= 2 or opening == "people") and looks_like_authors(value):
            d.set("authors", off + x, off + y)
            return
    d.body.append(Span(*strip_span(line, off, a)))


def read_page(b: Builder, doc: ParsedDoc) -> bool:
    """Read ``doc`` as one entry when it is a page about one paper (:func:`paper_page`);
    False (nothing read) otherwise."""
    got = paper_page(doc)
    if got is None:
        return False
    first, keys, heading = got
    fa, fb = doc.front_matter_lines or (-1, -1)
    for i in range(0, first):
        if b.lines[i].strip():
            # The site's metadata, or the badges and headings over a note's title.
            b.report(i, "front matter" if fa <= i <= fb else left_reason(doc, i))
    # A write-up of a talk about the paper: its front-matter author is the writer, and a
    # BibTeX block in it cites the write-up (kg.parse.writeup).
    writeup = is_writeup(doc)
    if writeup:
        keys = {k: v for k, v in keys.items() if k != "authors"}
    d = b.open(first)
    opening: bool | str = True  # where a page names its people: before its first heading
    pending = None
    for i in range(first, len(b.lines)):
        if not b.lines[i].strip():
            continue
        ln = doc.lines[i]
        if writeup and close_at_citation(b, doc, i):
            return True
        off = b.take(i)
        if i == first and heading is not None:
            d.set_title(b.lines[i], off, *heading)
            continue
        if fa <= i <= fb:
            pending = _metadata(d, doc, i, b.lines[i], off, keys) or pending
            continue
        if ln.kind == "heading":
            # "## 👥 作者与机构": the section under it names the paper's people.
            opening = "people" if people_heading(ln.text[ln.start :]) else False
        _body_line(d, doc, i, off, opening)
    if pending is not None:
        d.set("authors", *pending)  # set only where the body named none
    b.close()
    return True
