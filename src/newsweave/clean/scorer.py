"""Body-line probabilities from a two-stage model (logistic, then boosted trees) in JSON.

Stage 1 also sees one learned column: a bag-of-words logit over the first words of each line,
looked up by the word hashes that clean/features.py computes (no Python runs per word).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsweave.errors import StageError

from .features import NAMES, PREFIX_WORDS, HashTable, PageWords, hash_words

MODEL_FILE = "model.json"
_CHUNK = 2048  # lines scored at once by the tree ensemble
STAGE2_EXTRA = [
    "s1",
    "s1_prev",
    "s1_next",
    "s1_win2",
    "s1_win5",
    "s1_max_before",
    "s1_max_after",
    "seg_share",
    "in_best_seg",
]
_LOG_WORDS = NAMES.index("log_words")


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """Read the shipped model weights (cached); raise StageError if they are unusable."""
    try:
        raw = resources.files("newsweave.clean").joinpath(MODEL_FILE).read_text("utf-8")
        model = json.loads(raw)
    except (OSError, ValueError) as exc:
        raise StageError(f"cannot read the cleaner model {MODEL_FILE}: {exc}") from exc
    if model.get("features") != NAMES:
        raise StageError(f"{MODEL_FILE} was trained on other features; retrain it")
    return model


BOW_WORDS = PREFIX_WORDS  # words of each line, from its start, that the bag of words reads


class Bag:
    """Bag-of-words weights keyed by word hash: a line's logit is the intercept plus the sum
    of the weights of its first BOW_WORDS words over the square root of their number."""

    def __init__(self, params: dict[str, Any]) -> None:
        words = params["words"]
        hashes = hash_words(list(words))
        if len(hashes) != len(words):
            raise StageError(f"{MODEL_FILE}: a bag-of-words entry is not a single word; retrain")
        weights: dict[int, float] = {}
        for h, weight in zip(hashes.tolist(), words.values(), strict=True):
            weights[h] = weights.get(h, 0.0) + weight  # two casings of one word add up
        self.table = HashTable(weights, dtype=float)
        self.intercept = float(params["intercept"])

    def column(self, pages: list[PageWords], sizes: list[int]) -> np.ndarray:
        """The bag-of-words logit of every line of some pages (`sizes[i]` lines on page i),
        all pages at once, in page order."""
        if not pages:
            return np.zeros(0)
        offsets = np.cumsum([0, *sizes[:-1]])
        hashes = np.concatenate([w.hashes for w in pages])
        line = np.concatenate([w.line + o for w, o in zip(pages, offsets.tolist(), strict=True)])
        rank = np.concatenate([w.rank for w in pages])
        return self.lines_column(PageWords(hashes, line, np.zeros(0), rank), sum(sizes))

    def lines_column(self, words: PageWords, n: int) -> np.ndarray:
        """The bag-of-words logit of each of `n` lines, given their words."""
        head = words.rank < BOW_WORDS
        line = words.line[head]
        total = np.bincount(line, weights=self.table(words.hashes[head]), minlength=n)[:n]
        count = np.bincount(line, minlength=n)[:n]
        return self.intercept + total / np.sqrt(np.maximum(count, 1))


def _bag(model: dict[str, Any]) -> Bag | None:
    """The model's bag of words, built once and kept in it (None if it has none)."""
    if "bow" not in model:
        return None
    bag = model.get("_bag")
    if bag is None:
        bag = model["_bag"] = Bag(model["bow"])
    return bag


def _window_mean(x: np.ndarray, k: int, ps: np.ndarray, pe: np.ndarray) -> np.ndarray:
    """Mean of x over [i - k, i + k], clipped to the line's page [ps, pe).

    Summed shift by shift rather than from a running sum, so a line's value does not depend
    on the other pages scored with it (not even in the last bit).
    """
    n = len(x)
    idx = np.arange(n)
    total = x.copy()
    for d in range(1, k + 1):
        up = np.concatenate((np.zeros(d), x[:-d])) if d < n else np.zeros(n)
        down = np.concatenate((x[d:], np.zeros(d))) if d < n else np.zeros(n)
        total += np.where(idx - d >= ps, up, 0.0) + np.where(idx + d < pe, down, 0.0)
    return total / (np.minimum(idx + k + 1, pe) - np.maximum(idx - k, ps))


