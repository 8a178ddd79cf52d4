"""The whole pipeline as library calls: paths → records → graph.

Each call reports what it could not use instead of dropping it: unreadable files become
:class:`~kg.read.Skipped`, lines outside any entry :class:`~kg.records.Unassigned`.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from kg.extract import extract_entry
from kg.graph import build_graph as _build
from kg.parse import parse
from kg.read import Skipped, read_paths
from kg.records import Document, Entry, PaperRecord, Unassigned
from kg.resolve import resolve_authors

log = logging.getLogger(__name__)

__all__ = ["Report", "iter_records", "extract_paths", "extract_document", "build_graph", "records_to_graph"]


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
            first = ", ".join(f"{os.path.basename(u.file)}:{u.line}" for u in self.failed[:5])
            parts.append(f"{len(self.failed)} entr{'y' if len(self.failed) == 1 else 'ies'} failed (first: {first})")
        if self.unassigned:
            first = ", ".join(f"{os.path.basename(u.file)}:{u.line}" for u in self.unassigned[:5])
            parts.append(f"{len(self.unassigned)} line(s) in no entry (first: {first})")
        return "; ".join(parts)


def extract_document(doc: Document, report: Report | None = None) -> list[PaperRecord]:
    result = parse(doc)
    if report is not None:
        report.files_read += 1
        report.layouts[result.layout] = report.layouts.get(result.layout, 0) + 1
        for u in result.unassigned:
            (report.unassigned if u.reason == "not part of any entry" else report.ignored).append(u)
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


def iter_records(paths: Iterable[str | os.PathLike[str]], report: Report | None = None, encoding: str | None = None) -> Iterator[PaperRecord]:
    """Stream records from files and folders (``-`` is stdin), one document at a time."""
    for item in read_paths(paths, encoding):
        if isinstance(item, Skipped):
            if report is not None:
                report.files_skipped.append(item)
            continue
        yield from extract_document(item, report)


def extract_paths(paths: Iterable[str | os.PathLike[str]], report: Report | None = None, encoding: str | None = None) -> list[PaperRecord]:
    return list(iter_records(paths, report, encoding))


def records_to_graph(records: Iterable[PaperRecord], into: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """Resolve author variants across ``records`` and merge them into a graph."""
    recs, merges = resolve_authors(list(records))
    for m in merges:
        log.info("author %r merged into %r (%s)", m.surface, m.canonical, m.reason)
    return _build(recs, into)


def build_graph(paths_or_records, into: nx.MultiDiGraph | None = None, report: Report | None = None) -> nx.MultiDiGraph:
    """A graph from paths (files/folders) or from already extracted records."""
    items = list(paths_or_records)
    if items and all(isinstance(x, PaperRecord) for x in items):
        return records_to_graph(items, into)
    return records_to_graph(extract_paths(items, report), into)
