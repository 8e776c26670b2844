"""Acceptance: cross-source comparison and the renderers on the five real seed pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import require_shared
from tests.helpers import run

from newsweave.render import validate_brief


@pytest.fixture(scope="module")
def brief() -> dict:
    seeds = require_shared("seeds")
    code, out, _ = run("-q", "brief", str(seeds), "--format", "json")
    assert code == 0
    data = json.loads(out)
    validate_brief(data)
    return data


def _story(brief: dict) -> dict:
    return max(brief["stories"], key=lambda s: len(s["articles"]))


def test_the_fled_conflict_is_found_with_every_wording(brief: dict) -> None:
    fled = [
        d
        for d in _story(brief)["discrepancies"]
        if {v["value"] for v in d["values"]} >= {"100,000", "50,000"}
    ]
    assert len(fled) == 1
    values = {v["value"]: v for v in fled[0]["values"]}
    assert values["100,000"]["independent"] >= 2
    assert all(w.endswith("100,000") for w in values["100,000"]["wording"].values())
    assert "120,000" not in values  # a population is not a count of people who fled


def test_no_conflict_mixes_different_quantities(brief: dict) -> None:
    for d in _story(brief)["discrepancies"]:
        text = " ".join(s for v in d["values"] for s in v["sentences"].values()).lower()
        assert not ("killed" in text and ("evacuat" in text or "fled" in text or "flee" in text))
        assert not ("home to" in text and "fle" in text)


def test_claims_count_independent_sources(brief: dict) -> None:
    story = _story(brief)
    assert story["claims"]
    for claim in story["claims"]:
        assert set(claim["sources"]) <= set(story["articles"])
        assert 1 <= claim["independent"] <= len(claim["sources"])
        assert claim["kind"] == ("corroborated" if claim["independent"] > 1 else "single-source")
    fled = [c for c in story["claims"] if "100,000" in c["text"]]
    assert any(c["independent"] >= 2 for c in fled)
    assert any(c["kind"] == "single-source" for c in story["claims"])


def test_html_report_shows_the_comparison(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    code, _, _ = run("-q", "brief", str(require_shared("seeds")), "-o", str(out))
    assert code == 0
    page = out.read_text()
    assert "Where sources disagree" in page and "Single-source facts" in page
    assert "<svg" in page and "<script" not in page
