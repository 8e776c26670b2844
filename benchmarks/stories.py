"""Events, publication dates and timeline on the real multi-outlet stories, through the CLI.

For each part of `../shared/eval/stories/` (part1 is the development part; part2 and part3
are held out: report them, never tune on them) this runs the product path,
`newsweave -q brief PART/pages.jsonl --format json`, scores the brief with the set's own
`score.py`, and prints the figures of issue #17 beside their targets:

  events B-cubed F1 >= 0.80; dates coverage >= 0.80 of the determinable pages, accuracy
  >= 0.95, abstention >= 0.95 on the others; timeline >= 70% of the gold entries found and
  at most 2 entries after the story's last page.

Usage:
    python benchmarks/stories.py [part1 part2 part3] [--shared ../shared/eval/stories]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "stories"


def score_part(shared: Path, part: str, work: Path) -> dict:
    """Brief one part through the CLI and score it; the scorer's JSON result."""
    brief, scores = work / f"{part}.json", work / f"{part}-score.json"
    subprocess.run(
        ["newsweave", "-q", "brief", str(shared / part / "pages.jsonl"), "--format", "json",
         "-o", str(brief)],
        check=True,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    subprocess.run(
        [sys.executable, str(shared / "score.py"), str(brief), "--gold",
         str(shared / part / "gold.json"), "--pages", str(shared / part / "pages"),
         "--json", str(scores)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return json.loads(scores.read_text("utf-8"))


def figures(res: dict) -> dict[str, float]:
    """The issue's figures from one scored part."""
    det = res["dates"]["rows"].get("determinable", {})
    nondet = res["dates"]["rows"].get("not determinable", {})
    answered = det.get("right", 0) + det.get("wrong", 0)
    timeline = res["timeline"]
    return {
        "events B3 F1": res["clusters"]["events_vs_event"]["b3_f1"],
        "dates coverage": answered / det["pages"] if det.get("pages") else 0.0,
        "dates accuracy": det.get("right", 0) / answered if answered else 0.0,
        "dates abstention": nondet.get("abstained", 0) / nondet["pages"]
        if nondet.get("pages")
        else 1.0,
        "timeline found": timeline["recall"],
        "timeline future": timeline["future"],
        "stories B3 F1": res["clusters"]["stories_vs_story"]["b3_f1"],
    }


TARGETS = {
    "events B3 F1": ">= 0.80",
    "dates coverage": ">= 0.80",
    "dates accuracy": ">= 0.95",
    "dates abstention": ">= 0.95",
    "timeline found": ">= 0.70",
    "timeline future": "<= 2",
    "stories B3 F1": "(issue #21)",
}


def main(argv: list[str] | None = None) -> int:
    """Score the parts and print one column per part."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("parts", nargs="*", default=["part1", "part2", "part3"])
    ap.add_argument("--shared", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    if not (args.shared / "score.py").is_file():
        print(f"no stories set under {args.shared}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        table = {part: figures(score_part(args.shared, part, Path(tmp))) for part in args.parts}
    print(f"{'measure':18s} {'target':>12s} " + " ".join(f"{p:>8s}" for p in args.parts))
    for name, target in TARGETS.items():
        cells = []
        for part in args.parts:
            value = table[part][name]
            cells.append(f"{value:8d}" if isinstance(value, int) else f"{value:8.3f}")
        print(f"{name:18s} {target:>12s} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
