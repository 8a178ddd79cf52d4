"""Layout ``paperscool``: papers.cool pages copied as text.

``#1 Title [PDF] [Copy] [Kimi]`` entries with ``Authors: A ; B``, the abstract,
``Subject: …`` and ``Publish: …``::

    #1 Scaling Laws vs Model Architectures [PDF] [Copy] [Kimi]
    Authors: Yi Tay ; Mostafa Dehghani
"""
from __future__ import annotations

import re

from kg.parse.base import NOT_IN_ENTRY, Builder, LayoutResult, strip_span
from kg.parse.boilerplate import PAGE_CHROME_RE, is_boilerplate
from kg.parse.categories import find_category
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import field
from kg.records import Span

__all__ = ["parse", "name"]

name = "paperscool"

_HEADER_RE = re.compile(r"^\s*#(?P<n>\d{1,5})\s+(?P<title>\S.*?)\s*$")


def _title_end(line: str, a: int, e: int) -> int:
    """End of the title before the trailing link labels (``[PDF] [Copy] [Kimi]``)."""
    labels = [m for m in PAGE_CHROME_RE.finditer(line, a, e)]
    while labels and not line[labels[-1].end() : e].strip():
        e = labels.pop().start()
    return len(line[:e].rstrip())


def parse(doc: ParsedDoc) -> LayoutResult:
    """``#1 Title [PDF] [Copy] [Kimi]`` entries with ``Authors:``, abstract, ``Subject:``."""
    b = Builder(doc, "paperscool")
    lines = b.lines
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        m = _HEADER_RE.match(line)
        if m and doc.lines[i].kind != "heading" and not re.match(r"^\s*#\d{1,5}\s*[\[［]", line):
            d = b.open(i)
            off = b.take(i)
            a, e = m.start("title"), _title_end(line, m.start("title"), m.end("title"))
            d.set_title(line, off, a, e)
            continue
        if b.cur is None:
            b.report(i, is_boilerplate(line, between_entries=True) or NOT_IN_ENTRY)
            continue
        reason = is_boilerplate(line)
        if reason:
            b.report(i, reason)
            continue
        d = b.cur
        off = b.take(i)
        f = field(line)
        if f and f[0] == "authors" and "authors" not in d.spans:
            d.set("authors", *strip_span(line, off, f[1], f[2]))
        elif f and f[0] == "category":
            got = find_category(line[f[1] : f[2]])
            if got:
                d.set_category(off + f[1] + got[0], off + f[1] + got[1], got[2])
        elif f and f[0] == "date":
            got = find_date(line[f[1] : f[2]])
            if got and d.date is None:
                d.date = got[2]
        elif PAGE_CHROME_RE.match(s) or f and f[0] in ("meta", "link"):
            pass  # page chrome and metadata stay in the entry text, outside the body
        else:
            d.body.append(Span(*strip_span(line, off)))
    return b.result()
