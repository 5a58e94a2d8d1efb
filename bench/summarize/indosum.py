"""IndoSum (Indonesian single-document news): kabar's summary against Lead-3 and LexRank, same scorer.

    .venv/bin/python -m bench.summarize.indosum [--fold 01] [--limit N]

ROUGE-1/2/L F1 (rouge-score with a Unicode word tokenizer, no stemmer; ROUGE-L is the summary-level `rougeLsum`)
against the one human summary of each article, averaged over the fold's articles. Extractive systems pick 3
sentences, as in the IndoSum paper. kabar runs the selection `brief_event` uses (kabar.briefing.summary.select) with a
3-sentence budget; an article is its own single-outlet event, so concepts are weighted by how many of its
sentences use them, and embeddings are off (with one outlet they only feed the redundancy check).
"""

from __future__ import annotations

import argparse
import json
import time

from bench.shared_data import require_dataset
from bench.summarize.common import IndoRouge, kabar_summary, lexrank
from kabar.briefing.features import attach_features
from kabar.records import Document, Sentence

SENTENCES = 3
# The paper's published test-set figures (pythonrouge / ROUGE-1.5.5, F1), for orientation only: other scorer,
# other folds (see SOURCE.md of the data set).
PUBLISHED = {"LEAD-3": (62.86, 54.50, 62.10), "NeuralSum": (67.96, 61.65, 67.24)}


def to_document(record: dict) -> Document:
    sentences: list[Sentence] = []
    paragraphs: list[str] = []
    offset = 0
    for paragraph_index, paragraph in enumerate(record["paragraphs"]):
        texts = [" ".join(tokens) for tokens in paragraph]
        for text in texts:
            sentences.append(Sentence(len(sentences), text, offset, offset + len(text), paragraph_index))
            offset += len(text) + 1
        paragraphs.append(" ".join(texts))
        offset += 1  # the second newline between paragraphs
    return Document(
        id=str(record["id"]),
        source=record.get("source_url") or str(record["id"]),
        text="\n\n".join(paragraphs),
        language="id",
        sentences=sentences,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fold", default="01", help="dev fold 01..05 (default 01)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args(argv)
    path = require_dataset("indosum") / f"dev.{args.fold}.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        records = records[: args.limit]
    rouge = IndoRouge()
    totals: dict[str, list[float]] = {}
    kabar_seconds = 0.0
    for record in records:
        document = attach_features(to_document(record), embed=False)
        sentences = [sentence.text for sentence in document.sentences]
        reference = [" ".join(tokens) for tokens in record["summary"]]
        tick = time.perf_counter()
        kabar = kabar_summary([document], 10**6, max_sentences=SENTENCES)
        kabar_seconds += time.perf_counter() - tick
        outputs = {
            "kabar": kabar,
            "Lead-3": sentences[:SENTENCES],
            "LexRank": [sentences[i] for i in sorted(lexrank(sentences, 10**6, max_sentences=SENTENCES))],
            "Oracle (gold labels)": [
                " ".join(tokens)
                for paragraph, labels in zip(record["paragraphs"], record["gold_labels"], strict=True)
                for tokens, label in zip(paragraph, labels, strict=True)
                if label
            ],
        }
        for name, peer in outputs.items():
            scores = rouge.score(peer, reference)
            bucket = totals.setdefault(name, [0.0, 0.0, 0.0])
            for k in range(3):
                bucket[k] += scores[k]
    count = len(records)
    print(
        f"IndoSum dev.{args.fold}: {count} articles, ROUGE F1 (rouge-score, Unicode tokenizer, no stemmer, "
        f"ROUGE-L = rougeLsum), {SENTENCES} sentences per extractive summary"
    )
    print()
    print("| system | R-1 | R-2 | R-L |")
    print("|---|---|---|---|")
    for name, bucket in sorted(totals.items(), key=lambda item: -item[1][0]):
        print(f"| {name} | {bucket[0] / count:.2f} | {bucket[1] / count:.2f} | {bucket[2] / count:.2f} |")
    print()
    print(f"kabar selection: {kabar_seconds / max(1, count) * 1000:.1f} ms per article (terms precomputed)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
