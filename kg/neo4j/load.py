"""Writing a kg graph into Neo4j: the schema, then batched, idempotent merges.

Writers take an injected :class:`neo4j.Driver` and send rows as parameters of
``UNWIND $rows AS row MERGE …`` (:mod:`kg.neo4j.load_cypher`), one explicit
transaction per batch (:mod:`kg.neo4j.load_plan`), nodes before relationships. A
batch that fails for a passing reason is retried, and each retry is reported.

Because every statement is a MERGE on a constrained key (or a CREATE under that
constraint, which fails rather than duplicate a key, and then becomes the MERGE),
loading the same graph twice changes nothing, two loads racing create no duplicates
(the constraint and MERGE's locks serialise them; deadlocks are retried), and a load
cut short by a failure is completed by running it again.
"""
from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
import neo4j
from neo4j.exceptions import (
    ConstraintError,
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from kg.errors import StoreError
from kg.graph import no_gc_pauses
from kg.neo4j.connect import _driver_quiet, _first_line, _reason
from kg.neo4j.load_cypher import (
    CONSTRAINT_QUERIES,
    FULLTEXT_QUERY,
    NAME_INDEX_QUERIES,
    NODE_COUNT_QUERIES,
    NODE_CREATE_QUERIES,
    SCHEMA_QUERIES,
    WIPE_QUERIES,
)
from kg.neo4j.load_plan import Batch, LoadResult, Neo4jLoadError, Progress, Retrying, Step, _MissingEndpoints, _plan

__all__ = ["DEFAULT_BATCH_SIZE", "DEFAULT_RETRY_SECONDS", "DEFAULT_WORKERS", "ensure_schema", "load_graph", "wipe"]

log = logging.getLogger(__name__)

#: Rows per transaction. 1000 is the usual UNWIND batch size in Neo4j's own guidance:
#: large enough that round trips stop dominating (see bench/bench_neo4j.py), small
#: enough that a batch's transaction state stays well inside the default heap.
DEFAULT_BATCH_SIZE = 1000
#: Transactions at once. Two: the relationship phase is bound by the server's CPU
#: (bench/RESULTS.md), and two sessions on batches that share no node keep two
#: cores busy; more add lock-free parallelism only on a server with more cores.
DEFAULT_WORKERS = 2
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
                        retry_seconds: float, retrying: Retrying | None, create_query: str | None = None):
    """One batch in an explicit transaction, retried (with a growing wait, told to
    ``retrying``) while the failure is transient and ``retry_seconds`` last. Explicit
    rather than ``execute_write``, whose own retries are silent.

    With ``create_query`` (a node batch of a label that had no node when the load began:
    :class:`_FirstLoad`) the batch is tried as that plain CREATE first; if it breaks a
    constraint (a concurrent load created one of its keys meanwhile, or a commit whose
    answer was lost did happen), nothing of it was written, and it runs again as the
    MERGE ``query``, which merges with what is there or reports a real violation.
    Returns the counters and whether that fallback happened."""
    deadline = time.monotonic() + retry_seconds
    wait = 0.5
    # A commit whose answer was lost may have happened; if the retries fail too, that
    # is what the caller must hear, not only the last "connection refused".
    lost_commit: IncompleteCommit | None = None
    current = create_query or query
    while True:
        try:
            with session.begin_transaction() as tx:
                counters = _write_batch(tx, current, rows, batch.kind == "relationships")
                tx.commit()
            return counters, current is not create_query and create_query is not None
        except ConstraintError as e:
            if current is query:
                raise
            log.info("%s: CREATE broke a constraint (%s); merging instead", batch.describe(), _reason(e))
            current = query
        except (ServiceUnavailable, SessionExpired, IncompleteCommit, TransientError) as e:
            if isinstance(e, IncompleteCommit):
                lost_commit = e
            left = deadline - time.monotonic()
            if left <= 0 or (isinstance(e, TransientError) and not e.is_retryable()):
                if lost_commit is not None and e is not lost_commit and not isinstance(e, TransientError):
                    raise lost_commit from None
                raise
            why = ("Neo4j to come back: the connection was lost" if not isinstance(e, TransientError)
                   else "a transient error to clear")
            pause = min(wait, left)
            if retrying is not None:
                retrying(batch, f"{why} ({_first_line(_reason(e))})", pause, left)
            log.info("retrying %s in %.1fs: %s", batch.describe(), pause, _reason(e))
            time.sleep(pause)
            wait = min(wait * 2, 5.0)


