"""CRF sequence tagger (python-crfsuite) over word-shape, affix, context and gazetteer features."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

MODEL_NAME = "ner-id.crfsuite"


def model_path() -> Path:
    return Path(str(resources.files("kabar.extract").joinpath(f"models/{MODEL_NAME}")))


@cache
def shipped_tagger():  # type: ignore[no-untyped-def]
    return None
