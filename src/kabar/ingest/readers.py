"""Readers: one function per input format, each yielding RawDocuments from the bytes of one input.

Formats are chosen by file name (see `FORMAT_BY_SUFFIX`); standard input is sniffed. Every reader raises
`InputError(source, reason)` for input it cannot read, naming the exact place (file, line, record).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from time import struct_time

from kabar.errors import InputError
from kabar.ingest.decode import decode_bytes, gunzip_if_needed
from kabar.records import RawDocument

# A single article larger than this is not an article (a dump, a binary, a mistake). Calibrated well above the
# largest page of the article-extraction benchmark (about 1.5 MB of HTML).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

Reader = Callable[[bytes, str], Iterator[RawDocument]]


def check_size(size: int, source: str, limit: int) -> None:
    if size > limit:
        raise InputError(source, f"too large ({size:,} bytes; the limit is {limit:,}; see --max-bytes)")


def read_text(data: bytes, source: str) -> Iterator[RawDocument]:
    """A plain-text scrape: the whole file is one article."""
    yield RawDocument(source=source, kind="text", body=decode_bytes(gunzip_if_needed(data, source), source))


def read_html(data: bytes, source: str) -> Iterator[RawDocument]:
    """An HTML page (also gzip-compressed): the whole file is one article."""
    yield RawDocument(source=source, kind="html", body=decode_bytes(gunzip_if_needed(data, source), source))


def _optional_string(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(where, f'field "{key}" must be a string')
    return value


def read_jsonl(data: bytes, source: str) -> Iterator[RawDocument]:
    """JSON lines: one article per line with `text` or `html`, optional url, title, published, outlet, author."""
    text = decode_bytes(gunzip_if_needed(data, source), source)
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}#L{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(where, f"invalid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InputError(where, "each line must be a JSON object")
        body_html = _optional_string(record, "html", where)
        body_text = _optional_string(record, "text", where)
        if not body_html and not body_text:
            raise InputError(where, 'no "text" or "html" field')
        found = True
        yield RawDocument(
            source=where,
            kind="html" if body_html else "text",
            body=body_html or body_text or "",
            url=_optional_string(record, "url", where),
            title=_optional_string(record, "title", where),
            published=_optional_string(record, "published", where),
            outlet=_optional_string(record, "outlet", where),
            author=_optional_string(record, "author", where),
        )
    if not found:
        raise InputError(source, "empty input: no JSON lines")


def read_warc(data: bytes, source: str) -> Iterator[RawDocument]:
    """WARC / WARC.gz (Common Crawl News layout): every HTTP response record holding HTML is one article."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = False
    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            if record.rec_type != "response":
                continue
            where = f"{source}#record-{number}"
            content_type = (
                record.http_headers.get_header("Content-Type") if record.http_headers else ""
            ) or ""
            if "html" not in content_type.lower():
                continue
            payload = record.content_stream().read()
            if not payload.strip():
                continue
            check_size(len(payload), where, MAX_DOCUMENT_BYTES)
            found = True
            yield RawDocument(
                source=where,
                kind="html",
                body=decode_bytes(payload, where),
                url=record.rec_headers.get_header("WARC-Target-URI"),
            )
    except ArchiveLoadFailed as error:
        raise InputError(source, f"not a valid WARC file ({str(error).splitlines()[0]})") from None
    if not found:
        raise InputError(source, "no HTML response records in this WARC file")


def _feed_time(value: struct_time | None) -> str | None:
    if not value:
        return None
    return datetime(*value[:6], tzinfo=UTC).isoformat()


def read_feed(data: bytes, source: str) -> Iterator[RawDocument]:
    """RSS or Atom feed: every entry with content or a summary is one article."""
    import feedparser

    feed = feedparser.parse(gunzip_if_needed(data, source))
    if feed.bozo and not feed.entries:
        raise InputError(
            source, f"not a readable RSS/Atom feed ({feed.get('bozo_exception', 'parse error')})"
        )
    outlet = feed.feed.get("title") or None
    found = False
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#entry-{number}"
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        if not body or not body.strip():
            continue
        found = True
        yield RawDocument(
            source=where,
            kind="html",
            body=body,
            url=entry.get("link") or None,
            title=entry.get("title") or None,
            published=_feed_time(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
            author=entry.get("author") or None,
        )
    if not found:
        raise InputError(source, "feed has no entries with content")


FORMAT_BY_SUFFIX: dict[str, Reader] = {
    ".txt": read_text,
    ".txt.gz": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".html.gz": read_html,
    ".htm.gz": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".jsonl.gz": read_jsonl,
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
}

# Formats read record by record, where the size limit applies to each article rather than to the file.
CONTAINER_READERS = frozenset({read_jsonl, read_warc, read_feed})


def reader_for_name(name: str) -> Reader | None:
    lowered = name.lower()
    for suffix in sorted(FORMAT_BY_SUFFIX, key=len, reverse=True):
        if lowered.endswith(suffix):
            return FORMAT_BY_SUFFIX[suffix]
    return None


def sniff_reader(data: bytes) -> Reader:
    """Choose a reader for unnamed input (stdin) from its first bytes."""
    head = gunzip_if_needed(data[:65536], "-") if data.startswith(b"\x1f\x8b") else data[:4096]
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith(b"warc/"):
        return read_warc
    if stripped.startswith(b"{"):
        return read_jsonl
    if stripped.startswith(b"<?xml") and (b"<rss" in stripped or b"<feed" in stripped or b"<rdf" in stripped):
        return read_feed
    if stripped.startswith((b"<rss", b"<feed")):
        return read_feed
    if stripped.startswith((b"<!doctype html", b"<html")) or b"<body" in stripped:
        return read_html
    return read_text
