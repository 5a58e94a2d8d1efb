"""A list of given names and surnames of many countries for the entity CRF, built offline, in one command.

    .venv/bin/python -m bench.ner.persons      # writes src/kabar/extract/models/person-names.tsv

`models/given-names.txt` holds a few hundred common given names; persons the CRF misses in Wikipedia-style
text are mostly foreign surnames standing alone ("Barrett", "Bhosle"). This list gives it "known given name" /
"known surname" features (`kabar.extract.ner_crf.person_names`): the given names and surnames of every
Latin-script locale of the `faker` package's person provider (MIT; name lists drawn from census and registry
data of each country). It is read at build time only; kabar ships the file, so faker is not needed at run time.
Each line: the folded name (`kabar.extract.ner_lexicon.fold`), then "f", "l" or "fl" (given name, surname,
both). Sorted (deterministic). The CRF learns how far to trust the features: many names are also words.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from pathlib import Path

from kabar.extract.ner_crf import person_names_path
from kabar.extract.ner_lexicon import fold

# Shortest name kept, in letters: one- and two-letter entries are initials and particles.
MIN_NAME_LETTERS = 3
# Highest code point of a Latin-script name (Latin Extended-B ends at U+024F): other scripts never reach the CRF
# as written in Indonesian and English text.
LATIN_MAX_CODE_POINT = 0x24F
FIRST_NAME_LISTS = ("first_names", "first_names_male", "first_names_female")
LAST_NAME_LISTS = ("last_names", "last_names_male", "last_names_female")


def _names(value: object) -> set[str]:
    """A provider attribute's names: faker keeps them as tuples, lists or name -> weight dicts."""
    if isinstance(value, dict | list | tuple | set | frozenset):
        return {v for v in value if isinstance(v, str)}
    return set()


def person_names() -> dict[str, str]:
    """Folded name -> "f", "l" or "fl"."""
    import faker.providers.person as providers

    first: set[str] = set()
    last: set[str] = set()
    for module_info in sorted(pkgutil.iter_modules(providers.__path__), key=lambda m: m.name):
        provider = importlib.import_module(f"{providers.__name__}.{module_info.name}").Provider
        for attribute in FIRST_NAME_LISTS:
            first |= _names(getattr(provider, attribute, ()))
        for attribute in LAST_NAME_LISTS:
            last |= _names(getattr(provider, attribute, ()))
    kinds: dict[str, str] = {}
    for kind, names in (("f", first), ("l", last)):
        for name in names:
            if not name[:1].isupper() or any(ord(c) > LATIN_MAX_CODE_POINT for c in name):
                continue
            folded = fold(name)
            if sum(c.isalpha() for c in folded) >= MIN_NAME_LETTERS and " " not in folded:
                kinds[folded] = "".join(sorted(set(kinds.get(folded, "") + kind)))
    return dict(sorted(kinds.items()))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=person_names_path())
    args = parser.parse_args()
    names = person_names()
    header = "# Given names (f) and surnames (l), folded, built by `python -m bench.ner.persons` from faker (MIT)\n"
    lines = [f"{name}\t{kind}" for name, kind in names.items()]
    args.out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
