"""The plan of a load: the whole graph validated against kg's schema and Neo4j's
property types, cut into batches (one transaction each), before anything is sent.

A graph Neo4j cannot hold (an unknown label, a dict property, an integer beyond 64
bits) thus fails without touching the database, and every batch knows which rows it
holds, so that progress and failures can name them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.errors import StoreError
from kg.graph import EDGE_ENDPOINTS, EDGE_TYPES, NODE_LABELS, node_id
from kg.neo4j.load_cypher import EDGE_QUERIES, NAME_KEY, NODE_QUERIES, name_key

__all__ = ["Batch", "LoadResult", "Neo4jLoadError", "Progress", "Retrying"]

#: Neo4j integers are signed 64-bit.
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class Batch:
    """One transaction of a load: which rows it holds, to report progress and failures."""

    number: int  # 1-based, over the whole load
    total: int  # batches in the whole load
    kind: str  # "nodes" or "relationships"
    what: str  # "Paper", or "AUTHORED (Author->Paper)"
    first_row: int  # 1-based, within this label / relationship group
    last_row: int
    first: str  # first and last row, as node ids ("Paper:2209.01947") or "id -> id"
    last: str

    @property
    def size(self) -> int:
        return self.last_row - self.first_row + 1

    def describe(self) -> str:
        return (
            f"batch {self.number}/{self.total} ({self.what} {self.kind} {self.first_row}-{self.last_row}, "
            f"first {self.first!r}, last {self.last!r})"
        )


@dataclass(frozen=True)
class LoadResult:
    """What a load sent and what Neo4j reports it changed (zero everywhere on a rerun)."""

    nodes: int  # node rows sent
    relationships: int  # relationship rows sent
    batches: int
    nodes_created: int
    relationships_created: int
    properties_set: int
    seconds: float

    def summary(self) -> str:
        return (
            f"{self.nodes} nodes (+{self.nodes_created} new), {self.relationships} relationships "
            f"(+{self.relationships_created} new), {self.properties_set} properties set, "
            f"{self.batches} batches in {self.seconds:.1f}s"
        )


class Neo4jLoadError(StoreError):
    """A load stopped at ``batch``; every batch up to ``last_committed`` (None: none) is
    in the database, nothing of ``batch`` is (unless ``unknown_outcome``), and running
    the same load again completes it without duplicates."""

    def __init__(self, message: str, batch: Batch, last_committed: Batch | None, unknown_outcome: bool = False):
        self.batch = batch
        self.last_committed = last_committed
        self.unknown_outcome = unknown_outcome
        super().__init__(message)


class _MissingEndpoints(Exception):
    """Raised inside a relationship batch's transaction (so it rolls back)."""

    def __init__(self, matched: int):
        self.matched = matched


#: ``progress(batch, rows_done, rows_total)``, called after each committed batch.
Progress = Callable[[Batch, int, int], None]
#: ``retrying(batch, what_it_waits_for, wait_seconds, seconds_left)``, called before a retry.
Retrying = Callable[[Batch, str, float, float], None]


@dataclass
class _Plan:
    steps: list[tuple[Batch, str, list[dict[str, Any]]]] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0


def _value(v: Any, where: str) -> Any:
    """``v`` as a Neo4j property value, or StoreError (before anything is written)."""
    if type(v) is str or isinstance(v, bool | str | float):  # str first: nearly every value is one
        return v
    if isinstance(v, int):
        if not _INT_MIN <= v <= _INT_MAX:
            raise StoreError(f"{where}: integer {v} does not fit Neo4j's 64-bit integers")
        return v
    if isinstance(v, list | tuple):
        items = [_value(x, where) for x in v]
        kinds = {bool if isinstance(x, bool) else str if isinstance(x, str) else (int, float) for x in items}
        if len(kinds) > 1 or any(isinstance(x, list) for x in items):
            raise StoreError(f"{where}: Neo4j lists hold values of one type, not {v!r}")
        return items
    raise StoreError(f"{where}: a {type(v).__name__} cannot be a Neo4j property value ({v!r})")


