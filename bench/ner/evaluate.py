"""Score the shipped (or a given) CRF entity model on the held-out shared NER files, and time it.

    .venv/bin/python -m bench.ner.evaluate [--model PATH]

Prints, per held-out file, IndoNLU's macro F1 (mean of per-type entity F1) and the micro F1, per-type F1, and
tagging speed in sentences per second on one core (features + Viterbi, as `find_mentions` runs them).
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from bench.ner.data import EVAL_PARTS, LOWER, NEWS, WIKI, load
from bench.shared_data import REPO_ROOT
from kabar.extract.entities import INDONESIAN_CORRECTIONS, tag_words
from kabar.extract.ner_crf import CrfTagger, model_path
from kabar.extract.ner_eval import score


def _rule_tags(words: list[str]) -> list[str]:
    from kabar.extract.ner_lexicon import Token
    from kabar.extract.ner_rules import rule_spans

    tags = ["O"] * len(words)
    for span in rule_spans([Token(w, 0, 0) for w in words]):
        tags[span.start] = f"B-{span.type}"
        for k in range(span.start + 1, span.end):
            tags[k] = f"I-{span.type}"
    return tags


def seed_speed(rounds: int = 5) -> None:
    """`find_mentions` end to end (sentences, tokens, model, corrections, consistency) on the seed articles."""
    from kabar.extract.entities import find_mentions
    from kabar.records import Document
    from kabar.text import split_sentences

    paths = sorted((REPO_ROOT / "examples" / "kim-putin-2023").glob("*.txt"))
    docs = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        docs.append(Document(id=path.stem, source=str(path), text=text, sentences=split_sentences(text)))
    find_mentions(docs[0])  # load the model outside the timing
    started = time.process_time()
    for _ in range(rounds):
        mentions = [m for doc in docs for m in find_mentions(doc)]
    elapsed = (time.process_time() - started) / rounds
    sentences = sum(len(d.sentences) for d in docs)
    print(
        f"find_mentions on the {len(docs)} seed articles: {sentences} sentences, {len(mentions)} mentions, "
        f"{sentences / elapsed:.0f} sentences/s, {len(docs) / elapsed:.1f} documents/s (one core)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=model_path())
    parser.add_argument(
        "--crf-only", action="store_true", help="score the CRF alone, without the gazetteer pass"
    )
    parser.add_argument("--rules-only", action="store_true", help="score the rule+gazetteer recogniser alone")
    parser.add_argument(
        "--news-everywhere",
        action="store_true",
        help="tag every file with the news features kabar uses (default: NERGrit with its wiki features, NERP "
        "with its lowercase ones)",
    )
    parser.add_argument(
        "--org-patterns",
        action="store_true",
        help="add the organisation patterns (kabar.extract.ner_orgs) to the shipped Indonesian corrections",
    )
    parser.add_argument("--only", help="substring of the held-out set names to score")
    args = parser.parse_args()
    taggers = {domain: CrfTagger(args.model, domain) for domain in (WIKI, NEWS, LOWER)}
    print(f"model: {args.model} ({args.model.stat().st_size / 1e6:.2f} MB)")
    print("| set | features | sentences | macro F1 | micro F1 | PER F1 | ORG F1 | LOC F1 | sentences/s |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for part in EVAL_PARTS:
        if args.only and args.only.lower() not in part.name.lower():
            continue
        sentences = load(part)
        domain = NEWS if args.news_everywhere else part.domain
        tagger = taggers[domain]
        started = time.process_time()
        if args.rules_only:
            predicted = [_rule_tags(s.words) for s in sentences]
        elif args.crf_only:
            predicted = [tagger.tags(s.words) for s in sentences]
        else:
            corrections = replace(INDONESIAN_CORRECTIONS, org_patterns=args.org_patterns)
            predicted = [tag_words(s.words, tagger, corrections) for s in sentences]
        elapsed = time.process_time() - started
        result = score([s.tags for s in sentences], predicted)
        per = {k: f"{v[2] * 100:.1f}" for k, v in result.per_type.items()}
        print(
            f"| {part.name} | {domain} | {len(sentences)} | {result.macro_f1 * 100:.1f} | {result.micro_f1 * 100:.1f} "
            f"| {per.get('PER', '-')} | {per.get('ORG', '-')} | {per.get('LOC', '-')} "
            f"| {len(sentences) / elapsed:.0f} |"
        )
    seed_speed()


if __name__ == "__main__":
    main()
