"""The driver: read the document, run every registered layout, keep the best.

Every layout explains lines (puts them in entries or reports them with a reason) and
leaves the rest unexplained. :func:`parse` keeps the layout that explains the most, logs
the others' scores, re-reads the stretches the chosen one could not explain with every
layout (a page may hold a table and then a field list), and falls back to the generic
reader when no layout finds an entry. A file in an unknown layout is reported line by
line (``unassigned``, with a log warning of the count and first line numbers), never
dropped.

How a reading is scored is :mod:`kg.parse.scoring`; when the generic reader is run
against the layout kept, and when it wins, is :mod:`kg.parse.generic_contest`.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from types import ModuleType

from kg.parse import generic_contest as contest
from kg.parse import scoring
from kg.parse.title_tags import without_list_tags
from kg.parse.author_fields import author_value
from kg.parse.base import NON_PAPER, NOT_IN_ENTRY, LayoutResult
from kg.parse.bibtex import bibtex_authors
from kg.parse.boilerplate import is_boilerplate
from kg.parse.categories import category_line, journal_paper_category
from kg.parse.document import ParsedDoc, read_document
from kg.parse.entry_dates import date_entries
from kg.parse.layouts import LAYOUTS, feed, generic
from kg.parse.recap import restated
from kg.records import Document, Entry, ParseResult, Span, Unassigned

log = logging.getLogger("kg.parse")

__all__ = ["parse", "parse_document", "best_layout"]


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
        score = scoring.reading_score(res, doc)
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
            ranked.append((scoring.reading_score(res, sample), -k, layout, len(res.entries)))
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
        # The generic reader competes with the layout kept, only where it could win
        # (kg.parse.generic_contest).
        gen = generic.parse(doc) if contest.generic_may_win(doc, res) else None
        if gen is not None and contest.generic_better(doc, res, gen):
            log.debug("%s: the generic reader finds %d entries to %s's %d", doc.path, len(gen.entries), name, len(res.entries))
            name, res = generic.name, gen
    entries, unassigned = list(res.entries), list(res.unassigned)
    no_paper = False
    if doc.feed:
        no_paper = not entries
    elif entries:
        entries, unassigned = _fill_gaps(doc, entries, unassigned, layouts)
    elif (no_paper := scoring.no_paper(res, doc)) and not contest.generic_wins(doc, res, gen := generic.parse(doc)):
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
    entries, others = without_list_tags(entries)  # "[DIN] Title": the list's labels are no part of titles
    unassigned += [Unassigned(doc.path, k, doc.lines[k - 1].text.strip(), NON_PAPER) for e in others for k in range(e.line, e.end_line + 1) if doc.lines[k - 1].text.strip()]
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
