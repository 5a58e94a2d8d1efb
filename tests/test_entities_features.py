"""The CRF's word-class features, the organisation patterns and the training-label mapping for NERGrit."""

from __future__ import annotations

from dataclasses import replace

from kabar.extract.entities import INDONESIAN_CORRECTIONS, tag_words
from kabar.extract.ner_crf import (
    CLUSTER_FEATURES,
    DEFAULT_GROUPS,
    E5_FEATURES,
    PERSON_FEATURES,
    PLACE_FEATURES,
    e5_word_classes,
    person_names,
    place_names,
    sentence_features,
    word_clusters,
)
from kabar.extract.ner_eval import Tagged
from kabar.extract.ner_orgs import acronym_pairs, org_pattern_spans

# The Indonesian corrections with the organisation patterns (kabar applies them to text in other languages).
WITH_ORG_PATTERNS = replace(INDONESIAN_CORRECTIONS, org_patterns=True)


def _words(text: str) -> list[str]:
    """A pre-tokenised sentence: tokens separated by spaces."""
    return text.split()


def _same_class(classes: dict[str, tuple[str, ...]], a: str, b: str) -> bool:
    return classes[a][-1] == classes[b][-1]


def test_news_word_clusters_group_names_of_one_kind() -> None:
    clusters = word_clusters()
    assert len(clusters) > 10_000, "models/word-clusters.tsv is missing or truncated"
    assert _same_class(clusters, "jakarta", "bandung")  # cities
    assert _same_class(clusters, "golkar", "gerindra")  # parties
    assert not _same_class(clusters, "jakarta", "menyatakan")
    assert not _same_class(clusters, "golkar", "jakarta")


def test_e5_piece_classes_group_names_of_one_kind() -> None:
    classes = e5_word_classes()
    assert len(classes) > 50_000, "models/e5-word-classes.tsv is missing or truncated"
    assert ("Obama" in classes and "obama" not in classes) or classes["Obama"] != classes.get("obama")
    assert _same_class(classes, "Obama", "Bush")
    assert _same_class(classes, "Bordeaux", "Toulouse")
    assert not _same_class(classes, "Obama", "Bordeaux")


def test_class_features_reach_the_crf() -> None:
    groups = DEFAULT_GROUPS | {CLUSTER_FEATURES, E5_FEATURES}
    features = sentence_features(["Warga", "Bandung", "Xqzvbn"], None, groups)
    assert any(f.startswith("c0=") for f in features[1])
    assert any(f.startswith("-1c=") for f in features[2]) or any(f.startswith("+1c=") for f in features[1])
    assert not any(f.startswith("c0=") for f in features[2])  # never seen in the unlabelled text
    assert any(f.startswith("e5w") for f in features[1])
    without = sentence_features(["Warga", "Bandung"], None, frozenset())
    assert not any(f.startswith(("c0=", "e5")) for f in without[1])


def test_place_and_person_name_lists_reach_the_crf() -> None:
    places, longest = place_names()
    assert len(places) > 30_000, "models/place-names.txt is missing or truncated"
    assert {"bordeaux", "wassenaar", "nepal", "new york", "moskow"} <= places and longest >= 3
    persons = person_names()
    assert len(persons) > 20_000, "models/person-names.tsv is missing or truncated"
    assert persons["barrett"] == "fl" and persons["widodo"] == "l"
    groups = frozenset({PLACE_FEATURES, PERSON_FEATURES})
    words = _words("Barrett Xqzvbn pindah dari Wassenaar ke New York bersama Xqzvbn")
    features = sentence_features(words, None, groups)
    assert "pname=fl|name" in features[0] and "-1pname=fl" in features[1]
    assert not any(f.startswith(("pname", "-1pname")) for f in features[2])  # lowercase: no name feature
    assert "geo=B" in features[4] and "geo=cap|name" in features[4] and "+1geo" in features[3]
    assert "geo=B" in features[6] and "geo=I" in features[7] and "-1geo" in features[8]
    assert not any(f.startswith(("geo", "pname")) for f in features[9])
    without = sentence_features(words, None, frozenset())
    assert not any(f.startswith(("geo", "pname")) for f in without[0] + without[4])


def _texts(words: list[str], spans: list) -> list[str]:
    return [" ".join(words[s.start : s.end]) for s in spans]


def test_organisation_patterns() -> None:
    words = _words(
        "Pemerintah melalui Kementerian Perhubungan menyerahkan bandara kepada PT Angkasa Pura II , lalu Hamburger SV bertemu Bank of America ; Presiden Joko Widodo hadir ."
    )
    found = _texts(words, org_pattern_spans(words))
    assert found == ["Kementerian Perhubungan", "PT Angkasa Pura II", "Hamburger SV", "Bank of America"]


def test_organisation_head_inside_a_run_and_club_names() -> None:
    words = _words(
        "Kedudukan Sekolah Tinggi Kesejahteraan Sosial diperkuat Departemen Sosial RI No : 25 ; "
        "ia pindah dari Persekabpas U - 23 ke Tim Persib , persis seperti Persis Solo ."
    )
    found = _texts(words, org_pattern_spans(words))
    assert found == ["Sekolah Tinggi Kesejahteraan Sosial", "Departemen Sosial RI", "Persekabpas", "Persib"]


def test_acronym_in_brackets_pairs_with_the_name_it_spells() -> None:
    words = _words("lulusan Sekolah Tinggi Kesejahteraan Sosial ( STKS ) dan Institut Pertanian ( UI ) .")
    pairs = acronym_pairs(words)
    assert [(_texts(words, [a])[0], _texts(words, [b])[0]) for a, b in pairs] == [
        ("Sekolah Tinggi Kesejahteraan Sosial", "STKS")
    ]


def test_recogniser_tags_an_organisation_pattern_whole() -> None:
    words = _words("Ia pernah bekerja di Kementerian Energi dan Sumber Daya Mineral selama lima tahun .")
    assert tag_words(words, corrections=INDONESIAN_CORRECTIONS)[4:10] != ["B-ORG"] + ["I-ORG"] * 5
    tags = tag_words(words, corrections=WITH_ORG_PATTERNS)
    assert tags[4:10] == ["B-ORG"] + ["I-ORG"] * 5
    assert tags[10:] == ["O"] * 4


def test_training_labels_get_nergrit_organisation_convention() -> None:
    from bench.ner.data import tag_untagged_organisations

    cased = Tagged(["KPK", "menahan", "tersangka", "di", "antara", "Golkar", "dan", "Jakarta"], ["O"] * 8)
    assert tag_untagged_organisations(cased, lowercased=False).tags == [
        "B-ORG", "O", "O", "O", "O", "B-ORG", "O", "O"
    ]  # fmt: skip
    tagged = Tagged(["Partai", "Golkar", "menang"], ["B-ORG", "I-ORG", "O"])
    assert tag_untagged_organisations(tagged, lowercased=False).tags == tagged.tags
    lower = Tagged(["kader", "partai", "golkar", "di", "antara", "warga"], ["O"] * 6)
    assert tag_untagged_organisations(lower, lowercased=True).tags == ["O", "B-ORG", "I-ORG", "O", "O", "O"]


def test_organisation_pattern_stops_at_a_person_the_model_found() -> None:
    words = _words("Ketua Umum Partai Demokrat Anas Urbaningrum tiba .")
    assert tag_words(words, corrections=WITH_ORG_PATTERNS)[2:6] == ["B-ORG", "I-ORG", "B-PER", "I-PER"]
