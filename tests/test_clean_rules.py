"""Unit behaviour of kabar.clean: dates, datelines, bylines, chrome memory, container metadata, HTML metadata."""

from __future__ import annotations

import json

import pytest

from kabar.clean import ChromeMemory, clean, observe
from kabar.clean.dates import date_line_value, find_dates
from kabar.clean.html import visible_text
from kabar.clean.meta import parse_bylines, parse_dateline
from kabar.records import RawDocument


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14 September 2023, 21:31 WIB", "2023-09-14T21:31:00+07:00"),
        ("Kamis, 14/09/2023 10:15 WIB", "2023-09-14T10:15:00+07:00"),
        ("Jumat, 15 Sep 2023 08:00 WITA", "2023-09-15T08:00:00+08:00"),
        ("Senin, 2 Oktober 2023 | 19:05 WIT", "2023-10-02T19:05:00+09:00"),
        ("Rabu (13/9/2023)", "2023-09-13"),
        ("Sep 12, 2023", "2023-09-12"),
        ("Sel Sep 12 , 2023", "2023-09-12"),
        ("September 12, 2023 10:15 AM EDT", "2023-09-12T10:15:00-04:00"),
        ("Published 3:05 p.m. GMT, Tue 12 Sep 2023", "2023-09-12T15:05:00+00:00"),
        ("2023-09-14T21:31:00+07:00", "2023-09-14T21:31:00+07:00"),
        ("Thu, 14 Sep 2023 10:15:00 +0700", "2023-09-14T10:15:00+07:00"),
        ("12 Agustus 2023 pukul 07.30 WIB", "2023-08-12T07:30:00+07:00"),
        ("September 12, 2023 10:15 AM ET", "2023-09-12T10:15:00-04:00"),  # daylight saving
        ("January 12, 2023 10:15 AM ET", "2023-01-12T10:15:00-05:00"),
    ],
)
def test_dates_in_indonesian_and_english_forms(text: str, expected: str) -> None:
    assert find_dates(text)[0].iso == expected


def test_time_without_zone_keeps_only_the_date() -> None:
    # No zone: the offset is unknown, so no timestamp is invented.
    assert find_dates("14 September 2023 21:31")[0].iso == "2023-09-14"


def test_impossible_dates_are_ignored() -> None:
    assert find_dates("31/02/2023") == []


def test_date_line_versus_sentence_with_a_date() -> None:
    assert date_line_value("Kompas.com - 02/12/2023, 08:45 WIB") is not None
    assert (
        date_line_value("Menurut The Telegraph, Kamis, 14 September 2023, Korea Utara juga memiliki") is None
    )


@pytest.mark.parametrize(
    ("line", "outlet", "place"),
    [
        ("AKURAT.CO, Pemimpin Korea Utara, Kim Jong Un", "AKURAT.CO", None),
        ("Netizen.co.id - Presiden Rusia", "Netizen.co.id", None),
        ("WartaBulukumba.Com - Pemimpin Korea Utara", "WartaBulukumba.Com", None),
        ("Jakarta, CNN Indonesia -- Presiden Joko Widodo", "CNN Indonesia", "Jakarta"),
        ("KOMPAS.com - Presiden Rusia", "KOMPAS.com", None),
        ("JAKARTA, KOMPAS.com - Banjir", "KOMPAS.com", "JAKARTA"),
        ("TEMPO.CO, Jakarta - Menteri", "TEMPO.CO", "Jakarta"),
        ("WASHINGTON (Reuters) - The U.S.", "Reuters", "WASHINGTON"),
        ("Moskow: Pemimpin Korea Utara", None, "Moskow"),
        ("Jakarta - Presiden", None, "Jakarta"),
    ],
)
def test_datelines(line: str, outlet: str | None, place: str | None) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.outlet, found.place) == (outlet, place)


def test_sentence_is_not_a_dateline() -> None:
    assert parse_dateline("U.S. officials said on Monday that talks would resume.") is None
    assert parse_dateline("Pemimpin Korea Utara Kim Jong Un berangkat dari Pyongyang") is None


def test_bylines() -> None:
    credits = parse_bylines("Penulis: Rina Kartika | Editor: Agus Salim")
    assert credits is not None
    assert [(c.role, c.names, c.is_author) for c in credits] == [
        ("penulis", "Rina Kartika", True),
        ("editor", "Agus Salim", False),
    ]
    assert parse_bylines("By the time the talks ended, most delegates had left the hall.") is None
    assert parse_bylines("Oleh karena itu, pemerintah menunda keputusan.") is None


