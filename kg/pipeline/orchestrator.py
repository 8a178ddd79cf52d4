"""The one orchestrator of extraction: the same records in the same order whatever runs them.

Every command and script that extracts files (``kg extract``, ``kg build``, ``kg load``,
:func:`extract_paths`, :func:`build_graph`) goes through :func:`extract_documents`. The
work is cut into tasks and handed to an executor (:mod:`kg.pipeline.executors`): run in
this process for ``jobs=1``, by a :class:`multiprocessing.pool.Pool` of ``jobs`` workers
otherwise, or by a Dask cluster with ``engine="dask"``:

* a document of ordinary size (a daily digest) is one task: the worker parses and
  extracts it with :func:`kg.pipeline.stages.extract_document` and sends back the records
  and its own :class:`~kg.pipeline.stages.Report`, which the parent merges;
* a document larger than ``split_chars`` (years of digests in one file) is parsed in the
  parent and its entries are sent in chunks of ``chunk_size``, so one huge file still
  uses every core, and neither a worker nor (with ``jobs=1``) this process holds all of
  its records at once.

Results are taken in submission order, so the output does not depend on ``jobs`` or on
which worker finishes first. At most ``jobs * INFLIGHT_PER_JOB`` tasks are queued at a
time: ``Pool.imap`` would read (and pickle) the whole input ahead of the workers, which
for 100k entries costs more memory than the extraction itself.

Spawn-safe: workers need nothing from the parent but picklable records (the task
functions are module-level and every cache is rebuilt in the worker), so the ``spawn``
start method of macOS and Windows gives the same output as ``fork``.
"""
from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.extract.votes import vote_by_file
from kg.graph import input_root
from kg.pipeline.executors import InlineExecutor, pool_executor
from kg.pipeline.stages import Report, count_parse, extract_document, extract_entries, records_to_graph
from kg.read import Skipped, read_paths
from kg.records import Document, Entry, PaperRecord

log = logging.getLogger(__name__)

__all__ = ["iter_records", "extract_documents", "extract_paths", "build_graph", "ENGINES", "resolve_jobs", "CHUNK_SIZE",
           "SPLIT_CHARS", "INFLIGHT_PER_JOB"]

#: Entries per task when a huge document is split. Extraction costs milliseconds per
#: entry and pickling an entry microseconds, so 64 keeps IPC under 1 % of the work while
#: giving a 2-core run hundreds of tasks to balance on a 100k-entry file.
CHUNK_SIZE = 64
#: Documents longer than this (in characters) are parsed in the parent and sent to the
#: workers as chunks of entries. A daily digest is 10-50 thousand characters; 4 million
#: is about 4,000 entries, where sending the whole document to one worker would leave
#: the other cores idle and hold all of its records in one message.
SPLIT_CHARS = 4_000_000
#: Tasks in flight per worker: one running and two waiting keep it busy while the parent
#: reads and parses the next document; more would only hold more entries in memory.
INFLIGHT_PER_JOB = 3


def resolve_jobs(jobs: int | None) -> int:
    """``jobs`` as a worker count: ``0`` or ``None`` means one per CPU (``os.cpu_count``)."""
    if not jobs or jobs < 0:
        return os.cpu_count() or 1
    return jobs


# --- tasks (module level, so ``spawn`` can pickle references to them) ---------------------


def _extract_doc(doc: Document) -> tuple[Report, list[PaperRecord]]:
    rep = Report()
    return rep, extract_document(doc, rep)


def _extract_entries(entries: list[Entry]) -> tuple[Report, list[PaperRecord]]:
    rep = Report()
    records = extract_entries(entries, rep)
    rep.entries = len(records)  # the parse counted none of a split document's entries
    return rep, records


# --- parent side -----------------------------------------------------------------------------


def _merge_report(into: Report, part: Report) -> None:
    """Add a worker's counts to ``into``, field by field, so new :class:`Report` fields
    (counters, lists, per-key counts) are merged without changes here."""
    for f in dataclasses.fields(Report):
        mine, theirs = getattr(into, f.name), getattr(part, f.name)
        if isinstance(mine, bool) or mine is None:
            setattr(into, f.name, theirs if mine is None else (mine or theirs))
        elif isinstance(mine, (int, float)):
            setattr(into, f.name, mine + theirs)
        elif isinstance(mine, list):
            mine.extend(theirs)
        elif isinstance(mine, dict):
            for k, v in theirs.items():
                mine[k] = mine.get(k, 0) + v if isinstance(v, (int, float)) else v
        else:  # pragma: no cover - a new kind of field must be merged deliberately
            raise TypeError(f"cannot merge Report.{f.name} of type {type(mine).__name__}")


def _split_document(doc: Document, chunk_size: int) -> tuple[Report, Iterator[list[Entry]]]:
    """Parse ``doc`` here, count it as :func:`~kg.pipeline.stages.extract_document` does
    (:func:`~kg.pipeline.stages.count_parse`), and return its entries as a stream of chunks."""
    from kg.parse import parse

    result = parse(doc)
    counted = Report()
    count_parse(result, counted)
    return counted, _chunks(list(result.entries), chunk_size)


