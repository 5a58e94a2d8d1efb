"""Indonesian news copied as plain text, session 6: body paragraphs kept, short ones and quotes included
(kabar.clean.lines). Each text is made up for the test; each test fails with its rule switched off."""

from __future__ import annotations

from kabar.clean.lines import clean_lines

MENU = ["Beranda", "Nasional", "Ekonomi", "Olahraga", "Hiburan"]
FOOTER = ["Tentang Kami", "Redaksi", "Pedoman Media Siber", "Kontak"]


def _page(*paragraphs: str) -> str:
    return "\n\n".join([*MENU, *paragraphs, *FOOTER])


BODY = [
    "Kepala Dinas Perhubungan mengatakan uji coba jalur sepeda di pusat kota akan berlangsung selama tiga bulan "
    "sebelum pemerintah memutuskan apakah jalur itu dipertahankan.",
    "Selama uji coba, petugas akan menghitung jumlah pesepeda setiap pagi dan sore di empat titik pengamatan "
    "yang sudah ditentukan.",
    "Warga yang ingin menyampaikan pendapat dapat mengisi formulir yang disediakan di kantor kelurahan masing-masing.",
]


def test_quote_paragraph_that_lost_its_closing_mark_stays() -> None:
    # An unstopped paragraph of 20+ words opening with a quotation mark is body, not a long unpunctuated line.
    quote = (
        "“Kami berharap warga mau mencoba jalur ini dulu sebelum menilai, karena manfaatnya baru terasa setelah "
        "beberapa minggu dipakai setiap hari oleh banyak orang di kota ini"
    )
    text = _page(BODY[0], BODY[1], quote, "Daftar titik pengamatan:", "Titik utara", "Titik selatan")
    result = clean_lines(text)
    assert quote in result.paragraphs
    assert "Daftar titik pengamatan:" in result.paragraphs


def test_question_paragraph_opening_the_text_is_no_headline() -> None:
    # A question put to the reader (20+ words, in lower case) opens the text; the short line under it is not the
    # headline and stays too.
    question = (
        "Pernahkah kamu berjalan kaki di trotoar kota dan bertanya-tanya kenapa jalur sepeda di sebelahnya selalu "
        "kosong padahal banyak orang mengeluh soal kemacetan setiap hari?"
    )
    short = "Jawabannya ternyata tidak sesederhana itu!"
    result = clean_lines("\n\n".join([question, short, *BODY]))
    assert result.paragraphs[:2] == [question, short]
    assert result.title is None


def test_unstopped_paragraph_under_a_dateline_stays() -> None:
    lead = (
        "Kotaraya - Pemerintah kota resmi membuka jalur sepeda sepanjang dua belas kilometer di pusat kota untuk "
        "mengurangi kemacetan pada jam sibuk pagi dan sore"
    )
    result = clean_lines("\n\n".join([lead, *BODY]))
    assert result.paragraphs[0] == lead


def test_dated_first_paragraph_alone_is_not_taken_for_a_teaser() -> None:
    # "PLACE – ..." opens the article: its first paragraph stays though an unpunctuated line follows it, and that
    # line is not taken for the headline.
    lead = (
        "KOTARAYA – Pemerintah kota resmi membuka jalur sepeda sepanjang dua belas kilometer di pusat kota."
    )
    second = "Jalur itu dibangun dengan anggaran sebesar tiga miliar rupiah selama enam bulan"
    result = clean_lines("\n\n".join([lead, second, *BODY]))
    assert result.paragraphs[:2] == [lead, second]
    assert result.title is None


def test_spaced_double_dash_dateline_opens_the_article() -> None:
    # "Place, Outlet - -" (a double dash a tokeniser spaced out) is the outlet's dateline: the first paragraph is
    # not a lone teaser though a short list introduction follows it.
    lead = (
        "Kotaraya, Warta Kota - - Ribuan pesepeda memadati jalur baru di pusat kota pada hari pertama uji coba. "
        "Petugas sempat menutup satu ruas jalan."
    )
    result = clean_lines("\n\n".join([lead, "Berikut kronologinya:", *BODY]))
    assert result.paragraphs[:2] == [lead, "Berikut kronologinya:"]
    assert result.outlet == "Warta Kota"


