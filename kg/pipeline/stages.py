"""The pipeline's steps: one document → records (counted in a :class:`Report`), and
records → a resolved graph. :mod:`kg.pipeline.orchestrator` runs the first step over
many documents, here or on workers.

Each step reports what it could not use instead of dropping it: unreadable files become
:class:`~kg.read.Skipped`, lines outside any entry :class:`~kg.records.Unassigned`.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from kg.extract import extract_entry
from kg.graph import add_records, input_root, merge_graph, new_graph
from kg.parse import NOT_IN_ENTRY, parse
from kg.read import Skipped
from kg.records import Document, Entry, PaperRecord, ParseResult, Unassigned
from kg.resolve import resolve_graph

log = logging.getLogger(__name__)

__all__ = ["Report", "count_parse", "extract_document", "extract_entries", "records_to_graph", "unresolved_graph",
           "merge_into", "drop_memo_tables"]


@dataclass
class Report:
    """What a run read, extracted and skipped; the counts always add up."""

    files_read: int = 0
    files_skipped: list[Skipped] = field(default_factory=list)
    entries: int = 0
    unassigned: list[Unassigned] = field(default_factory=list)
    ignored: list[Unassigned] = field(default_factory=list)  # recognised non-paper lines
    layouts: dict[str, int] = field(default_factory=dict)
    failed: list[Unassigned] = field(default_factory=list)  # entries whose extraction raised

    def summary(self) -> str:
        parts = [f"{self.files_read} file(s) read", f"{self.entries} entries extracted"]
        if self.files_skipped:
            parts.append(f"{len(self.files_skipped)} file(s) skipped")
        if self.failed:
            parts.append(f"{len(self.failed)} entr{'y' if len(self.failed) == 1 else 'ies'} failed{_first(self.failed)}")
        if self.unassigned:
            parts.append(f"{len(self.unassigned)} line(s) in no entry{_first(self.unassigned)}")
        return "; ".join(parts)

    def rejects(self) -> list[dict]:
        """What the run could not use, as the rows of ``--rejects``: one per unreadable file
        (``line`` None, listed first), then one per rejected line (lines in no entry,
        recognised non-paper lines, failed entries) sorted by file and line."""
        rows = [{"file": s.path, "line": None, "reason": s.reason, "text": ""} for s in self.files_skipped]
        for u in sorted(self.unassigned + self.ignored + self.failed, key=lambda u: (u.file, u.line)):
            rows.append({"file": u.file, "line": u.line, "reason": u.reason, "text": u.text})
        return rows


def _first(rejects: list[Unassigned], k: int = 5) -> str:
    """`` (first: a.txt:3, b.txt:9)``: where to look, without listing every line."""
    return " (first: " + ", ".join(f"{os.path.basename(u.file)}:{u.line}" for u in rejects[:k]) + ")"


def count_parse(result: ParseResult, report: Report) -> None:
    """Count one parsed document in ``report``: the file, its layout, and its lines in no
    entry (rejects) apart from the recognised non-paper lines. The one rule, whether the
    document is extracted whole or parsed first and sent to workers in chunks."""
    report.files_read += 1
    report.layouts[result.layout] = report.layouts.get(result.layout, 0) + 1
    for u in result.unassigned:
        (report.unassigned if u.reason == NOT_IN_ENTRY else report.ignored).append(u)


def extract_document(doc: Document, report: Report | None = None) -> list[PaperRecord]:
    result = parse(doc)
    if report is not None:
        count_parse(result, report)
    records = extract_entries(result.entries, report)
    if report is not None:
        report.entries += len(records)
    return records


def extract_entries(entries: Iterable[Entry], report: Report | None = None) -> list[PaperRecord]:
    """Records for ``entries``. An entry whose extraction raises is logged and listed in
    ``report.failed`` (file:line and the error) so the other entries are not lost and
    entries read = entries extracted + entries reported; without a report it raises."""
    records = []
    for e in entries:
        try:
            records.append(extract_entry(e))
        except Exception as exc:  # a bug on one entry must not lose the rest
            log.error("%s:%d: extraction failed: %r", e.file, e.line, exc)
            if report is None:
                raise
            report.failed.append(Unassigned(e.file, e.line, e.text.split("\n", 1)[0][:120], f"extraction failed: {exc!r}"))
    return records


def records_to_graph(records: Iterable[PaperRecord], into: nx.MultiDiGraph | None = None,
                     root: str | None = None, curation=None) -> nx.MultiDiGraph:
    """Merge ``records`` into a graph (``into``, or a new one), then resolve it (see
    :func:`merge_into`). See :func:`unresolved_graph` for ``root`` and streaming."""
    return merge_into(into, unresolved_graph(records, root), curation)


def unresolved_graph(records: Iterable[PaperRecord], root: str | None = None) -> nx.MultiDiGraph:
    """A graph of ``records`` before author resolution (see :func:`merge_into`).

    With ``root`` (:func:`kg.graph.input_root` of the input paths) records are consumed
    one at a time and not kept, so memory is bounded by the graph rather than by the
    input's text; without it the root is the folder the records' files share, which
    needs all of them first.
    """
    G = new_graph()
    if root is None:
        records = list(records)
        root = input_root(r.file for r in records)
    with _graph_frozen_for_gc() as built:
        for rec in records:
            add_records(G, (rec,), root)
            built()
    # Extraction is over: its memo tables (tens of thousands of lines and names each at
    # 100k entries) would sit beside the graph while it is resolved and saved.
    drop_memo_tables()
    return G


#: Bounded ``functools.lru_cache`` tables at least this large are memo tables of
#: per-line or per-name work; smaller ones (and unbounded ``functools.cache``) hold
#: loaded vocabularies and compiled patterns, which are kept.
_MEMO_MIN = 1024


def drop_memo_tables() -> int:
    """Clear kg's memo tables (the bounded ``lru_cache`` of functions in ``kg.*``
    modules; pure functions, so this costs only recomputation) and return how many
    entries went. Found by looking, not by a list, so a memoised function added or
    moved elsewhere in kg is covered too."""
    import sys

    dropped = 0
    seen: set[int] = set()
    for name, module in list(sys.modules.items()):
        if not (name == "kg" or name.startswith("kg.")) or module is None:
            continue
        for value in list(vars(module).values()):
            # functools' cache wrappers, recognised by their public methods.
            if callable(getattr(value, "cache_info", None)) and callable(getattr(value, "cache_clear", None)) \
                    and id(value) not in seen:
                seen.add(id(value))
                info = value.cache_info()
                if getattr(info, "maxsize", None) is not None and info.maxsize >= _MEMO_MIN:
                    dropped += info.currsize
                    value.cache_clear()
    return dropped


#: Records between two freezes of what was built so far (see :func:`_graph_frozen_for_gc`).
FREEZE_EVERY = 2000
#: Records between two clearings of kg's memo tables during a streamed build (see
#: :func:`drop_memo_tables`). Filled by 10,000 records they hold a few tens of
#: thousands of entries each; left alone they fill to 65,536-131,072 each by 100,000
#: records, ~80 MiB beside the graph. Refilling them costs a few seconds per clearing.
MEMO_EVERY = 10_000


@contextlib.contextmanager
def _graph_frozen_for_gc() -> Iterator[Callable[[], None]]:
    """Keep Python's cyclic garbage collector off the growing graph; yields the function
    to call after each record.

    The graph is millions of dicts, lists and strings in no cycle, and every full
    collection walked all of them: about a third of the CPU time of turning 10k records
    into a graph. Every :data:`FREEZE_EVERY` records the young objects are collected
    (so cycles that extraction made are freed, not kept) and everything alive is moved
    out of the collector's view (:func:`gc.freeze`); collections then walk only what was
    made since. At the end the objects are handed back (:func:`gc.unfreeze`) unless the
    process had frozen objects of its own before. Every :data:`MEMO_EVERY` records kg's
    memo tables are cleared (:func:`drop_memo_tables`), so extraction's share of the
    memory stays that of a window of records rather than filling up beside the graph."""
    owner = gc.get_freeze_count() == 0
    every, memo_every = FREEZE_EVERY, MEMO_EVERY
    seen = 0

    def built() -> None:
        nonlocal seen
        seen += 1
        if seen % memo_every == 0:
            drop_memo_tables()
        if seen % every == 0:
            gc.collect()
            gc.freeze()

    try:
        yield built
    finally:
        if owner:
            gc.unfreeze()


def merge_into(into: nx.MultiDiGraph | None, G: nx.MultiDiGraph, curation=None) -> nx.MultiDiGraph:
    """``G`` merged into ``into`` (existing values stay), resolved over the union (author
    variants, the type vote: :func:`kg.resolve.resolve_graph`), then the user's
    ``curation`` (a :class:`kg.resolve.curation.Curation`) applied, with its outcome per line in
    ``G.graph["curation"]``. ``kg build`` extracts into ``G`` first and holds the graph
    file's lock only for this step."""
    if into is not None:
        G = merge_graph(into, G)
    for kind, m in resolve_graph(G, curation):
        log.info("%s %r merged into %r (%s)", kind, m.surface, m.canonical, m.reason)
    return G
