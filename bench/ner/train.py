"""Train the shipped CRF entity model from the shared Indonesian NER sets, in one command.

    .venv/bin/python -m bench.ner.train            # writes src/kabar/extract/models/ner-id.crfsuite

What it trains on and what is held out is in `bench/ner/data.py`. Run it under `nice`: it takes a few minutes.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pycrfsuite

from bench.ner.data import training_sentences
from kabar.extract.ner_crf import DEFAULT_GROUPS, model_path, sentence_features

# L1 and L2 regularisation and iterations: chosen by NERGrit-valid cross-checks (see docs/BENCHMARKS.md (entities));
# L1 also prunes features, which keeps the model file at a few MB.
DEFAULT_C1 = 0.1
DEFAULT_C2 = 0.05
DEFAULT_MAX_ITERATIONS = 100
# Copies of the NERGrit valid sentences in training: the only Wikipedia-style (non-news) part, 209 sentences
# among ~4,500. By `bench.ner.tune` (3-fold CV on NERGrit valid, macro F1): without domain features 1 / 3 / 4 / 6
# / 8 copies gave 54.7 / 55.3 / 56.9 / 56.2 / 57.5 (features differed slightly between runs); with domain
# features 2 / 4 / 8 copies gave 60.5 / 60.2 / 58.8.
DEFAULT_NERGRIT_WEIGHT = 2
# Corpora whose untagged organisations get NERGrit's convention (`bench.ner.data.tag_untagged_organisations`).
# NERGrit-valid cross-validation (`bench.ner.errors`, word clusters on): CRF macro F1 60.7 -> 62.4 (ORG 43.6 ->
# 47.2) with all four news corpora relabelled.
DEFAULT_RELABEL: frozenset[str] = frozenset({"nerp", "nerugm", "nerui", "idner"})
# Parts trained under their own genre copies of the features instead of their Part's (`--domain-of`).
DEFAULT_DOMAINS_OF: dict[str, str] = {}
# Features seen fewer times than this in training are dropped (rare word identities mostly).
DEFAULT_MIN_FEATURE_FREQUENCY = 1


def comma_set(value: str) -> frozenset[str]:
    """A comma-separated option as a set; '' or '-' for none."""
    return frozenset(item for item in value.split(",") if item and item != "-")


def comma_pairs(value: str) -> dict[str, str]:
    """A comma-separated option of key=value pairs."""
    return dict(item.split("=", 1) for item in value.split(",") if item)


def add_cross_validation_options(parser: argparse.ArgumentParser) -> None:
    """The training-data and feature options the cross-validation benches (tune, errors) share."""
    parser.add_argument("--without", default="", help="comma-separated training parts to leave out")
    parser.add_argument(
        "--relabel",
        default=",".join(sorted(DEFAULT_RELABEL)),
        help="parts given NERGrit's organisation convention ('-' for none)",
    )
    parser.add_argument("--domain-of", default="", help="part=domain overrides, comma-separated")
    parser.add_argument(
        "--groups",
        default=",".join(sorted(DEFAULT_GROUPS)),
        help="feature groups, comma-separated ('' for none)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=model_path())
    parser.add_argument("--c1", type=float, default=DEFAULT_C1)
    parser.add_argument("--c2", type=float, default=DEFAULT_C2)
    parser.add_argument("--max-iterations", type=int, default=DEFAULT_MAX_ITERATIONS)
    parser.add_argument("--min-freq", type=float, default=DEFAULT_MIN_FEATURE_FREQUENCY)
    parser.add_argument("--nergrit-weight", type=int, default=DEFAULT_NERGRIT_WEIGHT)
    parser.add_argument(
        "--no-domains", dest="domains", action="store_false", help="no domain-adapted feature copies"
    )
    parser.add_argument("--parts", help="comma-separated training parts or corpus prefixes (default: all)")
    parser.add_argument(
        "--groups",
        default=",".join(sorted(DEFAULT_GROUPS)),
        help="feature groups (the tagger uses kabar.extract.ner_crf.DEFAULT_GROUPS: change both together)",
    )
    parser.add_argument(
        "--relabel", default=",".join(sorted(DEFAULT_RELABEL)), help="corpora given NERGrit's ORG convention"
    )
    parser.add_argument(
        "--domain-of",
        default=",".join(f"{k}={v}" for k, v in DEFAULT_DOMAINS_OF.items()),
        help="part=domain overrides",
    )
    args = parser.parse_args()

    include = set(args.parts.split(",")) if args.parts else None
    groups = comma_set(args.groups)
    sentences, counts, domains = training_sentences(
        include, {"nergrit-valid": args.nergrit_weight}, comma_pairs(args.domain_of), comma_set(args.relabel)
    )
    print(
        f"feature groups: {sorted(groups)}; relabelled: {args.relabel or '-'}; domains: {args.domain_of or '-'}"
    )
    print("training parts:", ", ".join(f"{name} {n}" for name, n in counts.items()))
    print(f"training sentences: {len(sentences)}, tokens: {sum(len(s.words) for s in sentences)}")
    trainer = pycrfsuite.Trainer(verbose=False)
    started = time.perf_counter()
    for sentence, domain in zip(sentences, domains, strict=True):
        trainer.append(
            sentence_features(sentence.words, domain if args.domains else None, groups), sentence.tags
        )
    print(f"features: {time.perf_counter() - started:.1f}s")
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.max_iterations,
            "feature.minfreq": args.min_freq,
            "feature.possible_transitions": True,
        }
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    trainer.train(str(args.out))
    size = args.out.stat().st_size
    print(f"trained in {time.perf_counter() - started:.1f}s -> {args.out} ({size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
