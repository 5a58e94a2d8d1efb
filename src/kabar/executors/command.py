"""The `kabar run` command: the whole pipeline over a corpus, in-process, on all local cores, or on Ray."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kabar.executors.base import DOCUMENTS_PER_TASK

# The steps whose wall time the closing message reports (keys of RunReport.seconds).
STAGES = ("documents", "clustering", "briefing")
EXIT_OK = 0
EXIT_SOME_FAILED = 1

EXAMPLES = """examples:
  kabar run news/ --db news.db                        in this process
  kabar run news/ --db news.db --workers 0            one worker process per core
  kabar run crawl/*.warc.gz --engine ray --parquet out/   on a private local Ray instance, also write Parquet
  kabar run s3://bucket/cc-news/ --engine ray --address ray://head:10001 --keep-going

Every engine gives the same documents, events and briefings. A run that is interrupted (Ctrl-C, a crash, a killed
machine) can be started again with the same command: it skips what is done and ends with the same store."""


class ProgressBar:
    """A tqdm bar per stage on stderr (only used where stderr is a terminal)."""

    def __init__(self) -> None:
        self._bar: Any = None

    def stage(self, name: str, total: int) -> None:
        import shutil

        from tqdm import tqdm

        self.close()
        unit = "event" if name == "briefing" else "doc"
        # A terminal that reports no size (some pseudo-terminals report 0 x 0) would get no bar at all: tqdm hides
        # bars below the last row. Fall back to 100 columns and 24 rows.
        size = shutil.get_terminal_size((100, 24))
        self._bar = tqdm(
            total=total,
            desc=name,
            unit=unit,
            file=sys.stderr,
            ncols=size.columns or 100,
            nrows=size.lines or 24,
        )

    def grow(self, count: int) -> None:
        if self._bar is not None:
            self._bar.total += count
            self._bar.refresh()

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def register(subparsers: Any) -> None:
    """Add `kabar run` to the CLI's subcommands."""
    from kabar.cli import add_bad_input_options  # the CLI loads this module; import back at call time

    parser = subparsers.add_parser(
        "run",
        help="run the whole pipeline over a corpus, on all local cores or on Ray",
        description="Read, clean, store, cluster and brief a corpus; the heavy steps run in parallel.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders, glob patterns or fsspec URLs (s3://, gs://, memory://, ...): "
        "text, HTML, JSON lines, WARC, feeds",
    )
    # `-q` after the command name too, like the other commands (the top-level default stays when it is absent).
    parser.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress or status messages"
    )
    parser.add_argument("--db", metavar="PATH", help="the store (default: $KABAR_DB or ./kabar.db)")
    parser.add_argument(
        "--parquet", metavar="DIR", help="also write documents, events and briefings as Parquet"
    )
    parser.add_argument(
        "--json", metavar="FILE", help="also write the JSON briefing of the input (- for stdout)"
    )
    parser.add_argument(
        "--engine", choices=["local", "ray"], default="local", help="where the work runs (default local)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="local: worker processes (default 1, in this process; 0 for one per core); "
        "ray: CPUs of the local instance (default all cores)",
    )
    parser.add_argument("--address", metavar="ADDR", help="Ray: join this cluster instead of starting one")
    add_bad_input_options(parser)
    parser.add_argument(
        "--task-documents",
        type=int,
        default=DOCUMENTS_PER_TASK,
        metavar="N",
        help=f"documents per unit of parallel work (default {DOCUMENTS_PER_TASK}; never changes the result)",
    )
    parser.add_argument(
        "--words", type=int, metavar="N", help="summary length in words (default: kabar brief's)"
    )
    parser.set_defaults(handler=cmd_run)


def _write(target: str, text: str) -> None:
    if target == "-":
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")


def cmd_run(args: argparse.Namespace, console: Any) -> int:
    from kabar.errors import KabarError
    from kabar.executors.base import make_executor
    from kabar.executors.runner import briefing_of, run
    from kabar.pipeline import BriefOptions
    from kabar.store import Store, default_db_path

    quiet = bool(getattr(console, "quiet", False))
    try:
        executor = make_executor(args.engine, args.workers, args.address)
    except ValueError as error:
        raise KabarError(str(error)) from None
    progress = ProgressBar() if not quiet and sys.stderr.isatty() else None
    try:
        with Store(args.db or default_db_path()) as store:
            report = run(
                args.paths,
                store,
                executor,
                options=BriefOptions(words=args.words) if args.words else BriefOptions(),
                keep_going=args.keep_going,
                max_bytes=args.max_bytes,
                task_documents=max(1, args.task_documents),
                progress=progress,
            )
            if args.json:
                from kabar.render.json import render_json

                _write(args.json, render_json(briefing_of(store, report.documents)))
            if args.parquet:
                from kabar.executors.parquet import write_parquet

                write_parquet(store, args.parquet)
    finally:
        if progress:
            progress.close()
        executor.close()
    seconds = report.seconds.get("total", 0.0)
    rate = report.read / seconds if seconds else 0.0
    if not quiet:
        print(
            f"kabar: {len(report.new)} new document(s) stored, {len(report.known)} already in the store; "
            f"{len(report.events)} event(s) briefed; {report.read} document(s) in {seconds:.1f} s "
            f"({rate:.1f}/s, {report.engine}, {report.workers} worker(s); "
            + ", ".join(f"{stage} {report.seconds.get(stage, 0.0):.1f} s" for stage in STAGES)
            + ")",
            file=sys.stderr,
        )
    for error in report.failed:
        print(f"kabar: {error}", file=sys.stderr)
    if report.failed:
        if not quiet:
            print(f"kabar: {len(report.failed)} input(s) could not be read", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_OK
