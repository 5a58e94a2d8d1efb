"""Whole-page scrapes, session 8: a browser copy prints a page's inline links on one line (kabar.clean.lines).

The pages below are made up; they follow what rendered pages print, not any page of the benchmark."""

from __future__ import annotations

import pytest

from kabar.clean import lines
from kabar.clean.lines import clean_lines

BLOG_TOP = ["Beranda", "Tentang Kami", "Kontak", "Kabar Kampung Kami", "Catatan Warga"]
BLOG_ARTICLE = [
    "Warga kampung kami bergotong royong membersihkan saluran air menjelang musim hujan tahun ini.",
    "Kegiatan dimulai sejak pagi hari dan diikuti oleh hampir seluruh kepala keluarga di tiga RT sekitar.",
    "Ketua RW mengatakan kerja bakti seperti ini akan diadakan setiap bulan agar banjir tidak terulang lagi.",
    "Selain membersihkan saluran, warga juga menanam pohon di sepanjang jalan utama kampung.",
]
# A WordPress.com-style share bar and comment form; each "( Log Out / Ubah )" is two links a browser copy prints on
# the line of the sentence before them.
BLOG_FORM = [
    "Bagikan ini:",
    "Surat elektronik",
    "Cetak",
    "Suka Memuat...",
    "Terkait",
    "Tinggalkan Balasan",
    "Ketikkan komentar di sini...",
    "Nama (wajib)",
    "Situs Web",
    "You are commenting using your blog account. ( Log Out / Ubah )",
    "You are commenting using your Google account. ( Log Out / Ubah )",
    "You are commenting using your Twitter account. ( Log Out / Ubah )",
    "You are commenting using your Facebook account. ( Log Out / Ubah )",
]
BLOG_BOTTOM = ["Batal", "Blog Stats", "Tulisan Terkini", "Arsip", "Kategori"]


def _blog() -> str:
    head = ["Kerja Bakti Bersihkan Saluran Air", "Posted on Maret 3, 2016 by admin"]
    return "\n".join([*BLOG_TOP, *head, *BLOG_ARTICLE, *BLOG_FORM, *BLOG_BOTTOM])


def test_a_padded_bracket_of_links_is_no_credit() -> None:
    # A credit touches its brackets; the link pair is padded with the spaces around its link elements.
    assert lines._is_sentence_end("Banjir surut pada sore hari. (den/asa)")
    assert not lines._is_sentence_end("You are commenting using your Google account. ( Log Out / Ubah )")


def test_the_comment_form_under_a_blog_post_is_no_body() -> None:
    body = "\n".join(clean_lines(_blog()).paragraphs)
    for line in BLOG_ARTICLE:
        assert line in body
    for line in BLOG_FORM:
        assert line not in body


# A trade site's two menus, the links of each printed on one line by the browser copy (33 and 30 words, no stop):
# two such lines side by side are no lone teaser, they weighed as two paragraphs.
TOPIC_MENU = (
    "Cloud Computing Data Center Internet of Things Managed Services Mobility Networking Security Software Storage "
    "Unified Communications Artificial Intelligence Channel Programs Events Awards Research Careers Webinars "
    "Podcasts Videos White Papers Case Studies"
)
WIDE_MENU = (
    "Latest News Cloud Data Center Networking Security Storage Software Mobility Channel Programs Managed Services "
    "Events Awards Partner Programs Research Rankings Jobs Webinars Podcasts Videos Newsletters About Us Contact "
    "Advertise Sitemap Careers Privacy Terms"
)
TRADE_ARTICLE = [
    "The network equipment maker said on Tuesday that its partner programme will pay larger rebates next year.",
    "Resellers that sell its wireless products together with support contracts will earn the highest rates.",
    "The company said the change follows a year of talks with its largest partners in Europe and Asia.",
    "Analysts said the move could help the firm win back customers it lost to cheaper rivals last year.",
]


def _trade_page() -> str:
    head = ["Partner rebates to rise next year", "By Sam Writer"]
    return "\n".join(
        [WIDE_MENU, TOPIC_MENU, "Sections", *head, *TRADE_ARTICLE, "Privacy Policy", "Terms of Use"]
    )


def test_a_menu_printed_on_one_line_is_no_paragraph() -> None:
    body = "\n".join(clean_lines(_trade_page()).paragraphs)
    assert WIDE_MENU not in body
    assert TOPIC_MENU not in body
    for line in TRADE_ARTICLE:
        assert line in body


def test_without_the_rule_the_menu_line_joins_the_body(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "LINK_LIST_LINES", False)
    body = "\n".join(clean_lines(_trade_page()).paragraphs)
    assert WIDE_MENU in body


