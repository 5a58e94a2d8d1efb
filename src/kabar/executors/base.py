"""Executors: who runs a pure function over a stream of tasks (this process, local worker processes, or Ray).

An executor knows nothing of kabar's steps. `map(function, tasks, shared)` calls `function(shared, task)` for every
task and yields the results *in task order*, whoever computed them, so the driver that consumes them behaves the
same under every executor. `shared` is a small read-only object every call needs (the brief options); large per-task
data travels in the task. At most `window` tasks are in flight at a time, so memory
stays bounded however long the stream is.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, Protocol, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")
Shared = TypeVar("Shared")

# Documents per task (prepare: this many documents; brief: whole events until they hold this many documents). Large
# enough that shipping a task costs little next to cleaning and embedding it
# (about 0.1-0.2 s a document), small enough that two tasks per worker in flight hold little memory.
DOCUMENTS_PER_TASK = 32
# Tasks in flight per worker: two keeps every worker busy while the driver stores the previous result, and more
# only costs memory (each task holds a batch of documents).
IN_FLIGHT_PER_WORKER = 2
# Native libraries (the embedding engine's OpenMP, BLAS) would start one thread per core in every worker; with one
# worker per core that oversubscribes the machine, so workers run them single-threaded. Their results do not
# depend on the thread count (checked for the embedding engine: bit-identical vectors for 1 and 2 threads).
WORKER_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class Executor(Protocol):
    """Runs `function(shared, task)` over tasks; results come back in task order."""

    name: str
    workers: int

    def map(
        self,
        function: Callable[[Any, Any], Any],
        tasks: Iterable[Any],
        shared: Any = None,
        *,
        window: int | None = None,
    ) -> Iterator[Any]: ...

    def close(self) -> None: ...


def available_cores() -> int:
    """Cores this process may use (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class InProcessExecutor:
    """The default: every task runs here, one after another, lazily (nothing is computed ahead of the consumer)."""

    name = "in-process"
    workers = 1

    def map(
        self,
        function: Callable[[Shared, Task], Result],
        tasks: Iterable[Task],
        shared: Shared = None,  # type: ignore[assignment]
        *,
        window: int | None = None,
    ) -> Iterator[Result]:
        for task in tasks:
            yield function(shared, task)

    def close(self) -> None:
        pass

    def __enter__(self) -> InProcessExecutor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


# -- local worker processes ---------------------------------------------------------------------------------------


def _init_worker() -> None:
    for variable in WORKER_THREAD_VARIABLES:
        os.environ[variable] = "1"


class ProcessExecutor:
    """A pool of local worker processes (one per core by default), started on first use and kept until `close()`.

    Workers are started with `forkserver`: forking the driver itself would copy its threads' locks (SQLite, native
    libraries) into the children. A worker loads the models it needs once and keeps them for every later task.
    """

    name = "local"

    def __init__(self, workers: int | None = None, *, start_method: str = "forkserver") -> None:
        self.workers = workers or available_cores()
        self.start_method = start_method
        self._pool: ProcessPoolExecutor | None = None

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=get_context(self.start_method), initializer=_init_worker
            )
        return self._pool

    def map(
        self,
        function: Callable[[Shared, Task], Result],
        tasks: Iterable[Task],
        shared: Shared = None,  # type: ignore[assignment]
        *,
        window: int | None = None,
    ) -> Iterator[Result]:
        limit = window or self.workers * IN_FLIGHT_PER_WORKER
        pool = self._started()
        pending: deque[Future[Result]] = deque()
        try:
            for task in tasks:
                pending.append(pool.submit(function, shared, task))
                if len(pending) >= limit:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> ProcessExecutor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def make_executor(engine: str = "local", workers: int | None = None, address: str | None = None) -> Executor:
    """The executor for `kabar run --engine ENGINE --workers N [--address ADDR]`.

    `local` with one worker (the default) is the in-process executor (no pool to start); `workers=0` means one worker
    per available core. `ray` connects to `address` or starts a local Ray instance with `workers` CPUs (all cores
    when 0 or None).
    """
    if engine == "ray":
        from kabar.executors.ray_engine import RayExecutor

        return RayExecutor(workers=workers or None, address=address)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (choose local or ray)")
    if address is not None:
        raise ValueError("--address is only for --engine ray")
    if workers is None or workers == 1:
        return InProcessExecutor()
    if workers < 0:
        raise ValueError("--workers must be 0 (all cores) or more")
    return ProcessExecutor(workers or None)
