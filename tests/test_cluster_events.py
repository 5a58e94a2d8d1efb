"""Event clustering: the seeds form one event, ids stay stable as events grow, same-kind events stay apart."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from kabar.cluster import DocFeatures, EventClusterer
from kabar.ingest import read_paths
from kabar.pipeline import prepare
from kabar.records import Document
from kabar.text import analyse


@pytest.fixture(scope="module")
def seeds(example_paths: list[Path]) -> list[Document]:
    return [prepare(raw) for raw in read_paths(example_paths)]


def test_the_five_seeds_form_one_event(seeds: list[Document]) -> None:
    clusterer = EventClusterer()
    assignment = clusterer.add(seeds)
    assert len(set(assignment.values())) == 1
    (event,) = clusterer.events()
    assert sorted(event.documents) == sorted(doc.id for doc in seeds)
    assert event.title in {doc.title for doc in seeds if doc.title}
    assert event.languages == ["id"]
    # Embeddings are computed once and kept on the document for reuse.
    assert all(doc.extra.get("embedding") is not None for doc in seeds)


def test_adding_in_batches_keeps_event_ids_stable(seeds: list[Document]) -> None:
    ordered = sorted(seeds, key=lambda doc: doc.source)
    clusterer = EventClusterer()
    first = clusterer.add(ordered[:2])
    event_id = next(iter(set(first.values())))
    # The state survives a JSON round trip (the store persists it between runs).
    restored = EventClusterer.from_dict(json.loads(json.dumps(clusterer.to_dict(), default=float)))
    second = restored.add(ordered[2:])
    assert set(second.values()) == {event_id}
    assert [event.id for event in restored.events()] == [event_id]
    assert len(restored.events()[0].documents) == 5


def _doc(doc_id: str, title: str, body: str, published: str | None) -> Document:
    return analyse(
        Document(id=doc_id, source=doc_id, text=body, title=title, published=published, language="id")
    )


# Two different earthquakes reported in the same month with the same vocabulary: what tells them apart are the
# places, the people, the magnitudes.
CIANJUR = [
    _doc(
        "cianjur-1",
        "Gempa magnitudo 5,6 guncang Cianjur, puluhan rumah rusak",
        "Gempa bumi bermagnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, Senin siang. BMKG menyebut pusat "
        "gempa berada di darat, 10 kilometer barat daya Cianjur, dengan kedalaman 11 kilometer.\n\n"
        "Bupati Cianjur Herman Suherman mengatakan puluhan rumah warga di Kecamatan Cugenang rusak berat dan "
        "sejumlah warga terluka tertimpa reruntuhan. Warga Cianjur berhamburan keluar rumah saat guncangan terjadi.",
        "2022-11-21T13:30:00+07:00",
    ),
    _doc(
        "cianjur-2",
        "Korban gempa Cianjur bertambah, BNPB kirim bantuan ke Cugenang",
        "Jumlah korban meninggal akibat gempa magnitudo 5,6 di Cianjur, Jawa Barat, terus bertambah. BNPB mengirim "
        "tenda, selimut dan makanan siap saji ke Kecamatan Cugenang yang paling parah terdampak.\n\n"
        "Bupati Herman Suherman meminta warga Cianjur tetap tinggal di pengungsian karena gempa susulan masih "
        "terjadi. Tim SAR gabungan masih mencari korban yang tertimbun longsor di Desa Cijedil.",
        "2022-11-22T09:00:00+07:00",
    ),
]
GARUT = [
    _doc(
        "garut-1",
        "Gempa magnitudo 6,1 guncang Garut, terasa hingga Bandung",
        "Gempa bumi bermagnitudo 6,1 mengguncang wilayah selatan Kabupaten Garut, Jawa Barat, Sabtu malam. BMKG "
        "mencatat pusat gempa berada di laut, 150 kilometer barat daya Garut, pada kedalaman 109 kilometer.\n\n"
        "Guncangan terasa hingga Bandung dan Tasikmalaya. Kepala BPBD Garut Satria Budi mengatakan beberapa rumah "
        "di Kecamatan Pameungpeuk retak, dan warga pesisir sempat mengungsi ke dataran tinggi.",
        "2022-12-03T20:00:00+07:00",
    ),
    _doc(
        "garut-2",
        "BPBD Garut data rumah rusak akibat gempa 6,1 di Pameungpeuk",
        "BPBD Garut mendata kerusakan akibat gempa magnitudo 6,1 yang mengguncang selatan Garut, Jawa Barat. "
        "Sebanyak 35 rumah di Pameungpeuk dan Cikelet rusak ringan dan tidak ada korban jiwa.\n\n"
        "Satria Budi mengatakan warga pesisir Pameungpeuk yang sempat mengungsi sudah kembali ke rumah setelah BMKG "
        "memastikan gempa tidak berpotensi tsunami.",
        "2022-12-04T10:00:00+07:00",
    ),
]


@pytest.mark.parametrize("use_embeddings", [False, True])
def test_two_earthquakes_of_one_kind_stay_apart(use_embeddings: bool) -> None:
    clusterer = EventClusterer(use_embeddings=use_embeddings)
    assignment = clusterer.add([*CIANJUR, *GARUT])
    assert assignment["cianjur-1"] == assignment["cianjur-2"]
    assert assignment["garut-1"] == assignment["garut-2"]
    assert assignment["cianjur-1"] != assignment["garut-1"]
    events = {event.id: event for event in clusterer.events()}
    cianjur = events[assignment["cianjur-1"]]
    assert cianjur.first_published == "2022-11-21T13:30:00+07:00"
    assert cianjur.last_published == "2022-11-22T09:00:00+07:00"


CIANJUR_FOLLOW_UP = _doc(
    "cianjur-3",
    "Enam pekan setelah gempa Cianjur, warga Cugenang masih mengungsi",
    "Enam pekan setelah gempa magnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, ribuan warga Kecamatan "
    "Cugenang masih tinggal di tenda pengungsian. BNPB mulai membangun hunian sementara di Desa Cijedil.\n\n"
    "Bupati Cianjur Herman Suherman mengatakan rumah warga yang rusak berat akibat gempa akan dibangun kembali. "
    "Warga Cianjur yang rumahnya tertimbun longsor akan direlokasi.",
    "2023-01-06T10:00:00+07:00",
)


def test_a_follow_up_past_the_window_joins_its_live_event() -> None:
    # Six weeks after the last report of the Cianjur earthquake (the window is 30 days), a report on its displaced
    # residents names its places and people: the time factor has decayed, not fallen to zero, so it joins. The
    # Garut earthquake between them stays apart.
    clusterer = EventClusterer(use_embeddings=False)
    assignment = clusterer.add([*CIANJUR, *GARUT, CIANJUR_FOLLOW_UP])
    assert assignment["cianjur-3"] == assignment["cianjur-1"] == assignment["cianjur-2"]
    assert assignment["garut-1"] == assignment["garut-2"] != assignment["cianjur-1"]


# A report of the Cianjur earthquake worded its own way: its displaced residents and a village the other reports do
# not name, no magnitude, no official; few words and no name in common with the event.
CIANJUR_OTHER_WORDS = _doc(
    "cianjur-4",
    "Ribuan pengungsi bertahan di tenda setelah guncangan",
    "Ribuan pengungsi bertahan di tenda darurat setelah guncangan hebat meratakan kampung mereka di Desa Sarampad. "
    "Relawan membagikan selimut, air bersih dan makanan. Anak-anak belajar di sekolah darurat.",
    "2022-11-23T09:00:00+07:00",
)


@pytest.mark.parametrize("same_event", [True, False])
def test_within_a_language_the_embedding_brings_in_a_report_worded_differently(same_event: bool) -> None:
    # Unit vectors stand in for e5: the report joins the event whose embedding matches its own, and stays apart when
    # the embeddings disagree, as it does on its terms alone (no model needed: features carry the vectors).
    on_event, elsewhere = np.eye(8, dtype=np.float32)[:2]
    clusterer = EventClusterer()
    features = [replace(clusterer.features(doc), embedding=on_event) for doc in CIANJUR]
    report = replace(clusterer.features(CIANJUR_OTHER_WORDS), embedding=on_event if same_event else elsewhere)
    assignment = clusterer.add_features([*features, report])
    assert (assignment["cianjur-4"] == assignment["cianjur-1"]) is same_event


def test_events_idle_beyond_the_window_retire_but_stay_listed() -> None:
    clusterer = EventClusterer(use_embeddings=False, window_days=5)
    clusterer.add(CIANJUR)
    assert clusterer.live_events == 1
    clusterer.add(GARUT)  # 12 days later: the Cianjur event has been idle longer than the window
    assert clusterer.live_events == 1
    assert len(clusterer.events()) == 2


ENGLISH_KIM_PUTIN = analyse(
    Document(
        id="en-kim-putin",
        source="en-kim-putin",
        language="en",
        title="Kim Jong Un meets Putin at Russia's Vostochny spaceport",
        text=(
            "North Korean leader Kim Jong Un and Russian President Vladimir Putin held talks on Wednesday at the "
            "Vostochny Cosmodrome, a rocket launch site in Russia's far eastern Amur region.\n\n"
            "Putin told reporters the summit took place at the spaceport because Kim showed great interest in rocket "
            "technology. Kim travelled to Russia in his armoured train from Pyongyang.\n\n"
            "Western officials have warned that North Korea could supply artillery shells and ammunition for "
            "Moscow's war in Ukraine, while Pyongyang is seeking help with its satellite and nuclear programmes."
        ),
    )
)
ENGLISH_GARUT = analyse(
    Document(
        id="en-garut",
        source="en-garut",
        language="en",
        title="Magnitude 6.1 quake shakes Garut in West Java",
        published="2022-12-03T22:00:00+07:00",
        text=(
            "A magnitude 6.1 earthquake struck off the southern coast of Garut regency in West Java on Saturday night, "
            "Indonesia's meteorology agency BMKG said, with its centre at sea at a depth of 109 kilometres.\n\n"
            "The shaking was felt as far as Bandung and Tasikmalaya. Satria Budi, head of the Garut disaster agency, "
            "said several houses in Pameungpeuk were cracked and coastal residents briefly fled to higher ground."
        ),
    )
)


def test_an_english_report_joins_the_indonesian_event_through_embeddings(seeds: list[Document]) -> None:
    with_embeddings = EventClusterer()
    with_embeddings.add(seeds)
    assert with_embeddings.add([ENGLISH_KIM_PUTIN])["en-kim-putin"] == with_embeddings.event_of(seeds[0].id)
    assert with_embeddings.events()[0].languages == ["en", "id"]
    # Terms alone cannot bridge the languages (what the embeddings add, measured).
    terms_only = EventClusterer(use_embeddings=False)
    terms_only.add(seeds)
    assert terms_only.add([ENGLISH_KIM_PUTIN])["en-kim-putin"] != terms_only.event_of(seeds[0].id)


def test_an_english_report_of_another_event_does_not_join(seeds: list[Document]) -> None:
    clusterer = EventClusterer()
    clusterer.add([*seeds, *CIANJUR, *GARUT])
    assignment = clusterer.add([ENGLISH_GARUT])
    assert assignment["en-garut"] != clusterer.event_of(seeds[0].id)
    assert assignment["en-garut"] != clusterer.event_of("cianjur-1")


def _daily_report(day: int, place: str) -> Document:
    return _doc(
        f"{place}-{day:02d}",
        f"Banjir {place} hari ke-{day}: pengungsi bertahan di posko",
        f"Banjir yang merendam Kecamatan {place} di Kabupaten Bojonegoro belum surut pada hari ke-{day}. Ribuan "
        f"pengungsi bertahan di posko Balai Desa {place}, sementara relawan Bengawan Solo membagikan makanan.\n\n"
        f"Kepala BPBD Bojonegoro mengatakan pompa air dikerahkan ke {place} dan tanggul Bengawan Solo dijaga.",
        f"2023-01-{day:02d}T09:00:00+07:00",
    )


def test_a_long_running_event_keeps_its_id_but_only_one_window_in_memory() -> None:
    """A story reported every day for a month stays one event with one id; members and term counts older than
    the window leave memory, yet the event still lists every document and its first date."""
    clusterer = EventClusterer(use_embeddings=False, window_days=5, keep_retired=True)
    event_ids = set()
    for day in range(1, 29):
        assignment = clusterer.add([_daily_report(day, "Kanor")])
        event_ids.update(assignment.values())
        assert clusterer.live_documents <= 6  # one window of members (days d-5 .. d)
    assert event_ids == {"event-Kanor-01"}
    (event,) = clusterer.events()
    assert len(event.documents) == 28
    assert event.first_published == "2023-01-01T09:00:00+07:00"
    assert event.title is not None
    # Document frequencies cover the window only (6 days of one report each), not the 28 documents seen.
    assert clusterer._n <= 6
    restored = EventClusterer.from_dict(json.loads(json.dumps(clusterer.to_dict())))
    assert restored.add([_daily_report(29, "Kanor")]) == {"Kanor-29": "event-Kanor-01"}
    assert len(restored.events()[0].documents) == 29
    assert restored.event_of("Kanor-01") == "event-Kanor-01"


# A short follow-up that shares the event's places but little of its vocabulary: its cosine with the grown Cianjur
# centroid stays under the join threshold, so without the consolidation step it would found an event of its own.
SHORT_CIANJUR = _doc(
    "cianjur-school",
    "Sekolah darurat dibuka",
    "Dinas Pendidikan membuka sekolah darurat di Cugenang, Cianjur, bagi anak-anak pengungsi.",
    "2022-11-23T15:00:00+07:00",
)
SHORT_GARUT = _doc(
    "garut-school",
    "Sekolah darurat dibuka",
    "Dinas Pendidikan membuka sekolah darurat di Pameungpeuk, Garut, bagi anak-anak pengungsi.",
    "2022-12-05T15:00:00+07:00",
)


@pytest.mark.parametrize("same_batch", [True, False], ids=["same batch", "later batch"])
@pytest.mark.parametrize("place", ["cianjur", "garut"])
def test_a_short_report_joins_its_event_by_its_names_and_the_event_keeps_its_id(
    same_batch: bool, place: str
) -> None:
    short = SHORT_CIANJUR if place == "cianjur" else SHORT_GARUT
    clusterer = EventClusterer(use_embeddings=False)
    if same_batch:
        assignment = clusterer.add([*CIANJUR, *GARUT, short])
    else:
        clusterer.add([*CIANJUR, *GARUT])
        assignment = clusterer.add([short])
    assert assignment[short.id] == clusterer.event_of(f"{place}-1") == f"event-{place}-1"
    assert len(clusterer.events()) == 2
    # What the consolidation step adds: without it the short report stays a singleton.
    without = EventClusterer(use_embeddings=False, consolidate_threshold=1.0)
    without.add([*CIANJUR, *GARUT])
    assert without.add([short])[short.id] == f"event-{short.id}"


def test_an_event_founded_in_a_batch_joins_an_earlier_small_event_under_the_older_id() -> None:
    """The short report came first (batch 1); the full reports of batch 2 join its event, whose id stays."""
    clusterer = EventClusterer(use_embeddings=False)
    assert clusterer.add([SHORT_CIANJUR]) == {"cianjur-school": "event-cianjur-school"}
    assignment = clusterer.add([*CIANJUR, *GARUT])
    assert assignment["cianjur-1"] == assignment["cianjur-2"] == "event-cianjur-school"
    assert assignment["garut-1"] == assignment["garut-2"] != "event-cianjur-school"
    assert {event.id for event in clusterer.events()} == {"event-cianjur-school", "event-garut-1"}


# Three reports of the Garut earthquake as a crawl may find them: no date on the page. They use the words of the
# dated Cianjur reports (gempa, magnitudo, rumah rusak, mengungsi) and are never as close to each other as a grown
# event is to a lone report.
UNDATED_GARUT = [
    _doc(
        "garut-a",
        "Gempa magnitudo 6,1 guncang Garut, rumah warga rusak",
        "Gempa bumi bermagnitudo 6,1 mengguncang Kabupaten Garut, Jawa Barat. BMKG menyebut pusat gempa berada di laut "
        "selatan Garut. Puluhan rumah warga di Pameungpeuk rusak dan warga berhamburan keluar rumah saat guncangan "
        "terjadi.",
        None,
    ),
    _doc(
        "garut-b",
        "Korban gempa Garut, relawan kirim bantuan ke Pameungpeuk",
        "Relawan mengirim tenda, selimut dan makanan ke Pameungpeuk yang terdampak gempa magnitudo 6,1 di Garut, Jawa "
        "Barat. Bupati Garut Rudy Gunawan meminta warga tetap tinggal di pengungsian karena gempa susulan masih "
        "terjadi.",
        None,
    ),
    _doc(
        "garut-c",
        "Gempa Garut: warga Pameungpeuk mengungsi",
        "Warga pesisir Pameungpeuk, Garut, mengungsi ke dataran tinggi setelah gempa magnitudo 6,1. BMKG memastikan "
        "gempa tidak berpotensi tsunami. Rudy Gunawan mengatakan rumah warga yang rusak akan didata BPBD Garut.",
        None,
    ),
]


def test_undated_reports_of_another_event_are_not_absorbed_by_a_dated_event_of_its_kind() -> None:
    # Undated documents come last and have no time gap to any event: taken one by one, each joined the dated
    # Cianjur event before the Garut event existed. They now form their events among themselves first.
    clusterer = EventClusterer(use_embeddings=False)
    assignment = clusterer.add([*UNDATED_GARUT, *CIANJUR])
    assert assignment["cianjur-1"] == assignment["cianjur-2"] == "event-cianjur-1"
    assert assignment["garut-a"] == assignment["garut-b"] == assignment["garut-c"]
    assert assignment["garut-a"] != "event-cianjur-1"
    # An undated report of the dated event still joins it.
    later = _doc(
        "cianjur-3", "Gempa Cianjur: Herman Suherman minta warga Cugenang mengungsi", CIANJUR[1].text, None
    )
    assert clusterer.add([later])["cianjur-3"] == "event-cianjur-1"


# Made-up words, a dozen per topic and none shared between topics: streams of many unrelated stories.
_SYLLABLES = ["ba", "ku", "ri", "to", "me", "sa", "lo", "pi", "du", "ne", "ga", "ho"]


def _word(number: int) -> str:
    return "zo" + "".join(_SYLLABLES[(number // 12**k) % 12] for k in range(3)) + "x"


def _story(doc_id: str, topic: int, published: str | None) -> Document:
    words = [_word(topic * 12 + k) for k in range(12)]
    body = (
        f"{words[0].title()} dan {words[1]} melaporkan {words[2]} {words[3]} di {words[4]}. "
        f"{words[5].title()} memeriksa {words[6]} {words[7]} bersama {words[8]}.\n\n"
        f"{words[9].title()}, {words[10]} {words[11]} masih berlangsung."
    )
    return _doc(doc_id, f"{words[0]} {words[2]} {words[4]}", body, published)


def _undated_stream_day(day: int) -> list[Document]:
    """One day of a crawl: a dated story, two undated pages of another story, and an undated page of a flood that
    is reported (undated) every day."""
    published = f"2023-01-{day:02d}T09:00:00+07:00"
    flood = replace(_daily_report(day, "Kanor"), published=None)
    return [
        _story(f"dated-{day:02d}", 2 * day, published),
        _story(f"undated-{day:02d}-a", 2 * day + 1, None),
        _story(f"undated-{day:02d}-b", 2 * day + 1, None),
        flood,
    ]


@pytest.mark.parametrize("keep_retired", [True, False])
def test_undated_events_leave_memory_with_the_window(keep_retired: bool) -> None:
    """A crawl with undated pages over six windows: an event with no dated member retires once the window has moved
    past the last time it gained a member, and an undated story that keeps growing keeps its id but only one window
    of members, so live events, members and candidates stay bounded by the window as for dated news."""
    clusterer = EventClusterer(use_embeddings=False, window_days=5, keep_retired=keep_retired)
    flood_ids = set()
    for day in range(1, 31):
        batch = _undated_stream_day(day)
        assignment = clusterer.add(batch)
        undated = assignment[f"undated-{day:02d}-a"]
        assert assignment[f"undated-{day:02d}-b"] == undated != assignment[f"dated-{day:02d}"]
        flood_ids.add(assignment[f"Kanor-{day:02d}"])
        # Six days of window (d-5 .. d): a dated and an undated story each, and the flood.
        assert clusterer.live_events <= 2 * 6 + 1
        assert clusterer.live_documents <= 4 * 6
    assert flood_ids == {"event-Kanor-01"}
    assert clusterer.event_of("undated-01-a") == (None if not keep_retired else "event-undated-01-a")
    if keep_retired:
        events = {event.id: event for event in clusterer.events()}
        assert len(events["event-Kanor-01"].documents) == 30
        assert events["event-undated-01-a"].documents == ["undated-01-a", "undated-01-b"]
        assert len(events) == 30 + 30 + 1


def test_undated_events_retire_alike_after_a_snapshot_and_from_an_older_snapshot() -> None:
    straight = EventClusterer(use_embeddings=False, window_days=5)
    restored = EventClusterer(use_embeddings=False, window_days=5)
    for day in range(1, 11):
        straight.add(_undated_stream_day(day))
        restored.add(_undated_stream_day(day))
        restored = EventClusterer.from_dict(json.loads(json.dumps(restored.to_dict())))
    assert [e.id for e in restored.events()] == [e.id for e in straight.events()]
    assert restored.live_events == straight.live_events
    assert restored.live_documents == straight.live_documents
    # A snapshot from before undated events retired has no `touched` or `seen`: its undated events and members
    # count as seen at the next add and leave one window later.
    old = straight.to_dict()
    old["version"] = 2
    for item in old["live"]:
        del item["touched"]
        item["members"] = [member[:5] for member in item["members"]]
    upgraded = EventClusterer.from_dict(json.loads(json.dumps(old)))
    upgraded.add(_undated_stream_day(11))
    assert upgraded.live_events >= straight.live_events
    for day in range(12, 18):
        upgraded.add(_undated_stream_day(day))
    assert upgraded.event_of("undated-01-a") == "event-undated-01-a"
    assert upgraded.live_events <= 2 * 6 + 1
    assert upgraded.live_documents <= 4 * 6


def test_add_returns_late_documents_whose_event_retired_at_once() -> None:
    # Reports older than the window found an event that retires in the same add; holding one window, the clusterer
    # forgets them, yet the add that placed them returns their event (its caller saves it). A year older: the time
    # factor only decays (12 days before a live event of their kind they could still join it).
    clusterer = EventClusterer(use_embeddings=False, window_days=5, keep_retired=False)
    clusterer.add(GARUT)
    assignment = clusterer.add(
        [replace(doc, published=doc.published.replace("2022-", "2021-", 1)) for doc in CIANJUR]
    )
    assert assignment == {"cianjur-1": "event-cianjur-1", "cianjur-2": "event-cianjur-1"}
    assert [event.id for event in clusterer.events()] == ["event-cianjur-1", "event-garut-1"]
    assert clusterer.live_events == 1
    assert clusterer.event_of("cianjur-1") is None


# -- the arrival clock: a stream without dates ----------------------------------------------------------------------

ARRIVAL_START = datetime(2026, 1, 1, 6, tzinfo=UTC)


def _arriving(clusterer: EventClusterer, docs: list[Document], day: int) -> list[DocFeatures]:
    """The documents' features as the runner passes them: with the time they reached the store (one a day)."""
    arrived = ARRIVAL_START + timedelta(days=day)
    return [replace(clusterer.features(doc), arrived=arrived) for doc in docs]


