"""Regenerate the screenshot gallery in docs/gallery/ (see docs/gallery.md).

    python docs/gallery.py            # needs the [web] extra, playwright and Debian's Chromium

Briefs the bundled example into a temporary store, serves it on a free local port, and has
Chromium (/usr/bin/chromium, or $NEWSWEAVE_CHROMIUM; never a downloaded browser) take each
view at a phone's width (390 px) and a laptop's (1366 px): the story page's top, its conflict
table, its timeline, its lineage, and an HTML article's provenance (the original page, removed
blocks struck through with their reasons).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "gallery"
EXAMPLES = ROOT / "examples" / "pages"
WIDTHS = (390, 1366)
HTML_ARTICLE = "06_estmark_observer_inquiry.html"  # the bundled example's HTML page
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]


def build_store(path: Path) -> None:
    """Ingest and analyse the bundled example into a store file."""
    from newsweave.jobs import analyze_store, ingest
    from newsweave.store import open_store

    with open_store(path) as store:
        ingest(store, [str(EXAMPLES)])
        analyze_store(store)


def serve(db: Path) -> tuple[Any, threading.Thread, str]:
    """uvicorn serving the store on 127.0.0.1 (a free port), in a background thread."""
    import uvicorn

    from newsweave.web.app import create_app

    config = uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("gallery: the web server did not start in 20 s")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    return server, thread, f"http://127.0.0.1:{port}"


def shoot(page: Any, selector: str | None, path: Path, max_height: int = 1100) -> None:
    """A screenshot of one element (its top `max_height` pixels), or of the viewport."""
    if selector is None:
        page.screenshot(path=str(path))
        return
    box = page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return [r.top + window.scrollY, r.height]; }",
        selector,
    )
    top, height = max(box[0] - 8, 0), min(box[1] + 16, max_height)
    width = page.viewport_size["width"]
    clip = {"x": 0, "y": top, "width": width, "height": height}
    page.screenshot(path=str(path), clip=clip, full_page=True)


def main() -> None:
    """Take every screenshot of the gallery."""
    from playwright.sync_api import sync_playwright

    chromium = Path(os.environ.get("NEWSWEAVE_CHROMIUM", "/usr/bin/chromium"))
    if not chromium.exists():
        raise SystemExit(f"gallery: {chromium} is missing (apt-get install -y chromium)")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "example.db"
        build_store(db)
        server, thread, base = serve(db)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(chromium), args=ARGS)
                for width in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    page.goto(base + "/")
                    story = page.locator("a.story-link").first.get_attribute("href")
                    page.goto(base + story)
                    shoot(page, None, OUT / f"story-{width}.png")
                    shoot(page, "#conflicts", OUT / f"conflicts-{width}.png")
                    shoot(page, "#timeline figure.tl", OUT / f"timeline-{width}.png")
                    shoot(page, "#lineage", OUT / f"lineage-{width}.png")
                    article = page.locator(
                        f"#sources li:has(.source:has-text('{HTML_ARTICLE}')) a"
                    ).first.get_attribute("href")
                    page.goto(base + article + "#explain")
                    shoot(page, "#explain", OUT / f"provenance-{width}.png", 1400)
                    page.close()
                browser.close()
        finally:
            server.should_exit = True
            thread.join(timeout=5)
    for path in sorted(OUT.glob("*.png")):
        print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
