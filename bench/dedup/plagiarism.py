"""Rewrite detection precision/recall on the Indonesian plagiarism corpus (PAN-2011 format) and on the seeds.

Every gold reuse case gives two passages (the suspicious passage and the source passage it was made from); random
passages of the same length range, cut from text outside every case, are added as distractors. All passages go
through `kabar.dedup.find_duplicates` together (the LSH index, then sentence confirmation), exactly as articles
would. A detected pair is correct when both passages come from overlapping regions of one source text (a gold pair,
or two suspicious passages reusing one source region); recall is per obfuscation type.

    .venv/bin/python -m bench.dedup.plagiarism            # tables with the shipped constants
    .venv/bin/python -m bench.dedup.plagiarism --sweep    # precision/recall over the similarity threshold
"""

from __future__ import annotations

import argparse
import random
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import kabar.dedup.align as dedup_align
import kabar.dedup.index as dedup_index
from bench.shared_data import require_dataset
from kabar.dedup import find_duplicates
from kabar.records import Document
from kabar.text import analyse

DISTRACTORS = 400
SEED = 7


@dataclass(slots=True)
class Passage:
    key: str
    text: str
    origin: tuple[str, int, int] | None  # (source file, start, end) the text was made from; None: distractor
    kind: str | None  # obfuscation type of a suspicious passage


def _clean(raw: str) -> str:
    """Hard-wrapped lines become one paragraph; blank lines stay paragraph breaks."""
    paragraphs = re.split(r"\n\s*\n", raw)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def load_cases(root: Path) -> tuple[list[Passage], list[tuple[str, str, str]]]:
    passages: list[Passage] = []
    gold: list[tuple[str, str, str]] = []
    covered: dict[str, list[tuple[int, int]]] = {}
    texts: dict[str, str] = {}

    def text_of(folder: str, name: str) -> str:
        if name not in texts:
            texts[name] = (root / folder / name).read_text(encoding="utf-8", errors="replace")
        return texts[name]

    for xml in sorted((root / "suspicious-documents").glob("*.xml")):
        suspicious = xml.with_suffix(".txt").name
        for n, feature in enumerate(ET.parse(xml).getroot().iter("feature")):
            if feature.get("name") != "plagiarism":
                continue
            kind = feature.get("obfuscation") or feature.get("type") or "unknown"
            if feature.get("type") == "simulated":
                kind = "simulated"
            this_start = int(feature.get("this_offset", 0))
            this_end = this_start + int(feature.get("this_length", 0))
            source = feature.get("source_reference", "")
            source_start = int(feature.get("source_offset", 0))
            source_end = source_start + int(feature.get("source_length", 0))
            suspicious_key = f"s:{suspicious}#{n}"
            source_key = f"o:{source}@{source_start}"
            passages.append(
                Passage(
                    suspicious_key,
                    _clean(text_of("suspicious-documents", suspicious)[this_start:this_end]),
                    (source, source_start, source_end),
                    kind,
                )
            )
            if all(p.key != source_key for p in passages):
                passages.append(
                    Passage(
                        source_key,
                        _clean(text_of("source-documents", source)[source_start:source_end]),
                        (source, source_start, source_end),
                        None,
                    )
                )
            gold.append((suspicious_key, source_key, kind))
            covered.setdefault(suspicious, []).append((this_start, this_end))
            covered.setdefault(source, []).append((source_start, source_end))
    # Distractors: windows of 250-1,500 characters (the gold passages' range) outside every case.
    rng = random.Random(SEED)
    files = sorted((root / "suspicious-documents").glob("*.txt")) + sorted(
        (root / "source-documents").glob("*.txt")
    )
    made = 0
    while made < DISTRACTORS:
        path = rng.choice(files)
        text = text_of(path.parent.name, path.name)
        length = rng.randint(250, 1500)
        if len(text) <= length:
            continue
        start = rng.randrange(0, len(text) - length)
        end = start + length
        if any(start < b and a < end for a, b in covered.get(path.name, [])):
            continue
        covered.setdefault(path.name, []).append((start, end))
        passages.append(Passage(f"d:{path.name}@{start}", _clean(text[start:end]), None, None))
        made += 1
    return passages, gold