def _undated_only_day(day: int) -> list[Document]:
    """One day of a crawl in which no page has a date: two pages of a story of the day, and one of a flood that is
    reported every day."""
    return [
        _story(f"undated-{day:02d}-a", 2 * day + 1, None),
        _story(f"undated-{day:02d}-b", 2 * day + 1, None),
        replace(_daily_report(day, "Kanor"), published=None),
    ]


@pytest.mark.parametrize("keep_retired", [True, False])
def test_with_no_date_at_all_events_leave_memory_by_arrival_time(keep_retired: bool) -> None:
    """No document dated, so publication time never moves: events with no dated member retire by arrival time (the
    store's), and the flood reported every day keeps its id but one window of members."""
    clusterer = EventClusterer(use_embeddings=False, window_days=5, keep_retired=keep_retired)
    flood_ids = set()
    for day in range(1, 31):
        assignment = clusterer.add_features(_arriving(clusterer, _undated_only_day(day), day))
        assert assignment[f"undated-{day:02d}-a"] == assignment[f"undated-{day:02d}-b"]
        flood_ids.add(assignment[f"Kanor-{day:02d}"])
        # Six days of window (d-5 .. d): a story each, and the flood.
        assert clusterer.live_events <= 6 + 1
        assert clusterer.live_documents <= 3 * 6
    assert flood_ids == {"event-Kanor-01"}
    if keep_retired:
        events = {event.id: event for event in clusterer.events()}
        assert len(events["event-Kanor-01"].documents) == 30
        assert events["event-undated-01-a"].documents == ["undated-01-a", "undated-01-b"]
        assert len(events) == 30 + 1
    else:
        assert clusterer.event_of("undated-01-a") is None


