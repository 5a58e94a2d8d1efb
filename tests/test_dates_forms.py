"""Temporal expressions resolved against the publication date, in every form the timeline needs."""

from __future__ import annotations

from datetime import date

import pytest

from kabar.extract.dates import find_dates, publication_anchor
from kabar.records import Document
from kabar.text import analyse

# Thursday 14 September 2023, 21:31 WIB.
PUBLISHED = "2023-09-14T21:31:00+07:00"


def _doc(text: str, published: str | None = PUBLISHED, language: str = "id") -> Document:
    return analyse(Document(id="d1", source="test", text=text, published=published, language=language))


def _resolved(text: str, published: str | None = PUBLISHED, language: str = "id") -> list[tuple[str, str]]:
    return [(mention.expression, mention.date) for mention in find_dates(_doc(text, published, language))]


@pytest.mark.parametrize(
    ("text", "expression", "expected"),
    [
        # explicit dates
        ("Keduanya bertemu pada Rabu (13/9/2023) di kosmodrom.", "Rabu (13/9/2023)", "2023-09-13"),
        ("Perjanjian itu diteken pada 14 September 2023 di Jakarta.", "14 September 2023", "2023-09-14"),
        ("Victoria, 11 Sept. 2023 – peluncuran program baru diumumkan.", "11 Sept. 2023", "2023-09-11"),
        ("The summit ended on September 13, 2023 without a statement.", "September 13, 2023", "2023-09-13"),
        ("Sidang dibuka Selasa (12/9) pagi oleh ketua majelis.", "Selasa (12/9)", "2023-09-12"),
        ("Banjir melanda kota itu pada 3 Januari lalu.", "3 Januari", "2023-01-03"),
        # weekdays, relative to publication on Thursday 14 September
        ("Kim meninggalkan Pyongyang pada hari Minggu dengan kereta.", "pada hari Minggu", "2023-09-10"),
        ("Kremlin mengkonfirmasi kedatangannya Selasa malam.", "Selasa malam", "2023-09-12"),
        ("Kedua pemimpin tiba pada Rabu pagi di Vostochny.", "Rabu pagi", "2023-09-13"),
        ("Dia meninggalkan Pyongyang pada Minggu sore, kata media.", "Minggu sore", "2023-09-10"),
        ("Presiden akan berkunjung ke Bali pada Senin mendatang.", "Senin", "2023-09-18"),
        ("The Kremlin confirmed his arrival on Tuesday.", "on Tuesday", "2023-09-12"),
        # relative days, weeks, months
        ("Polisi menangkap dua tersangka kemarin.", "kemarin", "2023-09-13"),
        ("The minister resigned yesterday after the vote.", "yesterday", "2023-09-13"),
        ("Gempa terjadi tiga hari lalu di Cianjur.", "tiga hari lalu", "2023-09-11"),
        ("Lavrov juga akan mengunjungi Korea Utara bulan depan.", "bulan depan", "2023-10"),
        ("Prigozhin meninggal akibat kecelakaan pesawat bulan lalu.", "bulan lalu", "2023-08"),
        ("Harga beras naik sejak pekan lalu di pasar induk.", "pekan lalu", "2023-09-04"),
        # months without a year take the nearest past one, unless the text looks ahead
        ("Pada bulan Juli, Shoigu mengunjungi Pyongyang.", "Pada bulan Juli", "2023-07"),
        (
            "Pada bulan Desember, Gedung Putih memberi tahu Reuters soal penjualan senjata.",
            "Pada bulan Desember",
            "2022-12",
        ),
        ("Pemilu akan digelar pada bulan Februari mendatang.", "pada bulan Februari", "2024-02"),
        ("The plant closed in March 2021 after the floods.", "in March 2021", "2021-03"),
    ],
)
def test_expression_resolves(text: str, expression: str, expected: str) -> None:
    resolved = _resolved(text, language="en" if text[:4] in ("The ", "Vict") else "id")
    assert (expression, expected) in resolved, resolved


def test_day_and_month_soon_after_publication_is_upcoming() -> None:
    text = "The two parties said that the assembly would convene again Nov. 25 in Phnom Penh."
    assert ("Nov. 25", "1998-11-25") in _resolved(text, published="1998-11-03T00:00:00+00:00", language="en")
    # ... but a past marker keeps it in the past, and a date long after publication is last year's.
    assert ("3 Januari", "2023-01-03") in _resolved("Banjir itu terjadi pada 3 Januari lalu.")
    assert ("20 Desember", "2022-12-20") in _resolved("Kontrak diteken pada 20 Desember oleh kedua pihak.")


def test_minggu_as_week_is_not_sunday() -> None:
    resolved = _resolved(
        "Pembicaraan kemungkinan akan terjadi dalam satu minggu mendatang, dan minggu ini sepi."
    )
    assert all(date_ != "2023-09-10" for _, date_ in resolved), resolved


def test_weekday_without_anchor_is_not_guessed_but_explicit_dates_are() -> None:
    resolved = _resolved(
        "Keduanya bertemu pada hari Rabu. Laporan lengkap terbit 14 September 2023.", published=None
    )
    # No publication date: the latest explicit date becomes the anchor, so Wednesday is the 13th.
    assert ("14 September 2023", "2023-09-14") in resolved
    assert ("pada hari Rabu", "2023-09-13") in resolved
    bare = _resolved("Keduanya bertemu pada hari Rabu kemarin.", published=None)
    assert bare == []


def test_default_anchor_is_used_only_without_a_date_of_its_own() -> None:
    document = _doc("Kremlin mengeluarkan pernyataan Senin tentang kunjungan itu.", published=None)
    mentions = find_dates(document, default_anchor=date(2023, 9, 13))
    assert [(m.expression, m.date) for m in mentions] == [("Senin", "2023-09-11")]
    dated = _doc("Kremlin mengeluarkan pernyataan Senin tentang kunjungan itu.")
    assert [m.date for m in find_dates(dated, default_anchor=date(2020, 1, 1))] == ["2023-09-11"]


def test_result_does_not_depend_on_today() -> None:
    # Same text, same anchor: same dates, and the anchor is read from the document only.
    document = _doc("Pada bulan Juli, menteri itu berkunjung. Kemarin ia kembali.")
    assert publication_anchor(document) == date(2023, 9, 14)
    assert [m.date for m in find_dates(document)] == ["2023-07", "2023-09-13"]


def test_mentions_carry_sentence_index_and_granularity() -> None:
    document = _doc("Rapat dimulai pukul sembilan.\n\nKeputusan diumumkan pada 20 Agustus 2023 oleh panitia.")
    (mention,) = find_dates(document)
    assert mention.granularity == "day"
    assert mention.relative is False
    assert document.sentences[mention.sentence or 0].text.startswith("Keputusan")
