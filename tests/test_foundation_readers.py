"""Readers: every input format, encodings, and the one-line errors for bad input."""

from __future__ import annotations

import gzip
import io
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kabar.errors import InputError
from kabar.ingest import discover, document_id, read_one, read_paths
from kabar.records import RawDocument

ARTICLE = (
    "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin (4/9/2023).\n\n"
    "Bendungan itu diharapkan mengairi ribuan hektare sawah, kata Menteri Pekerjaan Umum."
)
PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Bendungan baru</title></head>"
    f"<body><article><h1>Bendungan baru</h1><p>{ARTICLE}</p></article></body></html>"
)


def test_plain_text_scrape(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [raw] = read_paths([path])
    assert raw.kind == "text" and raw.body == ARTICLE and raw.source == str(path)


def test_utf16_with_bom_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(
        "\ufeff".encode("utf-16-le") + "Kim Jong-un “bertemu” Putin — 13 September".encode("utf-16-le")
    )
    [raw] = read_paths([path])
    assert raw.body == "Kim Jong-un “bertemu” Putin — 13 September"


def test_cp1252_is_detected_not_assumed_utf8(tmp_path: Path) -> None:
    text = "“Café” naïve résumé — the minister said the talks were “productive”. " * 5
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1252"))
    [raw] = read_paths([path])
    assert raw.body == text  # a detector alone reads this as cp1250 ("naďve")


def test_other_code_pages_are_detected(tmp_path: Path) -> None:
    text = "Президент России Владимир Путин встретился с лидером КНДР Ким Чен Ыном на космодроме. " * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    [raw] = read_paths([path])
    assert raw.body == text


def test_gzip_html_and_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.replace("utf-8", "iso-8859-1").encode("latin-1")))
    [raw] = read_paths([path])
    assert raw.kind == "html" and "Bendungan baru" in raw.body


def test_jsonl_fields_and_line_sources(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {
            "text": ARTICLE,
            "url": "https://example.id/a",
            "title": "A",
            "published": "2023-09-04",
            "outlet": "X",
        },
        {"html": PAGE, "url": "https://example.id/b"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second = read_paths([path])
    assert (first.kind, first.url, first.title, first.published, first.outlet) == (
        "text",
        "https://example.id/a",
        "A",
        "2023-09-04",
        "X",
    )
    assert first.source == f"{path}#L1"
    assert second.kind == "html" and second.source == f"{path}#L2"


def test_jsonl_bad_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "ok"}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_paths([path]))
    assert caught.value.source == f"{path}#L2" and "invalid JSON" in caught.value.reason


def test_jsonl_without_text_or_html(tmp_path: Path) -> None:
    path = tmp_path / "empty-record.jsonl"
    path.write_text(json.dumps({"url": "https://example.id"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match='no "text" or "html"'):
        list(read_paths([path]))


def _write_warc(path: Path, pages: list[tuple[str, str]], *, gzip_records: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=gzip_records)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kabar-test"}))
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
                )
            )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://x.id/i.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image
            )
        )


@pytest.mark.parametrize("name,gzip_records", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_warc_response_records_with_html(tmp_path: Path, name: str, gzip_records: bool) -> None:
    path = tmp_path / name
    _write_warc(
        path,
        [("https://a.id/1", PAGE), ("https://a.id/2", PAGE.replace("baru", "lama"))],
        gzip_records=gzip_records,
    )
    raws = list(read_paths([path]))
    assert [raw.url for raw in raws] == ["https://a.id/1", "https://a.id/2"]
    assert all(raw.kind == "html" and raw.source.startswith(f"{path}#record-") for raw in raws)


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is not a WARC file\n" * 10, encoding="utf-8")
    with pytest.raises(InputError):
        list(read_paths([path]))


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Kabar Harian</title><link>https://kh.id</link>
<item><title>Bendungan diresmikan</title><link>https://kh.id/1</link>
<pubDate>Mon, 04 Sep 2023 10:00:00 +0700</pubDate><author>redaksi@kh.id (Rina)</author>
<description>&lt;p&gt;Presiden meresmikan bendungan.&lt;/p&gt;</description></item>
<item><title>Kosong</title><link>https://kh.id/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>World Desk</title>
<entry><title>Summit ends</title><link href="https://wd.example/1"/><updated>2023-09-13T08:00:00Z</updated>
<content type="html">&lt;p&gt;The summit ended with a handshake.&lt;/p&gt;</content></entry></feed>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    [raw] = read_paths([path])  # the entry without content is skipped
    assert (raw.title, raw.url, raw.outlet) == ("Bendungan diresmikan", "https://kh.id/1", "Kabar Harian")
    assert raw.published == "2023-09-04T03:00:00+00:00"
    assert "Presiden meresmikan bendungan" in raw.body and raw.source == f"{path}#entry-1"


def test_atom_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "world.atom"
    path.write_text(ATOM, encoding="utf-8")
    [raw] = read_paths([path])
    assert (raw.title, raw.outlet, raw.published) == (
        "Summit ends",
        "World Desk",
        "2023-09-13T08:00:00+00:00",
    )


def test_folders_recursive_and_globs(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("satu", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.txt").write_text("tiga", encoding="utf-8")
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")  # unknown formats are skipped inside folders
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("hidden", encoding="utf-8")
    assert discover([tmp_path]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "b.html"),
        str(tmp_path / "sub" / "deeper" / "c.txt"),
    ]
    assert discover([str(tmp_path / "**" / "*.txt")]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "deeper" / "c.txt"),
    ]


def test_stdin_is_sniffed() -> None:
    code = "from kabar.ingest import read_paths; print([(r.kind, r.source) for r in read_paths(['-'])])"
    result = subprocess.run(
        [sys.executable, "-c", code], input=PAGE.encode(), capture_output=True, check=True
    )
    assert result.stdout.decode().strip() == "[('html', '-')]"


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("notes.pdf", b"%PDF-1.4 binary", "unknown format"),
        ("blob.txt", bytes(range(256)) * 8, "binary file"),
        ("empty.txt", b"   \n\n", "empty input"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_bad_input_errors_name_the_file(
    tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(read_paths([path]))
    assert caught.value.source == str(path)
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("kata " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        list(read_one(str(path), max_bytes=1000))


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mojibake.txt"
    # High bytes with no NUL and no control character, in no pattern any encoding explains.
    noise = random.Random(1)
    path.write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(2000)))
    with pytest.raises(InputError, match="undecodable"):
        list(read_paths([path]))


def test_document_id_is_stable_under_whitespace_and_changes_with_words() -> None:
    a = RawDocument(source="a", kind="text", body="Kim bertemu Putin.\n\nDi Vostochny.")
    b = RawDocument(source="b", kind="text", body="  Kim bertemu   Putin.\r\n\r\nDi Vostochny.  ")
    c = RawDocument(source="c", kind="text", body="Kim bertemu Biden.\n\nDi Vostochny.")
    assert document_id(a) == document_id(b) != document_id(c)
    assert len(document_id(a)) == 16
