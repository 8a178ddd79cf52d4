"""References in a list or paragraphs of their own, read by the ``generic`` layout.

A reading list or a bibliography copies the reference a paper manager gave: the authors,
then the title (quoted, closed by a document-type mark, or after the year), then the
venue::

    1.	LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "Deep learning." Nature 521 (2015)
    12.	Ba J L, Kiros J R, Hinton G E. Layer normalization[J]. arXiv preprint arXiv:1607.06450, 2016.
    Beel, J., Langer, S. and Genzmehr, M., 2013. Sponsored vs. Organic Recommendations.

Each such item is one paper: its title and authors are the reference's
(:func:`kg.parse.byline.citation`), the rest of the item its text. Split from
:mod:`kg.parse.layouts.generic`, which calls :func:`reference_items` where a paragraph
is no list of linked papers.
"""
from __future__ import annotations

import re

from kg.parse.base import Builder, strip_span
from kg.parse.byline import citation
from kg.parse.dates import find_date
from kg.parse.document import ParsedDoc
from kg.records import Span

__all__ = ["reference_line", "reference_items", "read_reference", "may_be_reference"]

# What makes a line a reference rather than a sentence that names people: a year, a
# GB/T document-type mark ("[J]"), a quoted title. Tested first: reading a line as a
# citation costs far more than this search.
_EVIDENCE = re.compile(r"\b(?:19|20)\d{2}\b|\[(?:[JCMDRANPSZ]|EB|DB|CP)(?:/OL)?\]|[\"“][^\"“”]{4,}[\"”]")
# A reference to a web page rather than a publication (Harvard's "[online] … Available at:
# <url> [Accessed 22 November 2021]").
_WEB_PAGE = re.compile(r"\[online\]|\bAvailable (?:at|from):|\[Accessed\b", re.I)


def may_be_reference(text: str) -> bool:
    """Whether ``text`` has what every reference line :func:`reference_line` reads has
    (a year, a document-type mark, a quoted title); False rules it out cheaply."""
    return _EVIDENCE.search(text) is not None


def reference_line(doc: ParsedDoc, k: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``((authors start, end), (title start, end))`` of line ``k`` when it is a
    reference to a publication, else None."""
    ln = doc.lines[k]
    if ln.kind in ("heading", "code", "table", "table-rule") or not _EVIDENCE.search(ln.text, ln.start):
        return None
    if _WEB_PAGE.search(ln.text):
        return None
    return citation(ln.text, ln.start)


def _groups(doc: ParsedDoc, run: list[int]) -> list[list[int]]:
    """The items of a paragraph: its list items at their shallowest depth (each with the
    lines under it), else its lines."""
    items = [k for k in run if doc.lines[k].kind == "item"]
    if not items:
        return [[k] for k in run]
    top = min(doc.lines[k].level for k in items)
    starts = [k for k in items if doc.lines[k].level == top]
    if starts[0] != run[0]:
        return []  # a line before the list: an introduction, no reference list
    return [[j for j in run if k <= j < (starts[i + 1] if i + 1 < len(starts) else run[-1] + 1)] for i, k in enumerate(starts)]


def reference_items(doc: ParsedDoc, run: list[int]) -> tuple[list[tuple[int, str]], list[tuple[list[int], int, tuple]]] | None:
    """``(lead, references)`` of a paragraph whose items each open with a reference (a
    paragraph of one reference, or a list of references with no blank line between
    them), else None: ``references`` are ``(item lines, reference line, spans)``;
    ``lead`` the lines before them with the reason they are in no entry — a code block
    (a site's bibliography directive) and the line that introduces the list
    (``详读的经典论文包括：``)."""
    lead: list[tuple[int, str]] = []
    while run and doc.lines[run[0]].kind == "code":
        lead.append((run[0], "code block"))
        run = run[1:]
    if len(run) > 1 and doc.texts[run[0]].rstrip().endswith((":", "：")) and reference_line(doc, run[0]) is None:
        lead.append((run[0], "heading"))
        run = run[1:]
    groups = _groups(doc, run) if run else []
    if not groups:
        return None
    out = []
    for g in groups:
        got = reference_line(doc, g[0])
        if got is None:
            return None
        out.append((g, g[0], got))
    return lead, out


def read_reference(b: Builder, doc: ParsedDoc, group: list[int], k_ref: int, spans: tuple) -> None:
    """One reference as an entry: its title and authors, a month it gives with its year,
    the item's other lines its text."""
    (aa, ae), (ta, te) = spans
    d = b.open(group[0])
    for k in group:
        off = b.take(k)
        line = b.lines[k]
        if k != k_ref:
            d.body.append(Span(*strip_span(line, off, doc.lines[k].start)))
            continue
        d.set_title(line, off, ta, te)
        d.set("authors", off + aa, off + ae)
        # "Buolamwini, J. and Gebru, T., 2018, January. Gender shades…": a month given
        # with the year dates the paper (a year alone dates nothing).
        lo, hi = (ae, ta) if ae <= ta else (te, len(line))
        got = find_date(line[lo:hi])
        if got and d.date is None:
            d.date = got[2]
        if te < len(line):
            d.body.append(Span(*strip_span(line, off, te)))
    b.close()
