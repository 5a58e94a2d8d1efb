"""What two runs must agree on: everything a run leaves in the store that a user sees, and the state a later run
starts from. Used by the executor tests and by `bench.scale.acceptance`.

    .venv/bin/python -m bench.scale.compare a.db b.db
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from kabar.store import Store

# The state a later run starts from: the clusterer, the chrome memory, the events still to brief.
STATE_KEYS = ("clusterer", "chrome", "executors.unbriefed")


def store_content(db: Path | str) -> dict[str, Any]:
    """Every document with its sources, every event with its briefing, and the saved state; in a fixed order."""
    with Store(db) as store:
        briefing = store.briefing().to_json()
        state = {key: store.state(key) for key in STATE_KEYS}
    briefing.pop("generated")
    briefing["documents"].sort(key=lambda document: document["id"])
    briefing["events"].sort(key=lambda event: event["id"])
    for document in briefing["documents"]:
        document["sources"] = sorted(document["sources"])
    return {"briefing": briefing, "state": state}


def differences(first: dict[str, Any], second: dict[str, Any]) -> list[str]:
    """Where two store contents differ (empty when they are equal), named by document, event or state key."""
    found: list[str] = []
    for kind in ("documents", "events"):
        left = {item["id"]: item for item in first["briefing"][kind]}
        right = {item["id"]: item for item in second["briefing"][kind]}
        found += [f"{kind[:-1]} {key} only in the first" for key in sorted(left.keys() - right.keys())]
        found += [f"{kind[:-1]} {key} only in the second" for key in sorted(right.keys() - left.keys())]
        found += [
            f"{kind[:-1]} {key} differs"
            for key in sorted(left.keys() & right.keys())
            if left[key] != right[key]
        ]
    rest = [key for key in first["briefing"] if key not in ("documents", "events")]
    found += [
        f"briefing {key} differs" for key in rest if first["briefing"][key] != second["briefing"].get(key)
    ]
    found += [f"state {key} differs" for key in STATE_KEYS if first["state"][key] != second["state"][key]]
    return found


def main() -> None:
    first, second = (store_content(path) for path in sys.argv[1:3])
    found = differences(first, second)
    print("identical" if not found else "\n".join(found))
    raise SystemExit(1 if found else 0)


if __name__ == "__main__":
    main()
