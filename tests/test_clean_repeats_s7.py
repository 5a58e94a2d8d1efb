"""Whole-page scrapes, session 7: repeated lines, teaser cards and standing boilerplate inside the article
(kabar.clean.lines, kabar.clean.rules). Made-up pages; each test fails with its rule switched off."""

from __future__ import annotations

import pytest

from kabar.clean import lines, meta
from kabar.clean.lines import clean_lines

MENU = ["Home", "News", "Business", "Sport", "Opinion"]
FOOTER = ["About us", "Contact", "Privacy Policy", "Terms of use"]
HEADLINE = "City council approves new budget for harbour repairs"
PARAGRAPHS = [
    "The city council approved a budget of 40 million euros on Tuesday to repair the old harbour walls before winter.",
    "Engineers warned last year that two of the walls could give way in a strong storm, flooding the fish market.",
    "The work will start in March and should take about eighteen months, the deputy mayor told reporters.",
    "Fishermen said they welcomed the decision but asked the council to keep one quay open during the works.",
    "The opposition voted against the plan, saying the cost had doubled since the first estimate two years ago.",
    "A public meeting on the timetable is planned for next month at the town hall, the council said.",
]


def _body(text: str) -> str:
    return "\n".join(clean_lines(text).paragraphs)


# --- teaser cards of other stories between the paragraphs ------------------------------------------------------

CARD = [
    "Business",
    "Bakery chain closes its last three shops in the old town",
    "Business",
    "Bakery chain closes its last three shops in the old town",
    "The family firm had baked bread in the city for ninety years before rents and energy prices rose.",
]
CUT_CARD = [
    "Ferry company orders two electric boats for the island routes",
    "The company said the new boats would cut its fuel bill by half and could carry up to three hundred of",
    "Read more",
]


def _card_page(card: list[str]) -> str:
    return "\n".join([*MENU, HEADLINE, "By Anna Berg", *PARAGRAPHS[:3], *card, *PARAGRAPHS[3:], *FOOTER])


@pytest.mark.parametrize("card", [CARD, CUT_CARD], ids=["doubled-headline", "read-more"])
def test_a_card_of_another_story_inside_the_article_is_not_body(card: list[str]) -> None:
    body = _body(_card_page(card))
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    for line in card:
        assert line not in body


def test_the_doubled_headline_card_stays_without_its_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "TEASER_CARDS_DROPPED", False)
    assert CARD[-1] in _body(_card_page(CARD))


def test_the_cut_blurb_card_stays_without_its_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "READ_MORE_CUT_BLURBS", False)
    assert CUT_CARD[1] in _body(_card_page(CUT_CARD))


def test_the_page_s_own_headline_printed_twice_keeps_its_lead() -> None:
    # Headline, its alt-text copy and the lead: a date stands above, not a paragraph, so this is no card.
    lead = "The city council approved a budget of 40 million euros on Tuesday to repair the harbour walls."
    page = "\n".join([*MENU, "November 19, 2019", HEADLINE, HEADLINE, lead, *PARAGRAPHS[1:], *FOOTER])
    assert lead in _body(page)


# --- bylines with the date written after the name -------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Anna Berg on Tuesday, November 19th, 2019 at 10:15 a.m.", "Anna Berg"),
        ("Oleh Budi Santoso pada Selasa, 19 November 2019", "Budi Santoso"),
        ("Oleh Budi Santoso, Selasa, 19 November 2019 10:15 WIB", "Budi Santoso"),
    ],
)
def test_a_byline_dated_after_the_name_is_no_body_and_names_the_author(byline: str, author: str) -> None:
    page = "\n".join([*MENU, HEADLINE, byline, *PARAGRAPHS, *FOOTER])
    result = clean_lines(page)
    assert byline not in "\n".join(result.paragraphs)
    assert result.authors == [author]


def test_without_the_rule_the_dated_byline_loses_its_author(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(meta, "DATED_CREDIT_TAILS", False)
    page = "\n".join(
        [*MENU, HEADLINE, "Oleh Budi Santoso pada Selasa, 19 November 2019", *PARAGRAPHS, *FOOTER]
    )
    assert clean_lines(page).authors != ["Budi Santoso"]


# --- a caption printed over every photo ------------------------------------------------------------------------

GALLERY_CAPTION = "Harbour Festival 2019 [Boats of the North] opening night on the old quay, Saturday"


def _gallery_page() -> str:
    # The article's own lines are short exclamations, as photo blogs write them; the caption stands under each photo.
    story = [
        "The harbour festival opened on Saturday with a parade of old sailing boats along the quay!",
        "More than two thousand people came to watch the boats arrive from the islands!",
        "The oldest boat in the parade was built in 1902 and still sails every summer!",
        "Children could climb aboard three of the boats and learn how to tie sailors' knots!",
        "The festival goes on until Sunday evening with music and fireworks over the water!",
    ]
    body: list[str] = []
    for line in story:
        body += [GALLERY_CAPTION, line]
    # Blank lines between the lines, as a browser copies the page (lines of one length without them read as a text
    # hard-wrapped at a fixed width, whose lines are joined).
    return "\n\n".join(
        [*MENU, "Harbour festival opens with parade of old boats", "By Anna Berg", *body, *FOOTER]
    )


def test_a_caption_printed_over_every_photo_is_not_body() -> None:
    body = _body(_gallery_page())
    assert "The oldest boat in the parade was built in 1902" in body
    assert GALLERY_CAPTION not in body


def test_the_repeated_caption_stays_without_its_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "REPEATED_CAPTIONS_DROPPED", False)
    assert GALLERY_CAPTION in _body(_gallery_page())


