"""Run every atheris target in fuzz/ for a fixed number of inputs and report the results.

    pip install -e '.[fuzz]'
    python benchmarks/fuzz_runs.py                      # every target, 100,000 inputs each
    python benchmarks/fuzz_runs.py --runs 2000 --only fuzz_urls

Each target runs in its own process, one after the other, with a fresh working corpus in
a temporary folder (seeded from fuzz/seeds/<name>), libFuzzer's `-runs`, a per-input
timeout and an RSS limit. The script prints one Markdown table row per target: inputs
executed, seconds, coverage (edges), peak RSS as libFuzzer reports it, and crashes (a crash
input is kept under --artifacts). The exit status is 1 when any target crashed.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"
_DONE = re.compile(r"Done (\d+) runs in (\d+) second")
_EXECUTED = re.compile(r"stat::number_of_executed_units: *(\d+)")
_COV = re.compile(r"cov: (\d+)")
_RSS = re.compile(r"rss: (\d+)Mb")


def targets() -> list[Path]:
    """The fuzz targets shipped in fuzz/."""
    return sorted(FUZZ.glob("fuzz_*.py"))


def run_target(target: Path, runs: int, artifacts: Path, timeout: int, rss_mb: int) -> dict:
    """Run one target for `runs` inputs; return its figures."""
    seeds = FUZZ / "seeds" / target.stem.removeprefix("fuzz_")
    with tempfile.TemporaryDirectory(prefix=f"{target.stem}-") as corpus:
        command = [
            sys.executable,
            str(target),
            f"-runs={runs}",
            f"-timeout={timeout}",
            f"-rss_limit_mb={rss_mb}",
            f"-artifact_prefix={artifacts}/{target.stem}-",
            "-print_final_stats=1",
            corpus,
        ]
        if seeds.is_dir():
            command.append(str(seeds))
        started = time.monotonic()
        done = subprocess.run(command, capture_output=True, text=True, errors="replace")
        seconds = time.monotonic() - started
    log = done.stdout + done.stderr
    finished = _DONE.findall(log)
    interrupted = "run interrupted" in log  # stopped with SIGINT: final stats, not a crash
    crashed = (done.returncode != 0 and not interrupted) or "ERROR: libFuzzer" in log
    crashed = crashed or "Uncaught Python exception" in log
    return {
        "target": target.name,
        "runs": int(finished[-1][0]) if finished else _last(_EXECUTED.pattern, log),
        "seconds": seconds,
        "coverage": _last(_COV.pattern, log),
        "rss_mb": _last(_RSS.pattern, log),
        "crashes": 1 if crashed else 0,
        "tail": "\n".join(log.splitlines()[-15:]) if crashed else "",
    }


def _last(pattern: str, text: str) -> int:
    found = re.findall(pattern, text)
    return int(found[-1]) if found else 0


def main() -> None:
    """Parse options, run the targets, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100_000, help="inputs per target")
    parser.add_argument("--only", action="append", help="run just this target (repeatable)")
    parser.add_argument("--timeout", type=int, default=30, help="seconds one input may take")
    parser.add_argument("--rss-mb", type=int, default=4096, help="libFuzzer's RSS limit")
    parser.add_argument("--artifacts", type=Path, default=Path(tempfile.gettempdir()) / "fuzz_art")
    args = parser.parse_args()
    try:
        import atheris  # noqa: F401
    except ImportError:
        sys.exit("atheris is not installed: pip install -e '.[fuzz]'")
    args.artifacts.mkdir(parents=True, exist_ok=True)
    chosen = [t for t in targets() if not args.only or t.stem in args.only or t.name in args.only]
    print("| target | inputs executed | time | coverage (edges) | peak RSS | crashes |")
    print("| --- | --- | --- | --- | --- | --- |")
    crashed = False
    for target in chosen:
        row = run_target(target, args.runs, args.artifacts, args.timeout, args.rss_mb)
        crashed = crashed or bool(row["crashes"])
        print(
            f"| `{row['target']}` | {row['runs']:,} | {row['seconds']:.0f} s | {row['coverage']} "
            f"| {row['rss_mb']} MB | {row['crashes']} |",
            flush=True,
        )
        if row["tail"]:
            print(row["tail"], file=sys.stderr)
    sys.exit(1 if crashed else 0)


if __name__ == "__main__":
    main()
