"""The JSON rendering: the `kabar.briefing/1` contract (schema in `briefing.schema.json`, prose in docs/)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from kabar.records import Briefing


def render_json(briefing: Briefing, *, indent: int | None = 2) -> str:
    """The briefing as JSON text (UTF-8, non-ASCII kept readable)."""
    return json.dumps(briefing.to_json(), ensure_ascii=False, indent=indent) + "\n"


@lru_cache(maxsize=1)
def briefing_schema() -> dict[str, Any]:
    """The JSON Schema of `kabar.briefing/1`."""
    return json.loads(resources.files("kabar.render").joinpath("briefing.schema.json").read_text("utf-8"))
