"""English text: names follow the same capitalisation as in Indonesian news, and the gazetteer knows English."""

from __future__ import annotations

from kabar.extract.entities import find_mentions, merge_entities
from kabar.records import Document

ENGLISH = (
    "Russian President Vladimir Putin met North Korean leader Kim Jong Un at the Vostochny Cosmodrome on "
    "Wednesday, the Kremlin said. Kremlin spokesman Dmitry Peskov told reporters in Moscow that the talks "
    "would cover sensitive areas.\n\n"
    "UN Secretary-General Antonio Guterres said any cooperation with North Korea must respect the sanctions "
    "of the Security Council. Putin later travelled to Vladivostok."
)


def _found(text: str, language: str = "en") -> set[tuple[str, str]]:
    doc = Document(id="en1", source="test", text=text, language=language)
    return {(m.text, m.type) for m in find_mentions(doc)}


def test_english_people_places_and_organisations() -> None:
    found = _found(ENGLISH)
    for expected in [
        ("Vladimir Putin", "PER"),
        ("Kim Jong Un", "PER"),
        ("Dmitry Peskov", "PER"),
        ("Antonio Guterres", "PER"),
        ("Moscow", "LOC"),
        ("North Korea", "LOC"),
        ("Vladivostok", "LOC"),
    ]:
        assert expected in found, f"{expected} not in {sorted(found)}"
    assert any(text.endswith("Vostochny Cosmodrome") and kind == "LOC" for text, kind in found)
    assert not any(text in {"Wednesday", "Secretary-General", "The"} for text, _ in found)


def test_english_and_indonesian_names_merge_in_one_event() -> None:
    english = Document(id="en1", source="a", text=ENGLISH, language="en")
    indonesian = Document(
        id="id1",
        source="b",
        text="Pemimpin Korea Utara Kim Jong-un tiba di Kosmodrom Vostochny. Juru bicara Kremlin Dmitry Peskov "
        "mengatakan kedua pemimpin akan membahas kerja sama.",
        language="id",
    )
    mentions = find_mentions(english) + find_mentions(indonesian)
    entities = merge_entities([english, indonesian], mentions)
    both = [e for e in entities if e.sources == ["en1", "id1"]]
    names = {e.name for e in both}
    assert {"Kim Jong Un", "Dmitry Peskov", "Kremlin"} <= names | {a for e in both for a in e.aliases}
    korea = next(e for e in both if "North Korea" in [e.name, *e.aliases])
    assert "Korea Utara" in [korea.name, *korea.aliases]
    cosmodrome = next(e for e in both if "Kosmodrom Vostochny" in [e.name, *e.aliases])
    assert any("Vostochny Cosmodrome" in form for form in [cosmodrome.name, *cosmodrome.aliases])


def test_english_titles_and_nationalities_stay_out_of_names() -> None:
    found = _found(
        "Apple chief executive Tim Cook visited Jakarta on Tuesday. Speaking to Reuters in Kyiv, Ukrainian "
        "President Volodymyr Zelenskiy said the United States would send more air defence systems. Bank "
        "Indonesia kept its rate, Governor Perry Warjiyo told a news conference. The European Union agreed."
    )
    for expected in [
        ("Tim Cook", "PER"),
        ("Volodymyr Zelenskiy", "PER"),
        ("Perry Warjiyo", "PER"),
        ("United States", "LOC"),
        ("European Union", "ORG"),
        ("Reuters", "ORG"),
        ("Kyiv", "LOC"),
    ]:
        assert expected in found, f"{expected} not in {sorted(found)}"


def test_teams_named_by_a_plural_after_the_are_organisations() -> None:
    found = _found(
        "The Colts beat the Kansas City Chiefs on Sunday, and the Red Sox lost to the Tar Heels' neighbours. "
        "The Americans and the Israelis watched the Oscars in the Philippines."
    )
    for team in ["Colts", "Kansas City Chiefs", "Red Sox", "Tar Heels"]:
        assert (team, "ORG") in found
    # A people, an awards show and a country are not teams.
    assert not {name for name, kind in found if kind == "ORG"} & {
        "Americans",
        "Israelis",
        "Oscars",
        "Philippines",
    }


def test_a_possessive_is_not_part_of_the_name() -> None:
    text = "Barack Obama's plan was praised. Obama's aides met Lindsay Lohan's lawyer in London."
    doc = Document(id="en2", source="test", text=text, language="en")
    mentions = find_mentions(doc)
    assert {m.text for m in mentions} >= {"Barack Obama", "Obama", "Lindsay Lohan"}
    assert all(text[m.start : m.end] == m.text and not m.text.endswith("'s") for m in mentions)


def test_a_job_before_a_name_is_not_part_of_it() -> None:
    text = (
        "Coroner Gary Hargrove said the driver died at the scene. Deputy Jerry Ortiz was shot on Friday night, "
        "and Hargrove said an autopsy would follow. Ortiz had served for years."
    )
    doc = Document(id="en3", source="test", text=text, language="en")
    entities = {entity.name: entity for entity in merge_entities([doc], find_mentions(doc))}
    assert "Gary Hargrove" in entities and "Jerry Ortiz" in entities
    assert not any(name.startswith(("Coroner", "Deputy")) for name in entities)