@pytest.mark.parametrize(
    "text",
    [
        # A long Title-Case headline stays under the word bound.
        "Nintendo Just Revealed a Few Details Including Pricing for Both Optional Paid Subscriptions Launching "
        "in Pocket Camp This Week",
        # Prose that lost its stop, packed with titles and names, is mostly lower case.
        "JAKARTA – Soal pernyataan Wakil Ketua DPP Partai Maju kubu Selatan, Budi bersama kuasa hukumnya, Andi sudah "
        "melaporkan Ketua Umum Partai Maju ke kantor Bareskrim Mabes Polri, Senin dibantah oleh Kepala Bagian "
        "Penerangan Umum Divisi Humas Polri",
        # A line-up is a data row.
        "Home Town: 1 - Adam Keeper; 2 - Ben Back, 5 - Carl Centre, 6 - Dan Defender, 3 - Eddie Left; 8 - Frank "
        "Middle, 10 - Gary Forward, 7 - Harry Wing, 11 - Ian Winger; 9 - Jack Striker",
        # Thai (no capitals, no stops between sentences).
        "ผู้ว่าราชการจังหวัดกล่าวว่า ฝนตกหนักต่อเนื่องตั้งแต่เมื่อวาน ทำให้น้ำท่วมหลายหมู่บ้าน "
        "เจ้าหน้าที่กำลังช่วยเหลือประชาชน และจะเปิดศูนย์พักพิงชั่วคราวอีกสามแห่ง ในวันพรุ่งนี้ "
        "ประชาชนสามารถติดต่อสายด่วนได้ตลอดยี่สิบสี่ชั่วโมง",
        # A transcript quoted in capitals.
        "SELAMAT MALAM/SELAMAT DATANG DI ACARA KAMI/SAYA TUAN RUMAH ACARA INI/MALAM INI KITA AKAN MEMBAHAS "
        "PASANGAN CALON GUBERNUR DAN WAKIL GUBERNUR/YANG AKAN BERTARUNG DI PUTARAN KEDUA/BULAN DEPAN",
    ],
)
def test_long_lines_that_are_no_link_lists(text: str) -> None:
    assert not lines._is_link_list_line(lines.Unit(text, [0], True))


GADGET_ARTICLE = [
    "The new earbuds cancel noise well and last about six hours on a charge, which is enough for a long flight.",
    "Their case is smaller than last year's and charges without a cable, though it still lacks a speaker to find it.",
    "The companion app lets you change the controls, and an update in the spring added a hearing test as well.",
    "At their launch price they cost more than most rivals, but frequent sales bring them down to a fair price.",
    "We tested them for three weeks on trains, in the gym and at home, and they stayed in place through it all.",
    "Calls sounded clear to the people we spoke with, even on a busy street, though wind still got through a bit.",
    "If you already own a phone from the same maker, switching between it and a laptop happens on its own.",
]
COMMENT_CONTROLS = ["Show Comments", "My Profile", "Log Out", "Join Discussion", "Add Your Comment"]
# A newsletter sign-up box printed after the comment controls: a request and a long paragraph of terms (two
# paragraphs side by side, no lone teaser).
SIGNUP_REQUEST = "Please review our terms of service to complete your newsletter subscription."
SIGNUP_NOTICE = (
    "By registering you become a member of our family of sites and you have read and agree to the Terms of Use, "
    "the Privacy Policy and the Video Services Policy. You agree to receive updates, alerts and promotions from "
    "our family of sites and that we may share information about you with our marketing partners so that they may "
    "contact you by email or otherwise about their products or services. You may unsubscribe at any time."
)


def _gadget_page() -> str:
    head = ["Reviews", "Best earbuds of the year", "By Jo Tester"]
    tail = [
        "Related Topics:",
        "Audio Phones",
        *COMMENT_CONTROLS,
        SIGNUP_REQUEST,
        SIGNUP_NOTICE,
        "ACCEPT & CLOSE",
    ]
    return "\n".join([*head, *GADGET_ARTICLE, *tail])


def test_comment_controls_end_the_article() -> None:
    body = "\n".join(clean_lines(_gadget_page()).paragraphs)
    for line in GADGET_ARTICLE:
        assert line in body
    for line in [*COMMENT_CONTROLS, SIGNUP_REQUEST, SIGNUP_NOTICE]:
        assert line not in body


def test_without_the_rule_the_span_runs_over_the_comment_controls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines, "COMMENT_CONTROLS_END_ARTICLE", False)
    body = "\n".join(clean_lines(_gadget_page()).paragraphs)
    assert SIGNUP_NOTICE in body
