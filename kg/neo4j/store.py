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

The store is split by concern; this module re-exports their public names, so
``from kg.neo4j import store`` serves every caller, and holds the readers:

* :mod:`kg.neo4j.connect` — connection settings, :func:`connect` and its checks;
* :mod:`kg.neo4j.load_cypher` — the schema and merge statements, built from the allowlist;
* :mod:`kg.neo4j.load_plan` — validation and batching of a graph before anything is sent;
* :mod:`kg.neo4j.load` — :func:`load_graph`, :func:`ensure_schema`, :func:`wipe`;
* here — :func:`read_counts`, :func:`read_stats`, :func:`read_graph`, :func:`run_query`.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from kg.errors import StoreError
from kg.graph import EDGE_TYPES, NODE_LABELS, new_graph, node_id
from kg.neo4j.connect import (
    BOLT_SCHEMES,
    DATABASE_ENV,
    DEFAULT_PASSWORD,
    DEFAULT_URI,
    DEFAULT_USER,
    MIN_NEO4J_VERSION,
    PASSWORD_ENV,
    URI_ENV,
    USER_ENV,
    _driver_quiet,
    _reason,
    connect,
    connection_settings,
    parse_version,
    server_version,
)
from kg.neo4j.load import DEFAULT_BATCH_SIZE, DEFAULT_RETRY_SECONDS, DEFAULT_WORKERS, ensure_schema, load_graph, wipe
from kg.neo4j.load_cypher import (
    CONSTRAINT_QUERIES,
    EDGE_QUERIES,
    FULLTEXT_INDEX,
    FULLTEXT_QUERY,
    NAME_INDEX_QUERIES,
    NAME_KEY,
    NODE_COUNT_QUERIES,
    NODE_CREATE_QUERIES,
    NODE_QUERIES,
    SCHEMA_QUERIES,
    _identifier,
    name_key,
)
from kg.neo4j.load_plan import Batch, LoadResult, Neo4jLoadError
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
    "NODE_CREATE_QUERIES",
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
    "StoreError",
    "DEFAULT_RETRY_SECONDS",
    "DEFAULT_WORKERS",
]


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
        "nodes": {label: _read(driver, database, q)[0]["n"] for label, q in NODE_COUNT_QUERIES.items()},
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