# A sentence-like line inside the body that no rule knows: only repetition across the outlet's documents shows it
# is the site's, not the story's.
PROMO = "Nikmati diskon ongkos kirim untuk semua pembaca setia kami akhir pekan ini."


def _scrape(outlet_line: str, story: str, index: int) -> RawDocument:
    body = (
        f"Headline number {index} about {story}\n\n"
        f"{outlet_line} - {story.capitalize()} happened on day {index}, officials said in a statement today.\n"
        f"{PROMO}\n"
        f"Officials expect more news about {story} in the coming days, according to people familiar with it.\n"
    )
    return RawDocument(source=f"doc{index}.txt", kind="text", body=body)


def test_chrome_memory_learns_an_outlets_repeated_lines() -> None:
    stories = ["floods", "elections", "markets", "football"]
    raws = [_scrape("Contoh.co.id", story, i) for i, story in enumerate(stories)]
    alone = clean(raws[0], doc_id="a")
    assert PROMO in alone.text  # rules alone do not know this line
    memory = ChromeMemory()
    for raw in raws:
        observe(memory, raw)
    cleaned = clean(raws[0], doc_id="a", chrome=memory)
    assert PROMO not in cleaned.text
    assert any(r.reason.startswith("repeated") and r.text == PROMO for r in cleaned.removed)
    assert "Floods happened on day 0" in cleaned.text


def test_chrome_memory_is_per_outlet_and_serialisable() -> None:
    memory = ChromeMemory()
    for i, story in enumerate(["floods", "elections", "markets"]):
        observe(memory, _scrape("Contoh.co.id", story, i))
    observe(memory, _scrape("Contoh.co.id", "floods", 0))  # the same document twice counts once
    other = _scrape("Lain.com", "roads", 9)
    assert PROMO in clean(other, doc_id="o", chrome=memory).text
    restored = ChromeMemory.from_dict(json.loads(json.dumps(memory.to_dict())))
    assert restored.to_dict() == memory.to_dict()
    raw = _scrape("Contoh.co.id", "floods", 0)
    assert clean(raw, doc_id="x", chrome=restored) == clean(raw, doc_id="x", chrome=memory)
    with pytest.raises(ValueError):
        ChromeMemory.from_dict({"format": "something else"})


def test_container_metadata_wins_unless_empty(example_paths: list) -> None:
    body = example_paths[0].read_text(encoding="utf-8")
    raw = RawDocument(
        source="feed.xml#entry-1",
        kind="text",
        body=body,
        url="https://wartabulukumba.pikiran-rakyat.com/internasional/x",
        title="Judul dari feed",
        published="Thu, 14 Sep 2023 14:31:00 +0000",
        outlet="",
        author=None,
    )
    doc = clean(raw, doc_id="feed")
    assert doc.title == "Judul dari feed"
    assert doc.published == "2023-09-14T14:31:00+00:00"
    assert doc.outlet == "WartaBulukumba.Com"  # container outlet empty: the dateline speaks
    assert doc.url == raw.url


def test_html_metadata_from_json_ld_and_meta() -> None:
    page = """<html><head><title>Ignored - Site</title>
    <meta property="og:site_name" content="Kabar Contoh">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Jembatan Baru Dibuka",
    "datePublished": "2024-01-05T07:00:00+07:00", "author": [{"name": "Ani"}, {"name": "Budi"}]}</script>
    </head><body><article><h1>Jembatan Baru Dibuka</h1>
    <p>Jembatan baru yang menghubungkan dua kecamatan di kabupaten itu resmi dibuka untuk umum pada Jumat pagi.</p>
    <p>Warga menyambut pembukaan jembatan dengan antusias karena waktu tempuh ke pasar menjadi jauh lebih singkat.</p>
    <p>Pemerintah daerah menyatakan jembatan itu dibangun selama dua tahun dengan dana dari anggaran provinsi.</p>
    </article></body></html>"""
    doc = clean(RawDocument(source="p.html", kind="html", body=page), doc_id="p")
    assert doc.title == "Jembatan Baru Dibuka"
    assert doc.outlet == "Kabar Contoh"
    assert doc.author == "Ani, Budi"
    assert doc.published == "2024-01-05T07:00:00+07:00"
    assert doc.text.startswith("Jembatan baru yang menghubungkan")
    assert doc.language == "id"


