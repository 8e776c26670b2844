"""`newsweave eval` gives the figures of ../shared/eval/stories/score.py on every stories part.

The brief of each part is made through the product path (`newsweave brief pages.jsonl --format
json`); score.py runs in its own process. Skips when ../shared is absent, unless
NEWSWEAVE_REQUIRE_SHARED=1 (then it fails).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import require_shared
from tests.helpers import run

from newsweave.evaluate import evaluate_brief, load_gold, render_table

pytestmark = pytest.mark.acceptance

PARTS = ("part1", "part2", "part3")
CLUSTER_KEYS = ("pairwise_p", "pairwise_r", "pairwise_f1", "b3_p", "b3_r", "b3_f1", "ari")
QUOTE_KEYS = ("pairs_total", "extracted", "right", "wrong", "unattributed", "not_extracted")


@pytest.mark.parametrize("part", PARTS)
def test_eval_reproduces_score_py(part: str, tmp_path: Path) -> None:
    folder = require_shared("eval", "stories", part)
    brief_path = tmp_path / "brief.json"
    code, _, err = run("-q", "brief", str(folder / "pages.jsonl"), "--format", "json",
                       "-o", str(brief_path))  # fmt: skip
    assert code == 0, err
    reference = tmp_path / "reference.json"
    printed = subprocess.run(
        [sys.executable, str(folder.parent / "score.py"), str(brief_path),
         "--gold", str(folder / "gold.json"), "--pages", str(folder / "pages"),
         "--json", str(reference)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    want = json.loads(reference.read_text(encoding="utf-8"))
    brief = json.loads(brief_path.read_text(encoding="utf-8"))
    got = evaluate_brief(brief, load_gold(folder / "gold.json"), folder / "pages")
    for key in ("stories_vs_story", "events_vs_event"):
        for metric in CLUSTER_KEYS:
            assert round(got["clusters"][key][metric], 3) == round(
                want["clusters"][key][metric], 3
            ), (key, metric)
    assert got["dates"]["rows"] == want["dates"]["rows"]
    assert {k: got["quotes"][k] for k in QUOTE_KEYS} == {k: want["quotes"][k] for k in QUOTE_KEYS}
    assert got["summary_line"] == want["summary_line"]
    assert render_table(got, str(brief_path)) == printed.rstrip("\n")
