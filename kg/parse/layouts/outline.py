"""Layout ``outline``: an outliner's page of highlights (Logseq, Obsidian), one paper a
bullet.

A read-later service syncs the posts or passages a reader highlighted into a
personal-knowledge vault. Logseq writes the page as an outline: page properties in
``key:: value`` syntax, a bullet for each sync, and under it one child bullet per
highlight, whose first line is what was highlighted — for a paper account's post, the
paper's title — and whose other lines are a gloss, links and pictures::

    title:: Posts From Some Lab (highlights)
    category:: #tweets

    - New highlights added [[Mar 2nd, 2023]] at 9:10 AM
        - Sparse Routers for Long Context
          Routes tokens to a few experts.
          abs: https://t.co/AbCdEf

Obsidian writes the same highlights as a flat list under a heading, after a list of
the page's metadata (``- Author: [[…]]``, ``- Category: #tweets``).

A bullet that states a day (a sync or journal bullet), reads as no title, or stands over
two or more bullets most of which read as titles (a topic) groups the bullets under it
and is reported. Any other bullet whose first line reads as a title (up to a link after
it, a closing period dropped; ``[[Title]]`` as its link's text) is an entry with its
sub-bullets (notes on the highlight); one that reads as no title is a highlight that is
no paper. A list most of whose bullets are ``key: value`` fields is the page's
metadata, like the page properties.

The layout reads only pages written in an outliner's syntax (page or block properties,
or a ``[[wiki link]]`` on a bullet): a plain Markdown list of papers is the ``items``
layout's, and a cheap scan says so before any bullet is read.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict

from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, Builder, LayoutResult, strip_span
from kg.parse.dates import find_date
from kg.parse.document import Block, ParsedDoc
from kg.parse.fields import field
from kg.parse.generic_lines import title_like
from kg.records import Span
from kg.text import find_urls

__all__ = ["parse", "name", "in_gaps"]

name = "outline"

#: A Logseq property: ``key:: value`` (page properties open the page; block properties
#: sit under a bullet). Logseq keys are a word of letters, digits, ``-`` and ``_``.
_PROPERTY = re.compile(r"^\s*(?:[-*+]\s+)?[A-Za-z][\w-]*::(?:\s|$)")
#: A wiki link ``[[Page]]`` — not a Markdown link whose label is bracketed
#: (``[[paper]](https://…)``, ``[[arxiv, 14.12]](…)``), which any paper list writes.
_WIKI_LINK = re.compile(r"\[\[[^\[\]\n]+\]\](?!\()")

#: A list is the page's metadata when at least this share of its bullets are fields.
METADATA_SHARE = 0.5


def in_gaps(doc: ParsedDoc) -> bool:
    return False  # it reads whole pages: a stretch between another layout's entries is no page


def _outliner(doc: ParsedDoc) -> bool:
    """Whether ``doc`` is written in an outliner's syntax: a property line, or a bullet
    with a ``[[wiki link]]``. Substring tests first, so a page that is no outline costs
    one pass of ``in`` over its lines."""
    if not doc.markdown or not any(b.kind == "list_item" for b in doc.blocks):
        return False
    for ln in doc.lines:
        raw = ln.raw
        if "::" in raw and _PROPERTY.match(raw):
            return True
        if "[[" in raw and "]]" in raw and ln.kind == "item" and _WIKI_LINK.search(raw):
            return True
    return False


def _title_span(doc: ParsedDoc, k: int) -> tuple[int, int] | None:
    """The title on line ``k`` (a bullet's first line): its content up to the first link
    or address on it, a closing period dropped (``PCNNA: A Photonic Accelerator.
    https://t.co/…``), when that reads as a title and is not a field (``Author: …``)."""
    ln = doc.lines[k]
    t = ln.text
    a = ln.start
    e = min([lk.start for lk in ln.links if lk.start >= a] + [u for _, u, _ in find_urls(t) if u >= a] + [len(t)])
    a, e = strip_span(t, 0, a, e)
    if t.startswith("[[", a) and (close := t.find("]]", a, e)) > 0:
        # "[[Attention Is All You Need]] #transformers": a link to the page of the paper's
        # notes, titled as written ("[[page|shown]]" shows its alias).
        bar = t.find("|", a, close)
        a, e = (bar + 1 if bar > 0 else a + 2), close
    while e > a and t[e - 1] in ".。 \t":
        e -= 1
    s = t[a:e]
    if not s or field(s) is not None or _PROPERTY.match(s) or not title_like(s):
        return None
    return a, e


def _tree(doc: ParsedDoc) -> tuple[list[Block], dict[int, list[Block]]]:
    """The bullets of ``doc`` in line order and each one's direct sub-bullets (keyed by
    its first line), in one pass with a stack of the open bullets."""
    items = sorted((b for b in doc.blocks if b.kind == "list_item"), key=lambda b: (b.first, b.level))
    kids: dict[int, list[Block]] = {it.first: [] for it in items}
    stack: list[Block] = []
    for it in items:
        while stack and not (stack[-1].level < it.level and it.first <= stack[-1].last):
            stack.pop()
        if stack:
            kids[stack[-1].first].append(it)
        stack.append(it)
    return items, kids


def _groups(doc: ParsedDoc, it: Block, span: tuple[int, int] | None, below: list[tuple[int, int] | None]) -> bool:
    """Whether bullet ``it`` (its title ``span``, its sub-bullets' titles ``below``) groups
    the bullets under it rather than being a paper with notes: it states a day (a sync
    or journal bullet), reads as no title, or most of two or more sub-bullets read as
    titles (a topic over its papers). A highlight's note bullet is one, or not a title."""
    own = doc.lines[it.first].text
    dated = find_date(own)
    if span is None or dated is not None and len(dated[2]) >= 7:
        return True
    return len(below) >= 2 and 2 * sum(t is not None for t in below) > len(below)


def _metadata_lists(doc: ParsedDoc, items: list[Block]) -> set[int]:
    """First lines of the bullets of lists that are the page's metadata: lists (bullets of
    one level under one parent) at least :data:`METADATA_SHARE` of whose bullets are
    fields or properties (``- Author: [[…]]``, ``- Full Title: …``, ``- URL: …``)."""
    by_level: dict[int, list[Block]] = defaultdict(list)
    for it in items:  # in line order
        by_level[it.level].append(it)
    starts = {lv: [it.first for it in its] for lv, its in by_level.items()}
    out: set[int] = set()
    for lst in (b for b in doc.blocks if b.kind in ("bullet_list", "ordered_list")):
        firsts = starts.get(lst.level, [])
        mine = by_level[lst.level][bisect_left(firsts, lst.first) : bisect_right(firsts, lst.last)]
        fields = sum(
            1 for b in mine
            if field(doc.lines[b.first].text[doc.lines[b.first].start :]) is not None or _PROPERTY.match(doc.lines[b.first].text)
        )
        if mine and fields >= METADATA_SHARE * len(mine):
            out.update(b.first for b in mine)
    return out


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "outline")
    if not _outliner(doc):
        # Not this layout's page: it explains nothing (as the front-matter and data-file
        # layouts do on pages not theirs), at the cost of the scan alone.
        return b.result()
    items, kids = _tree(doc)
    titles = {it.first: _title_span(doc, it.first) for it in items}
    metadata = _metadata_lists(doc, items)
    reason: dict[int, str] = {}  # line -> why it is in no entry
    entries: list[tuple[Block, tuple[int, int]]] = []

    def walk(it: Block) -> None:
        span = titles[it.first]
        below = kids[it.first]
        if it.first in metadata:
            reason.update((k, "page properties") for k in range(it.first, it.last + 1))
        elif below and _groups(doc, it, span, [titles[c.first] for c in below]):
            # A sync or journal bullet ("New highlights added [[Feb 25th, 2023]]"), a topic
            # over its papers: its own lines are no paper's, its sub-bullets are read alone.
            reason.update((k, "outline bullet") for k in range(it.first, below[0].first))
            for c in below:
                walk(c)
        elif span is not None:
            entries.append((it, span))  # a highlight of a paper, with its notes
        else:
            reason.update((k, NON_PAPER) for k in range(it.first, it.last + 1))

    tops = {c.first for cs in kids.values() for c in cs}
    for it in items:
        if it.first not in tops:
            walk(it)
    starts = {it.first: (it, span) for it, span in entries}
    k, n = 0, len(doc.lines)
    while k < n:
        ln = doc.lines[k]
        if k in starts:
            it, (a, e) = starts[k]
            d = b.open(k)
            for j in range(it.first, it.last + 1):
                if not doc.lines[j].text.strip():
                    continue
                off = b.take(j)
                if j == it.first:
                    d.set_title(doc.texts[j], off, a, e)
                    if e < len(doc.texts[j].rstrip()):
                        d.body.append(Span(*strip_span(doc.texts[j], off, e)))
                elif not _PROPERTY.match(doc.texts[j]):  # a block property ("id:: …") is no text of the paper's
                    d.body.append(Span(*strip_span(doc.texts[j], off, doc.lines[j].start)))
            b.close()
            k = it.last + 1
            continue
        if ln.text.strip():
            if k in reason:
                b.report(k, reason[k])
            elif _PROPERTY.match(ln.raw):
                b.report(k, "page properties")
            elif ln.kind == "heading":
                b.report(k, "heading")
            elif ln.kind == "rule":
                b.report(k, "separator")
            else:
                b.report(k, NOT_IN_ENTRY)
        k += 1
    return b.result()