def test_short_body_has_no_language() -> None:
    doc = clean(RawDocument(source="s.txt", kind="text", body="Singkat saja.\n"), doc_id="s")
    assert doc.language is None


def test_html_fragment_without_article_structure_falls_back_to_visible_text() -> None:
    fragment = (
        "Presiden meresmikan bendungan baru di Jawa Tengah pada Senin pagi. <b>Bendungan</b> itu mengairi "
        "5.000 hektare sawah di tiga kabupaten."
    )
    doc = clean(RawDocument(source="feed.xml#entry-2", kind="html", body=fragment), doc_id="f")
    assert doc.text == (
        "Presiden meresmikan bendungan baru di Jawa Tengah pada Senin pagi. Bendungan itu mengairi "
        "5.000 hektare sawah di tiga kabupaten."
    )


def test_editors_initials_closing_the_article_are_taken_out_but_agency_credits_stay() -> None:
    body = (
        "Presiden meresmikan bendungan baru di Jawa Tengah pada Senin pagi bersama gubernur.\n\n"
        "Bendungan itu mengairi 5.000 hektare sawah di tiga kabupaten sekitarnya. (den/asa)\n"
    )
    doc = clean(RawDocument(source="x.txt", kind="text", body=body), doc_id="x")
    assert doc.text.endswith("tiga kabupaten sekitarnya.")
    assert ("(den/asa)", "editors' initials") in [(r.text, r.reason) for r in doc.removed]
    wire = body.replace("(den/asa)", "(Reuters)")
    assert clean(RawDocument(source="y.txt", kind="text", body=wire), doc_id="y").text.endswith("(Reuters)")


def test_cleaning_does_not_depend_on_the_order_documents_were_observed() -> None:
    raws = [
        _scrape("Contoh.co.id", story, i)
        for i, story in enumerate(["floods", "elections", "markets", "roads"])
    ]
    forward, backward = ChromeMemory(), ChromeMemory()
    for raw in raws:
        observe(forward, raw)
    for raw in reversed(raws):
        observe(backward, raw)
    assert forward.to_dict()["outlets"] == backward.to_dict()["outlets"]
    for raw in raws:
        assert clean(raw, doc_id="d", chrome=forward) == clean(raw, doc_id="d", chrome=backward)


def test_a_long_quote_repeated_by_one_storys_follow_ups_is_not_chrome() -> None:
    quote = (
        '"Kami akan terus memantau situasi dan memastikan bantuan sampai ke semua warga yang terdampak banjir '
        'di wilayah ini," kata kepala badan penanggulangan bencana daerah.'
    )
    memory = ChromeMemory()
    raws = []
    for i in range(20):
        lines = [
            f"Contoh.co.id - Berita nomor {i} tentang topik {i} yang diliput oleh redaksi kami pada hari ini.",
            f"Paragraf kedua berita nomor {i} menjelaskan latar belakang peristiwa tersebut dengan rinci.",
        ]
        if i < 7:  # seven follow-ups of one story quote the same paragraph
            lines.insert(1, quote)
        raws.append(RawDocument(source=f"d{i}.txt", kind="text", body="\n".join(lines)))
    for raw in raws:
        observe(memory, raw)
    assert quote in clean(raws[0], doc_id="d0", chrome=memory).text


def test_sentences_opening_with_link_words_are_prose_but_link_phrases_are_links() -> None:
    body = (
        "Kepolisian menyatakan penyelidikan atas kebakaran pasar itu masih berlangsung hingga hari ini.\n"
        "Related to this, police said nothing.\n"
        "Baca juga: Pasar Lama Dibangun Ulang Tahun Depan\n"
        "Petugas pemadam kebakaran membutuhkan waktu tiga jam untuk memadamkan api di lokasi.\n"
    )
    doc = clean(RawDocument(source="r.txt", kind="text", body=body), doc_id="r")
    assert "Related to this, police said nothing." in doc.text
    assert "Baca juga" not in doc.text


