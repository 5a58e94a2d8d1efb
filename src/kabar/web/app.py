"""`kabar serve`: the events, briefings and documents of a store as web pages and a JSON API.

Pages are rendered on the server (Jinja, autoescape on); the only script is a small bundled file that shows upload
progress. Every response carries a strict Content-Security-Policy, so even a rendering bug could not run a script
or load anything from elsewhere. Write endpoints (upload, ingest) are off unless a token is configured
(`KABAR_TOKEN`), and every request body is capped (`KABAR_MAX_UPLOAD_MB`, default 25 MB).
"""

from __future__ import annotations

import hmac
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import UploadFile as FormFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kabar import __version__
from kabar.records import Briefing, Document, Event
from kabar.store import Store
from kabar.store.queries import EventFilters, Queries
from kabar.web.templating import STATIC_DIR, environment
from kabar.web.views import AppLinks, document_view, event_row, event_title, event_view

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    # connect-src: the upload page's script posts the files to /api/ingest to show progress.
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# One upload (all its files together). News articles are kilobytes and a day's WARC extract a few megabytes;
# 25 MB lets a sizeable batch through while keeping one request from filling the disk or the memory.
DEFAULT_MAX_UPLOAD_MB = 25

# Rows per page of the events and documents lists, and hits per search: one screenful with room to scroll.
PAGE_SIZE = 50
SEARCH_LIMIT = 50
MAX_PAGE_SIZE = 500

TOKEN_ENV = "KABAR_TOKEN"
MAX_UPLOAD_ENV = "KABAR_MAX_UPLOAD_MB"

WRITE_PATHS = ("/upload", "/api/ingest")
# Source of an uploaded document: the file name the browser sent, marked as an upload ("upload:banjir.txt").
UPLOAD_SOURCE_PREFIX = "upload:"


