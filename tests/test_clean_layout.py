"""Whole-page scrapes: tables copied one cell per line, photo galleries, prompts, author notes, list boxes inside
the body, headline choice and CJK sentences (kabar.clean.lines)."""

from __future__ import annotations

import pytest

from kabar.clean import rules
from kabar.clean.lines import clean_lines

PARAGRAPH_A = (
    "The city council voted on Tuesday to expand the bus network to the northern districts, a plan that "
    "residents had asked for since the new housing estates opened three years ago."
)
PARAGRAPH_B = (
    "The mayor said the first routes would start in March and that fares would stay the same for at least "
    "two years, while the opposition questioned how the extra drivers would be paid."
)
PARAGRAPH_C = (
    "Transport officials expect about twelve thousand extra passengers a day once all six routes run, "
    "according to the estimate published with the plan."
)


def _body(text: str) -> str:
    return "\n".join(clean_lines(text).paragraphs)


def _menu(count: int) -> str:
    return "\n".join(f"Section {name}" for name in "ABCDEFGHIJKLMNOP"[:count])


def test_table_copied_one_cell_per_line_stays_between_its_paragraphs() -> None:
    cells = []
    for rank, (name, points) in enumerate(
        [("Busch", 5040), ("Truex", 5035), ("Harvick", 5033), ("Hamlin", 5027)]
    ):
        cells += [str(rank + 1), name, str(points), "Ford"]
    text = "\n".join(
        [_menu(6), PARAGRAPH_A, "Pos", "Driver", "Points", "Team", *cells, PARAGRAPH_B, _menu(6)]
    )
    body = _body(text)
    assert PARAGRAPH_A in body and PARAGRAPH_B in body
    assert "\n5040\n" in body and "\nHamlin\n" in body
    assert "Section A" not in body


def _standings_cells() -> list[str]:
    cells = ["Pos", "Driver", "Points", "Wins"]
    for rank, (name, points) in enumerate(
        [("Busch", 5040), ("Truex", 5035), ("Harvick", 5033), ("Hamlin", 5027), ("Elliott", 2350)]
    ):
        cells += [str(rank + 1), name, str(points), str(5 - rank)]
    return cells


def test_a_table_the_page_announces_with_a_colon_is_the_body_of_a_standings_page() -> None:
    # A standings page: its article is an announcement and the table, a footnote under it, menus around.
    text = "\n".join(
        [
            _menu(8),
            "Final standings of the 2019 season after 36 races:",
            *_standings_cells(),
            "* Only the top twelve drivers race for the title in the last ten races.",
            _menu(8),
        ]
    )
    body = _body(text)
    assert "\n5040\n" in body and "\nElliott\n" in body and "\nPos\n" in body
    assert "Section A" not in body


def test_a_table_after_the_article_without_an_announcement_stays_out() -> None:
    # A standings widget under the article, not introduced by it, is not the article.
    text = "\n".join(
        [_menu(6), PARAGRAPH_A, PARAGRAPH_B, _menu(3), "Standings", *_standings_cells(), _menu(6)]
    )
    body = _body(text)
    assert PARAGRAPH_A in body and PARAGRAPH_B in body
    assert "5040" not in body


def test_menu_words_without_figures_are_not_a_table() -> None:
    text = "\n".join([PARAGRAPH_A, PARAGRAPH_B, _menu(16), PARAGRAPH_C])
    assert "Section F" not in _body(text)


def test_photo_gallery_controls_and_gallery_captions_leave_the_body() -> None:
    caption = "The mayor, left, speaks with residents at the depot on Monday."
    text = "\n".join(
        [
            PARAGRAPH_A,
            caption,
            caption,
            "Photo: Jane Doe, AP",
            "Image",
            "1",
            "of",
            "5",
            "Image 2 of 5",
            "Caption",
            "Close",
            PARAGRAPH_B,
        ]
    )
    result = clean_lines(text)
    body = "\n".join(result.paragraphs)
    assert PARAGRAPH_A in body and PARAGRAPH_B in body
    for chrome in (caption, "Image 2 of 5", "Caption", "Close", "\nof\n"):
        assert chrome not in body
    assert caption in result.captions


def test_a_caption_with_the_agencys_day_and_date_above_a_credit_leaves_the_body() -> None:
    caption = (
        "Commuters wait for the first bus of the new northern route at the depot in Springfield, Tuesday, "
        "Nov. 19, 2019, as the mayor cuts the ribbon."
    )
    text = "\n".join(
        [_menu(6), PARAGRAPH_A, PARAGRAPH_B, caption, "Michael Conroy, AP", PARAGRAPH_C, _menu(6)]
    )
    result = clean_lines(text)
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]
    assert caption in result.captions
    # Without the credit under it, the same line is a sentence of the article.
    text = "\n".join([_menu(6), PARAGRAPH_A, PARAGRAPH_B, caption, PARAGRAPH_C, _menu(6)])
    assert caption in clean_lines(text).paragraphs


