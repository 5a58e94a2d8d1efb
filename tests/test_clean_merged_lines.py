"""Whole-page scrapes, session 8: a browser copy prints a page's inline links on one line (kabar.clean.lines).

The pages below are made up; they follow what rendered pages print, not any page of the benchmark."""

from __future__ import annotations

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
