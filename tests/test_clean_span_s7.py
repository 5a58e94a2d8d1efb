"""Whole-page scrapes, session 7: the article goes on under a box of other stories' headlines (kabar.clean.lines)."""

from __future__ import annotations

import pytest

from kabar.clean import lines
from kabar.clean.lines import clean_lines
from kabar.clean.memory import ChromeMemory

MENU = ["News", "Sport", "TV", "Money", "Travel"]
BEFORE = [
    "A FARMER who ate a wild hare has been taken to hospital with a rare infection, health officials said today.",
    "The 48-year-old is the second person in the province to catch the disease this year, according to the agency.",
    "Twelve people who had been in close contact with him were told to stay at home for a week as a precaution.",
]
BOX = [
    "Most read in world news",
    "SHOCK RESULT",
    "Mayor loses seat to candidate who died two months before the vote",
    "CAUGHT ON CAMERA",
    "Tourist films giant wave sweeping away beach huts in seconds",
    "HOME ALONE",
    "Toddler found safe after wandering off during family picnic",
    "LUCKY ESCAPE",
    "Driver walks away unhurt after lorry flips on motorway",
    "NEW RECORD",
    "Grandmother, 101, becomes oldest woman to finish marathon",
]
AFTER = [
    "Officials in the north of the country closed two roads to stop the infection from spreading to nearby towns.",
    "Walkers and campers in the area were asked to report any dead animals they find to the local authorities.",
    "How does the infection spread?",
    "The infection is caused by bacteria that live in small mammals and the fleas that feed on them in the wild.",
    "People usually catch it from a flea bite or by handling an infected animal, the health agency explains.",
    "Symptoms include a sudden fever, chills and aches, and most patients recover quickly with antibiotics.",
]
FOOTER = ["About us", "Contact", "Privacy Policy", "Terms of use"]


def _page() -> str:
    return "\n".join(
        [*MENU, "Farmer in hospital after eating wild hare", "By Jo Bloggs", *BEFORE, *BOX, *AFTER, *FOOTER]
    )


def test_the_article_goes_on_under_a_box_of_headlines_inside_it() -> None:
    result = clean_lines(_page())
    body = "\n".join(result.paragraphs)
    for line in BEFORE + AFTER:
        assert line in body
    for line in BOX:
        assert line not in body


def test_without_the_rule_half_of_the_article_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    # The box is longer than the few lines a list header is looked past: switched off, it cuts the article in two.
    monkeypatch.setattr(lines, "_mark_headline_boxes", lambda units: None)
    monkeypatch.setattr(lines, "_headline_box_end", lambda units, index: None)
    body = "\n".join(clean_lines(_page()).paragraphs)
    assert not all(line in body for line in BEFORE + AFTER)


def test_a_box_of_headlines_after_the_article_stays_out() -> None:
    # Under an end-of-article box come a blurb or two and the footer, not a run of paragraphs.
    page = "\n".join(
        [
            *MENU,
            "Farmer in hospital after eating wild hare",
            "By Jo Bloggs",
            *BEFORE,
            *AFTER[:2],
            *BOX,
            "Sign up to our newsletter for the day's top stories sent to your inbox every morning.",
            *FOOTER,
        ]
    )
    body = "\n".join(clean_lines(page).paragraphs)
    for line in BOX:
        assert line not in body
    assert "Sign up to our newsletter" not in body


SENATE = [
    "The Senate observed a minute of silence on Tuesday in honour of the lawmakers who died during the recess.",
    "The Senate Leader moved a motion on the deaths, and members paid tribute to each of them in turn.",
    "Senate resolves to adjourn plenary until the next legislative day in honour of the departed.#SenatePlenary",
    "— The Example Senate (@ExampleSenate) October 9, 2018",
]


def test_the_signature_of_an_embedded_post_closes_the_article() -> None:
    page = "\n".join([*MENU, "Senate adjourns in honour of late members", "By Jo Bloggs", *SENATE, *FOOTER])
    result = clean_lines(page)
    assert result.paragraphs[-1] == SENATE[-1]


def test_without_the_rule_the_signature_is_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "_extend_over_attributions", lambda units, end: end)
    monkeypatch.setattr(lines, "_is_post_signature", lambda text: False)
    page = "\n".join([*MENU, "Senate adjourns in honour of late members", "By Jo Bloggs", *SENATE, *FOOTER])
    assert clean_lines(page).paragraphs[-1] != SENATE[-1]


def test_a_post_signed_with_the_day_first_closes_the_article_too() -> None:
    senat = [
        "Rapat paripurna DPR hari ini mengesahkan rancangan undang-undang tentang perlindungan data pribadi.",
        "Ketua DPR menyampaikan bahwa undang-undang itu akan segera dikirim kepada presiden untuk disahkan.",
        "RUU Perlindungan Data Pribadi resmi disahkan dalam rapat paripurna hari ini #RapatParipurna",
        "— DPR Contoh (@DPRContoh) 20 September 2022",
    ]
    page = "\n".join([*MENU, "DPR sahkan RUU Perlindungan Data Pribadi", "Oleh Budi", *senat, *FOOTER])
    assert clean_lines(page).paragraphs[-1] == senat[-1]


def test_the_article_goes_on_under_the_box_when_the_outlet_s_other_pages_print_it_too() -> None:
    # A media monitor reads many articles of one outlet: the chrome memory then knows the box's lines as the site's
    # frame. Marked so, they are still a box inside the article, not its end.
    memory = ChromeMemory()
    for number in range(5):
        other = [*MENU, f"Other story number {number}", *BOX, *FOOTER]
        memory.observe(other, outlet="example-tabloid", document_key=f"other-{number}")
    assert memory.is_chrome(BOX[2], outlet="example-tabloid")
    body = "\n".join(clean_lines(_page(), memory=memory, outlet_hint="example-tabloid").paragraphs)
    for line in BEFORE + AFTER:
        assert line in body
    for line in BOX:
        assert line not in body
