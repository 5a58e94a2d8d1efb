"""The web app through FastAPI's TestClient: pages, citations, escaping, CSP, token, upload limit, JSON API."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from markupsafe import escape

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from kabar.store import Store
from kabar.web.app import CONTENT_SECURITY_POLICY, create_app
from test_web_support import (
    CRAFTED_EVENT_ID,
    HOSTILE_ID,
    HOSTILE_SCRIPT,
    HOSTILE_TITLE,
    seed_store_copy,
)

TOKEN = "test-token-7f3a"
REQUIRED_CSP = [
    "default-src 'none'",
    "style-src 'self'",
    "script-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
CITATION = re.compile(r'<a class="cite" href="([^"]+)"')
HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, example_paths: list[Path]) -> dict:
    store = seed_store_copy(tmp_path_factory.mktemp("web") / "kabar.db", example_paths)
    return {"db": store.db, "seed": store.seed_event_id, "expected": store.expected_sentences}


@pytest.fixture(scope="module")
def client(seeded: dict) -> TestClient:
    return TestClient(create_app(seeded["db"], token=TOKEN))


def _citations(page: str) -> list[tuple[str, int | None]]:
    found = []
    for href in CITATION.findall(page):
        path, _, fragment = html.unescape(href).partition("#")
        assert path.startswith("/documents/"), href
        found.append((unquote(path.removeprefix("/documents/")), int(fragment[2:]) if fragment else None))
    return found


def test_events_list_shows_the_seed_event(client: TestClient, seeded: dict) -> None:
    with Store(seeded["db"]) as store:
        seed = store.event(seeded["seed"])
    page = client.get("/").text
    assert f'href="/events/{seeded["seed"]}"' in page
    assert str(escape(seed.title or "")) in page
    assert "5 articles" in page


def test_event_page_has_every_section_and_each_citation_lands_on_an_existing_sentence(
    client: TestClient, seeded: dict, event_page_sections: list[str]
) -> None:
    page = client.get(f"/events/{seeded['seed']}")
    assert page.status_code == 200
    for heading in event_page_sections:
        assert f">{heading}</h2>" in page.text, heading
    assert "<svg" in page.text and "Coverage: articles per outlet over time" in page.text
    citations = _citations(page.text)
    assert citations, "the seed event's summary and facts should cite their sources"
    pages: dict[str, str] = {}
    for document_id, sentence in citations:
        if document_id not in pages:
            response = client.get(f"/documents/{document_id}")
            assert response.status_code == 200, document_id
            pages[document_id] = response.text
        if sentence is not None:
            assert f'id="s-{sentence}"' in pages[document_id], (document_id, sentence)


def test_citations_follow_the_origin_and_find_the_supporting_sentence_elsewhere(
    client: TestClient, seeded: dict
) -> None:
    page = client.get(f"/events/{CRAFTED_EVENT_ID}").text
    summary = page.split('class="summary"', 1)[1].split("</section>", 1)[0]
    cited = dict(_citations(summary))
    assert cited == seeded["expected"]


def test_hostile_text_title_outlet_and_url_are_escaped_everywhere(client: TestClient) -> None:
    for url in (f"/documents/{HOSTILE_ID}", f"/events/{CRAFTED_EVENT_ID}", "/documents", "/search?q=papan"):
        page = client.get(url).text
        assert HOSTILE_SCRIPT not in page, url
        assert "<img src=x" not in page and "<i>Evil</i>" not in page and "<b>heboh</b>" not in page, url
        assert 'href="javascript:' not in page.lower(), url
    document_page = client.get(f"/documents/{HOSTILE_ID}").text
    assert str(escape(HOSTILE_SCRIPT)) in document_page  # shown as text
    assert str(escape(HOSTILE_TITLE)) in document_page
    assert "javascript:alert(&#39;url&#39;)" in document_page  # the URL is printed, not linked
    search = client.get("/search", params={"q": "papan"}).text
    assert "<mark>papan</mark>" in search
    assert f'href="/documents/{HOSTILE_ID}#s-0"' in search  # the hit opens at the sentence holding the word


def test_every_response_carries_the_strict_csp(client: TestClient, seeded: dict) -> None:
    for url in (
        "/",
        f"/events/{seeded['seed']}",
        "/static/kabar.css",
        "/api/events",
        "/no-such-page",
        "/events/no-such-event",
    ):
        response = client.get(url)
        policy = response.headers.get("content-security-policy", "")
        for directive in REQUIRED_CSP:
            assert directive in policy, (url, directive)
        assert response.headers.get("x-content-type-options") == "nosniff"
    assert all(directive in CONTENT_SECURITY_POLICY for directive in REQUIRED_CSP)


def test_pages_need_no_inline_script_or_style(client: TestClient, seeded: dict) -> None:
    # The CSP forbids inline code; a page that relied on it would break, so none may have any.
    for url in (
        "/",
        f"/events/{seeded['seed']}",
        f"/events/{CRAFTED_EVENT_ID}",
        f"/documents/{HOSTILE_ID}",
        "/search?q=Putin",
        "/upload",
        "/api/docs",
        "/documents",
    ):
        page = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), url
        assert not re.search(r"\sstyle=", page), url
        assert not re.search(r"<[^>]*\son[a-z]+=", page), url  # escaped article text may say "onerror="
        assert "<style" not in page, url
        assert not re.search(r'(src|href)="(https?:)?//', page.replace('href="https://', "")), url


def test_write_endpoints_are_off_without_a_token(seeded: dict) -> None:
    closed = TestClient(create_app(seeded["db"], token=None))
    response = closed.post("/api/ingest", files={"files": ("a.txt", b"Judul\n\nIsi berita.", "text/plain")})
    assert response.status_code == 403
    assert "KABAR_TOKEN" in response.json()["detail"]
    assert "Uploads are off" in closed.get("/upload").text
    form = closed.post(
        "/upload", data={"token": "anything"}, files={"files": ("a.txt", b"x", "text/plain")}, headers=HTML
    )
    assert form.status_code == 403


def test_a_wrong_token_is_refused(client: TestClient, seeded: dict) -> None:
    before = Store(seeded["db"]).count_documents()
    response = client.post(
        "/api/ingest",
        files={"files": ("a.txt", b"Judul\n\nIsi berita yang cukup panjang.", "text/plain")},
        headers={"Authorization": "Bearer wrong"},
    )
    assert response.status_code == 401
    assert Store(seeded["db"]).count_documents() == before


def test_uploads_over_the_limit_get_a_clear_error_and_store_nothing(seeded: dict) -> None:
    small = TestClient(create_app(seeded["db"], token=TOKEN, max_upload_bytes=2048))
    before = Store(seeded["db"]).count_documents()
    body = ("Kalimat berita yang panjang sekali. " * 200).encode()
    response = small.post(
        "/api/ingest",
        files={"files": ("big.txt", body, "text/plain")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 413
    assert "larger than this server accepts (0.00195312 MB" in response.json()["detail"]

    def chunks():  # no Content-Length: the limit must hold while the body streams in
        yield b'--zz\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'
        for _ in range(8):
            yield b"x" * 1024

    streamed = small.post(
        "/api/ingest",
        content=chunks(),
        headers={"Authorization": f"Bearer {TOKEN}", "content-type": "multipart/form-data; boundary=zz"},
    )
    assert streamed.status_code == 413
    page = small.post(
        "/upload", data={"token": TOKEN}, files={"files": ("big.txt", body, "text/plain")}, headers=HTML
    )
    assert page.status_code == 413 and "Upload too large" in page.text
    assert Store(seeded["db"]).count_documents() == before


NEW_ARTICLE = """Banjir Rendam Ratusan Rumah di Jakarta Timur

