"""Layout ``fields``: entries made of labelled lines, in Markdown or plain text.

Field digests (``【N】Title`` / ``标题：`` / ``作者：A,B,C`` / ``机构：`` / ``链接：`` /
``摘要：``), newsletters (a bold title, then ``Authors:`` / ``Affiliations:`` /
``Abstract:``) and Markdown paper lists with links (papers.cool and similar: a heading
``## [#N](arxiv) [English title 中文标题](…)``, then ``**Authors**: [Name](…), …``,
``**Subjects**:``, ``**Publish**:``)::

    ## [#2](https://arxiv.org/abs/2401.00001) [A Title 一个标题](https://papers.cool/arxiv/2401.00001)
    **Authors**: [Jane Doe](https://arxiv.org/a/doe_j_1), [Bo Li](https://arxiv.org/a/li_b_1)

An entry opens at its title (a title field, or a heading, bold line or numbered line
directly followed by fields or an author line) and closes at a separator.
"""
from __future__ import annotations

import re

from kg.parse.author_fields import author_team, author_value, closing_organisations
from kg.parse.author_lines import bare_authors, several_names
from kg.parse.base import (
    NON_PAPER,
    NOT_IN_ENTRY,
    Builder,
    Draft,
    LayoutResult,
    link_labels_only,
    next_nonblank,
    strip_span,
    url_only,
    without_news,
)
from kg.parse.boilerplate import IN_ENTRY_NOISE, PAGE_CHROME_RE, is_boilerplate
from kg.parse.byline import byline, fill_byline, listed_author, reference_byline
from kg.parse.captioned import captioned_headings
from kg.parse.document import Line, ParsedDoc
from kg.parse.fields import (
    FIELD_RE, field, field_kind, line_fields, original_title_field, preprint_statement, restated_title_field,
    translated_title_field,
)
from kg.parse.names import bracket_kind, looks_like_authors
from kg.parse.titles import SENTENCE_END_RE, heading_marks, sibling_heading_title, title_label
from kg.records import Span, Unassigned
from kg.text import PAPER_URL_RE, arxiv_id, cjk_share, is_cjk

__all__ = ["parse", "name", "title_range"]

name = "fields"

# An item number in front of a title: "1. ", "[12] ", "#2 ", "【3】", "No. 4".
# ("2.5 Years in Class" is a title that starts with a number, not item 2.)
_LEAD_NUMBER = re.compile(r"\s*(?:\d{1,3}(?:\s*\.(?!\d)|\s*[、:：)）])|\d\ufe0f?\u20e3|\[\d{1,4}\]|#\d{1,5}|【\s*\d{1,4}\s*】|No\.\s*\d{1,4}|[(（]\d{1,3}[)）])\s*")
_NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[、.．:：)）]|\d\ufe0f?\u20e3|【\s*\d{1,3}\s*】|\[\s*\d{1,3}\s*\]|#\s*\d{1,3}|No\.\s*\d{1,3}|[(（]\d{1,3}[)）])\s*[^\s\[［]")
_SEPARATOR = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")


def title_range(line: Line) -> tuple[int, int] | None:
    """``(start, end)`` in ``line.text`` of the title a heading, a wholly bold line or a
    numbered line holds (item numbers and block markers left out), else ``None``."""
    t = line.text
    if line.kind == "heading" or line.emphasis and line.kind in ("text", "item"):
        a = line.start
    elif _NUMBERED.match(t):
        a = 0
    else:
        return None
    m = _LEAD_NUMBER.match(t, a)
    if m:
        a = m.end()
    a, e = strip_span(t, 0, a, len(t))
    while e > a and t[e - 1] == "#":  # closing hashes of "## Title ##" are text to CommonMark
        e -= 1
    a, e = strip_span(t, 0, a, e)
    if e > a and line.kind != "heading" and line.emphasis and several_names(t[a:e]):
        return None  # "*Lovelace, Ada and Hopper, Grace*" under a title: its authors set in italics
    return (a, e) if e > a else None


