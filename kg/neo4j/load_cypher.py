"""The Cypher kg's loader sends, built once at import time from the schema of
:mod:`kg.graph`.

Labels and relationship types cannot be Cypher parameters, so they are written into
these statements from the schema allowlist (checked to be plain identifiers); every
value read from data arrives as a ``$parameter``.

Merging mirrors :mod:`kg.graph`, so loading graph B into a database holding graph A
gives what ``kg build`` gives when it merges B's digests into A's graph file:

* nodes: created with all their properties; on an existing node a property is only
  *filled* (set where it is missing or empty, never overwritten), as
  ``kg.graph._add_node`` does;
* relationships: ``sources`` is the sorted union; ``file``/``line``/``evidence``
  (and the other properties) are those of the earliest ``(file, line)``, as
  ``kg.graph._add_edge`` does. Cypher compares strings by code point, like Python.
"""
from __future__ import annotations

import re

from kg.graph import EDGE_ENDPOINTS, EDGE_TYPES, NODE_LABELS

__all__ = [
    "NAME_KEY",
    "FULLTEXT_INDEX",
    "FULLTEXT_PROPERTIES",
    "CONSTRAINT_QUERIES",
    "NAME_INDEX_QUERIES",
    "FULLTEXT_QUERY",
    "SCHEMA_QUERIES",
    "NODE_QUERIES",
    "NODE_CREATE_QUERIES",
    "NODE_COUNT_QUERIES",
    "EDGE_QUERIES",
    "name_key",
]

#: The node property that holds :func:`name_key` of ``name``; range-indexed per label.
NAME_KEY = "name_key"
#: The full-text index of cypher/'s search queries, and what it covers.
FULLTEXT_INDEX = "kg_text"
FULLTEXT_PROPERTIES = ("name", "title", "abstract")


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
    # A new node takes every property of the row. An existing one only has properties
    # filled that are missing or empty, with non-empty values (kg.graph._add_node: "the
    # first non-empty value stays"), and its variants (the merges into it, with their
    # reasons) become the sorted union of both sides, as kg.graph.merge_graph keeps them.
    # That work runs in a subquery entered only when the row brings something the node
    # lacks: a new node (every row of a first load) and an unchanged one (every row of a
    # reload) skip it, which is most of the server's time per row (bench/RESULTS.md).
    # Rows hold their variants sorted and distinct (load_plan), as the union is kept.
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{_identifier(label)} {{key: row.key}})\n"
        "ON CREATE SET n += row.props\n"
        "WITH n, row\n"
        "CALL (n, row) {\n"
        "  WITH n, row, [k IN keys(row.props)\n"
        "                WHERE (n[k] IS NULL OR n[k] = '' OR n[k] = [])\n"
        "                  AND NOT (row.props[k] = '' OR row.props[k] = [])] AS fill\n"
        "  WHERE fill <> [] OR any(v IN coalesce(row.props.variants, []) WHERE NOT v IN coalesce(n.variants, []))\n"
        "  FOREACH (k IN fill | SET n[k] = row.props[k])\n"
        "  WITH n, row, coalesce(n.variants, []) AS old\n"
        "  CALL (n, row, old) {\n"
        "    UNWIND old + coalesce(row.props.variants, []) AS v\n"
        "    WITH DISTINCT v ORDER BY v\n"
        "    RETURN collect(v) AS variants\n"
        "  }\n"
        "  FOREACH (_ IN CASE WHEN variants <> old THEN [1] ELSE [] END | SET n.variants = variants)\n"
        "}\n"
        "RETURN count(*) AS rows"
    )


def _node_create_query(label: str) -> str:
    # The first load of a label (no node of it in the database when the load began): no
    # node to merge with, so a plain CREATE, which costs the server about a quarter less
    # than the MERGE above (bench/RESULTS.md). The uniqueness constraint still guards the
    # key: if a concurrent load created one of the batch's keys meanwhile, the batch fails
    # whole (nothing of it written) and the loader runs it again as the MERGE.
    return (
        "UNWIND $rows AS row\n"
        f"CREATE (n:{_identifier(label)} {{key: row.key}})\n"
        "SET n += row.props\n"
        "RETURN count(*) AS rows"
    )


def _edge_query(rel: str, start: str, end: str) -> str:
    # Provenance follows kg.graph._add_edge: the earliest (file, line) wins and brings
    # its evidence and other properties; sources is the sorted union of both sides.
    # A new relationship takes the row as it is; the merge with an existing one runs in
    # a subquery entered only when the row is earlier or brings a source the
    # relationship lacks, so a first load and a reload skip it (as for nodes above).
    # Rows hold their sources sorted and distinct (load_plan); an empty list is no
    # property, as in the graph file.
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{_identifier(start)} {{key: row.start}})\n"
        f"MATCH (b:{_identifier(end)} {{key: row.end}})\n"
        f"MERGE (a)-[r:{_identifier(rel)}]->(b)\n"
        "ON CREATE SET r = row.props, r.sources = CASE WHEN row.sources = [] THEN null ELSE row.sources END\n"
        "WITH r, row\n"
        "CALL (r, row) {\n"
        "  WITH r, row, coalesce(r.sources, []) AS old,\n"
        "       CASE\n"
        "         WHEN r.file IS NULL THEN row.props.file IS NOT NULL\n"
        "         WHEN row.props.file IS NULL THEN false\n"
        "         WHEN row.props.file < r.file THEN true\n"
        "         WHEN row.props.file = r.file AND row.props.line < r.line THEN true\n"
        "         ELSE false\n"
        "       END AS earlier\n"
        "  WHERE earlier OR any(s IN row.sources WHERE NOT s IN old)\n"
        "  SET r += CASE WHEN earlier THEN row.props ELSE {} END\n"
        "  WITH r, row, old\n"
        "  CALL (r, row, old) {\n"
        "    UNWIND old + row.sources AS s\n"
        "    WITH DISTINCT s ORDER BY s\n"
        "    RETURN collect(s) AS sources\n"
        "  }\n"
        # Only when it changes, so that a rerun reports 0 properties set.
        "  FOREACH (_ IN CASE WHEN sources <> old THEN [1] ELSE [] END | SET r.sources = sources)\n"
        "}\n"
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
#: Node CREATE per label, for a label with no node yet; parameter ``rows`` as for NODE_QUERIES.
NODE_CREATE_QUERIES: dict[str, str] = {label: _node_create_query(label) for label in NODE_LABELS}
#: How many nodes a label has (from Neo4j's count store: no scan).
NODE_COUNT_QUERIES: dict[str, str] = {label: f"MATCH (n:{_identifier(label)}) RETURN count(n) AS n" for label in NODE_LABELS}
#: Relationship MERGE per (type, start label, end label); parameter ``rows``:
#: ``[{start, end, props, sources}]`` (start/end are node keys).
EDGE_QUERIES: dict[tuple[str, str, str], str] = {
    (rel, start, end): _edge_query(rel, start, end)
    for rel in EDGE_TYPES
    for start, end in EDGE_ENDPOINTS[rel]
}

#: Deletes every node of a label with its relationships, in transactions of ``$size`` rows.
WIPE_QUERIES = {
    label: f"MATCH (n:{_identifier(label)}) CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF $size ROWS"
    for label in NODE_LABELS
}