@dataclass(slots=True)
class Settings:
    db_path: str
    token: str | None
    max_upload_bytes: int

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    max_upload_bytes: int | None = None,
) -> FastAPI:
    """The web app over the store at `db_path` (created if missing).

    `token` defaults to `$KABAR_TOKEN`; without one, upload and ingest answer 403. `max_upload_bytes` defaults to
    `$KABAR_MAX_UPLOAD_MB` megabytes, else 25 MB.
    """
    if max_upload_bytes is None:
        max_upload_bytes = int(float(os.environ.get(MAX_UPLOAD_ENV, DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024)
    settings = Settings(
        db_path=str(db_path),
        token=token if token is not None else (os.environ.get(TOKEN_ENV) or None),
        max_upload_bytes=max_upload_bytes,
    )
    Store(settings.db_path).close()  # create and migrate the store now, so read-only pages can open it
    app = FastAPI(
        title="kabar",
        version=__version__,
        description="Cited briefings of news events. JSON mirrors the `kabar.briefing/1` contract.",
        # FastAPI's own docs pages load their scripts from a CDN; ours (/api/docs) is rendered here.
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.include_router(pages)
    app.include_router(api)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, limit=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse(
                {"detail": error.detail}, status_code=error.status_code, headers=error.headers
            )
        return _page(
            "error.html",
            status_code=error.status_code,
            title=_ERROR_TITLES.get(error.status_code, "Error"),
            message=str(error.detail),
        )

    return app


_ERROR_TITLES = {401: "Not allowed", 403: "Not allowed", 404: "Not found", 413: "Upload too large"}


# ------------------------------------------------------------------------------------------------ middleware


class SecurityHeaders:
    """Adds the CSP and friends to every response, errors and static files included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.decode().title() not in SECURITY_HEADERS
                ]
                headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses request bodies over the limit with 413 and a clear message, before or while they arrive."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _message(self) -> str:
        return (
            f"The upload is larger than this server accepts ({self.limit / 1024 / 1024:g} MB in one upload). "
            f"Upload fewer or smaller files, or start the server with {MAX_UPLOAD_ENV} set higher."
        )

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        wants_html = any(
            k == b"accept" and b"text/html" in v for k, v in scope.get("headers", [])
        ) and not scope["path"].startswith("/api/")
        if wants_html:
            response: Response = _page(
                "error.html", status_code=413, title="Upload too large", message=self._message()
            )
        else:
            response = JSONResponse({"detail": self._message()}, status_code=413)
        await response(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in {"GET", "HEAD", "OPTIONS"}:
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", []):
            if key == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self._refuse(scope, receive, send)
                return
        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                return  # the app's own answer to a cut-off body (FastAPI says 400); ours follows
            started = started or message["type"] == "http.response.start"
            await send(message)

        with suppress(BodyTooLarge):
            await self.app(scope, counting_receive, tracking_send)
        if exceeded and not started:
            await self._refuse(scope, receive, send)


# ---------------------------------------------------------------------------------------------------- helpers


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


@contextmanager
def _store(request: Request) -> Iterator[Store]:
    # A store per request: SQLite connections are cheap, and WAL lets pages read while an upload writes.
    store = Store(_settings(request).db_path)
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _queries(request: Request) -> Iterator[Queries]:
    queries = Queries(_settings(request).db_path)
    try:
        yield queries
    finally:
        queries.close()


def _page(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("active", None)
    context.setdefault("query", "")
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status_code)


def _bounded(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _pager(request: Request, page: int, total: int, size: int) -> dict[str, Any]:
    def link(number: int) -> str:
        params = dict(request.query_params)
        params["page"] = str(number)
        return f"{request.url.path}?{urlencode(params)}"

    return {
        "page": page,
        "previous": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page * size < total else None,
    }


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _filters(
    date_from: str | None, date_to: str | None, outlet: str | None, entity: str | None
) -> EventFilters:
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not _DATE.match(value):
            raise HTTPException(422, f"{name} must be a date written YYYY-MM-DD, not {value!r}")
    return EventFilters(
        date_from or None, date_to or None, (outlet or "").strip() or None, (entity or "").strip() or None
    )


def _document_json(document: Document) -> dict[str, Any]:
    return Briefing(generated="", documents=[document], events=[]).to_json()["documents"][0]


def _document_link(document_id: str, title: str | None) -> dict[str, str]:
    return {"id": document_id, "title": title or "(no headline)", "href": AppLinks().document(document_id)}


# ------------------------------------------------------------------------------------------------------ pages

pages = APIRouter(include_in_schema=False)


@pages.get("/", response_class=HTMLResponse)
def events_page(
    request: Request,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    page: int = 1,
) -> HTMLResponse:
    filters = _filters(date_from, date_to, outlet, entity)
    page = max(page, 1)
    links = AppLinks()
    with _queries(request) as queries, _store(request) as store:
        events, total = queries.events(filters, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        outlets_by_event = queries.outlets_of_events([e.id for e in events])
        rows = []
        for event in events:
            row = event_row(event, {}, links)
            row.outlets = outlets_by_event.get(event.id, [])
            if not event.title:
                first = store.document(event.documents[0]) if event.documents else None
                row.title = event_title(event, {first.id: first} if first else {})
            rows.append(row)
        return _page(
            "events.html",
            active="events",
            rows=rows,
            total=total,
            filters=filters,
            outlets=queries.outlets(),
            document_count=store.count_documents(),
            pager=_pager(request, page, total, PAGE_SIZE),
        )


@pages.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    with _store(request) as store:
        briefing = store.briefing_for_event(event_id)
    if briefing is None:
        raise HTTPException(404, f"No event {event_id!r} in this store.")
    view = event_view(briefing.events[0], briefing.documents, AppLinks())
    return _page("event.html", active="events", view=view)


@pages.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, page: int = 1) -> HTMLResponse:
    page = max(page, 1)
    links = AppLinks()
    with _store(request) as store:
        total = store.count_documents()
        documents = store.documents(limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    rows = [
        {
            "href": links.document(d.id),
            "title": d.title or "(no headline)",
            "outlet": d.outlet or "—",
            "published": d.published,
            "language": d.language,
        }
        for d in documents
    ]
    return _page(
        "documents.html",
        active="documents",
        documents=rows,
        total=total,
        pager=_pager(request, page, total, PAGE_SIZE),
    )


@pages.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, document_id: str) -> HTMLResponse:
    with _store(request) as store:
        document = store.document(document_id)
    if document is None:
        raise HTTPException(404, f"No document {document_id!r} in this store.")
    with _queries(request) as queries:
        events = [
            {"href": AppLinks().event(event_id), "title": title or f"Event {event_id}"}
            for event_id, title in queries.events_of_document(document.id)
        ]
    return _page("document.html", active="documents", view=document_view(document), events=events)


@pages.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> HTMLResponse:
    query = q.strip()
    hits: list[dict[str, Any]] = []
    error = None
    if query:
        try:
            with _queries(request) as queries:
                found = queries.search(query, SEARCH_LIMIT)
        except sqlite3.OperationalError:
            found, error = [], "This search could not be run; try plain words."
        hits = [
            {
                "href": AppLinks().sentence(hit.document_id, hit.sentence)
                if hit.sentence is not None
                else AppLinks().document(hit.document_id),
                "title": hit.title or "(no headline)",
                "outlet": hit.outlet or "unknown outlet",
                "snippet": hit.snippet,
            }
            for hit in found
        ]
    return _page("search.html", query=query, hits=hits, error=error)


@pages.get("/upload", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    settings = _settings(request)
    return _page(
        "upload.html",
        active="upload",
        writes_enabled=settings.writes_enabled,
        max_upload_mb=f"{settings.max_upload_bytes / 1024 / 1024:g}",
    )


@pages.post("/upload", response_class=HTMLResponse)
async def upload_form(request: Request) -> HTMLResponse:
    """The upload form without script: token in the form, result as a page."""
    form = await request.form()
    _check_token(_settings(request), str(form.get("token") or ""))
    files = [item for item in form.getlist("files") if isinstance(item, FormFile)]
    result = await _ingest_uploads(request, files)
    return _page("upload_result.html", active="upload", result=result)


FAVICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/>'
    '<path d="M9 7h4v8l7-8h5l-8 9 8 9h-5l-7-8v8H9z" fill="#fff"/></svg>'
)


@pages.get("/favicon.svg")
@pages.get("/favicon.ico")
def favicon() -> Response:
    # Kept in code rather than a static file: package data ships only the suffixes pyproject lists.
    return Response(FAVICON, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


@pages.get("/api/docs", response_class=HTMLResponse)
def api_docs_page(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, operation in methods.items():
            parameters = [
                {
                    "name": p.get("name"),
                    "where": p.get("in"),
                    "type": (p.get("schema") or {}).get("type", "string"),
                    "required": p.get("required", False),
                }
                for p in operation.get("parameters", [])
            ]
            if "requestBody" in operation:
                parameters.append(
                    {"name": "files", "where": "body (multipart)", "type": "file[]", "required": True}
                )
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                }
            )
    return _page("api_docs.html", active="api", spec=spec, operations=operations)


# -------------------------------------------------------------------------------------------------------- api

api = APIRouter(prefix="/api", tags=["api"])


@api.get("/events", summary="Events, newest day first, then the most covered")
def api_events(
    request: Request,
    date_from: str | None = Query(None, description="YYYY-MM-DD: events whose last article is on or after"),
    date_to: str | None = Query(None, description="YYYY-MM-DD: events whose first article is on or before"),
    outlet: str | None = Query(None, description="only events with an article from this outlet"),
    entity: str | None = Query(None, description="only events naming this entity (name or alias)"),
    limit: int = PAGE_SIZE,
    offset: int = 0,
) -> dict[str, Any]:
    """Each event as in the briefing contract (`events[]` of `kabar.briefing/1`), without its documents' text."""
    filters = _filters(date_from, date_to, outlet, entity)
    with _queries(request) as queries:
        events, total = queries.events(filters, _bounded(limit, 1, MAX_PAGE_SIZE), max(offset, 0))
    payload = Briefing(generated="", documents=[], events=events).to_json()["events"]
    return {"total": total, "offset": max(offset, 0), "events": payload}


@api.get("/events/{event_id}", summary="The briefing of one event (kabar.briefing/1)")
def api_event(request: Request, event_id: str) -> dict[str, Any]:
    """A complete `kabar.briefing/1` document holding this one event and its documents."""
    with _store(request) as store:
        briefing = store.briefing_for_event(event_id)
    if briefing is None:
        raise HTTPException(404, f"No event {event_id!r} in this store.")
    return briefing.to_json()


@api.get("/documents", summary="Documents, most recently added first")
def api_documents(request: Request, limit: int = PAGE_SIZE, offset: int = 0) -> dict[str, Any]:
    """Documents as in `documents[]` of the contract (with their text)."""
    with _store(request) as store:
        total = store.count_documents()
        documents = store.documents(limit=_bounded(limit, 1, MAX_PAGE_SIZE), offset=max(offset, 0))
    return {"total": total, "offset": max(offset, 0), "documents": [_document_json(d) for d in documents]}


@api.get("/documents/{document_id}", summary="One document")
def api_document(request: Request, document_id: str) -> dict[str, Any]:
    with _store(request) as store:
        document = store.document(document_id)
    if document is None:
        raise HTTPException(404, f"No document {document_id!r} in this store.")
    return _document_json(document)


@api.get("/search", summary="Full-text search over the articles")
def api_search(request: Request, q: str, limit: int = 20) -> dict[str, Any]:
    """Best match first; `snippet` marks each match between `[` and `]`, `parts` gives it unambiguously."""
    try:
        with _queries(request) as queries:
            hits = queries.search(q, _bounded(limit, 1, MAX_PAGE_SIZE))
    except sqlite3.OperationalError as error:
        raise HTTPException(422, f"This search could not be run ({error}); try plain words.") from None
    return {
        "query": q,
        "hits": [
            {
                "document": hit.document_id,
                "title": hit.title,
                "outlet": hit.outlet,
                "published": hit.published,
                "sentence": hit.sentence,
                "snippet": "".join(f"[{text}]" if marked else text for text, marked in hit.snippet),
                "parts": [{"text": text, "match": marked} for text, marked in hit.snippet],
            }
            for hit in hits
        ],
    }


@api.post(
    "/ingest",
    summary="Upload articles, store them and brief the affected events",
    description="Needs `Authorization: Bearer TOKEN` (the server's KABAR_TOKEN). Multipart field `files`.",
)
async def api_ingest(request: Request, files: list[UploadFile]) -> dict[str, Any]:
    _check_token(_settings(request), _bearer(request))
    return await _ingest_uploads(request, files)


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-kabar-token", "")


def _check_token(settings: Settings, given: str) -> None:
    if not settings.token:
        raise HTTPException(
            403, f"Uploads are off on this server: start it with {TOKEN_ENV} set to enable write endpoints."
        )
    if not given or not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(401, "Wrong or missing access token.", headers={"WWW-Authenticate": "Bearer"})


_UNSAFE_NAME = re.compile(r"[^\w.\-]+", re.UNICODE)


def _safe_name(filename: str | None, position: int) -> str:
    # Keep only the base name (no directories from the client) and its extension (readers go by extension).
    base = Path((filename or "").replace("\\", "/")).name
    base = _UNSAFE_NAME.sub("_", base).lstrip(".") or f"upload-{position}.txt"
    return base[:120]


async def _ingest_uploads(request: Request, files: list[FormFile]) -> dict[str, Any]:
    """Store each uploaded file (one bad file does not stop the others), then brief the events that changed."""
    from starlette.concurrency import run_in_threadpool

    if not files:
        raise HTTPException(422, "No files in the upload.")
    with tempfile.TemporaryDirectory(prefix="kabar-upload-") as folder:
        saved: list[tuple[str, Path]] = []
        for position, upload in enumerate(files):
            target = Path(folder) / f"{position:03d}" / _safe_name(upload.filename, position)
            target.parent.mkdir()
            target.write_bytes(await upload.read())
            saved.append((upload.filename or target.name, target))
        return await run_in_threadpool(_ingest_saved, _settings(request), saved)


def _ingest_saved(settings: Settings, saved: list[tuple[str, Path]]) -> dict[str, Any]:
    from kabar import api as kabar_api
    from kabar.errors import KabarError

    new: list[str] = []
    known: list[str] = []
    failed: list[dict[str, str]] = []
    with Store(settings.db_path) as store:
        for name, path in saved:
            try:
                report = kabar_api.ingest([path], store, keep_going=True, max_bytes=settings.max_upload_bytes)
            except KabarError as error:
                failed.append({"name": name, "reason": getattr(error, "reason", str(error))})
                continue
            # The documents name the uploaded file, not the temporary copy they were read from.
            store.rename_source(str(path), f"{UPLOAD_SOURCE_PREFIX}{name}")
            new.extend(report.new)
            known.extend(report.known)
            failed.extend({"name": name, "reason": error.reason} for error in report.failed)
        event_ids = kabar_api.update_events(store) if new else []
        titles = {
            d: (store.document(d) or Document(id=d, source="", text="")).title
            for d in dict.fromkeys(new + known)
        }
        events: list[Event] = [e for e in (store.event(i) for i in event_ids) if e is not None]
        event_links = [
            {
                "id": e.id,
                "title": event_title(e, {d.id: d for d in store.documents_by_id(e.documents[:1])}),
                "href": AppLinks().event(e.id),
            }
            for e in events
        ]
    return {
        "new": [_document_link(d, titles[d]) for d in dict.fromkeys(new)],
        "known": [_document_link(d, titles[d]) for d in dict.fromkeys(known) if d not in set(new)],
        "failed": failed,
        "events": event_links,
    }


__all__ = ["CONTENT_SECURITY_POLICY", "create_app"]
