"""Body lines the clean-up used to lose, session 8 (recall8): made-up pages, kabar.clean.lines."""

from __future__ import annotations

import pytest

from kabar.clean import lines
from kabar.clean.lines import clean_lines

MENU = ["News", "Local", "Weather", "Sport", "Traffic"]
HEADLINE = "Bridge closed for a week after inspectors find cracks"
BYLINE = "By Sam Porter"
STORY = [
    "The old river bridge will stay closed for at least a week after inspectors found cracks in two of its supports.",
    "Drivers were told to use the ring road, which adds about fifteen minutes to the trip into the town centre.",
    "The council said repairs would start on Monday and that buses would run on a shorter route until then.",
]
FOOTER = ["Leave a comment", "About us", "Contact", "Privacy Policy"]


def _body(page: list[str]) -> str:
    return "\n".join(clean_lines("\n".join(page)).paragraphs)


def _teaser_page() -> tuple[list[str], str, str]:
    teaser = "Town Hall Car Park to Reopen After Resurfacing Work"
    closing = "Inspectors will check the bridge again next month, when the council expects to say how long repairs take."
    return [*MENU, HEADLINE, BYLINE, *STORY, teaser, closing, *FOOTER], teaser, closing


def test_the_closing_paragraph_past_an_interleaved_headline_stays() -> None:
    page, _, closing = _teaser_page()
    body = _body(page)
    for line in [*STORY, closing]:
        assert line in body
    for line in FOOTER:
        assert line not in body


def test_without_the_rule_the_closing_paragraph_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "LAST_PARAGRAPH_PAST_LINE", False)
    page, _, closing = _teaser_page()
    assert closing not in _body(page)


def test_a_recipe_step_without_its_full_stop_and_the_last_step_stay() -> None:
    steps = [
        "Peel and slice the apples, then put them in a pan with the sugar and a splash of water.",
        "Cook over a low heat, stirring often, until the apples are soft and the syrup is thick.",
        "Spoon the mixture into clean jars and put the lids on while the jam is still hot.",
    ]
    unstopped = "Boil the jars for ten minutes (longer at high altitude)"
    last = "Take the jars out of the water and leave them to cool. The jam sets within a day."
    body = _body([*MENU, "Apple jam in three easy steps", *steps, unstopped, last, "© Jo Cook", *FOOTER])
    assert unstopped in body
    assert last in body


def test_the_link_of_a_related_box_leaves_and_the_paragraph_under_it_stays() -> None:
    link = "Space Agency website"
    closing = (
        "The crew would sleep through much of the six-month trip while the ship flies itself to the station."
    )
    body = _body([*MENU, HEADLINE, BYLINE, *STORY, "Related Links", link, closing, *FOOTER])
    assert closing in body
    assert link not in body


def _grown_end(page: list[str]) -> int:
    """Where `_extend_over_last_paragraph` puts the end of a body that ends with STORY's last line."""
    units, _ = lines._units("\n".join(page))
    end = next(i for i, unit in enumerate(units) if unit.text == STORY[-1])
    return lines._extend_over_last_paragraph(units, end) - end


def test_the_rule_takes_the_closing_paragraph_two_lines_down() -> None:
    page, _, _ = _teaser_page()
    assert _grown_end(page) == 2


def test_a_newsletter_prompt_past_a_call_is_no_closing_paragraph() -> None:
    call = "Get the latest news on bridges, roads and more!"
    small_print = "No spam, we promise. You can unsubscribe at any time and we will never share your details."
    assert _grown_end([*STORY, call, small_print, *FOOTER]) == 0


def test_an_author_box_past_the_article_is_no_closing_paragraph() -> None:
    bio = "Sam joined the paper in 2017 and has reported on transport and local politics since then."
    assert _grown_end([*STORY, "Sam Porter", bio, *FOOTER]) == 0


def test_a_teaser_grid_past_the_article_is_no_closing_paragraph() -> None:
    grid = [
        "Town Hall Car Park to Reopen After Resurfacing Work",
        "The car park behind the town hall opens again on Friday with forty more spaces than before the work began.",
        "School Run Buses Change Route for the Winter",
        "Three school buses will take the ring road from next week while the old bridge is being repaired.",
    ]
    assert _grown_end([*STORY, *grid, *FOOTER]) == 0


def test_a_comment_counter_past_the_article_is_no_closing_paragraph() -> None:
    counter = "12 responses to “Bridge closed for a week after inspectors find cracks in supports”"
    assert _grown_end([*STORY, "Permalink 12 Comments Feed", counter, *FOOTER]) == 0


