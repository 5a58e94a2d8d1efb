"""`clean()`: a RawDocument in, a clean Document out."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

from kabar.clean import lines as line_rules
from kabar.clean.dates import normalise_timestamp
from kabar.clean.html import extract_html, extract_text, read_html
from kabar.clean.language import detect_language
from kabar.clean.lines import LineResult, clean_lines, clean_page_text, normalise_text
from kabar.clean.memory import ChromeMemory
from kabar.clean.meta import TITLE_SUFFIX_RE, parse_dateline
from kabar.records import Document, RawDocument

# How many leading lines of a scrape are searched for a dateline to name the outlet before cleaning (the
# dateline opens the first paragraph, which follows at most a menu, a headline, a date and a caption).
OUTLET_SCAN_LINES = 20


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")


def _scan_outlet(text: str) -> str | None:
    lines = [line.strip() for line in normalise_text(text).split("\n") if line.strip()]
    for index, line in enumerate(lines[:OUTLET_SCAN_LINES]):
        candidate = line
        if index + 1 < len(lines) and len(line.split()) <= 3:
            candidate = f"{line} {lines[index + 1]}"
        dateline = parse_dateline(candidate)
        if dateline is not None and dateline.outlet:
            return dateline.outlet
    return None


def memory_outlet(raw: RawDocument) -> str | None:
    """The outlet a document's lines are remembered under: container outlet, URL host, or its dateline."""
    return raw.outlet or _host(raw.url) or (_scan_outlet(raw.body) if raw.kind == "text" else None)


def observe(memory: ChromeMemory, raw: RawDocument) -> None:
    """Remember the lines of one plain-text scrape. HTML is cut down to the article by the extractor first, so
    its lines are not observed (the extractor already drops the repeated page frame)."""
    if raw.kind != "text":
        return
    key = hashlib.blake2b(raw.body.encode("utf-8", errors="replace"), digest_size=12).hexdigest()
    lines = [line.strip() for line in normalise_text(raw.body).split("\n") if line.strip()]
    memory.observe(lines, outlet=memory_outlet(raw), document_key=key)


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None


def clean(raw: RawDocument, *, doc_id: str, chrome: ChromeMemory | None = None) -> Document:
    """Clean one raw document. Container metadata on `raw` wins over what the text says, unless it is empty."""
    return clean_detailed(raw, doc_id=doc_id, chrome=chrome)[0]


def clean_detailed(
    raw: RawDocument, *, doc_id: str, chrome: ChromeMemory | None = None
) -> tuple[Document, LineResult]:
    """`clean()` plus the line-level decisions (which input line went to the body), for benchmarks and tools."""
    container_published = normalise_timestamp(raw.published) if raw.published else None
    if raw.kind == "html":
        page = read_html(raw.body, url=raw.url) if line_rules.PAGE_TEXT_FIRST else None
        if page is not None and page.page_text.strip():
            html = page.html
            lines = clean_page_text(
                page.page_text,
                lambda: extract_text(html),
                memory=chrome,
                outlet_hint=memory_outlet(raw),
                title_hint=_first(raw.title, page.title),
            )
        else:
            page = extract_html(raw.body, url=raw.url)
            lines = clean_lines(
                page.text,
                memory=chrome,
                outlet_hint=memory_outlet(raw),
                title_hint=_first(raw.title, page.title),
                extracted=page.extracted,
            )
        title = _first(raw.title, page.title, lines.title)
        outlet = _first(raw.outlet, page.sitename, lines.outlet, _host(raw.url or page.url))
        author = _first(raw.author, page.author, ", ".join(lines.authors))
        published = container_published or page.published or lines.published
        url = _first(raw.url, page.url)
        captions = list(dict.fromkeys([*page.captions, *lines.captions]))
    else:
        lines = clean_lines(
            raw.body, memory=chrome, outlet_hint=memory_outlet(raw), title_hint=_first(raw.title)
        )
        title = _first(raw.title, lines.title)
        text_outlet = lines.outlet
        if text_outlet is None and lines.title:
            suffix = TITLE_SUFFIX_RE.search(lines.title)
            if suffix and "." in suffix.group("outlet"):
                text_outlet = suffix.group("outlet")
        outlet = _first(raw.outlet, text_outlet, _host(raw.url))
        author = _first(raw.author, ", ".join(lines.authors))
        published = container_published or lines.published
        url = _first(raw.url)
        captions = lines.captions
    text = "\n\n".join(lines.paragraphs)
    extra: dict[str, object] = {}
    if lines.editors:
        extra["editor"] = ", ".join(lines.editors)
    if lines.place:
        extra["dateline_place"] = lines.place
    document = Document(
        id=doc_id,
        source=raw.source,
        text=text,
        url=url,
        title=title,
        outlet=outlet,
        author=author,
        published=published,
        language=detect_language(text),
        removed=lines.removed,
        captions=captions,
        sources=[raw.source],
        extra=extra,
    )
    return document, lines
