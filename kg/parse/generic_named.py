"""Items a knowledge-base page lists by their method's name, read by the ``generic``
layout: a bold name opening a paragraph, or a heading, with the month it appeared::

    **MeshGPT** (2311) — Mesh-native AR generation with a VQ-VAE codebook …

    ### VoxHammer (2025.08) → [details](voxhammer.md)

Where a page names at least :data:`MIN_NAMED` items that way, each is an entry titled by
the name. Split from :mod:`kg.parse.layouts.generic`.
"""
from __future__ import annotations

import re
from collections import Counter

from kg.parse.base import blocks, strip_span
from kg.parse.dates import iso_date
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind, line_fields
from kg.parse.generic_lines import title_like

__all__ = ["MIN_NAMED", "MIN_KEYED_HEADINGS", "fielded_headings", "keyed_heading_titles", "named_items", "stamped_items"]


#: A page lists papers by name when it names at least this many items with a date.
MIN_NAMED = 3

# A name's date in brackets: a year, a year and month ("2025.08", "2024-03") or an arXiv
# year-month ("2412").
_NAME_DATE = re.compile(
    r"\s*[(（]\s*(?:(?P<y>(?:19|20)\d{2})(?:[.\-/](?P<m>0?[1-9]|1[0-2]))?|\d{2}(?:0[1-9]|1[0-2]))\s*[)）]"
)
# What may follow a bold name on its line: a dash or colon and the description.
_NAME_SEP = re.compile(r"\s*[—–:：-]+\s*\S")
# What may follow a heading's name and date: an arrow and a link to the page's own notes.
_HEADING_TAIL = re.compile(r"\s*(?:[→⇒>»-]+\s*)?")


# A release's version ("v2.1.0", "1.4"): a changelog's heading, never a paper.
_VERSION = re.compile(r"[vV]?\d+(?:\.\d+)+[\w.\-]*")


def _short_name(s: str) -> bool:
    """A method's name, not a sentence, a title or a version: a few words, a letter among them."""
    s = s.strip()
    return (
        0 < len(s) <= 60
        and len(s.split()) <= 6
        and bool(re.search(r"[^\W\d_]", s))
        and not s.endswith((":", "：", "."))
        and not _VERSION.fullmatch(s)
    )


def _named_item(doc: ParsedDoc, k: int) -> tuple[int, int, str | None, bool] | None:
    """``(start, end, date, dated)`` of the name a line opens an item with — a heading
    ``Name (2025.08) → details`` or a paragraph led by a bold ``**Name** (2412) — text``
    — or None."""
    ln = doc.lines[k]
    t = ln.text
    a0 = ln.start + len(t[ln.start :]) - len(t[ln.start :].lstrip())  # after the heading marks
    if ln.kind == "heading":
        m = _NAME_DATE.search(t, a0)
        if m is None or not _short_name(t[a0 : m.start()]):
            return None
        tail = _HEADING_TAIL.match(t, m.end())
        # Only links may follow (to the item's own notes page), no text of its own.
        linked = {i for lk in ln.links for i in range(lk.start, lk.end)}
        if any(not c.isspace() and i not in linked for i, c in enumerate(t[tail.end() :], tail.end())):
            return None
        date = iso_date(int(m.group("y")), int(m.group("m"))) if m.group("y") and m.group("m") else None
        return (*strip_span(t, 0, a0, m.start()), date, True)
    for s, e in ln.emphasised:
        if s > a0 + 1 or not _short_name(t[s:e]):
            continue
        m = _NAME_DATE.match(t, e)
        after = m.end() if m else e
        if not _NAME_SEP.match(t, after):
            return None
        date = iso_date(int(m.group("y")), int(m.group("m"))) if m and m.group("y") and m.group("m") else None
        return (*strip_span(t, 0, s, e), date, m is not None)
    return None


def named_items(doc: ParsedDoc) -> dict[int, tuple[int, int, str | None]]:
    """Line index → name span and date of the items a page lists by name (the first
    line of a paragraph or a heading), when it dates at least :data:`MIN_NAMED` of them."""
    found = {}
    for block in blocks(doc.texts):
        got = _named_item(doc, block[0])
        if got is not None:
            found[block[0]] = got
    if sum(1 for g in found.values() if g[3]) < MIN_NAMED:
        return {}
    return {k: g[:3] for k, g in found.items()}


# A date stamp opening a linked item's text: "200122 FixMatch" (yymmdd), "2412 Name" (yymm).
_STAMP = re.compile(r"(?P<y>\d{2})(?P<m>0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?\s+(?=\S)")


