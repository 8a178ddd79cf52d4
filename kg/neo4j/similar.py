"""The "similar papers" pairs of a Neo4j database, precomputed at load time.

Finding the paper pairs that share the most entities needs the whole graph: on a
10,000-entry graph cypher/80's sparse computation takes seconds, too slow to paste
into Browser again and again. So ``kg load`` does what a Neo4j user does with GDS's
``nodeSimilarity`` in ``write`` mode: it computes the answer once after the load and
writes it into the database, and the query reads it.

What is written is one ``(:KgSimilarity)`` node per set of entity labels (``kg load``
writes the four of :data:`kg.analytics.SHARED_LABELS`):

``key``       the labels, sorted and joined by commas (unique)
``labels``    the labels, as a list (what the query compares ``$labels`` with)
``sources``,  the paper keys of the :data:`DEFAULT_TOP` most similar pairs, best first,
``targets``   in the order of :func:`kg.analytics.similar_papers` (``sources[i]`` and
              ``targets[i]`` are pair ``i``)
``complete``  true when those are all the pairs that share anything (any ``$limit``
              is answered), false when more pairs exist beyond them
``counts``    the graph's counts when they were computed (:data:`COUNTS`): papers and
              each relationship type that ties a paper to an entity
``top``       how many pairs were asked for
``digest``    a hash of what they were computed from (each paper's key, name and
              entities, and ``top``): a reload that changed none of it is not ranked again

Exact by construction: the first ``$limit`` pairs of the whole graph are the first
``$limit`` of the stored ones as long as ``$limit <= top`` and the graph is the one
they were computed on. The query checks both (the counts come from Neo4j's count store,
so the check costs nothing); otherwise, or for other ``$labels``, it computes the
answer itself (seconds on 10,000 entries). ``kg load`` only adds, so a load that adds
anything changes the counts, and it refreshes the node afterwards anyway; a write
outside kg that keeps every count (delete one relationship, add another) is not seen:
call :func:`refresh` after it.

The label ``KgSimilarity`` is not one of kg's, so the node is in no kg query, count,
export or read-back; ``kg load --wipe`` removes it with kg's nodes.
"""
from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import defaultdict
from collections.abc import Sequence

import neo4j
from neo4j.exceptions import DriverError, Neo4jError

from kg.analytics import RELATIONS, SHARED_LABELS
from kg.analytics.rankings import rank_similar
from kg.neo4j.store import StoreError

__all__ = ["DEFAULT_TOP", "COUNTS", "LABEL", "SimilarResult", "refresh", "drop", "counts_expression"]

LABEL = "KgSimilarity"
#: Pairs stored per label set: the largest ``$limit`` answered from them. Whole-graph
#: lists longer than this are computed at query time (exact, seconds on 10k entries).
DEFAULT_TOP = 1000
#: Relationship types that tie a paper to the entities papers share (what the counts cover).
SHARED_TYPES: tuple[str, ...] = tuple(rel for label in SHARED_LABELS for rel in RELATIONS[label]["any"])
#: What the counts list holds, in order (the query in cypher/80 builds the same list).
COUNTS: tuple[str, ...] = ("(:Paper)", *(f"()-[:{rel}]->()" for rel in SHARED_TYPES))

# Not named kg_…: those are the constraints of kg's entity labels (00_schema lists them).
_CONSTRAINT = f"CREATE CONSTRAINT similar_papers_key IF NOT EXISTS FOR (s:{LABEL}) REQUIRE s.key IS UNIQUE"
_ALREADY_EXISTS = ("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
                   "Neo.ClientError.Schema.ConstraintAlreadyExists")


def counts_expression() -> str:
    """The Cypher list of :data:`COUNTS` (``[COUNT { (:Paper) }, …]``), read from the
    count store: the same text as in cypher/80's "Similar papers"."""
    return "[" + ", ".join(f"COUNT {{ {pattern} }}" for pattern in COUNTS) + "]"


def _entities_query() -> str:
    types = "|".join(SHARED_TYPES)
    # The entities of each paper as cypher/80's query sees them (any of the six types,
    # the entity's label in $labels); elementId is unique and needs no name or key.
    return (f"MATCH (p:Paper)-[:{types}]-(e)\n"
            "WHERE any(l IN labels(e) WHERE l IN $labels)\n"
            "WITH p, collect(DISTINCT elementId(e)) AS entities\n"
            "RETURN p.key AS key, p.name AS name, entities")


@dataclasses.dataclass(frozen=True)
class SimilarResult:
    """What :func:`refresh` stored: ``pairs`` pairs for ``labels`` (all there are when
    ``complete``) over ``papers`` papers, in ``seconds``; ``stored`` is False when the
    graph changed while it was read (another load running), so nothing was written;
    ``unchanged`` is True when the stored pairs were computed from the same papers and
    entities, so they were kept (only the counts brought up to date)."""

    labels: tuple[str, ...]
    pairs: int
    complete: bool
    papers: int
    seconds: float
    stored: bool = True
    unchanged: bool = False

    def summary(self) -> str:
        if not self.stored:
            return ("similar papers not stored: the graph changed while it was read (another load?); "
                    "queries compute them until the next kg load")
        extent = "all" if self.complete else f"the top {self.pairs:,}"
        what = f"{extent} pairs ({self.pairs:,}) of {self.papers:,} papers sharing {', '.join(self.labels)}"
        if self.unchanged:
            return f"similar papers: {what} unchanged ({self.seconds:.1f}s)"
        return f"similar papers: {what} stored in {self.seconds:.1f}s"


