"""Clustering quality against gold labels: pairwise and B-cubed precision, recall and F1, ARI."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Scores:
    """Precision, recall and F1 of one metric."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """Pairwise P/R over item pairs: same predicted cluster vs same gold cluster."""
    items = [i for i in gold if i in predicted]
    both = Counter((predicted[i], gold[i]) for i in items)
    pred = Counter(predicted[i] for i in items)
    true = Counter(gold[i] for i in items)
    tp, pp, tt = _pairs(both), _pairs(pred), _pairs(true)
    return Scores(tp / pp if pp else 1.0, tp / tt if tt else 1.0)


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> Scores:
    """B-cubed P/R: per item, the share of its predicted (gold) cluster that is correct."""
    items = [i for i in gold if i in predicted]
    if not items:
        return Scores(0.0, 0.0)
    both = Counter((predicted[i], gold[i]) for i in items)
    pred = Counter(predicted[i] for i in items)
    true = Counter(gold[i] for i in items)
    precision = sum(both[(predicted[i], gold[i])] / pred[predicted[i]] for i in items)
    recall = sum(both[(predicted[i], gold[i])] / true[gold[i]] for i in items)
    return Scores(precision / len(items), recall / len(items))


def adjusted_rand(predicted: Mapping[str, str], gold: Mapping[str, str]) -> float:
    """Adjusted Rand index over the items of `gold` that `predicted` labels (pair counting)."""
    items = [i for i in gold if i in predicted]
    both = Counter((predicted[i], gold[i]) for i in items)
    tp = _pairs(both)
    pp = _pairs(Counter(predicted[i] for i in items))
    tt = _pairs(Counter(gold[i] for i in items))
    total = len(items) * (len(items) - 1) // 2
    expected = pp * tt / total if total else 0.0
    best = (pp + tt) / 2
    if best == expected:
        return 1.0 if tp == expected else 0.0
    return (tp - expected) / (best - expected)


def _pairs(counts: Counter[Any]) -> int:
    """The number of item pairs inside the groups whose sizes `counts` holds."""
    return sum(n * (n - 1) // 2 for n in counts.values())