def test_paragraph_above_a_lone_credit_stays_body() -> None:
    # An image between two paragraphs prints only its credit: the paragraph above it is not a caption.
    text = "\n".join([PARAGRAPH_A, "Foto: Dok. Istimewa", PARAGRAPH_B, PARAGRAPH_C])
    body = _body(text)
    assert PARAGRAPH_A in body and "Istimewa" not in body


def test_prompts_notices_and_author_notes_leave_the_body() -> None:
    chrome = [
        "Want more deals? Join the Daily Deals Newsletter.",
        "Microsoft may earn an Affiliate Commission if you purchase something through recommended links.",
        "Jane Doe is a staff writer at the Gazette covering transport and housing.",
        "The material on this site may not be reproduced, distributed or transmitted.",
        "Save my name, email, and website in this browser for the next time I comment.",
    ]
    body = _body("\n".join([PARAGRAPH_A, PARAGRAPH_B, *chrome[:2], PARAGRAPH_C, *chrome[2:]]))
    assert PARAGRAPH_C in body
    for line in chrome:
        assert line not in body


@pytest.mark.parametrize(
    "line",
    [
        "I agree that the Gazette can send me the Morning Briefing newsletter.",
        "Note: we are temporarily moderating all comments submitted to deal with a surge in spam.",
        "Komentar Anda akan dimoderasi sebelum tampil di halaman ini.",
        "Fox News’ Jessica Napoli contributed to this report.",
        "Thanks for watching!Visit Website",
        "Whatsapp Facebook Pint Baixar",
    ],
)
def test_opt_ins_notes_credits_and_share_bars_leave_the_body(line: str) -> None:
    # Between two paragraphs, where only a rule (not the position) can take the line out.
    result = clean_lines("\n".join([PARAGRAPH_A, PARAGRAPH_B, line, PARAGRAPH_C]))
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]


def test_related_box_between_paragraphs_does_not_end_the_body() -> None:
    text = "\n".join(
        [
            PARAGRAPH_A,
            "Related Stories",
            "Council Approves New Tram Line For The South",
            "Bus Drivers Plan Strike Over Pay",
            PARAGRAPH_B,
            PARAGRAPH_C,
            "Most Popular",
            "Ten Things To Do In The City This Weekend",
        ]
    )
    body = _body(text)
    assert PARAGRAPH_A in body and PARAGRAPH_C in body
    assert "Bus Drivers Plan Strike" not in body and "Ten Things" not in body


def test_comment_thread_without_a_header_leaves_the_body() -> None:
    # A blog theme prints reader comments as name / time stamp / text, with no "Comments" header above them.
    comment_one = (
        "I really enjoyed this piece about the buses, because my daughter takes the long way to school every "
        "single morning and the new northern route would save her almost forty minutes a day."
    )
    comment_two = (
        "Thanks for writing it up so clearly, we had been waiting for the council to decide this for years and "
        "nobody in our street believed it would ever actually happen before the next election."
    )
    text = "\n".join(
        [
            PARAGRAPH_A,
            PARAGRAPH_B,
            PARAGRAPH_C,
            "Anita Sousa",
            "August 10, 2018 at 9:40 am",
            comment_one,
            "Tom Collins",
            "August 11, 2018 at 10:41 am",
            comment_two,
        ]
    )
    result = clean_lines(text)
    body = "\n".join(result.paragraphs)
    assert PARAGRAPH_A in body and PARAGRAPH_C in body
    assert comment_one not in body and comment_two not in body
    assert ("Anita Sousa", "reader comment") in [(r.text, r.reason) for r in result.removed]


def test_byline_printed_twice_is_not_a_comment_thread() -> None:
    # One name twice (header and footer byline) with its time stamp is not a thread: the body stays whole.
    text = "\n".join(
        [
            "Jane Doe",
            "November 19, 2019 at 9:02 am",
            PARAGRAPH_A,
            PARAGRAPH_B,
            PARAGRAPH_C,
            "Jane Doe",
            "November 19, 2019 at 9:02 am",
        ]
    )
    result = clean_lines(text)
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]
    assert "reader comment" not in {r.reason for r in result.removed}


