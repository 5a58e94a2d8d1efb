"""The runner's clusterer holds one time window: its saved state stays bounded as a crawl runs through many windows,
and the store, which keeps every event's members, ends exactly as with a clusterer that keeps everything.

The corpus is synthetic: short stories (three reports in a day, one story a day) and two long-running stories (a
report every other day for five months), in made-up words so that each story's reports share their vocabulary and
names and nothing else. A second update brings late documents, older than the window: one of a long-running story
(it joins the event and leaves the window at once) and one of a story retired long ago (it founds an event that
retires in the same update).
"""

from __future__ import annotations

import random
from dataclasses import asdict, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kabar import api
from kabar.cluster import EventClusterer
from kabar.cluster import features as cluster_features
from kabar.executors import runner, steps
from kabar.records import Document, Event
from kabar.store import Store

START = datetime(2024, 1, 1, 8, tzinfo=UTC)
DAYS = 150
FIRST_UPDATE_DAYS = 120  # the first update sees days 0-119, the second the rest and the late documents
WINDOW_DAYS = 30.0  # the clusterer's default window
SLICE_DOCUMENTS = 40
COMMON_WORDS = ["warga", "pemerintah", "kota", "laporan", "kemarin", "pejabat", "daerah", "setempat"]


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice("bdgklmnprst") + rng.choice("aiueo") for _ in range(syllables))


def _story(rng: random.Random) -> tuple[list[str], list[str]]:
    """A story's own vocabulary and names (made-up words, so stories share none)."""
    return [_word(rng, 3) for _ in range(14)], [_word(rng, 3).capitalize() for _ in range(2)]


def _report(rng: random.Random, doc_id: str, story: tuple[list[str], list[str]], day: float) -> Document:
    words, names = story
    sentences = []
    for _ in range(4):
        picked = rng.sample(words, 6) + rng.sample(COMMON_WORDS, 2)
        rng.shuffle(picked)
        sentences.append(f"{rng.choice(names)} {' '.join(picked)} {rng.choice(names)}.")
    published = (START + timedelta(days=day)).isoformat()
    title = f"{names[0]} {' '.join(rng.sample(words, 3))}"
    return Document(
        id=doc_id,
        source=f"synthetic/{doc_id}.txt",
        text="\n\n".join(sentences),
        title=title,
        outlet=f"outlet{rng.randrange(6)}.example",
        published=published,
        language="id",
    )


def _corpus() -> tuple[list[Document], list[Document]]:
    """(documents of the first update, documents of the second), each in publication order."""
    rng = random.Random(7)
    documents: list[Document] = []
    long_running = [_story(rng) for _ in range(2)]
    short = [_story(rng) for _ in range(DAYS)]
    for day in range(DAYS):
        for report in range(3):
            documents.append(_report(rng, f"s{day:03d}r{report}", short[day], day + report * 0.2))
        if day % 2 == 0:
            for number, story in enumerate(long_running):
                documents.append(_report(rng, f"l{number}d{day:03d}", story, day + 0.5))
    documents.sort(key=lambda d: (d.published or "", d.id))
    first = [
        d
        for d in documents
        if d.published and d.published < (START + timedelta(days=FIRST_UPDATE_DAYS)).isoformat()
    ]
    second = documents[len(first) :]
    late = [
        _report(
            rng, "late0long", long_running[0], 60.7
        ),  # joins the long-running event, older than the window
        _report(
            rng, "late1short", short[10], 10.9
        ),  # its story retired long ago: a new event, retired at once
    ]
    return first, late + second


def _quick(patch: pytest.MonkeyPatch) -> None:
    """Terms and names only (no embedding model), briefing left out (the events as clustered), small slices."""
    patch.setattr(cluster_features, "embeddings_available", lambda: False)
    patch.setattr(steps, "brief_events", lambda events, documents, options: events)
    patch.setattr(runner, "CLUSTER_SLICE_DOCUMENTS", SLICE_DOCUMENTS)


