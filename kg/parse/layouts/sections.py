"""Layout ``sections``: one heading per item, then sections about it.

LLM-written daily digests and feed pages give each item a heading (``## Title``,
``### 3. Title``, ``## 📄 Title``) and put what they say about it under sub-headings or
bold labels (``**1. 主要工作**``, ``### 👥 Authors``, ``### 📝 Abstract``), with a link
to the paper somewhere in the item::

    ## Large-Scale Automatic Audiobook Creation
    **1. 主要工作**
    本文描述了一项用于从在线电子书自动生成高质量有声书的系统……
    [到 Huggingface 论文主页查看详情](https://huggingface.co/papers/2309.03926)

The item level is the heading level whose items link the most papers. An item is a
paper when it links one (an arXiv id, a paper page); items that link none — news, a
GitHub repository, a company blog post — are reported as non-paper items, not entries.
A section label that is a field key (``Authors``, ``作者``) says what the text under it
is; other labels (``主要工作``, ``Key Topics``) head body text.
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_value
from kg.parse.author_lines import bare_authors
from kg.parse.base import (
    NON_PAPER,
    NOT_IN_ENTRY,
    Builder,
    Draft,
    LayoutResult,
    local_paper_page,
    paper_link,
    scholarly_link,
    strip_span,
)
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import byline, fill_byline, reference_byline
from kg.parse.captioned import captioned_headings
from kg.parse.document import Line, ParsedDoc
from kg.parse.fields import field, field_kind, line_fields
from kg.parse.link_lines import link_line, links_headline, paper_labelled
from kg.parse.names import bracket_kind
from kg.parse.presenters import lists_talks
from kg.parse.titles import SENTENCE_END_RE, lead_venue_tag, post_title, title_spans
from kg.records import Span
from kg.text import arxiv_id, find_urls, is_cjk

__all__ = ["parse", "name", "in_gaps"]

name = "sections"

# Item numbers and the symbols digests put in front of headings and labels: "3. ",
# "📄 ", "1.", "【2】".
# A number's full stop is followed by a space ("3. Title"), so "2.5 Years in Class" keeps its "2.5".
# Chinese item numbers too: "二、论文一：Title" ("2. Paper one: Title"); keycap emoji
# numbers ("1️⃣ Title": a digit, an optional variation selector, the combining keycap).
_LEAD = re.compile(
    r"^[\W_]*?(?:\d{1,3}(?:\.(?=\s)|\s*[、:：)）])\s*|\d\ufe0f?\u20e3\s*|【\s*\d{1,3}\s*】\s*|[一二三四五六七八九十]{1,3}\s*、\s*)?"
    r"(?:(?:论文|Paper)\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[:：]\s*)?(?=[^\W_])",
    re.UNICODE,
)


# A method's short name in brackets closing a note's title heading ("(BP-Net)", "(ViT)"):
# one token opening with a letter, a capital, digit or hyphen in it (a year is no name) — the
# note's gloss, not the title's.
_SHORT_NAME = re.compile(r"\s*[(（](?=[^()（）\s]*[A-Z0-9\-])[A-Za-z][\w\-+.]{0,19}[)）]\s*$")


def in_gaps(doc: ParsedDoc) -> bool:
    return False  # an item is a heading and what follows it up to the next: never a stretch


def _label(text: str) -> str:
    """A heading's or label's words, without item number, symbols or a closing colon."""
    s = text.strip()
    m = _LEAD.match(s)
    if m:
        s = s[m.end() :]
    return re.sub(r"[\s:：]+$", "", s)


def _title_like(text: str) -> bool:
    s = _label(text)
    f = field(s)
    if f is not None and f[0] == "title" and f[2] > f[1]:
        s = s[f[1] : f[2]]  # "제목: Title" ("title:"): the title key heads its paper
    # "Authors", "📅 Date: 2025-12-01": a field key or a field line heads no paper.
    elif field_kind(s) is not None or f is not None or not 2 <= len(s) <= 300:
        return False
    return len(s.split()) >= 2 or sum(is_cjk(c) for c in s) >= 4


def _paper_urls(line: Line) -> list[str]:
    """Paper links of a line: link targets and bare addresses (``- Paper: https://…``);
    a heading's link to the site's own page of the paper (``### [Title](../papers/arxiv-2607.18141/)``)."""
    urls = [*(lk.url for lk in line.links), *(x[0] for x in find_urls(line.text))]
    out = [u for u in urls if paper_link(u)]
    if not out:
        # A journal paper: its publisher's, DOI's or PubMed's page (kg/data/parse/scholarly_hosts.txt);
        # such pages side by side on one line ("[PubMed](…) | [DOI](…)") are one paper's.
        out = [u for u in urls if scholarly_link(u)][:1]
    if not out and line.kind == "heading":
        out = [lk.url for lk in line.links if local_paper_page(lk.url)]
    return out


def _links_paper(line: Line) -> bool:
    return bool(arxiv_id(line.text)) or bool(_paper_urls(line)) or any(arxiv_id(x) for x in line.ids)


def _in_list_items(doc: ParsedDoc) -> frozenset[int]:
    """Line indices inside list items: a heading there (a setext ``-`` under an item's
    title and byline, as Markdown reads ``+ **Title**`` / ``  2014 - [A] [B]`` / ``  -``)
    belongs to the list, not to the page's sections."""
    return frozenset(k for blk in doc.blocks if blk.kind == "list_item" for k in range(blk.first, blk.last + 1))


def _heading(doc: ParsedDoc, i: int, listed: frozenset[int]) -> bool:
    return doc.lines[i].kind == "heading" and i not in listed


def _items(doc: ParsedDoc, level: int, listed: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """``(first, last)`` line indices of the items headed at ``level``."""
    heads = [i for i, ln in enumerate(doc.lines) if _heading(doc, i, listed) and ln.level <= level]
    out = []
    for k, i in enumerate(heads):
        if doc.lines[i].level != level:
            continue
        end = heads[k + 1] - 1 if k + 1 < len(heads) else len(doc.lines) - 1
        out.append((i, end))
    return out


#: What an item is: one paper, no paper, or a section listing several (not this layout);
#: or a collected post about a paper, titled by the English title it opens with.
PAPER, NONE, SEVERAL, POST = "paper", "none", "several", "post"


def _paper_keys(line: Line) -> frozenset[str]:
    """The papers a line links: its arXiv ids, else its paper links (empty: none)."""
    if not line.links and not line.ids and "." not in line.text:
        return frozenset()  # no link, no id, no address: the common case, cheaply
    ids = _ids(line)
    if ids:
        return frozenset(ids)
    return frozenset(_paper_urls(line)) if _links_paper(line) else frozenset()


def _kind(doc: ParsedDoc, keys_of: list[frozenset[str]], i: int, e: int, captioned: frozenset[int] = frozenset()) -> str:
    """Whether the item of lines ``i..e`` is a paper: it presents one link to one paper
    (on a link line; all its paper links name the same arXiv id or sit on one line),
    none, or several (a section of a list) — or links one only inside a sentence, which
    is another layout's to read (``SEVERAL`` too: not this layout)."""
    keys: set[str] = set()
    presented = False
    # A heading over a table whose rows each link a headline (a feed's news and papers, one
    # per row) heads a list, not one paper; a table of labelled links about one paper
    # ("| Original Paper | [arXiv](…) |") does not.
    if sum(1 for k in range(i, e + 1) if doc.lines[k].kind == "table" and links_headline(doc.lines[k])) >= 2:
        return SEVERAL
    # "- Paper: https://arxiv.org/pdf/…" over "- Codex: https://arxiv.org/pdf/…": one link
    # labelled as the paper itself says which paper the item is; the others are ones it cites.
    labelled = [k for k in range(i, e + 1) if keys_of[k] and paper_labelled(doc.lines[k])]
    for k in labelled if len(labelled) == 1 else range(i, e + 1):
        if keys_of[k]:
            keys |= keys_of[k]
            if len(keys) > 1:
                return SEVERAL
            # An author line closed by label links ("*A, B* [[paper]](…) [[code]](…)")
            # presents them as the paper's, as a line of links does.
            presented = presented or link_line(doc.lines[k]) or bare_authors(doc.lines[k]) is not None
    if not keys:
        # An item that names its authors (``- **Authors:** A, B``) is a paper whose link is
        # missing or broken (``https://arxiv.org/abs/`` with no id), never a news item: it
        # is another layout's to read, not this layout's to explain away.
        if _names_authors(doc, i, e) or lists_talks(doc, i, e):
            return SEVERAL
        # A heading the page sets like its other papers' (over the same captioned
        # paragraph, kg.parse.captioned) is a paper without a link.
        if i in captioned:
            return PAPER
        # A title heading with its authors on the line under it ("## **Title**" over "*A
        # Smith, B Jones* [code](…)"): a paper whose link is broken or missing, as a paper
        # library lists them — a news item has no author line.
        if _byline_under(doc, i, e) and _title_like(doc.lines[i].text[doc.lines[i].start :]):
            return PAPER
        # A feed of collected posts: the item's heading opens with a paper's English title
        # before the post's Chinese text, and the item links the post.
        head = doc.lines[i]
        if (
            post_title(head.text, head.start, len(head.text)) is not None
            and any(doc.lines[k].links for k in range(i, e + 1))
            and not any(doc.lines[k].kind == "heading" for k in range(i + 1, e + 1))  # a post has no sections
        ):
            return POST
        return NONE
    if not presented:
        return SEVERAL
    return PAPER if _title_like(doc.lines[i].text[doc.lines[i].start :]) else NONE


def _names_authors(doc: ParsedDoc, i: int, e: int) -> bool:
    """Whether lines ``i..e`` hold an author field whose value is a list of names (not a
    count such as ``1 researchers``)."""
    for k in range(i, e + 1):
        text = doc.lines[k].text
        got = field(text)
        if got is not None and got[0] == "authors" and author_value(text[got[1] : got[2]]) is not None:
            return True
    return False


def _byline_under(doc: ParsedDoc, i: int, e: int) -> bool:
    """Whether the first line with text under heading ``i`` (up to ``e``) is a bare author list."""
    k = next((k for k in range(i + 1, e + 1) if doc.lines[k].text.strip()), None)
    return k is not None and doc.lines[k].kind != "heading" and bare_authors(doc.lines[k]) is not None


def _ids(line: Line) -> set[str]:
    return {x for x in [arxiv_id(line.text), *(arxiv_id(lk.url) for lk in line.links), *map(arxiv_id, line.ids)] if x}


def _page_title(doc: ParsedDoc, items: list[tuple[int, int]]) -> bool:
    """Items that are one heading at the top of the page with everything under it."""
    if len(items) != 1:
        return False
    first = next((k for k, ln in enumerate(doc.lines) if ln.text.strip()), None)
    return items[0][0] == first


def _papers(
    doc: ParsedDoc, keys_of: list[frozenset[str]], items: list[tuple[int, int]], captioned: frozenset[int] = frozenset()
) -> list[str]:
    return [_kind(doc, keys_of, i, e, captioned) for i, e in items]


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "sections")
    listed = _in_list_items(doc)
    levels = sorted({ln.level for i, ln in enumerate(doc.lines) if _heading(doc, i, listed)})
    if not levels:
        # No heading, no item: nothing here is this layout's (reported without a closer look).
        for i, ln in enumerate(doc.lines):
            if ln.text.strip():
                b.report(i, NOT_IN_ENTRY)
        return b.result()
    keys_of = [_paper_keys(ln) for ln in doc.lines]
    best: tuple[int, int, list[tuple[int, int]], list[bool]] | None = None
    for level in levels:
        items = _items(doc, level, listed)
        papers = _papers(doc, keys_of, items)
        n = papers.count(PAPER) + papers.count(POST)
        # The level whose items link the most papers; of equals the outer one, unless the
        # outer one is a single heading over the whole page (a page title over one item).
        if n and (best is None or n > best[0] or n == best[0] and _page_title(doc, best[2])):
            best = (n, level, items, papers)
    if best is None:
        # No item links a paper: a page of headed items none of which is a paper (a news
        # digest) is still read, item by item, so that it is not mistaken for abstracts.
        level = min(levels, key=lambda lv: -len(_items(doc, lv, listed)), default=None)
        items = _items(doc, level, listed) if level is not None else []
        papers = _papers(doc, keys_of, items, captioned_headings(doc))
        if len(items) < 2 or SEVERAL in papers:
            items = []
    else:
        _, level, items, papers = best
    starts = {i: (e, p) for (i, e), p in zip(items, papers)}
    i = 0
    while i < len(doc.lines):
        if i in starts:
            e, kind = starts[i]
            if kind in (PAPER, POST):
                _entry(b, i, e, post=kind == POST)
            else:
                # A section listing several papers is another layout's to read.
                for k in range(i, e + 1):
                    if doc.lines[k].text.strip():
                        b.report(k, NON_PAPER if kind == NONE else NOT_IN_ENTRY)
            i = e + 1
            continue
        if doc.lines[i].text.strip() and doc.lines[i].kind != "front-matter":
            reason = is_boilerplate(doc.lines[i].text, between_entries=True)
            b.report(i, reason or ("heading" if doc.lines[i].kind == "heading" else NOT_IN_ENTRY))
        i += 1
    return b.result()


def _entry(b: Builder, i: int, last: int, post: bool = False) -> None:
    doc, lines = b.doc, b.lines
    d = b.open(i)
    off = b.take(i)
    ln = doc.lines[i]
    a = ln.start + (_LEAD.match(ln.text[ln.start :]).end() if _LEAD.match(ln.text[ln.start :]) else 0)
    a, e = strip_span(ln.text, 0, a)
    s0 = strip_span(ln.text, 0, ln.start)[0]
    if (tagged := lead_venue_tag(ln.text, s0, e)) is not None:
        a = tagged  # "## [[CVPR 2025] **Title**](…)": the venue tag's bracket is not a symbol to skip
    f = field(ln.text[a:e])
    if f is not None and f[0] == "title" and f[2] > f[1]:
        a, e = a + f[1], a + f[2]  # "# 제목: Title" ("title:"): the key names the heading's value
    short = _SHORT_NAME.search(ln.text, a, e)
    if short is not None and len(ln.text[a : short.start()].split()) >= 3:
        e = short.start()  # "# Bilateral Propagation Network for Depth Completion (BP-Net)"
    if post and (pt := post_title(ln.text, a, e)) is not None:
        a, e = pt  # the post's text after the title is neither its title nor a translation
    d.set_title(ln.text, off, a, e)
    pending: str | None = None  # what the text under the last section label is
    content = 0  # content lines seen since the title
    for k in range(i + 1, last + 1):
        s = lines[k]
        if not s.strip():
            continue
        koff = b.take(k)
        line = doc.lines[k]
        ref = reference_byline(s, line.start) if "authors" not in d.spans and content == 0 and pending is None else None
        if ref is not None:
            # "**Vaswani et al., 2017**" right under the title: its short reference, set in
            # bold like a section label but naming the authors and the year.
            d.set("authors", koff + ref[0], koff + ref[1])
            content += 1
            continue
        if _section_label(line):
            pending = field_kind(_label(s[line.start :])) or "body"
            continue
        f = field(s)
        if f is not None:
            _fill(d, s, koff, *f)
            pending = None
            continue
        shared = line_fields(s) if byline(line) is None else None
        if shared:
            # "- 评分: ⭐ 82/100 | 日期: 2026-05-18": known fields beside an unknown one.
            for kind, fa, fe in shared:
                _fill(d, s, koff, kind, fa, fe)
            pending = None
            continue
        content += 1
        if pending is not None and pending != "body":
            _fill(d, s, koff, pending, line.start, len(s))
            pending = None
            continue
        if pending is None and content == 1 and "affiliations" not in d.spans and bracket_kind(s[line.start :]) == "affiliations":
            # An organisation where the authors go ("<span class=paper-authors>Tencent AI Lab
            # and MIT</span>" under a card's title): the institutions.
            d.set("affiliations", *strip_span(s, koff, line.start))
            continue
        names = bare_authors(line) if "authors" not in d.spans and pending is None and content == 1 else None
        if names is not None:
            d.set("authors", koff + names[0], koff + names[1])  # a bare author line under the title
            continue
        parts = byline(line) if content == 1 else None
        if parts is not None:
            fill_byline(d, line, koff, parts)
            continue
        if line.kind != "html" or line.text.strip() and not _chips(line):
            d.body.append(Span(*strip_span(s, koff, line.start)))
    b.close()


def _chips(line: Line) -> bool:
    """A line of HTML tag chips (``<span class="tag">PreRL</span><span class="tag">Dual
    Space RL</span>``): short texts of separate elements set side by side with no space
    between them, which read as one glued word ("PreRLDual Space RL") — labels, not text."""
    o = line.origin
    t = line.text.strip()
    if o is None or not t or len(t) > 120 or SENTENCE_END_RE.search(t):
        return False
    # Letters or digits on both sides of markup that separated them: two texts glued.
    glued = sum(1 for k in range(1, len(o)) if o[k] != o[k - 1] + 1 and line.text[k].isalnum() and line.text[k - 1].isalnum())
    return glued >= 1


def _section_label(line: Line) -> bool:
    """A sub-heading, or a line that is nothing but a bold label (``**1. 主要工作**``),
    inside an item: it names the section under it."""
    text = line.text[line.start :]
    if line.kind == "heading":
        return True
    if not line.emphasis or field(line.text) is not None:
        return False
    s = _label(text)
    return 0 < len(s) <= 40 and not SENTENCE_END_RE.search(s)


def _fill(d: Draft, line: str, off: int, kind: str, a: int, e: int) -> None:
    if kind == "authors":
        got = author_value(line[a:e])
        if got is not None:
            d.set("authors", off + a + got[0], off + a + got[1])
    elif kind in ("title_zh", "affiliations"):
        d.set(kind, *strip_span(line, off, a, e))
    elif kind == "title" and "title" not in d.spans:
        # "- **英文标题**：English Title" under a Chinese heading: the paper's title.
        en, zh = title_spans(line, *strip_span(line, 0, a, e))
        if en:
            d.set("title", off + en[0], off + en[1])
    else:
        d.fill_plain(kind, line, off, a, e)
