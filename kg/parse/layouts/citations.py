"""Layout ``citations``: reading lists and bibliographies of references, one per item.

The list copies the reference a paper manager or a bibliography gave, the authors first or
right after the title, then the venue and year; the list marker may be Markdown's or plain
text's, and the reference may sit on the item's second line under a name::

    1.	LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "Deep learning." Nature 521 (2015)
    12.	Ba J L, Kiros J R, Hinton G E. Layer normalization[J]. arXiv preprint arXiv:1607.06450, 2016.
    - __SciGen__
      _Ann Lee, Bo Chen. Learning to Reason over Tables. <a href='https://arxiv.org/abs/…'>PDF</a>_

:func:`kg.parse.byline.citation` reads the reference; an item is a paper when one of its
lines is a reference with a year, a document-type mark, a quoted title, a link or an
arXiv id beside it (a sentence naming people is not enough).
"""
from __future__ import annotations

import re

from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, Builder, LayoutResult, strip_span
from kg.parse.boilerplate import is_boilerplate
from kg.parse.byline import citation
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.records import Span
from kg.text import arxiv_id, find_urls

__all__ = ["parse", "name", "in_gaps"]

name = "citations"

# What makes a line a reference rather than a sentence that names people: a year, a
# GB/T document-type mark ("[J]"), a quoted title.
_EVIDENCE = re.compile(r"\b(?:19|20)\d{2}\b|\[(?:[JCMDRANPSZ]|EB|DB|CP)(?:/OL)?\]|[\"“][^\"“”]{4,}[\"”]")
# What every match of _EVIDENCE holds: a year's first two digits, a bracket or a quote.
_EVIDENCE_PIECES = ("19", "20", "[", '"', "“")


def _evidence(text: str, pos: int) -> bool:
    """``_EVIDENCE.search(text, pos)``, told at once for a line holding none of its pieces:
    the pattern opens with a word boundary, so its search tries every position, and this
    layout asks it of every line of every file it reads."""
    return any(text.find(p, pos) >= 0 for p in _EVIDENCE_PIECES) and _EVIDENCE.search(text, pos) is not None


# A plain-text list marker ("1.", "[12]", "12)").
_NUMBERED = re.compile(r"\s*(?:\[\d{1,4}\]|\d{1,4}[.)、])\s*\S")


def in_gaps(doc: ParsedDoc) -> bool:
    return True


def _units(doc: ParsedDoc) -> list[tuple[int, int]]:
    """The items of the page as ``(first, last)`` line indices: Markdown's top-level list
    items, and every other non-blank line on its own (a plain-text numbered list)."""
    items = sorted((blk.first, blk.last) for blk in doc.blocks if blk.kind == "list_item" and blk.level == 1)
    out, k, n = [], 0, len(doc.lines)
    i = 0
    while i < n:
        if k < len(items) and items[k][0] == i:
            out.append(items[k])
            i = items[k][1] + 1
            k += 1
            continue
        if k < len(items) and items[k][0] < i:
            k += 1  # an item nested in one already taken
            continue
        if doc.lines[i].text.strip():
            out.append((i, i))
        i += 1
    return out


def _referenced(doc: ParsedDoc, first: int, last: int, line: int) -> bool:
    ln = doc.lines[line]
    if _evidence(ln.text, ln.start):
        return True
    for k in range(first, last + 1):
        x = doc.lines[k]
        if x.links or find_urls(x.text) or arxiv_id(x.text):
            return True
    return False


# A reference to a web page rather than a publication (Harvard's "[online] … Available at:
# <url> [Accessed 22 November 2021]").
_WEB_PAGE = re.compile(r"\[online\]|\bAvailable (?:at|from):|\[Accessed\b", re.I)


def _reference(doc: ParsedDoc, first: int, last: int):
    """The first line of an item that is a reference, with its author and title spans; a
    reference to a web page is none."""
    for k in range(first, last + 1):
        ln = doc.lines[k]
        if ln.kind == "heading" or not ln.text.strip() or _WEB_PAGE.search(ln.text):
            continue
        got = citation(ln.text, ln.start)
        if got is not None and _referenced(doc, first, last, k):
            return k, got
    return None


def _worth_reading(doc: ParsedDoc, first: int, last: int) -> bool:
    """Whether :func:`_reference` can find a reference in the item: it needs a line with
    evidence of a paper or a link in the item (``_referenced``). Both are cheap to test,
    reading every line as a citation is not, and this layout tries every file."""
    return _referenced(doc, first, last, first) or any(_evidence(doc.lines[k].text, doc.lines[k].start)
                                                       for k in range(first + 1, last + 1))


def parse(doc: ParsedDoc) -> LayoutResult:
    b = Builder(doc, "citations")
    units = _units(doc)
    found = [_reference(doc, f, l) if _worth_reading(doc, f, l) else None for f, l in units]
    any_ref = any(x is not None for x in found)
    for n, ((first, last), ref) in enumerate(zip(units, found)):
        if ref is None:
            listed = last > first or doc.lines[first].kind == "item" or _NUMBERED.match(b.lines[first])
            intro = n + 1 < len(found) and found[n + 1] is not None and b.lines[last].rstrip().endswith((":", "："))
            for k in range(first, last + 1):
                if not b.lines[k].strip():
                    continue
                reason = is_boilerplate(b.lines[k], between_entries=True)
                if reason is None and any_ref:
                    # Among references, the list's other items are not papers and the
                    # line that introduces the list ("精读的论文：") is its heading; with
                    # no reference at all, nothing here is this layout's to explain.
                    reason = "heading" if intro else NON_PAPER if listed else None
                b.report(k, reason or NOT_IN_ENTRY)
            continue
        k_ref, ((aa, ae), (ta, te)) = ref
        d = b.open(first)
        for k in range(first, last + 1):
            if not b.lines[k].strip():
                continue
            off = b.take(k)
            if k != k_ref:
                d.body.append(Span(*strip_span(b.lines[k], off, doc.lines[k].start)))
                continue
            d.set_title(b.lines[k], off, ta, te)
            d.set("authors", off + aa, off + ae)
            # "Buolamwini, J. and Gebru, T., 2018, January. Gender shades…": a month the
            # reference gives with its year (a year alone dates nothing).
            lo, hi = (ae, ta) if ae <= ta else (te, len(b.lines[k]))
            got = find_date(b.lines[k][lo:hi])
            if got and d.date is None:
                d.date = got[2]
        b.close()
    return b.result()
