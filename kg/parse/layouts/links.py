"""Layout ``links``: lists of links to paper pages, one paper per item.

::

    - [Segment Anything（82▲）](https://huggingface.co/papers/2304.02643)
    - [More papers](https://example.org/list)

Links to anything but one paper's page (listings, news) are reported as non-paper
links; the vote count after a title is not part of it.
"""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Builder, LayoutResult
from kg.parse.boilerplate import is_boilerplate
from kg.parse.document import ParsedDoc
from kg.parse.titles import title_spans
from kg.text import PAPER_URL_RE, is_cjk

__all__ = ["PAPER_URL_RE", "parse", "name"]

name = "links"

_VOTES_RE = re.compile(r"\s*[(（]\s*\d+\s*[▲↑]\s*[)）]\s*$|\s+$")
_LEAD = re.compile(r"\s*(?:\d{1,3}[.、)]\s*)?")  # used with a start position: no "^"


def parse(doc: ParsedDoc) -> LayoutResult:
    """Items that are one link each; paper links become entries."""
    b = Builder(doc, "links")
    lines = b.lines
    after_item = False
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        ln = doc.lines[i]
        lead = _LEAD.match(line, ln.start)
        first = ln.links[0] if ln.links else None
        if first is not None and lead is not None and first.start == lead.end() and ln.kind in ("item", "text"):
            if ln.kind == "item" and ln.level > 1 and after_item:
                b.report(i, "list item")  # a note under the item above
                continue
            text = line[first.start : first.end]
            title_like = len(text.split()) >= 2 or sum(is_cjk(c) for c in text) >= 4
            listing = re.search(r"^\s*(?:还有|更多|查看|see|more)\b|^\s*https?://", text, re.I)
            if PAPER_URL_RE.search(first.url) and title_like and not listing:
                d = b.open(i)
                off = b.take(i)
                e = first.start + len(_VOTES_RE.sub("", text))
                en, zh = title_spans(line, first.start, e)
                if en:
                    d.set("title", off + en[0], off + en[1])
                if zh:
                    d.set("title_zh", off + zh[0], off + zh[1])
                b.close()
            else:
                b.report(i, "non-paper link")
            after_item = True
            continue
        if after_item and ln.kind == "item" and ln.level > 1:
            b.report(i, "list item")  # a note under the item above
            continue
        after_item = False
        b.report(i, is_boilerplate(line, between_entries=True) or NOT_IN_ENTRY)
    return b.result()
