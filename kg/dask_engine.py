"""Extraction on a Dask cluster: the same tasks as :mod:`kg.parallel`, other workers.

When a corpus outgrows one machine, ``kg extract/build --engine dask --scheduler
tcp://host:8786`` sends each task (one document, or a chunk of a huge document's
entries) to the cluster's workers. Results are taken back in submission order, so the
records, the report and the graph are the ones ``--jobs 1`` gives. Without
``--scheduler`` a :class:`distributed.LocalCluster` on 127.0.0.1 is started for the
run and shut down after it.

Dask is an optional extra (``pip install 'kg[dask]'``); the default path never imports
it. Workers of a real cluster need kg installed (the same version), since tasks refer
to kg's functions by name.
"""
from __future__ import annotations

import contextlib
import logging
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from kg.errors import KgError

__all__ = ["DaskExecutor", "dask_executor"]

log = logging.getLogger(__name__)

#: Seconds to wait for a scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 20


class DaskExecutor:
    """``submit(fn, arg)`` → a handle whose ``result()`` is ``fn(arg)``, on Dask workers.

    ``slots`` is how many tasks the cluster runs at once (its worker threads), which
    :func:`kg.parallel.extract_documents` uses to bound the tasks in flight.
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
        raise KgError("the dask engine needs Dask: pip install 'kg[dask]'") from None
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
