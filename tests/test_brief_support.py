"""Support precision: a summary sentence or a fact names only documents that say its claim.

Each case imitates a mistake found by reading the briefing's citations on DUC 2004 and on the seed articles
(bench/summarize/support_audit.py, labels in bench/summarize/data/support_audit.tsv); the sentences are
invented in the same pattern. Each case has a control: the document that does say the claim is still cited, so
that a test cannot pass by citing nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.briefing.facts import build_facts
from kabar.briefing.pool import Pool, build_pool, claim_numbers, negated
from kabar.briefing.summary import supporters
from kabar.records import Document
from kabar.text import analyse


def _pool(texts: dict[str, str], language: str) -> Pool:
    documents = [
        analyse(Document(id=doc_id, source=f"{doc_id}.txt", text=text, language=language))
        for doc_id, text in texts.items()
    ]
    return build_pool(documents)


def _unit(pool: Pool, doc_id: str, start: str) -> int:
    for index, unit in enumerate(pool.units):
        if pool.documents[unit.doc].id == doc_id and unit.text.startswith(start):
            return index
    raise AssertionError(f"no sentence of {doc_id} starts with {start!r}")


def _cited(pool: Pool, index: int) -> set[str]:
    return {pool.documents[doc].id for doc in supporters(pool, index)}


_SHUTTLE_FILLER = (
    "The shuttle carried the first American part of the station into orbit. "
    "Engineers at the space centre watched the docking on large screens during the night. "
    "The Russian module had been launched from Kazakhstan two weeks earlier."
)


def test_a_different_number_is_not_support_english() -> None:
    # DUC d30047: "three spacewalks were planned" was cited to "one more spacewalk is planned".
    pool = _pool(
        {
            "a": "Three spacewalks were planned for the crew of Endeavour during the long flight. "
            + _SHUTTLE_FILLER,
            "b": "Four spacewalks were planned for the crew of Endeavour during the long flight. "
            + _SHUTTLE_FILLER,
            "c": "Three spacewalks were planned for the crew of Endeavour during the long flight. "
            + _SHUTTLE_FILLER,
        },
        "en",
    )
    claim = _unit(pool, "a", "Three spacewalks")
    assert _cited(pool, claim) == {"a", "c"}


def test_another_person_and_term_is_not_support() -> None:
    # DUC d30022: "Xu spent 12 years in prison" was cited to "Wang, who spent two years in prison ...".
    filler = (
        "The dissidents tried to register an opposition party in several provinces. "
        "Police detained dozens of its members in the autumn, rights groups said. "
        "Diplomats in Beijing followed the trials closely over the following weeks."
    )
    pool = _pool(
        {
            "a": "Xu spent 12 years in prison for his writings. " + filler,
            "b": "Wang, a student leader, spent two years in prison for his writings after the protests. "
            + filler,
            "c": "Xu, now 55, spent 12 years in prison for his writings. " + filler,
        },
        "en",
    )
    claim = _unit(pool, "a", "Xu spent")
    assert _cited(pool, claim) == {"a", "c"}


def test_a_negated_sentence_does_not_support_the_claim() -> None:
    # DUC d30046: "The House debate was not history" was grouped with a longer sentence holding its words.
    filler = (
        "Members of both parties spoke for hours on the floor of the chamber. "
        "The vote on the articles is expected late on Saturday evening. "
        "Leaders of the majority met their members behind closed doors."
    )
    pool = _pool(
        {
            "a": "The long House debate was historic. " + filler,
            "b": "Speakers from the minority told reporters in the lobby that the long House debate on the four "
            "charges was not historic at all, whatever the majority claims. " + filler,
            "c": "Speakers from the majority told reporters in the lobby that the long House debate on the four "
            "charges was historic, whatever the minority claims. " + filler,
        },
        "en",
    )
    claim = _unit(pool, "a", "The long House debate")
    cited = _cited(pool, claim)
    assert "c" in cited and "b" not in cited


def test_two_sentences_from_different_claims_are_not_support() -> None:
    # DUC d31031: "three Republicans voted against the bill" was cited to a document whose budget-talks sentence
    # and another sentence together held its words.
    pool = _pool(
        {
            "a": "Three Republicans voted against the budget bill in the Senate on Friday. "
            "The president praised the senators who stood with him on the measure. "
            "The bill now goes to the House of Representatives next week.",
            "b": "Three Republicans broke ranks with their party on Friday. "
            "The budget bill is still waiting for a vote in the Senate committee. "
            "The president praised the senators who stood with him on the measure.",
            "c": "In the Senate, three Republicans voted against the budget bill on Friday. "
            "The bill now goes to the House of Representatives next week. "
            "The president praised the senators who stood with him on the measure.",
        },
        "en",
    )
    claim = _unit(pool, "a", "Three Republicans")
    assert _cited(pool, claim) == {"a", "c"}


_KIM_FILLER = (
    "Pertemuan itu menjadi sorotan negara-negara Barat yang khawatir akan kerja sama militer kedua negara. "
    "Para analis menilai Rusia membutuhkan amunisi untuk perangnya di Ukraina. "
    "Korea Utara berharap mendapat bantuan teknologi satelit dari Moskow."
)


def test_a_different_number_is_not_support_indonesian() -> None:
    # The seeds' pattern of rewritten sentences, with the number changed: the same words around another number
    # are another claim, however close the paraphrase score.
    pool = _pool(
        {
            "a": "Kim Jong Un menghabiskan enam hari di Rusia dengan kereta lapis baja miliknya. "
            + _KIM_FILLER,
            "b": "Kim Jong Un menghabiskan tiga hari di Rusia dengan kereta lapis baja miliknya. "
            + _KIM_FILLER,
            "c": "Kim Jong Un menghabiskan 6 hari di Rusia dengan kereta lapis baja miliknya. " + _KIM_FILLER,
        },
        "id",
    )
    claim = _unit(pool, "a", "Kim Jong Un menghabiskan")
    assert _cited(pool, claim) == {"a", "c"}
    facts = [fact for fact in build_facts(pool) if "menghabiskan" in fact.text]
    assert facts and all("b" not in fact.sources for fact in facts if "a" in fact.sources), facts


def test_a_negated_sentence_is_not_support_indonesian() -> None:
    pool = _pool(
        {
            "a": "Kremlin mengonfirmasi kedatangan Kim Jong Un. " + _KIM_FILLER,
            "b": "Juru bicara pemerintah daerah mengatakan kepada para wartawan asing bahwa Kremlin tidak "
            "mengonfirmasi kedatangan Kim Jong Un di stasiun perbatasan Khasan dekat Vladivostok pada Selasa malam "
            "itu. " + _KIM_FILLER,
            "c": "Juru bicara pemerintah daerah mengatakan kepada para wartawan asing bahwa Kremlin mengonfirmasi "
            "kedatangan Kim Jong Un di stasiun perbatasan Khasan dekat Vladivostok pada Selasa malam itu. "
            + _KIM_FILLER,
        },
        "id",
    )
    claim = _unit(pool, "a", "Kremlin mengonfirmasi")
    cited = _cited(pool, claim)
    assert "c" in cited and "b" not in cited


def test_claim_numbers_and_negation_read_both_languages() -> None:
    assert claim_numbers("They met on Wednesday (13/9/2023).") == claim_numbers("Rabu, 13 September 2023")
    assert claim_numbers("three spacewalks") == claim_numbers("3 spacewalks") == {"3"}
    assert claim_numbers("dlrs 400,000") == {"400000"}
    assert claim_numbers("one of the most active members") == frozenset()
    assert negated("The debate was not history.") and negated("Kremlin tidak mengonfirmasi.")
    assert negated("He didn't come.") and not negated("Tak ayal, Kim pun bersemangat.")


@pytest.mark.quality
def test_hand_labelled_support_precision_holds(shared_data: Path) -> None:
    # The audit's decisions re-taken by the current code (bench/summarize/support_audit.py, about 10 s): on
    # 2026-11-24 citations scored 0.93 and facts 0.95 weighted precision on DUC 2004 (0.79 / 0.85 before the
    # support tests). A change that cites or groups what the labels say is wrong brings these down.
    if not (shared_data / "duc2004" / "task2").is_dir():
        pytest.skip("duc2004 not in ../shared/data")
    from bench.summarize.support_audit import score

    weighted = score("duc2004")
    assert weighted[("duc2004", "citation")] >= MIN_SUPPORT_PRECISION, weighted
    assert weighted[("duc2004", "fact")] >= MIN_SUPPORT_PRECISION, weighted


# Floor for the weighted precision of the hand-labelled audit (measured 0.93 citations, 0.95 facts).
MIN_SUPPORT_PRECISION = 0.9