def test_a_question_put_to_each_interviewee_stays() -> None:
    # Repeated prose ends with its stop: an interview series asks each person the same question.
    question = "What inspired you to start cooking for an audience on the internet?"
    people = ["Anna Berg", "Budi Santoso", "Carla Diaz"]
    answers = [
        "I always loved cooking for my friends, and one day a friend told me to film it and share it online.",
        "My grandmother taught me every recipe I know, and I wanted to keep them alive for my own children.",
        "I lived abroad for three years and missed the food of home so much that I started to cook it myself.",
    ]
    page: list[str] = [*MENU, "Three cooks on why they share their recipes", "By Anna Berg"]
    for person, answer in zip(people, answers, strict=True):
        page += [person, question, answer]
    body = _body("\n".join([*page, *FOOTER]))
    assert body.count(question) == 3


# --- where the article ran first ------------------------------------------------------------------------------

INDONESIAN_PARAGRAPHS = [
    "Pemerintah kota menyetujui anggaran sebesar 40 miliar rupiah untuk memperbaiki dinding pelabuhan lama.",
    "Para insinyur memperingatkan tahun lalu bahwa dua dinding bisa runtuh saat badai besar melanda kota itu.",
    "Pekerjaan akan dimulai pada bulan Maret dan diperkirakan memakan waktu sekitar delapan belas bulan.",
]


@pytest.mark.parametrize(
    "notice",
    [
        "Artikel ini sudah tayang di Kompas.com dengan judul Pemkot Setujui Anggaran Perbaikan Pelabuhan.",
        "Tulisan ini pernah dimuat di harian Suara Pelabuhan edisi Senin, 18 November 2019.",
    ],
)
def test_a_notice_of_where_the_article_ran_first_is_not_body(notice: str) -> None:
    page = "\n".join(
        ["Beranda", "Berita", "Pemkot setujui anggaran perbaikan pelabuhan", *INDONESIAN_PARAGRAPHS, notice]
    )
    result = clean_lines(page)
    body = "\n".join(result.paragraphs)
    assert INDONESIAN_PARAGRAPHS[-1] in body
    assert notice not in body


def test_a_quotation_printed_twice_is_no_card() -> None:
    # Texts that repeat a line (a quotation ending the sentence) have no card: the headline of a card ends no sentence.
    quoted = "“Or it could simply be a boat in the area that has cut the cable.”"
    page = [*PARAGRAPHS[:3], quoted, quoted, PARAGRAPHS[3], *PARAGRAPHS[4:]]
    body = _body("\n".join([HEADLINE, *page]))
    assert PARAGRAPHS[3] in body


# --- another story's headline in capitals, with a count -------------------------------------------------------

SHOUTED = "SINGER SAYS DANCE SHOW HAS HELPED HER LOSE 25 POUNDS"
TICKER = "HRB THE HARBOUR GROUP INC. 225.86 -12.99 -5.44%"


def _shouted_page(line: str) -> str:
    return "\n".join([*MENU, HEADLINE, "By Anna Berg", *PARAGRAPHS[:3], line, *PARAGRAPHS[3:], *FOOTER])


def test_a_capitalised_headline_with_a_count_between_paragraphs_is_a_link() -> None:
    body = _body(_shouted_page(SHOUTED))
    assert PARAGRAPHS[3] in body
    assert SHOUTED not in body


def test_the_capitalised_headline_with_a_count_stays_without_its_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(lines, "SHOUTED_LINK_COUNTS_ALLOWED", False)
    assert SHOUTED in _body(_shouted_page(SHOUTED))


def test_a_ticker_row_is_no_headline_link() -> None:
    assert not lines._is_shouted_link(lines.Unit(TICKER, [0], False))


# --- a related box under a Russian header -----------------------------------------------------------------------

RUSSIAN_PARAGRAPHS = [
    "Городской совет в среду утвердил бюджет на ремонт старой гавани, сообщили в пресс-службе мэрии.",
    "Инженеры еще в прошлом году предупреждали, что две стены могут обрушиться во время сильного шторма.",
    "Работы начнутся в марте и продлятся около полутора лет, рассказал журналистам заместитель мэра.",
]