def test_news_agency_photo_captions_leave_the_body() -> None:
    captions = [
        "Rep. Jane Doe speaks at the Capitol on July 25, 2019.J. Scott Applewhite / AP file",
        "In this Nov. 19, 2019, photo, commuters wait for the first bus at the new northern depot.",
    ]
    text = "\n".join([PARAGRAPH_A, captions[0], PARAGRAPH_B, captions[1], PARAGRAPH_C])
    result = clean_lines(text)
    body = "\n".join(result.paragraphs)
    assert PARAGRAPH_B in body and PARAGRAPH_C in body
    assert not any(caption in body for caption in captions)
    assert set(captions) <= set(result.captions)


def test_captions_with_expand_toggles_or_printed_twice_above_a_credit_leave_the_body() -> None:
    long_caption = (
        "Commuters wait for the first bus of the new northern route at the depot on Tuesday, Nov. 19, 2019, as "
        "the mayor, left, and the transport director, right, cut the ribbon in front of the new shelter, which "
        "was designed by students of the local art school and paid for by a neighbourhood fund. The route will "
        "run every ten minutes at peak hours."
    )
    toggled = [
        "The mayor, left, and the transport director cut the ribbon at the depot ... more",
        "The mayor, left, and the transport director cut the ribbon at the depot on Tuesday, Nov. 19, 2019. less",
    ]
    text = "\n".join(
        [PARAGRAPH_A, *toggled, PARAGRAPH_B, long_caption, long_caption, "Photo: Jane Doe, AP", PARAGRAPH_C]
    )
    result = clean_lines(text)
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]
    assert long_caption in result.captions and toggled[1] in result.captions


def test_a_date_and_author_meta_line_dates_and_signs_the_post() -> None:
    text = "\n".join(
        [
            "Council Expands Bus Network North",
            "September 10, 2018 | by Catherine Doe",
            PARAGRAPH_A,
            PARAGRAPH_B,
        ]
    )
    result = clean_lines(text)
    assert result.published == "2018-09-10"
    assert result.authors == ["Catherine Doe"]
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B]


def test_the_date_above_the_body_wins_over_a_nearer_one_in_a_list_below() -> None:
    # Eleven lines of photo controls between the date and the body; a teaser list with its own date right under.
    text = "\n".join(
        [
            "Council Expands Bus Network North",
            "19 November 2019",
            *["Image", "1", "of", "8", "Close"] * 2,
            PARAGRAPH_A,
            PARAGRAPH_B,
            "More Stories",
            "Harbour Ferry Timetable Changes",
            "11 April 2019",
        ]
    )
    assert clean_lines(text).published == "2019-11-19"


def test_a_long_paragraph_cut_short_by_a_paywall_closes_the_body() -> None:
    cut = (
        "The mayor's office did not say how much the extra drivers would cost. Still, council members who voted "
        "for the plan said the money would come from the parking fund, which has grown every year since the "
        "city raised fees in the old town, and that…"
    )
    text = "\n".join(
        ["Council Expands Bus Network North", PARAGRAPH_A, PARAGRAPH_B, cut, "Subscribe", "Sign In"]
    )
    assert clean_lines(text).paragraphs == [PARAGRAPH_A, PARAGRAPH_B, cut]


PARAGRAPH_ID_A = (
    "Bhayangkara FC menekuk Persegres 2-1 pada laga lanjutan Liga 1 di Stadion Patriot Chandrabhaga, Bekasi, "
    "Minggu malam, setelah tertinggal lebih dulu pada babak pertama."
)
PARAGRAPH_ID_B = (
    "Laga berakhir dengan kemenangan Bhayangkara atas Persegres yang kini tertahan di papan bawah klasemen."
)


def test_a_first_paragraph_opening_with_the_outlets_dateline_is_body_without_its_full_stop() -> None:
    first = "JAKARTA, KOMPAS.com - Polisi menyiagakan seribu lebih personel untuk mengamankan ceramah umum besok malam"
    text = "\n".join(["Menu", "Terkini", first, PARAGRAPH_ID_A, PARAGRAPH_ID_B])
    assert clean_lines(text).paragraphs == [first, PARAGRAPH_ID_A, PARAGRAPH_ID_B]


def test_a_list_announced_by_a_colon_header_stays_after_the_body() -> None:
    line_ups = [
        "Susunan Pemain:",
        "Liverpool: Simon Mignolet; Joel Matip, Dejan Lovren, Nathaniel Clyne, Emre Can, James Milner",
        "Southampton: Fraser Forster; Ryan Bertrand, Maya Yoshida, Cedric Soares, Dusan Tadic",
    ]
    text = "\n".join([PARAGRAPH_ID_A, PARAGRAPH_ID_B, *line_ups, "Berita Terkait", "Persib Menang Lagi"])
    assert clean_lines(text).paragraphs == [PARAGRAPH_ID_A, PARAGRAPH_ID_B, *line_ups]


