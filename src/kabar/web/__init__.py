"""kabar in a browser: `kabar serve` (pages and a JSON API over a store) and the shared HTML rendering.

Needs the `web` extra (FastAPI, uvicorn, Jinja2, python-multipart).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db_path: str, **options: Any) -> FastAPI:
    """The FastAPI app over the store at `db_path`; see `kabar.web.app.create_app`."""
    from kabar.web.app import create_app as _create_app

    return _create_app(db_path, **options)


__all__ = ["create_app"]
