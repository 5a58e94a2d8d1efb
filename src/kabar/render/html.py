"""The self-contained HTML report of `kabar brief --html FILE`.

One file, nothing fetched: the stylesheet is inlined, there is no script, and every article sentence is an anchor
so a citation `[n]` jumps to the sentence that supports it. The events are drawn by the same template partials as
the event page of `kabar serve` (`kabar/web/templates/_event.html`), so both read the same.
"""

from __future__ import annotations

from kabar.errors import KabarError
from kabar.records import Briefing, Document


def render_html(briefing: Briefing) -> str:
    """The briefing as one HTML document (UTF-8 text) with inline CSS, readable on a phone and printed."""
    # Imported here so the rest of kabar loads without the `web` extra (Jinja2) installed.
    try:
        from kabar.web.templating import environment, stylesheet
    except ImportError as error:
        raise KabarError(
            f"the HTML report needs Jinja2 ({error}); install it with: pip install 'kabar[web]'"
        ) from None
    from kabar.web.views import ReportLinks, document_anchor, document_view, event_view

    links = ReportLinks()
    events = [event_view(event, briefing.documents, links) for event in briefing.events]
    # Document headings carry the citation numbers when there is one event (the common case); with several
    # events a document can have a different number in each, so the headings show none.
    numbers: dict[str, int] = {}
    if len(events) == 1:
        numbers = {source.document.id: source.number for source in events[0].sources}
    documents = [
        document_view(document, numbers.get(document.id), f"{document_anchor(document.id)}-")
        for document in _ordered(briefing.documents, numbers)
    ]
    title = events[0].title if len(events) == 1 else f"kabar briefing: {len(events)} events"
    template = environment().get_template("report.html")
    return template.render(
        title=title,
        generated=briefing.generated,
        events=events,
        documents=documents,
        # Our own stylesheet, trusted; "</" never occurs in it, so it cannot close the <style> element.
        css=_trusted(stylesheet().replace("</", "<\\/")),
    )


def _ordered(documents: list[Document], numbers: dict[str, int]) -> list[Document]:
    return sorted(documents, key=lambda d: (numbers.get(d.id, len(numbers) + 1), documents.index(d)))


def _trusted(text: str) -> object:
    from markupsafe import Markup

    return Markup(text)
