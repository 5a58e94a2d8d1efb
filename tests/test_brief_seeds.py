"""The briefing of the five seed articles, against expectations written down from reading them.

The articles (examples/kim-putin-2023): 000 WartaBulukumba (a rewrite of 002), 001 Netizen.co.id, 002 Medcom-style
report from Moscow, 003 Akurat, 004 a preview written before the meeting that expects it in Vladivostok. Kim Jong Un
met Vladimir Putin at the Vostochny Cosmodrome on Wednesday 13 September 2023; Kim left Pyongyang on Sunday the 10th
by armoured train; the Kremlin confirmed his arrival on Tuesday the 12th; Shoigu visited Pyongyang in July; Lavrov
is to visit North Korea next month (October).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz

import kabar
from kabar.pipeline import BriefOptions
from kabar.records import Briefing, Event, Fact
from kabar.render.markdown import render_markdown


@pytest.fixture(scope="module")
def briefing(example_paths: list[Path]) -> Briefing:
    return kabar.brief(example_paths, options=BriefOptions(single_event=True))


@pytest.fixture(scope="module")
def event(briefing: Briefing) -> Event:
    assert len(briefing.events) == 1
    return briefing.events[0]


@pytest.fixture(scope="module")
def seed(briefing: Briefing) -> dict[str, str]:
    """Seed number ("000".."004") -> document id."""
    return {Path(document.source).name[:3]: document.id for document in briefing.documents}


def _words(text: str) -> int:
    # A word as a reader (and ROUGE) counts it: "Jong-un" and "13/9/2023" are one each.
    return len(text.split())


# --- quotes -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "speaker", "opening"),
    [
        ("002", "Dmitry Peskov", "Kedua pemimpin akan membahas hubungan perdagangan"),
        ("003", "Antonio Guterres", "Segala bentuk kerja sama negara manapun"),
        ("003", "Matthew Miller", "Kami telah mengambil sejumlah tindakan"),
        ("003", "Kim Jong Un", "Tentara dan rakyat Rusia pasti akan meraih"),
        ("004", "Nam Sung-wook", "Itu akan menjadi kesepakatan"),
        ("004", "Nam Sung-wook", "Kebutuhan mereka cocok sempurna sekarang"),
        ("004", "Jake Sullivan", "Hal itu mengatakan banyak bahwa Rusia"),
        ("004", "Kremlin", "Atas undangan Presiden Federasi Rusia"),
        ("004", "Leif-Eric Easley", "Rusia memiliki teknologi militer"),
        ("000", "Vladimir Putin", "Kim menunjukkan minat luas dalam teknologi roket"),
        ("001", "Vladimir Putin", "Itulah alasan kami datang ke sini"),
        ("002", "Vladimir Putin", "menunjukkan minat besar pada teknologi roket"),
    ],
)
def test_quote_and_its_speaker(
    event: Event, seed: dict[str, str], number: str, speaker: str, opening: str
) -> None:
    found = [quote for quote in event.quotes if quote.text.startswith(opening)]
    assert found, f"no quote opening {opening!r}"
    assert {(quote.speaker, quote.source) for quote in found} == {(speaker, seed[number])}


def test_scare_quotes_are_not_quotes(event: Event) -> None:
    texts = {quote.text.strip(" .,") for quote in event.quotes}
    assert not texts & {"meresahkan", "Rusia yang hebat", "pertarungan suci", "win-win"}


# --- timeline -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "numbers", "pattern"),
    [
        ("2023-09-13", {"001"}, r"Vostochny|bertemu|tiba"),  # the meeting
        ("2023-09-10", {"002"}, r"Pyongyang"),  # Kim left Pyongyang on Sunday
        (
            "2023-09-12",
            {"000", "002"},
            r"Kremlin.*kedatangan",
        ),  # the Kremlin confirmed his arrival on Tuesday
        ("2023-09-11", {"004"}, r"Kremlin"),  # the Kremlin's statement on Monday (preview)
        ("2023-07", {"001", "004"}, r"Shoigu|Shogu"),  # Shoigu in Pyongyang in July
        ("2023-10", {"003"}, r"Lavrov"),  # Lavrov's visit next month
        ("2023-08", {"001"}, r"Prigozhin"),  # Prigozhin's death "bulan lalu"
    ],
)
def test_timeline_holds(
    event: Event, seed: dict[str, str], day: str, numbers: set[str], pattern: str
) -> None:
    entries = [entry for entry in event.timeline if entry.date == day and re.search(pattern, entry.text)]
    assert entries, f"no {day} entry matching {pattern!r}: {[(e.date, e.text[:60]) for e in event.timeline]}"
    cited = set().union(*(set(entry.sources) for entry in entries))
    assert {seed[number] for number in numbers} <= cited


def test_timeline_is_sorted_and_leaves_out_background_years(event: Event) -> None:
    dates = [entry.date for entry in event.timeline]
    assert dates == sorted(dates)
    assert all(re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", value) for value in dates)
    assert not any(value.startswith(("1945", "2013")) for value in dates)


# --- divergences --------------------------------------------------------------------------------------------


def test_place_divergence_vladivostok_against_vostochny(event: Event, seed: dict[str, str]) -> None:
    places = [divergence for divergence in event.divergences if divergence.kind == "place"]
    assert len(places) == 1, [d.about for d in event.divergences]
    claims = places[0].claims
    preview = [claim for claim in claims if "Vladivostok" in claim.text]
    reports = [claim for claim in claims if "Vostochny" in claim.text]
    assert len(preview) == 1 and len(reports) == 1
    assert preview[0].sources == [seed["004"]]
    assert {seed["001"], seed["002"]} <= set(reports[0].sources)
    assert seed["004"] not in reports[0].sources


# --- facts --------------------------------------------------------------------------------------------------


def _wordings(fact: Fact) -> list[str]:
    return [fact.text, *(variant.text for variant in fact.variants)]


def _fact_saying(event: Event, pattern: str) -> Fact:
    """The fact with the most sources among those with a wording that matches `pattern`."""
    found = [fact for fact in event.facts if any(re.search(pattern, text) for text in _wordings(fact))]
    assert found, [(fact.text[:60], fact.sources) for fact in event.facts]
    return max(found, key=lambda fact: len(fact.sources))


# Expectations from reading the articles: which claims several outlets make, in whose words.


def test_meeting_at_vostochny_is_one_fact_with_all_its_reports(event: Event, seed: dict[str, str]) -> None:
    # 001 "bertemu di Kosmodrom Vostochny", 002 "tiba pada Rabu pagi di Vostochny Cosmodrome" and its rewrite 000
    # "pertemuan ... dilangsungkan di Vostochny Cosmodrome"; 004, written before, expects Vladivostok.
    meeting = _fact_saying(event, r"Vostochny")
    assert {seed["000"], seed["001"], seed["002"]} <= set(meeting.sources)
    assert seed["004"] not in meeting.sources
    assert meeting.outlets >= 2 and not meeting.single_source
    assert not any("Vladivostok" in text for text in _wordings(meeting))


def test_talks_on_arms_are_one_fact_and_the_rewrite_is_no_second_outlet(
    event: Event, seed: dict[str, str]
) -> None:
    # The leads of 002 ("membahas terkait masalah pasokan senjata"), of its rewrite 000 ("sesi diskusi ...
    # sehubungan dengan pasokan senjata") and of 003 ("membahas mengenai masalah militer, perang di Ukraina").
    talks = _fact_saying(event, r"membahas terkait masalah pasokan senjata")
    assert {seed["000"], seed["002"], seed["003"]} <= set(talks.sources)
    assert talks.outlets == len(talks.sources) - 1  # 000 and 002 count once


def test_shoigu_visit_is_one_fact_apart_from_lavrov_visit(event: Event, seed: dict[str, str]) -> None:
    # 001 and 004: the defence minister Shoigu (004: "Shogu") visited Pyongyang in July. 003's Lavrov, who will
    # visit next month, is another claim that shares most of the words.
    shoigu = _fact_saying(event, r"Shoigu|Shogu")
    assert {seed["001"], seed["004"]} <= set(shoigu.sources)
    assert seed["003"] not in shoigu.sources
    assert shoigu.outlets >= 2 and not shoigu.single_source
    assert not any("Lavrov" in text for text in _wordings(shoigu))


def test_a_claim_of_one_outlet_and_its_rewrite_is_single_source(event: Event, seed: dict[str, str]) -> None:
    # Only 002 and its rewrite 000 report Kim's visit to the munitions factory: one outlet.
    factory = _fact_saying(event, r"pabrik amunisi")
    assert set(factory.sources) == {seed["000"], seed["002"]}
    assert factory.outlets == 1 and factory.single_source


def test_different_claims_are_not_merged(event: Event) -> None:
    for fact in event.facts:
        texts = " ".join(_wordings(fact))
        assert not ("Vladivostok" in texts and "Vostochny" in texts), fact.text
        assert not ("Lavrov" in texts and re.search(r"Shoigu|Shogu", texts)), fact.text
        assert not ("pabrik amunisi" in texts and "Vostochny" in texts), fact.text


def test_facts_count_outlets_not_rewrites(event: Event) -> None:
    # Outlets are the documents after joining each rewrite/copy pair the dedup step found.
    parent = {doc: doc for doc in event.documents}
    for duplicate in event.duplicates:
        first, *rest = duplicate.documents
        for other in rest:
            parent[other] = parent[first]
    outlets = [fact.outlets for fact in event.facts]
    assert outlets == sorted(outlets, reverse=True)
    for fact in event.facts:
        assert fact.outlets == len({parent.get(doc, doc) for doc in fact.sources})
        assert fact.single_source == (fact.outlets == 1)


# --- summary ------------------------------------------------------------------------------------------------


def test_summary_is_extractive_within_budget_and_cites_its_origin(briefing: Briefing, event: Event) -> None:
    texts = {document.id: document.text for document in briefing.documents}
    total = sum(_words(sentence.text) for sentence in event.summary)
    assert 80 <= total <= 120
    for sentence in event.summary:
        origin = sentence.origin["document"]
        assert sentence.sources[0] == origin
        assert sentence.text in texts[origin]
        assert not re.search(r"Baca Juga|WartaBulukumba|Netizen\.co|AKURAT\.CO|Dilarang", sentence.text)
    assert any(re.search(r"bertemu|pertemuan", s.text) and "Putin" in s.text for s in event.summary)


def test_summary_cites_every_document_that_repeats_a_sentence(briefing: Briefing, event: Event) -> None:
    # Independent check: a document holding a near-identical sentence must be among the sources.
    for sentence in event.summary:
        for document in briefing.documents:
            repeats = any(
                fuzz.token_set_ratio(sentence.text.lower(), candidate.text.lower()) >= 92
                for candidate in document.sentences
            )
            if repeats:
                assert document.id in sentence.sources, (sentence.text, document.id)


def test_summary_sentences_are_not_redundant(event: Event) -> None:
    texts = [sentence.text.lower() for sentence in event.summary]
    for i, first in enumerate(texts):
        for second in texts[i + 1 :]:
            assert fuzz.token_set_ratio(first, second) < 80


# --- rendering ----------------------------------------------------------------------------------------------


def test_markdown_of_the_seeds(briefing: Briefing) -> None:
    text = render_markdown(briefing)
    assert text == render_markdown(briefing)
    for heading in (
        "### Summary",
        "### Facts",
        "### Divergences",
        "### Quotes",
        "### Timeline",
        "### Sources",
    ):
        assert heading in text
    assert "**Dmitry Peskov**" in text
    assert "Vladivostok" in text.split("### Divergences")[1].split("### Quotes")[0]
    summary = text.split("### Summary")[1].split("###")[0]
    assert re.search(r"\[\\\[\d\\\]\]\(#e1-s\d\)", summary)
    sources = text.split("### Sources")[1]
    assert len(re.findall(r"^\d\. <a id=\"e1-s\d\"></a>", sources, flags=re.MULTILINE)) == 5
