"""The Neo4j store: an idempotent, batched loader and readers over the official driver.

The schema is the one of :mod:`kg.graph` (and so of the NetworkX graph file):

* one node label per ``NODE_LABELS`` entry, every node keyed by a ``key`` property
  held unique by a constraint (``kg_<label>_key``); the other node attributes
  (``name``, ``title``, ``arxiv_id``, …) are properties. The NetworkX node id
  ``"<Label>:<key>"`` is not stored: it is label plus key.
* one relationship type per ``EDGE_TYPES`` entry, between the label pairs of
  ``EDGE_ENDPOINTS``, at most one per (start, type, end), with its provenance as
  properties: ``file``, ``line``, ``evidence`` (first occurrence), ``sources`` (every
  ``file:line``), plus ``position`` on ``AUTHORED``.

Writers take an injected :class:`neo4j.Driver` and send rows as parameters of
``UNWIND $rows AS row MERGE …``, one managed transaction (``execute_write``, so
transient errors and deadlocks are retried by the driver) per batch, nodes before
relationships. Labels and relationship types cannot be Cypher parameters, so the
statements are built once, at import time, from the schema allowlist; no value read
from data is ever formatted into Cypher.

Merging mirrors :mod:`kg.graph`, so loading graph B into a database holding graph A
gives what ``kg build`` gives when it merges B's digests into A's graph file:

* nodes: created with all their properties; on an existing node a property is only
  *filled* (set where it is missing or empty, never overwritten), as
  ``kg.graph._add_node`` does;
* relationships: ``sources`` is the sorted union; ``file``/``line``/``evidence``
  (and the other properties) are those of the earliest ``(file, line)``, as
  ``kg.graph._add_edge`` does. Cypher compares strings by code point, like Python.

Because every statement is a MERGE on a constrained key, loading the same graph
twice changes nothing, two loads racing create no duplicates (the constraint and
MERGE's locks serialise them; deadlocks are retried), and a load cut short by a
failure is completed by running it again.
"""
from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError,
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from kg.errors import StoreError
from kg.graph import EDGE_ENDPOINTS, EDGE_TYPES, NODE_LABELS, new_graph, node_id
from kg.stats import TOP_RELATIONS, Stats

__all__ = [
    "URI_ENV",
    "USER_ENV",
    "PASSWORD_ENV",
    "DATABASE_ENV",
    "DEFAULT_URI",
    "DEFAULT_USER",
    "DEFAULT_PASSWORD",
    "DEFAULT_BATCH_SIZE",
    "MIN_NEO4J_VERSION",
    "NAME_KEY",
    "FULLTEXT_INDEX",
    "CONSTRAINT_QUERIES",
    "NAME_INDEX_QUERIES",
    "FULLTEXT_QUERY",
    "SCHEMA_QUERIES",
    "NODE_QUERIES",
    "EDGE_QUERIES",
    "Batch",
    "LoadResult",
    "Neo4jLoadError",
    "connection_settings",
    "connect",
    "ensure_schema",
    "name_key",
    "parse_version",
    "BOLT_SCHEMES",
    "server_version",
    "load_graph",
    "wipe",
    "read_counts",
    "read_stats",
    "read_graph",
    "run_query",
]

log = logging.getLogger(__name__)
_driver_log = logging.getLogger("neo4j")


@contextlib.contextmanager
def _driver_quiet():
    """Silence the driver's own log while checking a connection: it logs a failure
    (e.g. "Unable to retrieve routing information") and then raises it, and kg
    reports the exception as one line; the log record would be a second one."""
    level = _driver_log.level
    _driver_log.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        _driver_log.setLevel(level)

