"""The driver: read the document, run every registered layout, keep the best.

Every layout explains lines (puts them in entries or reports them with a reason) and
leaves the rest unexplained. :func:`parse` keeps the layout that explains the most, logs
the others' scores, re-reads the stretches the chosen one could not explain with every
layout (a page may hold a table and then a field list), and falls back to the generic
reader when no layout finds an entry. A file in an unknown layout is reported line by
line (``unassigned``, with a log warning of the count and first line numbers), never
dropped.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from types import ModuleType

from kg.parse.author_fields import author_value
from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, LayoutResult
from kg.parse.bibtex import bibtex_authors
from kg.parse.boilerplate import is_boilerplate
from kg.parse.categories import category_line, journal_paper_category
from kg.parse.document import ParsedDoc, read_document
from kg.parse.entry_dates import date_entries
from kg.parse.fields import field_kind
from kg.parse.generic_page import doc_papers, page_reading_better, paper_page, reads_page
from kg.parse.layouts import LAYOUTS, feed, generic
from kg.parse.links import states_paper
from kg.parse.recap import restated
from kg.records import Document, Entry, ParseResult, Span, Unassigned
from kg.text import arxiv_id

log = logging.getLogger("kg.parse")

__all__ = ["parse", "parse_document", "best_layout"]


#: To explain a file as holding no paper, a layout reads at least this share of its
#: non-blank lines as non-paper items and leaves at most ``NO_PAPER_UNEXPLAINED`` of
#: them unexplained (the rest are its headings and page notes).
NO_PAPER_SHARE = 0.5
NO_PAPER_UNEXPLAINED = 0.1


def _no_paper(res: LayoutResult, doc: ParsedDoc) -> bool:
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


def _score(res: LayoutResult, doc: ParsedDoc) -> tuple[int, int, int, int]:
    # Coverage counts lines placed in entries plus recognised boilerplate; an explanation
    # with no entry at all only wins if nothing else finds any, or if it reads the file as
    # items none of which is a paper; of two that explain as much, the one that finds more
    # papers read the structure more finely.
    # Items read as not papers count as items found, so that a reading of the same lines
    # as abstracts does not win only by calling them papers.
    if _no_paper(res, doc):
        items = sum(1 for u in res.unassigned if u.reason == NON_PAPER and doc.lines[u.line - 1].kind == "heading")
        return (1, res.covered - res.unexplained, items, -res.unexplained)
    # Then, of two still equal, the one that leaves fewer lines to the gap readers (a page
    # of headed picks over a table: the table reader reads the table in the gap, the
    # heading reader never reads a stretch).
    unexplained = res.unexplained  # a count over every reported line: once
    return (1 if res.entries else 0, res.covered - unexplained, len(res.entries), -unexplained)


#: A file longer than twice this many lines is first read by every layout on its first
#: ~this many lines (cut at a blank line, so no entry is split); only the
#: :data:`FINALISTS` best on that sample then read the whole file. Every layout costs
#: about the same per line, so a 10,000-entry digest is parsed about three times faster,
#: and a digest does not change its layout after its first hundreds of lines.
SAMPLE_LINES = 300
FINALISTS = 2
#: A sample decides alone when its best layout explains every non-blank line of it and
#: the next best explains at most this share: then only the best reads the whole file
#: (a structured digest's runner-up, the abstract reader, explains 8 % of its sample).
DECISIVE_SHARE = 0.5
#: A plain-text file of at least SHORT_MIN lines (and too short for the sample above) is
#: first read by every layout on its first 1/SHORT_PART or so (cut at a blank line);
#: when that sample is decisive, only its best reads the whole file — and only if that reading
#: explains every line of the file is it kept without the others reading it whole. A day
#: of a structured digest is read by one layout instead of fifteen.
SHORT_MIN = 60
SHORT_PART = 4


def _sample_end(doc: ParsedDoc) -> int | None:
    """1-based last line of the sample of a long ``doc`` (the first blank line at or
    after :data:`SAMPLE_LINES`), or None when ``doc`` is short enough to read whole.
    A file with no blank line there (translated abstracts, one paragraph a line) is cut
    at :data:`SAMPLE_LINES`: every layout then reads the same last entry short, which
    moves no layout's rank, while reading such a file whole with every layout cost
    more than extracting it."""
    n = len(doc.lines)
    if n <= 2 * SAMPLE_LINES:
        return None
    for k in range(SAMPLE_LINES, n - SAMPLE_LINES):
        if not doc.lines[k].raw.strip():
            return k + 1
    return SAMPLE_LINES


def _short_sample_end(doc: ParsedDoc) -> int | None:
    """1-based last line of the sample of a short plain-text ``doc`` (see
    :data:`SHORT_MIN`): the first blank line after its first 1/SHORT_PART of lines (and
    before its last), or None (no sample: the file is Markdown, too short, or has no
    blank line there)."""
    n = len(doc.lines)
    if doc.markdown or doc.feed or not SHORT_MIN <= n <= 2 * SAMPLE_LINES:
        return None
    for k in range(n // SHORT_PART, n - n // SHORT_PART):
        if not doc.lines[k].raw.strip():
            return k + 1
    return None


def _read_whole(
    doc: ParsedDoc, layouts: list[ModuleType], tried: list[tuple[str, int, int]]
) -> tuple[tuple[int, int, int, int], str, LayoutResult]:
    """The best of ``layouts`` reading the whole of ``doc`` (the first of equals)."""
    best: tuple[tuple[int, int, int, int], str, LayoutResult] | None = None
    for layout in layouts:
        res = layout.parse(doc)
        score = _score(res, doc)
        tried.append((layout.name, len(res.entries), score[1]))
        if best is None or score > best[0]:
            best = (score, layout.name, res)
    assert best is not None
    return best


def best_layout(
    doc: ParsedDoc, layouts: list[ModuleType], scores: list[tuple[str, int, int]] | None = None
) -> tuple[str, LayoutResult]:
    """The layout that explains the most of ``doc`` (the first of equals) and its result;
    every layout's ``(name, entries, score)`` is appended to ``scores`` (for a long file,
    the layouts left out after the sample with their figures on the sample)."""
    tried: list[tuple[str, int, int]] = []
    every = layouts
    cut = _sample_end(doc)
    short = cut is None and (cut := _short_sample_end(doc)) is not None
    if cut is not None and len(layouts) > FINALISTS:
        sample = _sub(doc, 1, cut)
        ranked = []
        for k, layout in enumerate(layouts):
            res = layout.parse(sample)
            ranked.append((_score(res, sample), -k, layout, len(res.entries)))
        ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
        # Finalists: the best FINALISTS on the sample and any layout tied with the last of them.
        bar = ranked[FINALISTS - 1][0]
        nonblank = sum(1 for x in sample.lines if x.text.strip())
        decisive = ranked[0][0][0] == 1 and ranked[0][0][1] >= nonblank > 0 and ranked[1][0][1] <= DECISIVE_SHARE * nonblank
        if decisive:
            bar = ranked[0][0]  # a decisive sample: its best alone reads the whole file
        if decisive or not short:  # a short file's sample that does not decide leaves every layout in
            finalists = {id(r[2]) for r in ranked if r[0] >= bar}
            tried += [(r[2].name, r[3], r[0][1]) for r in ranked if id(r[2]) not in finalists]
            layouts = [m for m in layouts if id(m) in finalists]  # input order: the first of equals wins
    best = _read_whole(doc, layouts, tried)
    if short and len(layouts) < len(every) and not (
        best[0][0] == 1 and best[0][1] >= sum(1 for x in doc.lines if x.text.strip())
    ):
        # The short file's sample chose a layout that does not explain the whole file: the
        # rest may read as another layout's, so every layout reads it whole after all.
        tried = []
        best = _read_whole(doc, every, tried)
    order = {m.name: k for k, m in enumerate(LAYOUTS)}
    tried.sort(key=lambda t: order.get(t[0], len(order)))  # the layouts' order, sampled or not
    log.debug("%s: layouts scored %s; kept %s", doc.path, ", ".join(f"{n}={s} ({e} entries)" for n, e, s in tried), best[1])
    if scores is not None:
        scores.extend(tried)
    return best[1], best[2]


def _sub(doc: ParsedDoc, a: int, b: int) -> ParsedDoc:
    """Lines ``a..b`` (1-based, inclusive) of ``doc`` as a document of their own."""
    lo, hi = a - 1, b - 1
    return ParsedDoc(
        doc.path,
        doc.lines[lo : hi + 1],
        doc.markdown,
        [replace(k, first=k.first - lo, last=min(k.last, hi) - lo) for k in doc.blocks if lo <= k.first <= hi],
        rows=[
            (f - lo, l - lo, h, tuple((c[0] - lo, c[1], c[2]) if c else None for c in cells))
            for f, l, h, cells in doc.rows
            if lo <= f and l <= hi
        ],
    )


def _fill_gaps(
    doc: ParsedDoc, entries: list[Entry], unassigned: list[Unassigned], candidates: list[ModuleType]
) -> tuple[list[Entry], list[Unassigned]]:
    """Re-read the stretches between entries that the chosen layout left unexplained with
    every layout of ``candidates`` that accepts a stretch (``in_gaps``)."""
    inside = {k for e in entries for k in range(e.line, e.end_line + 1)}
    unexplained = sorted(u.line for u in unassigned if u.reason == NOT_IN_ENTRY)
    if not unexplained:
        return entries, unassigned
    n = len(doc.lines)
    gaps: list[tuple[int, int]] = []
    start = None
    for k in range(1, n + 2):
        if k <= n and k not in inside:
            start = k if start is None else start
        elif start is not None:
            gaps.append((start, k - 1))
            start = None
    for a, b in gaps:
        missing = [k for k in unexplained if a <= k <= b]
        if not missing:
            continue
        sub = _sub(doc, a, b)
        layouts = [m for m in candidates if getattr(m, "in_gaps", None) is None or m.in_gaps(sub)]
        if not layouts:
            continue
        _, res = best_layout(sub, layouts)
        sub_entries = [_shift_entry(e, a - 1) for e in res.entries]
        sub_unassigned = [replace(u, line=u.line + a - 1) for u in res.unassigned]
        if sub_entries and res.unexplained < len(missing):
            # A closing table that lists the page's papers again is no new papers.
            sub_entries, again = restated(entries, sub_entries)
            unassigned = [u for u in unassigned if not a <= u.line <= b] + sub_unassigned + again
            entries = entries + sub_entries
    return sorted(entries, key=lambda e: e.line), sorted(unassigned, key=lambda u: u.line)


def _shift_entry(e: Entry, by: int) -> Entry:
    return replace(
        e, line=e.line + by, end_line=e.end_line + by, origin=tuple((o, ln + by, c) for o, ln, c in e.origin)
    )


def _code_line(e: Entry) -> Entry:
    """An entry no layout found a category in takes it from a line of its own that holds
    category codes and nothing else (``[cs.LG](…) | [stat.ML](…)`` under a title): every
    layout writes such a line the same way."""
    if e.category_code is not None:
        return e
    off = 0
    for text in e.text.split("\n"):
        got = category_line(text) if text.strip() else None
        if got:
            return replace(e, category=Span(off + got[0], off + got[1]), category_code=got[2])
        off += len(text) + 1
    return e


def _generic_wins(doc: ParsedDoc, res: LayoutResult, gen: LayoutResult) -> bool:
    """Whether the generic reader's ``gen`` finds several papers in a file a layout read
    as holding none: a page listing papers by their method's name and date (``### VoxHammer
    (2025.08)``) links none of them, so a layout that tells papers by their links reads its
    items as not papers."""
    return (len(gen.entries) >= generic.MIN_NAMED or reads_page(gen, doc)) and _score(gen, doc) > _score(res, doc)


#: A layout leaves much of a file unexplained above this share of its non-blank lines,
#: and at least MIN_UNEXPLAINED of them (a note before a short list is no such stretch).
MUCH_UNEXPLAINED = 0.25
MIN_UNEXPLAINED = 5


def _unexplained_much(res: LayoutResult, doc: ParsedDoc) -> bool:
    """Whether ``res`` left much of ``doc`` unexplained (see :data:`MUCH_UNEXPLAINED`)."""
    n = res.unexplained
    return n >= MIN_UNEXPLAINED and n > MUCH_UNEXPLAINED * sum(1 for x in doc.lines if x.text.strip())


def _titled(res: LayoutResult) -> int:
    # A "title" that is a field's key ("Paper" read off "- Paper: https://…") titles nothing.
    return sum(1 for e in res.entries if e.title is not None and field_kind(e.title.of(e.text)) is None or e.title_zh is not None)


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


def _generic_better(doc: ParsedDoc, res: LayoutResult, gen: LayoutResult) -> bool:
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
    stretches it leaves are re-read afterwards by every layout (_fill_gaps), which the
    generic reader is not."""
    better = _score(gen, doc) > _score(res, doc)
    if len(res.entries) == 1 and len(gen.entries) > 2 and better:
        return True
    if page_reading_better(doc, res, gen) and _score(gen, doc)[:2] >= _score(res, doc)[:2]:
        return True  # a page about one paper read as that paper's entry (generic_page)
    if _unexplained_much(res, doc) and better and (
        not gen.unexplained and len(gen.entries) >= len(res.entries) and _titled(gen) >= _titled(res)
        or _papers(gen)[0] == _titled(gen) == len(gen.entries) >= 3 and _papers(res)[0] < len(gen.entries)
    ):
        # A layout that read a few items of a page and left much of it unexplained loses to a
        # generic reading that explains the whole page with no fewer (titled) entries, or
        # titles each paper in an entry of its own where the layout's entries name fewer.
        return True
    if 2 * _titled(res) > len(res.entries):
        return False
    # More titled entries and no fewer, or every entry titled against none, explaining no less.
    if (len(gen.entries) >= len(res.entries) and _titled(gen) > _titled(res) or _titled(res) == 0
            and _titled(gen) == len(gen.entries) >= 3) and _score(gen, doc)[:2] >= _score(res, doc)[:2]:
        return True
    one, several = _papers(gen)
    if len(gen.entries) >= len(res.entries) and several == 0 and one >= 3 and one >= 2 * len(res.entries) and one > _papers(res)[0]:
        return True
    if one == _titled(gen) == len(gen.entries) >= 3 and several == 0 and len(doc_papers(doc)) == one:
        return True  # every paper of the page one titled entry of its own, where the layout titled few
    # A page about one paper (a post that links it once or more, and no other) which the
    # layout cut into several title-less paragraphs: the generic reader's one titled
    # entry holding that paper reads it as what it is.
    return len(gen.entries) == 1 and one == 1 and _titled(gen) == 1 and len(res.entries) > 1 and len(doc_papers(doc)) == 1


