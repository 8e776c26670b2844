"""Temporal benchmark: TIMEX3 extraction F1 (strict, relaxed) and value accuracy on TimeBank.

Each document's DCT is the anchor. Usage:
    python benchmarks/temporal.py [../shared/eval/temporal/TimeBank] [--errors N]
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsweave.extract.anchor import Anchor
from newsweave.extract.timex import tag_times

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "temporal" / "TimeBank"
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold TIMEX3: span in the plain text, type and value."""

    start: int
    end: int
    kind: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class Scores:
    """Benchmark results."""

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    matched: int
    gold: int
    predicted: int
    words: int
    seconds: float


def read_timeml(path: Path) -> tuple[str, date, list[Gold]]:
    """Plain text, DCT and gold TIMEX3 spans of one TimeML document."""
    raw = path.read_text(encoding="utf-8")
    dct = date.fromisoformat(_DCT.search(raw).group(1))  # type: ignore[union-attr]
    body = _TEXT.search(raw).group(1)  # type: ignore[union-attr]
    out: list[str] = []
    length, gold, open_timex = 0, [], None
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[pos : tag.start()])
        out.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(out)[start:length]
            gold.append(Gold(start, length, attrs.get("type", ""), attrs.get("value", ""), text))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), dct, gold


def evaluate(folder: Path, errors: int = 0) -> Scores:
    """Score the tagger on every .tml document in `folder`."""
    tp_strict = tp_relaxed = n_gold = n_pred = right = words = 0
    seconds = 0.0
    wrong: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for path in sorted(folder.glob("*.tml")):
        text, dct, gold = read_timeml(path)
        words += len(text.split())
        started = time.perf_counter()
        predicted = tag_times(text, Anchor.on(dct))
        seconds += time.perf_counter() - started
        n_gold, n_pred = n_gold + len(gold), n_pred + len(predicted)
        used: set[int] = set()
        for g in gold:
            match = next(
                (
                    (i, p)
                    for i, p in enumerate(predicted)
                    if i not in used and p.start < g.end and g.start < p.end
                ),
                None,
            )
            if match is None:
                missed[g.text.lower()] += 1
                continue
            i, p = match
            used.add(i)
            tp_relaxed += 1
            tp_strict += (p.start, p.end) == (g.start, g.end)
            if p.value == g.value:
                right += 1
            else:
                wrong[f"{g.text!r} gold={g.value} got={p.value} dct={dct}"] += 1
        for i, p in enumerate(predicted):
            if i not in used:
                spurious[p.text.lower()] += 1
    if errors:
        for title, counter in (("wrong", wrong), ("missed", missed), ("spurious", spurious)):
            print(f"-- {title}", file=sys.stderr)
            for item, n in counter.most_common(errors):
                print(f"{n:4d} {item}", file=sys.stderr)

    def prf(tp: int) -> tuple[float, float, float]:
        p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
        return p, r, 2 * p * r / max(p + r, 1e-9)

    sp, sr, sf = prf(tp_strict)
    rp, rr, rf = prf(tp_relaxed)
    return Scores(
        sp,
        sr,
        sf,
        rp,
        rr,
        rf,
        right / max(tp_relaxed, 1),
        tp_relaxed,
        n_gold,
        n_pred,
        words,
        seconds,
    )


def main() -> None:
    """Print the scores as a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print the N most common errors")
    args = parser.parse_args()
    s = evaluate(args.folder, args.errors)
    print("| metric | value |\n| --- | --- |")
    for name in ("strict_p", "strict_r", "strict_f1", "relaxed_p", "relaxed_r", "relaxed_f1"):
        print(f"| {name} | {getattr(s, name):.3f} |")
    print(f"| value accuracy (matched) | {s.value_accuracy:.3f} |")
    print(f"| gold / predicted / matched | {s.gold} / {s.predicted} / {s.matched} |")
    print(f"| tagger words/s | {s.words / max(s.seconds, 1e-9):,.0f} |")


if __name__ == "__main__":
    main()
