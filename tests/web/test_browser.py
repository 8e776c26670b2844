"""In a real browser: Playwright driving Debian's Chromium against a live uvicorn server.

Skipped when /usr/bin/chromium or playwright is missing, unless CI=true (then they fail).
Screenshots go to test-artifacts/ (every page at 390 and 1366 px wide);
NEWSWEAVE_UPDATE_SCREENSHOTS=1 also refreshes docs/screenshots/story.png (the gallery has its
own script, docs/gallery.py).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.web.web_helpers import xss_paths

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"
DOC_SHOT = ROOT / "docs" / "screenshots" / "story.png"


def _require(ok: bool, why: str) -> None:
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why}, and CI=true")
        pytest.skip(why)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _require(CHROMIUM.exists(), f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "playwright is not installed (pip install playwright)")
    for module in ("starlette", "jinja2", "uvicorn"):
        try:
            __import__(module)
        except ImportError:
            _require(False, f"{module} is not installed (pip install -e '.[web]')")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Server:
    """uvicorn serving one store on 127.0.0.1 (a free port), in a background thread."""

    def __init__(self, db: str) -> None:
        import uvicorn

        from newsweave.web.app import create_app

        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start in 10 s"
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)


class Watched:
    """A page whose console errors, page errors and dialogs are recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(5000)
        self.problems: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        self.page.on("dialog", self._dialog)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    w.close()


def _shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def test_story_list_to_story_to_cited_article(watched: Watched, example_db: str) -> None:
    page = watched.page
    with Server(example_db) as base:
        page.goto(base + "/")
        links = page.locator("a.story-link")
        assert links.count() >= 2
        _shot(page, "stories.png")
        links.first.click()  # the largest story: the Corvel Dam collapse
        page.wait_for_url("**/stories/*")
        conflicts = page.locator("table.conflicts")
        assert conflicts.is_visible()
        assert conflicts.locator("tbody tr").count() >= 2
        marks = page.locator("svg.tl-chart .tl-mark")
        assert marks.count() >= 2
        links = page.locator("svg.tl-chart a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        assert links and all(link.startswith("/articles/") for link in links)
        assert page.locator("table.timeline tbody tr").count() >= 2
        _shot(page, "story.png")
        page.evaluate("window.scrollTo(0, document.getElementById('conflicts').offsetTop - 12)")
        path = _shot(page, "story-conflicts.png")
        if os.environ.get("NEWSWEAVE_UPDATE_SCREENSHOTS") == "1":
            DOC_SHOT.parent.mkdir(parents=True, exist_ok=True)
            DOC_SHOT.write_bytes(path.read_bytes())
        page.locator("#quote-filter").fill("zzzz-no-such-words")  # the JS runs under the CSP
        assert page.locator("table.quotes tbody tr:visible").count() == 0
        citation = page.locator("#summary a.cite").first
        target = citation.get_attribute("href")
        citation.click()
        page.wait_for_url("**" + target)
        assert page.locator("h1").is_visible()
        assert page.locator(".article-text p").count() >= 1
        if page.locator(".explain").count():
            removed = page.locator(".explain details.removed").first
            assert removed.is_visible()
            page.locator("#toggle-removed").click()
            assert not removed.is_visible()
        _shot(page, "article.png")
    assert watched.problems == []


def test_hostile_pages_execute_nothing(watched: Watched, xss_db: str) -> None:
    from starlette.testclient import TestClient

    from newsweave.web.app import create_app

    page = watched.page
    paths = xss_paths(TestClient(create_app(xss_db)))
    with Server(xss_db) as base:
        for path in paths:
            page.goto(base + path)
            assert page.evaluate("typeof window.pwned") == "undefined", path
            scripts = page.evaluate("[...document.scripts].map(s => s.getAttribute('src'))")
            assert scripts == ["/static/app.js"], path
            handlers = page.evaluate(
                "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
                ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))"
            )
            assert handlers == [], path
            for link in page.locator("a[href]").all():
                href = (link.get_attribute("href") or "").strip().lower()
                assert href.startswith(("/", "#", "http://", "https://")), (path, href)
        article = next(p for p in paths if p.startswith("/articles/"))
        page.goto(base + article)  # the payloads show as plain text
        assert "<script>" in page.locator("h1").inner_text()
        _shot(page, "xss-article.png")
    assert watched.problems == []


WIDTHS = (390, 1366)  # a phone and a laptop


def _pages(base: str, page: Any) -> dict[str, str]:
    """The addresses of the story list, the largest story, an article and a quoted speaker."""
    page.goto(base + "/")
    story = page.locator("a.story-link").first.get_attribute("href")
    page.goto(base + story)
    article = page.locator("#sources li a").first.get_attribute("href")
    speaker = page.locator("#quotes a[href^='/entities/speaker/']").first.get_attribute("href")
    return {
        "stories": base + "/",
        "story": base + story,
        "article": base + article,
        "speaker": base + speaker,
    }


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled example's HTML report, as `newsweave brief --format html` writes it."""
    from tests.web.conftest import EXAMPLES

    from newsweave.analyze import analyze, make_brief
    from newsweave.ingest import read_inputs
    from newsweave.model import Page
    from newsweave.render import render

    pages = [p for p in read_inputs([str(EXAMPLES)]) if isinstance(p, Page)]
    result = analyze(pages)
    path = tmp_path_factory.mktemp("report") / "brief.html"
    path.write_text(render(make_brief(result.articles, result.stories), "html"), "utf-8")
    return path.as_uri()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_the_screen(browser: Any, example_db: str, report: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(5000)
    try:
        with Server(example_db) as base:
            urls = {**_pages(base, page), "report": report}
            for name, url in urls.items():
                page.goto(url)
                assert page.locator("h1").first.is_visible(), name
                scroll = page.evaluate("document.documentElement.scrollWidth")
                wide = page.evaluate(
                    "w => [...document.querySelectorAll('body *')]"
                    ".filter(e => e.getBoundingClientRect().right > w + 1)"
                    ".slice(0, 3).map(e => e.tagName + '.' + e.className)",
                    width,
                )
                _shot(page, f"{name}-{width}.png")
                assert scroll <= width, f"{name} is {scroll} px wide at {width} px: {wide}"
            page.goto(urls["story"])
            nav = page.locator("header.top nav a").evaluate_all(
                "links => links.map(a => a.getClientRects().length)"
            )
            assert nav and all(n == 1 for n in nav)  # no menu label broken over two lines
            if width < 600:  # tables reflow into one card per row
                assert page.locator("table.conflicts thead").is_hidden()
                assert (
                    page.locator("table.conflicts td").first.evaluate(
                        "td => getComputedStyle(td).display"
                    )
                    == "block"
                )
    finally:
        context.close()
