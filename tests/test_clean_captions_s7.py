"""Whole-page scrapes, session 7 rules: photo captions, credits and image text inside the body (kabar.clean.lines)."""

from __future__ import annotations

from tests.made_up_page import P1, P2, P3, P4, P5
from tests.made_up_page import body_of as _body


def test_credit_phrases_under_photos_leave_the_body() -> None:
    credits = [
        "Photo by Anna Example",
        "Courtesy of the Example Museum",
        "John Smith Submitted photo",
        "A farmer burns rice straw near the village of Examplepur.Credit: Getty - Contributor",
        "The new harvester at work in a field outside the city via Example Farms",
        "Above: A field after the rice harvest.",
    ]
    for credit in credits:
        body = _body([P1, P2, credit, P3, P4])
        assert credit not in body
        for paragraph in (P1, P2, P3, P4):
            assert paragraph in body


def test_prose_about_photos_and_sources_stays() -> None:
    lines = [
        "The photo by the agency shows the fields burning at night, and it was printed on the front pages.",
        "Courtesy of the ministry:",
        "The data came from the satellites via Example Space Agency, which shares it with the city every day.",
    ]
    for line in lines:
        assert line in _body([P1, P2, line, P3, P4])


def test_a_bracketed_source_closes_a_caption_only_with_the_article_under_it() -> None:
    caption = "Smoke over the city's main ring road on a November morning. (AP)"
    chain = "A map of the fires detected by satellite on one day. (NASA/Example Lab/ASU)"
    body = _body([P1, caption, P2, chain, P3])
    assert caption not in body and chain not in body
    # A wire paragraph closing the article with its source stays.
    closing = "The ministry said it would review the law next year. (Reuters)"
    assert closing in _body([P1, P2, closing])


def test_a_credit_label_standing_alone_takes_the_credit_under_it() -> None:
    body = _body([P1, P2, "Foto:", "Dok. pribadi Budi Santoso", P3, P4])
    assert "Dok. pribadi Budi Santoso" not in body
    assert P2 in body and P3 in body


def test_image_file_names_are_not_body() -> None:
    body = _body([P1, P2, "smog_city_01", "IMG_2045.jpg", P3, P4])
    assert "smog_city_01" not in body and "IMG_2045.jpg" not in body
    assert P2 in body and P3 in body


def test_a_caption_and_its_credit_between_two_paragraphs_leave_the_body() -> None:
    caption = "Smoke from burning fields hangs over the city's ring road."
    credit = "Rahul Example/Example Times/Getty Images"
    body = _body([P1, P2, caption, credit, P3, P4])
    assert caption not in body and credit not in body
    assert P2 in body and P3 in body


def test_a_bracketed_name_under_a_caption_is_its_credit() -> None:
    caption = "Maria Example, the minister who is overseeing the new straw programme"
    body = _body([P1, P2, caption, "(Example Ministry Co.)", P3, P4])
    assert caption not in body and "(Example Ministry Co.)" not in body


def test_bare_source_names_are_credits_on_a_page_that_sets_credits() -> None:
    graph = "Air quality in the city has been unhealthy for most of this week."
    page = [P1, "Smoke hangs over the ring road.", "Rahul Example/Example Times/Getty Images", P2]
    page += [P3, graph, "Example Earth", P4, P5]
    body = _body(page)
    assert graph not in body and "Example Earth" not in body
    assert P4 in body and P5 in body


def test_a_short_paragraph_above_a_credit_stays_where_the_page_prints_credits_without_captions() -> None:
    short = "So why does anyone still burn the fields?"
    body = _body(["Foto: Shutterstock", P1, P2, short, "Foto: Shutterstock", P3, P4])
    assert short in body
    assert P3 in body


def test_a_subheading_above_a_captioned_photo_stays() -> None:
    body = _body([P1, P2, "Rice and wheat", "Ilustrasi sawah. Example.com", P3, P4])
    assert "Rice and wheat" in body


def test_a_long_first_paragraph_above_a_caption_is_the_article_not_the_lead_caption() -> None:
    caption = "The new harvester at work in a field outside the city via ExampleFarms"
    first = P1 + " The province's farmers say they have never seen so many inspectors in their fields."
    body = _body([first, caption, P2, P3])
    assert caption not in body
    assert first in body


def test_photo_counters_next_to_captions_are_not_body() -> None:
    caption = "A field outside the city after the harvest, where the straw was burnedCredit: Getty"
    body = _body([P1, P2, "6", caption, P3, P4])
    assert caption not in body
    assert "\n6\n" not in f"\n{body}\n"
    assert P2 in body and P3 in body


def test_a_long_caption_closing_with_its_credit_leaves_the_body() -> None:
    caption = (
        "A cross-section of the new straw power plant, showing the boilers and the filters that clean the smoke "
        "before it leaves the chimney. The plant burns the straw of some two hundred villages every autumn and "
        "sells the power to the grid, and the ash goes back to the fields as fertiliser in the spring. "
        "Credit: Example Energy"
    )
    body = _body([P1, P2, caption, P3, P4])
    assert caption not in body
    assert P2 in body and P3 in body
