"""Acceptance: the five real seed pages, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run

from newsweave.render import validate_brief
from newsweave.store import open_store


def test_seeds_brief_json_follows_the_schema(seeds: Path) -> None:
    code, out, _ = run("-q", "brief", str(seeds), "--format", "json")
    assert code == 0
    data = json.loads(out)
    validate_brief(data)
    assert len(data["articles"]) == 5
    assert {Path(a["source"]).name[:3] for a in data["articles"]} == {
        "000",
        "001",
        "002",
        "003",
        "004",
    }
    for story in data["stories"]:
        assert all(s["sources"] for s in story["summary"])


def test_seeds_brief_markdown_and_html_are_readable(seeds: Path, tmp_path: Path) -> None:
    for fmt in ("md", "html"):
        out = tmp_path / f"brief.{fmt}"
        code, _, _ = run("-q", "brief", str(seeds), "-o", str(out))
        assert code == 0
        text = out.read_text()
        assert "Peskov" in text
        assert "Nagorno-Karabakh" in text
    html = (tmp_path / "brief.html").read_text()
    assert "<script" not in html


def test_seeds_ingested_twice_are_stored_once(seeds: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    run("ingest", "--db", db, str(seeds))
    run("ingest", "--db", db, str(seeds))
    with open_store(db) as store:
        assert store.count("pages") == 5
