"""Precision of the briefing's support decisions, as the product makes them, against labels read by hand.

A support decision says that a document makes a claim: a summary sentence cites it (`summary.supporters`), or a
fact lists it among its sources (`facts.build_facts`). Each decision is taken by one route:

- strict: one of the document's sentences makes the same claim with a paraphrase score >= 1 (`pool.same_claim`);
- relaxed: only a weaker score (>= RELAXED_PARAPHRASE) about the same distinctive names;
- coverage: one sentence holds most of the claim's weighted content words;
- pair, hop, chain (labelled under the code before 2026-11-24 08:30, gone since): two sentences together held the
  content; a sentence rewrote another supporter's wording; a fact member was linked to the representative only
  through other members.

`--sample N` lists N decisions per route and use (seeded, so reproducible) with the texts, for reading; the texts
go to the terminal only. The labels live in bench/summarize/data/support_audit.tsv as ids only (set, cluster,
claim document and sentence index, supporting document and sentence index, use, route when labelled, label 1/0,
a short reason, round): no dataset text. Round 1 was sampled from the code before the support tests of
2026-11-24 and the rules were set by reading it; round 2 was sampled from the new code afterwards (held out).
Without --sample, the script recomputes, for every labelled decision, whether the current code still takes it,
and prints precision (right among those still taken) and recall of the right ones (right ones still taken /
right ones labelled), per use and per route; then the current decisions per route, with the labelled precision
of each route weighted by how many decisions it takes.

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python -m bench.summarize.support_audit
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bench.shared_data import require_dataset
from bench.summarize.duc2004 import read_document
from kabar.briefing import DEFAULT_WORDS
from kabar.briefing.facts import build_facts
from kabar.briefing.features import attach_features
from kabar.briefing.pool import RELAXED_PARAPHRASE, SUPPORT_COVERAGE, Pool, build_pool, supports_claim
from kabar.briefing.summary import summarize
from kabar.records import Document
from kabar.text import analyse

LABELS = Path(__file__).parent / "data" / "support_audit.tsv"
FIELDS = [
    "set",
    "cluster",
    "use",
    "claim_doc",
    "claim_sentence",
    "doc",
    "sentence",
    "route",
    "label",
    "reason",
]
SEED_DIR = Path(__file__).resolve().parents[2] / "examples" / "kim-putin-2023"


@dataclass
class Decision:
    set: str
    cluster: str
    use: str  # "citation" or "fact"
    claim_doc: str
    claim_sentence: int
    doc: str
    sentence: int  # the supporting document's best sentence for the claim
    route: str
    claim_text: str
    support_text: str


def clusters(which: str) -> Iterator[tuple[str, str, list[Document]]]:
    if which in ("duc2004", "all"):
        root = require_dataset("duc2004") / "task2" / "docs"
        for cluster in sorted(path for path in root.iterdir() if path.is_dir()):
            documents = [
                attach_features(read_document(path), embed=False) for path in sorted(cluster.iterdir())
            ]
            yield "duc2004", cluster.name, documents
    if which in ("seeds", "all"):
        documents = []
        for path in sorted(SEED_DIR.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            document = Document(id=path.name[:3], source=str(path), text=text, language="id")
            documents.append(attach_features(analyse(document), embed=False))
        yield "seeds", "kim-putin-2023", documents


def route(pool: Pool, index: int, doc: int) -> tuple[str, int]:
    """How document `doc` supports unit `index` under the current code's tests (strict, relaxed, coverage, or
    "other" when none of them holds), and the document's best sentence for it."""
    members = pool.units_by_doc[doc]
    paraphrase = pool.paraphrase[index]
    same = [int(other) for other in members if supports_claim(pool, index, int(other))]
    if same:
        best = max(same, key=lambda other: (paraphrase[other], -other))
        return ("strict" if paraphrase[best] >= 1.0 else "relaxed"), best
    best = int(members[int(np.argmax(pool.coverage[index][members]))])
    return ("coverage" if pool.coverage[index, best] >= SUPPORT_COVERAGE else "other"), best


def decisions(set_name: str, cluster: str, documents: list[Document]) -> tuple[Pool, list[Decision]]:
    pool = build_pool(documents)
    ids = pool.doc_ids
    found: list[Decision] = []

    def add(use: str, index: int, doc: int, how: str, best: int) -> None:
        unit, other = pool.units[index], pool.units[best]
        found.append(
            Decision(
                set_name,
                cluster,
                use,
                ids[unit.doc],
                unit.sentence,
                ids[doc],
                other.sentence,
                how,
                unit.text,
                other.text,
            )
        )

    selection = summarize(pool, DEFAULT_WORDS)
    for index, support in zip(selection.units, selection.supporters, strict=True):
        for doc in support[1:]:
            how, best = route(pool, index, doc)
            add("citation", index, doc, how, best)
    by_text = {(ids[unit.doc], unit.text): position for position, unit in enumerate(pool.units)}
    for fact in build_facts(pool):
        index = by_text[(fact.sources[0], fact.text)]
        variant_of = {
            variant.sources[0]: by_text[(variant.sources[0], variant.text)] for variant in fact.variants
        }
        for doc_id in fact.sources[1:]:
            doc = ids.index(doc_id)
            if doc_id in variant_of:
                member = variant_of[doc_id]
                score = pool.paraphrase[index, member]
                how = "strict" if score >= 1.0 else "relaxed" if score >= RELAXED_PARAPHRASE else "chain"
                add("fact", index, doc, how, member)
            else:
                how, best = route(pool, index, doc)
                add("fact", index, doc, how, best)
    return pool, found


