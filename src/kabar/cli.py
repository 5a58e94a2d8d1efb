"""The `kabar` command: a thin layer over `kabar.api`.

Exit codes: 0 success; 1 done, but some inputs failed (with --keep-going); 2 bad input (unknown format, binary,
undecodable, empty, too large, missing); 3 store problem; 130 interrupted (Ctrl-C). Errors are one line on stderr:
`kabar: FILE: REASON`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from kabar import __version__, api
from kabar.errors import InputError, KabarError
from kabar.ingest import discover
from kabar.ingest.readers import MAX_DOCUMENT_BYTES
from kabar.pipeline import DEFAULT_SUMMARY_WORDS, BriefOptions
from kabar.store import MEMORY, Store, default_db_path
from kabar.store.queries import EventFilters, Queries

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_INTERRUPTED = 130

# Modules of other areas that add their own subcommands through `register(subparsers)`.
PLUGIN_COMMANDS = ("kabar.web.command", "kabar.executors.command")

EXAMPLES = """examples:
  kabar brief examples/kim-putin-2023                 print the briefing of the bundled example
  kabar brief news/ --json briefing.json --html b.html  also write the JSON contract and an HTML report
  kabar brief a.txt b.html --single-event --no-store    treat the input as one event, store nothing
  kabar ingest crawl/*.warc.gz --keep-going           store articles, report bad files at the end
  kabar ls events                                     events in the store, newest first
  kabar search "Vostochny"                            full-text search with snippets
  kabar show 57bebcfe                                 a document or an event by id (or unique prefix)

The store is ./kabar.db unless --db PATH or $KABAR_DB says otherwise.
exit codes: 0 ok, 1 some inputs failed (--keep-going), 2 bad input, 3 store problem, 130 interrupted"""


class Console:
    """Messages on stderr (quiet-able) and a progress bar only where stderr is a terminal."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet

    def say(self, message: str) -> None:
        if not self.quiet:
            print(message, file=sys.stderr)

    def progress(self, total: int, label: str) -> Callable[[str], None] | None:
        if self.quiet or not sys.stderr.isatty() or total < 2:
            return None
        from tqdm import tqdm

        bar = tqdm(total=total, desc=label, unit="file", file=sys.stderr, leave=False)
        return lambda _source: bar.update(1)


def _quiet_option() -> argparse.ArgumentParser:
    """`-q` is accepted before or after the command name."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="no progress or status messages"
    )
    return common


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH", help="the store (default: $KABAR_DB or ./kabar.db)")


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, folders, glob patterns, or - for stdin"
    )
    add_bad_input_options(parser)


def add_bad_input_options(parser: argparse.ArgumentParser) -> None:
    """--keep-going and --max-bytes, shared by every command that reads inputs (also `kabar run`)."""
    parser.add_argument(
        "--keep-going",
        action="store_true",
        help="report bad inputs at the end instead of stopping at the first",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=MAX_DOCUMENT_BYTES,
        metavar="N",
        help=f"largest article accepted (default {MAX_DOCUMENT_BYTES:,} bytes)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kabar",
        description="Turn a pile of news articles into cited event briefings, offline.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kabar {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or status messages on stderr")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = [_quiet_option()]

    brief = commands.add_parser(
        "brief", parents=common, help="ingest articles and print their events' briefing (Markdown)"
    )
    _add_input_options(brief)
    _add_store_option(brief)
    brief.add_argument("--no-store", action="store_true", help="use an in-memory store; nothing is written")
    brief.add_argument("--json", metavar="FILE", help="also write the JSON briefing (- for stdout)")
    brief.add_argument(
        "--html", metavar="FILE", help="also write a self-contained HTML report (- for stdout)"
    )
    brief.add_argument(
        "--words", type=int, default=DEFAULT_SUMMARY_WORDS, metavar="N", help="summary length in words"
    )
    brief.add_argument("--single-event", action="store_true", help="treat all the input as one event")
    brief.set_defaults(handler=cmd_brief)

    ingest = commands.add_parser(
        "ingest", parents=common, help="read, clean and store articles, and update the events"
    )
    _add_input_options(ingest)
    _add_store_option(ingest)
    ingest.set_defaults(handler=cmd_ingest)

    listing = commands.add_parser("ls", parents=common, help="list documents or events in the store")
    listing.add_argument("what", nargs="?", choices=["documents", "events"], default="documents")
    listing.add_argument("--limit", type=int, default=50)
    events_only = listing.add_argument_group("filters for events (as in the web app's events list)")
    events_only.add_argument(
        "--since", type=_iso_day, metavar="YYYY-MM-DD", help="events with an article on or after this day"
    )
    events_only.add_argument(
        "--until", type=_iso_day, metavar="YYYY-MM-DD", help="events with an article on or before this day"
    )
    events_only.add_argument("--outlet", help="events an outlet reported (its name, any case)")
    events_only.add_argument("--entity", help="events naming a person, organisation or place (name or alias)")
    _add_store_option(listing)
    listing.set_defaults(handler=cmd_ls)

    show = commands.add_parser(
        "show", parents=common, help="show a document or an event by id (or a unique id prefix)"
    )
    show.add_argument("id")
    _add_store_option(show)
    show.set_defaults(handler=cmd_show)

    search = commands.add_parser("search", parents=common, help="full-text search over the stored articles")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    _add_store_option(search)
    search.set_defaults(handler=cmd_search)

    for module_name in PLUGIN_COMMANDS:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue  # an optional extra that is not installed
        module.register(commands)
    return parser


def _open_store(args: argparse.Namespace) -> Store:
    return Store(args.db or default_db_path())


def _write(target: str, text: str) -> None:
    if target == "-":
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")


def _report_failures(console: Console, failed: Sequence[InputError]) -> int:
    for error in failed:
        print(f"kabar: {error}", file=sys.stderr)
    if failed:
        console.say(f"kabar: {len(failed)} input(s) could not be read")
        return EXIT_SOME_FAILED
    return EXIT_OK


def _ingest(args: argparse.Namespace, store: Store, console: Console) -> api.IngestReport:
    """Ingest the command's inputs, with a progress bar over input files where stderr is a terminal."""
    try:
        total = len(discover(args.paths))
    except InputError:
        if not args.keep_going:
            raise
        total = 0
    return api.ingest(
        args.paths,
        store,
        keep_going=args.keep_going,
        max_bytes=args.max_bytes,
        progress=console.progress(total, "ingest"),
    )


def cmd_brief(args: argparse.Namespace, console: Console) -> int:
    from kabar.render.markdown import render_markdown

    with Store(MEMORY) if args.no_store else _open_store(args) as store:
        report = _ingest(args, store, console)
        options = BriefOptions(words=args.words, single_event=args.single_event)
        briefing = api.brief_documents(store, report.documents, options)
    if args.json:
        from kabar.render.json import render_json

        _write(args.json, render_json(briefing))
    if args.html:
        from kabar.render.html import render_html

        _write(args.html, render_html(briefing))
    if "-" not in (args.json, args.html):
        sys.stdout.write(render_markdown(briefing))
    return _report_failures(console, report.failed)


def cmd_ingest(args: argparse.Namespace, console: Console) -> int:
    with _open_store(args) as store:
        report = _ingest(args, store, console)
        events = api.update_events(store)
        console.say(
            f"kabar: {len(report.new)} new document(s) stored, {len(report.known)} already in the store"
            + (" (nothing new)" if report.known and not report.new else "")
            + f"; {len(events)} event(s) updated"
        )
    return _report_failures(console, report.failed)


def cmd_ls(args: argparse.Namespace, console: Console) -> int:
    with _open_store(args) as store:
        if args.what == "events":
            filters = EventFilters(
                date_from=args.since,
                date_to=args.until,
                outlet=args.outlet,
                entity=args.entity,
            )
            queries = Queries(store.path)
            try:
                events, _ = queries.events(filters, limit=args.limit, offset=0)
            finally:
                queries.close()
            for event in events:
                dates = " – ".join(
                    dict.fromkeys(d[:10] for d in (event.first_published, event.last_published) if d)
                )
                print(
                    f"{event.id}\t{len(event.documents)} docs\t{dates or '-'}\t{event.title or '(untitled)'}"
                )
        else:
            for document in store.documents(limit=args.limit):
                print(
                    f"{document.id}\t{document.language or '-'}\t{(document.published or '-')[:10]}\t"
                    f"{document.outlet or '-'}\t{document.title or '(untitled)'}"
                )
    return EXIT_OK


def _iso_day(value: str) -> str:
    """A YYYY-MM-DD option, checked, so that a typo is a usage error rather than a filter that matches nothing."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"a day as YYYY-MM-DD, not {value!r}") from None


def cmd_show(args: argparse.Namespace, console: Console) -> int:
    from kabar.render.markdown import render_markdown

    with _open_store(args) as store:
        document = store.document(args.id)
        if document is not None:
            print(f"# {document.title or '(untitled)'}\n")
            for label, value in (
                ("id", document.id),
                ("outlet", document.outlet),
                ("author", document.author),
                ("published", document.published),
                ("language", document.language),
                ("source", ", ".join(document.sources or [document.source])),
            ):
                print(f"- {label}: {value or '-'}")
            print(f"\n{document.text}\n")
            if document.removed:
                print("## Removed\n")
                for removed in document.removed:
                    print(f"- [{removed.reason}] {removed.text}")
            return EXIT_OK
        briefing = store.briefing_for_event(args.id)
        if briefing is not None:
            sys.stdout.write(render_markdown(briefing))
            return EXIT_OK
    raise KabarError(f"{args.id}: no document or event with this id")


def cmd_search(args: argparse.Namespace, console: Console) -> int:
    with _open_store(args) as store:
        hits = store.search(" ".join(args.query), limit=args.limit)
    for hit in hits:
        print(f"{hit.document_id}\t{hit.rank:.2f}\t{hit.outlet or '-'}\t{hit.title or '(untitled)'}")
        print(f"    {hit.snippet}")
    if not hits:
        console.say("kabar: no matches")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console = Console(args.quiet)
    try:
        return int(args.handler(args, console))
    except KabarError as error:
        print(f"kabar: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(
            "kabar: interrupted; the store keeps every document written before the interruption",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
