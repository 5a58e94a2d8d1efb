"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = REPO_ROOT / "examples" / "kim-putin-2023"


def _shared_data_dir() -> Path | None:
    configured = os.environ.get("KABAR_SHARED_DATA")
    candidate = Path(configured) if configured else REPO_ROOT.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def example_dir() -> Path:
    """The bundled example: the five seed articles of the Kim–Putin meeting at Vostochny, 13 Sep 2023."""
    return EXAMPLE_DIR


@pytest.fixture(scope="session")
def example_paths() -> list[Path]:
    return sorted(EXAMPLE_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """`../shared/data`; quality gates that need it skip with a clear reason where a clone has none."""
    root = _shared_data_dir()
    if root is None:
        pytest.skip("quality gate needs ../shared/data (evaluation sets), which this checkout does not have")
    return root


@pytest.fixture
def event_page_sections() -> list[str]:
    """The event page's section headings in reading order, as the web page and the HTML report both show them."""
    return [
        "Summary",
        "Facts",
        "Where the sources disagree",
        "Quotes",
        "Timeline",
        "Coverage",
        "Who and where",
        "Headlines side by side",
        "Rewrites and copies",
        "Sources",
    ]