def test_a_short_dateline_paragraph_above_the_byline_stays_body() -> None:
    first = "JUARA.net - Musim 2016-2017 akhirnya harus disudahi Cesc Fabregas dengan kekecewaan."
    text = "\n".join(["Menu", first, "Penulis: Dwi Widijatmiko", PARAGRAPH_ID_A, PARAGRAPH_ID_B])
    result = clean_lines(text)
    assert result.paragraphs == [first, PARAGRAPH_ID_A, PARAGRAPH_ID_B]
    assert result.outlet == "JUARA.net"


def test_line_ups_under_a_match_report_stay_in_the_body() -> None:
    line_ups = [
        "Skuat Bhayangkara vs Persegres",
        "Bhayangkara 4-4-2",
        "Wahyu Nugroho; Otavio, Saputra, Rochman, Suroso; Firman Utina, Ichsan, Paulo Sergio; Thiago Furtuoso",
        "Pelatih: Simon McMenemy",
        "Persegres 4-3-3",
        "Fitrul Rustapa, Jeki Arisandi, Gancev, Mustofa, Saputra; Said, Ridwan; Hari Yudo, Patrick Roberto",
        "Pelatih: Hanafi",
    ]
    text = "\n".join([PARAGRAPH_ID_A, PARAGRAPH_ID_B, *line_ups, "Berita Terkait", "Persib Menang Lagi"])
    assert clean_lines(text).paragraphs == [PARAGRAPH_ID_A, PARAGRAPH_ID_B, *line_ups]


def test_headline_is_the_signed_line_above_the_body() -> None:
    # The longer line nearer the body is a photo teaser; the headline is the line the byline and date follow.
    text = "\n".join(
        [
            "Home » News »",
            "Council Expands Bus Network North",
            "By Jane Doe",
            "Nov 19, 2019, 8:15 pm CST",
            "Photos From The Opening Of The Depot",
            PARAGRAPH_A,
            PARAGRAPH_B,
        ]
    )
    assert clean_lines(text).title == "Council Expands Bus Network North"


def test_headline_behind_a_share_bar_is_the_line_the_body_talks_about() -> None:
    # A longer teaser of another story stands nearer the body; the headline, further up behind a share bar,
    # names what the body tells (council, expand, network, northern districts).
    text = "\n".join(
        [
            "City Desk",
            "Council Votes To Expand Bus Network To Northern Districts",
            "Share",
            "Tweet",
            "Email",
            "Print",
            "Celebrity Chef Opens A Rooftop Restaurant With Sweeping Harbour Views Downtown",
            PARAGRAPH_A,
            PARAGRAPH_B,
        ]
    )
    assert clean_lines(text).title == "Council Votes To Expand Bus Network To Northern Districts"


def test_a_list_of_dated_teasers_between_headline_and_body_does_not_give_the_headline() -> None:
    # "More stories like this one" under the headline: each teaser is dated, as a headline is.
    teasers = [
        ("Council Opens New Tram Depot In The Harbour District", "May 15, 2017"),
        ("Bus Fares Stay The Same For Two More Years Says Mayor", "January 22, 2018"),
        ("Northern Districts Get Their First Bus Network Stops", "January 12, 2016"),
    ]
    lines = [_menu(6), "Council expands the bus network north", "By Jane Doe", "More stories like this one"]
    for teaser, date in teasers:
        lines += ["City News", teaser, date]
    result = clean_lines("\n".join([*lines, PARAGRAPH_A, PARAGRAPH_B]))
    assert result.title == "Council expands the bus network north"


def test_a_site_named_after_the_datelines_city_is_not_the_headline() -> None:
    # The site's name stands between headline and date; its city is the dateline of the first paragraph.
    first = (
        "SIOUX FALLS, S.D. – People across the state are talking about the new campaign that the governor "
        "launched on Monday to warn teenagers about the drug."
    )
    second = (
        "The governor said the agency had tested the slogan with parents and teachers before it was chosen, and "
        "that the campaign would run on television and radio until the end of the year."
    )
    headline = "Meth jokes spread online and Twitter asks: Are you guys OK?"
    lines = [
        _menu(4),
        headline,
        "Jane Doe and John Roe",
        "Sioux Falls Argus Leader",
        "Published Nov 19, 2019",
    ]
    result = clean_lines("\n".join([*lines, first, second]))
    assert result.title == headline
    assert result.paragraphs == [first, second]


def test_two_sentence_notice_is_not_the_headline() -> None:
    text = "\n".join(
        [
            "Council Expands Bus Network To Northern Districts",
            "This site is supported by its readers. When you subscribe we can do more",
            PARAGRAPH_A,
            PARAGRAPH_B,
        ]
    )
    assert clean_lines(text).title == "Council Expands Bus Network To Northern Districts"


