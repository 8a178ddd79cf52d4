"""Where the ``generic`` layout finds a title that no link, quote or line of its own
sets apart: an item that opens with a title set in emphasis (``- *Title* (report) on
…``), and a citation written as two sentences, the title and the author list in either
order (``Title. A Author, B Author.``, ``A Author, B Author. Title.``). Split from
:mod:`kg.parse.layouts.generic`, which assembles entries from them."""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Draft, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.document import ParsedDoc
from kg.parse.generic_lines import lead_title, title_like
from kg.parse.item_people import cited_below
from kg.parse.names import looks_like_authors
from kg.text import arxiv_id

__all__ = ["opens_titled", "citation_sentences", "cited_items", "cited_title", "continues_item", "left_reason", "numbered_heading", "section_papers",
    "titled_sections",
]


def opens_titled(doc: ParsedDoc, k: int) -> bool:
    """Line ``k`` opens with a title of three words or more set in bold or italics, with
    no colon after it (``- **Key concept**: …`` labels a note)."""
    if not doc.lines[k].emphasised:
        return False  # cheap reject: most lines set nothing in emphasis
    got = lead_title(doc, k)
    return (
        got is not None and len(doc.texts[k][got[0] : got[1]].split()) >= 3
        and not doc.texts[k][got[1] :].lstrip(" *_").startswith((":", "："))
    )


# A sentence's full stop: not an initial's ("A. Graves", "J.Pouget"), not "et al.".
_STOP = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])(?<!\bal)\.(?=\s|$)")


def _sentences(t: str, a: int, e: int) -> list[tuple[int, int]]:
    """The sentences of ``t[a:e]`` as spans, without their full stops."""
    out, pos = [], a
    for m in _STOP.finditer(t, a, e):
        out.append(strip_span(t, 0, pos, m.start()))
        pos = m.end()
    out.append(strip_span(t, 0, pos, e))
    return [(x, y) for x, y in out if y > x]


def citation_sentences(d: Draft, doc: ParsedDoc, run: list[int], offs: dict[int, int]) -> None:
    """Set ``d``'s title and authors from the first line of ``run`` that opens with two
    sentences, one an author list and the other a title (a citation: ``Towards
    Table-to-Text Generation. Lya Suadaa, Hidetaka Kamigaito.``). Only where the entry
    has neither yet."""
    if "title" in d.spans or "title_zh" in d.spans or "authors" in d.spans:
        return
    for k in run:
        t = doc.texts[k]
        if t.count(".") < 1 or "," not in t or k not in offs:
            continue  # cheap reject: a citation has a full stop and a comma between names
        a = doc.lines[k].start
        # Up to the first link: what follows it is the citation's links and badges.
        e = min([lk.start for lk in doc.lines[k].links] + [len(t)])
        parts = _sentences(t, a, e)[:2]
        if len(parts) < 2:
            continue
        (x0, y0), (x1, y1) = parts
        first, second = t[x0:y0].strip(" *_"), t[x1:y1].strip(" *_")
        if title_like(first) and looks_like_authors(second):
            title, people = (x0, y0), (x1, y1)
        elif looks_like_authors(first) and title_like(second):
            title, people = (x1, y1), (x0, y0)
        else:
            continue
        off = offs[k]
        d.set_title(t, off, *strip_span(t, 0, *title))
        d.set("authors", *strip_span(t, off, *people))
        return


def left_reason(doc: ParsedDoc, k: int) -> str:
    """Why line ``k`` is in no entry: boilerplate, a table's header (the row over its
    ``|---|`` rule, and the rule: they name the columns of the papers under them, which
    the page explains), or no reason the reader knows."""
    ln = doc.lines[k]
    if ln.kind == "table-rule" or (
        ln.kind == "table" and k + 1 < len(doc.lines) and doc.lines[k + 1].kind == "table-rule"
    ):
        return "table header"
    return is_boilerplate(doc.texts[k], between_entries=True) or NOT_IN_ENTRY


def continues_item(doc: ParsedDoc, block: list[int], first: int) -> bool:
    """Whether paragraph ``block`` goes on with the list item at line ``first`` (the
    open entry's first line): a loose list puts a blank line between an item and the
    notes nested under it (``* [Title](…)``, a blank line, ``  * 本文提出…``), so a
    paragraph of items nested deeper than that item is its notes."""
    top = doc.lines[first]
    return top.kind == "item" and all(doc.lines[k].kind == "item" and doc.lines[k].level > top.level for k in block)


# The number a digest gives its items in headings ("### 1. Title", "## 2) Title", a
# keycap emoji "## 1️⃣ Title").
_NUMBER = re.compile(r"\s*(?:\d{1,3}[.)、]\s+|\d\ufe0f?\u20e3\s*)")