def refresh(driver: neo4j.Driver, database: str | None = None, *, labels: Sequence[str] = SHARED_LABELS,
            top: int = DEFAULT_TOP) -> SimilarResult:
    """Compute the ``top`` most similar paper pairs for ``labels`` from the database
    (the rows of :func:`kg.analytics.similar_papers`) and store them, replacing what
    was stored for those labels. Raises :class:`~kg.neo4j.store.StoreError`."""
    labels = tuple(sorted(set(labels)))
    unknown = [label for label in labels if label not in SHARED_LABELS]
    if unknown or not labels:
        raise StoreError(f"similar papers share {', '.join(SHARED_LABELS)}, not {', '.join(unknown) or 'nothing'}")
    if top < 1:
        raise StoreError(f"the number of similar pairs to store must be at least 1, not {top}")
    started = time.perf_counter()
    try:
        _ensure_constraint(driver, database)
        counts = _read_counts(driver, database)
        records, _, _ = driver.execute_query(_entities_query(), {"labels": list(labels)}, database_=database,
                                             routing_=neo4j.RoutingControl.READ)
        key = ",".join(labels)
        digest = _digest(records, top)
        # properties(s), not s.digest / s.complete: on a database that never held the
        # node, naming a property key it does not know makes Neo4j send a "property key
        # does not exist" notification, which the driver logs as a warning on every first load.
        found, _, _ = driver.execute_query(
            f"MATCH (s:{LABEL} {{key: $key}}) RETURN properties(s) AS props", {"key": key},
            database_=database, routing_=neo4j.RoutingControl.READ)
        before = [{"digest": r["props"].get("digest"), "pairs": len(r["props"].get("sources") or []),
                   "complete": r["props"].get("complete")} for r in found]
        if before and before[0]["digest"] == digest:
            # Same papers, names and entities: the same ranking. Only the counts may differ
            # (a paper without entities, a second relationship to one of a paper's entities).
            if _read_counts(driver, database) != counts:
                return SimilarResult(labels, 0, False, len(records), time.perf_counter() - started, stored=False)
            driver.execute_query(f"MATCH (s:{LABEL} {{key: $key}}) SET s.counts = $counts",
                                 {"key": key, "counts": counts}, database_=database)
            return SimilarResult(labels, before[0]["pairs"], before[0]["complete"], len(records),
                                 time.perf_counter() - started, unchanged=True)
        papers_of: dict[str, set[str]] = defaultdict(set)
        names: dict[str, str] = {}
        for r in records:
            paper = f"Paper:{r['key']}"
            names[paper] = r["name"] or paper  # the name rule of kg.analytics
            for e in r["entities"]:
                papers_of[e].add(paper)
        rows = rank_similar(papers_of, names, top)
        # Fewer than asked: rank_similar went down to pairs sharing one entity, so these are all.
        complete = len(rows) < top
        if _read_counts(driver, database) != counts:
            return SimilarResult(labels, 0, False, len(records), time.perf_counter() - started, stored=False)
        driver.execute_query(
            f"MERGE (s:{LABEL} {{key: $key}})\n"
            "SET s.labels = $labels, s.sources = $sources, s.targets = $targets, s.complete = $complete,\n"
            "    s.counts = $counts, s.top = $top, s.digest = $digest",
            {"key": key, "labels": list(labels), "sources": [a.removeprefix("Paper:") for a, *_ in rows],
             "targets": [b.removeprefix("Paper:") for _, b, *_ in rows], "complete": complete, "counts": counts,
             "top": top, "digest": digest},
            database_=database)
    except (Neo4jError, DriverError) as e:
        raise StoreError(f"storing the similar papers failed: {' '.join(str(e).split())}") from None
    return SimilarResult(labels, len(rows), complete, len(records), time.perf_counter() - started)


def drop(driver: neo4j.Driver, database: str | None = None) -> int:
    """Delete every stored pair list; the number of :KgSimilarity nodes deleted."""
    try:
        records, _, _ = driver.execute_query(f"MATCH (s:{LABEL}) DETACH DELETE s RETURN count(*) AS n",
                                             database_=database)
    except (Neo4jError, DriverError) as e:
        raise StoreError(f"deleting the stored similar papers failed: {' '.join(str(e).split())}") from None
    return records[0]["n"]


def _digest(records: list[neo4j.Record], top: int) -> str:
    """A hash of everything the ranking reads, independent of the order Neo4j returns it in."""
    h = hashlib.sha256(f"top {top}\n".encode())
    for key, name, entities in sorted((r["key"], r["name"] or "", sorted(r["entities"])) for r in records):
        h.update("\0".join([key, name, *entities]).encode() + b"\n")
    return h.hexdigest()


def _read_counts(driver: neo4j.Driver, database: str | None) -> list[int]:
    records, _, _ = driver.execute_query(f"RETURN {counts_expression()} AS counts", database_=database,
                                         routing_=neo4j.RoutingControl.READ)
    return list(records[0]["counts"])


def _ensure_constraint(driver: neo4j.Driver, database: str | None) -> None:
    # Two loads at once must not MERGE two nodes for one label set.
    quiet = {"notifications_disabled_classifications": [neo4j.NotificationDisabledClassification.SCHEMA]}
    try:
        with driver.session(database=database, **quiet) as session:
            session.run(_CONSTRAINT).consume()
    except Neo4jError as e:
        if e.code not in _ALREADY_EXISTS:  # another load created it a moment ago
            raise
