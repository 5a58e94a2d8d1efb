"""Outlet accuracy on real Indonesian news: IndoSum articles (../shared/data/indosum, read in place).

Each IndoSum article carries the outlet it came from (`source`: CNN Indonesia, Antaranews, Merdeka, Suara, Pos Kota,
Juara.net, Rimanews, Kumparan, DailySocial, Goal Indonesia). Most outlets open their articles with a dateline that
names them ("Jakarta, CNN Indonesia --", "Wamena (ANTARA News) -", "Merdeka.com -", "JUARA.NET, TOKYO -",
"Rimanews -"); some never do (Kumparan, DailySocial, Goal) and some only sometimes ("SPANYOL – Barcelona ...").
The expected outlet is taken from the data, not from kabar: where the article's dateline (its opening up to the
first dash, within OPENING_CHARS characters) prints one of the names its `source` goes by (OUTLET_NAMES), kabar
should report that outlet; where it prints none, the text does not say who published it and kabar should report
none ("unknown stays null") — unless the dateline names another outlet whose article the source republished
("BOLASPORT.COM -" on Juara.net), which the error list shows for a reader to judge. Scores: accuracy where the text names the outlet, and the share of the other articles where kabar
reports an outlet anyway (a guess shown as fact).

IndoSum's text is tokenised; it is put back together as indosum_check does, and the "- -" that tokenising made of
CNN Indonesia's "--" is joined again, as the outlet prints it.

Run from the repository root (dev.01 is the design fold, as in indosum_check; dev.04 without dev.01's ids the
check):
  nice .venv/bin/python -m bench.clean.outlet_bench [--files dev.01.jsonl ...] [--skip-ids-of F ...] [--show-errors N]
  nice .venv/bin/python -m bench.clean.outlet_bench --files dev.04.jsonl --skip-ids-of dev.01.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.clean.indosum_check import article_paragraphs, fold_ids, require_folds
from bench.shared_data import require_dataset
from kabar.clean.core import clean_detailed
from kabar.records import RawDocument

# The names each IndoSum source prints for itself in a dateline, as written on its pages (case is ignored). A
# source without names never signs its articles in the text.
OUTLET_NAMES: dict[str, tuple[str, ...]] = {
    "cnn indonesia": ("CNN Indonesia",),
    "antaranews": ("ANTARA News", "Antaranews", "ANTARA"),
    "merdeka": ("Merdeka.com",),
    "suara": ("Suara.com",),
    "poskotanews": ("Pos Kota", "Poskotanews"),
    "juara.net": ("JUARA.net", "Juara.com"),
    "rimanews": ("Rimanews",),
    "kumparan": ("kumparan", "kumparan.com"),
    "dailysocial.id": ("DailySocial", "DailySocial.id"),
    "goal indonesia": ("Goal.com", "Goal Indonesia"),
}
# A dateline sits in the article's first characters ("Wamena (ANTARA News) -" is 22); 80 covers the longest
# place-and-outlet dateline seen in the dev folds and stays short of the first sentence's own mentions.
OPENING_CHARS = 80


def _folded(name: str | None) -> str:
    return re.sub(r"\W+", "", name or "").casefold()


# The dash that ends a dateline: "Rimanews -", "SPANYOL –", "Jakarta, CNN Indonesia --", also glued to the next
# word ("JAKARTA (Pos Kota) –Presiden").
_DATELINE_DASH = re.compile(r"\s(?:--|-|–|—)")


def expected_outlet(source: str, text: str) -> str | None:
    """The name the article's dateline prints for its own outlet (the opening up to its first dash), or None where
    the opening has no dateline or its dateline names none ("Pekan lalu, DailySocial berkesempatan ..." names the
    outlet in a sentence: that is no signature)."""
    dash = _DATELINE_DASH.search(text[:OPENING_CHARS])
    if dash is None:
        return None
    opening = text[: dash.start()].casefold()
    for name in OUTLET_NAMES.get(source, ()):
        if name.casefold() in opening:
            return name
    return None


def article_text(article: dict[str, object]) -> str:
    return re.sub(r"(?<=\w) - - (?=\w)", " -- ", "\n\n".join(article_paragraphs(article)))


@dataclass
class OutletScore:
    articles: int = 0
    named: Counter[str] = field(default_factory=Counter)
    named_right: Counter[str] = field(default_factory=Counter)
    unnamed: Counter[str] = field(default_factory=Counter)
    unnamed_guessed: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of the articles whose dateline names their outlet where kabar reports that outlet."""
        return sum(self.named_right.values()) / max(sum(self.named.values()), 1)

    @property
    def guessed(self) -> float:
        """Share of the articles whose text names no outlet where kabar reports one anyway."""
        return sum(self.unnamed_guessed.values()) / max(sum(self.unnamed.values()), 1)


def score_outlets(root: Path, files: list[str], skip_ids_of: tuple[str, ...] | list[str] = ()) -> OutletScore:
    """kabar's outlet on every article of the fold `files` (each id once), leaving out the ids of `skip_ids_of`."""
    seen = fold_ids(root, skip_ids_of)
    result = OutletScore()
    for name in files:
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            if article["id"] in seen:
                continue
            seen.add(article["id"])
            result.articles += 1
            source = article["source"]
            text = article_text(article)
            document, _ = clean_detailed(
                RawDocument(source=article["id"], kind="text", body=text), doc_id="x"
            )
            expected = expected_outlet(source, text)
            if expected is None:
                result.unnamed[source] += 1
                if document.outlet is not None:
                    result.unnamed_guessed[source] += 1
                    result.errors.append(f"{source:15} expected none, got {document.outlet!r}: {text[:90]!r}")
                continue
            result.named[source] += 1
            if _folded(document.outlet) in {_folded(alias) for alias in OUTLET_NAMES[source]}:
                result.named_right[source] += 1
            else:
                result.errors.append(
                    f"{source:15} expected {expected!r}, got {document.outlet!r}: {text[:90]!r}"
                )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", nargs="+", default=["dev.01.jsonl"], help="IndoSum fold files")
    parser.add_argument(
        "--skip-ids-of", nargs="*", default=[], help="fold files whose article ids are skipped"
    )
    parser.add_argument("--show-errors", type=int, default=0, help="print the first N wrong articles")
    args = parser.parse_args()
    root = require_dataset("indosum")
    require_folds(root, [*args.files, *args.skip_ids_of])
    result = score_outlets(root, args.files, args.skip_ids_of)
    print(f"IndoSum {'+'.join(args.files)}: {result.articles} articles")
    print("| source | text names it | kabar right | text names none | kabar guesses one |")
    print("|---|---|---|---|---|")
    for source in sorted(set(result.named) | set(result.unnamed)):
        print(
            f"| {source} | {result.named[source]} | {result.named_right[source]} | {result.unnamed[source]} | "
            f"{result.unnamed_guessed[source]} |"
        )
    named, unnamed = sum(result.named.values()), sum(result.unnamed.values())
    print(
        f"\noutlet accuracy where the text names it: {result.accuracy:.3f} ({sum(result.named_right.values())}/{named}); "
        f"an outlet reported where the text names none: {result.guessed:.3f} "
        f"({sum(result.unnamed_guessed.values())}/{unnamed})"
    )
    for error in result.errors[: args.show_errors]:
        print(error)


if __name__ == "__main__":
    main()