def test_a_headline_ending_with_a_quote_is_not_taken_for_the_first_paragraph() -> None:
    # It ends with a closing quote, as paragraphs do, and a standfirst joins it to the body; a byline and a date
    # under the two sign it as the headline.
    headline = (
        "Council expands bus network as riders celebrate – ‘We have waited for years, finally it is here’"
    )
    standfirst = "Six new routes will run from March, and fares stay the same for at least two years."
    text = "\n".join(
        [
            _menu(6),
            headline,
            standfirst,
            "By Jane Doe",
            "PUBLISHED: 08:15, Tue, Nov 19, 2019",
            PARAGRAPH_A,
            PARAGRAPH_B,
        ]
    )
    result = clean_lines(text)
    assert result.title == headline
    assert headline not in result.paragraphs
    assert result.paragraphs[-2:] == [PARAGRAPH_A, PARAGRAPH_B]


def test_a_headline_in_guillemets_is_not_a_breadcrumb() -> None:
    headline = "Мэр: «Новые автобусы выйдут на линии в марте»"
    text = "\n".join(
        ["Новости", "Город", headline, "Текст: Анна Петрова·11 октября 2018", PARAGRAPH_A, PARAGRAPH_B]
    )
    assert clean_lines(text).title == headline


def test_a_breadcrumb_glued_to_the_headline_is_not_the_headline() -> None:
    # The glued line is longer (longer lines score higher), but it ends with the headline printed under it.
    headline = "BREAKING NEWS: Chelsea Activate Release Clause To Sign Goalkeeper From Bilbao"
    text = "\n".join(
        ["HomeSPORT NEWS" + headline, headline, "Sports Desk", "August 08, 2018", PARAGRAPH_A, PARAGRAPH_B]
    )
    assert clean_lines(text).title == headline


def test_quoted_reviews_with_their_attributions_are_the_body() -> None:
    # Testimonials quoted one after another, each signed "– Name": the attributions do not make each quote a
    # teaser standing alone, and they stay with their quotes.
    reviews = [
        "“The show was really great and the dancers were wonderful, we enjoyed every minute of the evening.”",
        "“Very talented people, super fun and entertaining, and a very cultural evening for the whole family!”",
        "“It was really good, my cousin got to go on stage and the seats were good, we had a picture taken too.”",
        "“A gorgeous play with an interesting way of telling its story, and the actors talked with the audience.”",
    ]
    names = ["– Man**", "– Ali***", "– Ni** My**", "– Jo** Al****"]
    lines = [_menu(10), "Visitors who booked their tickets online came to the theatre and left us reviews:"]
    for review, name in zip(reviews, names, strict=True):
        lines += [review, name]
    lines += ["We hope to see you soon! 🙂", _menu(10)]
    body = _body("\n".join(lines))
    assert all(review in body for review in reviews)
    assert all(f"\n{name}\n" in body for name in names[:3])
    assert "We hope to see you soon! 🙂" in body
    assert "Section A" not in body


def test_japanese_sentences_count_as_body() -> None:
    japanese = [
        "先日、不正に改造したスマートフォンを販売したとして、二十代の男性が逮捕されたというニュースがありました。",
        "報道によると、販売されたのは機能制限を解除するために基本ソフトを改造した端末だったとのことです。",
        "もともとは正規に購入した商品ですが、改造した後に販売すると商標権の侵害になる場合があります。",
    ]
    text = "\n".join(["ホーム", "ニュース", "ランキング", *japanese, "関連記事", "人気記事"])
    body = _body(text)
    assert all(sentence in body for sentence in japanese)
    assert "ランキング" not in body


def test_a_japanese_sentence_set_one_clause_a_line_stays_whole_in_the_body() -> None:
    japanese = [
        "先日、不正に改造したスマートフォンを販売したとして、二十代の男性が逮捕されたというニュースがありました。",
        "報道によると、販売されたのは機能制限を解除するために基本ソフトを改造した端末だったとのことです。",
    ]
    # Each clause ends with a comma ("、"): the sentence goes on in the next line.
    clauses = [
        "また、その他にも、",
        "もとの商品を小分けにして販売するような行為は、",
        "商標権侵害と判断される場合があります。",
    ]
    result = clean_lines(
        "\n".join(["ホーム", "ニュース", "ランキング", *japanese, *clauses, "関連記事", "人気記事"])
    )
    assert result.paragraphs == [*japanese, "".join(clauses)]


# -- hard-wrapped text (wire copy, e-mail, `lynx -dump`) --------------------------------------------------------

