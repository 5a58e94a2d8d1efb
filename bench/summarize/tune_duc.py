"""Parameter sweep for kabar's summary selection on DUC 2004 tuning clusters (not the reported figures).

    .venv/bin/python -m bench.summarize.tune_duc [--clusters 25] [--skip 25] [--no-embed]

Tunes on the first N clusters in sorted order (d30001–d30040 for N=25; `--clusters 25 --skip 25` is the held-out
half d30042–d31050) and prints ROUGE-1/2 recall for each setting of the constants in kabar.briefing.summary; the
figures to report come from bench.summarize.duc2004 over all 50. The grid below is session 2's concept-weight
sweep (docs/BENCHMARKS.md, briefing).
"""

from __future__ import annotations

import argparse
import itertools

from bench.shared_data import require_dataset
from bench.summarize.common import DucRouge, EmbeddingCache, kabar_summary
from bench.summarize.duc2004 import WORDS, read_document
from kabar.briefing import pool, summary

# The main selection constants around their chosen values (other sweeps run the same way: edit the grid; keys
# with a "pool." prefix set kabar.briefing.pool constants).
GRID: dict[str, list[float]] = {
    "CONCEPT_REPEAT_WEIGHT": [0.0, 0.5, 1.0, 2.0],
    "CONCEPT_POWER": [2.0, 2.5, 3.0],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=15)
    parser.add_argument("--no-embed", action="store_true")
    parser.add_argument(
        "--skip", type=int, default=0, help="leave out the first SKIP clusters (a held-out check)"
    )
    args = parser.parse_args(argv)
    root = require_dataset("duc2004") / "task2"
    names = sorted(path.name for path in (root / "docs").iterdir() if path.is_dir())[
        : args.clusters + args.skip
    ]
    cache = EmbeddingCache("duc2004")
    data = []
    for cluster in names[args.skip :]:
        topic = cluster.rstrip("t")
        references = [
            p.read_text(encoding="utf-8", errors="replace") for p in sorted(root.glob(f"models/{topic}.*"))
        ]
        documents = [read_document(path) for path in sorted((root / "docs" / cluster).iterdir())]
        for document in documents:
            cache.attach(document, embed=not args.no_embed)
        data.append((documents, references))
    cache.save()
    rouge = DucRouge(WORDS)
    keys = list(GRID)
    results = []
    for values in itertools.product(*(GRID[key] for key in keys)):
        for key, value in zip(keys, values, strict=True):
            module, name = (pool, key[5:]) if key.startswith("pool.") else (summary, key)
            setattr(module, name, value)
        scores = [rouge.score(" ".join(kabar_summary(docs, WORDS)), refs) for docs, refs in data]
        r1 = sum(s[0] for s in scores) / len(scores)
        r2 = sum(s[1] for s in scores) / len(scores)
        results.append((r1, r2, dict(zip(keys, values, strict=True))))
        print(f"R-1 {r1:.2f} R-2 {r2:.2f} {results[-1][2]}", flush=True)
    print("best:", max(results, key=lambda item: item[0] + item[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
