"""End to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against a real uvicorn server.

The server runs in a thread on a free 127.0.0.1 port over a copy of the store that `kabar ingest
examples/kim-putin-2023` makes. Each test keeps a screenshot of the pages it checks under test-artifacts/web/.
Every page is also watched for script dialogs and console errors: a CSP violation (our own page breaking the
policy) or a script smuggled in through an article would show up there.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"
TOKEN = "browser-test-token"
HIGHLIGHT = (
    "rgb(255, 241, 168)"  # --target in kabar.css: the background of a cited sentence opened by its link
)
HOSTILE_UPLOAD = (
    "Warga Heboh Tulisan Aneh di Papan Kota\n\n"
    'Seorang warga menulis <script>alert("xss")</script> di papan pengumuman kota Bandung pada hari Rabu pagi.\n\n'
    "Petugas kebersihan menghapus tulisan itu dua jam kemudian, kata juru bicara pemerintah kota.\n"
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"browser tests need Debian's chromium at {CHROMIUM} (scripts/install-browser.sh installs it)",
    ),
]

playwright_sync = pytest.importorskip("playwright.sync_api")
pytest.importorskip("uvicorn")

from test_web_support import seed_store_copy  # noqa: E402


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, example_paths: list[Path]) -> Iterator[dict]:
    import uvicorn

    from kabar.web.app import create_app

    store = seed_store_copy(tmp_path_factory.mktemp("browser") / "kabar.db", example_paths)
    port = _free_port()
    config = uvicorn.Config(
        create_app(store.db, token=TOKEN), host="127.0.0.1", port=port, log_level="warning"
    )
    uvicorn_server = uvicorn.Server(config)
    thread = threading.Thread(target=uvicorn_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uvicorn_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "db": store.db, "seed": store.seed_event_id}
    uvicorn_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page whose dialogs and console errors are collected and must stay empty."""
    context = browser.new_context(viewport={"width": 1100, "height": 900})  # type: ignore[attr-defined]
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    problems: list[str] = []
    tab.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.on("console", lambda message: message.type == "error" and problems.append(message.text))
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.problems = problems
    yield tab
    context.close()
    assert not problems, problems


# WCAG AA: text needs a contrast ratio of at least 4.5 against what is behind it.
MIN_CONTRAST = 4.5
LOW_CONTRAST_JS = """(selectors) => {
  const parse = (c) => { const p = c.match(/rgba?\\(([^)]+)\\)/)[1].split(',').map(Number);
                         return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const background = (el) => { for (; el; el = el.parentElement) { const c = parse(getComputedStyle(el).backgroundColor);
                                 if (c.a > 0) return c; } return {r: 255, g: 255, b: 255, a: 1}; };
  const low = [];
  for (const selector of selectors) for (const el of document.querySelectorAll(selector)) {
    if (!el.textContent.trim()) continue;
    const a = luminance(parse(getComputedStyle(el).color)), b = luminance(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < MIN_CONTRAST) low.push(`${selector} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return low;
}""".replace("MIN_CONTRAST", str(MIN_CONTRAST))
TEXT_SELECTORS = [
    "p",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "dt",
    "dd",
    "figcaption",
    "summary",
    ".badge",
    ".muted",
    ".reason",
    "label",
    "button",
    "blockquote",
    ".sentence",
]


def _shot(tab: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)  # type: ignore[attr-defined]


def test_events_list_then_the_seed_event(server: dict, page: object) -> None:
    page.goto(server["url"] + "/")
    link = page.locator(f'a[href="/events/{server["seed"]}"]')
    assert link.count() == 1
    _shot(page, "01-events")
    title = link.inner_text()
    link.click()
    page.wait_for_url(f"**/events/{server['seed']}")
    assert page.locator("h1").inner_text() == title
    for section in ("summary", "facts", "timeline", "coverage", "headlines", "sources"):
        assert page.locator(f"#event-{server['seed']}-{section}").count() == 1
    assert page.locator("figure.coverage svg circle").count() >= 1
    assert page.evaluate(LOW_CONTRAST_JS, TEXT_SELECTORS) == []
    _shot(page, "02-event")


