"""The one Jinja environment behind every page of `kabar serve` and the HTML report.

Autoescape is on for every template, whatever its name: article text, titles, outlets, URLs and search snippets
are hostile input, and the only markup a page contains is what these templates write.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
STYLESHEET = STATIC_DIR / "kabar.css"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["plural"] = plural
    return env


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """The stylesheet's text, for inlining into the self-contained report."""
    return STYLESHEET.read_text(encoding="utf-8")
