"""Main content and metadata of an HTML page.

The body: the page's visible text (`visible_text`, as a browser copy gives it) goes through the same line clean-up
as a plain-text scrape; trafilatura (kabar's settings, comments left out) is run only where that body is short or
not prose, and its output taken where the text body holds little of it (`kabar.clean.lines.clean_page_text`).
With `kabar.clean.lines.PAGE_TEXT_FIRST` off, trafilatura's output is cleaned alone (`extract_html`).
Metadata: trafilatura's reading of JSON-LD, meta tags and htmldate, except the publication time, which is read with
its time and offset from `article:published_time`, JSON-LD `datePublished` or a `<time datetime>` where the page
gives one (htmldate keeps only the day).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura

from kabar.clean.dates import normalise_timestamp
from kabar.clean.lines import normalise_text

# trafilatura settings, chosen on the article-extraction-benchmark (bench/clean/html_bench.py): comments left out,
# recall favoured (kabar's line rules then take out the chrome that lets in), and `fast` (no second pass through
# readability/jusText). With kabar's clean-up this scored higher than every other setting tried and costs about
# 60% of trafilatura's default time (figures in docs/BENCHMARKS.md (clean-up)).
EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "favor_recall": True,
    "fast": True,
    "include_tables": True,
}
# Only the head and the first part of a page are scanned for metadata tags (they sit in <head> or the article
# header); scanning whole pages of 1 MB with a regex costs more than it finds.
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
    extracted: bool = True
    # `read_html` only: the whole page's visible text and the decoded page.
    page_text: str = ""
    html: str = ""


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


_META_TAG_RE = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r"([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_JSONLD_RE = re.compile(r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
     "backgroundnewsarticle", "liveblogposting", "report", "scholarlyarticle", "techarticle", "webpage"}
)  # fmt: skip
# A <title> often ends with the site: "Headline - Kompas.com", "Headline | CNN Indonesia". A last segment this
# short (in words) after a separator is taken to be the site name and cut.
SITE_SUFFIX_MAX_WORDS = 4


def _meta_tags(head: str) -> dict[str, str]:
    tags: dict[str, str] = {}
    for match in _META_TAG_RE.finditer(head):
        attrs = {
            m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ATTR_RE.finditer(match.group(0))
        }
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content and key.lower() not in tags:
            tags[key.lower()] = html_lib.unescape(content).strip()
    return tags


def _walk(value: object):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from _walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child)


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


@dataclass
class _JsonLd:
    headline: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None


def _json_ld(page: str) -> _JsonLd:
    found = _JsonLd()
    for match in _JSONLD_RE.finditer(page):
        try:
            data = json.loads(match.group(1).strip())
        except ValueError:
            continue
        for item in _walk(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if not any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                continue
            is_webpage = all(isinstance(k, str) and k.lower() == "webpage" for k in kinds)
            if isinstance(item.get("headline"), str) and (found.headline is None or not is_webpage):
                found.headline = html_lib.unescape(item["headline"]).strip() or found.headline
            if isinstance(item.get("datePublished"), str) and found.published is None:
                found.published = item["datePublished"]
            if not found.authors:
                found.authors = [
                    html_lib.unescape(n).strip() for n in _names(item.get("author")) if n.strip()
                ]
            if found.publisher is None:
                publisher = _names(item.get("publisher"))
                found.publisher = publisher[0].strip() if publisher else None
    return found


def _strip_site_suffix(title: str, site: str | None) -> str:
    parts = re.split(r"\s+[|\-–—·:]\s+", title)
    if len(parts) < 2:
        return title
    last = parts[-1].strip()
    if (site and last.lower() == site.lower()) or (
        len(last.split()) <= SITE_SUFFIX_MAX_WORDS and "." in last
    ):
        return title[: title.rfind(last)].rstrip(" |-–—·:")
    return title


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "/"))


def page_metadata(page: str, url: str | None = None) -> HtmlExtract:
    """Title, site name, author and publication time from meta tags, JSON-LD and <title> (no text)."""
    head = page[:META_SCAN_CHARS]
    tags = _meta_tags(head)
    ld = _json_ld(page)
    site = (
        tags.get("og:site_name") or ld.publisher or tags.get("application-name") or tags.get("twitter:site")
    )
    if site and site.startswith("@"):
        site = None
    title_match = _TITLE_RE.search(head)
    page_title = html_lib.unescape(re.sub(r"\s+", " ", title_match.group(1))).strip() if title_match else None
    title = tags.get("og:title") or tags.get("twitter:title") or ld.headline or page_title
    title = _strip_site_suffix(re.sub(r"\s+", " ", title), site) if title else None
    authors = (
        ld.authors
        or [
            value
            for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")
            if (value := tags.get(key)) and not _is_url(value)
        ][:1]
    )
    author = ", ".join(dict.fromkeys(re.sub(r"^(?:by|oleh)\s+", "", a, flags=re.IGNORECASE) for a in authors))
    published = published_from_tags(page) or normalise_timestamp(ld.published)
    if published is None:
        published = _htmldate(page)
    return HtmlExtract(
        text="",
        title=title or None,
        author=author or None,
        sitename=site or None,
        published=published,
        url=tags.get("og:url") or url,
        description=tags.get("og:description") or tags.get("description"),
        captions=figure_captions(page),
    )


def _htmldate(page: str) -> str | None:
    """Last resort for the publication day: htmldate's quick heuristics (no time, so a bare date)."""
    from htmldate import find_date

    try:
        found = find_date(page, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
    return normalise_timestamp(found) if found else None


_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "object",
    "embed",
    "select",
    "canvas",
}
_PARAGRAPH = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figure",
    "table",
    "ul",
    "ol",
    "hr",
}
_BLOCK = _PARAGRAPH | {
    "div", "section", "article", "header", "footer", "nav", "aside", "main", "li", "dl", "dt", "dd", "tr",
    "figcaption", "form", "fieldset", "address", "details", "summary", "caption", "tbody", "thead", "body",
}  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(element: lxml.html.HtmlElement) -> bool:
    return element.get("hidden") is not None or bool(_HIDDEN_STYLE.search(element.get("style") or ""))