Jakarta, 2 Februari 2024 - Banjir merendam ratusan rumah warga di Kampung Melayu, Jakarta Timur, pada Jumat pagi.

Kepala BPBD DKI Jakarta mengatakan ketinggian air mencapai satu meter setelah hujan deras sejak Kamis malam.

Sebanyak 420 warga mengungsi ke masjid dan sekolah terdekat, sementara petugas menyiapkan dapur umum.
"""


def test_upload_with_the_token_stores_the_article_and_briefs_its_event(
    tmp_path: Path, example_paths: list[Path]
) -> None:
    store = seed_store_copy(tmp_path / "kabar.db", example_paths)
    client = TestClient(create_app(store.db, token=TOKEN))
    article = NEW_ARTICLE.encode()
    response = client.post(
        "/api/ingest",
        files=[
            ("files", ("banjir.txt", article, "text/plain")),
            ("files", ("notes.xyz", b"?", "text/plain")),
        ],
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert len(result["new"]) == 1 and result["failed"][0]["name"] == "notes.xyz"
    assert result["events"], "the new article's event should be briefed"
    new_id = result["new"][0]["id"]
    stored = client.get(f"/api/documents/{new_id}").json()
    assert stored["id"] == new_id
    # The document names the uploaded file, not the server's temporary copy.
    assert stored["source"] == "upload:banjir.txt", stored["source"]
    assert f"/documents/{new_id}" in client.get("/documents").text
    event_page = client.get(result["events"][0]["href"]).text
    assert f"/documents/{new_id}" in event_page
    assert result["events"][0]["href"] in client.get("/").text
    again = client.post(
        "/upload", data={"token": TOKEN}, files={"files": ("banjir.txt", article, "text/plain")}, headers=HTML
    )
    assert again.status_code == 200 and "already known" in again.text


def test_json_api_mirrors_the_briefing_contract(client: TestClient, seeded: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).resolve().parents[1] / "src" / "kabar" / "render" / "briefing.schema.json"
    payload = client.get(f"/api/events/{seeded['seed']}").json()
    jsonschema.validate(payload, json.loads(schema_path.read_text(encoding="utf-8")))
    with Store(seeded["db"]) as store:
        expected = store.briefing_for_event(seeded["seed"]).to_json()
    payload.pop("generated"), expected.pop("generated")
    assert payload == expected
    listing = client.get("/api/events").json()
    assert listing["total"] == len(listing["events"]) >= 2
    document = client.get(f"/api/documents/{HOSTILE_ID}").json()
    assert document["text"].startswith("Seorang warga menulis <script>")  # JSON carries the text as it is
    hits = client.get("/api/search", params={"q": "Vostochny"}).json()["hits"]
    assert hits and any(part["match"] for part in hits[0]["parts"])
    assert client.get("/api/events/nope").status_code == 404


def test_openapi_is_served_and_documented_without_a_cdn(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents/{document_id}",
        "/api/search",
        "/api/ingest",
    ):
        assert path in spec["paths"], path
    docs = client.get("/api/docs").text
    assert "GET /api/events/{event_id}" in docs and "POST /api/ingest" in docs
    assert client.get("/docs").status_code == 404  # FastAPI's Swagger page would load scripts from a CDN


def test_events_filter_by_outlet_entity_and_date(client: TestClient, seeded: dict) -> None:
    with Store(seeded["db"]) as store:
        seed = store.event(seeded["seed"])
        outlet = next(d.outlet for d in store.documents_by_id(seed.documents) if d.outlet)

    def ids(**params: str) -> set[str]:
        response = client.get("/api/events", params=params)
        assert response.status_code == 200, response.text
        return {event["id"] for event in response.json()["events"]}

    assert seeded["seed"] in ids(outlet=outlet.upper())
    assert not ids(outlet="No Such Outlet")
    assert seed.entities, "the seed event names people and places"
    entity = seed.entities[0]
    assert seeded["seed"] in ids(entity=entity.name.upper())
    assert seeded["seed"] in ids(entity=(entity.aliases or [entity.name])[-1].lower())
    assert not ids(entity="Nobody Whatsoever")
    # Only names match: the event's title or a summary sentence is not an entity.
    assert seeded["seed"] not in ids(entity=seed.title)
    assert seeded["seed"] not in ids(entity=seed.summary[0].text)
    day = (seed.last_published or seed.first_published or "")[:10]
    if day:
        assert seeded["seed"] in ids(date_from=day, date_to=day)
        assert seeded["seed"] not in ids(date_from="2999-01-01")
    assert client.get("/api/events", params={"date_from": "13/09/2023"}).status_code == 422
    assert "No event matches" in client.get("/", params={"outlet": "No Such Outlet"}).text


def test_serve_binds_to_localhost_by_default() -> None:
    import argparse

    from kabar.web.command import register

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["serve"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, None)
