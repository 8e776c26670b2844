"""Conflicting figures told in many ways, on invented stories, through `newsweave brief`.

`benchmarks/data/invented_conflicts.json` holds invented news stories (invented places and
outlets, written for this probe), each told by three outlets on one day:

- 26 *conflict* stories: two values for one quantity in different wordings ("At least 42
  people were killed" / "The death toll stands at 37"; "Fourteen miners are trapped" / "Nine
  miners remain trapped"; "$5 million" / "$2 million" of ransom; a duration, a temperature, a
  share of capacity...). A story counts as found when one discrepancy of the brief holds both
  values.
- 6 *trap* stories: figures that differ and must not be reported as a conflict (soldiers
  killed next to everyone killed, a toll that rises over three days, two companies' shares,
  two towns' evacuations, two outages on two days, two budget lines).

The set was written while the figure and frame rules were developed on it (in sample): it
shows which wordings the rules read, and it guards against regressions; it is no held-out
figure (those are `benchmarks/stories.py` on parts 2 and 3).

usage: python benchmarks/invented_conflicts.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from newsweave.text import NUMBER_WORDS

DATA = Path(__file__).resolve().parent / "data" / "invented_conflicts.json"


def pages(stories: list[dict], month: int) -> list[dict]:
    """One JSON page per outlet and story: lead and figure in one paragraph, then a closing one."""
    out = []
    for number, story in enumerate(stories):
        for outlet, (lead, figure, closing) in enumerate(story["pages"]):
            day = 10 + number + story.get("days", [0, 0, 0])[outlet]
            out.append(
                {
                    "url": f"https://outlet{outlet}.example/2025/{month:02d}/{day:02d}/"
                    f"{story['topic']}-{number}",
                    "outlet": f"outlet{outlet}.example",
                    "title": f"{story['place']}: {story['topic']} report {outlet + 1}".title(),
                    "published": f"2025-{month:02d}-{day:02d}",
                    "text": f"{lead} {figure}\n{closing}\n",
                }
            )
    return out


def brief(records: list[dict], folder: Path, name: str) -> dict:
    """The JSON brief of `records`, made by the CLI in a fresh process with its defaults."""
    source, target = folder / f"{name}.jsonl", folder / f"{name}.json"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    command = [sys.executable, "-m", "newsweave.cli", "-q", "brief", str(source)]
    subprocess.run([*command, "--format", "json", "-o", str(target)], check=True)
    return json.loads(target.read_text())


def _number(text: str) -> float:
    """A reported value: "2,100", or a duration's wording ("nine hours", "6 hours")."""
    first = text.replace(",", "").split()[0].lower()
    return float(NUMBER_WORDS.get(first.split("-")[0], first))


def _story_of(result: dict, place: str) -> dict | None:
    """The brief's story whose articles tell of `place` (the invented place names are unique)."""
    texts = {a["id"]: a["text"] for a in result["articles"]}
    for story in result["stories"]:
        if any(place in texts.get(i, "") for i in story["articles"]):
            return story
    return None


def main() -> None:
    """Brief the conflict and trap stories, print what was found, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write the per-story results here")
    args = parser.parse_args()
    data = json.loads(DATA.read_text())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        conflicts = brief(pages(data["conflicts"], 3), Path(tmp), "conflicts")
        traps = brief(pages(data["traps"], 4), Path(tmp), "traps")
    for story in data["conflicts"]:
        found = _story_of(conflicts, story["place"])
        reported = [
            sorted(_number(v["value"]) for v in d["values"])
            for d in (found or {}).get("discrepancies", [])
        ]
        hit = any(set(story["values"]) <= set(values) for values in reported)
        rows.append({"kind": "conflict", "topic": story["topic"], "hit": hit, "reported": reported})
    for story in data["traps"]:
        found = _story_of(traps, story["place"])
        reported = [
            sorted(_number(v["value"]) for v in d["values"])
            for d in (found or {}).get("discrepancies", [])
        ]
        rows.append(
            {"kind": "trap", "topic": story["topic"], "hit": not reported, "reported": reported}
        )
    for row in rows:
        mark = "ok " if row["hit"] else "-- "
        print(f"{mark}{row['kind']:8} {row['topic']:12} reported {row['reported']}")
    hits = sum(r["hit"] for r in rows if r["kind"] == "conflict")
    clean = sum(r["hit"] for r in rows if r["kind"] == "trap")
    n_conf = sum(r["kind"] == "conflict" for r in rows)
    n_trap = sum(r["kind"] == "trap" for r in rows)
    print(f"conflicts found {hits}/{n_conf}; trap stories with no conflict {clean}/{n_trap}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
