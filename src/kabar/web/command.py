"""The `kabar serve` subcommand (wired into the CLI by `kabar.cli` through `register`)."""

from __future__ import annotations

import argparse
import ipaddress
import sys

DEFAULT_HOST = "127.0.0.1"  # only this machine: the pages show whatever the store holds
DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = subparsers.add_parser(
        "serve",
        help="browse the store's events, briefings and documents in a web browser",
        description=(
            "Serve the store as web pages and a JSON API (OpenAPI at /openapi.json, docs at /api/docs). "
            "Uploads are off unless KABAR_TOKEN is set; KABAR_MAX_UPLOAD_MB caps one upload (default 25)."
        ),
        epilog="example:\n  KABAR_TOKEN=s3cret kabar serve --db news.db --port 8080",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    serve.add_argument("--db", metavar="PATH", help="the store (default ./kabar.db, or $KABAR_DB)")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    serve.set_defaults(handler=cmd_serve)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args: argparse.Namespace, console: object = None) -> int:
    import uvicorn

    from kabar.store import default_db_path
    from kabar.web.app import create_app

    db_path = args.db or default_db_path()
    app = create_app(db_path)
    if not _is_loopback(args.host):
        print(
            f"kabar: serving on {args.host}, reachable from other machines; anyone who can reach it can read the store",
            file=sys.stderr,
        )
    if app.state.settings.writes_enabled:
        print("kabar: uploads are on (KABAR_TOKEN is set)", file=sys.stderr)
    print(f"kabar: serving {db_path} at http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
