"""The chat widget in real headless Chromium (Debian's ``chromium``, driven by Playwright)
against a real uvicorn server over an index of the shipped 2019 report plus a small report
whose text carries HTML/JS payloads.

One server and one browser for the module; the tests run in file order on one page (the
follow-up continues the first conversation).
"""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from api.config import Settings

pytestmark = [pytest.mark.browser, pytest.mark.integration, pytest.mark.slow]

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
TIMEOUT_MS = 30_000
REQUESTS: list[str] = []  # every URL the browser requested
DIALOGS: list[str] = []  # every alert/confirm/prompt that fired
CONSOLE_ERRORS: list[str] = []

if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed "
                "(make test installs it as root: .ci/ensure-system-packages)",
                allow_module_level=True)

# A report whose passage holds markup that must stay text: a script, an image with an
# onerror handler and a javascript: link, each of which would set window.__pwned.
HOSTILE_REPORT = """Rapport 2031 – Teststadens projektplattform
Arbetsmarknadsförvaltningen

Upprättad
Datum: 2031-05-01

Bakgrund

Teststadens projektplattform samlar projekt som får stöd från Europeiska socialfonden. Denna \
rapport beskriver läget för plattformens projekt under perioden.

Projektstatus – lägesbeskrivningar per projekt

Lägesbeskrivningarna nedan bygger på underlag från projektledarna.

Glasbruket

Fakta om projektet

Projektägare för Glasbruket har varit *Arbetsmarknadsförvaltningen* och projektledare har varit \
Oskar Prov. Projektet pågick 2029-01-01 – 2031-06-30. Den totala budgeten uppgick till 4 100 000 kr, \
varav 2 050 000 kr har finansierats av Europeiska socialfonden.

Läget just nu och resultat

Projektet har byggt en webbplats för deltagarna och lärt dem grunderna i säker programmering.

Utmaningar och lärdomar

Den största utmaningen för Glasbruket var att webbformuläret visade texten \
<script>window.__pwned = 1; alert('xss')</script> för deltagarna. Ett annat problem var bilden \
<img src=x onerror="window.__pwned = 2; alert(2)"> som aldrig laddades. Deltagarna klickade också på \
länken <a href="javascript:window.__pwned=3">Öppna portalen</a> utan att något hände. Lärdomen är att \
glasbrukets webbformulär måste granskas noga.
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def host_port() -> int:
    """Port of the intranet page that embeds the widget from another origin."""
    return _free_port()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, embedder: Any, model_dir: Path,
           host_port: int) -> Iterator[dict[str, Any]]:
    """uvicorn on a free loopback port over a fresh index (2019 report + the hostile one)."""
    import uvicorn

    from api.main import create_app
    from index.build import IndexBuilder
    from index.pipeline import prepare, token_counter

    root = tmp_path_factory.mktemp("widget")
    hostile = root / "rapport_2031.txt"
    hostile.write_text(HOSTILE_REPORT, encoding="utf-8")
    data_dir = root / "data"
    counter = token_counter(str(model_dir))
    items = [prepare(p, counter) for p in (REPO_ROOT / "corpus" / "reports" / "rapport_2019.txt", hostile)]
    IndexBuilder(data_dir, embedder, chroma_url=None).add_reports(items)

    settings = Settings(data_dir=data_dir, embed_model=str(model_dir),
                        cors_origins=[f"http://localhost:{host_port}"])
    app = create_app(settings)
    state = app.state.rapport
    state.embedder = embedder  # the session's model: no second load (the lifespan is off)
    state.refresh()
    assert state.service is not None, state.load_error
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield {"base": f"http://127.0.0.1:{port}", "db": settings.app_db_path}
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser_page(server: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium (fresh profile) with the demo page open; records every request
    and every dialog."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1100, "height": 1000},
        )
        page = context.pages[0] if context.pages else context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        REQUESTS.clear()
        DIALOGS.clear()
        CONSOLE_ERRORS.clear()
        page.on("request", lambda r: REQUESTS.append(r.url))
        page.on("console", lambda m: CONSOLE_ERRORS.append(m.text) if m.type == "error" else None)

        def on_dialog(dialog: Any) -> None:
            DIALOGS.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(server["base"] + "/")
        try:
            yield page
        finally:
            context.close()


def _ask(page: Any, question: str) -> Any:
    """Type ``question`` into the inline widget, press Enter and return the answered message."""
    chat = page.locator("rapport-chat")
    before = chat.locator(".msg.bot").count()
    box = chat.locator("textarea.question")
    box.fill(question)
    box.press("Enter")
    message = chat.locator(".msg.bot").nth(before)
    message.locator(".feedback").wait_for()  # the done event has been handled
    return message


def test_question_streams_a_cited_answer_and_feedback_is_stored(browser_page: Any,
                                                                server: dict[str, Any]) -> None:
    page = browser_page
    with page.expect_response(lambda r: r.url.endswith("/ask/stream")) as streamed:
        message = _ask(page, "Vem var projektledare för Hela Familjen 2.0?")
    assert streamed.value.headers["content-type"].startswith("text/event-stream")
    answer = message.locator(".answer")
    assert "Magnus Sjöberg" in answer.inner_text()
    assert int(message.get_attribute("data-deltas") or 0) > 1  # the text arrived in pieces
    assert message.get_attribute("class") == "msg bot"  # answerable, not styled as abstention
    # The shadow DOM's constructed stylesheet applies under the page's strict CSP.
    header = page.locator("rapport-chat header")
    assert header.evaluate("h => getComputedStyle(h).backgroundColor") == "rgb(10, 92, 138)"

    chip = message.locator(".chip").first
    assert chip.get_attribute("aria-expanded") == "false"
    answer.locator("button.ref").first.click()  # the [1] in the answer opens citation 1
    assert chip.get_attribute("aria-expanded") == "true"
    source = message.locator(".source").first
    assert source.is_visible()
    assert "rapport_2019" in source.inner_text() and "Hela Familjen 2.0" in source.inner_text()
    assert "Magnus Sjöberg" in source.locator("mark").inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    page.locator("rapport-chat").screenshot(path=str(ARTIFACTS / "widget.png"))

    message.get_by_role("button", name="Bra svar").click()
    message.get_by_text("Tack för din återkoppling!").wait_for()
    with sqlite3.connect(server["db"]) as db:
        rows = db.execute("SELECT f.rating, a.question, a.answer, a.citations FROM feedback f "
                          "JOIN answers a USING (answer_id)").fetchall()
    assert len(rows) == 1
    rating, question, stored_answer, citations = rows[0]
    assert rating == 1 and question == "Vem var projektledare för Hela Familjen 2.0?"
    assert stored_answer == answer.inner_text()
    assert json.loads(citations)[0]["project"] == "Hela Familjen 2.0"
    assert not [m for m in CONSOLE_ERRORS if "Content Security Policy" in m], CONSOLE_ERRORS


def test_follow_up_takes_the_project_from_context(browser_page: Any, server: dict[str, Any]) -> None:
    message = _ask(browser_page, "Och hur stor var budgeten?")
    assert "Hela Familjen 2.0" in message.locator(".context").inner_text()
    assert "32 018 553" in message.locator(".answer").inner_text()
    figures = message.locator("table.figures")
    assert "Total budget" in figures.inner_text()
    # Thumbs down asks for an optional comment and stores it with the rating.
    message.get_by_role("button", name="Dåligt svar").click()
    comment = message.get_by_role("textbox", name="Vad var fel? (valfritt)")
    comment.fill("Jag ville veta EU-stödet")
    comment.press("Enter")
    message.get_by_text("Tack för din återkoppling!").wait_for()
    with sqlite3.connect(server["db"]) as db:
        row = db.execute("SELECT f.rating, f.comment, a.question FROM feedback f JOIN answers a "
                         "USING (answer_id) ORDER BY f.id DESC LIMIT 1").fetchone()
    assert row == (-1, "Jag ville veta EU-stödet", "Och hur stor var budgeten?")


def test_hostile_passage_renders_as_inert_text(browser_page: Any) -> None:
    page = browser_page
    message = _ask(page, "Vilka utmaningar hade Glasbruket med webbformuläret?")
    chips = message.locator(".chip")
    for i in range(chips.count()):
        chips.nth(i).click()
    sources = message.locator(".source")
    text = "\n".join(sources.nth(i).inner_text() for i in range(sources.count()))
    assert "<script>window.__pwned = 1; alert('xss')</script>" in text
    assert '<img src=x onerror="window.__pwned = 2; alert(2)">' in text
    assert '<a href="javascript:window.__pwned=3">Öppna portalen</a>' in text
    widget = page.locator("rapport-chat")
    assert widget.locator("script, img, a, iframe").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert DIALOGS == []


def test_abstention_is_visibly_different(browser_page: Any) -> None:
    message = _ask(browser_page, "Hur många elbilar köpte kommunen till projektet Månraketen?")
    assert "abstained" in (message.get_attribute("class") or "")
    assert "Det framgår inte av rapporterna" in message.locator(".badge").inner_text()


def test_keyboard_launcher_and_narrow_screen(browser_page: Any) -> None:
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.evaluate("""() => { const c = document.createElement('rapport-chat');
        c.setAttribute('title', 'Testchatt'); document.body.appendChild(c); }""")
    launcher = page.locator("rapport-chat >> nth=1").locator("button.launcher")
    launcher.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Testchatt")
    assert dialog.is_visible()
    box = dialog.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    assert dialog.locator("textarea.question").evaluate("t => t.getRootNode().activeElement === t")
    page.keyboard.press("Tab")
    assert dialog.locator("button.send").evaluate("b => b.getRootNode().activeElement === b")
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    assert launcher.get_attribute("aria-expanded") == "false"
    assert launcher.evaluate("b => b.getRootNode().activeElement === b")
    log = page.locator("rapport-chat").first.get_by_role("log")
    assert log.get_attribute("aria-live") == "polite"


OVERVIEW = {"projects": [
    {"name": "Alfa <b>fet</b>", "report": "r", "report_year": 2020, "parent": None, "fund": "ESF",
     "owner": "X", "managers": ["Y"], "start_date": "2018-01-01", "end_date": "2020-06-30", "status": None,
     "total_budget": 12_000_000, "eu_funding": 6_000_000},
    {"name": "Beta", "report": "r", "report_year": 2020, "parent": None, "fund": None, "owner": None,
     "managers": [], "start_date": "2019-03-01", "end_date": None, "status": None,
     "total_budget": 4_000_000, "eu_funding": None},
    {"name": "Gamma", "report": "r", "report_year": 2020, "parent": None, "fund": None, "owner": None,
     "managers": [], "start_date": None, "end_date": None, "status": None,
     "total_budget": None, "eu_funding": None},
]}


def test_project_overview_draws_budgets_and_periods(browser_page: Any) -> None:
    page = browser_page
    page.set_viewport_size({"width": 1100, "height": 1000})
    page.route("**/projects", lambda route: route.fulfill(status=200, content_type="application/json",
                                                          body=json.dumps(OVERVIEW)))
    try:
        page.reload()
        page.locator("svg.budget-chart").wait_for()
        budget = page.locator("svg.budget-chart")
        assert budget.locator("rect.bar-budget[data-project]").count() == 2
        assert budget.locator("rect.bar-eu[data-project]").count() == 1
        widths = [float(budget.locator(f'rect.bar-budget[data-project="{n}"]').get_attribute("width") or 0)
                  for n in ("Alfa <b>fet</b>", "Beta")]
        assert widths[0] == pytest.approx(3 * widths[1])
        assert "Alfa <b>fet</b> (2020)" in budget.inner_html().replace("&lt;", "<").replace("&gt;", ">")
        assert budget.locator("b").count() == 0
        timeline = page.locator("svg.timeline-chart")
        assert timeline.locator("rect.bar-period").count() == 1  # Alfa: a closed period
        assert timeline.locator("rect.bar-open").count() == 1  # Beta: still running
        assert "3 projekt" in page.locator("#overview-status").inner_text()
        assert page.locator("#snippet-origin").inner_text() == page.evaluate("() => location.origin")
    finally:
        page.unroute("**/projects")


def test_project_overview_from_the_service(browser_page: Any, server: dict[str, Any]) -> None:
    page = browser_page
    resp = page.request.get(server["base"] + "/projects")
    if resp.status == 404:
        pytest.skip("GET /projects is not implemented by this build")
    projects = resp.json()["projects"]
    page.reload()
    page.locator("#overview-status").filter(has_text="projekt").wait_for()
    assert f"{len(projects)} projekt" in page.locator("#overview-status").inner_text()
    with_budget = [p for p in projects if p.get("total_budget") is not None]
    assert page.locator("svg.budget-chart rect.bar-budget[data-project]").count() == len(with_budget)


def test_no_request_leaves_the_service(browser_page: Any, server: dict[str, Any]) -> None:
    origin = urlsplit(server["base"]).netloc
    hosts = {urlsplit(u).netloc for u in REQUESTS if not u.startswith(("data:", "blob:"))}
    assert hosts == {origin}
    assert any(u.endswith("/ask/stream") for u in REQUESTS)
    assert any(u.endswith("/static/widget.js") for u in REQUESTS)


HOST_PAGE = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Intranät</title>
<style>* { color: red !important; font-size: 40px !important; } button { display: none !important; }</style>
<script src="{base}/static/widget.js" defer></script></head>
<body><h1>Intranätet</h1><rapport-chat title="Intranätchatt"></rapport-chat></body></html>
"""


