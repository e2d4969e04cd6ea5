"""Engines that map `score_frame` over chunks: local worker processes, or a dask.distributed cluster.

Both take an iterator of (chunk index, prepared frame) and call `done(index, scored frame)` as
results arrive; at most a few chunks per worker are in flight, so memory stays flat.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

import pandas as pd

from validator.batch.scoring import ScoreOptions, score_frame
from validator.errors import ValidatorError

Chunks = Iterable[tuple[int, pd.DataFrame]]
Done = Callable[[int, pd.DataFrame], None]
IN_FLIGHT_PER_WORKER = 2
SCHEDULER_TIMEOUT = "20s"
PARENT_CHECK_SECONDS = 1.0
# the local pool is renewed after this many chunks (200,000 rows at the default chunk size), which
# bounds worker memory on million-row inputs; a renewal costs one pipeline load per worker
CHUNKS_PER_POOL = 400
WARM_UP = "Warehouse workers wanted in Berlin. 12 EUR per hour, 40 hours a week. Call +49 30 1234567."

_options: ScoreOptions | None = None


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def warm_up() -> None:
    """Load the language pipeline, catalogue and model once, before the first chunk."""
    from validator import assess

    assess(WARM_UP)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (kill -9, SIGTERM) exits instead of lingering as an orphan."""
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(options: ScoreOptions, parent: int) -> None:
    global _options
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _options = options
    warm_up()


def _score_in_worker(frame: pd.DataFrame) -> pd.DataFrame:
    return score_frame(frame, _options)


def run_local(chunks: Chunks, done: Done, options: ScoreOptions, workers: int) -> None:
    if workers <= 1:
        warm_up()
        for index, frame in chunks:
            done(index, score_frame(frame, options))
        return
    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker, initargs=(options, os.getpid())
        )

    pool = new_pool()
    pending: dict[Future, int] = {}
    submitted = 0

    def collect(block: bool) -> None:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED, timeout=None if block else 0)
        for future in finished:
            done(pending.pop(future), future.result())

    try:
        for index, frame in chunks:
            while len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                collect(block=True)
            if submitted >= CHUNKS_PER_POOL:
                # fresh workers now and then: spaCy's string store grows with every new word
                # (not max_tasks_per_child: it can deadlock on Python 3.11, cpython gh-115634)
                while pending:
                    collect(block=True)
                pool.shutdown(wait=True)
                pool, submitted = new_pool(), 0
            pending[pool.submit(_score_in_worker, frame)] = index
            submitted += 1
            collect(block=False)
        while pending:
            collect(block=True)
    except BrokenProcessPool:
        _stop(pool)
        raise ValidatorError(
            "a worker process died (out of memory?); the chunks scored so far are kept: run the same "
            "command with --resume, perhaps with fewer --workers"
        ) from None
    except BaseException:
        _stop(pool)  # at once: Ctrl-C, a write error ...; completed chunks are kept
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()


def run_dask(chunks: Chunks, done: Done, options: ScoreOptions, workers: int, scheduler: str | None) -> None:
    """The same `score_frame` on a dask.distributed cluster (a local one when no address is given).

    Chunks are read here with our own streaming readers (dask's read_csv splits quoted multi-line
    fields) and handed to the cluster as pandas partitions."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ValidatorError(f"cannot reach the dask scheduler at {scheduler} ({type(exc).__name__})") from None
    try:
        slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT_PER_WORKER
        running = as_completed()
        index_of: dict[str, int] = {}
        for index, frame in chunks:
            future = client.submit(score_frame, frame, options, pure=False)
            index_of[future.key] = index
            running.add(future)
            while running.count() >= slots:
                _collect_dask(next(running), index_of, done)
        for future in running:
            _collect_dask(future, index_of, done)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _collect_dask(future, index_of: dict[str, int], done: Done) -> None:
    try:
        result = future.result()
    except Exception as exc:
        raise ValidatorError(f"a dask worker failed to score a chunk ({type(exc).__name__}: {exc})") from None
    done(index_of.pop(future.key), result)
    future.release()