# The environment variables Neo4j's own tools (cypher-shell, neo4j-admin, the
# GraphRAG package) read, so one set of exports serves them all.
URI_ENV = "NEO4J_URI"
USER_ENV = "NEO4J_USERNAME"
PASSWORD_ENV = "NEO4J_PASSWORD"
DATABASE_ENV = "NEO4J_DATABASE"
DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
#: The development password of ``scripts/neo4j-server`` (kg.neo4j.server.DEFAULT_PASSWORD).
DEFAULT_PASSWORD = "kg-password-123"
#: Rows per transaction. 1000 is the usual UNWIND batch size in Neo4j's own guidance:
#: large enough that round trips stop dominating (see bench/bench_neo4j.py), small
#: enough that a batch's transaction state stays well inside the default heap.
DEFAULT_BATCH_SIZE = 1000
#: The oldest Neo4j kg works with: the loader and cypher/ use ``CALL (x) { … }``
#: subqueries, new in 5.23. Checked on connect (:func:`connect`).
MIN_NEO4J_VERSION = (5, 23)
#: The node property that holds :func:`name_key` of ``name``; range-indexed per label.
NAME_KEY = "name_key"
#: The full-text index of cypher/'s search queries, and what it covers.
FULLTEXT_INDEX = "kg_text"
FULLTEXT_PROPERTIES = ("name", "title", "abstract")
#: Neo4j integers are signed 64-bit.
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1
#: Error codes that mean "the constraint is already there" when two loads race to
#: create it (IF NOT EXISTS checks before it takes the schema lock).
_ALREADY_EXISTS = frozenset({
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "Neo.ClientError.Schema.ConstraintWithNameAlreadyExists",
})


# --------------------------------------------------------------------------- static Cypher


def name_key(name: str) -> str:
    """The lookup key of a name: trimmed and lower-cased, what Cypher's
    ``toLower(trim($name))`` makes of a parameter, so that ``{name_key: toLower(trim($x))}``
    is an index seek where ``toLower(n.name) = toLower($x)`` was a label scan.

    >>> name_key("  ETH Zurich ")
    'eth zurich'
    """
    return name.strip().lower()


_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


