"""The self-contained HTML report (`kabar brief --html`): one file, nothing fetched, same content as the event page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("jinja2")

from markupsafe import escape

from kabar.records import Briefing, Document, Event
from kabar.render.html import render_html
from kabar.store import Store
from test_web_support import CRAFTED_EVENT_ID, HOSTILE_SCRIPT, HOSTILE_TITLE, seed_store_copy

SECTION_HEADING = re.compile(r'<h[1-6] id="[^"]*-h">([^<]+)</h[1-6]>')
CITATION = re.compile(r'<a class="cite" href="[^"]*" aria-label="[^"]*"[^>]*>\[(\d+)\]</a>')


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, example_paths: list[Path]) -> tuple[Path, str]:
    store = seed_store_copy(tmp_path_factory.mktemp("report") / "kabar.db", example_paths)
    return store.db, store.seed_event_id


def _briefing(store_path: Path, event_id: str) -> Briefing:
    with Store(store_path) as store:
        briefing = store.briefing_for_event(event_id)
    assert briefing is not None
    return briefing


def test_report_is_one_file_that_fetches_nothing(store_path: tuple[Path, str]) -> None:
    report = render_html(_briefing(*store_path))
    assert report.startswith("<!doctype html>")
    assert "<style>" in report and "@media print" in report and "@media (max-width" in report
    assert 'name="viewport"' in report
    for fetching in ("<link", "<script", " src=", "@import", "url(", "<iframe", "<object"):
        assert fetching not in report, fetching


def test_every_internal_link_of_the_report_has_its_target(store_path: tuple[Path, str]) -> None:
    briefing = _briefing(*store_path)
    report = render_html(briefing)
    ids = set(re.findall(r'\sid="([^"]+)"', report))
    targets = re.findall(r'href="#([^"]+)"', report)
    assert targets
    missing = sorted({target for target in targets if target not in ids})
    assert not missing
    citations = re.findall(r'class="cite" href="#(doc-[^"]+-s-\d+)"', report)
    assert citations, "the seed event's citations should open sentences of the documents"
    for document in briefing.documents:
        assert f'id="doc-{document.id}"' in report


def test_report_shows_the_same_briefing_as_the_event_page(
    store_path: tuple[Path, str], event_page_sections: list[str]
) -> None:
    from fastapi.testclient import TestClient

    from kabar.web.app import create_app

    db_path, event_id = store_path
    page = TestClient(create_app(db_path)).get(f"/events/{event_id}").text
    report = render_html(_briefing(db_path, event_id))
    page_sections = SECTION_HEADING.findall(page)
    assert page_sections[: len(event_page_sections)] == event_page_sections
    assert SECTION_HEADING.findall(report)[: len(page_sections)] == page_sections
    assert CITATION.findall(report) == CITATION.findall(page)
    summary = re.findall(r'<span class="summary-sentence">([^<]*)</span>', page)
    assert summary and re.findall(r'<span class="summary-sentence">([^<]*)</span>', report) == summary


def test_report_escapes_hostile_articles(store_path: tuple[Path, str]) -> None:
    report = render_html(_briefing(store_path[0], CRAFTED_EVENT_ID))
    assert HOSTILE_SCRIPT not in report and "<b>heboh</b>" not in report and "<i>Evil</i>" not in report
    assert str(escape(HOSTILE_SCRIPT)) in report and str(escape(HOSTILE_TITLE)) in report
    assert 'href="javascript:' not in report


def test_empty_briefing_sections_render_as_such() -> None:
    document = Document(id="d1", source="a.txt", text="Satu paragraf saja.", title=None, outlet=None)
    bare = Briefing(
        generated="2024-01-01T00:00:00+00:00", documents=[document], events=[Event("e1", None, ["d1"])]
    )
    report = render_html(bare)
    for message in (
        "No summary yet",
        "No facts extracted yet",
        "No direct quotes found",
        "No dated happenings",
        "No entities extracted yet",
        "No article here copies or rewrites another",
    ):
        assert message in report, message
    assert "Satu paragraf saja." in report
    nothing = render_html(Briefing(generated="2024-01-01T00:00:00+00:00", documents=[], events=[]))
    assert "No events in this briefing." in nothing
