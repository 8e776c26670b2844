"""A big syndicated story: the bundled example's pages, each copied by many invented outlets.

    python benchmarks/copies.py                  # 10 originals x 100 near-copies (1,010 pages)
    python benchmarks/copies.py --copies 20      # a quicker run
    python benchmarks/copies.py --json out.json  # the figures as JSON too

The originals are the ten invented pages of `examples/pages`. Each copy is its original
with small edits of the kind syndication makes: a credit line of its own outlet, on every
third copy the last paragraph cut, on every fifth one "said" turned into "says" once. The
pages go in as JSON Lines, each copy with its own URL and outlet. `newsweave brief
--format json` runs on the originals alone and on the originals with their copies, as a
subprocess (the product path); the benchmark reports wall time and peak memory (the child
process's maximum resident set) of each, and checks that the copies change nothing a
reader counts: the stories, the conflicting values with their independent-source counts,
and each story's independent sources. CPU time (user + system of the child) is given
beside wall time: on a shared machine it is the steadier figure.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsweave.ingest import read_inputs
from newsweave.model import Page

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "pages"


def originals() -> list[Page]:
    """The bundled example's pages."""
    return [p for p in read_inputs([str(EXAMPLES)]) if isinstance(p, Page)]


def near_copy(page: Page, k: int) -> dict[str, str]:
    """Copy `k` of a page as a JSON Lines record: the same text with small edits."""
    field = "html" if page.kind == "html" else "text"
    content = page.content
    credit = f"Republished by the Copy Outlet {k} news desk."
    if field == "html":
        content = re.sub(r"(<body[^>]*>)", rf"\1<p>{credit}</p>", content, count=1)
    else:
        lines = content.split("\n")
        lines.insert(min(2, len(lines)), credit)
        if k % 3 == 0:
            paragraphs = [i for i, line in enumerate(lines) if len(line.split()) > 12]
            if len(paragraphs) > 3:
                del lines[paragraphs[-1]]
        content = "\n".join(lines)
    if k % 5 == 0:
        content = content.replace(" said", " says", 1)
    slug = Path(page.source.split(":")[0]).stem
    return {
        "url": f"https://copy{k}.example/news/{slug}-{k}",
        "outlet": f"Copy Outlet {k}",
        field: content,
    }


def original_record(page: Page) -> dict[str, str]:
    """An original page as a JSON Lines record."""
    field = "html" if page.kind == "html" else "text"
    record = {field: page.content}
    if page.url:
        record["url"] = page.url
    if page.outlet:
        record["outlet"] = page.outlet
    return record


def run_brief(records: list[dict[str, str]], folder: Path, name: str) -> dict[str, Any]:
    """`newsweave brief` on the records; wall time, peak memory and the brief."""
    pages = folder / f"{name}.jsonl"
    pages.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = folder / f"{name}.json"
    command = [sys.executable, "-m", "newsweave.cli", "-q", "brief", str(pages)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*command, "--format", "json", "-o", str(out)], check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"newsweave brief failed on {pages} (exit {done.returncode})")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "pages": len(records),
        "seconds": wall,
        "cpu_seconds": cpu,
        "peak_kb": after.ru_maxrss,  # the largest child so far: the bigger run comes last
        "brief": out,
    }


def findings(brief_path: Path) -> dict[str, Any]:
    """What a reader counts: stories, conflicting values with their sources, independents."""
    from newsweave.dedup.lineage import independent_sources
    from newsweave.model import Story, from_dict

    brief = json.loads(brief_path.read_text(encoding="utf-8"))
    stories = [from_dict(Story, s) for s in brief["stories"]]
    return {
        "stories": len(stories),
        "conflicts": sorted(
            sorted((v.value, v.independent) for v in d.values)
            for s in stories
            for d in s.discrepancies
        ),
        "independent": sorted(len(independent_sources(s.articles, s.lineage)) for s in stories),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=100, help="near-copies per original")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    pages = originals()
    base = [original_record(p) for p in pages]
    copied = base + [near_copy(p, k) for p in pages for k in range(args.copies)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        alone = run_brief(base, folder, "originals")
        both = run_brief(copied, folder, "copies")
        same = findings(alone["brief"]) == findings(both["brief"])
        rows = [("originals alone", alone), (f"with {args.copies} copies each", both)]
        print("| input | pages | wall s | peak memory MB |")
        print("| --- | --- | --- | --- |")
        for label, row in rows:
            print(
                f"| {label} | {row['pages']} | {row['seconds']:.1f} | {row['peak_kb'] / 1024:.0f} |"
            )
        print(f"\nsame stories, conflicts and independent sources: {'yes' if same else 'NO'}")
        if not same:
            print(
                json.dumps(
                    {"originals": findings(alone["brief"]), "copies": findings(both["brief"])}
                )
            )
        if args.json:
            figures = {label: {k: v for k, v in row.items() if k != "brief"} for label, row in rows}
            args.json.write_text(json.dumps({"runs": figures, "same_findings": same}, indent=2))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