# A rider's name in the outlet's standings sidebar (on every page) and, on one page, in the article's own list of the
# podium: the memory knows the name as frame, but this page prints it twice and one copy is the article's.
SIDEBAR_NAME = "Marc Marquez"
PODIUMS = [
    ["Francesco Bagnaia", SIDEBAR_NAME, "Jorge Martin"],
    ["Brad Binder", "Jack Miller", "Luca Marini"],
    ["Enea Bastianini", "Maverick Vinales", "Aleix Espargaro"],
    ["Johann Zarco", "Alex Rins", "Joan Mir"],
]
CIRCUITS = ["mandalika", "sepang", "motegi", "buriram"]


def _outlet_page(index: int, headline: str, middle: str, box: str) -> RawDocument:
    """A race report of Contoh.co.id: menu, headline, opening paragraph, `middle`, closing paragraph, `box`."""
    circuit = CIRCUITS[index]
    text = (
        "Beranda\n\nOlahraga\n\n"
        f"{headline}\n\n"
        f"Contoh.co.id - Balapan di {circuit} berlangsung ketat sejak awal hingga akhir, kata panitia pada hari "
        f"ke-{index}.\n\n"
        f"{middle}"
        f"Panitia berharap balapan di {circuit} berikutnya berjalan lebih lancar dan aman bagi semua pebalap.\n\n"
        f"{box}"
    )
    url = f"https://contoh.co.id/{index}.html"
    return RawDocument(source=url, kind="text", body=text, url=url)


def _race_page(index: int) -> RawDocument:
    circuit = CIRCUITS[index]
    podium = "\n\n".join(PODIUMS[index])
    middle = f"Tiga pebalap terdepan di {circuit} setelah putaran terakhir adalah:\n\n{podium}\n\n"
    box = f"Klasemen\n\n{SIDEBAR_NAME}\n\nFabio Quartararo\n\n"
    return _outlet_page(index, f"Berita nomor {index} tentang {circuit} di sirkuit", middle, box)


def test_chrome_memory_leaves_a_line_the_page_prints_twice_to_the_page() -> None:
    pages = [_race_page(i) for i in range(len(CIRCUITS))]
    memory = ChromeMemory()
    for page in pages[1:]:
        observe(memory, page)
    cleaned = clean(pages[0], doc_id="a", chrome=memory)
    body = cleaned.text.split("\n\n")
    # The podium and the closing paragraph stay: the memory's mark on the name no longer cuts the article.
    assert body[body.index("Francesco Bagnaia") : body.index("Jorge Martin") + 1] == PODIUMS[0]
    assert any(line.startswith("Panitia berharap balapan di mandalika") for line in body)
    # The sidebar heading, printed once, is still the memory's to remove.
    assert any(r.text == "Klasemen" and r.reason.startswith("repeated") for r in cleaned.removed)


def _popular_page(index: int, headlines: list[str]) -> RawDocument:
    """A page of an outlet whose "Terpopuler" box lists the first story's headline on every other page."""
    popular = headlines[1] if index == 0 else headlines[0]
    return _outlet_page(index, headlines[index], "", f"Terpopuler\n\n{popular}\n\n")


def test_a_headline_the_outlets_other_pages_list_as_popular_stays_the_headline() -> None:
    headlines = [f"Pebalap Tuan Rumah Menang Dramatis di Sirkuit {c.capitalize()}" for c in CIRCUITS]
    pages = [_popular_page(i, headlines) for i in range(len(CIRCUITS))]
    memory = ChromeMemory()
    for page in pages[1:]:
        observe(memory, page)
    assert clean(pages[0], doc_id="a").title == headlines[0]
    assert clean(pages[0], doc_id="a", chrome=memory).title == headlines[0]
    assert clean(pages[1], doc_id="b", chrome=memory).title == headlines[1]


def test_visible_text_folds_source_line_breaks_as_a_browser_does() -> None:
    # A paragraph wrapped at 80 columns in the HTML source is one line on screen; <br> and <pre> keep their breaks.
    page = (
        "<html><body><p>Presiden meresmikan bendungan\n   baru di Jawa Tengah\tpada Senin pagi.</p>"
        "<p>Baris satu<br>baris dua</p><pre>kode\nbaris</pre><a>Home</a>\n<a>News</a></body></html>"
    )
    assert visible_text(page).split("\n") == [
        "Presiden meresmikan bendungan baru di Jawa Tengah pada Senin pagi.",
        "",
        "Baris satu",
        "baris dua",
        "",
        "kode",
        "baris",
        "",
        "Home News",
    ]
