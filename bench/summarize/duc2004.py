"""DUC 2004 task 2: kabar's summary against Lead, LexRank and TextRank run here, and the SumRepo peer outputs.

    .venv/bin/python -m bench.summarize.duc2004 [--clusters d30001,d30002] [--no-embed] [--per-cluster]

All 50 clusters by default. ROUGE-1/2 recall at 100 words (see bench/summarize/common.py for the calibrated
set-up). Each cluster is summarised by the same code `brief_event` uses (kabar.briefing.summary.select over the
event's sentence pool), with a 100-word budget whose last sentence may run over (ROUGE truncates at 100).
DUC documents have no outlet field, so every document counts as its own outlet.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from datetime import datetime
from pathlib import Path

from bench.shared_data import require_dataset
from bench.summarize.common import DucRouge, EmbeddingCache, kabar_summary, lexrank, textrank
from kabar.records import Document
from kabar.text import analyse

# The published ROUGE-1.5.5 recall of the SumRepo peers (SOURCE.md of the data set), for the calibration table.
PUBLISHED = {
    "Lead": (31.46, 6.13),
    "LexRank": (36.00, 7.51),
    "Centroid": (36.42, 7.98),
    "FreqSum": (35.31, 8.12),
    "TsSum": (35.93, 8.16),
    "GreedyKL": (38.03, 8.56),
    "CLASSY04": (37.71, 9.02),
    "CLASSY11": (37.21, 9.21),
    "Submodular": (39.23, 9.37),
    "DPP": (39.84, 9.62),
    "OCCAMS_V": (38.50, 9.75),
    "RegSum": (38.60, 9.78),
    "ICSISumm": (38.44, 9.81),
}
WORDS = 100
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


def read_document(path: Path) -> Document:
    raw = path.read_text(encoding="utf-8", errors="replace")
    match = _TEXT.search(raw)
    body = match.group(1) if match else raw
    body = re.sub(r"</?P>", "\n", body)
    body = body.replace("``", '"').replace("''", '"')
    body = html.unescape(" ".join(body.split()))
    docno = path.name
    stamp = re.search(r"(\d{8})", docno)
    published = (
        datetime.strptime(stamp.group(1), "%Y%m%d").date().isoformat() + "T00:00:00+00:00" if stamp else None
    )
    return analyse(Document(id=docno, source=str(path), text=body, language="en", published=published))


def lead_baseline(documents: list[Document]) -> str:
    latest = max(documents, key=lambda document: (document.published or "", document.id))
    words: list[str] = []
    for sentence in latest.sentences:
        if len(words) >= WORDS:
            break
        words += sentence.text.split()
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clusters", help="comma-separated cluster ids (default: all 50)")
    parser.add_argument("--no-embed", action="store_true", help="kabar without e5 embeddings (terms only)")
    parser.add_argument("--per-cluster", action="store_true", help="print kabar's scores per cluster")
    parser.add_argument("--no-peers", action="store_true", help="skip scoring the SumRepo peers")
    args = parser.parse_args(argv)

    root = require_dataset("duc2004") / "task2"
    clusters = sorted(path.name for path in (root / "docs").iterdir() if path.is_dir())
    if args.clusters:
        wanted = {name.strip().rstrip("t") for name in args.clusters.split(",")}
        clusters = [name for name in clusters if name.rstrip("t") in wanted]
    rouge = DucRouge(WORDS)
    cache = EmbeddingCache("duc2004")
    systems: dict[str, list[tuple[float, float]]] = {}
    peers = sorted(PUBLISHED) if not args.no_peers else []
    started = time.perf_counter()
    kabar_seconds = 0.0
    for cluster in clusters:
        topic = cluster.rstrip("t")
        references = [
            path.read_text(encoding="utf-8", errors="replace")
            for path in sorted(root.glob(f"models/{topic}.*"))
        ]
        documents = [read_document(path) for path in sorted((root / "docs" / cluster).iterdir())]
        for document in documents:
            cache.attach(document, embed=not args.no_embed)
        sentences = [sentence.text for document in documents for sentence in document.sentences]
        tick = time.perf_counter()
        kabar_text = " ".join(kabar_summary(documents, WORDS))
        kabar_seconds += time.perf_counter() - tick
        outputs = {
            "kabar": kabar_text,
            "Lead (here)": lead_baseline(documents),
            "LexRank (here)": " ".join(sentences[i] for i in lexrank(sentences, WORDS)),
            "TextRank (here)": " ".join(sentences[i] for i in textrank(sentences, WORDS)),
        }
        for peer in peers:
            path = root / "sumrepo_peers" / f"{topic}.{peer}"
            if path.exists():
                outputs[f"{peer} (SumRepo)"] = path.read_text(encoding="utf-8", errors="replace")
        for name, text in outputs.items():
            systems.setdefault(name, []).append(rouge.score(text, references))
        if args.per_cluster:
            r1, r2 = systems["kabar"][-1]
            print(f"{topic}  kabar R-1 {r1:5.2f} R-2 {r2:5.2f}", file=sys.stderr)
        cache.save()
    cache.save()

    print(
        f"DUC 2004 task 2: {len(clusters)} clusters, ROUGE recall at {WORDS} words (rouge-score, Porter stemmer,"
    )
    print("recall averaged over the 4 references); published = ROUGE-1.5.5 figures from SumRepo (SOURCE.md)")
    print()
    print("| system | R-1 | R-2 | published R-1 | published R-2 |")
    print("|---|---|---|---|---|")
    rows = []
    for name, scores in systems.items():
        r1 = sum(score[0] for score in scores) / len(scores)
        r2 = sum(score[1] for score in scores) / len(scores)
        published = PUBLISHED.get(name.split(" ")[0]) if name.endswith("(SumRepo)") else None
        rows.append((r1, r2, name, published))
    for r1, r2, name, published in sorted(rows, reverse=True):
        pub = f"{published[0]:.2f} | {published[1]:.2f}" if published else "– | –"
        print(f"| {name} | {r1:.2f} | {r2:.2f} | {pub} |")
    print()
    mode = "terms only" if args.no_embed else "terms + e5 embeddings"
    print(
        f"kabar: {mode}; summary selection {kabar_seconds / max(1, len(clusters)) * 1000:.0f} ms per cluster "
        f"(features precomputed); total run {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