def numbered_heading(doc: ParsedDoc, k: int) -> tuple[int, int] | None:
    """The title of a numbered heading (``### 1. Perceptual Flow Network for …``): the
    text past its number when it reads as a title of three words or more; else None.
    The caller takes it for a paper only where the heading's section carries one."""
    ln = doc.lines[k]
    m = _NUMBER.match(ln.text, ln.start)
    if m is None:
        return None
    a, e = strip_span(ln.text, 0, m.end())
    return (a, e) if len(ln.text[a:e].split()) >= 3 and title_like(ln.text[a:e]) else None


def cited_items(doc: ParsedDoc, run: list[int]) -> list[list[int]] | None:
    """The items of a paragraph listing papers that link none — each a title set in bold
    or italics over the line that cites it by year and authors (``+ **Title**`` over
    ``2014 - (…) - [Yangqing Jia] [Evan Shelhamer]``; see :func:`cited_title`) — when
    it opens with one and holds two or more; else None. Each item runs to the next."""
    if len(run) < 4 or not doc.lines[run[0]].emphasised:
        return None  # cheap reject
    starts = [p for p, k in enumerate(run[:-1]) if cited_title(doc, run[p : p + 2])]
    if len(starts) < 2 or starts[0] != 0:
        return None
    return [run[a:z] for a, z in zip(starts, starts[1:] + [len(run)])]


def cited_title(doc: ParsedDoc, run: list[int]) -> bool:
    """A paragraph that opens with a title set wholly in bold or italics (three words or
    more) and cites it on the next line by year and authors (``+ **Caffe: …**`` over
    ``2014 - (…) - [Yangqing Jia] [Evan Shelhamer]``): a paper that links nothing."""
    if len(run) < 2 or not doc.lines[run[0]].emphasised:
        return False  # cheap reject
    ln = doc.lines[run[0]]
    a, e = strip_span(ln.text, 0, ln.start)
    a = a + len(ln.text[a:e]) - len(ln.text[a:e].lstrip("+-*• "))
    whole = any(strip_span(ln.text, 0, s, f) == (a, e) for s, f in ln.emphasised)
    return (whole and len(ln.text[a:e].split()) >= 3 and title_like(ln.text[a:e]) or opens_titled(doc, run[0])) and cited_below(
        doc, run[0], run[-1]
    )


def section_papers(doc: ParsedDoc, k: int) -> set[str]:
    """The arXiv papers the lines under heading ``k`` carry, up to the next heading of
    its level or above (its subsections, "### 主要工作" under "## Title", are its own)."""
    out: set[str] = set()
    level = doc.lines[k].level
    for ln in doc.lines[k + 1 :]:
        if ln.kind == "heading" and ln.level <= level:
            break
        out.update(i for lk in ln.links if (i := arxiv_id(lk.url)))
        if (i := arxiv_id(ln.text)) is not None:
            out.add(i)
    return out


def titled_sections(doc: ParsedDoc, taken: dict) -> dict[int, tuple[int, int]]:
    """Heading line → title span of the plain headings (no link, not in ``taken``) that
    read as a title of three words or more over a section linking exactly one paper
    (``## Large-Scale Automatic Audiobook Creation`` … ``[详情](https://huggingface.co/papers/2309.03926)``),
    when a page has two or more: a post of papers, one a section. A lone one is a note's
    section citing a paper, not a paper."""
    found = {}
    for k, ln in enumerate(doc.lines):
        if ln.kind != "heading" or ln.links or k in taken:
            continue  # cheap reject first: most lines are no plain heading
        a, e = strip_span(ln.text, 0, ln.start)
        if len(ln.text[a:e].split()) >= 3 and title_like(ln.text[a:e]):
            found[k] = (a, e)
    if len(found) < 2:
        return {}
    # The papers of every section in one pass (a heading's section holds its subsections).
    papers: dict[int, set[str]] = {k: set() for k in found}
    stack: list[int] = []
    for k, ln in enumerate(doc.lines):
        if ln.kind == "heading":
            while stack and doc.lines[stack[-1]].level >= ln.level:
                stack.pop()
            stack.append(k)
            continue
        if stack and (ln.links or "." in ln.text):
            ids = {i for lk in ln.links if (i := arxiv_id(lk.url))} | ({i} if (i := arxiv_id(ln.text)) else set())
            for h in stack:
                if h in papers:
                    papers[h] |= ids
    found = {k: v for k, v in found.items() if len(papers[k]) == 1}
    return found if len(found) >= 2 else {}