def related(a: Passage, b: Passage) -> bool:
    if a.origin is None or b.origin is None:
        return False
    return a.origin[0] == b.origin[0] and a.origin[1] < b.origin[2] and b.origin[1] < a.origin[2]


def evaluate(passages: list[Passage], gold: list[tuple[str, str, str]]) -> dict[str, object]:
    docs = [analyse(Document(id=p.key, source=p.key, text=p.text, language="id")) for p in passages]
    started = time.perf_counter()
    found = find_duplicates(docs)
    elapsed = time.perf_counter() - started
    by_key = {p.key: p for p in passages}
    detected = {tuple(d.documents) for d in found}
    correct = sum(1 for a, b in detected if related(by_key[a], by_key[b]))
    per_kind: Counter[str] = Counter()
    hit_kind: Counter[str] = Counter()
    for suspicious, source, kind in gold:
        per_kind[kind] += 1
        if tuple(sorted((suspicious, source))) in detected:
            hit_kind[kind] += 1
    return {
        "precision": correct / len(detected) if detected else 1.0,
        "detected": len(detected),
        "correct": correct,
        "recall": sum(hit_kind.values()) / len(gold),
        "per_kind": {kind: (hit_kind[kind], per_kind[kind]) for kind in sorted(per_kind)},
        "seconds": elapsed,
        "documents": len(docs),
    }


def seeds() -> None:
    from kabar.ingest import read_paths
    from kabar.pipeline import prepare

    paths = sorted((Path(__file__).resolve().parents[2] / "examples" / "kim-putin-2023").glob("*.txt"))
    docs = [prepare(raw) for raw in read_paths(paths)]
    names = {doc.id: Path(doc.source).name[:3] for doc in docs}
    pairs = [
        (sorted([names[a], names[b]]), d.similarity, d.kind)
        for d in find_duplicates(docs)
        for a, b in [d.documents]
    ]
    correct = sum(1 for names_, _, _ in pairs if names_ == ["000", "002"])
    print("\n### Seeds (gold: exactly the pair 000-002)\n")
    print("| detected pairs | precision | recall |\n| --- | --- | --- |")
    listed = ", ".join(f"{a}-{b} ({kind}, {similarity})" for (a, b), similarity, kind in pairs) or "none"
    print(f"| {listed} | {correct / len(pairs) if pairs else 1.0:.2f} | {correct:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true", help="precision/recall over REWRITE_MIN_SIMILARITY")
    args = parser.parse_args()
    passages, gold = load_cases(require_dataset("id-plagiarism-corpus"))
    if args.sweep:
        for estimate in (0.03, 0.05):
            for dice in (0.4, 0.5, 0.6):
                for threshold in (0.15, 0.2, 0.25, 0.3):
                    dedup_index.MIN_ESTIMATED_JACCARD = estimate
                    dedup_index.REWRITE_MIN_SIMILARITY = threshold
                    dedup_align.SENTENCE_MATCH_DICE = dice
                    r = evaluate(passages, gold)
                    print(
                        f"estimate>={estimate} dice>={dice} similarity>={threshold}: P={r['precision']:.3f} "
                        f"R={r['recall']:.3f} {r['per_kind']}"
                    )
        return
    r = evaluate(passages, gold)
    n_gold = len(gold)
    print(
        f"### Indonesian plagiarism corpus: {n_gold} gold reuse cases, {len(passages)} passages "
        f"({DISTRACTORS} distractors)\n"
    )
    print(
        f"Pairs detected: {r['detected']}, correct: {r['correct']}; precision {r['precision']:.3f}, recall {r['recall']:.3f}; "
        f"{r['documents']} passages in {r['seconds']:.2f} s\n"
    )
    print("| case type | found / gold | recall |\n| --- | --- | --- |")
    for kind, (hit, total) in r["per_kind"].items():  # type: ignore[union-attr]
        print(f"| {kind} | {hit} / {total} | {hit / total:.2f} |")
    seeds()


if __name__ == "__main__":
    main()
