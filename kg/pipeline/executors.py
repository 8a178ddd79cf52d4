"""Where the orchestrator's tasks run: here, on a local process pool, or on a Dask cluster.

An executor has ``submit(fn, arg)``, which returns a handle whose ``result()`` is
``fn(arg)``, and ``slots``, how many tasks it runs at once;
:func:`kg.pipeline.orchestrator.extract_documents` submits the tasks in input order, keeps
``slots * INFLIGHT_PER_JOB`` of them in flight and takes the results back in that order,
so every executor gives the same records and the same report.

* :class:`InlineExecutor` (``jobs=1``) runs a task in this process when its result is
  asked for, so a run holds one task's records at a time, as a plain loop would.
* :func:`pool_executor` (``--jobs N``) is a :class:`multiprocessing.pool.Pool` of ``N``
  workers. Workers ignore SIGINT: on Ctrl-C only the parent raises
  :class:`KeyboardInterrupt` and terminates the pool, so the user sees one message
  instead of a traceback per worker.
* :func:`dask_executor` (``--engine dask``) sends the tasks to a Dask cluster, below.

When a corpus outgrows one machine, ``kg extract/build --engine dask --scheduler
tcp://host:8786`` sends each task (one document, or a chunk of a huge document's
entries) to the cluster's workers. Results are taken back in submission order, so the
records, the report and the graph are the ones ``--jobs 1`` gives. Without
``--scheduler`` a :class:`distributed.LocalCluster` on 127.0.0.1 is started for the
run and shut down after it.

Dask is an optional extra (``pip install -e '.[dask]'`` in a clone); the default path
never imports it. Workers of a real cluster need kg installed (the same version), since tasks refer
to kg's functions by name.
"""
from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import threading
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from kg.errors import KgError

__all__ = ["InlineExecutor", "PoolExecutor", "pool_executor", "DaskExecutor", "dask_executor"]

log = logging.getLogger(__name__)

#: Seconds to wait for a scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 20


class InlineExecutor:
    """Runs each task here, when the orchestrator takes its result (in submission order)."""

    slots = 1

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> "_Deferred":
        return _Deferred(fn, arg)


class _Deferred:
    __slots__ = ("fn", "arg")

    def __init__(self, fn: Callable[[Any], Any], arg: Any) -> None:
        self.fn, self.arg = fn, arg

    def result(self) -> Any:
        fn, arg = self.fn, self.arg
        self.fn = self.arg = None  # the task's input is not needed once it has run
        return fn(arg)


# --- the local process pool ------------------------------------------------------------------


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group; the parent handles it (see module docstring).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_pool(jobs: int, context: str | None):
    ctx = multiprocessing.get_context(context)
    # Workers are born ignoring SIGINT (an ignored signal stays ignored across fork and
    # exec), which closes the window before _init_worker runs in a spawned interpreter.
    main = threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        return ctx.Pool(jobs, initializer=_init_worker)
    finally:
        if main:
            signal.signal(signal.SIGINT, old)


class PoolExecutor:
    """The local engine's executor: a :class:`multiprocessing.pool.Pool` of ``jobs``."""

    def __init__(self, pool, jobs: int) -> None:
        self.pool = pool
        self.slots = jobs

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> "_Pending":
        # AsyncResult.get is what a Dask future calls result(): the drain loop calls that.
        return _Pending(self.pool.apply_async(fn, (arg,)))


class _Pending:
    __slots__ = ("task",)

    def __init__(self, task) -> None:
        self.task = task

    def result(self) -> Any:
        return self.task.get()


@contextlib.contextmanager
def pool_executor(jobs: int, context: str | None = None) -> Iterator[PoolExecutor]:
    """A :class:`PoolExecutor` of ``jobs`` worker processes started with the
    :mod:`multiprocessing` start method ``context`` (``None``: the platform's default)."""
    pool = _start_pool(jobs, context)
    try:
        yield PoolExecutor(pool, jobs)
        pool.close()
    finally:
        # Normal end, an error in a worker, the consumer stopping early, or Ctrl-C: the
        # workers must not outlive the run.
        pool.terminate()
        pool.join()


# --- a Dask cluster ----------------------------------------------------------------------------


class DaskExecutor:
    """``submit(fn, arg)`` → a handle whose ``result()`` is ``fn(arg)``, on Dask workers.

    ``slots`` is how many tasks the cluster runs at once (its worker threads), which
    :func:`kg.pipeline.orchestrator.extract_documents` uses to bound the tasks in flight.
    """

    def __init__(self, client: Any) -> None:
        self.client = client
        self.slots = max(1, sum(client.nthreads().values()))

    def submit(self, fn: Callable[[Any], Any], arg: Any) -> Any:
        # pure=False: two equal documents are still two tasks (each is counted).
        return self.client.submit(fn, arg, pure=False)


@contextlib.contextmanager
def dask_executor(scheduler: str | None = None, workers: int = 2) -> Iterator[DaskExecutor]:
    """A :class:`DaskExecutor` on the cluster at ``scheduler``, or on a local cluster of
    ``workers`` single-threaded processes bound to 127.0.0.1."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise KgError("the dask engine needs Dask: pip install 'dask[distributed]' (kg's dask extra)") from None
    cluster = None
    try:
        if scheduler:
            try:
                client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as e:
                raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
            except ValueError as e:  # a malformed address
                raise KgError(f"not a Dask scheduler address: {scheduler!r} ({e})") from None
        else:
            with warnings.catch_warnings():
                # The scheduler's small HTTP server moves to a free port when 8787 is taken
                # (another cluster); that is fine for a run-scoped cluster, not news.
                warnings.filterwarnings("ignore", message=r"Port \d+ is already in use", category=UserWarning)
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        log.info("dask: %s", client)
        try:
            yield DaskExecutor(client)
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()