def key(row: dict[str, str] | Decision) -> tuple[str, ...]:
    get = (lambda name: str(row[name])) if isinstance(row, dict) else (lambda name: str(getattr(row, name)))
    return tuple(get(name) for name in ("set", "cluster", "use", "claim_doc", "claim_sentence", "doc"))


def sample(which: str, per_route: int, seed: int) -> None:
    everything: list[Decision] = []
    for set_name, cluster, documents in clusters(which):
        everything += decisions(set_name, cluster, documents)[1]
    labelled = {key(row) for row in read_labels()}
    rng = random.Random(seed)
    strata: dict[tuple[str, str, str], list[Decision]] = {}
    for decision in everything:
        strata.setdefault((decision.set, decision.use, decision.route), []).append(decision)
    for stratum, items in sorted(strata.items()):
        print(f"## {stratum}: {len(items)} decisions", file=sys.stderr)
        fresh = [item for item in items if key(item) not in labelled]
        for item in rng.sample(fresh, min(per_route, len(fresh))):
            ids = "\t".join(key(item)) + f"\t{item.sentence}\t{item.route}"
            print(f"{ids}\n  C: {item.claim_text}\n  S: {item.support_text}\n")


def read_labels() -> list[dict[str, str]]:
    if not LABELS.exists():
        return []
    with LABELS.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def score(which: str) -> dict[tuple[str, str], float]:
    """Print the tables; return the weighted precision of each (set, use)."""
    labels = [row for row in read_labels() if which == "all" or row["set"] == which]
    current: dict[tuple[str, ...], str] = {}  # decisions the code takes now -> their route now
    population: dict[tuple[str, str, str], int] = {}  # (set, use, route now) -> how many decisions
    for set_name, cluster, documents in clusters(which):
        for decision in decisions(set_name, cluster, documents)[1]:
            current[key(decision)] = decision.route
            stratum = (set_name, decision.use, decision.route)
            population[stratum] = population.get(stratum, 0) + 1
    table: dict[tuple[str, str, str, str], list[int]] = {}
    by_route_now: dict[tuple[str, str, str], list[int]] = {}
    for row in labels:
        part = "round1" if row["round"] == "1" else "round2"
        right = row["label"] == "1"
        now = key(row) in current
        for bucket in (
            (row["set"], part, row["use"], row["route"]),
            (row["set"], part, row["use"], "all"),
            (row["set"], "both", row["use"], "all"),
        ):
            counts = table.setdefault(bucket, [0, 0, 0, 0])
            counts[0] += right and now
            counts[1] += (not right) and now
            counts[2] += right
            counts[3] += 1
        if now:
            counts = by_route_now.setdefault((row["set"], row["use"], current[key(row)]), [0, 0])
            counts[0] += right
            counts[1] += 1
    print("Labelled decisions (route = when labelled): precision = right among those the code still takes;")
    print("recall = right ones still taken / right ones labelled.\n")
    print(
        f"{'set':8} {'part':7} {'use':9} {'route':9} {'labelled':>8} {'taken':>6} {'precision':>9} {'recall':>7}"
    )
    for (set_name, part, use, how), (right_taken, wrong_taken, right, total) in sorted(table.items()):
        taken_count = right_taken + wrong_taken
        precision = f"{right_taken / taken_count:.2f}" if taken_count else "-"
        recall = f"{right_taken / right:.2f}" if right else "-"
        print(f"{set_name:8} {part:7} {use:9} {how:9} {total:8d} {taken_count:6d} {precision:>9} {recall:>7}")
    print(
        "\nThe code's decisions now, by route, with the precision of the labelled ones among them; 'weighted' is"
    )
    print(
        "the precision of all decisions, each route's labelled precision weighted by its number of decisions.\n"
    )
    print(f"{'set':8} {'use':9} {'route':9} {'decisions':>9} {'labelled':>8} {'precision':>9}")
    weighted: dict[tuple[str, str], list[float]] = {}
    for (set_name, use, how), count in sorted(population.items()):
        right, labelled = by_route_now.get((set_name, use, how), [0, 0])
        precision = right / labelled if labelled else None
        shown = f"{precision:.2f}" if precision is not None else "-"
        print(f"{set_name:8} {use:9} {how:9} {count:9d} {labelled:8d} {shown:>9}")
        if precision is not None:
            sums = weighted.setdefault((set_name, use), [0.0, 0.0])
            sums[0] += precision * count
            sums[1] += count
    for (set_name, use), (sum_right, count) in sorted(weighted.items()):
        print(f"{set_name:8} {use:9} {'weighted':9} {int(count):9d} {'':8} {sum_right / count:9.2f}")
    return {stratum: sum_right / count for stratum, (sum_right, count) in weighted.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["duc2004", "seeds", "all"], default="all")
    parser.add_argument(
        "--sample", type=int, default=0, help="list N unlabelled decisions per stratum to read"
    )
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    if args.sample:
        sample(args.set, args.sample, args.seed)
    else:
        score(args.set)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