def _fill(d: Draft, lines: list[str], i: int, off: int, kind: str, a: int, e: int) -> None:
    """One field's value into the entry."""
    line = lines[i]
    if kind == "authors" and "authors" not in d.spans:
        wrapped = _wrapped_authors(lines, i, a, e)
        if wrapped is not None:
            # "Authors: A, B,\nC, D": the list goes on on the next line.
            d.set("authors", off + strip_span(line, 0, a, e)[0], off + len(line) + 1 + wrapped[1])
            return
    if kind == "authors" and (got := author_value(line[a:e])) is not None:
        d.set("authors", off + a + got[0], off + a + got[1])  # without a note after the names
        team = author_team(line[a:e]) or closing_organisations(line[a:e], got[1])
        if team is not None:
            # "Simple AI: A, B" (who signs), "A, B 等 (Acme Lab)" (where they work).
            d.set("affiliations", off + a + team[0], off + a + team[1])
    elif kind == "affiliations" and preprint_statement(line[a:e]):
        # "Institution: arXiv (2603.03237v1) — q-bio.QM": where the paper is, not who
        # made it; the category it states is the entry's.
        d.fill_plain("category", line, off, a, e)
    elif kind in ("title_zh", "authors", "affiliations"):
        d.set(kind, *strip_span(line, off, a, e))
    else:
        d.fill_plain(kind, line, off, a, e)


def _wrapped_authors(lines: list[str], i: int, a: int, e: int) -> tuple[int, int] | None:
    """``(next line, end in it)`` when an author field's value ends in a separator and the
    next line goes on with names."""
    value = lines[i][a:e].rstrip()
    if not value.endswith((",", "，", "、", ";", " and")) or i + 1 >= len(lines):
        return None
    nxt = lines[i + 1]
    if not nxt.strip() or field(nxt) or not looks_like_authors(value.rstrip(",，、; and") + ", " + nxt.strip()):
        return None
    return i + 1, len(nxt.rstrip())


def _emphasised(line: Line, a: int, b: int) -> bool:
    """Whether ``line.text[a:b]`` (trimmed) is set in bold or italics."""
    a, b = strip_span(line.text, 0, a, b)
    return b > a and any(s <= a and b <= e for s, e in line.emphasised)


def _opens_entry(lines: list[str], i: int, title: str, doc: ParsedDoc | None = None) -> bool:
    """A title line opens an entry when fields or an author line come right after it —
    not when the line after it is itself a title over fields (a page heading over a
    newsletter item: "# This week" / "**Segment Anything**" / "Authors: …")."""
    if doc is not None and doc.lines[i].kind == "heading" and _paper_links(doc.lines[i], only=False):
        return True  # "#### [A Survey of Visual Transformers](https://arxiv.org/abs/…)": the heading links its paper
    nxt = next_nonblank(lines, i, 2)
    if not nxt:
        return False
    if doc is not None and _paper_links(doc.lines[nxt[0]]):
        return True  # "### Title" over "[arXiv](https://arxiv.org/abs/…) · [PDF](…)"
    if doc is not None and byline(doc.lines[nxt[0]]) is not None:
        return True  # "**Title**" over "A Author (Org) · [arXiv](…) · 2026-04-15"
    if doc is not None and len(nxt) > 1 and field(lines[nxt[0]]) is None and _link_line(doc.lines[nxt[0]]):
        nxt = nxt[1:]  # "[project](…)" / "[code](…)" between the title and its fields
    if doc is not None and field(lines[nxt[0]]) is None and (tr := title_range(doc.lines[nxt[0]])) is not None:
        if _opens_entry(lines, nxt[0], lines[nxt[0]][tr[0] : tr[1]]):
            return False
    nf = field(lines[nxt[0]])
    if nf and nf[0] == "title" and any(is_cjk(c) for c in lines[nxt[0]][nf[1] : nf[2]]) and not any(is_cjk(c) for c in title):
        return True  # "标题：中文标题" under an English title translates it
    if nf and nf[0] == "title" and sum(is_cjk(c) for c in title) >= 4 and not any(is_cjk(c) for c in lines[nxt[0]][nf[1] : nf[2]]):
        # "原文标题：English Title" under a Chinese title is its original (a label such as
        # "论文1" over a title field is no title of its own).
        return True
    if nf and nf[0] in ("authors", "affiliations", "title_zh", "link"):
        return True
    if nf and nf[0] == "title":
        return False  # a title field under a heading opens its own entry
    if nf or FIELD_RE.match(lines[nxt[0]]) and (
        line_fields(lines[nxt[0]]) or doc is not None and (_labelled(doc.lines[nxt[0]]) or _bullet_field(lines[nxt[0]]))
    ):
        # Other fields first ("来源：cs.LG", "方向：arXiv/CV", "摘要：…", "- **Score**: 0.18",
        # "- 分數：8"): the entry shows itself by a link or author field among the next few.
        # Bulleted fields whose key kg does not know are passed over, but then only a link
        # to the paper itself opens the entry (a heading over "- Code: …" bullets does not).
        unknown = False
        for k in next_nonblank(lines, nxt[0], 4):
            kinds = {f[0] for f in line_fields(lines[k])}
            if kinds & {"authors", "affiliations"} or "link" in kinds and (not unknown or doc is not None and _paper_links(doc.lines[k], only=False)):
                return True
            if "title" in kinds:
                return False
            if not kinds:
                if doc is None or not _bullet_field(lines[k]):
                    return False
                unknown = True
        return False
    return looks_like_authors(lines[nxt[0]]) or doc is not None and bare_authors(doc.lines[nxt[0]]) is not None