def test_without_arrival_times_a_stream_with_no_date_keeps_everything_as_before() -> None:
    """In-memory callers (`add`, no arrival time) are unchanged: with no date there is no clock."""
    clusterer = EventClusterer(use_embeddings=False, window_days=5)
    for day in range(1, 16):
        clusterer.add(_undated_only_day(day))
    assert clusterer.live_events == 15 + 1
    assert clusterer.to_dict()["newest_arrival"] is None


def test_the_arrival_clock_survives_a_snapshot_and_a_version_3_snapshot_starts_it() -> None:
    straight = EventClusterer(use_embeddings=False, window_days=5)
    restored = EventClusterer(use_embeddings=False, window_days=5)
    for day in range(1, 11):
        straight.add_features(_arriving(straight, _undated_only_day(day), day))
        restored.add_features(_arriving(restored, _undated_only_day(day), day))
        restored = EventClusterer.from_dict(json.loads(json.dumps(restored.to_dict())))
    assert restored.to_dict() == straight.to_dict()
    assert restored.to_dict()["version"] == 4
    # A version 3 snapshot has no arrival stamps: its undated events and members count as arrived at the next add
    # and leave one window later.
    old = straight.to_dict()
    old["version"] = 3
    del old["newest_arrival"]
    for item in old["live"]:
        del item["touched_arrival"]
        item["members"] = [member[:6] for member in item["members"]]
        if item["archived_best"]:
            item["archived_best"] = item["archived_best"][:6]
    upgraded = EventClusterer.from_dict(json.loads(json.dumps(old)))
    upgraded.add_features(_arriving(upgraded, _undated_only_day(11), 11))
    assert upgraded.live_events >= straight.live_events
    for day in range(12, 18):
        upgraded.add_features(_arriving(upgraded, _undated_only_day(day), day))
    assert upgraded.event_of("undated-01-a") == "event-undated-01-a"
    assert upgraded.live_events <= 6 + 1
    assert upgraded.live_documents <= 3 * 6


def test_arrival_time_never_moves_dated_events() -> None:
    """A backfill of old news arrives today, or over months in any order: dated events cluster and retire exactly
    as without arrival times, and the saved state holds no arrival time."""
    days = [[_undated_stream_day(day)[0], _daily_report(day, "Kanor")] for day in range(1, 31)]
    plain = EventClusterer(use_embeddings=False, window_days=5, keep_retired=False)
    today = EventClusterer(use_embeddings=False, window_days=5, keep_retired=False)
    shuffled = EventClusterer(use_embeddings=False, window_days=5, keep_retired=False)
    for day, docs in enumerate(days, 1):
        expected = plain.add(docs)
        assert today.add_features(_arriving(today, docs, 400)) == expected
        assert shuffled.add_features(_arriving(shuffled, docs, (day * 37) % 90)) == expected
        assert today.events() == shuffled.events() == plain.events()
        assert today.to_dict() == shuffled.to_dict() == plain.to_dict()
