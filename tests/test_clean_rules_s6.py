"""Whole-page scrapes, session 6 rules: listicles whose headline counts their items (kabar.clean.lines)."""

from __future__ import annotations

import textwrap

from kabar.clean.lines import clean_lines

INTRO_A = (
    "Black Friday is still two weeks away, but the retailers have already cut the prices of many of the most "
    "popular gadgets of the year, some of them to the lowest we have ever seen."
)
INTRO_B = (
    "We went through hundreds of offers and kept only the deals that are really worth it, from wireless "
    "earphones and smart watches to tablets and phones."
)
MENU = ["Tech", "Entertainment", "Deals", "Business", "Science"]
FOOTER = [
    "Follow us on Twitter to keep up with the latest and greatest deals from around the web every day.",
    "Advertise",
    "About",
    "Contact",
    "Privacy Policy",
]


def _item(name: str, price: str) -> list[str]:
    return [
        name,
        "Automatically on, automatically connected",
        "Easy setup for all your devices",
        f"{name} (Latest Model)",
        price,
        "Available from the store",
        "Buy Now",
    ]


def _listicle(headline: str, items: int) -> str:
    names = ["Earbuds One", "Earbuds Two", "Watch Three", "Phone Four", "Tablet Five", "Speaker Six"]
    blocks = [line for i in range(items) for line in _item(names[i], f"${100 + i}.99")]
    return "\n".join([*MENU, headline, "By Jane Doe", INTRO_A, INTRO_B, *blocks, *FOOTER])


def test_the_items_of_a_listicle_whose_headline_counts_them_stay_in_the_body() -> None:
    result = clean_lines(_listicle("The 5 best early deals on gadgets this week", 5))
    body = "\n".join(result.paragraphs)
    assert INTRO_A in body
    for name in ["Earbuds One", "Watch Three", "Tablet Five"]:
        assert f"{name} (Latest Model)" in body
    assert body.count("Buy Now") == 5
    assert "$104.99" in body
    assert "Privacy Policy" not in body
    assert FOOTER[0] not in body


def test_repeated_blocks_stay_out_when_the_headline_counts_another_number() -> None:
    # Six blocks under a headline announcing 5: no line is printed exactly five times, so nothing is taken.
    body = "\n".join(clean_lines(_listicle("The 5 best early deals on gadgets this week", 6)).paragraphs)
    assert INTRO_A in body
    assert "Buy Now" not in body
    # Without a count in the headline the blocks stay out too.
    body = "\n".join(clean_lines(_listicle("The best early deals on gadgets this week", 5)).paragraphs)
    assert "Buy Now" not in body


def test_a_you_may_also_like_header_in_portuguese_ends_the_article() -> None:
    article = [
        "O conselho da cidade aprovou na terça-feira a expansão da rede de ônibus para os bairros do norte, um "
        "plano pedido pelos moradores desde que os novos conjuntos habitacionais foram abertos.",
        "O prefeito disse que as primeiras linhas começam em março e que as tarifas ficam iguais por dois anos.",
    ]
    teasers = [
        "A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor acontecer todos os dias.",
        "Compartilhar",
        "Família unida é força, é certeza de apoio, compreensão e mãos estendidas em todos os momentos da vida.",
        "Compartilhar",
        "Força para vencer e fé para acreditar que tudo é possível e que todo obstáculo pode ser vencido.",
    ]
    text = "\n".join(["Início", "Mensagens", *article, "Você pode gostar...", *teasers, "Contato"])
    body = "\n".join(clean_lines(text).paragraphs)
    assert article[1] in body
    assert "Você pode gostar" not in body
    assert teasers[0] not in body


def test_a_list_numbered_in_sequence_is_the_article_of_a_page_without_prose() -> None:
    rows = [
        "1a etapa: 10 de março – Interlagos",
        "2a etapa: 8 de abril – Curitiba",
        "3a etapa: 22 de abril – Velopark",
        "4a etapa: 6 de maio – Londrina",
        "5a etapa: 20 de maio – Santa Cruz do Sul",
        "6a etapa: 5 de agosto – Goiânia",
    ]
    notice = "ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador."
    text = "\n".join(
        [*MENU, "Calendário da Stock Car 2018", "segunda-feira, 22 de janeiro de 2018", *rows, "Tags", notice]
    )
    body = "\n".join(clean_lines(text).paragraphs)
    for row in rows:
        assert row in body
    assert notice not in body
    assert "Entertainment" not in body