@pytest.mark.parametrize("header", ["Материалы по теме", "Читайте также:"])
def test_a_russian_related_box_is_not_body(header: str) -> None:
    teaser = "Пекарня закрыла последние три магазина в старом городе"
    page = "\n".join(
        ["Главная", "Новости", *RUSSIAN_PARAGRAPHS[:2], header, teaser, RUSSIAN_PARAGRAPHS[2], "Контакты"]
    )
    body = _body(page)
    for paragraph in RUSSIAN_PARAGRAPHS:
        assert paragraph in body
    assert header not in body
    assert teaser not in body


# --- a company's standing profile closing its press release -----------------------------------------------------

RELEASE = [
    "Harbourtech and Nordic Ferries announce a partnership to bring electric charging to ten island ports.",
    "The first chargers will be installed in the spring, and the ferries on the longest routes will follow in 2021.",
    '"Electric ferries need chargers at both ends of the route," said Anna Berg, head of sales at Harbourtech.',
    "Nordic Ferries expects the project to cut its fuel bill by half within five years of the first installation.",
]
PROFILE = [
    "Harbourtech is a global provider of charging systems for ships, ports and heavy vehicles.",
    "Harbourtech is headquartered in Bergen (Norway), has subsidiaries in 12 countries and employs around 900 "
    "people worldwide. Harbourtech shares are listed on the Oslo Stock Exchange.",
]


def _release_page(closing: list[str]) -> str:
    return "\n".join(
        [*MENU, "Harbourtech and Nordic Ferries bring chargers to island ports", *RELEASE, *closing, *FOOTER]
    )


def test_a_company_profile_closing_a_release_is_not_body() -> None:
    body = _body(_release_page(PROFILE))
    for paragraph in RELEASE:
        assert paragraph in body
    for paragraph in PROFILE:
        assert paragraph not in body


def test_the_company_profile_stays_without_its_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "COMPANY_PROFILES_DROPPED", False)
    assert PROFILE[1] in _body(_release_page(PROFILE))


def test_profile_facts_mid_article_stay() -> None:
    # News gives such facts in passing; only the closing line of the article is taken as a profile.
    fact = "Harbourtech is headquartered in Bergen and employs around 900 people in 12 countries."
    body = _body(_release_page([]).replace(RELEASE[1], f"{RELEASE[1]}\n{fact}"))
    assert fact in body


# --- a byline split over two lines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "name"), [("By", "Anna Berg"), ("Oleh", "Budi Santoso")])
def test_a_byline_split_over_two_lines_names_the_author(role: str, name: str) -> None:
    page = "\n".join([*MENU, HEADLINE, role, name, *PARAGRAPHS, *FOOTER])
    result = clean_lines(page)
    assert role not in result.paragraphs
    assert result.authors == [name]


def test_the_split_byline_names_nobody_without_its_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "SPLIT_BYLINES", False)
    page = "\n".join([*MENU, HEADLINE, "By", "Anna Berg", *PARAGRAPHS, *FOOTER])
    assert clean_lines(page).authors == []


def test_a_profession_as_a_subheading_is_no_byline() -> None:
    # "Penulis" (writer) heads a section of a listicle of jobs: a noun, not "By"/"Oleh".
    items = [
        "Penulis",
        "Profesi selanjutnya yang sering membuat orang stres adalah menjadi penulis karena tenggat yang ketat.",
        "Pekerja seni",
        "Seni memang indah, tetapi profesi ini juga rentan membuat orang tertekan karena penghasilan tidak tetap.",
    ]
    body = _body(
        "\n".join(["Beranda", "Pekerjaan yang mampu membuat depresi", *INDONESIAN_PARAGRAPHS, *items])
    )
    for line in items:
        assert line in body


def test_the_repeated_caption_with_names_after_it_is_that_caption() -> None:
    extended = f"{GALLERY_CAPTION} Sailors_Anna Berg, Budi Santoso"
    page = _gallery_page().replace(
        "Children could climb aboard", f"{extended}\n\nChildren could climb aboard"
    )
    body = _body(page)
    assert "Children could climb aboard three of the boats" in body
    assert extended not in body


# --- a key-points box under the lead photo's caption ---------------------------------------------------------------


def test_a_highlights_box_under_a_long_lead_caption_is_not_body(monkeypatch: pytest.MonkeyPatch) -> None:
    caption = (
        "A fisherman mends his nets on the old quay of the harbour, where two of the walls could give way in a "
        "strong storm this winter, on November 19, 2019."
    )
    item = PARAGRAPHS[3]
    page = "\n".join(
        [
            *MENU,
            HEADLINE,
            "Published November 20th, 2019 - 07:29 GMT",
            caption,
            "Highlights",
            item,
            *PARAGRAPHS,
        ]
    )
    body = _body(page)
    assert body.count(item) == 1
    assert "Highlights" not in body
    monkeypatch.setattr(lines, "KEY_POINTS_LEAD_LINES", 0)
    assert _body(page).count(item) == 2


def test_closing_paragraphs_about_the_company_that_open_no_profile_stay() -> None:
    news = "Harbourtech has signed similar agreements with two ferry companies in Denmark this year, the company said."
    body = _body(_release_page([news, PROFILE[1]]))
    assert news in body
    assert PROFILE[1] not in body