def stamped_items(doc: ParsedDoc) -> dict[int, tuple[int, int, str | None]]:
    """Line index → name span and month of the list items that link a note by a
    date-stamped name (``1. [200122 FixMatch](papers/2020/200122 FixMatch.md) #tag``: a
    paper-notes index), when a page has at least :data:`MIN_NAMED` of them."""
    found = {}
    for k, ln in enumerate(doc.lines):
        if ln.kind != "item" or not ln.links:
            continue  # cheap reject: no list item, or no link
        lk = ln.links[0]
        if ln.text[ln.start : lk.start].strip():
            continue  # the link must open the item
        m = _STAMP.match(ln.text, lk.start, lk.end)
        if m is None:
            continue
        a, e = strip_span(ln.text, 0, m.end(), lk.end)
        if e > a and len(ln.text[a:e].split()) <= 20:
            found[k] = (a, e, iso_date(2000 + int(m.group("y")), int(m.group("m"))))
    return found if len(found) >= MIN_NAMED else {}


#: Headings that are a title key with no value a page must hold for the lines under
#: them to be read as titles (one such heading may label anything).
MIN_KEYED_HEADINGS = 2


def keyed_heading_titles(doc: ParsedDoc) -> dict[int, tuple[int, int, str | None]]:
    """Line index → title span of the line under each heading that is only a title key
    (``### Title:`` over ``          HOME: Robust Hough-space Matching …``), when the
    page has at least :data:`MIN_KEYED_HEADINGS` such headings over title-like lines."""
    found = {}
    for k, ln in enumerate(doc.lines):
        if ln.kind != "heading" or not ln.text.rstrip().endswith((":", "：")):
            continue  # cheap reject: a heading that closes with a colon
        if field_kind(ln.text[ln.start :].strip(" *_:：")) != "title":
            continue
        j = next((j for j in range(k + 1, min(k + 3, len(doc.lines))) if doc.texts[j].strip()), None)
        if j is None or doc.lines[j].kind == "heading":
            continue
        a, e = strip_span(doc.texts[j], 0)
        if title_like(doc.texts[j][a:e]):
            found[j] = (a, e, None)
    return found if len(found) >= MIN_KEYED_HEADINGS else {}


#: Field kinds that say the line under a heading is its paper's metadata (who wrote it,
#: when it appeared); a link or a tag alone does not (``* **Code:** Not Mentioned``
#: under a boiler-plate ``#### Resources``).
_PAPER_FIELDS = frozenset(("date", "authors"))


def fielded_headings(doc: ParsedDoc) -> dict[int, tuple[int, int, str | None]]:
    """Heading line index → title span, for headings that read as titles and stand right
    over a line of their paper's metadata fields (``### Title`` / ``**Date:** 2025-10-02 |
    **Arxiv:** …``, ``## Title`` / ``Authors: A, B``): an LLM-enriched volume or a reading
    list that heads each paper so, whether or not it links one. Kept where a page has at
    least :data:`MIN_KEYED_HEADINGS` of one level, and only headings whose text no other
    such heading repeats (a sub-heading every paper has is no title)."""
    found: dict[int, tuple[int, int, str | None]] = {}
    levels: dict[int, int] = {}
    for k, ln in enumerate(doc.lines):
        if ln.kind != "heading":
            continue
        j = next((j for j in range(k + 1, min(k + 3, len(doc.lines))) if doc.texts[j].strip()), None)
        if j is None or doc.lines[j].kind == "heading" or ":" not in doc.texts[j] and "：" not in doc.texts[j]:
            continue  # cheap reject: nothing under it, or no key on the line under it
        nxt = doc.lines[j]
        if not any(kind in _PAPER_FIELDS for kind, _, _ in line_fields(nxt.text[nxt.start :])):
            continue
        a, e = strip_span(ln.text, 0, ln.start)
        if title_like(ln.text[a:e]):
            found[k] = (a, e, None)
            levels[ln.level] = levels.get(ln.level, 0) + 1
    if not levels:
        return {}
    level = max(levels.items(), key=lambda t: (t[1], -t[0]))[0]
    mine = {k: got for k, got in found.items() if doc.lines[k].level == level}
    seen = Counter(doc.texts[k][a:e].casefold() for k, (a, e, _) in mine.items())
    mine = {k: (a, e, d) for k, (a, e, d) in mine.items() if seen[doc.texts[k][a:e].casefold()] == 1}
    return mine if len(mine) >= MIN_KEYED_HEADINGS else {}
