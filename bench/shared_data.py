"""Where the evaluation sets live: `../shared/data` beside the repository, or `$KABAR_SHARED_DATA`.

The sets are never copied into the project (several may not be redistributed); benchmarks read them in place.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path | None:
    """The shared evaluation data folder, or None where this checkout has none."""
    configured = os.environ.get("KABAR_SHARED_DATA")
    candidate = Path(configured) if configured else REPO_ROOT.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def require_dataset(name: str) -> Path:
    """The folder of one evaluation set; exits with a clear message where it is absent."""
    root = shared_data_dir()
    if root is None or not (root / name).is_dir():
        sys.exit(
            f"bench: evaluation set {name!r} not found (looked in ../shared/data and $KABAR_SHARED_DATA)"
        )
    return root / name