def test_a_citation_opens_the_source_at_its_highlighted_sentence(server: dict, page: object) -> None:
    page.goto(f"{server['url']}/events/{server['seed']}")
    citation = page.locator(".summary a.cite[data-sentence]").first
    document_id = citation.get_attribute("data-document")
    sentence = citation.get_attribute("data-sentence")
    citation.click()
    page.wait_for_url(f"**/documents/{document_id}#s-{sentence}")
    target = page.locator(f"#s-{sentence}")
    assert target.evaluate("element => element.matches(':target')")
    assert target.evaluate("element => getComputedStyle(element).backgroundColor") == HIGHLIGHT
    assert target.is_visible() and target.inner_text().strip()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"], (
        "the sentence is scrolled into view"
    )
    _shot(page, "03-citation-target")


def test_search_finds_articles_and_marks_the_words(server: dict, page: object) -> None:
    page.goto(server["url"] + "/")
    page.get_by_role("searchbox", name="Search articles").fill("Vostochny")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=Vostochny")
    assert page.locator("ol.hits li").count() >= 1
    assert page.locator("ol.hits mark").first.inner_text().lower() == "vostochny"
    _shot(page, "04-search")
    page.locator("ol.hits li a").first.click()
    page.wait_for_url("**/documents/*#s-*")
    assert (
        "vostochny" in page.locator(".sentence:target").inner_text().lower()
    )  # opened at the matching sentence


def test_upload_shows_progress_and_the_new_article_with_its_script_as_text(
    server: dict, page: object, tmp_path: Path
) -> None:
    article = tmp_path / "warga-heboh.txt"
    article.write_text(HOSTILE_UPLOAD, encoding="utf-8")
    page.goto(server["url"] + "/upload")
    page.locator("#files").set_input_files(str(article))
    page.locator("#token").fill(TOKEN)
    page.get_by_role("button", name="Upload and brief").click()
    result = page.locator("#upload-result")
    result.get_by_text("1 new").wait_for()
    assert page.locator("#upload-stage").inner_text() == "Done."
    _shot(page, "05-upload")
    assert result.locator('a[href^="/events/"]').count() >= 1, "the upload should brief the article's event"
    result.locator('a[href^="/documents/"]', has_text="Warga Heboh Tulisan Aneh di Papan Kota").click()
    page.wait_for_url("**/documents/*")
    page.get_by_text('<script>alert("xss")</script>', exact=False).wait_for()  # shown as text, not run
    assert page.evaluate("document.querySelectorAll('.article-text script').length") == 0
    _shot(page, "06-uploaded-document")
    page.goto(server["url"] + "/documents")
    assert page.get_by_role("link", name="Warga Heboh Tulisan Aneh di Papan Kota").count() == 1
    # The page fixture fails the test if a dialog opened or the console reported an error (a CSP violation).


def test_keyboard_users_can_skip_to_the_content(server: dict, page: object) -> None:
    page.goto(server["url"] + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_the_html_report_fits_a_phone_and_prints(server: dict, browser: object, tmp_path: Path) -> None:
    from kabar.render.html import render_html
    from kabar.store import Store

    with Store(server["db"]) as store:
        briefing = store.briefing_for_event(server["seed"])
    report = tmp_path / "report.html"
    report.write_text(render_html(briefing), encoding="utf-8")
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)  # type: ignore[attr-defined]
    phone = context.new_page()
    requests: list[str] = []
    phone.on("request", lambda request: requests.append(request.url))
    phone.goto(report.as_uri())
    assert requests == [report.as_uri()], "the report must load nothing besides itself"
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the report scrolls sideways on a phone by {overflow}px"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "07-report-phone.png"))
    citation = phone.locator(".summary a.cite").first
    citation.click()
    fragment = citation.get_attribute("href")
    assert (
        phone.locator(fragment).evaluate("element => getComputedStyle(element).backgroundColor") == HIGHLIGHT
    )
    phone.emulate_media(media="print")
    assert phone.locator("nav.toc").first.is_hidden()
    pdf = phone.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    context.close()
