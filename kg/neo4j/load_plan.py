"""The plan of a load: the whole graph validated against kg's schema and Neo4j's
property types, cut into batches (one transaction each), before anything is sent.

A graph Neo4j cannot hold (an unknown label, a dict property, an integer beyond 64
bits) thus fails without touching the database, and every batch knows which rows it
holds, so that progress and failures can name them.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NoReturn

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
    in the database (and, in a load of several workers, maybe some later ones: the
    message says how many), nothing of ``batch`` is (unless ``unknown_outcome``), and
    running the same load again completes it without duplicates."""

    def __init__(self, message: str, batch: Batch, last_committed: Batch | None, unknown_outcome: bool = False):
        self.batch = batch
        self.last_committed = last_committed
        self.unknown_outcome = unknown_outcome
        #: Other batches (of a load with several workers) whose commit was not answered.
        self.unsure: list[Batch] = []
        super().__init__(message)


class _MissingEndpoints(Exception):
    """Raised inside a relationship batch's transaction (so it rolls back)."""

    def __init__(self, matched: int):
        self.matched = matched


#: ``progress(batch, rows_done, rows_total)``, called after each committed batch.
Progress = Callable[[Batch, int, int], None]
#: ``retrying(batch, what_it_waits_for, wait_seconds, seconds_left)``, called before a retry.
Retrying = Callable[[Batch, str, float, float], None]


#: One transaction's worth: the batch, its statement and its rows.
Step = tuple[Batch, str, list[dict[str, Any]]]


@dataclass
class _Plan:
    """The load in order: ``phases`` run one after another; the ``lanes`` of a phase
    run at the same time, each in its own session, one step after another. The lanes
    of a phase touch disjoint sets of nodes, so they take no lock another one waits
    for (and cannot deadlock each other)."""

    node_phases: list[list[list[Step]]] = field(default_factory=list)
    relationship_phases: list[list[list[Step]]] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0

    @property
    def phases(self) -> list[list[list[Step]]]:
        """Every phase, nodes first, so that every relationship batch finds its endpoints."""
        return self.node_phases + self.relationship_phases

    @property
    def steps(self) -> list[Step]:
        """Every step, by batch number."""
        return sorted((s for phase in self.phases for lane in phase for s in lane), key=lambda s: s[0].number)


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


def _props(data: dict[str, Any], skip: frozenset[str], where: Callable[[], str]) -> dict[str, Any]:
    """The properties of a node's ``data`` but ``skip`` and None (Neo4j has no null
    properties: absent = None), checked by :func:`_value` (the relationship loop in
    :func:`_plan` does the same inline). ``where`` names the node for an error message;
    it is a function, called only on an error, because building that text for every
    row was a good part of the plan's time. Unsorted: a property map has no order in
    Neo4j, and sorting each was a tenth of the plan."""
    out: dict[str, Any] = {}
    for k, v in data.items():
        if v is None or k in skip:
            continue
        t = type(v)
        # The types Neo4j takes as they are, inline: nearly every value is one.
        if t is str or t is float or t is bool or (t is int and _INT_MIN <= v <= _INT_MAX) or (
                t is list and _plain_list(v)):
            out[k] = v
        else:
            out[k] = _value(v, f"{where()} property {k!r}")
    return out


_STR, _INT = frozenset((str,)), frozenset((int,))


def _plain_list(v: list[Any]) -> bool:
    """Whether ``v`` is a list Neo4j takes as it is: strings only, or 64-bit integers
    only (``sources``, ``variants``, ``span``: most lists of a graph). A quick test that
    spares :func:`_value`'s item-by-item walk, which was most of the plan's time; any
    other list (empty, mixed, floats, nested) takes that walk."""
    kinds = set(map(type, v))
    return kinds == _STR or (kinds == _INT and _INT_MIN <= min(v) and max(v) <= _INT_MAX)


def _sorted_union(values: list[Any]) -> list[Any]:
    """A list property kept as a sorted, distinct union (``sources``, ``variants``), as
    kg.graph keeps it: the loader's merge relies on the rows being in that form."""
    return sorted(set(values))


_NODE_SKIP = frozenset(("label", "key", NAME_KEY))
_EDGE_SKIP = frozenset(("type", "sources"))