MATCH = [
    "Persatu Kotaraya menang 2-1 atas tamunya Persita Lembah dalam laga pekan kelima liga di Stadion Kotaraya, "
    "Sabtu sore, berkat dua gol di babak kedua.",
    "Tim tamu sempat unggul lebih dulu lewat sundulan pada menit ke-20, tetapi tuan rumah bangkit setelah jeda.",
    "Susunan pemain kedua tim:",
    "Persatu (4-4-2): 1 - Adi Saputra; 2 - Budi Santoso, 3 - Candra Wijaya, 4 - Dedi Kurnia, 5 - Eko Prasetyo; "
    "6 - Fajar Nugroho, 7 - Gilang Ramadhan, 8 - Hendra Putra, 9 - Irfan Hakim; 10 - Joko Susilo, 11 - Kiki Amalia",
    "Pelatih: Lukman Hakim",
    "Persita (4-3-3): 12 - Mario Siregar; 13 - Nanda Putra, 14 - Oki Setiawan, 15 - Putu Gede, 16 - Rudi Hartono; "
    "17 - Sandi Pratama, 18 - Taufik Hidayat, 19 - Umar Said; 20 - Viktor Sinaga, 21 - Wahyu Adi, 22 - Yosef Manu",
    "Pelatih: Zainal Abidin",
    "Wasit: Ahmad Fauzi (Kotaraya)",
]


def test_keyed_rows_under_a_closing_line_up_stay() -> None:
    # The last line-up is long enough to count as a paragraph; the coach and the referee under it are rows of
    # the same list, not a footer.
    result = clean_lines(_page(*MATCH))
    assert result.paragraphs[-2:] == ["Pelatih: Zainal Abidin", "Wasit: Ahmad Fauzi (Kotaraya)"]


def test_long_line_up_rows_under_their_header_stay() -> None:
    # Line-up rows of more than 20 words (a team and eleven names) under "Susunan Pemain:".
    home = (
        "Persatu: Adi Saputra; Budi Santoso, Candra Wijaya, Dedi Kurnia, Eko Prasetyo, Fajar Nugroho, "
        "Gilang Ramadhan, Hendra Putra, Irfan Hakim, Joko Susilo, Kiki Amalia"
    )
    away = (
        "Persita: Mario Siregar; Nanda Putra, Oki Setiawan, Putu Gede, Rudi Hartono, Sandi Pratama, "
        "Taufik Hidayat, Umar Said, Viktor Sinaga, Wahyu Adi, Yosef Manu"
    )
    result = clean_lines(_page(MATCH[0], MATCH[1], "Susunan Pemain:", home, away))
    assert result.paragraphs[-3:] == ["Susunan Pemain:", home, away]


def test_closing_quote_with_its_attribution_and_no_full_stop_stays() -> None:
    closing = (
        "“Uji coba ini baru langkah awal. Kami akan mengevaluasi hasilnya bersama warga dan para pakar transportasi di "
        "kota,” tutup Budi"
    )
    result = clean_lines(_page(*BODY, closing))
    assert result.paragraphs[-1] == closing


def test_question_to_the_reader_opening_the_text_is_no_headline() -> None:
    # A short sentence-case question in the second person opens the article; Indonesian headlines are in Title Case.
    question = "Sudah pernahkah kamu mencoba bersepeda ke kantor?"
    result = clean_lines("\n\n".join([question, *BODY]))
    assert result.title is None
    assert result.paragraphs[0] == question


def test_title_case_question_is_still_the_headline() -> None:
    headline = "Sudah Pernahkah Kamu Mencoba Bersepeda ke Kantor?"
    result = clean_lines("\n\n".join([headline, *BODY]))
    assert result.title == headline


