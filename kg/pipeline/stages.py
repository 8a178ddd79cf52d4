"""The pipeline's steps: one document → records (counted in a :class:`Report`), and
records → a resolved graph. :mod:`kg.pipeline.orchestrator` runs the first step over
many documents, here or on workers.

Each step reports what it could not use instead of dropping it: unreadable files become
:class:`~kg.read.Skipped`, lines outside any entry :class:`~kg.records.Unassigned`.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable
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
           "merge_into"]


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
    for rec in records:
        add_records(G, (rec,), root)
    return G


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