def test_numbered_headlines_are_not_an_enumerated_list() -> None:
    article = [INTRO_A, INTRO_B]
    most_read = [
        "1. Mayor promises new buses for the north",
        "2. Storm closes the coast road again",
        "3. Local team wins the cup after extra time",
    ]
    # A numbered list of other stories in the sidebar, a menu between it and the article.
    text = "\n".join([*most_read, *MENU, *article, *FOOTER])
    body = "\n".join(clean_lines(text).paragraphs)
    assert INTRO_B in body
    assert most_read[0] not in body


def test_listicle_headlines_under_the_article_are_not_a_closing_list() -> None:
    teasers = [
        "27 Oddest Medical Case Reports",
        "10 Strangest Medical Cases",
        "The 11 Weird Things People Swallowed",
    ]
    text = "\n".join([*MENU, INTRO_A, INTRO_B, *teasers, "Sign up for e-mail newsletters", *FOOTER[1:]])
    body = "\n".join(clean_lines(text).paragraphs)
    assert INTRO_B in body
    for teaser in teasers:
        assert teaser not in body
    # Rows with figures of their own still close the article (sales figures).
    rows = ["Toyota Avanza 62,615 units", "Honda Brio 41,020 units", "Daihatsu Sigra 30,517 units"]
    body = "\n".join(clean_lines("\n".join([*MENU, INTRO_A, INTRO_B, *rows, *FOOTER[1:]])).paragraphs)
    assert rows[2] in body


def test_short_sentences_opening_the_article_are_body_not_its_headline() -> None:
    opening = [
        "Your mindset matters. Here is why:",
        "There is a strange disconnect in the online business world.",
        "Online business owners tend to be introverts.",
        "I mean, really, it is the perfect job for an introvert!",
    ]
    head = [*MENU, "How to Adopt an Online Leader Success Mindset", "Share", "Tweet", "Pamela Wilson"]
    text = "\n".join([*head, *opening, INTRO_A, INTRO_B, *FOOTER[1:]])
    result = clean_lines(text)
    assert result.title == "How to Adopt an Online Leader Success Mindset"
    body = "\n".join(result.paragraphs)
    for line in opening:
        assert line in body


def test_a_hard_wrapped_article_among_many_short_menu_lines_is_unwrapped() -> None:
    article = [
        INTRO_A,
        INTRO_B,
        "The offers end on Monday at midnight, the retailers said, and stock is limited.",
    ]
    # As a text-mode browser prints it: paragraphs broken at 79 columns, a blank line between blocks.
    wrapped = "\n\n".join("\n".join(textwrap.wrap(paragraph, 79)) for paragraph in article)
    menu = "\n".join(
        f"Category {name} ({count})" for count, name in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3)
    )
    text = "\n\n".join(
        [menu, "Gadget deals start early\nPosted on November 19, 2019 by Admin", wrapped, menu]
    )
    result = clean_lines(text)
    # Each paragraph comes back whole, not as pieces of 79 columns (the short lines are over 90 % of the page).
    for paragraph in article:
        assert paragraph in result.paragraphs


def test_a_headline_written_as_a_sentence_with_its_date_line_under_it_is_the_headline() -> None:
    headline = "South Dakota doubles down on its odd new slogan, and it just might work."
    text = "\n".join(
        [
            "Enter City and State or Zip Code",
            *MENU,
            headline,
            "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM",
            INTRO_A,
            INTRO_B,
            *FOOTER[1:],
        ]
    )
    assert clean_lines(text).title == headline
    # A sentence without a date line under it is not taken for the headline.
    text = "\n".join(["Enter City and State or Zip Code", *MENU, headline, INTRO_A, INTRO_B, *FOOTER[1:]])
    assert clean_lines(text).title != headline


def test_the_headline_printed_again_before_the_body_wins_over_a_signed_dek() -> None:
    headline = "Star Trek 4 eyes Fargo creator Noah Hawley to direct"
    dek = "The fourth in the reboot series of the space films"
    head = [
        *MENU,
        headline,
        "New",
        "15",
        "comments",
        dek,
        "By",
        "Chaim Gartenberg",
        "Nov 19, 2019, 7:53pm EST",
    ]
    share = ["Share this story", "All sharing options for:", headline, "Reddit", "Pocket"]
    result = clean_lines("\n".join([*head, *share, INTRO_A, INTRO_B, *FOOTER[1:]]))
    assert result.title == headline