def _chunks(entries: list[Entry | None], size: int) -> Iterator[list[Entry]]:
    for i in range(0, len(entries), size):
        chunk = entries[i : i + size]
        # Drop each chunk from the list once handed out: on a 100k-entry file the entries
        # still waiting are then the only ones in memory.
        entries[i : i + size] = [None] * len(chunk)
        yield chunk  # type: ignore[misc]


def _tasks(items: Iterable[Document | Skipped], chunk_size: int, split_chars: int):
    """``(function, argument, report part)`` per task, in input order. Report parts are
    merged when their task's turn comes, so the report lists rejects in input order."""
    for item in items:
        if isinstance(item, Skipped):
            part = Report()
            part.files_skipped.append(item)
            yield None, None, part
        elif len(item.text) > split_chars:
            log.info("%s: %d characters, parsed here and extracted in chunks of %d entries",
                     item.path, len(item.text), chunk_size)
            counted, chunks = _split_document(item, chunk_size)
            del item  # the text is not needed once parsed
            yield None, None, counted
            for chunk in chunks:
                yield _extract_entries, chunk, None
        else:
            yield _extract_doc, item, None


def _collect(result: tuple[Report | None, list[PaperRecord]], report: Report | None) -> list[PaperRecord]:
    """A task's records, after adding its counts to ``report``."""
    part, records = result
    if report is not None:
        if part is not None:
            _merge_report(report, part)
        else:
            report.entries += len(records)
    return records


ENGINES = ("local", "dask")


def extract_documents(
    items: Iterable[Document | Skipped],
    report: Report | None = None,
    jobs: int = 1,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    chunk_size: int = CHUNK_SIZE,
    split_chars: int = SPLIT_CHARS,
    context: str | None = None,
) -> Iterator[PaperRecord]:
    """Records of every document in ``items`` (a :class:`Skipped` is only counted), in
    input order, using ``jobs`` processes (see module docstring).

    ``engine="dask"`` runs the same tasks on a Dask cluster (``scheduler`` address, or a
    local cluster of ``jobs`` workers; see :func:`kg.pipeline.executors.dask_executor`).
    ``context`` is a :mod:`multiprocessing` start method (``"spawn"``, ``"fork"``,
    ``"forkserver"``) for the local engine; ``None`` is the platform's default.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if scheduler and engine != "dask":
        raise KgError("a scheduler address goes with the dask engine (--engine dask)")
    jobs = resolve_jobs(jobs)
    if engine == "dask":
        from kg.pipeline.executors import dask_executor

        executor = dask_executor(scheduler, jobs)
    elif jobs == 1:
        executor = contextlib.nullcontext(InlineExecutor())
    else:
        executor = pool_executor(jobs, context)
    with executor as ex:
        # Types carry across one file's entries (kg.extract.votes): what kg extract
        # prints is what the graph's type vote would make of the same file.
        yield from vote_by_file(_run(ex, items, report, chunk_size, split_chars))


def _run(ex, items, report: Report | None, chunk_size: int, split_chars: int) -> Iterator[PaperRecord]:
    """Submit the tasks to executor ``ex`` and take results back in submission order,
    with at most ``ex.slots * INFLIGHT_PER_JOB`` tasks in flight."""
    pending: deque[tuple[Any, Report | None]] = deque()

    def drain_one() -> Iterator[PaperRecord]:
        task, part = pending.popleft()
        if report is not None and part is not None:
            _merge_report(report, part)
        if task is None:
            return
        yield from _collect(task.result(), report)

    for fn, arg, part in _tasks(items, chunk_size, split_chars):
        pending.append((None if fn is None else ex.submit(fn, arg), part))
        while len(pending) >= ex.slots * INFLIGHT_PER_JOB:
            yield from drain_one()
    while pending:
        yield from drain_one()


def iter_records(
    paths: Iterable[str | os.PathLike[str]],
    report: Report | None = None,
    encoding: str | None = None,
    jobs: int = 1,
    **options: Any,
) -> Iterator[PaperRecord]:
    """Stream records from files and folders (``-`` is stdin), one task at a time, on
    ``jobs`` processes (same records, same order; ``options`` as :func:`extract_documents`)."""
    return extract_documents(read_paths(paths, encoding), report, jobs, **options)


def extract_paths(paths: Iterable[str | os.PathLike[str]], report: Report | None = None, encoding: str | None = None,
                  jobs: int = 1, **options: Any) -> list[PaperRecord]:
    return list(iter_records(paths, report, encoding, jobs, **options))


def build_graph(paths_or_records, into: nx.MultiDiGraph | None = None, report: Report | None = None) -> nx.MultiDiGraph:
    """A graph from paths (files/folders) or from already extracted records."""
    items = list(paths_or_records)
    if items and all(isinstance(x, PaperRecord) for x in items):
        return records_to_graph(items, into)
    return records_to_graph(iter_records(items, report), into, input_root(items))