def test_two_word_closing_question_stays() -> None:
    result = clean_lines(_page(*BODY, "Tertarik mencoba?"))
    assert result.paragraphs[-1] == "Tertarik mencoba?"


def test_subheading_with_a_results_row_after_results_stays() -> None:
    rows = [
        "Berikut hasil wakil Indonesia hari ini.",
        "MS: Adi Saputra vs Kenta Nishi (JPN) 21 - 17, 21 - 10",
        "Laga kedua",
        "WS: Sinta Dewi vs Mai Sato (JPN) 15 - 21, 19 - 21",
    ]
    result = clean_lines(_page(*BODY, *rows))
    assert result.paragraphs[-2:] == rows[-2:]


SQUADS = [
    "1 Adi Saputra; 2 Budi Santoso, 3 Candra Wijaya, 4 Dedi Kurnia, 5 Eko Prasetyo; 6 Fajar Nugroho, "
    "7 Gilang Ramadhan, 8 Hendra Putra; 9 Irfan Hakim, 10 Joko Susilo, 11 Kiki Amalia",
    "Cadangan: 12 Mario Siregar, 13 Nanda Putra, 14 Oki Setiawan, 15 Putu Gede, 16 Rudi Hartono",
]


def test_line_up_with_shirt_numbers_under_a_subheading_stays() -> None:
    # "Susunan Pemain" without a colon, a coach glued to the team name, rows with shirt numbers (LINEUP_NOTES_DROPPED).
    block = ["Susunan Pemain", "Persatu KotarayaPelatih: Lukman Hakim", *SQUADS]
    result = clean_lines(_page(MATCH[0], MATCH[1], *block))
    assert result.paragraphs[-4:] == block


def test_two_line_ups_with_substitutions_close_the_report() -> None:
    home = "PERSATU: Adi; Budi (Candra 60'), Dedi, Eko, Fajar; Gilang, Hendra; Irfan, Joko, Kiki"
    away = "PERSITA: Mario; Nanda, Oki, Putu, Rudi (Sandi 75'); Taufik, Umar; Viktor, Wahyu, Yosef"
    result = clean_lines(_page(MATCH[0], MATCH[1], home, away))
    assert result.paragraphs[-2:] == [home, away]


def test_coach_under_a_line_up_that_ends_with_a_full_stop_stays() -> None:
    away = (
        "Persita: Mario Siregar; Nanda Putra, Oki Setiawan, Putu Gede, Rudi Hartono, Sandi Pratama, Taufik Hidayat, "
        "Umar Said, Viktor Sinaga, Wahyu Adi, Yosef Manu. Cadangan: Zainal Abidin; Ahmad Fauzi, Bayu Aji."
    )
    result = clean_lines(_page(MATCH[0], MATCH[1], away, "Pelatih: Lukman Hakim"))
    assert result.paragraphs[-2:] == [away, "Pelatih: Lukman Hakim"]


def test_stopped_list_of_names_in_a_sentence_is_no_line_up() -> None:
    from kabar.clean.lines import _is_roster_row

    assert not _is_roster_row("Hadir pula Budi, Candra, Dedi, Eko.")


def test_list_in_sections_under_short_colon_headers_stays() -> None:
    # Each section of a closing list has a short header closing with a colon (LIST_SECTIONS_CONTINUE).
    sections = [
        "Kategori Foto Terbaik:",
        "Senja di Pelabuhan",
        "Pasar Pagi",
        "Anak Sungai",
        "Kategori Video Terbaik:",
        "Jalan Pulang",
        "Rumah Panggung",
    ]
    result = clean_lines(_page(*BODY, "Berikut daftar lengkap pemenang lomba tahun ini.", *sections))
    assert result.paragraphs[-len(sections) :] == sections


def test_shouted_colon_header_over_other_stories_does_not_announce_them() -> None:
    teasers = ["Warga Kota Ramai Ramai Bersepeda ke Kantor", "Harga Cabai Naik Lagi Jelang Lebaran"]
    result = clean_lines(_page(*BODY, "BERITA MENARIK LAINNYA:", *teasers))
    assert not set(teasers) & set(result.paragraphs)


