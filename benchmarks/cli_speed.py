"""Speed of the product path's cleaning, `newsweave clean`, next to trafilatura in the same run.

    python benchmarks/cli_speed.py                       # ../shared/eval/extraction, 3 rounds
    python benchmarks/cli_speed.py --data ../shared/eval/extraction-more/dragnet --rounds 5
    python benchmarks/cli_speed.py --json                # the figures as JSON

newsweave: the command `newsweave -q clean FULLTEXT... --format jsonl` (the flattened pages,
`fulltext/<id>.txt`, one file each) in a fresh process, output thrown away: process start,
imports, reading, cleaning (batched), language detection and JSON output, all counted. Its CPU
time (user + system) comes from `os.wait4`. `newsweave --version` in a fresh process gives the
fixed start cost, reported beside it.

newsweave's modules are byte-compiled first (`compileall`), as `pip install` leaves them: a
checkout run with PYTHONDONTWRITEBYTECODE set (as on the shared machine) would otherwise
compile every module again in each process (about 0.06 s), a cost no installed copy pays.

trafilatura: `trafilatura.extract(html, include_comments=False)` on the same pages' HTML
(`html/<id>.html.gz`, decompressed before the clock starts), in this process after one warm-up
page: the library alone, without its import or a process start, which flatters the peer.

Rounds alternate the two; each figure is the median over rounds. Pages/s are over CPU time (one
core each) because the machine is shared and its wall clock drifts; wall figures are printed too,
and the one-minute load average at the start and the end (`load` in the JSON).
"""

from __future__ import annotations

import argparse
import compileall
import gzip
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "extraction"


def page_ids(data: Path) -> list[str]:
    """The ids that have both a flattened text and an HTML file."""
    texts = {p.name.removesuffix(".txt") for p in (data / "fulltext").glob("*.txt")}
    html = {p.name.removesuffix(".html.gz") for p in (data / "html").glob("*.html.gz")}
    return sorted(texts & html)


def _child(args: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of `newsweave ARGS` in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = "from newsweave.cli import main; main()"
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    if status != 0:
        err = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"newsweave {' '.join(args[:2])} failed: {err.strip()}")
    return usage.ru_utime + usage.ru_stime, wall


def time_cli(files: list[Path]) -> tuple[float, float]:
    """CPU and wall seconds of `newsweave clean` on `files`."""
    return _child(["-q", "clean", "--format", "jsonl", *map(str, files)])


def time_trafilatura(html: list[str]) -> tuple[float, float]:
    """CPU and wall seconds of trafilatura's extract on every page of `html`."""
    import trafilatura

    trafilatura.extract(html[0], include_comments=False)
    cpu, wall = time.process_time(), time.perf_counter()
    for page in html:
        trafilatura.extract(page, include_comments=False)
    return time.process_time() - cpu, time.perf_counter() - wall


def measure(data: Path, rounds: int, limit: int | None = None) -> dict[str, Any]:
    """Median CPU and wall seconds of each method over `rounds` alternating rounds."""
    ids = page_ids(data)[:limit] if limit else page_ids(data)
    if not ids:
        raise SystemExit(f"no page with both fulltext/ and html/ files in {data}")
    files = [data / "fulltext" / f"{k}.txt" for k in ids]
    html = [
        gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace")
        for k in ids
    ]
    compileall.compile_dir(ROOT / "src" / "newsweave", quiet=1)  # as an installed copy is
    load_before = os.getloadavg()[0]  # the shared machine's load, reported with the figures
    runs: dict[str, list[tuple[float, float]]] = {"cli": [], "start": [], "trafilatura": []}
    for n in range(rounds):
        print(f"round {n + 1}/{rounds}", file=sys.stderr, flush=True)
        runs["cli"].append(time_cli(files))
        runs["start"].append(_child(["--version"]))
        runs["trafilatura"].append(time_trafilatura(html))
    med = {
        name: (statistics.median(c for c, _ in r), statistics.median(w for _, w in r))
        for name, r in runs.items()
    }
    pages = len(ids)
    cli_rate, peer_rate = pages / med["cli"][0], pages / med["trafilatura"][0]
    return {
        "data": str(data),
        "pages": pages,
        "rounds": rounds,
        "newsweave_clean_cpu_s": med["cli"][0],
        "newsweave_clean_wall_s": med["cli"][1],
        "newsweave_start_cpu_s": med["start"][0],
        "trafilatura_cpu_s": med["trafilatura"][0],
        "trafilatura_wall_s": med["trafilatura"][1],
        "newsweave_pages_per_cpu_s": cli_rate,
        "trafilatura_pages_per_cpu_s": peer_rate,
        "ratio": cli_rate / peer_rate,
        "ratio_wall": med["trafilatura"][1] / med["cli"][1],
        "load": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "runs": runs,
    }


def main() -> None:
    """Measure and print a Markdown table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="a folder with fulltext/ and html/"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    r = measure(args.data, args.rounds, args.limit)
    if args.json:
        print(json.dumps(r, indent=1))
        return
    before, after = r["load"]
    print(
        f"{r['pages']} pages of {args.data}, median of {r['rounds']} rounds "
        f"(load average {before:.1f} -> {after:.1f})\n"
    )
    print("| method | input | CPU s | pages/s (CPU) | wall s | × trafilatura (CPU) |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(
        f"| `newsweave clean` (fresh process, all counted) | flattened text | "
        f"{r['newsweave_clean_cpu_s']:.2f} | {r['newsweave_pages_per_cpu_s']:.0f} | "
        f"{r['newsweave_clean_wall_s']:.2f} | **{r['ratio']:.1f}** |"
    )
    print(
        f"| trafilatura `extract` (in process, after warm-up) | HTML | "
        f"{r['trafilatura_cpu_s']:.2f} | {r['trafilatura_pages_per_cpu_s']:.0f} | "
        f"{r['trafilatura_wall_s']:.2f} | 1.0 |"
    )
    print(
        f"\nfixed start of a newsweave process (`newsweave --version`): {r['newsweave_start_cpu_s']:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
