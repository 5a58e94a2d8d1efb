"""The Markdown rendering of a hand-built briefing: citations, sections, escaping, determinism."""

from __future__ import annotations

import re

from kabar.records import (
    Briefing,
    Cited,
    Divergence,
    Document,
    Duplicate,
    Entity,
    Event,
    Fact,
    Quote,
    SummarySentence,
    TimelineEntry,
)
from kabar.render.markdown import render_markdown


def _briefing() -> Briefing:
    documents = [
        Document(
            id="d1",
            source="a.txt",
            text="...",
            outlet="Kompas",
            title="Banjir di Sentani",
            published="2024-03-17T08:00:00+07:00",
        ),
        Document(
            id="d2", source="b.txt", text="...", outlet="Tempo", title="Sentani *terendam*", published=None
        ),
        Document(
            id="d3", source="c.txt", text="...", outlet="Antara", title="Evakuasi", published="2024-03-18"
        ),
    ]
    event = Event(
        id="e1",
        title="Banjir Sentani",
        documents=["d1", "d2", "d3"],
        first_published="2024-03-17T08:00:00+07:00",
        last_published="2024-03-18T00:00:00+00:00",
        languages=["id"],
        duplicates=[Duplicate(documents=["d1", "d3"], similarity=0.71, kind="rewrite")],
        summary=[
            SummarySentence(text="Banjir menewaskan 12 orang di Sentani.", sources=["d1", "d3"]),
            SummarySentence(text="Lebih dari 3.000 warga dievakuasi.", sources=["d2"]),
        ],
        facts=[
            Fact(
                text="Lebih dari 3.000 warga dievakuasi.",
                sources=["d2", "d1"],
                outlets=2,
                single_source=False,
            ),
            Fact(text="Listrik padam di sebagian kota.", sources=["d3"], outlets=1, single_source=True),
        ],
        divergences=[
            Divergence(
                about="number: 12 vs 15 orang",
                claims=[
                    Cited(text="Banjir menewaskan 12 orang | kata polisi.", sources=["d1"]),
                    Cited(text="Banjir menewaskan 15 orang.", sources=["d2"]),
                ],
                kind="number",
            )
        ],
        quotes=[Quote(speaker="Suharyanto", text="Kami masih mencari korban.", source="d2")],
        entities=[Entity(name="Sentani", type="LOC", aliases=["Sentani"], sources=["d1", "d2"])],
        timeline=[
            TimelineEntry(
                date="2024-03-16", text="Banjir melanda Sentani.", sources=["d1"], expression="Sabtu"
            )
        ],
    )
    return Briefing(generated="2024-03-18T10:00:00+00:00", documents=documents, events=[event])


def test_sections_and_citations_link_to_numbered_sources() -> None:
    text = render_markdown(_briefing())
    for heading in (
        "## 1. Banjir Sentani",
        "### Summary",
        "### Facts",
        "### Divergences",
        "### Quotes",
        "### Timeline",
        "### Entities",
        "### Rewrites and copies",
        "### Sources",
    ):
        assert heading in text
    summary = text.split("### Summary")[1].split("###")[0]
    assert "Banjir menewaskan 12 orang di Sentani. [\\[1\\]](#e1-s1)[\\[3\\]](#e1-s3)" in summary
    sources = text.split("### Sources")[1]
    assert '1. <a id="e1-s1"></a>**Kompas** — Banjir di Sentani — 2024-03-17 08:00 UTC+07:00 `d1`' in sources
    assert "time unknown" in sources.splitlines()[3]
    anchors = set(re.findall(r"\(#(e1-s\d)\)", text))
    assert anchors == set(re.findall(r'<a id="(e1-s\d)"></a>', text))


def test_facts_show_counts_and_single_source_mark() -> None:
    text = render_markdown(_briefing())
    assert "- **2 outlets, 2 documents:** Lebih dari 3.000 warga dievakuasi." in text
    assert "- *single source:* Listrik padam di sebagian kota." in text


def test_divergence_sides_in_one_table_row_with_escaping() -> None:
    text = render_markdown(_briefing())
    block = text.split("### Divergences")[1].split("### Quotes")[0]
    assert "**number: 12 vs 15 orang**" in block
    assert "| Banjir menewaskan 12 orang \\| kata polisi. | Banjir menewaskan 15 orang. |" in block
    # Markdown in a title shows literally.
    assert "Sentani \\*terendam\\*" in text


def test_quotes_timeline_rewrites() -> None:
    text = render_markdown(_briefing())
    assert "> “Kami masih mencari korban.” — **Suharyanto** [\\[2\\]](#e1-s2)" in text
    assert "- **2024-03-16** (Sabtu) — Banjir melanda Sentani. [\\[1\\]](#e1-s1)" in text
    assert "[\\[1\\]](#e1-s1) and [\\[3\\]](#e1-s3): rewrite (similarity 0.71)" in text


def test_deterministic_and_empty() -> None:
    briefing = _briefing()
    assert render_markdown(briefing) == render_markdown(_briefing())
    empty = Briefing(generated="2024-03-18T10:00:00+00:00", documents=[], events=[])
    assert "No events" in render_markdown(empty)
