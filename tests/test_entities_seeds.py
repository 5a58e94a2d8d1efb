"""Acceptance on the bundled Kim–Putin example: the event's people, places and organisations, aliases merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.extract.entities import find_mentions, merge_entities, resolve
from kabar.extract.ner_lexicon import fold
from kabar.records import Document, Entity


@pytest.fixture(scope="module")
def seed_docs(example_paths: list[Path]) -> list[Document]:
    return [Document(id=p.stem, source=str(p), text=p.read_text(encoding="utf-8")) for p in example_paths]


@pytest.fixture(scope="module")
def seed_entities(seed_docs: list[Document]) -> list[Entity]:
    mentions = [m for doc in seed_docs for m in find_mentions(doc)]
    return merge_entities(seed_docs, mentions)


def _entity_named(entities: list[Entity], name: str) -> Entity:
    hits = [e for e in entities if fold(name) in {fold(e.name), *(fold(a) for a in e.aliases)}]
    assert len(hits) == 1, f"{name!r} should be exactly one entity, found {[h.name for h in hits]}"
    return hits[0]


def _forms(entity: Entity) -> set[str]:
    return {fold(entity.name), *(fold(a) for a in entity.aliases)}


@pytest.mark.parametrize(
    ("canonical", "kind", "variants"),
    [
        ("Kim Jong Un", "PER", ["Kim Jong-un", "Kim"]),
        ("Vladimir Putin", "PER", ["Putin"]),
        ("Dmitry Peskov", "PER", []),
        ("Sergei Shoigu", "PER", ["Shogu"]),
        ("Antonio Guterres", "PER", ["Guterres"]),
        ("Vostochny Cosmodrome", "LOC", ["Kosmodrom Vostochny"]),
        ("Pyongyang", "LOC", []),
        ("Korea Utara", "LOC", ["Korut"]),
        ("Amerika Serikat", "LOC", ["AS"]),
    ],
)
def test_seed_entities_with_aliases_merged(
    seed_entities: list[Entity], canonical: str, kind: str, variants: list[str]
) -> None:
    entity = _entity_named(seed_entities, canonical)
    assert entity.type == kind
    for variant in variants:
        assert fold(variant) in _forms(entity), f"{variant!r} not merged into {entity}"
    if kind == "PER":
        # The name is the full name, never a bare surname or a run that swallowed a second name.
        assert len(entity.name.split()) >= 2
        assert fold(entity.name) == fold(canonical) or fold(entity.name).replace(" ", "") == fold(
            canonical
        ).replace(" ", "")


def test_kremlin_is_one_organisation(seed_entities: list[Entity]) -> None:
    kremlin = _entity_named(seed_entities, "Kremlin")
    assert kremlin.type in {"ORG", "LOC"}
    assert len(kremlin.sources) >= 3


def test_entities_sorted_and_counted(seed_entities: list[Entity], seed_docs: list[Document]) -> None:
    keys = [(-e.mentions, e.name.casefold()) for e in seed_entities]
    assert keys == sorted(keys)
    putin = _entity_named(seed_entities, "Vladimir Putin")
    assert putin.sources == sorted(d.id for d in seed_docs)  # every seed article names Putin
    assert putin.mentions >= 20


def test_resolve_maps_short_names_to_the_event_entity(seed_entities: list[Entity]) -> None:
    assert (putin := resolve("Putin", seed_entities)) is not None and putin.name == "Vladimir Putin"
    assert (shoigu := resolve("Shogu", seed_entities)) is not None and fold(shoigu.name) == "sergei shoigu"
    assert (kremlin := resolve("Kremlin", seed_entities)) is not None and kremlin.name == "Kremlin"
    assert (guterres := resolve("Sekretaris Jenderal Guterres", seed_entities)) is not None
    assert guterres.name == "Antonio Guterres"
    assert resolve("Angela Merkel", seed_entities) is None


def test_mention_offsets_point_into_the_text(seed_docs: list[Document]) -> None:
    doc = seed_docs[2]
    mentions = find_mentions(doc)
    assert mentions
    for mention in mentions:
        assert doc.text[mention.start : mention.end] == mention.text
        assert mention.document == doc.id
        assert mention.type in {"PER", "ORG", "LOC"}
    assert any(m.text == "Dmitry Peskov" and m.type == "PER" for m in mentions)
