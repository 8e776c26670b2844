"""Stories benchmark through the product path: `newsweave brief`, scored by `newsweave eval`.

    python benchmarks/stories.py                    # every part of ../shared/eval/stories
    python benchmarks/stories.py --parts part1      # only the development part
    python benchmarks/stories.py --json OUT.json    # also every figure (and verdict) as JSON

For each part: `newsweave -q brief PART/pages.jsonl --format json -o BRIEF` and then
`newsweave eval BRIEF --gold PART/gold.json --pages PART/pages --json SCORES`, each in a fresh
process with the defaults. The table labels each part with its role in the tuning protocol
(docs/benchmarks.md, "Protocol"): part1 is the development part (rules and thresholds may be
tuned on it, so its figures are in-sample); part2 and part3 are held out (only run to report).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "stories"

# the tuning protocol, fixed here: which part may be looked at and tuned on
ROLES = {"part1": "dev", "part2": "held-out", "part3": "held-out"}


def newsweave(*args: str) -> float:
    """Run `newsweave ARGS` from this checkout in a fresh process; its wall seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from newsweave.cli import main; main()", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"newsweave {args[0]} failed: {done.stderr.strip()}")
    return time.perf_counter() - began


def run_part(part: Path, work: Path) -> dict[str, Any]:
    """Brief one part and score it; the scores with the brief's wall seconds."""
    brief, scores = work / f"{part.name}.brief.json", work / f"{part.name}.scores.json"
    seconds = newsweave(
        "-q", "brief", str(part / "pages.jsonl"), "--format", "json", "-o", str(brief)
    )
    newsweave("eval", str(brief), "--gold", str(part / "gold.json"), "--pages", str(part / "pages"),
              "--json", str(scores))  # fmt: skip
    result: dict[str, Any] = json.loads(scores.read_text(encoding="utf-8"))
    result["brief_seconds"] = seconds
    return result


def headline(res: dict[str, Any]) -> dict[str, Any]:
    """The figures of one part that the table shows."""
    s, e = res["clusters"]["stories_vs_story"], res["clusters"]["events_vs_event"]
    det = res["dates"]["rows"].get("determinable", {})
    q, c, ln, t, sm = (res[k] for k in ("quotes", "conflicts", "lineage", "timeline", "summary"))
    return {
        "stories_f1": s["pairwise_f1"],
        "stories_b3": s["b3_f1"],
        "events_f1": e["pairwise_f1"],
        "events_b3": e["b3_f1"],
        "dates": f"{det.get('right', 0)} right, {det.get('wrong', 0)} wrong / {det.get('pages', 0)}",
        "quotes": f"{q['right']} right, {q['wrong']} wrong / {q['pairs_total']}",
        "conflicts": f"{c['real_found']}/{c['real_total']} (reported {c['reported']}, true {c['true']})",
        "lineage": f"{ln['found']}/{ln['gold_pairs']} (false {ln['false']})",
        "timeline": f"{t['found']}/{t['gold_entries']} (after last page {t['future']}/{t['entries']})",
        "summary": f"{sm['supported']}/{sm['sentences']} supported",
        "brief_seconds": res["brief_seconds"],
    }


def main() -> int:
    """Run every part and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--parts", nargs="+", default=list(ROLES))
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args()
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="nw-stories-") as tmp:
        for name in args.parts:
            part = args.data / name
            if not (part / "gold.json").exists():
                print(f"no stories part at {part}", file=sys.stderr)
                return 2
            print(f"{name}: brief and eval", file=sys.stderr, flush=True)
            results[name] = run_part(part, Path(tmp))
    rows = {name: headline(res) for name, res in results.items()}
    print("| part | role | stories F1 / B3 | events F1 / B3 | dates of determinable pages | "
          "quotes (gold pairs) | real conflicts found | copy pairs found | timeline entries found | "
          "summary | brief s |")  # fmt: skip
    print("| --- " * 11 + "|")
    for name, r in rows.items():
        print(
            f"| {name} | {ROLES.get(name, '?')} | {r['stories_f1']:.3f} / {r['stories_b3']:.3f} | "
            f"{r['events_f1']:.3f} / {r['events_b3']:.3f} | {r['dates']} | {r['quotes']} | "
            f"{r['conflicts']} | {r['lineage']} | {r['timeline']} | {r['summary']} | "
            f"{r['brief_seconds']:.0f} |"
        )
    held = [rows[n] for n in rows if ROLES.get(n) == "held-out"]
    if held:
        mean = sum(r["stories_f1"] for r in held) / len(held)
        print(f"\nheld-out mean stories pairwise F1: {mean:.3f} over {len(held)} parts")
    for name, res in results.items():
        print(f"\n{name} ({ROLES.get(name, '?')}): {res['summary_line']}")
    if args.json:
        record = {
            "roles": ROLES,
            "parts": {n: {"role": ROLES.get(n), **r} for n, r in results.items()},
        }
        args.json.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