def test_an_unbreakable_url_longer_than_the_wrap_width_does_not_keep_paragraphs_in_pieces() -> None:
    # Greedy wrapping at 79 columns breaks "...to Apple tablets and" / "Google Pixel phones." because the next word
    # would make 80; a URL of 80 characters on its own line must not make 80 columns look like room the wrapper
    # left unused.
    paragraphs = [
        INTRO_A,
        "We went through about three hundred offers and kept only the popular deals that are worth it, from Sony "
        "earphones and Garmin watches to Apple tablets and Google Pixel phones.",
        "Shoppers who wait for the day itself will find fewer offers, the retailers warned, and some of the best "
        "deals will sell out within hours of going live online.",
    ]
    url = "https://example.com/2019/11/19/the-very-best-early-black-friday-deals-on-gadget/"
    assert len(url) == 80
    wrapped = "\n\n".join("\n".join(textwrap.wrap(paragraph, 79)) for paragraph in paragraphs)
    menu = "\n".join(MENU)
    text = "\n\n".join([menu, "Gadget deals start early\nBy Jane Doe", wrapped, url, "\n".join(FOOTER[1:])])
    result = clean_lines(text)
    for paragraph in paragraphs:
        assert paragraph in result.paragraphs


def test_another_storys_headline_in_capitals_between_paragraphs_leaves_the_body() -> None:
    link = "TAYLOR SWIFT'S FORMER LABEL BOSS BLASTS HER 'BULLYING' CLAIMS, SAYS SHE KNEW ABOUT SALE"
    subheading = "WILL SOMEONE STAND UP FOR THE ESTABLISHMENT?"
    text = "\n".join(
        [*MENU, INTRO_A, link, INTRO_B, subheading, INTRO_A.replace("Black Friday", "The sale"), *FOOTER]
    )
    body = "\n".join(clean_lines(text).paragraphs)
    assert INTRO_B in body
    assert link not in body
    assert subheading in body  # a subheading in capitals is shorter


def test_a_teaser_headline_right_above_a_bare_read_more_leaves_the_body() -> None:
    teaser = "Neil Young's Plan to Vote Against Trump Suffers Setback Over Marijuana Use"
    text = "\n".join([*MENU, INTRO_A, teaser, "Read more", INTRO_B, *FOOTER])
    body = "\n".join(clean_lines(text).paragraphs)
    assert INTRO_A in body and INTRO_B in body
    assert teaser not in body


def test_the_items_of_a_key_points_box_above_the_article_leave_the_body() -> None:
    points = [
        "The retailers have cut the prices of many popular gadgets two weeks before Black Friday.",
        "Some of the offers are the lowest we have ever seen, and stock is limited.",
    ]
    opening = "NEW YORK (Reuters) — " + INTRO_A
    text = "\n".join(
        [*MENU, "Gadget deals start early", "By Jane Doe", "Key Points", *points, opening, INTRO_B]
    )
    body = "\n".join(clean_lines(text + "\n" + "\n".join(FOOTER)).paragraphs)
    assert opening in body and INTRO_B in body
    for point in points:
        assert point not in body
    # Without a dateline, an item the article prints again word for word is the copy.
    text = "\n".join(
        [*MENU, "Gadget deals start early", "Highlights", points[0], INTRO_A, points[0], INTRO_B]
    )
    body = clean_lines(text + "\n" + "\n".join(FOOTER)).paragraphs
    assert body.count(points[0]) == 1 and body.index(points[0]) > body.index(INTRO_A)


def test_a_text_that_opens_with_its_headline_keeps_it_and_a_dek_under_a_headline_is_no_headline() -> None:
    # ECB+-like copies: the headline is the first line, a question; nothing stands above it.
    text = "\n".join(["It's about time, right?", INTRO_A, INTRO_B])
    assert clean_lines(text).title == "It's about time, right?"
    # A dated sentence right under a headline is its dek.
    dek = "The gang member shot a deputy outside a Hawaiian Gardens building in 2005."
    text = "\n".join(["Deputy's killer gets death sentence", dek, "April 04, 2007", INTRO_A, INTRO_B])
    assert clean_lines(text).title == "Deputy's killer gets death sentence"
    # A headline in capitals is no link to another story: no sentence stands above it.
    shouted = "REPORT: RED SOX MAKE HUGE OFFER TO THEIR FIRST BASEMAN TARGET"
    url = "http: / / www. example. co. uk / news / provisional - trial - date - set - for - double - murder - accused"
    text = "\n".join([url, shouted, "Published at 12: 45, Wednesday, 12 June 2013", INTRO_A, INTRO_B])
    assert clean_lines(text).title == shouted


