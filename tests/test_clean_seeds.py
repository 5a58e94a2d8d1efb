"""The seed articles: what the issue expects of each, checked against clean() directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from kabar.clean import clean
from kabar.records import Document, RawDocument


def _clean(example_dir: Path, prefix: str) -> Document:
    path = next(example_dir.glob(f"{prefix}_*.txt"))
    return clean(
        RawDocument(source=str(path), kind="text", body=path.read_text(encoding="utf-8")), doc_id=prefix
    )


def _reasons(document: Document) -> dict[str, str]:
    return {item.text: item.reason for item in document.removed}


def test_seed_000_outlet_time_editor_related_caption_footer(example_dir: Path) -> None:
    doc = _clean(example_dir, "000")
    assert doc.outlet == "WartaBulukumba.Com"
    assert doc.published == "2023-09-14T21:31:00+07:00"
    assert doc.title == "Pertemuan Kim Jong Un dan Putin: Dua sekutu baru yang sepadan!"
    assert doc.author is None and doc.extra["editor"] == "Sri Ulfanita"
    assert "Editor:" not in doc.text and "Baca Juga" not in doc.text
    assert any(
        c.startswith("Presiden Korut Kim Jong Un bertemu") and c.endswith("/kremlin.ru/")
        for c in doc.captions
    )
    assert "/kremlin.ru/" not in doc.text
    assert not doc.text.rstrip().endswith(("Tags", "Terkini", "Terpopuler"))
    assert {"Tags", "Terkini", "Terpopuler"} <= set(_reasons(doc))
    assert "Krisis!" in doc.text  # a short body sentence inside a paragraph survives
    assert doc.language == "id"


def test_seed_001_teaser_chrome_and_rejoined_lead(example_dir: Path) -> None:
    doc = _clean(example_dir, "001")
    assert doc.outlet == "Netizen.co.id"
    first = doc.text.split("\n\n")[0]
    assert first.startswith("Netizen.co.id - Presiden Rusia, Vladimir Putin")
    assert "wilayah Amur timur jauh Rusia pada Rabu (13/9/2023)" in first
    assert "timur ..." not in doc.text
    reasons = _reasons(doc)
    for chrome in ("Page Nav", "HIDE", "Gradient Skin", "Pages", "Responsive Ad", "Reponsive Ads"):
        assert chrome in reasons and chrome not in doc.text.split("\n\n")
    assert any(reason.startswith("truncated teaser") for reason in reasons.values())
    assert doc.published is None  # "Rabu (13/9/2023)" in the body is the meeting, not the publication


def test_seed_002_caption_and_place_dateline(example_dir: Path) -> None:
    doc = _clean(example_dir, "002")
    assert doc.captions == ["Kim Jong-un saat bertemu Vladimir Putin. Foto: KCNA"]
    assert doc.outlet is None  # "Moskow:" is a place
    assert doc.extra.get("dateline_place") == "Moskow"
    assert doc.title is None  # no headline in the scrape: none invented
    assert doc.text.startswith("Moskow: Pemimpin Korea Utara")
    assert len(doc.text.split("\n\n")) == 14


def test_seed_003_outlet_and_copyright(example_dir: Path) -> None:
    doc = _clean(example_dir, "003")
    assert doc.outlet == "AKURAT.CO"
    assert "Dilarang mengambil" not in doc.text
    assert any(item.reason.startswith("copyright") for item in doc.removed)
    assert sum(item.reason.startswith("related") for item in doc.removed) == 2


def test_seed_004_next_post_teaser_and_alt_text(example_dir: Path) -> None:
    doc = _clean(example_dir, "004")
    assert doc.title == "Mengapa Kunjungan Kim Jong Un ke Rusia Semua Tentang Senjata"
    assert "Kim Jong Un Putin meeting" in doc.captions
    assert "Bitget" not in doc.text and "Next Post" not in doc.text
    assert doc.published is None  # "Sel Sep 12 , 2023" dates the teaser, not this article
    assert doc.text.rstrip().endswith("senjata nuklirnya.”")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_text_is_paragraphs_without_blank_runs(example_dir: Path, prefix: str) -> None:
    doc = _clean(example_dir, prefix)
    assert "\n\n\n" not in doc.text
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in doc.text.split("\n\n"))