def _running_story() -> tuple[list[str], list[str]]:
    opening = [
        "The Latest on the flooding along the river in the north of the state and the towns near it (all times local):",
        "10 p.m.",
    ]
    updates = [
        "Officials say the water has started to go down in the towns along the river after two days of heavy rain.",
        "About two hundred people spent the night in school halls, and most of them are expected to go home tomorrow.",
        "7:45 p.m.",
        "The governor has asked for federal help to repair the roads and the two bridges that the flood washed away.",
    ]
    return [
        *MENU,
        "The Latest: Flood waters start to go down in the north",
        "Updated 10:05 pm",
        *opening,
        *updates,
        *FOOTER,
    ], [
        *opening,
        *updates,
    ]


def test_an_opening_sentence_that_announces_the_updates_stays() -> None:
    page, article = _running_story()
    body = _body(page)
    for line in article:
        assert line in body


def test_without_the_rule_the_announcement_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "ANNOUNCEMENT_OPENS_BODY", False)
    page, article = _running_story()
    assert article[0] not in _body(page)


def test_a_short_prompt_with_a_colon_does_not_open_the_body() -> None:
    units, _ = lines._units("\n".join(["Watch the video:", "Breaking news", *STORY]))
    assert lines._extend_over_announcement(units, 2, None) == 2
    units, _ = lines._units(
        "\n".join([*STORY[:1], "Here is what the council said about the repairs today:", *STORY])
    )
    assert lines._extend_over_announcement(units, 2, None) == 1


# -- a short story dumped at a fixed width, with no blank lines --------------------------------------------------
WRAPPED_LEAD = (
    "SURABAYA - Pemerintah kota membuka tiga taman baru di pinggir sungai pada akhir pekan ini, setelah "
    "pembangunan yang berlangsung hampir dua tahun dan menelan biaya puluhan miliar rupiah."
)
# One-line paragraphs that fill a 72-column width, as the wrapped lines do: the unwrapper joins them to the next line.
SHORT_PARAGRAPHS = [
    "Wali kota mengatakan taman itu terbuka untuk umum setiap hari, gratis.",
    "Warga diminta menjaga kebersihan dan tidak membawa kendaraan ke taman.",
]
RELATED = "Baca juga: Jembatan Lama di Pusat Kota Ditutup Selama Satu Pekan Penuh"
QUOTE = (
    '"Kami ingin warga punya tempat bersantai yang dekat dengan rumah mereka dan mudah dijangkau," kata '
    "wali kota saat meresmikan taman itu, Sabtu (4/11/2023)."
)
NOTICE = "Artikel ini telah tayang di Kabarkota.com dengan judul Tiga Taman Baru Dibuka di Pinggir Sungai"


def _wrapped_story(width: int) -> str:
    import textwrap

    lines_ = ["Kabarkota.com", "Beranda", "Regional", "Tiga Taman Baru Dibuka di Pinggir Sungai"]
    for paragraph in [WRAPPED_LEAD, SHORT_PARAGRAPHS[0], RELATED, QUOTE, SHORT_PARAGRAPHS[1], NOTICE]:
        lines_ += textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join([*lines_, "Ikuti kami di Google News", "Berita Terkait"])


@pytest.mark.parametrize("width", [72, 79, 100])
def test_a_wrapped_story_keeps_its_paragraphs_apart_from_a_notice_and_a_link(width: int) -> None:
    body = "\n".join(clean_lines(_wrapped_story(width)).paragraphs)
    for paragraph in [WRAPPED_LEAD, *SHORT_PARAGRAPHS, QUOTE]:
        assert paragraph in body
    assert "Baca juga" not in body
    assert "Artikel ini telah tayang" not in body


def test_without_the_rule_the_wrapped_story_loses_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "BLOCK_BOUNDARIES_UNJOINED", False)
    body = "\n".join(clean_lines(_wrapped_story(72)).paragraphs)
    # The quote went out with the link joined above it, the last paragraph with the notice joined under it.
    assert QUOTE not in body
    assert SHORT_PARAGRAPHS[1] not in body


def test_a_related_link_wrapped_over_two_lines_is_still_joined() -> None:
    units, _ = lines._units(
        "\n".join(["Baca juga: Harga Tiket Wisata Naik Jelang Libur Akhir Tahun di Kota", "Malang", *STORY])
    )
    assert not lines._block_boundary(units, 0, 72)