@pytest.fixture(autouse=True)
def _quick_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    _quick(monkeypatch)


@pytest.fixture(scope="module")
def window_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    """The store after both updates by the runner, and the clusterer state it saved with each slice."""
    db = tmp_path_factory.mktemp("window") / "window.db"
    with pytest.MonkeyPatch.context() as patch:
        _quick(patch)
        states = _record_states(patch)
        _run(db)
    return db, states


class _KeepingEverything(EventClusterer):
    """The clusterer as the runner used it before it held one window: every retired event and archived id kept."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**{**options, "keep_retired": True})

    @classmethod
    def from_dict(cls, data: dict[str, Any], **options: Any) -> EventClusterer:
        return super().from_dict(data, **{**options, "keep_retired": True})


def _run(db: Path) -> None:
    """Both updates over the corpus."""
    first, second = _corpus()
    with Store(db) as store:
        for documents in (first, second):
            for document in documents:
                store.add_document(document)
            api.update_events(store)


def _record_states(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """The clusterer states the runner saves from now on, one a slice."""
    states: list[dict[str, Any]] = []
    real = Store.save_events

    def recording(self: Store, events: list[Event], state: dict[str, Any] | None = None) -> None:
        if state and runner.CLUSTERER_STATE in state:
            states.append(state[runner.CLUSTERER_STATE])
        real(self, events, state)

    monkeypatch.setattr(Store, "save_events", recording)
    return states


def _content(db: Path) -> tuple[dict[str, Any], dict[str, str | None]]:
    """Every event as stored, and every document's event."""
    with Store(db) as store:
        events = {event.id: asdict(event) for event in store.events(limit=None)}
        first, second = _corpus()
        membership = {d.id: store.event_of_document(d.id) for d in [*first, *second]}
    return events, membership


def _state_documents(state: dict[str, Any]) -> set[str]:
    """The document ids a saved clusterer state names as members (live, archived or retired)."""
    named = {member[0] for event in state["live"] for member in event["members"]}
    named.update(d for event in state["live"] for d in event["archived"])
    named.update(d for retired in state["retired"] for d in retired[2])
    return named


