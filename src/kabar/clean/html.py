"""Main content and metadata of an HTML page.

The body comes from trafilatura (precision-leaning settings, comments left out), then goes through the same line
clean-up as a plain-text scrape. Metadata: trafilatura's reading of JSON-LD, meta tags and htmldate, except the
publication time, which is read with its time and offset from `article:published_time`, JSON-LD `datePublished`
or a `<time datetime>` where the page gives one (htmldate keeps only the day).
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

import trafilatura

from kabar.clean.dates import normalise_timestamp

# trafilatura settings, chosen on the article-extraction-benchmark (bench/clean/html_bench.py): leaving comments
# out and favouring precision gave the best F1 of the settings tried (see docs/benchmarks/clean.md).
EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
}
# Only the head and the first part of a page are scanned for publication-time tags (they sit in <head> or the
# article header); scanning whole pages of 1 MB with a regex costs more than it finds.
META_SCAN_CHARS = 300_000

_PUBLISHED_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE | re.DOTALL)
    for p in (
        r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|og:published_time|"
        r"datePublished|pubdate|publishdate|publish-date|parsely-pub-date|sailthru\.date|dc\.date\.issued|"
        r"dcterms\.created|date)[\"'][^>]*?content=[\"']([^\"']+)[\"']",
        r"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]*?(?:property|name|itemprop)=[\"'](?:article:published_time|"
        r"og:published_time|datePublished|pubdate|publishdate|publish-date|parsely-pub-date)[\"']",
        r"\"datePublished\"\s*:\s*\"([^\"]+)\"",
        r"<time[^>]+datetime=[\"']([^\"']+)[\"'][^>]*(?:pubdate|itemprop=[\"']datePublished)",
        r"<time[^>]+(?:pubdate|itemprop=[\"']datePublished[\"'])[^>]*datetime=[\"']([^\"']+)[\"']",
    )
)
_FIGCAPTION_RE = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")
# Captions longer than this (characters) are usually whole embedded widgets, not a photo's caption.
CAPTION_MAX_CHARS = 400


@dataclass
class HtmlExtract:
    text: str
    title: str | None = None
    author: str | None = None
    sitename: str | None = None
    published: str | None = None
    url: str | None = None
    description: str | None = None
    captions: list[str] = field(default_factory=list)


def decode_html(body: str | bytes) -> str:
    if isinstance(body, str):
        return body
    from charset_normalizer import from_bytes

    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(body).best()
        return str(best) if best is not None else body.decode("utf-8", errors="replace")


def extract_text(page: str) -> str:
    """Only the main-content text, as trafilatura gives it with kabar's settings (used by the speed bench)."""
    return trafilatura.extract(page, **EXTRACT_OPTIONS) or ""  # type: ignore[arg-type]


def published_from_tags(page: str) -> str | None:
    head = page[:META_SCAN_CHARS]
    for pattern in _PUBLISHED_PATTERNS:
        for match in pattern.finditer(head):
            value = normalise_timestamp(html_lib.unescape(match.group(1)))
            if value and "T" in value:
                return value
    return None


def figure_captions(page: str) -> list[str]:
    captions: list[str] = []
    for match in _FIGCAPTION_RE.finditer(page):
        text = re.sub(r"\s+", " ", html_lib.unescape(_TAG_RE.sub(" ", match.group(1)))).strip()
        if text and len(text) <= CAPTION_MAX_CHARS and text not in captions:
            captions.append(text)
    return captions


def extract_html(body: str | bytes, *, url: str | None = None) -> HtmlExtract:
    page = decode_html(body)
    document = trafilatura.bare_extraction(page, url=url, with_metadata=True, **EXTRACT_OPTIONS)  # type: ignore[arg-type]
    if document is None:
        return HtmlExtract(text="", published=published_from_tags(page), captions=figure_captions(page))
    published = published_from_tags(page) or normalise_timestamp(document.date)
    return HtmlExtract(
        text=document.text or "",
        title=document.title or None,
        author=document.author or None,
        sitename=document.sitename or None,
        published=published,
        url=document.url or url,
        description=document.description or None,
        captions=figure_captions(page),
    )
