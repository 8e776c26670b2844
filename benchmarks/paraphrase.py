"""Paraphrase benchmark: the claim-alignment similarity on MSRP, next to simple baselines.

Every method's threshold is tuned for accuracy on the training file only, then scored on
the test file. IDF weights come from the file being scored (no labels used). Usage:
    python benchmarks/paraphrase.py [../shared/eval/paraphrase]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsweave.compare.similarity import Similarity, SimilarityConfig, sentence_stems

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "paraphrase"
TRAIN = "msr_paraphrase_train_backup.txt"
TEST = "msr_paraphrase_test.txt"

Pair = tuple[int, str, str]
Scorer = Callable[[str, str], float]


@dataclass(frozen=True, slots=True)
class Result:
    """One method's scores on the test file."""

    method: str
    threshold: float
    accuracy: float
    precision: float
    recall: float
    f1: float
    pairs_per_s: float


def read_pairs(path: Path) -> list[Pair]:
    """(label, sentence 1, sentence 2) rows of an MSRP TSV file."""
    rows = []
    for line in path.read_text(encoding="utf-8-sig").splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 5 and parts[0] in ("0", "1"):
            rows.append((int(parts[0]), parts[3], parts[4]))
    return rows


def jaccard_scorer(_pairs: list[Pair]) -> Scorer:
    """Word-overlap baseline: Jaccard of the content stems."""

    def score(a: str, b: str) -> float:
        sa, sb = set(sentence_stems(a)), set(sentence_stems(b))
        return len(sa & sb) / len(sa | sb) if sa | sb else 0.0

    return score


def tfidf_scorer(pairs: list[Pair]) -> Scorer:
    """TF-IDF cosine baseline over content stems, IDF from the scored file."""
    df: Counter[str] = Counter()
    for _, a, b in pairs:
        df.update(set(sentence_stems(a)))
        df.update(set(sentence_stems(b)))
    n = 2 * len(pairs)

    def vector(text: str) -> dict[str, float]:
        counts = Counter(sentence_stems(text))
        return {w: c * (math.log((n + 1) / (df[w] + 1)) + 1) for w, c in counts.items()}

    def score(a: str, b: str) -> float:
        va, vb = vector(a), vector(b)
        dot = sum(v * vb.get(w, 0.0) for w, v in va.items())
        norm = math.sqrt(sum(v * v for v in va.values()) * sum(v * v for v in vb.values()))
        return dot / norm if norm else 0.0

    return score


def newsweave_scorer(pairs: list[Pair]) -> Scorer:
    """newsweave's claim-alignment similarity, IDF from the scored file."""
    similarity = Similarity((s for _, a, b in pairs for s in (a, b)), SimilarityConfig())
    return similarity.score


def tune(scores: list[float], labels: list[int]) -> float:
    """The threshold with the best training accuracy (ties: the lowest)."""
    order = sorted(zip(scores, labels, strict=True))
    positives = sum(labels)
    best, best_t = positives / len(labels), order[0][0]  # everything predicted positive
    correct = positives
    for i, (score, label) in enumerate(order):
        correct += 1 if label == 0 else -1  # this pair and all below now predicted negative
        nxt = order[i + 1][0] if i + 1 < len(order) else score + 1e-6
        if nxt > score and correct / len(labels) > best:
            best, best_t = correct / len(labels), (score + nxt) / 2
    return best_t


def evaluate(
    method: str, make: Callable[[list[Pair]], Scorer], train: list[Pair], test: list[Pair]
) -> Result:
    """Tune on `train`, score on `test`."""
    on_train = make(train)
    threshold = tune([on_train(a, b) for _, a, b in train], [y for y, _, _ in train])
    on_test = make(test)
    start = time.perf_counter()
    scores = [on_test(a, b) for _, a, b in test]
    seconds = time.perf_counter() - start
    tp = sum(1 for s, (y, _, _) in zip(scores, test, strict=True) if s >= threshold and y)
    fp = sum(1 for s, (y, _, _) in zip(scores, test, strict=True) if s >= threshold and not y)
    fn = sum(1 for s, (y, _, _) in zip(scores, test, strict=True) if s < threshold and y)
    tn = len(test) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return Result(
        method=method,
        threshold=threshold,
        accuracy=(tp + tn) / len(test),
        precision=precision,
        recall=recall,
        f1=2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        pairs_per_s=len(test) / seconds if seconds else float("inf"),
    )


def majority(test: list[Pair]) -> Result:
    """Always 'paraphrase', the majority class."""
    positives = sum(y for y, _, _ in test)
    precision = positives / len(test)
    return Result("majority (always paraphrase)", 0.0, precision, precision, 1.0,
                  2 * precision / (precision + 1), float("nan"))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Print the table of docs/benchmarks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    if not (args.folder / TEST).exists():
        print(f"{args.folder / TEST} is missing", file=sys.stderr)
        return 2
    train, test = read_pairs(args.folder / TRAIN), read_pairs(args.folder / TEST)
    print(f"train {len(train)} pairs, test {len(test)} pairs")
    results = [majority(test)]
    results.append(evaluate("word-overlap Jaccard", jaccard_scorer, train, test))
    results.append(evaluate("TF-IDF cosine", tfidf_scorer, train, test))
    results.append(evaluate("newsweave similarity", newsweave_scorer, train, test))
    reference = results[1].pairs_per_s
    print("| method | threshold (train) | accuracy | P | R | F1 | pairs/s | × Jaccard |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        speed = "–" if math.isnan(r.pairs_per_s) else f"{r.pairs_per_s:,.0f}"
        ratio = "–" if math.isnan(r.pairs_per_s) else f"{r.pairs_per_s / reference:.2f}"
        print(
            f"| {r.method} | {r.threshold:.3f} | {r.accuracy:.3f} | {r.precision:.3f} | "
            f"{r.recall:.3f} | {r.f1:.3f} | {speed} | {ratio} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
