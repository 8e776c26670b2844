"""Fixtures for the web tests: stores built by newsweave's own pipeline (no web library here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.jobs import analyze_store, ingest
from newsweave.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "pages"

#: Each payload sets window.pwned (or opens a dialog) if it ever runs.
PAYLOADS = {
    "script": "<script>window.pwned='script'</script>",
    "img": "<img src=x onerror=\"window.pwned='img'\">",
    "svg": "<svg onload=window.pwned='svg'>",
    "attr": "\"'><img src=x onerror=alert('attr')>",
    "textarea": "</textarea><script>window.pwned='textarea'</script>",
    "title": "</title><script>alert('title')</script>",
    "js_url": "javascript:window.pwned='url'",
}
XSS_BODY = (
    "Engineers at the Harrow Lock said on Monday that the sluice gates failed after "
    "a week of heavy rain {script} and that about 400 homes were flooded in the lower town.\n"
    "“We will have the gates working again by Friday {img},” said Mallory Quill, the lock keeper, "
    "speaking to reporters at the lock on Monday afternoon.\n"
    "Residents said the water rose faster than in any flood since 1998 {textarea} and that "
    "the warning sirens sounded late {attr}. Read the report at {js_url} for details.\n"
    "The council said 600 homes were affected, not 400, and opened two shelters {svg}."
)


def build_store(path: Path, inputs: list[Path]) -> str:
    """Ingest and analyse `inputs` into a new store file at `path`; return its path."""
    with open_store(path) as store:
        ingest(store, [str(p) for p in inputs])
        analyze_store(store)
        assert store.count("stories") > 0
    return str(path)


def write_xss_inputs(folder: Path) -> list[Path]:
    """A .txt page and a .jsonl page whose title, body, outlet and URL carry XSS payloads."""
    folder.mkdir(parents=True, exist_ok=True)
    body = XSS_BODY.format(**PAYLOADS)
    txt = folder / "harrow_lock.txt"
    txt.write_text(
        "Home | News | Sport\n\n"
        f"Harrow Lock gates fail {PAYLOADS['title']} {PAYLOADS['script']}\n\n"
        f"By Ann Writer {PAYLOADS['img']}\n\n"
        f"{body}\n\nShare on Facebook | Share on X\n\nCopyright 2025 {PAYLOADS['svg']}\n",
        encoding="utf-8",
    )
    records = [
        {
            "url": PAYLOADS["js_url"],
            "title": f"Harrow Lock flood {PAYLOADS['script']}{PAYLOADS['textarea']}",
            "published": "2025-03-10",
            "outlet": f"Lock News {PAYLOADS['img']}",
            "text": body.replace("400 homes", "450 homes"),
        },
        {
            "url": "https://lock.example/a\"><script>window.pwned='href'</script>",
            "title": f"Harrow Lock shelters open {PAYLOADS['attr']}",
            "published": "2025-03-11",
            "outlet": f"{PAYLOADS['svg']} Times",
            "text": body,
        },
    ]
    jsonl = folder / "harrow_lock.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return [txt, jsonl]


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store with the bundled example pages, ingested and analysed."""
    return build_store(tmp_path_factory.mktemp("web") / "examples.db", [EXAMPLES])


@pytest.fixture(scope="session")
def xss_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store whose pages carry XSS payloads in title, body, outlet and URL."""
    folder = tmp_path_factory.mktemp("xss")
    return build_store(folder / "xss.db", write_xss_inputs(folder / "pages"))
