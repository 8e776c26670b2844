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
- "other": a discrepancy in the conflict stories' brief that holds no invented conflict's two
  values (a false conflict).

Parts: "round 4" (the stories above, no "part" field), "round 5" (26 conflicts and 7 traps
written for round 5 and scored before its rules changed: synonyms of the counted thing,
phrases, ranges, other languages, corrections), "round 5 check" (15 conflicts and 5 traps
written after round 5's first fixes and scored once before the next ones), "round 5 final" (12
conflicts and 4 traps written at the end of round 5, scored once), "round 6" (15 conflicts and 6 traps
with wordings varied across outlets and languages, scored once on main before round 6's
match by meaning), "round 6 final" (7 conflicts and 3 traps written after that match, scored
once). Each part is briefed on its own.

The set was written while the figure and frame rules were developed on it (in sample): it
shows which wordings the rules read, and it guards against regressions; it is no held-out
figure (those are `benchmarks/stories.py` on parts 2 and 3).

usage: python benchmarks/invented_conflicts.py [--part PART] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from newsweave.text import NUMBER_WORDS

DATA = Path(__file__).resolve().parent / "data" / "invented_conflicts.json"
# the probe's parts: the stories of round 4 (no "part" field) and the unseen ones of round 5
PARTS = ("round 4", "round 5", "round 5 check", "round 5 final", "round 6", "round 6 final")


def pages(stories: list[dict], month: int) -> list[dict]:
    """One JSON page per outlet and story: lead and figure in one paragraph, then a closing one.

    Story n is told from day 10 + n of `month` on (month 13 is January of the next year; a real
    date: past the month's end it runs into the next), each outlet `days` later than that.
    """
    out = []
    for number, story in enumerate(stories):
        for outlet, (lead, figure, closing) in enumerate(story["pages"]):
            offset = number + story.get("days", [0, 0, 0])[outlet]
            day = date(2025 + (month - 1) // 12, (month - 1) % 12 + 1, 10) + timedelta(days=offset)
            out.append(
                {
                    "url": f"https://outlet{outlet}.example/{day:%Y/%m/%d}/"
                    f"{story['topic']}-{number}",
                    "outlet": f"outlet{outlet}.example",
                    "title": f"{story['place']}: {story['topic']} report {outlet + 1}".title(),
                    "published": day.isoformat(),
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
    """A reported value: "2,100", a range's low end ("200–250"), or a duration's wording
    ("nine hours", "6 hours")."""
    first = text.replace(",", "").split()[0].lower().split("–")[0]
    return float(NUMBER_WORDS.get(first.split("-")[0], first))


def _story_of(result: dict, place: str) -> dict | None:
    """The brief's story whose articles tell of `place` (the invented place names are unique)."""
    texts = {a["id"]: a["text"] for a in result["articles"]}
    for story in result["stories"]:
        if any(place in texts.get(i, "") for i in story["articles"]):
            return story
    return None


def _reported(result: dict, place: str) -> list[list[float]]:
    """The values of each discrepancy the brief reports in the story of `place`."""
    found = _story_of(result, place)
    return [
        sorted(_number(v["value"]) for v in d["values"])
        for d in (found or {}).get("discrepancies", [])
    ]


def probe(data: dict, part: str, folder: Path) -> list[dict]:
    """One part's conflict and trap stories, briefed on their own; a row per story."""
    conflicts = [s for s in data["conflicts"] if s.get("part", PARTS[0]) == part]
    traps = [s for s in data["traps"] if s.get("part", PARTS[0]) == part]
    month = 3 + 2 * PARTS.index(part)
    name = part.replace(" ", "")
    told = brief(pages(conflicts, month), folder, f"conflicts-{name}")
    trapped = brief(pages(traps, month + 1), folder, f"traps-{name}")
    rows = []
    # every discrepancy of the conflict brief that holds no invented conflict's two values
    for found in told["stories"]:
        for d in found.get("discrepancies", []):
            values = {_number(v["value"]) for v in d["values"]}
            if not any(set(story["values"]) <= values for story in conflicts):
                rows.append({"part": part, "kind": "other", "topic": d["about"], "hit": False,
                             "reported": [sorted(values)]})  # fmt: skip
    for story in conflicts:
        reported = _reported(told, story["place"])
        hit = any(set(story["values"]) <= set(values) for values in reported)
        rows.append({"part": part, "kind": "conflict", "topic": story["topic"], "hit": hit,
                     "reported": reported})  # fmt: skip
    for story in traps:
        reported = _reported(trapped, story["place"])
        rows.append({"part": part, "kind": "trap", "topic": story["topic"], "hit": not reported,
                     "reported": reported})  # fmt: skip
    return rows


def main() -> None:
    """Brief each part's conflict and trap stories, print what was found, optionally as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write the per-story results here")
    parser.add_argument("--part", choices=PARTS, action="append", help="only this part")
    args = parser.parse_args()
    data = json.loads(DATA.read_text())
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for part in args.part or PARTS:
            rows += probe(data, part, Path(tmp))
    for row in rows:
        mark = "ok " if row["hit"] else "-- "
        print(f"{mark}{row['part']:8} {row['kind']:8} {row['topic']:12} reported {row['reported']}")
    for part in args.part or PARTS:
        mine = [r for r in rows if r["part"] == part]
        hits = sum(r["hit"] for r in mine if r["kind"] == "conflict")
        clean = sum(r["hit"] for r in mine if r["kind"] == "trap")
        n_conf = sum(r["kind"] == "conflict" for r in mine)
        n_trap = sum(r["kind"] == "trap" for r in mine)
        other = sum(r["kind"] == "other" for r in mine)
        print(
            f"{part}: conflicts found {hits}/{n_conf}; trap stories with no conflict "
            f"{clean}/{n_trap}; other discrepancies in the conflict stories {other}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