def _generic_cannot_win(doc: ParsedDoc, res: LayoutResult) -> bool:
    """Whether :func:`_generic_better` is false whatever the generic reader finds, told
    from :func:`generic.entry_bound` without running it. Every way it wins needs either
    at least as many entries as ``res`` (or more than two beside a single one) or an
    entry naming an arXiv paper; a bound says the page has no arXiv id at all, so when it
    also says fewer entries than ``res`` found, none can hold. (An abstract dump, one
    abstract a line, is the case: the reader cost more than the layout that reads it.)"""
    bound = generic.entry_bound(doc)
    return bound is not None and bound < len(res.entries)



def _bibtex(e: Entry) -> Entry:
    """An entry no layout found authors in takes them from a BibTeX record pasted into it
    (a paper-notes page's citation block): every layout carries such a block the same way."""
    if e.authors is not None:
        return e
    got = bibtex_authors(e.text)
    # As every author field is read: a list the name reader cannot take as people (TeX
    # accents, surnames of two words in "Surname, Given" pairs) is left to no guess.
    named = None if got is None else author_value(e.text[got[0] : got[1]])
    return e if named is None else replace(e, authors=Span(got[0] + named[0], got[0] + named[1]))


def parse_document(doc: ParsedDoc, layouts: list[ModuleType] | None = None) -> ParseResult:
    """Entries of an already read :class:`ParsedDoc`.

    ``layouts`` are the layouts to score (default :data:`LAYOUTS`, in their order); the
    generic reader stays the fallback whatever the list. Leaving a layout out shows how
    kg reads a file in a layout it has no reader for (``scripts/score-real
    --without-layout``)."""
    layouts = LAYOUTS if layouts is None else list(layouts)
    scores: list[tuple[str, int, int]] = []
    if doc.feed:
        # An RSS/Atom feed is read by the feed layout alone: the others would read its
        # XML tags as text. What it explains without an entry (news items, a feed
        # broken before its first item) is said so line by line.
        name, res = feed.name, feed.parse(doc)
        scores.append((name, len(res.entries), res.covered - res.unexplained))
    else:
        if layouts:
            name, res = best_layout(doc, layouts, scores)
        else:  # nothing to score: the generic reader reads the file
            name, res = generic.name, generic.parse(doc)
        # The generic reader competes with the layout kept, only where it could win (see
        # _generic_better; a page about one paper a layout may have cut up): it costs a
        # layout's read of the whole file, which a long titled digest need not pay.
        may = res.entries and (len(res.entries) == 1 or 2 * _titled(res) <= len(res.entries)
                               or _unexplained_much(res, doc) or paper_page(doc) is not None)
        gen = generic.parse(doc) if may and not _generic_cannot_win(doc, res) else None
        if gen is not None and _generic_better(doc, res, gen):
            log.debug("%s: the generic reader finds %d entries to %s's %d", doc.path, len(gen.entries), name, len(res.entries))
            name, res = generic.name, gen
    entries, unassigned = list(res.entries), list(res.unassigned)
    no_paper = False
    if doc.feed:
        no_paper = not entries
    elif entries:
        entries, unassigned = _fill_gaps(doc, entries, unassigned, layouts)
    elif (no_paper := _no_paper(res, doc)) and not _generic_wins(doc, res, gen := generic.parse(doc)):
        log.info("%s: no paper in the file (layout %s read its items as not papers)", doc.path, name)
    else:
        res = gen if no_paper else generic.parse(doc)
        no_paper = False
        if res.entries:
            name, entries, unassigned = generic.name, list(res.entries), list(res.unassigned)
    if not entries and not no_paper:
        # No layout fits: report every line on its own, with only the layout-free noise
        # patterns (a layout's own rules, like "short line = poster name", need the layout).
        name = "unknown"
        unassigned = [
            Unassigned(doc.path, i + 1, x.text.strip(), is_boilerplate(x.text, between_entries=True) or NOT_IN_ENTRY)
            for i, x in enumerate(doc.lines)
            if x.text.strip()
        ]
    for line, message in doc.problems:
        unassigned.append(Unassigned(doc.path, line + 1, doc.lines[line].text.strip() if line < len(doc.lines) else "", message))
        log.warning("%s:%d: %s", doc.path, line + 1, message)
    # Lines that are only markup (an image, an HTML tag, an empty link) have no text a
    # layout could read; they are reported as such rather than lost.
    if doc.markdown:
        inside = {k for e in entries for k in range(e.line, e.end_line + 1)}
        told = {u.line for u in unassigned}
        for i, x in enumerate(doc.lines, 1):
            if i in inside or i in told or not x.raw.strip():
                continue
            if not x.text.strip():
                unassigned.append(Unassigned(doc.path, i, x.raw.strip()[:200], "markup only"))
            elif x.kind == "front-matter":
                # Page metadata no layout took (a post layout reads a paper's front matter).
                unassigned.append(Unassigned(doc.path, i, x.text.strip()[:200], "front matter"))
    entries = [_bibtex(_code_line(journal_paper_category(e))) for e in date_entries(doc, entries, unassigned)]
    missing = [u.line for u in unassigned if u.reason == NOT_IN_ENTRY]
    if missing:
        log.warning(
            "%s: %d line(s) in no entry (layout %s; first at line %s)",
            doc.path, len(missing), name, ", ".join(map(str, missing[:5])),
        )
    return ParseResult(tuple(entries), tuple(sorted(unassigned, key=lambda u: u.line)), name, tuple(scores))


def parse(doc: Document, layouts: list[ModuleType] | None = None) -> ParseResult:
    """Split ``doc`` into entries with the layout that explains most lines (and the
    stretches it leaves unexplained with whichever explains them); ``layouts`` as
    :func:`parse_document`."""
    return parse_document(read_document(doc.path, doc.text), layouts)