def test_a_greedy_wrap_broken_short_before_a_long_word_is_joined() -> None:
    about = (
        "After training in direct marketing, which he finished in 2010 as the best of his year, he chose a dual "
        "course of study at the DHBW in Mannheim. He then earned his degree as a Bachelor of Arts in "
        "BWL/Dienstleistungsmarketing/Gesundheitsoekonomie followed in 2013, and since May 2017 he has been part of "
        "the sales team."
    )
    paragraphs = [INTRO_A, INTRO_B, about]
    pieces = textwrap.wrap(about, 79)
    assert any(
        len(piece) < 59 for piece in pieces[:-1]
    )  # broken well short of the width before the long word
    wrapped = "\n\n".join("\n".join(textwrap.wrap(paragraph, 79)) for paragraph in paragraphs)
    text = "\n\n".join(
        ["\n".join(MENU), "Gadget deals start early\nBy Jane Doe", wrapped, "\n".join(FOOTER[1:])]
    )
    assert about in clean_lines(text).paragraphs


def test_a_reader_support_appeal_letter_after_the_article_leaves_the_body() -> None:
    staff = [
        "Editorial",
        "David Mikkelson",
        "Doreen Marchionni",
        "David Emery",
        "Bond Huberman",
        "Jordan Liles",
    ]
    letter = [
        "Most of our assignments begin when readers ask us whether a claim is true, and those tips launch our "
        "fact-checkers on sprints across a vast range of political, scientific and legal information.",
        "We do this work every day at no cost to you, but it is far from free to produce, and we cannot afford to "
        "slow down. To grow and serve more readers, we need your financial support.",
    ]
    text = "\n".join(
        [*MENU, INTRO_A, INTRO_B, "A Word to Our Loyal Readers", "Read the Letter", *staff, *letter, *FOOTER]
    )
    body = "\n".join(clean_lines(text).paragraphs)
    assert INTRO_B in body
    assert letter[1] not in body
    assert "Doreen Marchionni" not in body


def test_a_smiley_closes_a_sentence_of_casual_writing() -> None:
    closing = "We will always strive to make our culture widely known to the world 🙂"
    text = "\n".join([*MENU, INTRO_A, INTRO_B, closing, *FOOTER[1:]])
    assert closing in clean_lines(text).paragraphs
    # A menu glyph is no smiley.
    text = "\n".join(["☰", *MENU, INTRO_A, INTRO_B, *FOOTER[1:]])
    assert "☰" not in "\n".join(clean_lines(text).paragraphs)


def test_a_grid_of_other_stories_is_not_a_counted_listicle() -> None:
    # As many "Read more" links as the headline counts, under a "Related stories" header: other stories.
    grid = []
    for i in range(5):
        grid += [f"Other story number {i} about something else entirely", "By Jane Doe", "Read more"]
    text = "\n".join(
        [
            *MENU,
            "The 5 best early deals on gadgets this week",
            INTRO_A,
            INTRO_B,
            "Related stories",
            *grid,
            *FOOTER,
        ]
    )
    body = "\n".join(clean_lines(text).paragraphs)
    assert INTRO_B in body
    assert "Other story number 3" not in body
    assert "Read more" not in body and "By Jane Doe" not in body
    # Without the header the grid's own lines are named by rules ("Read more" links, bylines): still no items.
    text = "\n".join([*MENU, "The 5 best early deals on gadgets this week", INTRO_A, INTRO_B, *grid, *FOOTER])
    body = "\n".join(clean_lines(text).paragraphs)
    assert "Read more" not in body and "By Jane Doe" not in body


def test_links_between_the_article_and_its_closing_line_leave_and_the_closing_line_stays() -> None:
    links = [
        "Amazing Images of Distant Stars",
        "Fascinating Facts About Our Galaxy",
        "Unanswered Questions About Matter",
    ]
    closing = "Originally published on Live Science."
    text = "\n".join(
        [*MENU, INTRO_A, INTRO_B, *links, closing, "Sign up for e-mail newsletters", *FOOTER[1:]]
    )
    body = clean_lines(text).paragraphs
    assert closing in body
    assert not any(link in body for link in links)
