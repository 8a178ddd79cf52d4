"""Layout ``namedpost``: a page about one paper that names it in its opening lines rather
than in a title field.

Two shapes, both one paper per file:

* a post whose opening sentence names the paper in title marks, its front matter (if
  any) naming only the day (a lab's paper-of-the-day post)::

      ---
      title: 2021-01-25 论文推荐
      date: 2021-01-25
      author: qrzbing
      ---

      大家好，今天我带来的是来自 *NDSS 2017* 的《Ramblr: Making Reassembly Great Again》。

* a review page whose first heading is the paper's title (perhaps after a review label,
  ``Обзор …``) with the paper's arXiv link in the badges around it::

      [![arXiv](https://img.shields.io/badge/arXiv-2501.12948-b31b1b.svg)](https://arxiv.org/abs/2503.20215)

      # Обзор Qwen2.5-Omni: Мультимодальная модель нового поколения

The entry runs from the line that names the paper to the end of the page; what stands
before it (front matter, badges) is reported, the badges' links kept as the entry's. A page that names more than one arXiv
paper, or whose opening names none this way, is left to the other layouts.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.parse.base import Builder, LayoutResult, strip_span
from kg.parse.data import load_words
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind
from kg.text import arxiv_id, is_cjk

__all__ = ["parse", "name", "in_gaps"]

name = "namedpost"

#: Non-blank lines after the front matter in which the paper must be named.
OPENING = 6

# A title in title marks: 《…》 (Chinese book-title marks) or 「…」/『…』.
_MARKED = re.compile(r"[《「『](?P<t>[^《》「」『』\n]{6,300})[》」』]")
# Emoji and symbols closing a heading ("DAPO: … 🚀🤖").
_TRAILING_SYMBOLS = re.compile(r"[\s\W_]*$")
_REVIEW = tuple(sorted((w.casefold() for w in load_words("review_labels.txt")), key=len, reverse=True))


def in_gaps(doc: ParsedDoc) -> bool:
    return False  # one paper per page


def _arxiv_ids(doc: ParsedDoc) -> set[str]:
    ids: set[str] = set()
    for ln in doc.lines:
        for source in (ln.text, *(lk.url for lk in ln.links)):
            aid = arxiv_id(source)
            if aid:
                ids.add(aid[:10])
    return ids


def _latin_title(s: str) -> bool:
    """A paper title in Latin script (the page itself may be Chinese or Russian)."""
    words = s.split()
    return len(words) >= 3 and not any(is_cjk(c) for c in s) and sum(c.isalpha() for c in s) >= 10


def _opening(doc: ParsedDoc) -> list[int]:
    """0-based indices of the first :data:`OPENING` non-blank lines after the front matter."""
    start = doc.front_matter_lines[1] + 1 if doc.front_matter_lines else 0
    out = []
    for i in range(start, len(doc.lines)):
        if doc.lines[i].raw.strip():  # badge lines have links but no text
            out.append(i)
            if len(out) == OPENING:
                break
    return out


def _day_title(doc: ParsedDoc) -> bool:
    """The front matter has no title key, or its title names no paper (a day's label)."""
    fm = doc.front_matter or {}
    title = next((str(v) for k, v in fm.items() if field_kind(str(k)) == "title"), None)
    return title is None or not _latin_title(title)


def _marked_title(doc: ParsedDoc, opening: list[int]) -> tuple[int, int, int] | None:
    """``(line, start, end)`` of a paper title in title marks in the opening paragraph."""
    for i in opening:
        ln = doc.lines[i]
        if ln.kind in ("heading", "code", "front-matter"):
            continue
        m = _MARKED.search(ln.text)
        if m and _latin_title(m.group("t")):
            return (i, *strip_span(ln.text, 0, m.start("t"), m.end("t")))
        if ln.kind == "text" and len(ln.text.strip()) > 20 and not ln.links:
            return None  # the opening paragraph named no paper this way
    return None


def _heading_title(doc: ParsedDoc, opening: list[int], ids: set[str]) -> tuple[int, int, int] | None:
    """``(line, start, end)`` of a first-level heading that names the page's one arXiv
    paper, linked in the lines around it."""
    if len(ids) != 1 or doc.front_matter_lines:
        return None
    heads = [i for i in opening if doc.lines[i].kind == "heading" and doc.lines[i].level == 1]
    if not heads:
        return None
    h = heads[0]
    near = [k for k in opening if k < h or 0 < k - h <= 4]  # the badges above it, or just below
    if not any(arxiv_id(lk.url) for k in near for lk in doc.lines[k].links):
        return None
    ln = doc.lines[h]
    a, e = strip_span(ln.text, 0, ln.start)
    e = a + len(_TRAILING_SYMBOLS.sub("", ln.text[a:e])) if _TRAILING_SYMBOLS.search(ln.text[a:e]) else e
    low = ln.text[a:e].casefold()
    for w in _REVIEW:
        if low.startswith(w) and len(low) > len(w) and not low[len(w)].isalnum():
            a = a + len(w)
            a, e = strip_span(ln.text, 0, a, e)
            break
    return (h, a, e) if e - a >= 6 else None


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, name)
    if doc.feed or not doc.markdown:
        return b.result()
    ids = _arxiv_ids(doc)
    if len(ids) > 2:
        return b.result()  # a page that lists papers
    opening = _opening(doc)
    found = _marked_title(doc, opening) if _day_title(doc) else None
    found = found or _heading_title(doc, opening, ids)
    if found is None:
        return b.result()
    line, a, e = found
    for k in range(line):
        if b.lines[k].strip() or doc.lines[k].links:
            b.report(k, "front matter" if doc.lines[k].kind == "front-matter" else "page header", close=False)
    d = b.open(line)
    off = b.take(line)
    d.set_title(b.lines[line], off, a, e)
    for k in range(line + 1, len(b.lines)):
        if b.lines[k].strip():
            b.take(k)
    res = b.result()
    # The badges above a review's heading link the paper the page is about (and its code
    # and model pages): links of the entry, though their lines are the page's header.
    badges = [lk.url for k in range(line) if doc.lines[k].kind != "front-matter" for lk in doc.lines[k].links]
    if badges and res.entries:
        e0 = res.entries[0]
        res = LayoutResult([replace(e0, links=tuple(dict.fromkeys([*badges, *e0.links])))], res.unassigned, res.covered)
    return res
