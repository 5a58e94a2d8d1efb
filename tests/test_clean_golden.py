"""Golden files for kabar.clean: each seed and a handful of other inputs, cleaned and diffed against the stored
expected JSON (fundus style). After a deliberate change, regenerate with
`KABAR_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_clean_golden.py` and review the diff in git."""

from __future__ import annotations

import difflib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from kabar.clean import clean
from kabar.records import RawDocument

GOLDEN_DIR = Path(__file__).parent / "golden" / "clean"
INPUT_DIR = GOLDEN_DIR / "inputs"
EXAMPLE_DIR = Path(__file__).resolve().parents[1] / "examples" / "kim-putin-2023"
UPDATE = os.environ.get("KABAR_UPDATE_GOLDEN") == "1"


def _inputs() -> list[Path]:
    return sorted(EXAMPLE_DIR.glob("*.txt")) + sorted(INPUT_DIR.iterdir())


def _cleaned(path: Path) -> dict[str, Any]:
    kind = "html" if path.suffix == ".html" else "text"
    raw = RawDocument(source=path.name, kind=kind, body=path.read_text(encoding="utf-8"))
    data = asdict(clean(raw, doc_id=path.stem))
    data.pop("sentences")
    data["extra"] = {k: v for k, v in sorted(data["extra"].items())}
    return data


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: p.name)
def test_clean_matches_golden(path: Path) -> None:
    actual = json.dumps(_cleaned(path), ensure_ascii=False, indent=2) + "\n"
    golden = GOLDEN_DIR / f"{path.stem}.json"
    if UPDATE or not golden.exists():
        if not UPDATE:
            pytest.fail(f"no golden file {golden.name}; run with KABAR_UPDATE_GOLDEN=1 to create it")
        golden.write_text(actual, encoding="utf-8")
        return
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now")
        )
        pytest.fail(f"clean() output changed for {path.name}:\n{diff}")