# Elements whose whitespace a browser keeps as written (CSS white-space: pre); everywhere else a run of spaces, tabs
# and source line breaks is one space, so a paragraph the HTML source wraps at 80 columns is still one line.
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "plaintext", "xmp"})
_COLLAPSIBLE_SPACE = re.compile(r"[ \t\r\n\f]+")


# Stand-in for the markers of block breaks in the fast rendering (a private-use character): the source's
# whitespace is folded in one pass over the joined text, and the breaks must not fold with it.
_BREAK = "\ue000"
_LINE_SPACES = re.compile(r"[ \u2000-\u200a\u3000]+")


def _rendered_parts(root: lxml.html.HtmlElement, fold_each: bool) -> tuple[list[str], int, bool]:
    """The page's text pieces and block breaks in document order (an explicit stack: no Python call per element).
    `fold_each`: the source's whitespace folded in each piece and breaks written as "\\n" (the exact rendering);
    otherwise the pieces stay raw and breaks are _BREAK, for one fold over the joined text. Returns the parts, the
    number of _BREAK written and whether any text sat in a preformatted element."""
    parts: list[str] = []
    append = parts.append
    fold = _COLLAPSIBLE_SPACE.sub
    line = "\n" if fold_each else _BREAK
    paragraph = line * 2
    breaks = 0
    preformatted_text = False

    def add_text(text: str, preformatted: bool) -> bool:
        """Append one text piece as written (preformatted) or folded now or later; True where it is preformatted."""
        if preformatted:
            append(text)
        else:
            append(fold(" ", text) if fold_each else text)
        return preformatted

    # Entries: (element, preformatted) to open, or (None, closing break, tail, preformatted) to close.
    stack: list[tuple] = [(root, False)]
    pop = stack.pop
    push = stack.append
    while stack:
        entry = pop()
        element = entry[0]
        if element is None:
            _, closing, tail, preformatted = entry
            if closing:
                append(closing)
                breaks += len(closing)
            if tail:
                preformatted_text |= add_text(tail, preformatted)
            continue
        preformatted = entry[1]
        tag = element.tag
        if not isinstance(tag, str):
            tag = ""
        elif tag in _SKIP or _hidden(element):
            tail = element.tail
            if tail:
                preformatted_text |= add_text(tail, preformatted)
            continue
        inner = preformatted or tag in _PREFORMATTED
        closing = ""
        if tag == "br":
            append(line)
            breaks += 1
        elif tag in _PARAGRAPH:
            append(paragraph)
            breaks += 2
            closing = paragraph
        elif tag in _BLOCK:
            append(line)
            breaks += 1
            closing = line
        elif tag in {"td", "th"}:
            append(" ")
        if tag:
            text = element.text
            if text:
                preformatted_text |= add_text(text, inner)
        push((None, closing, element.tail, preformatted))
        if len(element):
            for child in reversed(element):
                push((child, inner))
    return parts, (0 if fold_each else breaks), preformatted_text


def visible_text(page: str) -> str:
    """The page as a browser's select-all-and-copy gives it (innerText): scripts, styles and hidden elements
    dropped, the source's whitespace folded to single spaces outside <pre>, block elements and <br> on their own
    lines, paragraphs and headings set off by a blank line."""
    try:
        root = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return ""
    # Session 8 speed: the whitespace is folded in one pass over the joined text instead of once per text piece
    # (130,000 `sub` calls on the 181 aeb pages). The lines come out the same: a fold over the joined text only
    # merges spaces that the per-line fold below merges anyway. Where a piece is preformatted (its whitespace
    # stays) or the page's own text holds the break marker, the exact per-piece rendering is used instead.
    parts, breaks, preformatted_text = _rendered_parts(root, fold_each=False)
    joined = "".join(parts)
    if preformatted_text or joined.count(_BREAK) != breaks:
        joined = "".join(_rendered_parts(root, fold_each=True)[0])
    else:
        joined = _COLLAPSIBLE_SPACE.sub(" ", joined).replace(_BREAK, "\n")
    text = _LINE_SPACES.sub(" ", normalise_text(joined))
    lines = [line.strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def extract_html(body: str | bytes, *, url: str | None = None) -> HtmlExtract:
    """Metadata and main-content text. `extracted` on the result is False where the extractor found nothing
    (a feed entry's bare fragment, a page too short for it) and `text` is the whole visible text instead."""
    page = decode_html(body)
    metadata = page_metadata(page, url)
    metadata.text = extract_text(page)
    if not metadata.text.strip():
        metadata.text = visible_text(page)
        metadata.extracted = False
    return metadata


def read_html(body: str | bytes, *, url: str | None = None) -> HtmlExtract:
    """Metadata and the page's visible text (`page_text`), for the page-text-first path
    (`kabar.clean.lines.clean_page_text`); `html` keeps the decoded page for an extraction on demand
    (`extract_text`). `text` stays empty."""
    page = decode_html(body)
    metadata = page_metadata(page, url)
    metadata.page_text = visible_text(page)
    metadata.html = page
    return metadata