def _identifier(name: str) -> str:
    """``name`` if it may be written into Cypher unquoted; the schema is code, but a
    bad edit to it must fail at import, not turn into a query."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"kg.graph schema name {name!r} is not a plain identifier")
    return name


def _constraint_query(label: str) -> str:
    label = _identifier(label)
    return f"CREATE CONSTRAINT kg_{label.lower()}_key IF NOT EXISTS FOR (n:{label}) REQUIRE n.key IS UNIQUE"


def _name_index_query(label: str) -> str:
    label = _identifier(label)
    return f"CREATE INDEX kg_{label.lower()}_name_key IF NOT EXISTS FOR (n:{label}) ON (n.{NAME_KEY})"


def _fulltext_query() -> str:
    labels = "|".join(_identifier(label) for label in NODE_LABELS)
    props = ", ".join(f"n.{_identifier(p)}" for p in FULLTEXT_PROPERTIES)
    return f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}]"


def _node_query(label: str) -> str:
    # ON MATCH only fills properties that are missing or empty with non-empty values
    # (kg.graph._add_node: "the first non-empty value stays").
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{_identifier(label)} {{key: row.key}})\n"
        "ON CREATE SET n += row.props\n"
        "WITH n, row\n"
        "FOREACH (k IN [k IN keys(row.props)\n"
        "               WHERE (n[k] IS NULL OR n[k] = '' OR n[k] = [])\n"
        "                 AND NOT (row.props[k] = '' OR row.props[k] = [])] |\n"
        "  SET n[k] = row.props[k])\n"
        # variants (the merges into a node, with their reasons) are the sorted union of
        # both sides, as kg.graph.merge_graph keeps them; set only when they change.
        "WITH n, row, coalesce(n.variants, []) AS old\n"
        "CALL (n, row, old) {\n"
        "  UNWIND old + coalesce(row.props.variants, []) AS v\n"
        "  WITH DISTINCT v ORDER BY v\n"
        "  RETURN collect(v) AS variants\n"
        "}\n"
        "FOREACH (_ IN CASE WHEN variants <> old THEN [1] ELSE [] END | SET n.variants = variants)\n"
        "RETURN count(*) AS rows"
    )


def _edge_query(rel: str, start: str, end: str) -> str:
    # Provenance follows kg.graph._add_edge: the earliest (file, line) wins and brings
    # its evidence and other properties; sources is the sorted union of both sides.
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{_identifier(start)} {{key: row.start}})\n"
        f"MATCH (b:{_identifier(end)} {{key: row.end}})\n"
        f"MERGE (a)-[r:{_identifier(rel)}]->(b)\n"
        "ON CREATE SET r = row.props\n"
        "WITH r, row, coalesce(r.sources, []) AS old,\n"
        "     CASE\n"
        "       WHEN r.file IS NULL THEN row.props.file IS NOT NULL\n"
        "       WHEN row.props.file IS NULL THEN false\n"
        "       WHEN row.props.file < r.file THEN true\n"
        "       WHEN row.props.file = r.file AND row.props.line < r.line THEN true\n"
        "       ELSE false\n"
        "     END AS earlier\n"
        "SET r += CASE WHEN earlier THEN row.props ELSE {} END\n"
        "WITH r, row, old\n"
        "CALL (r, row, old) {\n"
        "  UNWIND old + row.sources AS s\n"
        "  WITH DISTINCT s ORDER BY s\n"
        "  RETURN collect(s) AS sources\n"
        "}\n"
        # Only when it changes, so that a rerun reports 0 properties set.
        "FOREACH (_ IN CASE WHEN sources <> old THEN [1] ELSE [] END | SET r.sources = sources)\n"
        "RETURN count(*) AS rows"
    )


#: ``CREATE CONSTRAINT`` per node label.
CONSTRAINT_QUERIES: dict[str, str] = {label: _constraint_query(label) for label in NODE_LABELS}
#: ``CREATE INDEX`` on ``name_key`` per node label (a range index: equality and prefix seeks).
NAME_INDEX_QUERIES: dict[str, str] = {label: _name_index_query(label) for label in NODE_LABELS}
#: ``CREATE FULLTEXT INDEX`` over names, titles and abstracts of every kg label.
FULLTEXT_QUERY: str = _fulltext_query()
#: Every schema statement ``kg load`` runs, in order (cypher/00_schema.cypher holds the same).
SCHEMA_QUERIES: tuple[str, ...] = (*CONSTRAINT_QUERIES.values(), *NAME_INDEX_QUERIES.values(), FULLTEXT_QUERY)
#: Node MERGE per label; parameter ``rows``: ``[{key, props}]``.
NODE_QUERIES: dict[str, str] = {label: _node_query(label) for label in NODE_LABELS}
#: Relationship MERGE per (type, start label, end label); parameter ``rows``:
#: ``[{start, end, props, sources}]`` (start/end are node keys).
EDGE_QUERIES: dict[tuple[str, str, str], str] = {
    (rel, start, end): _edge_query(rel, start, end)
    for rel in EDGE_TYPES
    for start, end in EDGE_ENDPOINTS[rel]
}
_COUNT_NODES = {label: f"MATCH (n:{_identifier(label)}) RETURN count(n) AS n" for label in NODE_LABELS}
_COUNT_EDGES = {rel: f"MATCH ()-[r:{_identifier(rel)}]->() RETURN count(r) AS n" for rel in EDGE_TYPES}
_TOP = {
    label: (
        f"MATCH (n:{_identifier(label)})\n"
        "OPTIONAL MATCH (n)-[r]-(p:Paper) WHERE type(r) IN $types\n"
        "WITH n, count(DISTINCT p) AS papers\n"
        "RETURN coalesce(n.name, $label + ':' + n.key) AS name, papers\n"
        "ORDER BY papers DESC, name ASC\n"
        "LIMIT $k"
    )
    for label in TOP_RELATIONS
}
_WIPE = {
    label: f"MATCH (n:{_identifier(label)}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF $size ROWS"
    for label in NODE_LABELS
}


# --------------------------------------------------------------------------- connection


def connection_settings(
    uri: str | None = None, user: str | None = None, password: str | None = None, database: str | None = None
) -> tuple[str, str, str, str | None]:
    """``(uri, user, password, database)``: the arguments given, else ``$NEO4J_URI``,
    ``$NEO4J_USERNAME``, ``$NEO4J_PASSWORD``, ``$NEO4J_DATABASE``, else kg's local
    development server (``database`` None = the server's default database)."""
    return (
        uri or os.environ.get(URI_ENV) or DEFAULT_URI,
        user or os.environ.get(USER_ENV) or DEFAULT_USER,
        password or os.environ.get(PASSWORD_ENV) or DEFAULT_PASSWORD,
        database or os.environ.get(DATABASE_ENV) or None,
    )


#: The URI schemes of Bolt, the protocol kg speaks (``+s``: TLS, ``+ssc``: TLS with a
#: self-signed certificate; ``neo4j``: with cluster routing).
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def connect(
    uri: str | None = None, user: str | None = None, password: str | None = None, *,
    database: str | None = None, **config: Any,
) -> neo4j.Driver:
    """A driver for ``uri`` (defaults as in :func:`connection_settings`) whose
    connectivity, credentials, server version (at least :data:`MIN_NEO4J_VERSION`)
    and, if given, ``database`` have been checked; the caller closes it.

    Every failure is a one-line :class:`StoreError` that names its cause: a URI that is
    not Bolt, an unreachable server, a wrong password, Neo4j's lock-out after repeated
    wrong passwords, a server too old, a database that does not exist.

    ``config`` goes to :meth:`neo4j.GraphDatabase.driver`.
    """
    uri, user, password, _ = connection_settings(uri, user, password)
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme in ("http", "https"):
        raise StoreError(
            f"{uri} is an HTTP address (Neo4j Browser's); kg talks to Neo4j over Bolt: "
            f"use bolt://HOST:7687 (the Bolt port) in ${URI_ENV} or --uri"
        )
    if scheme not in BOLT_SCHEMES:
        raise StoreError(f"cannot use Neo4j URI {uri!r}: its scheme must be one of {', '.join(BOLT_SCHEMES)}")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), **config)
    except (ValueError, DriverError, ImportError) as e:  # malformed URI, bad config
        raise StoreError(f"cannot use Neo4j URI {uri!r}: {_reason(e)}") from None
    try:
        with _driver_quiet():
            driver.verify_connectivity()
            agent = driver.get_server_info().agent
            if database is not None:
                driver.execute_query("RETURN 1", database_=database)
    except AuthError as e:
        driver.close()
        if "RateLimit" in (e.code or ""):
            raise StoreError(_LOCKED_OUT.format(uri=uri, user=user)) from None
        raise StoreError(
            f"Neo4j at {uri} refused user {user!r}: wrong password? (set ${PASSWORD_ENV} or --password)"
        ) from None
    except Neo4jError as e:
        driver.close()
        code = e.code or ""
        if "AuthenticationRateLimit" in code:
            raise StoreError(_LOCKED_OUT.format(uri=uri, user=user)) from None
        if code.endswith("DatabaseNotFound"):
            raise StoreError(
                f"Neo4j at {uri} has no database {database!r} (SHOW DATABASES lists them; "
                f"Community edition has one, usually 'neo4j'; set ${DATABASE_ENV} or --database)"
            ) from None
        raise StoreError(f"Neo4j at {uri} refused the connection: [{code}] {_reason(e)}") from None
    except (DriverError, OSError) as e:
        driver.close()
        hint = ("is it running, and does it offer TLS? a local server (`kg neo4j start`) does not: use bolt://"
                if "+s" in scheme else "is it running? `kg neo4j start` starts a local one")
        raise StoreError(f"cannot reach Neo4j at {uri}: {_first_line(_reason(e))} ({hint})") from None
    version = parse_version(agent)
    if version is None or version < MIN_NEO4J_VERSION:
        driver.close()
        floor = ".".join(map(str, MIN_NEO4J_VERSION))
        raise StoreError(
            f"Neo4j at {uri} is {agent or 'of unknown version'}; kg needs Neo4j {floor} or newer "
            f"(its Cypher uses CALL (x) {{…}} subqueries)"
        )
    return driver


