"""Copies and rewrites: the seeds' one rewrite pair, copies that collapse, a streaming index that persists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kabar.dedup import DedupIndex, collapse_copies, find_duplicates
from kabar.ingest import read_paths
from kabar.pipeline import prepare
from kabar.records import Document
from kabar.text import analyse


@pytest.fixture(scope="module")
def seeds(example_paths: list[Path]) -> list[Document]:
    return [prepare(raw) for raw in read_paths(example_paths)]


def _seed_id(docs: list[Document], prefix: str) -> str:
    return next(doc.id for doc in docs if Path(doc.source).name.startswith(prefix))


def test_seeds_have_exactly_one_rewrite_pair_000_002(seeds: list[Document]) -> None:
    duplicates = find_duplicates(seeds)
    assert len(duplicates) == 1
    found = duplicates[0]
    assert found.documents == sorted([_seed_id(seeds, "000"), _seed_id(seeds, "002")])
    assert found.kind == "rewrite"
    assert 0.3 <= found.similarity < 0.9
    assert found.similarity == round(found.similarity, 3)
    # The aligned passages are real sentences of the two documents, paraphrases rather than copies.
    texts = {doc.id: doc.text for doc in seeds}
    assert len(found.passages) >= 3
    for passage in found.passages:
        assert passage.a != passage.b
        assert any(part in texts[found.documents[0]] for part in passage.a.split(". ")[:1])


def _article(doc_id: str, body: str, source: str, title: str | None = None) -> Document:
    return analyse(
        Document(id=doc_id, source=source, text=body, title=title, language="id", sources=[source])
    )


BODY = (
    "Banjir bandang melanda tiga kecamatan di Kabupaten Garut, Jawa Barat, pada Selasa malam setelah hujan deras "
    "mengguyur kawasan hulu Sungai Cimanuk selama enam jam.\n\n"
    "Badan Penanggulangan Bencana Daerah mencatat sedikitnya 1.200 rumah terendam dan 15 warga dilaporkan hilang "
    "terseret arus.\n\n"
    "Kepala BPBD Garut mengatakan tim gabungan dari Basarnas, TNI dan Polri telah dikerahkan untuk mencari korban "
    "dan mengevakuasi warga ke tempat pengungsian di gedung sekolah.\n\n"
    "Warga di bantaran sungai diminta tetap waspada karena hujan diperkirakan masih turun hingga akhir pekan, "
    "menurut prakiraan Badan Meteorologi, Klimatologi, dan Geofisika."
)


def test_syndicated_copy_collapses_keeping_all_sources() -> None:
    original = _article("a1", BODY, "site-a.html")
    syndicated = _article("b2", BODY + "\n\nBaca juga: Harga cabai naik lagi", "site-b.html")
    other = _article(
        "c3", BODY.replace("Garut", "Bandung").split("\n\n")[0] + "\n\nLain sama sekali.", "site-c.html"
    )
    duplicates = find_duplicates([original, syndicated, other])
    copies = [d for d in duplicates if d.kind == "copy"]
    assert [d.documents for d in copies] == [["a1", "b2"]]
    assert copies[0].similarity >= 0.95
    kept = collapse_copies([original, syndicated, other], duplicates)
    assert [doc.id for doc in kept] == ["a1", "c3"]
    assert kept[0].sources == ["site-a.html", "site-b.html"]
    assert original.sources == ["site-a.html"]  # the input documents are not modified


def test_rewrite_is_not_collapsed() -> None:
    rewritten = (
        "Tiga kecamatan di Kabupaten Garut, Jawa Barat, dilanda banjir bandang Selasa malam usai hujan deras "
        "mengguyur hulu Sungai Cimanuk enam jam lamanya.\n\n"
        "Menurut catatan Badan Penanggulangan Bencana Daerah, 1.200 rumah terendam sementara 15 warga hilang "
        "terseret arus.\n\n"
        "Tim gabungan Basarnas, TNI dan Polri sudah dikerahkan untuk mencari korban serta mengevakuasi warga ke "
        "pengungsian di gedung sekolah, kata Kepala BPBD Garut."
    )
    docs = [_article("a1", BODY, "a"), _article("b2", rewritten, "b")]
    duplicates = find_duplicates(docs)
    assert len(duplicates) == 1
    assert duplicates[0].kind == "rewrite"
    assert [doc.id for doc in collapse_copies(docs, duplicates)] == ["a1", "b2"]


def test_index_round_trips_through_json_and_forgets_old_documents(seeds: list[Document]) -> None:
    by_prefix = {Path(doc.source).name[:3]: doc for doc in seeds}
    index = DedupIndex(window_days=30)
    assert index.add(by_prefix["002"]) == []
    restored = DedupIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    found = restored.add(by_prefix["000"])
    assert [d.documents for d in found] == [sorted([by_prefix["000"].id, by_prefix["002"].id])]
    # A document published far beyond the window pushes the dated ones out of memory.
    late = _article("late", BODY, "late")
    late.published = "2024-06-01T00:00:00+00:00"
    restored.add(late)
    assert by_prefix["000"].id not in restored
    assert "late" in restored


def test_two_reports_sharing_only_quotes_are_not_a_rewrite() -> None:
    quote_1 = (
        '"Banyak rumah rusak dan atapnya menimpa warga yang sedang tidur di dalam," kata Bensu Elianita, warga '
        "Desa Bukit Sama di Kabupaten Aceh Tengah."
    )
    quote_2 = '"Banyak warga terluka tetapi sulit sekali mengevakuasi mereka dari reruntuhan rumah," katanya.'
    report_a = (
        "Gempa bermagnitudo 6,1 mengguncang Aceh Tengah pada Selasa siang dan merusak ratusan bangunan di tiga "
        f"kecamatan.\n\n{quote_1}\n\n{quote_2}\n\nBadan Meteorologi mencatat pusat gempa berada di kedalaman "
        "sepuluh kilometer di barat Bireuen."
    )
    report_b = (
        "Sedikitnya dua puluh orang tewas setelah lindu mengguncang dataran tinggi Gayo, sementara listrik padam "
        f"di Takengon sejak siang.\n\n{quote_1}\n\n{quote_2}\n\nPemerintah daerah menyiapkan tenda darurat bagi "
        "pengungsi di lapangan kota."
    )
    docs = [_article("a1", report_a, "a"), _article("b2", report_b, "b")]
    assert find_duplicates(docs) == []
    # The same two shared sentences without quotation marks are reuse of the text, and are reported.
    unquoted = [_article(d.id, d.text.replace('"', ""), d.source) for d in docs]
    found = find_duplicates(unquoted)
    assert [d.documents for d in found] == [["a1", "b2"]]
    assert found[0].kind == "rewrite"