WIRE_STORY = (
    "Honduras braced for floods on Tuesday as the storm moved through the western Caribbean, churning up high "
    "waves and heavy rain that sent coastal residents scurrying for safer ground. The president declared a state "
    "of maximum alert and the army sent planes to take residents off the islands near the coast. Forecasters "
    "said the storm could weaken somewhat but warned that it would remain a very dangerous system capable of "
    "causing catastrophic damage to the coastal towns."
)
PARAGRAPH_ID = (
    "Pemerintah kota mulai menguji coba bus listrik untuk mengangkut pelajar di dua rute sekolah sejak Senin, "
    "dengan kapasitas 30 penumpang, dan wali kota menyebut uji coba itu berlangsung selama tiga bulan sebelum "
    "diputuskan apakah layanan tersebut akan diperluas ke seluruh kecamatan."
)


def _wrapped(paragraph: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False))


def test_a_hard_wrapped_wire_story_keeps_every_line_and_has_no_made_up_headline() -> None:
    # Before the unwrapping, lines of a story wrapped at 70 columns read as menu entries and headlines: the body
    # lost most of them and a line fragment became the "headline".
    result = clean_lines(_wrapped(WIRE_STORY, 70))
    assert result.removed == []
    assert result.title is None
    assert result.paragraphs == [WIRE_STORY]


def test_a_page_dumped_at_79_columns_reads_as_its_browser_copy() -> None:
    lines = [_menu(5), "Pemkot Uji Coba Bus Listrik untuk Rute Sekolah", ""]
    lines += [
        _wrapped(PARAGRAPH_ID, 79),
        "",
        _wrapped(PARAGRAPH_A, 79),
        "",
        _wrapped(PARAGRAPH_B, 79),
        "",
        _menu(5),
    ]
    result = clean_lines("\n".join(lines))
    assert result.title == "Pemkot Uji Coba Bus Listrik untuk Rute Sekolah"
    assert result.paragraphs == [PARAGRAPH_ID, PARAGRAPH_A, PARAGRAPH_B]


def test_a_related_link_right_above_a_wrapped_paragraph_is_not_joined_to_it() -> None:
    # A greedy wrapper (lynx, textwrap) ends a line only where the next word would not fit: the link line ends
    # short of that, so it stays a line of its own and the rule takes it out.
    link = "Baca Juga: Korea Utara Luncurkan Kapal Selam Taktis Penyerang Nuklir Baru"
    text = "\n".join(
        [_wrapped(PARAGRAPH_ID, 79), "", link, _wrapped(PARAGRAPH_A, 79), "", _wrapped(PARAGRAPH_B, 79)]
    )
    result = clean_lines(text)
    assert result.paragraphs == [PARAGRAPH_ID, PARAGRAPH_A, PARAGRAPH_B]
    assert [removed.text for removed in result.removed] == [link]


def test_short_sentences_one_a_line_are_not_taken_for_wrapped_text() -> None:
    sentences = [
        "Tara Reid is seeking help at a rehabilitation facility in California.",
        "The actress, who shot to fame in a 1999 movie, decided to check in last week.",
        "It is unclear what she is being treated for.",
        "Her representative asked for respect of her family's privacy at this time.",
        "She was previously engaged to a television host in 2001.",
        "But they called it off only months before their wedding.",
    ]
    result = clean_lines("\n".join(sentences))
    assert result.paragraphs == sentences


def test_a_word_broken_at_its_hyphen_by_the_wrap_is_whole_again() -> None:
    import textwrap

    story = WIRE_STORY.replace("coastal residents", "coastal well-known residents")
    # At 76 columns a wrapper that breaks on hyphens ends a line with "well-".
    wrapped = textwrap.wrap(story, 76, break_long_words=False, break_on_hyphens=True)
    assert any(line.endswith("well-") for line in wrapped)
    assert clean_lines("\n".join(wrapped)).paragraphs == [story]


def test_a_teaser_grid_glued_headline_to_blurb_leaves_the_body() -> None:
    # A "Latest Headlines" grid copied with each headline glued to its blurb: long, sentence-like lines that
    # outweighed a short article further down the page.
    grid = [
        "Police: 2 In Custody After Death Of Local Student-AthleteA 24-year-old woman and a 28-year-old man have "
        "been arrested in connection with the death of a university student, police said on Monday.",
        "Customers Leave Without Paying $690 Bill At SteakhouseA party of six left the restaurant without paying "
        "their bill after a fight in the restaurant, the owner said in a statement on Sunday evening.",
        "State To Mail Redistricting Panel Applications To 250,000The state will mail applications encouraging "
        "voters to apply to serve on a new commission that will draw the political maps next year.",
        "Mayor Says Move For Health Benefits Won’t StandThe mayor says it was underhanded for the council to grant "
        "lifetime health benefits to its members in a vote held late on a Friday night.",
    ]
    text = "\n".join(
        ["Latest Headlines", *grid, _menu(8), "Buses To Reach The North", PARAGRAPH_A, PARAGRAPH_B]
    )
    body = _body(text)
    assert body == f"{PARAGRAPH_A}\n{PARAGRAPH_B}"