def _props(data: dict[str, Any], skip: Iterable[str], where: str) -> dict[str, Any]:
    skip = set(skip)
    return {
        k: _value(v, f"{where} property {k!r}")
        for k, v in sorted(data.items())
        if k not in skip and v is not None  # Neo4j has no null properties: absent = None
    }


def _plan(G: nx.MultiDiGraph, batch_size: int) -> _Plan:
    """Validate the whole graph and cut it into batches before anything is written,
    so that a graph Neo4j cannot hold fails without touching the database."""
    if batch_size < 1:
        raise StoreError(f"batch size must be at least 1, not {batch_size}")
    node_rows: dict[str, list[dict[str, Any]]] = {label: [] for label in NODE_LABELS}
    labels: dict[Any, tuple[str, str]] = {}
    for n, d in G.nodes(data=True):
        label, key = d.get("label"), d.get("key")
        if label not in NODE_LABELS:
            raise StoreError(f"node {n!r}: label {label!r} is not one of kg's node labels {NODE_LABELS}")
        if not isinstance(key, str) or not key:
            raise StoreError(f"node {n!r}: no key (nodes need a non-empty string 'key')")
        labels[n] = (label, key)
        props = _props(d, ("label", "key", NAME_KEY), f"node {n!r}")
        if isinstance(props.get("name"), str):
            props[NAME_KEY] = name_key(props["name"])
        node_rows[label].append({"key": key, "props": props})
    edge_rows: dict[tuple[str, str, str], list[dict[str, Any]]] = {k: [] for k in EDGE_QUERIES}
    for u, v, rel, d in G.edges(keys=True, data=True):
        (ul, uk), (vl, vk) = labels[u], labels[v]
        if rel not in EDGE_TYPES or d.get("type", rel) != rel:
            raise StoreError(f"edge {u!r} -> {v!r}: type {rel!r} is not one of kg's relationship types {EDGE_TYPES}")
        if (ul, vl) not in EDGE_ENDPOINTS[rel]:
            raise StoreError(f"edge {u!r} -[{rel}]-> {v!r}: {rel} does not link {ul} to {vl} in kg's schema")
        where = f"edge {u!r} -[{rel}]-> {v!r}"
        sources = d.get("sources")
        edge_rows[(rel, ul, vl)].append({
            "start": uk,
            "end": vk,
            "props": _props(d, ("type", "sources"), where),
            "sources": _value(list(sources) if sources is not None else [], f"{where} property 'sources'"),
        })

    plan = _Plan()
    # (kind, what, query, rows, row -> display name); nodes first, so that every
    # relationship batch finds its endpoints.
    groups: list[tuple[str, str, str, list[dict[str, Any]], Callable[[dict[str, Any]], str]]] = []
    for label in NODE_LABELS:
        rows = sorted(node_rows[label], key=lambda r: r["key"])  # sorted: deterministic, and fewer lock cycles
        plan.nodes += len(rows)
        groups.append(("nodes", label, NODE_QUERIES[label], rows, lambda r, label=label: node_id(label, r["key"])))
    for (rel, start, end), rows in edge_rows.items():
        rows.sort(key=lambda r: (r["start"], r["end"]))
        plan.relationships += len(rows)
        groups.append((
            "relationships", f"{rel} ({start}->{end})", EDGE_QUERIES[(rel, start, end)], rows,
            lambda r, s=start, e=end: f"{node_id(s, r['start'])} -> {node_id(e, r['end'])}",
        ))
    total = sum((len(rows) + batch_size - 1) // batch_size for _, _, _, rows, _ in groups)
    number = 0
    for kind, what, query, rows, name in groups:
        for i in range(0, len(rows), batch_size):
            chunk = rows[i : i + batch_size]
            number += 1
            batch = Batch(number, total, kind, what, i + 1, i + len(chunk), name(chunk[0]), name(chunk[-1]))
            plan.steps.append((batch, query, chunk))
    return plan
