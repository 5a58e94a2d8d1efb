"""The Ray executor: the same task functions as the local executors, run as Ray tasks (`kabar run --engine ray`).

Without an address it starts a private local Ray instance (CPUs = workers, a small object store, no dashboard) and
shuts it down on `close()`; with `address` it joins an existing cluster and leaves it running. Results come back in
task order, at most `window` tasks in flight, exactly like `ProcessExecutor`.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from kabar.errors import KabarError
from kabar.executors.base import IN_FLIGHT_PER_WORKER, available_cores

# Object store of a private local instance. Tasks carry batches of a few dozen documents (a few MB at most), and
# only `window` of them exist at a time, so Ray's default (30% of RAM) would only reserve memory nobody uses.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


def _call(function: Callable[[Any, Any], Any], shared: Any, task: Any) -> Any:
    return function(shared, task)


class RayExecutor:
    """Runs `function(shared, task)` as Ray tasks of one CPU each."""

    name = "ray"

    def __init__(self, workers: int | None = None, address: str | None = None) -> None:
        try:
            import ray
        except ImportError:
            raise KabarError("the Ray engine needs Ray: pip install 'kabar[ray]'") from None
        self._ray = ray
        self._started_here = False
        if not ray.is_initialized():
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            options: dict[str, Any] = {
                "include_dashboard": False,
                "log_to_driver": False,
                "logging_level": logging.ERROR,
                "configure_logging": True,
            }
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(
                    num_cpus=workers or available_cores(),
                    object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                    **options,
                )
            self._started_here = True
        self.workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        self._remote = ray.remote(num_cpus=1)(_call)

    def map(
        self,
        function: Callable[[Any, Any], Any],
        tasks: Iterable[Any],
        shared: Any = None,
        *,
        window: int | None = None,
    ) -> Iterator[Any]:
        ray = self._ray
        limit = window or self.workers * IN_FLIGHT_PER_WORKER
        shared_ref = ray.put(shared)
        pending: deque[Any] = deque()
        try:
            for task in tasks:
                pending.append(self._remote.remote(function, shared_ref, task))
                if len(pending) >= limit:
                    yield ray.get(pending.popleft())
            while pending:
                yield ray.get(pending.popleft())
        finally:
            for ref in pending:
                ray.cancel(ref)
            del shared_ref

    def close(self) -> None:
        if self._started_here and self._ray.is_initialized():
            self._ray.shutdown()
            self._started_here = False

    def __enter__(self) -> RayExecutor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