def _plain_title(lines: list[str], i: int) -> tuple[int, int] | None:
    """A plain line that reads as a title, directly over an author field (a newsletter
    written without markup: "Segment Anything" / "Authors: A, B")."""
    if i + 1 >= len(lines) or ":" not in lines[i + 1] and "：" not in lines[i + 1]:
        return None  # the next line is no field at all (the common case, cheaply)
    s = lines[i].strip()
    if PAGE_CHROME_RE.search(s) or not 8 <= len(s) <= 250 or len(s.split()) < 2 and sum(is_cjk(c) for c in s) < 4 or SENTENCE_END_RE.search(s.rstrip(".")):
        return None
    if i + 1 >= len(lines) or (nf := field(lines[i + 1])) is None or nf[0] != "authors":
        return None
    return strip_span(lines[i], 0)


def _bullet_field(line: str) -> bool:
    """A bulleted ``key: value`` line (``- 分數：8``, ``- Score: 0.18``), known key or not."""
    m = FIELD_RE.match(line)
    return bool(m and m.group("k2") and re.match(r"\s*[-*+•]\s", line) and m.group("val"))


def _labelled(line: Line) -> bool:
    """A line whose key is set in bold (``- **Score**: 0.181``): a field, known key or not,
    never a title."""
    km = FIELD_RE.match(line.text)
    return bool(km and km.group("k2") and _emphasised(line, km.start("k2"), km.end("k2")))


def _link_line(line: Line) -> bool:
    """A line of links and nothing else (``[code](…) | [project](…)``)."""
    return bool(line.links) and url_only(line.text, len(line.links))


def _paper_links(line: Line, only: bool = True) -> bool:
    """A line of links (``only``), or any line, with a link to the paper itself."""
    return bool(line.links) and (not only or url_only(line.text, len(line.links))) and any(
        PAPER_URL_RE.search(lk.url) or arxiv_id(lk.url) for lk in line.links
    )


def _continues(doc: ParsedDoc, k: int) -> bool:
    """Whether line ``k`` goes on with the field value of the line before: indented in the
    file, not a field, not a heading or an item of its own."""
    ln = doc.lines[k]
    return bool(ln.text.strip()) and ln.raw[:1] in " \t" and ln.kind == "text" and field(ln.text) is None


def _title_continued(doc: ParsedDoc, i: int) -> int:
    """The last line of a bold title wrapped over several lines of one paragraph
    (``**1. 2.5 Years in Class: A Multimodal Textbook for Vision-Language`` /
    ``Pretraining**``): ``i`` itself when the title is one line."""
    k = i
    while doc.lines[k].kind == "text" and doc.lines[k].emphasis and doc.lines[k].emphasis_wraps and k + 1 < len(doc.lines):
        if not doc.lines[k + 1].emphasis:
            break  # the run ends early on the next line, which goes on in plain text
        k += 1
    return k


