"""Score newsweave's cleaner on the extraction dev sets, next to trafilatura and justext.

    python benchmarks/extraction.py            # Markdown table: F1, P, R, pages/s
    python benchmarks/extraction.py --train    # CV figure, then retrain clean/model.json
    python benchmarks/extraction.py --limit 40 # quicker run on the first 40 pages
    python benchmarks/extraction.py --speed    # only the CPU-time speed table

Speed is CPU time of this process (best of 3 passes, one core), text path with language
detection and date inference off, next to trafilatura on the same pages' HTML in the same run.

The text model (src/newsweave/clean/model.json) has a bag of words and two stages. The bag
is a logistic regression over the first words of each line (scorer.BOW_WORDS, counted, keyed
by the features' word hashes); its logit is one more column for stage 1, a logistic regression
over the per-line features of clean/features.py. Stage 2 is gradient-boosted trees (sklearn's
HistGradientBoostingClassifier, fixed seed, settings in TREES) over those columns plus the
stage-1 logits of each line's neighbourhood. `--train` prints the cross-validated F1 (5 folds
by page, the mean over 4 splits; the figure to report), then fits on all pages and writes the
trees as plain node arrays, which clean/scorer.py walks with numpy: sklearn is needed to
retrain, never at run time.

Data: ../shared/eval/extraction (ground-truth.json, html/*.html.gz, fulltext/*.txt), or the
folder given with --data. The metric is the benchmark's own (see ../shared/eval/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsweave.clean import CleanConfig, clean_page, clean_pages
from newsweave.clean.features import NAMES, PageWords, hash_words, parse_pages, split_lines
from newsweave.clean.scorer import BOW_WORDS, stage2_matrix
from newsweave.model import Article, Page

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "extraction"
MODEL_PATH = ROOT / "src" / "newsweave" / "clean" / "model.json"
_TOKEN = re.compile(r"\w+")


# ---------------------------------------------------------------- metric
def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Token 4-gram shingles of a text, as a multiset."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_pr(pred: str, truth: str) -> tuple[float, float]:
    """Per-page precision and recall from normalised TP/FP/FN over shingle multisets."""
    p, t = shingles(pred), shingles(truth)
    if not p and not t:
        return 1.0, 1.0
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    if not p or tp == 0:
        return 0.0, 0.0
    total = tp + fp + fn
    tp, fp, fn = tp / total, fp / total, fn / total
    return tp / (tp + fp), tp / (tp + fn)


def score(preds: dict[str, str], truth: dict[str, str]) -> tuple[float, float, float]:
    """(F1, P, R) with P and R the means over pages."""
    prs = [page_pr(preds.get(k, ""), truth[k]) for k in truth]
    p = sum(x for x, _ in prs) / len(prs)
    r = sum(y for _, y in prs) / len(prs)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


# ---------------------------------------------------------------- data
def load(data: Path, limit: int | None) -> tuple[dict[str, dict], dict[str, str], dict[str, str]]:
    """Ground truth, flattened texts and HTML sources, keyed by page id."""
    gt = json.loads((data / "ground-truth.json").read_text("utf-8"))
    ids = sorted(gt)[:limit] if limit else sorted(gt)
    texts = {k: (data / "fulltext" / f"{k}.txt").read_text("utf-8") for k in ids}
    html = {}
    for k in ids:
        raw = gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes())
        html[k] = raw.decode("utf-8", errors="replace")
    return {k: gt[k] for k in ids}, texts, html


def line_labels(text: str, truth: str) -> list[int]:
    """1 for each non-blank line whose words belong to the ground-truth body.

    A line of 4+ tokens belongs when half its 4-gram shingles are in the body. A shorter one
    belongs when its tokens, joined to the last two of the line above or the first two of the
    line below, appear in the body: a menu item that names a word of the article ("Sport")
    does not, a heading inside the body does.
    """
    truth_sh = shingles(truth)
    truth_tokens = " " + " ".join(_TOKEN.findall(truth)) + " "

    def inside(tokens: list[str]) -> bool:
        return f" {' '.join(tokens)} " in truth_tokens

    lines = split_lines(text)
    tokens = [_TOKEN.findall(line.text) for line in lines]
    out = []
    for i, toks in enumerate(tokens):
        if len(toks) >= 4:
            sh = shingles(lines[i].text)
            share = sum(1 for s in sh if s in truth_sh) / max(1, len(sh))
            out.append(int(share >= 0.5))
            continue
        above = tokens[i - 1][-2:] if i else []
        below = tokens[i + 1][:2] if i + 1 < len(tokens) else []
        context = (above and inside(above + toks)) or (below and inside(toks + below))
        out.append(int(bool(toks) and inside(toks) and bool(context)))
    return out


# ---------------------------------------------------------------- training
def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> dict:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit((x - mean) / scale, y, sample_weight=w)
    return {
        "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(),
        "coef": clf.coef_[0].round(6).tolist(),
        "intercept": round(float(clf.intercept_[0]), 6),
    }


GATE = -3.0  # stage 2 rescores only lines whose stage-1 logit is at least this
TREES = {"max_iter": 60, "max_depth": 5, "learning_rate": 0.25, "min_samples_leaf": 20}


def _fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> dict:
    """Gradient-boosted trees (sklearn, fixed seed), exported as padded node arrays."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(**TREES, early_stopping=False, random_state=0)
    clf.fit(x, y, sample_weight=w)
    trees = [pred[0].nodes for pred in clf._predictors]
    width = max(len(t) for t in trees)
    depth = max(int(t["depth"].max()) for t in trees)
    cols: dict[str, list[list]] = {k: [] for k in ("feature", "threshold", "left", "right")}
    cols["value"] = []
    for t in trees:
        pad = width - len(t)
        idx = np.arange(width)
        leaf = np.concatenate([t["is_leaf"].astype(bool), np.ones(pad, bool)])
        feat = np.concatenate([t["feature_idx"], np.zeros(pad, int)])
        thr = np.concatenate([t["num_threshold"], np.zeros(pad)])
        cols["feature"].append(np.where(leaf, 0, feat).tolist())
        cols["threshold"].append(np.where(leaf, 0.0, thr).tolist())
        cols["left"].append(
            np.where(leaf, idx, np.concatenate([t["left"], idx[len(t) :]])).tolist()
        )
        cols["right"].append(
            np.where(leaf, idx, np.concatenate([t["right"], idx[len(t) :]])).tolist()
        )
        cols["value"].append(
            np.where(leaf, np.concatenate([t["value"], np.zeros(pad)]), 0.0).round(6).tolist()
        )
    base = float(np.ravel(clf._baseline_prediction)[0])
    return {"kind": "trees", "depth": depth, "base": round(base, 6), **cols}