def test_product_names_in_camel_case_are_not_a_glued_teaser_grid() -> None:
    # "AirPods", "PlayStation", "MacBook": a capital inside a word, but no prose glued after a Title-Case headline.
    deals = [
        "New Price Drop: 2019 Apple AirPods 2 Wireless Earphones for $139 (Originally $159)",
        "Best Buy Black Friday Sale: Sony PlayStation 4 Pro 1TB Console With Two Games for $299 at Walmart",
        "Deal Alert For Students: Apple MacBook Air 13-Inch With 256GB SSD Now $899 on Amazon",
    ]
    intro = (
        "These are the best deals we found today, checked by our editors before they went live on the site:"
    )
    text = "\n".join([_menu(8), intro, *deals, PARAGRAPH_A, PARAGRAPH_B])
    removed = clean_lines(text).removed
    assert not [item for item in removed if item.reason == rules.REASON_TEASER_GRID]


def test_a_page_whose_best_stretch_holds_no_paragraph_does_not_keep_its_menus() -> None:
    # A page dumped at 79 columns whose lines are mostly menu entries, so the wrap is not recognised: the article's
    # pieces have no full stop until its last one, and its only paragraph-like line stands alone among menus. The
    # densest stretch is the article's end; the page used to keep every line, menus and footer included.
    menu = "\n".join(f"Section {name}" for name in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    article = [
        "It was the shot to the head heard around the world. In the closing seconds the",
        "defensive end ripped the helmet off the quarterback and then swung it at him",
        "in front of a stunned crowd and the cameras of the national broadcaster, who",
        "showed the replay again and again.",
    ]
    # A sentence-like line standing alone in the footer: it costs more than it adds, so the stretch is elsewhere.
    note = "The views expressed on this site are those of their authors and not of the publisher."
    footer = "\n".join(["Privacy Policy", "Cookie Policy", note, "Data Policy", "Your Ad Choices"])
    result = clean_lines("\n".join([menu, *article, menu, footer]))
    body = "\n".join(result.paragraphs)
    assert "Section" not in body and "Cookie Policy" not in body
    assert "showed the replay again and again." in body


def test_a_short_wrapped_story_whose_one_line_paragraphs_fill_the_width_is_unwrapped() -> None:
    # No blank lines, few lines: three one-line paragraphs fill the width as the wrapped ones do, so most "full"
    # lines end a sentence; the wrapper's own breaks (the next word would not have fit) end mid-sentence.
    paragraphs = [
        "Pemerintah kota mulai menguji coba bus listrik untuk mengangkut pelajar di dua rute sekolah sejak Senin.",
        "Bus berkapasitas 30 penumpang itu beroperasi pada pagi dan siang hari.",
        "Wali kota menyebut uji coba berlangsung selama tiga bulan sebelum diputuskan diperluas.",
        '"Anak-anak senang, orang tua juga lebih tenang," kata seorang wali murid.',
        "Dinas perhubungan akan mengevaluasi biaya operasional dan keandalan baterai.",
    ]
    lines = ["kumparanNEWS", "Pemkot Uji Coba Bus Listrik untuk Rute Sekolah", "kumparanNEWS", "Follow"]
    lines += [_wrapped(paragraph, 79) for paragraph in paragraphs]
    lines += ["Lihat Juga", "Tarif Angkot Naik, Warga Beralih ke Ojek Daring", "Tulis Komentar"]
    result = clean_lines("\n".join(lines))
    # Every sentence stays and the wrapped paragraphs are whole again; two one-line paragraphs printed without a
    # blank line between them, the first filling the width, may come out as one (a wrapper could have printed that).
    assert " ".join(result.paragraphs) == " ".join(paragraphs)
    assert paragraphs[0] in result.paragraphs and paragraphs[2] in result.paragraphs
    assert [removed.text for removed in result.removed][-3:] == lines[-3:]


def test_captions_that_place_people_in_the_picture_leave_the_body() -> None:
    # A caption between two paragraphs, with no credit line to mark it: agencies say where people stand.
    caption = "Jose Mourinho, left, has replaced Mauricio Pochettino as manager of the club"
    stock = "A stock image of a bus at a depot. Officials have looked at how many drivers the routes need."
    body = _body("\n".join([_menu(6), PARAGRAPH_A, caption, PARAGRAPH_B, stock, PARAGRAPH_C, _menu(6)]))
    assert body == f"{PARAGRAPH_A}\n{PARAGRAPH_B}\n{PARAGRAPH_C}"


def test_a_first_paragraph_over_the_lead_photos_credit_is_its_caption() -> None:
    # The lead photo stands between headline and article: the line printed above its credit is its caption.
    caption = (
        "Commuters wait for the first bus of the new northern route at the depot, where the mayor opened the "
        "line on Tuesday morning."
    )
    head = [_menu(6), "Council Expands Bus Network North", "By Jane Doe"]
    text = "\n".join([*head, caption, "Photograph: AFP via Getty", PARAGRAPH_A, PARAGRAPH_B, _menu(6)])
    result = clean_lines(text)
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B]
    assert caption in result.captions
    # Further down, a paragraph above a lone credit stays (an image between two paragraphs); so do a first
    # paragraph that opens with the agency's dateline and one with no headline above it (the article alone).
    text = "\n".join([*head, PARAGRAPH_A, PARAGRAPH_B, "Michael Conroy, AP", PARAGRAPH_C, _menu(6)])
    assert clean_lines(text).paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]
    first = "WASHINGTON (AP) — " + PARAGRAPH_A
    text = "\n".join([*head, first, "Michael Conroy, AP", PARAGRAPH_B, PARAGRAPH_C, _menu(6)])
    assert clean_lines(text).paragraphs == [first, PARAGRAPH_B, PARAGRAPH_C]
    text = "\n".join([PARAGRAPH_A, "Michael Conroy, AP", PARAGRAPH_B, PARAGRAPH_C])
    assert clean_lines(text).paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]


