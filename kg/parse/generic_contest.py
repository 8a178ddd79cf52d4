"""The generic reader's contest with the layout the driver kept.

The generic reader (:mod:`kg.parse.layouts.generic`) is not one of the scored layouts:
it reads pages no layout was written for. The driver runs it against the layout it kept
where it could read the file better (:func:`generic_may_win`) and keeps its reading
when :func:`generic_better` says so: a layout that read a stray stretch of a page as
its one entry, or a page it was not written for as title-less entries, loses to a
reading that titles each paper. Where the kept layout read the file as holding no
paper, :func:`generic_wins` says whether the generic reader finds papers in it after
all. Split from :mod:`kg.parse.driver`, which calls these three.
"""
from __future__ import annotations

from collections import Counter

from kg.parse.base import LayoutResult
from kg.parse.document import ParsedDoc
from kg.parse.fields import field_kind
from kg.parse.generic_named import MIN_NAMED
from kg.parse.generic_page import doc_papers, page_reading_better, paper_page, reads_page
from kg.parse.layouts import generic
from kg.parse.scoring import reading_score
from kg.text import arxiv_id

__all__ = [
    "MUCH_UNEXPLAINED", "MIN_UNEXPLAINED", "REPEATED_TITLE", "generic_better", "generic_cannot_win", "generic_may_win", "generic_wins", "titled",
]


def generic_wins(doc: ParsedDoc, res: LayoutResult, gen: LayoutResult) -> bool:
    """Whether the generic reader's ``gen`` finds several papers in a file a layout read
    as holding none: a page listing papers by their method's name and date (``### VoxHammer
    (2025.08)``) links none of them, so a layout that tells papers by their links reads its
    items as not papers."""
    return (len(gen.entries) >= MIN_NAMED or reads_page(gen, doc)) and reading_score(gen, doc) > reading_score(res, doc)


#: A layout leaves much of a file unexplained above this share of its non-blank lines,
#: and at least MIN_UNEXPLAINED of them (a note before a short list is no such stretch).
MUCH_UNEXPLAINED = 0.25
MIN_UNEXPLAINED = 5


def _unexplained_much(res: LayoutResult, doc: ParsedDoc) -> bool:
    """Whether ``res`` left much of ``doc`` unexplained (see :data:`MUCH_UNEXPLAINED`)."""
    n = res.unexplained
    return n >= MIN_UNEXPLAINED and n > MUCH_UNEXPLAINED * sum(1 for x in doc.lines if x.text.strip())


#: A title that heads at least this many entries of one reading is a section heading the
#: page repeats under every paper ("#### Reproducibility & Resources" in an LLM-enriched
#: volume), not a paper's title: a digest names a paper once, or twice where it lists it
#: again (a closing table, a "read more" repeat), never three times.
REPEATED_TITLE = 3


def titled(res: LayoutResult) -> int:
    """How many entries of ``res`` have a title (or a Chinese one). A "title" that is a
    field's key ("Paper" read off "- Paper: https://…") titles nothing, nor does one
    that heads :data:`REPEATED_TITLE` or more of the entries (a repeated sub-heading)."""
    seen = Counter(e.title.of(e.text).strip().casefold() for e in res.entries if e.title is not None)
    return sum(
        1 for e in res.entries
        if e.title is not None and field_kind(t := e.title.of(e.text)) is None and seen[t.strip().casefold()] < REPEATED_TITLE
        or e.title_zh is not None
    )


def _papers(res: LayoutResult) -> tuple[int, int]:
    """``(entries naming one arXiv paper, entries naming several)`` of ``res``."""
    one = several = 0
    for e in res.entries:
        ids = {i for u in e.links if (i := arxiv_id(u))}
        if (i := arxiv_id(e.text)) is not None:
            ids.add(i)
        one += len(ids) == 1
        several += len(ids) > 1
    return one, several