_LOCKED_OUT = (
    "Neo4j at {uri} has locked user {user!r} out after repeated wrong passwords; "
    "wait a few seconds (dbms.security.auth_lock_time, 5 s by default) and retry with the right one"
)


def parse_version(agent: str | None) -> tuple[int, ...] | None:
    """``(5, 26, 0)`` from a server agent string like ``"Neo4j/5.26.0"``; None if it has
    no version.

    >>> parse_version("Neo4j/5.26.30"), parse_version("Neo4j/2025.01.0"), parse_version("x")
    ((5, 26, 30), (2025, 1, 0), None)
    """
    m = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", agent or "")
    if not m:
        return None
    return tuple(int(x) for x in m.groups() if x is not None)


def server_version(driver: neo4j.Driver) -> str:
    """The server's agent string, e.g. ``"Neo4j/5.26.30"``."""
    try:
        return driver.get_server_info().agent
    except (DriverError, Neo4jError, OSError) as e:
        raise StoreError(f"cannot reach Neo4j: {_first_line(_reason(e))}") from None


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _reason(e: BaseException) -> str:
    """The error's message on one line (the driver's may span several)."""
    text = getattr(e, "message", None) or str(e) or type(e).__name__
    return " ".join(text.split())


# --------------------------------------------------------------------------- load


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
#: How long a batch is retried after a transient failure (the driver's own default).
DEFAULT_RETRY_SECONDS = 30.0


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


