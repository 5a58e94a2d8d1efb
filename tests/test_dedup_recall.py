"""Rewrites that change most words: candidates found at low bigram overlap, paraphrased sentences aligned by order.

The passages are written for these tests (a market fire in Makassar): a source report and a rewrite that keeps two
sentences close to the source and paraphrases the other four with synonyms ("korsleting listrik" becomes "hubungan
pendek arus listrik", "mobil pemadam" becomes "armada").
"""

from __future__ import annotations

import numpy as np
import pytest

import kabar.dedup.align as dedup_align
import kabar.dedup.index as dedup_index
from kabar.dedup import find_duplicates, sentence_terms
from kabar.dedup.align import align_sentences
from kabar.records import Document
from kabar.text import analyse

SOURCE = [
    "Kebakaran hebat melanda Pasar Sentral Makassar pada Minggu dini hari dan menghanguskan sedikitnya tiga ratus "
    "kios pedagang pakaian.",
    "Api diduga berasal dari korsleting listrik di lantai dua gedung pasar sebelum menjalar dengan cepat karena "
    "tertiup angin kencang.",
    "Dinas Pemadam Kebakaran mengerahkan dua puluh unit mobil pemadam dan membutuhkan waktu lima jam untuk "
    "menjinakkan kobaran api.",
    "Para pedagang hanya bisa pasrah menyaksikan barang dagangan mereka ludes terbakar tanpa sempat diselamatkan.",
    "Pemerintah kota berjanji membangun tempat penampungan sementara agar pedagang dapat kembali berjualan pekan "
    "depan.",
    "Polisi masih menyelidiki penyebab pasti kebakaran dan memeriksa lima orang saksi, termasuk penjaga malam pasar.",
]
REWRITE = [
    "Kebakaran besar melanda Pasar Sentral Makassar Minggu subuh dan menghanguskan sedikitnya tiga ratus los "
    "pedagang baju.",
    "Sumber api disangka dari hubungan pendek arus listrik pada tingkat dua bangunan pasar, lalu merambat cepat "
    "sebab diembus angin keras.",
    "Petugas pemadam mengirim dua puluh armada dan memerlukan lima jam guna memadamkan nyala api.",
    "Para pedagang cuma bisa pasrah melihat barang jualan mereka ludes terbakar tanpa sempat diselamatkan.",
    "Pemkot berjanji mendirikan lokasi penampungan darurat supaya pedagang bisa berdagang lagi minggu depan.",
    "Aparat kepolisian tengah mengusut asal mula api serta meminta keterangan sejumlah orang, di antaranya petugas "
    "ronda pasar.",
]


def _article(doc_id: str, sentences: list[str]) -> Document:
    return analyse(Document(id=doc_id, source=doc_id, text="\n\n".join(sentences), language="id"))


def test_paraphrased_neighbours_of_aligned_sentences_align() -> None:
    source, rewrite = sentence_terms(_article("a", SOURCE)), sentence_terms(_article("b", REWRITE))
    alignment = align_sentences(source, rewrite)
    # The two close sentences anchor the alignment; the four paraphrases next to them align in order although
    # they share too few stems to align on their own.
    assert [(i, j) for i, j, _ in alignment.pairs] == [(k, k) for k in range(len(SOURCE))]
    weak = [
        similarity for _, _, similarity in alignment.pairs if similarity < dedup_align.SENTENCE_MATCH_DICE
    ]
    assert len(weak) == 4
    assert all(similarity >= dedup_align.NEIGHBOUR_MATCH_DICE for similarity in weak)