def parse(doc: ParsedDoc) -> LayoutResult:
    """Entries made of labelled lines (see the module docstring)."""
    b = Builder(doc, "fields")
    lines = b.lines
    skip = -1  # lines up to here were taken as the continuation of a wrapped title
    paper_heading = ""  # the marks ("###") of the last heading that opened an entry
    listing = False  # an author key with no value opened a list of names under it
    captioned = captioned_headings(doc)  # "## Title" over "**Idea:** …" along the page
    for i, line in enumerate(lines):
        s = line.strip()
        if i <= skip or not s or doc.lines[i].kind == "front-matter":
            continue
        f = field(line)
        if f and f[0] == "title" and url_only(line[f[1] : f[2]], len(doc.lines[i].links)):
            f = ("link", f[1], f[2])  # "- Paper: https://arxiv.org/abs/…": the key names a link here
        if f and f[0] == "title":
            d = b.cur
            if d is not None and original_title_field(d, line[f[1] : f[2]]):
                off = b.take(i)
                d.set_title(line, off, f[1], f[2])  # the English original of the Chinese title
                continue
            if d is not None and restated_title_field(d, line[f[1] : f[2]]):
                b.take(i)  # "- 论文：Title" among the notes under "1. **Title**"
                continue
            if d is not None and translated_title_field(d, line[f[1] : f[2]]):
                # "【1】 English Title" then "标题：中文标题": the field is the translation.
                off = b.take(i)
                d.set("title_zh", *strip_span(line, off, f[1], f[2]))
                continue
            d = b.open(i)
            off = b.take(i)
            k = i + 1
            if k < len(lines) and _continues(doc, k):
                # "Title: Mining Usage Patterns with Symbolic" / "  Finite Automata": the value
                # goes on on the next, indented line (arXiv's listing mails wrap so).
                koff = b.take(k)
                d.set("title", off + f[1], koff + len(lines[k].rstrip()))
                skip = k
            else:
                d.set_title(line, off, f[1], f[2])
            continue
        tr = None if f else title_range(doc.lines[i]) or (None if _labelled(doc.lines[i]) else _plain_title(lines, i))
        if tr:
            title = line[tr[0] : tr[1]]
            last = _title_continued(doc, i)
            run = sibling_heading_title(doc.lines[i], tr, paper_heading) if doc.lines[i].kind == "heading" else None
            if run is not None or i in captioned or _opens_entry(lines, last, title, doc):
                if doc.lines[i].kind == "heading":
                    paper_heading = heading_marks(doc.lines[i].raw)
                d = b.open(i)
                if run is not None:
                    # "### 🔹 *The Illusion of Thinking*" among "### 🔹 [Title](arXiv)" headings:
                    # a paper the list names without a link.
                    off = b.take(i)
                    d.set_title(line, off, *run)
                    continue
                off = b.take(i)
                if last > i:
                    for k in range(i + 1, last + 1):
                        koff = b.take(k)
                    # One title over the lines of its paragraph, read with spaces for the breaks.
                    d.set("title", off + tr[0], koff + len(lines[last].rstrip()))
                    skip = last
                else:
                    d.set_title(line, off, *tr)
                continue
            kind = field_kind(re.sub(r"[:：]+$", "", title))
            if b.cur is not None and kind in ("body", "link", "meta", "category", "date"):
                # "#### Abstract" inside an entry labels the text under it.
                b.take(i)
                continue
            if b.cur is None or doc.lines[i].kind == "heading":
                nxt = next_nonblank(lines, i, 1)
                b.report(i, "section heading" if nxt and field(lines[nxt[0]]) else is_boilerplate(line, True) or "heading")
                continue
        if _SEPARATOR.match(line) or doc.lines[i].kind == "rule":
            b.report(i, "separator")
            continue
        if b.cur is None:
            reason = is_boilerplate(line, between_entries=True)
            km = FIELD_RE.match(line)
            if reason is None and km and km.group("k2") and _emphasised(doc.lines[i], km.start("k2"), km.end("k2")):
                reason = "page metadata"  # "- **Last Updated**: …": a labelled line about the page
            b.report(i, reason or NOT_IN_ENTRY)
            continue
        reason = None if f else is_boilerplate(line)
        if reason:
            b.report(i, reason, close=reason not in IN_ENTRY_NOISE)
            continue
        d = b.cur
        off = b.take(i)
        if f is None and listing and listed_author(d, doc.lines[i], off, extend=True):
            continue  # "**Authors:**" / "- Ann Lee" / "- Bo Chen": the list under the key
        listing = False
        # "- **评分**: 88/100 | **日期**: 2026-05-18": an unknown key first, known ones after it.
        shared = line_fields(line) if f is None and FIELD_RE.match(line) else []
        # A byline right under the title whose only "field" is its arXiv link ("Carla Diaz ·
        # arXiv:2604.13504": the link reads as a field whose key is the people) is a byline.
        if f is None and (not shared or len(shared) == 1 and shared[0][0] == "link" and arxiv_id(line)):
            near = len([x for x in d.lines if x.text.strip()]) <= 2
            parts = byline(doc.lines[i]) if near else None
            if parts is not None:
                fill_byline(d, doc.lines[i], off, parts)  # the people, link and date under the title
                continue
            shared = line_fields(line)
            if shared:
                # "- 评分: ⭐ 88/100 | 日期: 2026-05-18": known fields beside an unknown first one.
                for kind, a, e in shared:
                    _fill(d, lines, i, off, kind, a, e)
                continue
            if near and "authors" not in d.spans and "affiliations" not in d.spans and bracket_kind(line) == "affiliations":
                d.set("affiliations", *strip_span(line, off))  # an organisation where the authors go
                continue
            if (
                "authors" not in d.spans
                and len([x for x in d.lines if x.text.strip()]) <= 2
                and (names := bare_authors(doc.lines[i])) is not None  # not "[Read Paper](…)": it names no one
            ):
                # "*Amr Hegazy,Mostafa Elhoushi*" right under the title (the list may go on
                # on the next line; label links may close it: "*A, B* [code](…)").
                wrapped = _wrapped_authors(lines, i, 0, len(line)) if not line[names[1] :].strip() else None
                if wrapped is not None:
                    d.set("authors", off + names[0], off + len(line) + 1 + wrapped[1])
                else:
                    d.set("authors", off + names[0], off + names[1])
                continue
            ref = reference_byline(line, doc.lines[i].start) if near and "authors" not in d.spans else None
            if ref is not None:
                # "**Vaswani et al., 2017**" under the title: a reading list's short reference.
                d.set("authors", off + ref[0], off + ref[1])
                continue
            # An unlabelled short Chinese line right under the title is its translation.
            if (
                cjk_share(s) > 0.5
                and "title_zh" not in d.spans
                and len(s) <= 120
                and not SENTENCE_END_RE.search(s[:-1])
                and len(d.lines) <= 2
                and not _labelled(doc.lines[i])  # "- **评分**: 88": a field kg does not know, no title
            ):
                d.set("title_zh", *strip_span(line, off))
            elif doc.lines[i].kind != "html":
                d.body.append(Span(*strip_span(line, off)))
            continue
        for kind, a, e in shared or line_fields(line):
            _fill(d, lines, i, off, kind, a, e)
            # "**Authors:**" alone on its line: the names follow, one list item each.
            listing = kind == "authors" and not line[a:e].strip() and "authors" not in d.spans
    return without_news(_without_resources(b.result()))


def _without_resources(res: LayoutResult) -> LayoutResult:
    """Items whose title is labelled as a model, dataset or demo page ("Hugging Face
    Models: org/name-8B") are not papers: their lines are reported as such."""
    drop = [e for e in res.entries if title_label(e.text[e.title.start :] if e.title else "") == "resource" or _resource_line(e)]
    if not drop:
        return res
    gone = {id(e) for e in drop}
    told = list(res.unassigned)
    for e in drop:
        for k, text in enumerate(e.text.split("\n")):
            if text.strip():
                told.append(Unassigned(e.file, e.line + k, text.strip(), NON_PAPER))
    return LayoutResult([e for e in res.entries if id(e) not in gone], sorted(told, key=lambda u: u.line), res.covered)


def _resource_line(e) -> bool:
    """The entry's first line, past its item marker, opens with a resource label."""
    first = e.text.split("\n", 1)[0]
    return title_label(re.sub(r"^[\s#>*+\-•]*(?:\d{1,3}[.、)]\s*)?", "", first)) == "resource"