def _write_batch(tx: neo4j.ManagedTransaction, query: str, rows: list[dict[str, Any]], check: bool):
    result = tx.run(query, rows=rows)
    matched = result.single(strict=True)["rows"]
    counters = result.consume().counters
    if check and matched != len(rows):
        raise _MissingEndpoints(matched)  # rolls the batch back
    return counters


def _write_with_retries(session, batch: Batch, query: str, rows: list[dict[str, Any]],
                        retry_seconds: float, retrying: Retrying | None):
    """One batch in an explicit transaction, retried (with a growing wait, told to
    ``retrying``) while the failure is transient and ``retry_seconds`` last. Explicit
    rather than ``execute_write``, whose own retries are silent."""
    deadline = time.monotonic() + retry_seconds
    wait = 0.5
    while True:
        try:
            with session.begin_transaction() as tx:
                counters = _write_batch(tx, query, rows, batch.kind == "relationships")
                tx.commit()
            return counters
        except (ServiceUnavailable, SessionExpired, IncompleteCommit, TransientError) as e:
            left = deadline - time.monotonic()
            if left <= 0 or (isinstance(e, TransientError) and not e.is_retryable()):
                raise
            why = ("Neo4j to come back: the connection was lost" if not isinstance(e, TransientError)
                   else "a transient error to clear")
            pause = min(wait, left)
            if retrying is not None:
                retrying(batch, f"{why} ({_first_line(_reason(e))})", pause, left)
            log.info("retrying %s in %.1fs: %s", batch.describe(), pause, _reason(e))
            time.sleep(pause)
            wait = min(wait * 2, 5.0)


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create kg's schema if not there yet (:data:`SCHEMA_QUERIES`: the uniqueness
    constraint on ``key`` and the range index on ``name_key`` of every label, and the
    full-text index) and wait until the indexes are online."""
    # Without SCHEMA notifications: "constraint already exists" on every rerun is noise.
    quiet = {"notifications_disabled_classifications": [neo4j.NotificationDisabledClassification.SCHEMA]}
    for query in SCHEMA_QUERIES:
        label = re.search(r"\(n:([\w|]+)\)", query).group(1)
        try:
            with driver.session(database=database, **quiet) as session:
                session.execute_write(lambda tx, q=query: tx.run(q).consume())
        except Neo4jError as e:
            if e.code in _ALREADY_EXISTS:  # another load created it a moment ago
                continue
            raise StoreError(
                f"cannot create {query.split(' IF ')[0].removeprefix('CREATE ').lower()} on :{label}: {_reason(e)}"
                + (" (the database already holds duplicate keys; `kg load --wipe` starts afresh)"
                   if "Schema.ConstraintCreationFailed" in (e.code or "") else "")
            ) from None
        except DriverError as e:
            raise StoreError(f"lost Neo4j while creating kg's schema: {_reason(e)}") from None
    try:
        driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    except (Neo4jError, DriverError) as e:
        raise StoreError(f"Neo4j's key indexes did not come online: {_reason(e)}") from None


def load_graph(
    driver: neo4j.Driver,
    G: nx.MultiDiGraph,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
    retry_seconds: float = DEFAULT_RETRY_SECONDS,
    retrying: Retrying | None = None,
) -> LoadResult:
    """Merge graph ``G`` into Neo4j: schema first, then nodes, then relationships,
    ``batch_size`` rows per transaction.

    A batch that fails for a passing reason (the connection dropped, a deadlock with
    another load, a leader switch) is retried for up to ``retry_seconds``, with
    ``retrying(batch, reason, wait, seconds_left)`` called before each wait, so a caller
    can say what it waits for. Every batch is a MERGE, so running one again is safe.

    Raises :class:`StoreError` before writing anything if ``G`` does not fit kg's schema
    or Neo4j's property types, and :class:`Neo4jLoadError` (a StoreError) naming the
    failed batch and the last committed one if a batch fails; rerunning then
    completes the load without duplicates.
    """
    started = time.monotonic()
    plan = _plan(G, batch_size)
    ensure_schema(driver, database)
    total_rows = plan.nodes + plan.relationships
    done = nodes_created = rels_created = props_set = 0
    last: Batch | None = None
    # The driver's log is quiet: every failure it would log is retried and reported here.
    with _driver_quiet(), driver.session(database=database, default_access_mode=neo4j.WRITE_ACCESS) as session:
        for batch, query, rows in plan.steps:
            try:
                counters = _write_with_retries(session, batch, query, rows, retry_seconds, retrying)
            except _MissingEndpoints as e:
                raise Neo4jLoadError(
                    f"{batch.describe()} failed: {batch.size - e.matched} of its relationships found no start or "
                    f"end node (were nodes deleted during the load?); {_committed(last)}",
                    batch, last,
                ) from None
            except IncompleteCommit as e:
                raise Neo4jLoadError(
                    f"lost the connection to Neo4j while committing {batch.describe()}, so it may or may not be "
                    f"in the database ({_reason(e)}); {_committed(last, lost=True)}",
                    batch, last, unknown_outcome=True,
                ) from None
            except (ServiceUnavailable, SessionExpired) as e:
                raise Neo4jLoadError(
                    f"lost the connection to Neo4j at {batch.describe()} ({_reason(e)}); {_committed(last, lost=True)}",
                    batch, last,
                ) from None
            except Neo4jError as e:
                raise Neo4jLoadError(
                    f"Neo4j rejected {batch.describe()}: [{e.code}] {_reason(e)}; {_committed(last)}",
                    batch, last,
                ) from None
            except DriverError as e:
                raise Neo4jLoadError(f"{batch.describe()} failed: {_reason(e)}; {_committed(last)}", batch, last) from None
            last = batch
            done += batch.size
            nodes_created += counters.nodes_created
            rels_created += counters.relationships_created
            props_set += counters.properties_set
            log.debug("committed %s", batch.describe())
            if progress is not None:
                progress(batch, done, total_rows)
    result = LoadResult(
        nodes=plan.nodes, relationships=plan.relationships, batches=len(plan.steps),
        nodes_created=nodes_created, relationships_created=rels_created, properties_set=props_set,
        seconds=time.monotonic() - started,
    )
    log.info("loaded into Neo4j: %s", result.summary())
    return result


def _committed(last: Batch | None, *, lost: bool = False) -> str:
    where = f"the last committed batch is {last.describe()}" if last else "no batch was committed"
    then = "when Neo4j is back, run the same load again" if lost else "fix the cause, then run the same load again"
    return f"{where}; {then}: it completes the load without duplicates"


def wipe(driver: neo4j.Driver, database: str | None = None, *, batch_size: int = 10_000) -> int:
    """Delete every node of a kg label (and its relationships), ``batch_size`` per
    transaction so that a large graph does not exhaust the heap. Constraints stay.
    Returns the number of nodes deleted."""
    deleted = 0
    try:
        with driver.session(database=database) as session:
            for query in _WIPE.values():
                # CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run).
                deleted += session.run(query, size=batch_size).consume().counters.nodes_deleted
    except (Neo4jError, DriverError) as e:
        raise StoreError(f"wiping Neo4j failed after {deleted} nodes: {_reason(e)}") from None
    log.info("wiped %d kg nodes from Neo4j", deleted)
    return deleted


# --------------------------------------------------------------------------- read


def _read(driver: neo4j.Driver, database: str | None, query: str, **params: Any) -> list[neo4j.Record]:
    # Notifications off: on a database without, say, any Dataset yet, Neo4j warns that
    # the label does not exist, which for kg's fixed queries is expected, not news.
    quiet = {"notifications_min_severity": neo4j.NotificationMinimumSeverity.OFF}
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS, **quiet) as session:
            return session.execute_read(lambda tx: list(tx.run(query, params)))
    except (Neo4jError, DriverError) as e:
        raise StoreError(f"reading from Neo4j failed: {_reason(e)}") from None


def read_counts(driver: neo4j.Driver, database: str | None = None) -> dict[str, dict[str, int]]:
    """Node counts per label and relationship counts per type, shaped like
    :func:`kg.graph.counts` (every label and type present, 0 if none)."""
    return {
        "nodes": {label: _read(driver, database, q)[0]["n"] for label, q in _COUNT_NODES.items()},
        "edges": {rel: _read(driver, database, q)[0]["n"] for rel, q in _COUNT_EDGES.items()},
    }


def read_stats(driver: neo4j.Driver, k: int = 5, database: str | None = None) -> Stats:
    """:func:`kg.stats.graph_stats` computed by Neo4j: the same counts and the same top
    entities (ties broken by name) as from the graph file of the same input."""
    c = read_counts(driver, database)
    top: dict[str, list[tuple[str, int]]] = {}
    for label, rels in TOP_RELATIONS.items():
        rows = _read(driver, database, _TOP[label], types=list(rels), k=k, label=label)
        top[label] = sorted(((r["name"], r["papers"]) for r in rows), key=lambda t: (-t[1], t[0]))
    return Stats(c["nodes"], c["edges"], top)


def read_graph(driver: neo4j.Driver, database: str | None = None) -> nx.MultiDiGraph:
    """The kg part of the database as a graph shaped like :func:`kg.graph.build_graph`'s
    (same ids and attributes), e.g. to save it with :mod:`kg.stores.networkx_store`."""
    G = new_graph()
    nodes = _read(
        driver, database,
        "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)\n"
        "RETURN [l IN labels(n) WHERE l IN $labels][0] AS label, properties(n) AS props\n"
        "ORDER BY label, props.key",
        labels=list(NODE_LABELS),
    )
    for r in nodes:
        props = dict(r["props"])
        props.pop(NAME_KEY, None)  # derived by the loader; the graph file does not hold it
        G.add_node(node_id(r["label"], props["key"]), label=r["label"], **props)
    edges = _read(
        driver, database,
        "MATCH (a)-[r]->(b) WHERE type(r) IN $types\n"
        "WITH a, r, b, [l IN labels(a) WHERE l IN $labels][0] AS al, [l IN labels(b) WHERE l IN $labels][0] AS bl\n"
        "WHERE al IS NOT NULL AND bl IS NOT NULL\n"
        "RETURN al, a.key AS ak, bl, b.key AS bk, type(r) AS type, properties(r) AS props\n"
        "ORDER BY al, ak, bl, bk, type",
        types=list(EDGE_TYPES), labels=list(NODE_LABELS),
    )
    for r in edges:
        G.add_edge(node_id(r["al"], r["ak"]), node_id(r["bl"], r["bk"]), key=r["type"], type=r["type"], **r["props"])
    return G


def run_query(
    driver: neo4j.Driver, query: str, params: dict[str, Any] | None = None, database: str | None = None,
    warnings: list[str] | None = None,
) -> tuple[list[str], list[neo4j.Record]]:
    """Run one Cypher statement (e.g. from ``cypher/``); returns its column names and
    records. Failures become :class:`StoreError` with Neo4j's message.

    Neo4j's warnings about the query (an unknown label, a deprecated syntax) are
    appended to ``warnings`` as one line each, instead of the driver logging each with
    the whole query text.
    """
    try:
        with _driver_quiet():
            records, summary, keys = driver.execute_query(query, params or {}, database_=database)
    except Neo4jError as e:
        raise StoreError(f"Neo4j rejected the query: [{e.code}] {_reason(e)}") from None
    except DriverError as e:
        raise StoreError(f"lost Neo4j while running the query: {_reason(e)}") from None
    if warnings is not None:
        for status in summary.gql_status_objects:
            if status.is_notification and status.raw_severity == "WARNING":
                warnings.append(" ".join(status.status_description.split()))
    return list(keys), records