def _edge_error(u: Any, v: Any, rel: Any, ul: str, vl: str) -> NoReturn:
    """Why edge ``u -[rel]-> v`` between labels ``ul`` and ``vl`` is not in kg's schema."""
    if rel not in EDGE_TYPES:
        raise StoreError(f"edge {u!r} -> {v!r}: type {rel!r} is not one of kg's relationship types {EDGE_TYPES}")
    if (ul, vl) not in EDGE_ENDPOINTS[rel]:
        raise StoreError(f"edge {u!r} -[{rel}]-> {v!r}: {rel} does not link {ul} to {vl} in kg's schema")
    raise StoreError(f"edge {u!r} -> {v!r}: its 'type' attribute is not its key {rel!r}, one of {EDGE_TYPES}")


def _plan(G: nx.MultiDiGraph, batch_size: int, workers: int = 1) -> _Plan:
    """Validate the whole graph and cut it into batches before anything is written,
    so that a graph Neo4j cannot hold fails without touching the database; laid out
    for ``workers`` sessions at once (see :class:`_Plan`)."""
    if batch_size < 1:
        raise StoreError(f"batch size must be at least 1, not {batch_size}")
    if workers < 1:
        raise StoreError(f"workers must be at least 1, not {workers}")
    node_rows: dict[str, list[dict[str, Any]]] = {label: [] for label in NODE_LABELS}
    labels: dict[Any, tuple[str, str]] = {}
    for n, d in G.nodes(data=True):
        label, key = d.get("label"), d.get("key")
        if label not in NODE_LABELS:
            raise StoreError(f"node {n!r}: label {label!r} is not one of kg's node labels {NODE_LABELS}")
        if not isinstance(key, str) or not key:
            raise StoreError(f"node {n!r}: no key (nodes need a non-empty string 'key')")
        labels[n] = (label, key)
        props = _props(d, _NODE_SKIP, lambda n=n: f"node {n!r}")
        if isinstance(props.get("name"), str):
            props[NAME_KEY] = name_key(props["name"])
        if isinstance(props.get("variants"), list):
            props["variants"] = _sorted_union(props["variants"])
        node_rows[label].append({"key": key, "props": props})
    edge_rows: dict[tuple[str, str, str], list[dict[str, Any]]] = {k: [] for k in EDGE_QUERIES}
    # The loop below runs once per relationship (a million for a 100k-entry graph) and
    # is most of the plan's time, so it is written out flat: one dict lookup finds the
    # group and checks type and endpoints at once, the properties are filtered in one
    # comprehension and only values of an unusual type go through _value.
    for u, v, rel, d in G.edges(keys=True, data=True):
        ul, uk = labels[u]
        vl, vk = labels[v]
        group = edge_rows.get((rel, ul, vl))
        if group is None or d.get("type", rel) != rel:
            _edge_error(u, v, rel, ul, vl)
        props = {k: x for k, x in d.items() if x is not None and k not in _EDGE_SKIP}
        for k, x in props.items():
            t = type(x)
            if not (t is str or (t is int and _INT_MIN <= x <= _INT_MAX) or (t is list and _plain_list(x))
                    or t is float or t is bool):
                props[k] = _value(x, f"edge {u!r} -[{rel}]-> {v!r} property {k!r}")  # same key: no resize
        sources = d.get("sources")
        if not sources:
            sources = []
        elif type(sources) is list and len(sources) == 1 and type(sources[0]) is str:
            pass  # one source: sorted and distinct as it is (rows only read it)
        else:
            sources = _sorted_union(_value(list(sources), f"edge {u!r} -[{rel}]-> {v!r} property 'sources'"))
        group.append({"start": uk, "end": vk, "props": props, "sources": sources})

    plan = _Plan()
    # Nodes: one phase. Nodes of different keys (or labels) share no lock, so the batches
    # are dealt round-robin to the lanes whatever their label, numbered in that order (the
    # order in which they commit, so that the batches committed when a load stops are
    # close to a prefix), and no lane waits at the end of a label for the others.
    node_chunks: list[tuple[str, list[dict[str, Any]]]] = []
    for label in NODE_LABELS:
        rows = sorted(node_rows[label], key=itemgetter("key"))  # sorted: deterministic, and fewer lock cycles
        plan.nodes += len(rows)
        node_chunks += [(label, chunk) for chunk in _chunks(rows, batch_size)]
    # Relationships: (what, query, phases of lanes of chunks, row -> display name) per group.
    groups: list[tuple[str, str, list[list[list[list[dict[str, Any]]]]], Callable[[dict[str, Any]], str]]] = []
    for (rel, start, end), rows in edge_rows.items():
        rows.sort(key=itemgetter("start", "end"))
        plan.relationships += len(rows)
        groups.append((
            f"{rel} ({start}->{end})", EDGE_QUERIES[(rel, start, end)],
            # A type linking a label to itself would put a node in a start and an end
            # range: the grid needs two labels, else one lane.
            _edge_phases(rows, batch_size, workers if start != end else 1),
            lambda r, s=start, e=end: f"{node_id(s, r['start'])} -> {node_id(e, r['end'])}",
        ))
    total = len(node_chunks) + sum(len(lane) for *_, phases, _ in groups for phase in phases for lane in phase)
    number = 0
    if node_chunks:
        lanes: list[list[Step]] = [[] for _ in range(min(workers, len(node_chunks)))]
        done: dict[str, int] = dict.fromkeys(NODE_LABELS, 0)
        for i, (label, chunk) in enumerate(node_chunks):
            number += 1
            row = done[label]
            batch = Batch(number, total, "nodes", label, row + 1, row + len(chunk), node_id(label, chunk[0]["key"]),
                          node_id(label, chunk[-1]["key"]))
            done[label] += len(chunk)
            lanes[i % len(lanes)].append((batch, NODE_QUERIES[label], chunk))
        plan.node_phases.append(lanes)
    for what, query, phases, name in groups:
        row = 0
        for phase in phases:
            steps: list[list[Step]] = [[] for _ in phase]
            # Numbered round-robin over the lanes, as the nodes are.
            for i in range(max(len(lane) for lane in phase)):
                for lane, out in zip(phase, steps):
                    if i < len(lane):
                        chunk = lane[i]
                        number += 1
                        batch = Batch(number, total, "relationships", what, row + 1, row + len(chunk), name(chunk[0]),
                                      name(chunk[-1]))
                        row += len(chunk)
                        out.append((batch, query, chunk))
            plan.relationship_phases.append(steps)
    return plan