def generic_better(doc: ParsedDoc, res: LayoutResult, gen: LayoutResult) -> bool:
    """Whether the generic reader's ``gen`` reads ``doc`` better than the layout's ``res``.

    A layout that read one stray stretch of a page whose items fit no layout's shape
    (paragraphs opening with a linked title, then a description, under CJK section
    headings a field layout takes for a title) as its single entry loses when the
    generic reader finds several papers and explains more. A layout that read a page it
    was not written for as entries most of which have no title (the abstract reader
    taking a reference list's paragraphs for title-less abstracts) loses when the
    generic reader finds no fewer entries and either more titled ones, explaining as
    much, or one entry per paper linked where the layout has at most half as many
    entries (a list of paper links read as a few long abstracts explains more lines, but
    as the wrong items). A layout whose entries have titles keeps the page: the
    stretches it leaves are re-read afterwards by every layout (the driver's
    ``_fill_gaps``), which the generic reader is not."""
    better = reading_score(gen, doc) > reading_score(res, doc)
    if len(res.entries) == 1 and len(gen.entries) > 2 and better:
        return True
    if page_reading_better(doc, res, gen) and reading_score(gen, doc)[:2] >= reading_score(res, doc)[:2]:
        return True  # a page about one paper read as that paper's entry (generic_page)
    if _unexplained_much(res, doc) and better and (
        not gen.unexplained and len(gen.entries) >= len(res.entries) and titled(gen) >= titled(res)
        or _papers(gen)[0] == titled(gen) == len(gen.entries) >= 3 and _papers(res)[0] < len(gen.entries)
    ):
        # A layout that read a few items of a page and left much of it unexplained loses to a
        # generic reading that explains the whole page with no fewer (titled) entries, or
        # titles each paper in an entry of its own where the layout's entries name fewer.
        return True
    if 2 * titled(res) > len(res.entries):
        return False
    # More titled entries and no fewer, or every entry titled against none, explaining no less.
    if (len(gen.entries) >= len(res.entries) and titled(gen) > titled(res) or titled(res) == 0
            and titled(gen) == len(gen.entries) >= 3) and reading_score(gen, doc)[:2] >= reading_score(res, doc)[:2]:
        return True
    one, several = _papers(gen)
    if len(gen.entries) >= len(res.entries) and several == 0 and one >= 3 and one >= 2 * len(res.entries) and one > _papers(res)[0]:
        return True
    if one == titled(gen) == len(gen.entries) >= 3 and several == 0 and len(doc_papers(doc)) == one:
        return True  # every paper of the page one titled entry of its own, where the layout titled few
    # A page about one paper (a post that links it once or more, and no other) which the
    # layout cut into several title-less paragraphs: the generic reader's one titled
    # entry holding that paper reads it as what it is.
    return len(gen.entries) == 1 and one == 1 and titled(gen) == 1 and len(res.entries) > 1 and len(doc_papers(doc)) == 1


def generic_cannot_win(doc: ParsedDoc, res: LayoutResult) -> bool:
    """Whether :func:`generic_better` is false whatever the generic reader finds, told
    from :func:`~kg.parse.layouts.generic.entry_bound` without running it. Every way it
    wins needs either at least as many entries as ``res`` (or more than two beside a
    single one) or an entry naming an arXiv paper; a bound says the page has no arXiv id
    at all, so when it also says fewer entries than ``res`` found, none can hold. (An
    abstract dump, one abstract a line, is the case: the reader cost more than the
    layout that reads it.)"""
    bound = generic.entry_bound(doc)
    return bound is not None and bound < len(res.entries)


def generic_may_win(doc: ParsedDoc, res: LayoutResult) -> bool:
    """Whether the generic reader must be run against the layout's ``res`` on ``doc``:
    only where it could win (see :func:`generic_better`; a page about one paper a layout
    may have cut up). It costs a layout's read of the whole file, which a long titled
    digest need not pay."""
    may = res.entries and (len(res.entries) == 1 or 2 * titled(res) <= len(res.entries)
                           or _unexplained_much(res, doc) or paper_page(doc) is not None)
    return bool(may) and not generic_cannot_win(doc, res)
