"""Pathological pages: time and peak memory of `ingest` then `analyze` on one hostile page each.

    python benchmarks/pathological.py                  # all four pages, one fresh process each
    python benchmarks/pathological.py --only one-line  # just one of them
    python benchmarks/pathological.py --profile lines  # cProfile of analyze, top 25 functions
    python benchmarks/pathological.py --hostile        # seconds of each extractor on hostile text

Pages (generated, invented words, fixed seed): 100,000 lines of 8 words; one 10 MB line;
1 MB of one repeated word; 5,000 nested <div>s. `--hostile` times the extractors alone on
100,000-character texts that were quadratic (or worse) before extract/ bounded its windows
(each took from 5 s to 230 s; tests/robustness/test_limits.py runs them for correctness). Each page runs in its own Python process
(`ingest` then `analyze` on a fresh store through the CLI's `main`), so the peak resident
memory reported (from `os.wait4`) is that page's alone.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsweave.extract.dates import time_expressions
from newsweave.extract.entities import find_roles
from newsweave.extract.figures import extract_figures
from newsweave.extract.quotes import extract_quotes
from newsweave.extract.timex import tag_times
from newsweave.text import split_sentences

# name -> (repeated unit, extractor, its extra arguments)
HOSTILE: dict[str, tuple[str, Callable[..., object], tuple[object, ...]]] = {
    "run-on dates": ("the 5th, ", extract_figures, ("a",)),
    "one long word": ("x", find_roles, ()),
    "capitalised word": ("X", find_roles, ()),
    "merged quotes": ('"We are fine {n}", Ana Ruiz said, ', extract_quotes, ("a",)),
    "many quotes": ("\u201ca {n} b\u201d, ", extract_quotes, ("a",)),
    "many sentences": ("Monday. ", time_expressions, ("2024-06-12",)),
    "many weekdays": ("Monday, ", tag_times, (None,)),
    "abbreviations": ("Mr. Bo Li, the mayor of Vell, ", split_sentences, ()),
}


def hostile_text(name: str, size: int = 100_000) -> str:
    """The hostile text `name` of HOSTILE: its unit repeated (numbered) to `size` characters."""
    unit = HOSTILE[name][0]
    return "".join(unit.format(n=n) for n in range(size // len(unit) + 1))[:size]


def time_hostile() -> None:
    """Print the seconds each extractor takes on its hostile text."""
    print("| hostile text (100,000 characters) | seconds |")
    print("| --- | --- |")
    for name, (_, fn, args) in HOSTILE.items():
        text = hostile_text(name)
        began = time.perf_counter()
        fn(text, *args)
        print(f"| {name} | {time.perf_counter() - began:.2f} |", flush=True)


_SYLLABLES = ["ka", "lo", "mer", "tiv", "an", "sol", "pre", "du", "ven", "ri", "gast", "ho"]


def _words(rng: random.Random, n: int) -> list[str]:
    vocab = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(2000)]
    return [rng.choice(vocab) for _ in range(n)]


def many_lines() -> tuple[str, str]:
    """100,000 lines of 8 words each, the last one ending with a full stop."""
    rng = random.Random(9)
    words = _words(rng, 800_000)
    lines = (" ".join(words[i : i + 8]).capitalize() + "." for i in range(0, len(words), 8))
    return "lines.txt", "\n".join(lines) + "\n"


def one_line() -> tuple[str, str]:
    """One line of 10 MB: words and a full stop every 12 words, no newline."""
    words = _words(random.Random(10), 1_800_000)
    sentences = (" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12))
    text = " ".join(sentences)
    assert len(text) >= 10_000_000, len(text)
    return "one-line.txt", text[:10_000_000]


def repeated_word() -> tuple[str, str]:
    """1 MB of one word repeated, separated by spaces."""
    return "repeated.txt", ("harbour " * (1_000_000 // 8))


def nested_divs() -> tuple[str, str]:
    """5,000 nested <div>s around one paragraph."""
    body = "<p>The ferry to Lindholm ran late again on Tuesday, the operator said.</p>"
    return "nested.html", f"<html><body>{'<div>' * 5000}{body}{'</div>' * 5000}</body></html>"


PAGES: dict[str, Callable[[], tuple[str, str]]] = {
    "lines": many_lines,
    "one-line": one_line,
    "repeated": repeated_word,
    "nested": nested_divs,
}


def _run_one(name: str, folder: Path) -> None:
    """In this process: write the page, ingest it into a fresh store, analyze, print timings."""
    from newsweave.cli import main

    filename, content = PAGES[name]()
    page = folder / filename
    page.write_text(content, encoding="utf-8")
    db = folder / f"{name}.db"
    timings = []
    for args in (["-q", "ingest", "--db", str(db), str(page)], ["-q", "analyze", "--db", str(db)]):
        start = time.perf_counter()
        main(args)
        timings.append(time.perf_counter() - start)
    import sqlite3

    with sqlite3.connect(db) as con:
        articles = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        dropped = [r[0] for r in con.execute("SELECT reason FROM dropped")]
    print(f"{len(content)}\t{timings[0]:.2f}\t{timings[1]:.2f}\t{articles}\t{'; '.join(dropped)}")


def measure(name: str) -> dict[str, object]:
    """Run one page in a fresh process; its sizes, times, outcome and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        process = subprocess.Popen(
            [sys.executable, __file__, "--child", name, tmp],
            stdout=subprocess.PIPE,
            text=True,
        )
        start = time.perf_counter()
        assert process.stdout is not None
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        return {"page": name, "error": f"exit {process.returncode}"}
    size, ingest_s, analyze_s, articles, dropped = out.strip().split("\n")[-1].split("\t")
    return {
        "page": name,
        "bytes": int(size),
        "ingest_s": float(ingest_s),
        "analyze_s": float(analyze_s),
        "wall_s": round(wall, 2),
        "peak_mb": round(usage.ru_maxrss / 1024),  # Linux reports KiB
        "articles": int(articles),
        "dropped": dropped,
    }


def profile(name: str) -> None:
    """cProfile `analyze` on one page; print the 25 functions with the most cumulative time."""
    from newsweave.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        filename, content = PAGES[name]()
        page = Path(tmp) / filename
        page.write_text(content, encoding="utf-8")
        db = str(Path(tmp) / "p.db")
        main(["-q", "ingest", "--db", db, str(page)])
        profiler = cProfile.Profile()
        profiler.enable()
        main(["-q", "analyze", "--db", db])
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(15)


def main() -> None:
    """Measure every page (or the ones asked for) and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(PAGES), action="append")
    parser.add_argument("--profile", choices=sorted(PAGES))
    parser.add_argument("--hostile", action="store_true", help="time the extractors alone")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.hostile:
        time_hostile()
        return
    if args.child:
        _run_one(args.child[0], Path(args.child[1]))
        return
    if args.profile:
        profile(args.profile)
        return
    print("| page | size | ingest | analyze | peak memory | outcome |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in args.only or list(PAGES):
        r = measure(name)
        if "error" in r:
            print(f"| {name} | | | | | {r['error']} |")
            continue
        outcome = f"{r['articles']} article(s)" + (
            f"; dropped: {r['dropped']}" if r["dropped"] else ""
        )
        print(
            f"| {name} | {int(r['bytes']) / 1e6:.1f} MB | {r['ingest_s']:.1f} s | "
            f"{r['analyze_s']:.1f} s | {r['peak_mb']} MB | {outcome} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
