"""Over-removal check on real Indonesian news: clean IndoSum articles (../shared/data/indosum, read in place).

Run from the repository root:
  nice .venv/bin/python -m bench.clean.indosum_check [--files dev.01.jsonl] [--skip-ids-of F] [--limit N] [--show K]

dev.01 is the design fold. The held-out fold is dev.04 (the fold that shares the fewest article ids with dev.01:
25 of 750; dev.02 shares 34, dev.03 31, dev.05 26), read with ``--files dev.04.jsonl --skip-ids-of dev.01.jsonl``.
A second round designed on dev.02+dev.03 minus the ids of dev.01 and dev.04 (``--files dev.02.jsonl dev.03.jsonl
--skip-ids-of dev.01.jsonl dev.04.jsonl --limit 5000``) and checked on dev.05 minus the ids of dev.01-dev.04 (fresh)
and on dev.04 minus dev.01 again.

IndoSum's articles (CNN Indonesia, Kumparan, Antara, Merdeka, Suara, ... via an aggregator) are bodies that were
already cleaned by their makers, one paragraph per line here, but some "Baca juga" links and credits are left.
No line labels exist, so this prints what kabar removes, by reason, and a sample: every removal is either a
chrome line the makers missed (good) or a body paragraph lost (bad); read the sample to tell which.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from bench.shared_data import require_dataset
from kabar.clean.core import clean_detailed
from kabar.records import RawDocument

_NO_SPACE_BEFORE = re.compile(r"\s+([.,;:!?%)\]”’])")
_NO_SPACE_AFTER = re.compile(r"([(\[“‘])\s+")


def detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    text = re.sub(r'"\s+(.*?)\s+"', r'"\1"', text)
    return re.sub(r"\s*/\s*", "/", text)


def article_paragraphs(article: dict[str, object]) -> list[str]:
    """An IndoSum article's paragraphs as text, its tokenised sentences put back together."""
    paragraphs = article["paragraphs"]
    assert isinstance(paragraphs, list)
    return [" ".join(detokenise(sentence) for sentence in paragraph) for paragraph in paragraphs]


def require_folds(root: Path, names: list[str]) -> None:
    """Exit with a one-line error where a fold file named on the command line is not in the data set."""
    for name in names:
        if not (root / name).is_file():
            sys.exit(f"bench: IndoSum fold file {name!r} not found in {root}")


def fold_ids(root: Path, names: list[str] | tuple[str, ...]) -> set[str]:
    """The article ids of the fold files `names` (the --skip-ids-of folds)."""
    ids: set[str] = set()
    for name in names:
        ids.update(json.loads(line)["id"] for line in (root / name).read_text(encoding="utf-8").splitlines())
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", nargs="+", default=["dev.01.jsonl"], help="fold files, read in this order")
    parser.add_argument(
        "--skip-ids-of", nargs="*", default=[], help="fold files whose article ids are skipped"
    )
    parser.add_argument("--limit", type=int, default=750, help="articles to read (first N of --files)")
    parser.add_argument("--show", type=int, default=30, help="removed paragraphs to print")
    args = parser.parse_args()
    root = require_dataset("indosum")
    require_folds(root, [*args.files, *args.skip_ids_of])
    skip = fold_ids(root, args.skip_ids_of)
    articles = []
    for name in args.files:
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            if article["id"] in skip:
                continue
            articles.append(article)
            if len(articles) >= args.limit:
                break
        if len(articles) >= args.limit:
            break
    reasons: Counter[str] = Counter()
    paragraphs = removed = 0
    sample: list[str] = []
    for article in articles:
        lines = article_paragraphs(article)
        raw = RawDocument(source=article["id"], kind="text", body="\n\n".join(lines))
        _, result = clean_detailed(raw, doc_id=article["id"])
        paragraphs += len(lines)
        for item in result.removed:
            removed += 1
            reasons[item.reason] += 1
            if len(sample) < args.show:
                sample.append(f"  {article['id'][:40]} [{item.reason}] {item.text[:160]}")
    print(
        f"IndoSum {'+'.join(args.files)}, {len(articles)} articles, {paragraphs} paragraphs; {removed} removed ({removed / paragraphs:.1%})"
    )
    print("| reason | lines |")
    print("|---|---|")
    for reason, count in reasons.most_common():
        print(f"| {reason} | {count} |")
    print("counts: " + " ".join(f"{reason}={count}" for reason, count in sorted(reasons.items())))
    print("\n".join(sample))


if __name__ == "__main__":
    main()
