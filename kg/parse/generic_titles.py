"""Where the ``generic`` layout finds a title that no link, quote or line of its own
sets apart: an item that opens with a title set in emphasis (``- *Title* (report) on
…``), and a citation written as two sentences, the title and the author list in either
order (``Title. A Author, B Author.``, ``A Author, B Author. Title.``). Split from
:mod:`kg.parse.layouts.generic`, which assembles entries from them."""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Draft, strip_span
from kg.records import Span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.generic_lines import lead_title, title_like
from kg.parse.item_people import cited_below
from kg.parse.links import scholarly_link
from kg.parse.names import looks_like_authors
from kg.text import arxiv_id, find_urls

__all__ = ["loose_items", "opens_titled", "wrapped_title", "citation_sentences", "cited_items", "cited_title", "continues_item", "left_reason", "numbered_heading", "section_papers",
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
    # A heading no rule read as a paper's titles a section of the page: the page explains it.
    return is_boilerplate(doc.texts[k], between_entries=True) or ("heading" if ln.kind == "heading" else NOT_IN_ENTRY)


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
        m = _NUMBER.match(ln.text, ln.start)  # "## 1. Title": the title is past its number
        a, e = strip_span(ln.text, 0, m.end() if m else ln.start)
        # "#### August 12, 2020": a day heads the papers of that day, it names none.
        if len(ln.text[a:e].split()) >= 3 and title_like(ln.text[a:e]) and not find_date(ln.text[a:e]):
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
            if not ids and (any(scholarly_link(lk.url) for lk in ln.links) or any(scholarly_link(u) for u, _, _ in find_urls(ln.text))):
                # "**Cancer Cell** | [PubMed](…) | [DOI](…)": a line's links to a
                # publication's pages (its record, its DOI) are one paper's.
                ids = {f"line {k}"}
            for h in stack:
                if h in papers:
                    papers[h] |= ids
    found = {k: v for k, v in found.items() if len(papers[k]) == 1}
    # "### Autonomous AI Systems" over "#### AIDE: AI-Driven Exploration …": of two nested
    # headings over the same one paper, the inner one titles it (the outer names a topic).
    inner = [k for k in found if any(j > k and papers[j] == papers[k] and doc.lines[j].level > doc.lines[k].level
                                     and _in_section(doc, k, j) for j in found)]
    for k in inner:
        del found[k]
    return found if len(found) >= 2 else {}


def _in_section(doc: ParsedDoc, k: int, j: int) -> bool:
    """Line ``j`` lies in the section heading ``k`` opens (before a heading of its level or above)."""
    level = doc.lines[k].level
    return not any(doc.lines[i].kind == "heading" and doc.lines[i].level <= level for i in range(k + 1, j))


def loose_items(doc: ParsedDoc, paragraphs, named: dict):
    """``paragraphs`` with those of one loose list item joined: a top-level item whose
    paragraphs (blank lines between them, as footnote definitions and loose lists write
    them: ``[^3]: 中文标题``, then ``    English Title``, then ``    [https://arxiv.org/abs/…](…)``)
    carry exactly one arXiv paper between them is one paragraph, so the paper is read
    from the item's first line. Paragraphs that open a named item are never joined."""
    spans = {b.first: b.last for b in doc.blocks if b.kind == "list_item" and b.level == 1}
    pending: list[int] = []
    last = -1
    for block in paragraphs:
        if pending and block[0] <= last and block[0] not in named:
            pending = pending + list(block)
            continue
        if pending:
            yield pending
            pending = []
        end = spans.get(block[0], -1)
        if end > block[-1] and block[0] not in named and _one_paper_in(doc, block[0], end):
            pending, last = list(block), end
            continue
        yield block
    if pending:
        yield pending


def _one_paper_in(doc: ParsedDoc, a: int, b: int) -> bool:
    ids = set()
    for ln in doc.lines[a : b + 1]:
        ids.update(i for lk in ln.links if (i := arxiv_id(lk.url)))
        if (i := arxiv_id(ln.text)) is not None:
            ids.add(i)
        if len(ids) > 1:
            return False
    return len(ids) == 1


def wrapped_title(d: Draft, doc: ParsedDoc, run: list[int], offs: dict[int, int]) -> None:
    """Extend ``d``'s title over the next line when the bold or italic run that holds it
    closes on that line (``**2. VideoAnydoor: … with Precise Motion`` / ``  Control**``):
    a long title the source wrapped inside its emphasis."""
    span = d.spans.get("title")
    if span is None:
        return
    for p, k in enumerate(run[:-1]):
        off = offs.get(k)
        text = doc.texts[k]
        if off is None or not off <= span.start < off + len(text) + 1:
            continue
        end = len(text.rstrip())
        nxt = doc.lines[run[p + 1]]
        if span.end - off < end or not any(s <= span.start - off and e >= end for s, e in doc.lines[k].emphasised):
            return  # the title does not run to the end of an emphasis open at the line's end
        if doc.lines[k].raw.rstrip(" \\\t").endswith(("*", "_")):
            return  # the emphasis closes on this line ("**Title** \\"); the next line's is another run
        em = next(((s, e) for s, e in nxt.emphasised if s <= nxt.start + len(nxt.text[nxt.start :]) - len(nxt.text[nxt.start :].lstrip())), None)
        if em is not None and run[p + 1] in offs and title_like(text[span.start - off : end] + " " + nxt.text[em[0] : em[1]].strip()):
            o2 = offs[run[p + 1]]
            d.spans["title"] = Span(span.start, o2 + em[1])
            who = d.spans.get("authors")
            if who is not None and o2 <= who.start < o2 + len(nxt.text):
                del d.spans["authors"]  # "Human-comparable Elo Ratings" ends the title, names no one
        return