def _stage(params: dict, x: np.ndarray) -> np.ndarray:
    from newsweave.clean.scorer import _stage as run

    return run(params, x)


BOW_C = 1.0  # inverse L2 strength of the bag-of-words logistic regression
BOW_FOLDS = 5  # its column for the training pages comes from fits on the other pages
BOW_MIN_WEIGHT = 0.1  # lighter words are left out of the model file (about half of them)


class TrainPage(NamedTuple):
    """One page's line features, labels, metric-aligned weights and words."""

    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    words: PageWords
    tokens: dict[int, str]  # word hash -> the word, for the model file


def _fit_bow(pages: list[TrainPage]) -> dict:
    """Logistic regression over the counts of each line's first BOW_WORDS words, divided by
    the square root of their number (what scorer.Bag computes), with words as strings."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    heads = [p.words.rank < BOW_WORDS for p in pages]
    hashes = np.concatenate([p.words.hashes[h] for p, h in zip(pages, heads, strict=True)])
    offsets = np.cumsum([0, *(len(p.x) for p in pages)])
    rows = np.concatenate(
        [p.words.line[h] + o for p, h, o in zip(pages, heads, offsets, strict=False)]
    )
    vocab, cols = np.unique(hashes, return_inverse=True)
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(offsets[-1], len(vocab)))
    count = np.asarray(x.sum(axis=1)).ravel()
    x = sparse.diags(1.0 / np.sqrt(np.maximum(count, 1.0))) @ x
    y = np.concatenate([p.y for p in pages])
    w = np.concatenate([p.w for p in pages])
    clf = LogisticRegression(C=BOW_C, max_iter=3000, solver="liblinear", random_state=0)
    clf.fit(x, y, sample_weight=w)
    tokens: dict[int, str] = {}
    for p in pages:
        tokens.update(p.tokens)
    coef = clf.coef_[0].round(3)
    words = {
        tokens[h]: float(c)
        for h, c in zip(vocab.tolist(), coef, strict=True)
        if abs(c) >= BOW_MIN_WEIGHT and h in tokens
    }
    return {"intercept": round(float(clf.intercept_[0]), 4), "words": dict(sorted(words.items()))}


def train(pages: list[TrainPage], c: float = 1.0, kind: str = "trees") -> dict:
    """Fit the model: bag of words, then stage 1, then stage 2, on the given pages.

    The bag-of-words column that stage 1 trains on is fit out-of-fold (BOW_FOLDS folds), so no
    page sees a column fit on its own labels. Stage 1 is a logistic regression over the line
    features and that column; stage 2 (gradient-boosted trees, or logistic with kind="linear")
    also sees the stage-1 logits of each line's neighbourhood.
    """
    from newsweave.clean.scorer import Bag

    cols: list[np.ndarray | None] = [None] * len(pages)
    for f in range(BOW_FOLDS):
        bag = Bag(_fit_bow([p for i, p in enumerate(pages) if i % BOW_FOLDS != f]))
        for i in range(f, len(pages), BOW_FOLDS):
            cols[i] = bag.column([pages[i].words], [len(pages[i].x)])
    xs = [np.hstack([p.x, col[:, None]]) for p, col in zip(pages, cols, strict=True)]
    x = np.vstack(xs)
    y = np.concatenate([p.y for p in pages])
    w = np.concatenate([p.w for p in pages])
    s1 = _fit_trees(x, y, w) if kind == "trees2" else _fit(x, y, w, c)
    z1 = [_stage(s1, xp) for xp in xs]
    x2 = np.vstack([stage2_matrix(xp, z) for xp, z in zip(xs, z1, strict=True)])
    sel = np.concatenate(z1) >= GATE
    x2, y, w = x2[sel], y[sel], w[sel]
    s2 = _fit(x2, y, w, c) if kind == "linear" else _fit_trees(x2, y, w)
    return {
        "version": 3,
        "features": NAMES,
        "gate": GATE,
        "bow": _fit_bow(pages),
        "stage1": s1,
        "stage2": s2,
    }


def _tokens(text: str) -> dict[int, str]:
    """Each word of a text by its hash, in lower case where that hashes the same (hashes are
    case-blind letter by letter, str.lower() not always: final sigma)."""
    out = {}
    for word in sorted(set(_TOKEN.findall(text))):
        low = word.lower()
        h, h_low = hash_words([word]), hash_words([low])
        if len(h) == 1:  # not a word the tokenizer splits (letters beyond the BMP)
            out[int(h[0])] = low if len(h_low) == 1 and h_low[0] == h[0] else word
    return out


def training_pages(gt: dict, texts: dict) -> dict[str, TrainPage]:
    """Features, labels, metric-aligned weights and words of each page."""
    out = {}
    for k, text in texts.items():
        parsed = parse_pages([text])[0]
        if not parsed.lines:
            continue
        y = np.asarray(line_labels(text, gt[k]["articleBody"]))
        nw = np.asarray([ln.nw + 1.0 for ln in parsed.lines])
        out[k] = TrainPage(parsed.rows, y, nw / nw.sum() * 100.0, parsed.words, _tokens(text))
    return out


def cross_validate(
    gt: dict, texts: dict, folds: int = 5, repeats: int = 4
) -> list[tuple[float, float, float]]:
    """(F1, P, R) of the text path on pages held out from training, for `repeats` k-fold
    splits by page: the pages in id order, then shuffled with seeds 1, 2, ...

    One split's figure moves by about 0.005 with the split, so the mean is the one to report.
    """
    from newsweave.clean import scorer

    data = training_pages(gt, texts)
    out = []
    for r in range(repeats):
        ids = sorted(data)
        if r:
            random.Random(r).shuffle(ids)
        preds: dict[str, str] = {}
        for f in range(folds):
            test = ids[f::folds]
            model = train([data[k] for k in ids if k not in set(test)])
            original = scorer.load_model
            scorer.load_model = lambda m=model: m  # type: ignore[assignment]
            try:
                pages = [_page(k, texts[k], gt[k], "text") for k in test]
                cfg = CleanConfig(detect_language=False, infer_dates=False)
                for k, result in zip(test, clean_pages(pages, cfg), strict=True):
                    preds[k] = _text_of(result)
            finally:
                scorer.load_model = original
        out.append(score(preds, {k: gt[k]["articleBody"] for k in ids}))
    return out


# ---------------------------------------------------------------- methods
def _page(k: str, content: str, meta: dict, kind: str) -> Page:
    return Page(id=k, source=f"{k}.{kind}", content=content, kind=kind, url=meta.get("url"))


def _text_of(result: object) -> str:
    return result.text if isinstance(result, Article) else ""


def run_method(fn: Callable[[str, str], str], inputs: dict[str, str]) -> tuple[dict, float]:
    """Predictions of one method and its pages/s (after one warm-up page)."""
    first = next(iter(inputs))
    fn(first, inputs[first])
    start = time.perf_counter()
    preds = {k: fn(k, v) for k, v in inputs.items()}
    return preds, len(inputs) / max(time.perf_counter() - start, 1e-9)


def methods(gt: dict) -> dict[str, tuple[str, Callable[[str, str], str]]]:
    """Name -> (input set, function(id, content) -> predicted body)."""
    import justext
    import trafilatura

    stop = justext.get_stoplist("English")
    text_cfg = CleanConfig(detect_language=False, infer_dates=False)
    html_cfg = CleanConfig(detect_language=False)

    def jt(html: str) -> str:
        paras = justext.justext(html.encode("utf-8"), stop)
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    def wrap(text: str) -> str:
        from html import escape

        return "".join(f"<p>{escape(ln)}</p>" for ln in text.splitlines() if ln.strip())

    return {
        "newsweave (HTML)": (
            "html",
            lambda k, s: _text_of(clean_page(_page(k, s, gt[k], "html"), html_cfg)),
        ),
        "trafilatura favor_precision (HTML)": (
            "html",
            lambda k, s: trafilatura.extract(s, url=gt[k].get("url"), favor_precision=True) or "",
        ),
        "trafilatura default (HTML)": ("html", lambda k, s: trafilatura.extract(s) or ""),
        "justext (HTML)": ("html", lambda k, s: jt(s)),
        "newsweave (text)": (
            "text",
            lambda k, s: _text_of(clean_page(_page(k, s, gt[k], "text"), text_cfg)),
        ),
        "whole text (text)": ("text", lambda k, s: s),
        "lines of >= 20 words (text)": (
            "text",
            lambda k, s: "\n".join(ln for ln in s.splitlines() if len(ln.split()) >= 20),
        ),
        "justext on <p> lines (text)": ("text", lambda k, s: jt(wrap(s))),
    }


def cpu_speed(gt: dict, texts: dict, html: dict, repeat: int = 3) -> list[tuple[str, float]]:
    """Pages per CPU second (best of `repeat` passes) of the text path and of trafilatura."""
    import trafilatura

    cfg = CleanConfig(detect_language=False, infer_dates=False)
    pages = [_page(k, v, gt[k], "text") for k, v in texts.items()]

    def best(fn: Callable[[], object], n: int) -> float:
        fn()  # warm-up: model and tables loaded
        times = []
        for _ in range(repeat):
            start = time.process_time()
            fn()
            times.append(time.process_time() - start)
        return n / max(min(times), 1e-9)

    return [
        (
            "trafilatura favor_precision (HTML)",
            best(
                lambda: [
                    trafilatura.extract(s, url=gt[k].get("url"), favor_precision=True)
                    for k, s in html.items()
                ],
                len(html),
            ),
        ),
        ("newsweave (text), clean_pages", best(lambda: list(clean_pages(pages, cfg)), len(pages))),
        (
            "newsweave (text), clean_page one by one",
            best(lambda: [clean_page(p, cfg) for p in pages], len(pages)),
        ),
    ]


def print_speed(rows: list[tuple[str, float]]) -> None:
    """The CPU-time speed table, as ratios to trafilatura."""
    base = rows[0][1]
    print("\n| method (CPU time, one core) | pages/s | × trafilatura |")
    print("| --- | --- | --- |")
    for name, speed in rows:
        print(f"| {name} | {speed:,.0f} | {speed / base:.1f} |")


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table (or retrain the model with --train)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--train", action="store_true", help="cross-validate, then write model.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=4, help="k-fold splits the CV figure averages")
    ap.add_argument("--only", help="run only methods whose name contains this")
    ap.add_argument("--speed", action="store_true", help="only the CPU-time speed table")
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").exists():
        print(f"no extraction data under {args.data}", file=sys.stderr)
        return 2
    gt, texts, html = load(args.data, args.limit)
    truth = {k: v["articleBody"] for k, v in gt.items()}
    if args.speed:
        print_speed(cpu_speed(gt, texts, html))
        return 0
    if args.train:
        runs = cross_validate(gt, texts, args.folds, args.repeats)
        f1, p, r = (float(np.mean(col)) for col in zip(*runs, strict=True))
        each = ", ".join(f"{run[0]:.3f}" for run in runs)
        print(
            f"text path, {args.folds}-fold CV by page, {len(runs)} splits: "
            f"F1 {f1:.3f} (P {p:.3f}, R {r:.3f}); per split {each}"
        )
        model = train(list(training_pages(gt, texts).values()))
        MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)} (trained on all {len(gt)} pages)")
        return 0
    rows = []
    base = None
    for name, (kind, fn) in methods(gt).items():
        if args.only and args.only not in name:
            continue
        preds, speed = run_method(fn, html if kind == "html" else texts)
        if name.startswith("trafilatura favor"):
            base = speed
        rows.append((name, *score(preds, truth), speed))
    print(f"{len(gt)} pages\n")
    print("| method | F1 | P | R | pages/s | × trafilatura |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, f1, p, r, speed in rows:
        ratio = f"{speed / base:.1f}" if base else "–"
        print(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} | {speed:.0f} | {ratio} |")
    if any(name == "newsweave (text)" for name, *_ in rows):
        print(
            "\nnewsweave (text) uses the shipped model, trained on these same pages: an in-sample"
            " figure. The held-out figure is the k-fold CV one printed by --train."
        )
    if not args.only:
        print_speed(cpu_speed(gt, texts, html))
    return 0


if __name__ == "__main__":
    sys.exit(main())
