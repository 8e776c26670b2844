"""Short pages through `newsweave clean`: how many of their lines the cleaner loses.

A short news page (a lead paragraph and a closing sentence or two) gives the line model
little context, and rules made for long pages (trim short lines below the body) can cut it.
This probe takes the invented two-paragraph pages of `benchmarks/data/invented_conflicts.json`
(every story of every part; invented places and outlets: see `invented_conflicts.py`), runs
`newsweave -q clean PAGES.jsonl --format jsonl` in a fresh process, and counts the input
lines missing from each cleaned text: lead paragraphs (the first line, the facts) and
closing lines apart. Every line of these pages is article text, so every loss is an error.
In sample: the cleaner's short-page rules were written while reading it.

usage: python benchmarks/short_pages.py [--show]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from invented_conflicts import DATA, pages


def stories(data: object) -> list[dict]:
    """Every story (a dict with "pages") anywhere in the probe's data, in file order."""
    if isinstance(data, dict):
        if "pages" in data:
            return [data]
        return [s for value in data.values() for s in stories(value)]
    if isinstance(data, list):
        return [s for value in data for s in stories(value)]
    return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every lost line")
    args = parser.parse_args()
    records = pages(stories(json.loads(DATA.read_text(encoding="utf-8"))), 3)
    with tempfile.TemporaryDirectory(prefix="nw-short-") as tmp:
        source = Path(tmp) / "pages.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "newsweave.cli",
                "-q",
                "clean",
                str(source),
                "--format",
                "jsonl",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
    cleaned = {}
    for line in done.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            cleaned[row.get("url")] = row.get("text") or ""
    lost = {"lead": 0, "closing": 0}
    total = {"lead": 0, "closing": 0}
    dropped_pages = 0
    for record in records:
        text = cleaned.get(record["url"])
        if text is None:
            dropped_pages += 1
        lines = [line.strip() for line in record["text"].split("\n") if line.strip()]
        for n, line in enumerate(lines):
            kind = "lead" if n == 0 else "closing"
            total[kind] += 1
            if text is None or line not in text:
                lost[kind] += 1
                if args.show:
                    print(f"lost {kind}: {line}")
    print(f"{len(records)} pages, {dropped_pages} dropped whole")
    for kind in ("lead", "closing"):
        print(f"{kind} lines lost: {lost[kind]} / {total[kind]}")


if __name__ == "__main__":
    main()