def _chunks(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _edge_phases(rows: list[dict[str, Any]], batch_size: int, workers: int) -> list[list[list[list[dict[str, Any]]]]]:
    """The rows of one relationship group (sorted by start, end) as phases of lanes
    that touch disjoint nodes, for ``workers`` sessions at once.

    Creating a relationship locks both its nodes until the transaction commits, so two
    sessions writing relationships that share a node wait for each other (or deadlock).
    The rows are laid on a grid instead ("mix and batch"): start nodes cut into
    ``workers`` ranges by key, end nodes likewise, cell (i, j) holding the rows from
    start range i to end range j. In phase d the lanes are the cells (i, (i + d) mod
    workers): no two share a start range or an end range, hence no node, as start and
    end are nodes of two labels (the caller gives a label-to-itself group one worker).
    A group too small to fill a batch per lane stays one lane.
    """
    if not rows:
        return []
    if workers == 1 or len(rows) < 2 * workers * batch_size:
        return [[_chunks(rows, batch_size)]]
    starts = _ranges([r["start"] for r in rows], workers)
    ends = _ranges(sorted(r["end"] for r in rows), workers)
    grid: list[list[list[dict[str, Any]]]] = [[[] for _ in range(workers)] for _ in range(workers)]
    for r in rows:  # in (start, end) order, so each cell is too
        grid[starts[r["start"]]][ends[r["end"]]].append(r)
    phases = []
    for d in range(workers):
        lanes = [_chunks(cell, batch_size) for i in range(workers) if (cell := grid[i][(i + d) % workers])]
        if lanes:
            phases.append(lanes)
    return phases


def _ranges(keys: list[str], parts: int) -> dict[str, int]:
    """Each of the sorted ``keys`` (repeats allowed) to one of ``parts`` contiguous
    ranges holding about as many of them each."""
    out: dict[str, int] = {}
    for i, k in enumerate(keys):
        out.setdefault(k, i * parts // len(keys))
    return out
