"""Writing a kg graph into Neo4j: the schema, then batched, idempotent merges.

Writers take an injected :class:`neo4j.Driver` and send rows as parameters of
``UNWIND $rows AS row MERGE …`` (:mod:`kg.neo4j.load_cypher`), one explicit
transaction per batch (:mod:`kg.neo4j.load_plan`), nodes before relationships. A
batch that fails for a passing reason is retried, and each retry is reported.

Because every statement is a MERGE on a constrained key, loading the same graph
twice changes nothing, two loads racing create no duplicates (the constraint and
MERGE's locks serialise them; deadlocks are retried), and a load cut short by a
failure is completed by running it again.
"""
from __future__ import annotations

import logging
import re
import time
from typing import Any

import networkx as nx
import neo4j
from neo4j.exceptions import (
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from kg.errors import StoreError
from kg.neo4j.connect import _driver_quiet, _first_line, _reason
from kg.neo4j.load_cypher import SCHEMA_QUERIES, WIPE_QUERIES
from kg.neo4j.load_plan import Batch, LoadResult, Neo4jLoadError, Progress, Retrying, _MissingEndpoints, _plan

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_RETRY_SECONDS", "ensure_schema", "load_graph", "wipe"]

log = logging.getLogger(__name__)

#: Rows per transaction. 1000 is the usual UNWIND batch size in Neo4j's own guidance:
#: large enough that round trips stop dominating (see bench/bench_neo4j.py), small
#: enough that a batch's transaction state stays well inside the default heap.
DEFAULT_BATCH_SIZE = 1000
#: How long a batch is retried after a transient failure (the driver's own default).
DEFAULT_RETRY_SECONDS = 30.0
#: Error codes that mean "the constraint is already there" when two loads race to
#: create it (IF NOT EXISTS checks before it takes the schema lock).
_ALREADY_EXISTS = frozenset({
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
    "Neo.ClientError.Schema.ConstraintWithNameAlreadyExists",
})



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
            for query in WIPE_QUERIES.values():
                # CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run).
                deleted += session.run(query, size=batch_size).consume().counters.nodes_deleted
    except (Neo4jError, DriverError) as e:
        raise StoreError(f"wiping Neo4j failed after {deleted} nodes: {_reason(e)}") from None
    log.info("wiped %d kg nodes from Neo4j", deleted)
    return deleted