class _FirstLoad:
    """The labels whose node batches are sent as CREATE (:data:`NODE_CREATE_QUERIES`)
    rather than MERGE: those with no node in the database when the load began, until
    one of their batches meets a node that is there after all (a concurrent load's),
    from which on they merge. Shared by the lanes (set operations are atomic)."""

    def __init__(self, labels: set[str]):
        self.labels = labels

    @classmethod
    def read(cls, driver: neo4j.Driver, database: str | None) -> _FirstLoad:
        try:
            with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
                empty = {label for label, q in NODE_COUNT_QUERIES.items()
                         if session.run(q).single(strict=True)["n"] == 0}
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"cannot count kg's nodes in Neo4j: {_reason(e)}") from None
        return cls(empty)

    def create_query(self, batch: Batch) -> str | None:
        return NODE_CREATE_QUERIES[batch.what] if batch.kind == "nodes" and batch.what in self.labels else None

    def merge_from_now(self, label: str) -> None:
        self.labels.discard(label)


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create kg's schema if not there yet (:data:`SCHEMA_QUERIES`: the uniqueness
    constraint on ``key`` and the range index on ``name_key`` of every label, and the
    full-text index) and wait until the indexes are online."""
    _create_schema(driver, database, SCHEMA_QUERIES)
    _await_indexes(driver, database)


def _create_schema(driver: neo4j.Driver, database: str | None, queries: tuple[str, ...]) -> None:
    # Without SCHEMA notifications: "constraint already exists" on every rerun is noise.
    quiet = {"notifications_disabled_classifications": [neo4j.NotificationDisabledClassification.SCHEMA]}
    for query in queries:
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


def _await_indexes(driver: neo4j.Driver, database: str | None) -> None:
    try:
        driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    except (Neo4jError, DriverError) as e:
        raise StoreError(f"kg's indexes in Neo4j did not come online: {_reason(e)}") from None


def load_graph(
    driver: neo4j.Driver,
    G: nx.MultiDiGraph,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = DEFAULT_WORKERS,
    progress: Progress | None = None,
    retry_seconds: float = DEFAULT_RETRY_SECONDS,
    retrying: Retrying | None = None,
) -> LoadResult:
    """Merge graph ``G`` into Neo4j: the key constraints and name indexes first, then
    nodes, then the full-text index (filled while the relationships load), then
    relationships, ``batch_size`` rows per transaction, ``workers`` transactions at
    once on batches that share no node (:func:`kg.neo4j.load_plan._edge_phases`); it
    returns once every index is online.

    A batch that fails for a passing reason (the connection dropped, a deadlock with
    another load, a leader switch) is retried for up to ``retry_seconds``, with
    ``retrying(batch, reason, wait, seconds_left)`` called before each wait, so a caller
    can say what it waits for. Every batch is a MERGE, or for a label with no node yet
    a CREATE that turns into the MERGE if one of its keys is there after all
    (:class:`_FirstLoad`), so running one again is safe.
    ``progress(batch, rows_done, rows_total)`` is called after each commit, in the
    calling thread.

    Raises :class:`StoreError` before writing anything if ``G`` does not fit kg's schema
    or Neo4j's property types, and :class:`Neo4jLoadError` (a StoreError) naming the
    failed batch and the last committed one if a batch fails (with ``workers`` > 1,
    the last of the batches committed without a gap, and how many later ones
    committed too); rerunning then completes the load without duplicates.
    """
    started = time.monotonic()
    # Without cyclic-GC passes: the plan makes a few million dicts and lists (rows) in no
    # cycle, beside the graph's millions, and each pass walked them all: with the
    # collector on, 15-21 s of CPU for the plan of a 937k-relationship graph, 8 s without.
    with no_gc_pauses():
        plan = _plan(G, batch_size, workers)
        # The key constraints first: MERGE relies on them (an index seek, and no
        # duplicate from a concurrent load). The full-text index comes after the nodes:
        # filled from them in one pass, beside the relationship batches, it costs the
        # server a third of what updating it in every node batch did (bench/RESULTS.md).
        # On a database that has it already (a reload), the node batches keep it current.
        _create_schema(driver, database, (*CONSTRAINT_QUERIES.values(), *NAME_INDEX_QUERIES.values()))
        first_load = _FirstLoad.read(driver, database)
        run = _Run(plan.nodes + plan.relationships, progress)
        # The driver's log is quiet: every failure it would log is retried and reported here.
        with _driver_quiet():
            for phase in plan.node_phases:
                _run_phase(driver, database, phase, run, retry_seconds, retrying, first_load)
            _create_schema(driver, database, (FULLTEXT_QUERY,))
            for phase in plan.relationship_phases:
                _run_phase(driver, database, phase, run, retry_seconds, retrying)
        _await_indexes(driver, database)
    result = LoadResult(
        nodes=plan.nodes, relationships=plan.relationships, batches=run.batches,
        nodes_created=run.nodes_created, relationships_created=run.relationships_created,
        properties_set=run.properties_set, seconds=time.monotonic() - started,
    )
    log.info("loaded into Neo4j: %s", result.summary())
    return result


class _Run:
    """What a load has committed so far, fed in commit order by :func:`_run_phase`."""

    def __init__(self, total_rows: int, progress: Progress | None):
        self.total_rows = total_rows
        self.progress = progress
        self.rows = self.batches = 0
        self.nodes_created = self.relationships_created = self.properties_set = 0
        self.committed: dict[int, Batch] = {}
        self.prefix = 0  # batches 1..prefix are all committed

    def commit(self, batch: Batch, counters: neo4j.SummaryCounters) -> None:
        self.committed[batch.number] = batch
        while self.prefix + 1 in self.committed:
            self.prefix += 1
        self.rows += batch.size
        self.batches += 1
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        log.debug("committed %s", batch.describe())
        if self.progress is not None:
            self.progress(batch, self.rows, self.total_rows)

    def last(self) -> tuple[Batch | None, int]:
        """The last batch committed without a gap before it, and how many later ones committed."""
        return self.committed.get(self.prefix), sum(1 for n in self.committed if n > self.prefix)


def _run_phase(driver: neo4j.Driver, database: str | None, lanes: list[list[Step]], run: _Run,
               retry_seconds: float, retrying: Retrying | None, first_load: _FirstLoad | None = None) -> None:
    """Run the lanes of one phase, each in its own session (the first in this thread),
    and raise the Neo4jLoadError of the first failed batch once every lane has stopped:
    after a failure, the other lanes finish the batch they are in and start no other."""
    stop = threading.Event()
    failures: list[tuple[Batch, BaseException]] = []
    done: queue.SimpleQueue = queue.SimpleQueue()
    lock = threading.Lock()

    def report_retry(batch: Batch, why: str, wait: float, left: float) -> None:
        if retrying is not None:
            with lock:  # one caller at a time, as from a single thread
                retrying(batch, why, wait, left)

    def lane(steps: list[Step], report: Callable[[Batch, Any], None]) -> None:
        with driver.session(database=database, default_access_mode=neo4j.WRITE_ACCESS) as session:
            for batch, query, rows in steps:
                if stop.is_set():
                    return
                create = first_load.create_query(batch) if first_load is not None else None
                try:
                    counters, merged = _write_with_retries(session, batch, query, rows, retry_seconds, report_retry,
                                                           create)
                    if merged:
                        first_load.merge_from_now(batch.what)
                except Exception as e:  # noqa: BLE001 - every failure is reported as a Neo4jLoadError below
                    stop.set()
                    failures.append((batch, e))
                    return
                report(batch, counters)

    threads = [threading.Thread(target=lane, args=(steps, lambda b, c: done.put((b, c))), daemon=True,
                                name=f"kg-load-lane-{i}")
               for i, steps in enumerate(lanes[1:], 1)]
    try:
        for t in threads:
            t.start()
        # The first lane runs here, committing its batches as they come; the others'
        # commits are taken between them (and after), so progress stays in this thread.

        def here(batch: Batch, counters: Any) -> None:
            run.commit(batch, counters)
            _drain(done, run)

        lane(lanes[0], here)
        while any(t.is_alive() for t in threads):
            _drain(done, run, timeout=0.05)
    finally:
        stop.set()  # e.g. Ctrl-C here: the other lanes end after their current batch
        for t in threads:
            t.join()
    _drain(done, run)
    if failures:
        failures.sort(key=lambda f: f[0].number)
        batch, e = failures[0]
        error = _load_error(batch, e, *run.last())
        # Another lane's batch whose commit answer was lost may be in the database too.
        unsure = [b for b, other in failures[1:] if isinstance(other, IncompleteCommit)]
        if unsure:
            error = Neo4jLoadError(
                f"{error}; {', '.join(b.describe() for b in unsure)} may or may not be in the database as well "
                "(its commit was not answered)",
                error.batch, error.last_committed, unknown_outcome=error.unknown_outcome,
            )
            error.unsure = unsure
        raise error from None


def _drain(done: queue.SimpleQueue, run: _Run, timeout: float | None = None) -> None:
    try:
        while True:
            item = done.get(timeout=timeout) if timeout is not None else done.get_nowait()
            run.commit(*item)
            timeout = None  # one wait at most; then what is there
    except queue.Empty:
        pass


def _load_error(batch: Batch, e: BaseException, last: Batch | None, later: int) -> Neo4jLoadError:
    """The failure of ``batch`` as one message that says what is in the database."""
    if isinstance(e, _MissingEndpoints):
        return Neo4jLoadError(
            f"{batch.describe()} failed: {batch.size - e.matched} of its relationships found no start or "
            f"end node (were nodes deleted during the load?); {_committed(last, later)}",
            batch, last,
        )
    if isinstance(e, IncompleteCommit):
        return Neo4jLoadError(
            f"lost the connection to Neo4j while committing {batch.describe()}, so it may or may not be "
            f"in the database ({_reason(e)}); {_committed(last, later, lost=True)}",
            batch, last, unknown_outcome=True,
        )
    if isinstance(e, ServiceUnavailable | SessionExpired):
        return Neo4jLoadError(
            f"lost the connection to Neo4j at {batch.describe()} ({_reason(e)}); {_committed(last, later, lost=True)}",
            batch, last,
        )
    if isinstance(e, Neo4jError):
        return Neo4jLoadError(
            f"Neo4j rejected {batch.describe()}: [{e.code}] {_reason(e)}; {_committed(last, later)}", batch, last,
        )
    if isinstance(e, DriverError):
        return Neo4jLoadError(f"{batch.describe()} failed: {_reason(e)}; {_committed(last, later)}", batch, last)
    raise e  # not a database failure (a bug, Ctrl-C in a lane): as it is


def _committed(last: Batch | None, later: int = 0, *, lost: bool = False) -> str:
    where = f"the last committed batch is {last.describe()}" if last else "no batch was committed"
    if later:
        where += f" (and {later} later batch{'es' if later > 1 else ''}, loaded at the same time)"
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