def test_the_saved_state_holds_one_window_and_the_store_every_member(
    window_run: tuple[Path, list[dict[str, Any]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window_db, states = window_run
    # Each saved state names only documents of the window of the newest document it has seen (the late documents
    # leave it with the slice that added them), however many windows the crawl has passed.
    first, second = _corpus()
    published = {d.id: datetime.fromisoformat(d.published or "") for d in [*first, *second]}
    assert len(states) >= 10
    for state in states:
        newest = datetime.fromisoformat(state["newest"])
        assert all(published[d] >= newest - timedelta(days=WINDOW_DAYS) for d in _state_documents(state))
        assert state["retired"] == [] and all(event["archived"] == [] for event in state["live"])
    assert len(_state_documents(states[-1])) * 3 < len(published)

    # A clusterer keeping everything names every document it has clustered (its state grows with the corpus) ...
    keeping_states = _record_states(monkeypatch)
    monkeypatch.setattr(runner, "EventClusterer", _KeepingEverything)
    _run(tmp_path / "everything.db")
    assert _state_documents(keeping_states[-1]) == set(published)
    # ... and the store's events are the same, member for member and in the same order; no document is left out.
    events, membership = _content(window_db)
    assert (events, membership) == _content(tmp_path / "everything.db")
    assert all(membership.values())
    # The scenario does what it is for: long-running events hold five months of reports (most of them archived by
    # the clusterer long ago), and each late document is in an event.
    long_events = {membership[f"l{n}d{day:03d}"] for n in (0, 1) for day in range(0, DAYS, 2)}
    assert len(long_events) == 2 and all(len(events[e]["documents"]) >= DAYS // 2 for e in long_events)
    assert membership["late0long"] in long_events
    assert membership["late1short"] not in long_events


def test_a_store_whose_state_kept_everything_goes_on_with_one_window(
    window_run: tuple[Path, list[dict[str, Any]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A store updated before the runner's clusterer held one window: its state names every document. The next
    # update drops what the window does not need and ends as if the store had always been updated one way.
    first, second = _corpus()
    with Store(tmp_path / "upgraded.db") as store:
        with monkeypatch.context() as patch:
            patch.setattr(runner, "EventClusterer", _KeepingEverything)
            for document in first:
                store.add_document(document)
            api.update_events(store)
        assert store.state(runner.CLUSTERER_STATE)["retired"]
        for document in second:
            store.add_document(document)
        api.update_events(store)
        assert store.state(runner.CLUSTERER_STATE)["retired"] == []
    assert _content(tmp_path / "upgraded.db") == _content(window_run[0])


def test_an_update_stopped_between_slices_is_finished_by_the_next(
    window_run: tuple[Path, list[dict[str, Any]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _corpus()
    real = Store.save_events
    slices: list[int] = []

    def failing(self: Store, events: list[Event], state: dict[str, Any] | None = None) -> None:
        if state and runner.CLUSTERER_STATE in state:
            slices.append(len(events))
            if len(slices) == 5:
                raise KeyboardInterrupt  # killed while saving the fifth slice: that slice is not stored
        real(self, events, state)

    with Store(tmp_path / "stopped.db") as store:
        for document in first:
            store.add_document(document)
        monkeypatch.setattr(Store, "save_events", failing)
        with pytest.raises(KeyboardInterrupt):
            api.update_events(store)
        monkeypatch.setattr(Store, "save_events", real)
        api.update_events(store)
        for document in second:
            store.add_document(document)
        api.update_events(store)
    assert _content(tmp_path / "stopped.db") == _content(window_run[0])


def test_documents_another_process_clustered_meanwhile_are_not_clustered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The clusterer no longer remembers documents that left its window, so the runner passes it only documents
    # that no event holds when it takes the write lock.
    first, _ = _corpus()
    with Store(tmp_path / "k.db") as store:
        for document in first:
            store.add_document(document)
        api.update_events(store)
        old = first[0].id
        event_id = store.event_of_document(old)
        assert event_id is not None
        # This process listed `old` as unclustered before another process clustered it.
        monkeypatch.setattr(Store, "unassigned_document_ids", lambda self: [old])
        assert api.update_events(store) == []
        assert store.event_of_document(old) == event_id


def _add(store: Store, *document_ids: str) -> None:
    for document_id in document_ids:
        store.add_document(Document(id=document_id, source=f"{document_id}.txt", text=f"Teks {document_id}."))


def test_saving_clustered_events_keeps_the_members_the_clusterer_forgot(tmp_path: Path) -> None:
    with Store(tmp_path / "k.db") as store:
        _add(store, "a", "b", "c", "d", "e", "f")
        store.save_events(
            [
                Event(id="e1", title=None, documents=["a", "b", "c"]),
                Event(id="e2", title=None, documents=["d", "e"]),
            ]
        )
        # e1 lists its members of the window (c, and a new one, f): a and b, archived earlier, stay first.
        store.save_clustered_events([Event(id="e1", title=None, documents=["c", "f"])])
        assert store.event("e1").documents == ["a", "b", "c", "f"]
        # A document the clusterer moves still moves: e3 takes c from e1, e1 keeps the rest.
        store.save_clustered_events([Event(id="e3", title=None, documents=["c"])])
        assert store.event_of_document("c") == "e3"
        assert sorted(d for d in "abcdef" if store.event_of_document(d) == "e1") == ["a", "b", "f"]
        # e2 merged into e1: its members the clusterer forgot (d) follow e1's, then the listed ones; e2 goes.
        store.save_clustered_events(
            [Event(id="e1", title=None, documents=["e", "f"])], absorbed={"e1": ["e2"]}
        )
        assert store.event("e1").documents == ["a", "b", "d", "e", "f"]
        assert store.event("e2") is None


# -- a crawl without dates: the arrival clock ------------------------------------------------------------------------


def _set_arrivals(store: Store, arrivals: dict[str, datetime]) -> None:
    """When the store received each document (`added`), as a crawl spread over months would have recorded it."""
    with store.transaction() as db:
        db.executemany(
            "UPDATE documents SET added = ? WHERE id = ?",
            [(when.isoformat(timespec="seconds"), doc_id) for doc_id, when in arrivals.items()],
        )


def _arrival_of(document: Document) -> datetime:
    """A crawl fetches a page while it is news: it arrives two hours after its (possibly unknown) publication."""
    return datetime.fromisoformat(document.published or "") + timedelta(hours=2)


def test_a_crawl_with_no_dates_keeps_one_window_of_arrival_time(tmp_path: Path) -> None:
    """No page has a date, so publication time never moves; the store's arrival times span five windows. The saved
    state holds about one window of arrivals (an event with no dated member retires when the newest arrival is a
    window past the last time it gained a member), and the store still holds every member in its event."""
    first, second = _corpus()
    documents = [
        *first,
        *second[2:],
    ]  # the late documents are late by publication date, which this crawl lacks
    arrivals = {d.id: _arrival_of(d) for d in documents}
    states: list[dict[str, Any]] = []
    with pytest.MonkeyPatch.context() as patch:
        states = _record_states(patch)
        with Store(tmp_path / "undated.db") as store:
            for group in (first, second[2:]):
                for document in group:
                    store.add_document(replace(document, published=None))
                _set_arrivals(store, {d.id: arrivals[d.id] for d in group})
                api.update_events(store)
            membership = {d.id: store.event_of_document(d.id) for d in documents}
            stored = {event.id: event.documents for event in store.events(limit=None)}
    assert len(states) >= 10
    per_day = len(documents) / DAYS
    days_a_slice = SLICE_DOCUMENTS / per_day
    for state in states:
        named = _state_documents(state)
        newest = max(arrivals[d] for d in named)
        # One window of arrivals, plus the slice that moved the clock past the rest.
        assert all(arrivals[d] >= newest - timedelta(days=WINDOW_DAYS + days_a_slice) for d in named)
        assert len(named) <= per_day * (WINDOW_DAYS + days_a_slice + 1)
        assert state["newest"] is None and all(event["last"] is None for event in state["live"])
    assert len(_state_documents(states[-1])) * 3 < len(documents)
    # Every document is in an event; each short story is one event of its three reports, and the long-running
    # stories kept their ids for five months, their old reports in the store only.
    assert all(membership.values())
    for day in range(DAYS):
        reports = {membership[f"s{day:03d}r{n}"] for n in range(3)}
        assert len(reports) == 1 and len(stored[reports.pop()]) == 3
    long_events = {membership[f"l{n}d{day:03d}"] for n in (0, 1) for day in range(0, DAYS, 2)}
    assert len(long_events) == 2 and all(len(stored[e]) == DAYS // 2 for e in long_events)


def test_a_dated_backfill_clusters_alike_whenever_it_arrived(
    window_run: tuple[Path, list[dict[str, Any]]], tmp_path: Path
) -> None:
    """Old news ingested over months, in reverse order of publication: arrival time never moves a dated event, so
    the store and the saved state are those of the window run, whose documents all arrived within seconds."""
    first, second = _corpus()
    late_first = datetime(2026, 12, 6, tzinfo=UTC)
    with Store(tmp_path / "backfill.db") as store:
        for number, group in enumerate((first, second)):
            for document in group:
                store.add_document(document)
            _set_arrivals(
                store,
                {
                    d.id: late_first - timedelta(days=index * 0.3 + number * 200)
                    for index, d in enumerate(group)
                },
            )
            api.update_events(store)
        state = store.state(runner.CLUSTERER_STATE)
    with Store(window_run[0]) as store:
        assert state == store.state(runner.CLUSTERER_STATE)
    assert state.get("newest_arrival") is None
    assert _content(tmp_path / "backfill.db") == _content(window_run[0])
