"""Every quote attribution form the briefing must read, in Indonesian and English news prose."""

from __future__ import annotations

import pytest

from kabar.extract.quotes import find_quotes
from kabar.records import Document
from kabar.text import analyse


def _doc(text: str, language: str = "id") -> Document:
    return analyse(Document(id="d1", source="test", text=text, language=language))


def _pairs(text: str, language: str = "id") -> list[tuple[str | None, str]]:
    return [(quote.speaker, quote.text) for quote in find_quotes(_doc(text, language))]


@pytest.mark.parametrize(
    ("text", "speaker", "quote_start"),
    [
        # speaker after the quote, with each usual verb
        (
            "“Kami akan terus memantau situasi di perbatasan,” kata Budi Santoso di Jakarta.",
            "Budi Santoso",
            "Kami",
        ),
        (
            '"Harga beras akan turun bulan ini," ujar Menteri Perdagangan Zulkifli Hasan.',
            "Zulkifli Hasan",
            "Harga",
        ),
        ("“Semua korban sudah dievakuasi ke rumah sakit,” ucap Kapolres Ahmad Yani.", "Ahmad Yani", "Semua"),
        (
            "“Kami tidak menemukan bukti adanya pelanggaran,” ungkap Sri Wahyuni kepada wartawan.",
            "Sri Wahyuni",
            "Kami",
        ),
        (
            "“Anggaran itu sudah disetujui DPR sejak bulan lalu,” jelas Joko Widodo.",
            "Joko Widodo",
            "Anggaran",
        ),
        (
            "“Tidak ada toleransi bagi pelaku korupsi di kementerian ini,” tegas Mahfud MD.",
            "Mahfud MD",
            "Tidak",
        ),
        # "kata X kepada wartawan": the speaker stops before "kepada"
        (
            "“Kami masih menunggu hasil autopsi dari rumah sakit,” kata Guterres kepada para wartawan.",
            "Guterres",
            "Kami",
        ),
        # role first, name after a comma
        (
            "“Kami tidak akan ragu menjatuhkan sanksi tambahan jika diperlukan,” ujar juru bicara Departemen Luar "
            "Negeri AS, Matthew Miller, dalam sebuah konferensi pers.",
            "Matthew Miller",
            "Kami",
        ),
        # speaker before the quote
        (
            'Juru bicara Kremlin Dmitry Peskov mengatakan, "Kedua pemimpin akan membahas hubungan perdagangan." '
            "Kremlin tidak memberi rincian.",
            "Dmitry Peskov",
            "Kedua",
        ),
        ('Putin dengan bangga menjawab, "Kim menunjukkan minat luas dalam teknologi roket."', "Putin", "Kim"),
        (
            "Menurut Sri Mulyani, “pertumbuhan ekonomi tahun ini masih di atas lima persen.”",
            "Sri Mulyani",
            "pertumbuhan",
        ),
        # question asked by journalists
        ('"Mengapa di sini?" tanya wartawan yang ingin tahu. Putin tersenyum.', "wartawan", "Mengapa"),
        # a role and a long name glued before a speech verb after the quote
        (
            "“Rusia harus beralih ke negara seperti Korea Utara untuk perang ini,” penasihat keamanan nasional "
            "Gedung Putih Jake Sullivan memberi tahu Associated Press.",
            "Jake Sullivan",
            "Rusia",
        ),
        # an organisation as speaker
        (
            "“Kim Jong Un akan melakukan kunjungan resmi ke Rusia dalam beberapa hari mendatang,” kata Kremlin "
            "dalam sebuah pernyataan Senin.",
            "Kremlin",
            "Kim",
        ),
    ],
)
def test_indonesian_attribution_forms(text: str, speaker: str, quote_start: str) -> None:
    pairs = _pairs(text)
    assert len(pairs) == 1, pairs
    assert pairs[0][0] == speaker
    assert pairs[0][1].startswith(quote_start)


@pytest.mark.parametrize(
    ("text", "speaker", "quote_start"),
    [
        (
            '"We will respond to any provocation with force," said Defense Minister Lee Jong-sup.',
            "Lee Jong-sup",
            "We",
        ),
        ('"The talks were frank and useful," Peskov said on Wednesday.', "Peskov", "The"),
        (
            'Antony Blinken said: "We are deeply concerned about these arms transfers."',
            "Antony Blinken",
            "We",
        ),
        (
            'According to Kirby, "the deal would violate several Security Council resolutions."',
            "Kirby",
            "the",
        ),
        (
            '"It is a worrying development for the region," the US ambassador Linda Thomas-Greenfield told reporters.',
            "Linda Thomas-Greenfield",
            "It",
        ),
        ('"It is a worrying development for the region," the ambassador told reporters.', "ambassador", "It"),
    ],
)
def test_english_attribution_forms(text: str, speaker: str, quote_start: str) -> None:
    pairs = _pairs(text, "en")
    assert len(pairs) == 1, pairs
    assert pairs[0][0] == speaker
    assert pairs[0][1].startswith(quote_start)


def test_quote_over_several_sentences_and_its_continuation() -> None:
    text = (
        "“Itu akan menjadi kesepakatan yang menguntungkan keduanya. Putin terpojok atas persediaan senjata,” kata "
        "Nam Sung-wook kepada Associated Press. “Kebutuhan mereka cocok sempurna sekarang.”"
    )
    pairs = _pairs(text)
    assert [speaker for speaker, _ in pairs] == ["Nam Sung-wook", "Nam Sung-wook"]
    assert "Putin terpojok" in pairs[0][1]
    assert pairs[1][1].startswith("Kebutuhan")


def test_partial_quote_inside_reported_speech_goes_to_the_reporting_subject() -> None:
    text = (
        "Putin mengatakan kepada wartawan bahwa pertemuan itu diadakan di kosmodrom karena Kim “menunjukkan minat "
        "besar pada teknologi roket”, lapor jurnalis RIA di Telegram."
    )
    assert _pairs(text) == [("Putin", "menunjukkan minat besar pada teknologi roket")]


def test_scare_quotes_and_terms_are_not_quotes() -> None:
    text = (
        "Kim bersulang untuk kemenangan “Rusia yang hebat” dan persahabatan kedua negara. Dia menyebutnya "
        '“meresahkan” bahwa Rusia akan membahas kerja sama itu. Kim meramalkan kemenangan dalam "pertarungan suci".'
    )
    assert _pairs(text) == []


def test_pronoun_speaker_is_the_last_named_one_and_sentence_index_is_kept() -> None:
    document = _doc(
        "Pertemuan berlangsung tertutup.\n\n"
        "“Kami menunggu jawaban resmi dari Moskow,” kata Retno Marsudi.\n\n"
        'Dia mengatakan, "Kami sudah menyiapkan semua dokumen perjanjian." Rapat lalu ditutup.'
    )
    quotes = find_quotes(document)
    assert [quote.speaker for quote in quotes] == ["Retno Marsudi", "Retno Marsudi"]
    quotes = quotes[1:]
    assert quotes[0].source == "d1"
    sentence = document.sentences[quotes[0].sentence or 0]
    assert "Kami sudah menyiapkan" in sentence.text
