"""Alias rules on names outside the seed example: they must generalise, and must not merge distinct names."""

from __future__ import annotations

import pytest

from kabar.extract import ner_alias
from kabar.extract.entities import Mention, merge_entities, resolve


def _mentions(*pairs: tuple[str, str], doc: str = "d1") -> list[Mention]:
    return [Mention(text, kind, doc, i, 0, len(text)) for i, (text, kind) in enumerate(pairs)]


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("AS", "Amerika Serikat"),
        ("PBB", "Perserikatan Bangsa-Bangsa"),
        ("UN", "United Nations"),
        ("KTT", "Konferensi Tingkat Tinggi"),
    ],
)
def test_acronyms(short: str, full: str) -> None:
    assert ner_alias.is_acronym_of(short, full)


@pytest.mark.parametrize(
    ("short", "full"), [("Korut", "Korea Utara"), ("Jabar", "Jawa Barat"), ("Sulsel", "Sulawesi Selatan")]
)
def test_syllable_abbreviations(short: str, full: str) -> None:
    assert ner_alias.is_syllable_abbreviation_of(short, full)


def test_abbreviation_rules_reject_unrelated_names() -> None:
    assert not ner_alias.is_acronym_of("AS", "Arab Saudi Raya")
    assert not ner_alias.is_syllable_abbreviation_of("Korut", "Korea Selatan")
    assert not ner_alias.is_acronym_of("as", "Amerika Serikat")  # the Indonesian word, not the country


def test_misspelling_needs_a_long_word_and_unknown_names() -> None:
    assert ner_alias.is_misspelling_of("Jens Stoltenberg", "Jens Stoltenbreg") is False  # two letters swapped
    assert ner_alias.is_misspelling_of("Jens Stoltenberg", "Jens Stoltenbeg")
    assert not ner_alias.is_misspelling_of("Iran", "Iraq")
    assert not ner_alias.is_misspelling_of("Gambia", "Zambia")


def test_translated_word_order() -> None:
    assert ner_alias.translation_key("Korea Selatan") == ner_alias.translation_key("South Korea")
    assert ner_alias.translation_key("Universitas Gadjah Mada") == ner_alias.translation_key(
        "Gadjah Mada University"
    )
    assert ner_alias.translation_key("Jawa Barat") != ner_alias.translation_key("Jawa Timur")


def test_merge_joins_surnames_and_gazetteer_aliases_but_keeps_namesakes_apart() -> None:
    mentions = _mentions(
        ("Presiden Joko Widodo", "PER"),
        ("Widodo", "PER"),
        ("Jokowi", "PER"),
        ("Jawa Barat", "LOC"),
        ("Jabar", "LOC"),
        ("Jawa Timur", "LOC"),
        ("Moscow", "LOC"),
        ("Moskow", "LOC"),
        ("Moskow", "LOC"),
        ("Perserikatan Bangsa-Bangsa", "ORG"),
        ("PBB", "ORG"),
        ("United Nations", "ORG"),
        ("Gambia", "LOC"),
        ("Zambia", "LOC"),
    ) + _mentions(("Joko Widodo", "PER"), ("Widodo", "PER"), doc="d2")
    entities = merge_entities([], mentions)
    by_name = {e.name: e for e in entities}
    jokowi = by_name["Joko Widodo"]
    assert jokowi.type == "PER" and "Widodo" in jokowi.aliases and jokowi.sources == ["d1", "d2"]
    assert jokowi.mentions == 5
    assert "Jokowi" in jokowi.aliases  # syllable abbreviation: Joko + Wi(dodo)
    assert "Jabar" in by_name["Jawa Barat"].aliases and "Jawa Timur" in by_name
    assert by_name["Moskow"].aliases == ["Moscow"]
    assert {"PBB", "United Nations"} <= set(by_name["Perserikatan Bangsa-Bangsa"].aliases)
    assert "Gambia" in by_name and "Zambia" in by_name
    assert resolve("Widodo", entities) is jokowi
    assert resolve("UN", entities) is by_name["Perserikatan Bangsa-Bangsa"]
