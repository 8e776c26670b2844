"""A day of news: N synthetic articles through the real CLI, time and memory by corpus size.

    python benchmarks/day_of_news.py                          # 5k, 10k and 20k articles
    nice -n 10 python benchmarks/day_of_news.py --sizes 5000 10000 20000 40000 \\
        --entities lexical --json docs/day_of_news.json --plot docs/day_of_news.svg
    python benchmarks/day_of_news.py --sizes 2000 --command brief

The corpus is `benchmarks/synthetic.py` (seed 0: invented vocabulary, 150-1,500 words, about
10% near-copies of an earlier article of their story, stories of about 20 articles over two
years) dressed as HTML pages of eight invented outlets: gzipped WARC files of 1,000 pages
each for `newsweave run --engine serial` (the default), or one JSON Lines file for
`newsweave brief --format json`. The command runs as a child process with the product's
defaults (entities: auto, spaCy on the default install); one size at a time, smallest first.

For each size the script reports wall time, articles per second, CPU time (user + system of
the child), peak memory (the largest sum of resident memory of the child and its
descendants, sampled every 100 ms from /proc), the load average before and after, and what
came out (stories and copy groups from `report.json`). `--plot` writes an SVG of wall time,
CPU time and memory against the number of articles, each with the straight line through the
origin and the smallest size's point (what linear growth would give), so growth faster than
linear shows as points above the line. `--json` keeps the figures of earlier invocations
(one row per command, entity backend and size), so the plot can hold several series.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path
from typing import Any

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import (
    COPY_LINE,
    OUTLETS,
    SyntheticConfig,
    generate,
    html_page,
    write_warcs,
)
from benchmarks.throughput import PeakMemory

PER_SHARD = 1_000


def write_inputs(n: int, folder: Path, command: str) -> tuple[list[str], int]:
    """The N articles as WARC shards (`run`) or one JSON Lines file (`brief`); the copy count."""
    articles = list(generate(n, SyntheticConfig(seed=0)))
    copies = sum(a.text.endswith(COPY_LINE) for a in articles)
    if command == "run":
        shards = max(1, -(-n // PER_SHARD))
        return [str(p) for p in write_warcs(articles, folder / "warc", shards)], copies
    path = folder / "pages.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i, article in enumerate(articles):
            outlet = OUTLETS[i % len(OUTLETS)]
            host = outlet.lower().replace(" ", "") + ".example"
            record = {
                "url": f"https://{host}/{article.published}/{article.id}",
                "outlet": outlet,
                "html": html_page(article, outlet),
            }
            handle.write(json.dumps(record) + "\n")
    return [str(path)], copies


def run_cli(command: str, inputs: list[str], folder: Path, entities: str) -> dict[str, Any]:
    """Run the CLI on the inputs as a child process: wall, CPU, peak memory of its tree."""
    cli = [sys.executable, "-m", "newsweave.cli", "-q"]
    if command == "run":
        out = folder / "out"
        args = [*cli, "run", *inputs, "--out", str(out), "--engine", "serial"]
    else:
        out = folder / "brief.json"
        args = [*cli, "brief", *inputs, "--format", "json", "-o", str(out)]
    args += ["--entities", entities]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()
    start = time.perf_counter()
    child = subprocess.Popen(args)
    with PeakMemory(every=0.1, root=child.pid) as memory:
        code = child.wait()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        raise SystemExit(f"newsweave {command} failed (exit {code}): {' '.join(args)}")
    result: dict[str, Any] = {
        "seconds": round(wall, 1),
        "cpu_seconds": round(
            (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 1
        ),
        "peak_mib": round(memory.mib),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }
    if command == "run":
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        result["articles"] = report.get("articles")
        result["stories"] = report.get("stories")
        result["copy_groups"] = report.get("copy_groups")
        result["steps_s"] = report.get("seconds")
        result["stage_cpu_s"] = report.get("stage_seconds")
    else:
        brief = json.loads(out.read_text(encoding="utf-8"))
        result["articles"] = len(brief.get("articles", []))
        result["stories"] = len(brief.get("stories", []))
    return result


def measure(n: int, command: str, entities: str) -> dict[str, Any]:
    """One size: write the inputs, run the CLI, clean up."""
    folder = Path(tempfile.mkdtemp(prefix=f"newsweave-day-{n}-"))
    try:
        inputs, copies = write_inputs(n, folder, command)
        row = {
            "size": n,
            "command": command,
            "entities": entities,
            "copies": copies,
            **run_cli(command, inputs, folder, entities),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    row["articles_per_s"] = round(n / row["seconds"], 1)
    return row


COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")


def svg_plot(rows: list[dict[str, Any]], title: str) -> str:
    """Wall time, CPU time and peak memory against articles, one line per series (command and
    entity backend), each with its linear reference through its smallest run."""
    width, height, pad = 380, 280, 52
    panels = [
        ("wall time, s", "seconds"),
        ("CPU time (user + system), s", "cpu_seconds"),
        ("peak memory, MiB", "peak_mib"),
    ]
    series: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: r["size"]):
        label = f"{row['command']}, entities {row.get('entities', 'auto')}"
        series.setdefault(label, []).append(row)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{len(panels) * width}" '
        f'height="{height + 40 + 16 * len(series)}" font-family="sans-serif" font-size="11">',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{len(panels) * width / 2:.0f}" y="16" text-anchor="middle" font-size="13">'
        f"{escape(title)}</text>",
    ]
    x_max = max(r["size"] for r in rows) * 1.05
    for p, (label, key) in enumerate(panels):
        left = p * width + pad
        top, bottom, right = 40, height - pad + 40, (p + 1) * width - 16
        y_max = 1.1 * max(
            max(*(r[key] for r in found), found[0][key] / found[0]["size"] * found[-1]["size"])
            for found in series.values()
        )

        def px(x: float, left: int = left, right: int = right) -> float:
            return left + (right - left) * x / x_max

        def py(y: float, top: int = top, bottom: int = bottom, y_max: float = y_max) -> float:
            return bottom - (bottom - top) * y / y_max

        parts.append(
            f'<polyline fill="none" stroke="#333" points="{left},{top} {left},{bottom} '
            f'{right},{bottom}"/>'
        )
        for tick in _ticks(y_max):
            parts.append(
                f'<text x="{left - 4}" y="{py(tick) + 4:.1f}" text-anchor="end">{tick:g}</text>'
                f'<line x1="{left}" x2="{right}" y1="{py(tick):.1f}" y2="{py(tick):.1f}" '
                'stroke="#ddd"/>'
            )
        for x in sorted({r["size"] for r in rows}):
            parts.append(
                f'<text x="{px(x):.1f}" y="{bottom + 14}" text-anchor="middle">{x / 1000:g}k</text>'
            )
        for colour, found in zip(COLOURS, series.values(), strict=False):
            xs, ys = [r["size"] for r in found], [r[key] for r in found]
            slope = ys[0] / xs[0]
            parts.append(
                f'<line x1="{px(0):.1f}" y1="{py(0):.1f}" x2="{px(max(xs)):.1f}" '
                f'y2="{py(slope * max(xs)):.1f}" stroke="{colour}" stroke-opacity="0.5" '
                'stroke-dasharray="4 3"/>'
            )
            points = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in zip(xs, ys, strict=True))
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{points}"/>'
            )
            for x, y in zip(xs, ys, strict=True):
                parts.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
                parts.append(
                    f'<text x="{px(x) - 6:.1f}" y="{py(y) - 7:.1f}" text-anchor="end">{y:g}</text>'
                )
        parts.append(
            f'<text x="{(left + right) / 2:.0f}" y="{top - 6}" text-anchor="middle">'
            f"{escape(label)}</text>"
            f'<text x="{(left + right) / 2:.0f}" y="{bottom + 30}" text-anchor="middle">'
            "articles</text>"
        )
    y = height + 40
    for colour, label in zip(COLOURS, series, strict=False):
        parts.append(
            f'<line x1="{pad}" x2="{pad + 24}" y1="{y - 4}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="2"/><text x="{pad + 30}" y="{y}">newsweave {escape(label)} '
            "(dashed: linear growth from its smallest run)</text>"
        )
        y += 16
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _ticks(top: float) -> list[float]:
    """About five round tick values from 0 to `top`."""
    step = 10 ** len(str(int(top / 5))) / 10 if top >= 5 else 1.0
    for factor in (1, 2, 5, 10):
        if top / (step * factor) <= 6:
            step *= factor
            break
    return [step * k for k in range(int(top / step) + 1)]


def main(argv: list[str] | None = None) -> int:
    """Run the sizes one at a time; print a Markdown table, optionally JSON and the SVG."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[5_000, 10_000, 20_000])
    parser.add_argument("--command", choices=["run", "brief"], default="run")
    parser.add_argument(
        "--entities",
        choices=["auto", "spacy", "lexical", "none"],
        default="auto",
        help="entity backend passed to the CLI (auto: the product's default, spaCy)",
    )
    parser.add_argument(
        "--json", type=Path, help="add the figures to this file (kept across runs, one per size)"
    )
    parser.add_argument("--plot", type=Path, help="write an SVG of every run in --json here")
    args = parser.parse_args(argv)
    rows: list[dict[str, Any]] = []
    if args.json and args.json.exists():
        rows = json.loads(args.json.read_text(encoding="utf-8"))
    for n in sorted(args.sizes):
        row = measure(n, args.command, args.entities)
        same = (n, args.command, args.entities)
        rows = [r for r in rows if (r["size"], r["command"], r.get("entities")) != same]
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    print(
        "| command | entities | articles | copies | stories | wall s | articles/s | CPU s | "
        "peak MiB | load |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in sorted(rows, key=lambda r: (r["command"], r.get("entities", ""), r["size"])):
        print(
            f"| {r['command']} | {r.get('entities', 'auto')} | {r['size']:,} | {r['copies']:,} | "
            f"{r['stories']} | {r['seconds']} | {r['articles_per_s']} | {r['cpu_seconds']} | "
            f"{r['peak_mib']:,} | {r['load_before'][0]}-{r['load_after'][0]} |"
        )
    if args.plot and rows:
        args.plot.write_text(svg_plot(rows, "A day of news: time and memory by corpus size"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