@pytest.fixture(scope="module")
def host_site(tmp_path_factory: pytest.TempPathFactory, server: dict[str, Any],
              host_port: int) -> Iterator[str]:
    """A plain static intranet page on another origin (localhost vs 127.0.0.1) with the
    one-line embed and hostile CSS of its own."""
    import functools
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    root = tmp_path_factory.mktemp("intranet")
    (root / "index.html").write_text(HOST_PAGE.replace("{base}", server["base"]), encoding="utf-8")
    class QuietHandler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib signature)
            return None

    handler = functools.partial(QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", host_port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://localhost:{host_port}/index.html"
    httpd.shutdown()
    httpd.server_close()


def test_embedded_on_an_allowed_origin(browser_page: Any, host_site: str) -> None:
    page = browser_page
    page.set_viewport_size({"width": 1100, "height": 1000})
    page.goto(host_site)
    launcher = page.locator("rapport-chat button.launcher")
    assert launcher.is_visible()  # the host's `button { display: none }` does not reach it
    assert launcher.evaluate("b => getComputedStyle(b).color") == "rgb(255, 255, 255)"
    launcher.click()
    dialog = page.get_by_role("dialog", name="Intranätchatt")
    assert dialog.is_visible()
    # api-base defaults to the script's origin; CORS lets this origin call it.
    message = _ask(page, "Vem var projektledare för Hela Familjen 2.0?")
    assert "Magnus Sjöberg" in message.locator(".answer").inner_text()