def test_paraphrase_is_a_rewrite_only_with_neighbour_alignment(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [_article("a", SOURCE), _article("b", REWRITE)]
    found = find_duplicates(docs)
    assert [d.documents for d in found] == [["a", "b"]]
    assert found[0].kind == "rewrite"
    assert found[0].similarity >= dedup_index.REWRITE_MIN_SIMILARITY
    # Without the neighbour rule only the two close sentences align: too little of the text to call it a rewrite.
    monkeypatch.setattr(dedup_align, "NEIGHBOUR_MATCH_DICE", dedup_align.SENTENCE_MATCH_DICE)
    assert find_duplicates(docs) == []


def test_paraphrases_out_of_order_do_not_align() -> None:
    # The same sentences, the rewrite's paraphrases moved away from the anchors they followed: order is the
    # evidence the weak matches rest on, so they no longer align.
    shuffled = [REWRITE[0], REWRITE[3], REWRITE[5], REWRITE[1], REWRITE[4], REWRITE[2]]
    source, rewrite = sentence_terms(_article("a", SOURCE)), sentence_terms(_article("b", shuffled))
    alignment = align_sentences(source, rewrite)
    assert [(i, j) for i, j, _ in alignment.pairs] == [(0, 0), (3, 1)]
    assert find_duplicates([_article("a", SOURCE), _article("b", shuffled)]) == []


def test_rewrite_with_few_shared_bigrams_is_a_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [_article("a", SOURCE), _article("b", REWRITE)]
    stems = [[term for _, terms in dedup_index._sentence_stems(doc) for term in terms] for doc in docs]
    signatures = [dedup_index.signature(dedup_index.shingles(terms)) for terms in stems]
    estimate = float(np.mean(signatures[0].hashvalues == signatures[1].hashvalues))
    # Few content-stem bigrams survive the paraphrase: above the agreement filter, far below what two-row bands
    # reliably catch.
    assert dedup_index.MIN_ESTIMATED_JACCARD <= estimate < 0.08
    assert [d.documents for d in find_duplicates(docs)] == [["a", "b"]]
    # With 64 bands of two rows this pair never met in a band and was never aligned.
    monkeypatch.setattr(dedup_index, "LSH_BANDS", 64)
    monkeypatch.setattr(dedup_index, "LSH_ROWS", 2)
    assert find_duplicates(docs) == []


def test_reports_sharing_two_sentences_are_not_a_rewrite(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two reports of the fire by different outlets: the same wire lead and the same sentence on the police
    # inquiry, everything else their own. Together that is about a quarter of either text.
    report = [
        SOURCE[0],
        "Seorang pedagang, Hasnah, mengatakan ia baru saja menambah stok kain untuk persiapan hari raya.",
        "Ribuan warga memadati jalan di sekitar pasar untuk menonton petugas yang berjibaku dengan asap tebal.",
        "Arus lalu lintas di Jalan Sulawesi dialihkan hingga siang karena selang pemadam melintang di jalan.",
        SOURCE[5],
        "Wali kota dijadwalkan meninjau lokasi bersama anggota dewan pada Senin pagi.",
        "Hasnah menuturkan modal usahanya berasal dari pinjaman koperasi yang harus dicicil setiap bulan.",
        "Relawan palang merah membagikan masker dan air minum kepada warga yang bertahan di sekitar lokasi.",
        "Beberapa toko emas di blok depan gedung utama selamat karena terpisah oleh tembok tebal.",
        "Sekolah di dekat pasar meliburkan murid pada Senin karena bau asap masih menyengat.",
    ]
    other = [
        SOURCE[0],
        "Asap hitam terlihat dari jarak beberapa kilometer dan sempat mengganggu penerbangan di bandara.",
        "Sejumlah pedagang mencoba masuk ke gedung untuk menyelamatkan uang tunai sebelum dicegah aparat.",
        "Pasar yang sama pernah terbakar pada 2011 dan baru selesai direnovasi dua tahun lalu.",
        SOURCE[5],
        "Pengelola pasar belum dapat memastikan jumlah pedagang yang kehilangan tempat usaha.",
        "Seorang petugas pemadam dilarikan ke rumah sakit setelah sesak napas akibat menghirup asap.",
        "Harga pakaian di pasar lain di Makassar diperkirakan naik karena pasokan terganggu menjelang lebaran.",
        "Gubernur Sulawesi Selatan menyatakan siap membantu anggaran pembangunan kembali gedung pasar.",
        "Warga mengeluhkan hidran di sekitar pasar yang kering sehingga mobil pemadam harus bolak-balik mengisi air.",
    ]
    docs = [_article("a", report), _article("b", other)]
    assert find_duplicates(docs) == []
    # The earlier, lower threshold reported such pairs.
    monkeypatch.setattr(dedup_index, "REWRITE_MIN_SIMILARITY", 0.2)
    assert [d.documents for d in find_duplicates(docs)] == [["a", "b"]]