def test_last_section_under_a_sentence_case_subheading_of_five_words_stays() -> None:
    section = [
        "Dua pelari lokal gagal finis",
        "Dari nomor maraton penuh, dua pelari tuan rumah tidak mencapai garis akhir karena cedera otot di kilometer "
        "ketiga puluh.",
    ]
    result = clean_lines(_page(*BODY, *section))
    assert result.paragraphs[-2:] == section


def test_paragraph_that_lost_its_last_stop_between_paragraphs_stays() -> None:
    lead = "Kotaraya resmi membuka jalur sepeda baru sepanjang dua belas kilometer di pusat kota pada Senin pagi."
    unstopped = (
        "Jalur itu menghubungkan stasiun dengan kawasan perkantoran. Sebelumnya warga harus bersepeda di jalan raya "
        "yang padat kendaraan pada jam sibuk"
    )
    result = clean_lines(_page(lead, unstopped, *BODY))
    assert result.paragraphs[:2] == [lead, unstopped]


def test_listicle_items_in_a_keyed_template_stay_to_the_last() -> None:
    # Each item: a place name, then "Tempat menarik: ..." (REPEATED_KEY_LOOKBACK); the last ones lost their stop.
    items = [
        "Lembah Hijau",
        "Tempat menarik: Air terjun dan kebun teh.",
        "Bukit Batu",
        "Tempat menarik: Gua kapur dan menara pandang.",
        "Danau Biru",
        "Tempat menarik: Perahu kayu dan pasar ikan",
        "Pulau Kecil",
        "Tempat menarik: Pantai pasir putih",
    ]
    result = clean_lines(_page(*BODY, *items))
    assert result.paragraphs[-len(items) :] == items


def test_rhetorical_question_with_a_question_word_opening_the_text_is_no_headline() -> None:
    question = "Siapa yang tidak suka bersepeda di pagi hari?"
    result = clean_lines("\n\n".join([question, *BODY]))
    assert result.title is None
    assert result.paragraphs[0] == question


def test_closing_question_under_a_related_link_stays() -> None:
    link = "[Baca Juga: Jalur Sepeda Baru Dibuka di Lima Kota]"
    result = clean_lines("\n\n".join([*BODY, link, "Bagaimana menurutmu?"]))
    assert result.paragraphs[-1] == "Bagaimana menurutmu?"
    assert link not in result.paragraphs


def test_last_subheading_of_a_copy_cut_short_stays() -> None:
    # The body has subheadings of its own; the copy ends with the next one, its text lost.
    text = [
        BODY[0],
        "Jalur utara",
        BODY[1],
        "Jalur selatan",
        BODY[2],
        "Jalur timur dan barat",
    ]
    result = clean_lines("\n\n".join(text))
    assert result.paragraphs[-1] == "Jalur timur dan barat"


def test_announced_list_of_twelve_links_stays_whole() -> None:
    names = [
        "utara",
        "selatan",
        "timur",
        "barat",
        "tengah",
        "pesisir",
        "gunung",
        "lembah",
        "danau",
        "sungai",
        "pantai",
        "kota",
    ]
    sites = [f"http://pengumuman.{name}.ac.id" for name in names]
    intro = "Selain situs utama, panitia juga menyediakan dua belas situs cadangan berikut ini:"
    result = clean_lines(_page(*BODY, intro, *sites))
    assert result.paragraphs[-12:] == sites


def test_closing_credit_is_no_subheading_of_a_copy_cut_short() -> None:
    text = [BODY[0], "Jalur utara", BODY[1], "Jalur selatan", BODY[2]]
    assert clean_lines("\n\n".join([*text, "Sumber: Warta Kota"])).paragraphs[-1] == BODY[2]
    assert clean_lines("\n\n".join([*text, "(b)"])).paragraphs[-1] == BODY[2]