def test_the_headline_printed_again_inside_the_body_is_not_a_line_of_it() -> None:
    # A gallery or a share box between two paragraphs repeats the headline.
    headline = "Council Expands Bus Network North"
    text = "\n".join(
        [_menu(6), headline, "By Jane Doe", PARAGRAPH_A, headline, PARAGRAPH_B, PARAGRAPH_C, _menu(6)]
    )
    result = clean_lines(text)
    assert result.title == headline
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C]


def test_the_items_of_a_list_the_last_paragraph_announces_stay_in_the_body() -> None:
    announcing = (
        "If you want the bundle without adverts, you have to upgrade before you sign up. Here is the short "
        "version of how to do it:"
    )
    steps = [
        "Sign up for an account without adverts",
        "If you already have an account, visit your account page to upgrade",
        "Sign up for the bundle using the same email address",
    ]
    text = "\n".join([_menu(6), PARAGRAPH_A, PARAGRAPH_B, announcing, *steps, "______", _menu(6)])
    assert clean_lines(text).paragraphs == [PARAGRAPH_A, PARAGRAPH_B, announcing, *steps]


def test_a_last_section_under_a_short_subheading_stays_in_the_body() -> None:
    # A game story's closing sections: a subheading, then sentences (a key-value line among them).
    sections = [
        "AROUND THE LEAGUE",
        "Bayern beat Dortmund with two late goals from their captain and a penalty saved in stoppage time.",
        "UP NEXT",
        "Bayern: Host Leipzig on Saturday.",
        "Dortmund: Visit Freiburg on Sunday.",
    ]
    text = "\n".join([_menu(6), PARAGRAPH_A, PARAGRAPH_B, *sections, "More from the league", _menu(6)])
    assert clean_lines(text).paragraphs == [PARAGRAPH_A, PARAGRAPH_B, *sections]


def test_an_embedded_post_closing_the_article_stays_with_its_attribution() -> None:
    post = [
        "Remember when the council promised night buses to the northern districts in 2014? "
        "https://t.co/hFciHO5Qc7 pic.twitter.com/KQLpngeTbO",
        "— Jane Doe (@janedoe) November 18, 2019",
    ]
    text = "\n".join([_menu(6), PARAGRAPH_A, PARAGRAPH_B, *post, "View Comments", _menu(6)])
    assert clean_lines(text).paragraphs == [PARAGRAPH_A, PARAGRAPH_B, *post]


def test_an_instagram_embeds_photo_label_and_account_leave_the_body() -> None:
    # An embed between paragraphs: its caption, the "Фото" (photo) label and the account, each on its own line.
    embed = ["Фото", "@paulinaporizkov"]
    text = "\n".join([_menu(6), PARAGRAPH_A, PARAGRAPH_B, *embed, PARAGRAPH_C, PARAGRAPH_ID, _menu(6)])
    result = clean_lines(text)
    assert result.paragraphs == [PARAGRAPH_A, PARAGRAPH_B, PARAGRAPH_C, PARAGRAPH_ID]
