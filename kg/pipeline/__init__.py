"""The whole pipeline as library calls: paths → records → graph, with one orchestrator.

Every command and script that extracts goes through :func:`extract_documents` (or its
wrappers :func:`iter_records`, :func:`extract_paths`, :func:`build_graph`), whether the
tasks run in this process, on a local process pool (``jobs``) or on a Dask cluster
(``engine="dask"``): the records, their order and the :class:`Report` are the same.

====================  ==================================================================
Module                Holds
====================  ==================================================================
``stages``            :class:`Report`; one document → records
                      (:func:`extract_document`); records → a resolved graph
                      (:func:`records_to_graph`, :func:`unresolved_graph`,
                      :func:`merge_into`)
``orchestrator``      the tasks and the ordered run over an executor
                      (:func:`extract_documents`, :func:`iter_records`,
                      :func:`extract_paths`, :func:`build_graph`)
``executors``         where tasks run: inline (``jobs=1``), a process pool, a Dask cluster
====================  ==================================================================

Each call reports what it could not use instead of dropping it: unreadable files become
:class:`~kg.read.Skipped`, lines outside any entry :class:`~kg.records.Unassigned`.
"""
from __future__ import annotations

from kg.pipeline.stages import (
    Report,
    drop_memo_tables,
    extract_document,
    extract_entries,
    merge_into,
    records_to_graph,
    unresolved_graph,
)
from kg.pipeline.orchestrator import (
    CHUNK_SIZE,
    ENGINES,
    INFLIGHT_PER_JOB,
    SPLIT_CHARS,
    build_graph,
    extract_documents,
    extract_paths,
    iter_records,
    resolve_jobs,
)

__all__ = [
    "Report",
    "extract_document",
    "extract_entries",
    "records_to_graph",
    "unresolved_graph",
    "merge_into",
    "drop_memo_tables",
    "extract_documents",
    "iter_records",
    "extract_paths",
    "build_graph",
    "ENGINES",
    "resolve_jobs",
    "CHUNK_SIZE",
    "SPLIT_CHARS",
    "INFLIGHT_PER_JOB",
]
