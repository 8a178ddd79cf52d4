"""Headings over captioned paragraphs: a newsletter that names each paper in a heading and
writes about it in paragraphs opened by the same labels, with no link and no author::

    ## Semantic World Models

    **Idea:** This research introduces a new way for robots to …

    **Use Cases:** Imagine robots that can …

Nothing under such a heading says "paper" but the shape the page repeats: several
headings of one level, each directly over a paragraph opened by the same summary key
(``Idea``, ``Summary``, ``摘要``: the ``body`` keys of kg/data/parse/field_keys.json).
A heading that reads as a news headline (a company's act: ``… Releases …``,
kg/data/parse/news_verbs.txt) is the page's news among its papers, not one. The
``fields`` and ``sections`` layouts both read such headings as papers (each reads the
text under them its own way), so either alone reads the page.
"""
from __future__ import annotations

from kg.parse.base import next_nonblank
from kg.parse.document import ParsedDoc
from kg.parse.fields import field, field_kind
from kg.parse.titles import heading_marks, news_headline

__all__ = ["captioned_headings", "MIN_CAPTIONED"]

#: A page shows the shape when at least this many headings of one level open with the
#: same summary key under them (two could be a page's own "Summary" sections).
MIN_CAPTIONED = 3


def captioned_headings(doc: ParsedDoc) -> frozenset[int]:
    """Indices of the headings of ``doc`` that name a paper by the shape above: of one
    level, directly over a ``body`` field whose key at least :data:`MIN_CAPTIONED` such
    headings share, titled in two words or more that are no field key and no news."""
    lines = doc.lines
    if not any(x.kind == "heading" for x in lines):
        return frozenset()  # the cheap exit: most pages have no heading, or no such run
    texts = [x.text for x in lines]
    found: dict[tuple[str, str], list[int]] = {}
    for i, ln in enumerate(lines):
        if ln.kind != "heading" or ln.links:
            continue
        nxt = next_nonblank(texts, i, 1)
        if not nxt or lines[nxt[0]].kind == "heading":
            continue
        under = lines[nxt[0]].text
        f = field(under)
        if f is None or f[0] != "body":
            continue
        key = under[: f[1]].strip(" \t-*+•:：").casefold()
        title = ln.text[ln.start :].strip()
        if len(title.split()) < 2 or field_kind(title.rstrip(":：")) is not None or news_headline(title):
            continue
        found.setdefault((heading_marks(ln.raw), key), []).append(i)
    return frozenset(i for run in found.values() if len(run) >= MIN_CAPTIONED for i in run)
