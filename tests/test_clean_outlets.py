"""Outlets read from datelines in the forms Indonesian outlets sign with (bench/clean/outlet_bench.py measures them
on IndoSum); every example is made up."""

from __future__ import annotations

import pytest

from kabar.clean import clean
from kabar.clean.meta import parse_dateline
from kabar.records import RawDocument

BODY = "Pemerintah kabupaten meresmikan jembatan baru yang menghubungkan dua kecamatan pada Senin pagi, kata bupati."


@pytest.mark.parametrize(
    ("line", "outlet", "place"),
    [
        # A single word built from an outlet's name parts signs the article.
        ("Kabarnusa - Pemerintah kabupaten meresmikan", "Kabarnusa", None),
        ("Lintasnews – Pemerintah kabupaten meresmikan", "Lintasnews", None),
        ("Beritaraya - Pemerintah kabupaten meresmikan", "Beritaraya", None),
        # A place with its region before the bracketed outlet.
        (
            "Balikpapan, Kalimantan Timur (ANTARA News) - Pemerintah",
            "ANTARA News",
            "Balikpapan, Kalimantan Timur",
        ),
        ("Meulaboh, Aceh, (ANTARA News) - Pemerintah", "ANTARA News", "Meulaboh, Aceh"),
        ("OAKLAND, Calif. (AP) — The mayor said", "AP", "OAKLAND, Calif."),
        # A long place before a web-address-like outlet.
        ("SAN LUIS DE LA PAZ, BOLAKITA.net - Pebalap", "BOLAKITA.net", "SAN LUIS DE LA PAZ"),
    ],
)
def test_dateline_forms_name_their_outlet(line: str, outlet: str, place: str | None) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None
    assert (dateline.outlet, dateline.place) == (outlet, place)


@pytest.mark.parametrize(
    "line", ["Jakarta - Pemerintah kabupaten", "Surabaya – Pemerintah", "Moskow: Presiden"]
)
def test_a_bare_place_before_the_dash_names_no_outlet(line: str) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None and dateline.outlet is None


def test_a_dateline_on_its_own_line_ending_with_its_dash_signs_the_next_paragraph() -> None:
    body = f"Beritaku.com -\n\n{BODY}\n\n{BODY.replace('Senin', 'Selasa')}\n"
    doc = clean(RawDocument(source="x.txt", kind="text", body=body), doc_id="x")
    assert doc.outlet == "Beritaku.com"
    assert doc.text.startswith("Beritaku.com - Pemerintah kabupaten")