def segments(
    x: np.ndarray, s1: np.ndarray, page: np.ndarray | None = None, gap: int = 2
) -> tuple[np.ndarray, np.ndarray]:
    """Share of its page's body words in each line's run of stage-1 body lines, and whether
    the run is its page's largest.

    A run is stage-1 body lines of one page at most `gap` lines apart; the lines between
    belong to it. `page` numbers each line's page (default: one page).
    """
    n = len(s1)
    page = np.zeros(n, dtype=int) if page is None else page
    pos = np.flatnonzero(s1 > 0)
    if not len(pos):
        return np.zeros(n), np.zeros(n)
    words = np.expm1(x[pos, _LOG_WORDS])
    breaks = (np.diff(pos) > gap + 1) | (np.diff(page[pos]) != 0)
    run = np.cumsum(np.concatenate(([1], breaks)))  # run number, from 1
    totals = np.bincount(run, weights=words)
    run_page = np.zeros(len(totals), dtype=int)
    run_page[run] = page[pos]
    # each line's run: that of the body line at or above it, when the one at or below agrees
    above = np.zeros(n, dtype=int)
    above[pos] = run
    above = np.maximum.accumulate(above)
    below = np.zeros(n, dtype=int)
    below[pos] = run
    below = np.where(below == 0, n + 1, below)[::-1]
    below = np.minimum.accumulate(below)[::-1]
    seg = np.where(above == below, above, 0)
    page_total = np.bincount(run_page[1:], weights=totals[1:], minlength=int(page.max()) + 1)
    total = page_total[page]
    share = np.divide(totals[seg], total, out=np.zeros(n), where=(seg > 0) & (total > 0))
    # each page's largest run (the first one among equals)
    runs = np.arange(1, len(totals))
    order = np.lexsort((runs, -totals[1:], run_page[1:]))
    firsts = order[np.concatenate(([True], np.diff(run_page[1:][order]) != 0))]
    best_run = np.zeros(len(page_total), dtype=int)
    best_run[run_page[1:][firsts]] = runs[firsts]
    best = ((seg > 0) & (seg == best_run[page])).astype(float)
    return share, best


def stage2_matrix(x: np.ndarray, s1: np.ndarray, bounds: np.ndarray | None = None) -> np.ndarray:
    """Stage-1 features plus the stage-1 logits of each line's neighbourhood.

    `bounds` splits the rows into pages (page p is rows bounds[p]:bounds[p + 1]); by
    default all rows are one page.
    """
    return np.hstack([x, _stage2_extra(x, s1, bounds)])


def _stage2_extra(x: np.ndarray, s1: np.ndarray, bounds: np.ndarray | None) -> np.ndarray:
    """The columns stage 2 adds to the stage-1 features (STAGE2_EXTRA), one row per line."""
    n = len(s1)
    bounds = np.asarray([0, n]) if bounds is None else np.asarray(bounds)
    sizes = np.diff(bounds)
    page = np.repeat(np.arange(len(sizes)), sizes)
    ps, pe = bounds[:-1][page], bounds[1:][page]
    idx = np.arange(n)
    s1 = np.clip(s1, -8.0, 8.0)
    share, best = segments(x, s1, page)
    prev = np.where(idx == ps, -8.0, np.roll(s1, 1))
    nxt = np.where(idx == pe - 1, -8.0, np.roll(s1, -1))
    before = np.empty(n)  # the highest logit above the line on its page, and below it
    after = np.empty(n)
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        if b > a:
            np.maximum.accumulate(prev[a:b], out=before[a:b])
            after[a:b] = np.maximum.accumulate(nxt[a:b][::-1])[::-1]
    return np.stack(
        [
            s1,
            prev,
            nxt,
            _window_mean(s1, 2, ps, pe),
            _window_mean(s1, 5, ps, pe),
            before,
            after,
            share,
            best,
        ],
        axis=1,
    )


def _linear(params: dict[str, Any], x: np.ndarray) -> np.ndarray:
    mean = np.asarray(params["mean"])
    scale = np.asarray(params["scale"])
    coef = np.asarray(params["coef"])
    # row by row (not a matrix product), so a line's score does not depend on the batch
    return (((x - mean) / scale) * coef).sum(axis=1) + params["intercept"]


def _tree_arrays(params: dict[str, Any]) -> tuple[np.ndarray, ...]:
    """The ensemble as complete binary trees of its depth, built once per model and kept in it.

    Node k of level d of tree t sits at t * (2**depth - 1) + 2**d - 1 + k, so a line's next
    node is arithmetic (k * 2 + went right), not a lookup. A leaf above the last level is
    stretched down to it: its copies split on nothing (threshold +inf: always left).
    """
    arrays = params.get("_arrays")
    if arrays is not None:
        return arrays
    depth = params["depth"]
    inner, leaves = (1 << depth) - 1, 1 << depth
    trees = len(params["feature"])
    # native-size ints: numpy would copy any other index array to them on every lookup
    feature = np.zeros((trees, inner), dtype=np.intp)
    threshold = np.full((trees, inner), np.inf)
    value = np.zeros((trees, leaves))
    for t in range(trees):
        feat, thr = params["feature"][t], params["threshold"][t]
        left, right, val = params["left"][t], params["right"][t], params["value"][t]
        todo = [(0, 0, 0)]  # (node, level, position in the level)
        while todo:
            node, level, k = todo.pop()
            if level == depth:
                value[t, k] = val[node]
                continue
            slot = (1 << level) - 1 + k
            if left[node] == node:  # a leaf: both children are itself
                todo += [(node, level + 1, 2 * k), (node, level + 1, 2 * k + 1)]
            else:
                feature[t, slot], threshold[t, slot] = feat[node], thr[node]
                todo += [(left[node], level + 1, 2 * k), (right[node], level + 1, 2 * k + 1)]
    arrays = (
        feature.ravel(),
        threshold.ravel(),
        value.ravel(),
        np.arange(trees, dtype=np.intp)[None, :] * inner,
        np.arange(trees, dtype=np.intp)[None, :] * leaves,
    )
    params["_arrays"] = arrays
    return arrays


