"""How the driver scores a layout's reading of a file, to keep the one that explains the
most (:func:`kg.parse.driver.best_layout`) and to weigh the generic reader against it
(:mod:`kg.parse.generic_contest`).

A reading's score counts the lines it explains; a reading with no entry scores as one
only when it reads the file as items none of which is a paper (:func:`no_paper`: a
news-only digest, a feed item that is a repository). Split from
:mod:`kg.parse.driver`: the layout ranking there and the generic reader's contest
both score readings by it.
"""
from __future__ import annotations

from kg.parse.base import NON_PAPER, LayoutResult
from kg.parse.document import ParsedDoc
from kg.parse.links import states_paper
from kg.text import arxiv_id

__all__ = ["NO_PAPER_SHARE", "NO_PAPER_UNEXPLAINED", "no_paper", "reading_score"]


#: To explain a file as holding no paper, a layout reads at least this share of its
#: non-blank lines as non-paper items and leaves at most ``NO_PAPER_UNEXPLAINED`` of
#: them unexplained (the rest are its headings and page notes).
NO_PAPER_SHARE = 0.5
NO_PAPER_UNEXPLAINED = 0.1


def no_paper(res: LayoutResult, doc: ParsedDoc) -> bool:
    """A layout that found no entry but read the file as items that are not papers — a
    news-only digest, a feed item that is a repository or a blog post: it explains the
    file, and other layouts' readings of its paragraphs as abstracts do not."""
    if res.entries:
        return False
    # The counts first: most readings that find nothing read no item either (every layout
    # that does not fit a file), and the scan of every line's links below is the costly part.
    items = sum(1 for u in res.unassigned if u.reason == NON_PAPER)
    if not items:
        return False
    nonblank = sum(1 for x in doc.lines if x.text.strip())
    if not (nonblank > 0 and items >= NO_PAPER_SHARE * nonblank and res.unexplained <= NO_PAPER_UNEXPLAINED * nonblank):
        return False
    # A reading that leaves a link to an arXiv paper among its non-papers (or passes over
    # it: a badge line has no text to report) read the page wrong: a review page's badges
    # link the paper it is about. An item read as not a paper that states a paper in its
    # text (a bare address is no markdown link: ``* **連結**：https://arxiv.org/abs/…``
    # under a paper's heading, a DOI, a PubMed page) was read wrong the same way.
    told = {u.line: u.reason for u in res.unassigned}
    return not any(
        told.get(i, NON_PAPER) == NON_PAPER and any(arxiv_id(lk.url) for lk in ln.links)
        or told.get(i) == NON_PAPER and states_paper(ln.text)
        for i, ln in enumerate(doc.lines, 1)
    )


def reading_score(res: LayoutResult, doc: ParsedDoc) -> tuple[int, int, int, int]:
    # Coverage counts lines placed in entries plus recognised boilerplate; an explanation
    # with no entry at all only wins if nothing else finds any, or if it reads the file as
    # items none of which is a paper; of two that explain as much, the one that finds more
    # papers read the structure more finely.
    # Items read as not papers count as items found, so that a reading of the same lines
    # as abstracts does not win only by calling them papers.
    if no_paper(res, doc):
        items = sum(1 for u in res.unassigned if u.reason == NON_PAPER and doc.lines[u.line - 1].kind == "heading")
        return (1, res.covered - res.unexplained, items, -res.unexplained)
    # Then, of two still equal, the one that leaves fewer lines to the gap readers (a page
    # of headed picks over a table: the table reader reads the table in the gap, the
    # heading reader never reads a stretch).
    unexplained = res.unexplained  # a count over every reported line: once
    return (1 if res.entries else 0, res.covered - unexplained, len(res.entries), -unexplained)