def _trees(params: dict[str, Any], x: np.ndarray) -> np.ndarray:
    """Sum of a gradient-boosted tree ensemble's leaf values, all lines and trees at once:
    `depth` steps, each one lookup of every (line, tree)'s feature, value and threshold."""
    if len(x) > _CHUNK:  # long pages in slices: the (lines, trees) index arrays stay small
        return np.concatenate([_trees(params, x[i : i + _CHUNK]) for i in range(0, len(x), _CHUNK)])
    feature, threshold, value, tree_inner, tree_leaves = _tree_arrays(params)
    rows = (np.arange(len(x), dtype=np.intp) * x.shape[1])[:, None]
    flat_x = np.ascontiguousarray(x).ravel()
    k = np.zeros((len(x), tree_inner.shape[1]), dtype=np.intp)  # position in the level
    for level in range(params["depth"]):
        slot = k + (tree_inner + ((1 << level) - 1))
        cell = np.take(feature, slot)
        cell += rows
        k *= 2
        k += np.take(flat_x, cell) > np.take(threshold, slot)
    k += tree_leaves
    return np.take(value, k).sum(axis=1) + params["base"]


def _stage(params: dict[str, Any], x: np.ndarray) -> np.ndarray:
    return _trees(params, x) if params.get("kind") == "trees" else _linear(params, x)


def logits(
    rows: list[list[float]] | np.ndarray,
    words: PageWords | None = None,
    model: dict[str, Any] | None = None,
) -> np.ndarray:
    """Stage-2 logit per line (positive = body); without `words` the bag of words sees none."""
    if not len(rows):
        return np.zeros(0)
    x = np.asarray(rows, dtype=float).reshape(len(rows), len(NAMES))
    return logits_many([x], None if words is None else [words], model)[0]


def logits_many(
    xs: list[np.ndarray],
    words: list[PageWords] | None = None,
    model: dict[str, Any] | None = None,
) -> list[np.ndarray]:
    """Stage-2 logits for the lines of several pages (one feature matrix and its words each).

    Both stages run once over all pages' lines; only the neighbourhood features of stage 2
    are built page by page.
    """
    model = model or load_model()
    sizes = [len(x) for x in xs]
    bounds = np.cumsum([0, *sizes])
    if not sum(sizes):
        return [np.zeros(0) for _ in xs]
    x = np.vstack([x for x in xs if len(x)])
    bag, col = _bag(model), None
    if bag is not None:
        empty = np.zeros(0, dtype=np.int64)
        none = PageWords(empty.astype(np.uint64), empty, empty, empty)
        col = bag.column(words or [none] * len(xs), sizes)
    out = _logits(x, col, bounds, model)
    return [out[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def logits_batch(
    x: np.ndarray, words: PageWords, bounds: np.ndarray, model: dict[str, Any] | None = None
) -> np.ndarray:
    """Stage-2 logits of the lines of a parsed batch (features.Batch's rows, words, bounds)."""
    model = model or load_model()
    if not len(x):
        return np.zeros(0)
    bag = _bag(model)
    return _logits(x, None if bag is None else bag.lines_column(words, len(x)), bounds, model)


def _logits(
    x: np.ndarray, bag: np.ndarray | None, bounds: np.ndarray, model: dict[str, Any]
) -> np.ndarray:
    if bag is not None:
        x = np.hstack([x, bag[:, None]])
    s1 = _stage(model["stage1"], x)
    extra = _stage2_extra(x, s1, bounds)
    gate = model.get("gate")
    if gate is None:
        return _stage(model["stage2"], np.hstack([x, extra]))
    # stage 2 only rescores lines stage 1 is not sure are boilerplate (a quarter)
    out = s1.copy()
    sel = s1 >= gate
    if sel.any():
        out[sel] = _stage(model["stage2"], np.hstack([x[sel], extra[sel]]))
    return out


def rule_logits(rows: list[list[float]] | np.ndarray) -> np.ndarray:
    """A model-free fallback: long, sentence-like lines inside the main prose run."""
    i = {name: k for k, name in enumerate(NAMES)}
    out = []
    for r in rows:
        score = (r[i["log_words"]] - 2.6) * 2.0 + 2.0 * r[i["in_main"]] - 1.5 * r[i["dist_main"]]
        score += r[i["end_punct"]] - 2.0 * r[i["boiler"]] - 1.5 * r[i["linky"]]
        score -= 1.5 * r[i["bullet"]] + 2.0 * r[i["dup_page"]]
        out.append(score)
    return np.asarray(out, dtype=float)
