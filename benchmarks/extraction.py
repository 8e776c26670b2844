"""Score newsweave's cleaner on the extraction sets, next to trafilatura and justext.

    python benchmarks/extraction.py                 # every set: F1 tables, then pages/s
    python benchmarks/extraction.py --sets dragnet  # some sets (comma-separated)
    python benchmarks/extraction.py --train         # held-out CV figure, then retrain model.json
    python benchmarks/extraction.py --limit 40      # quicker run on the first 40 pages of each
    python benchmarks/extraction.py --speed         # only the CPU-time speed table

Sets (SETS): ../shared/eval/extraction and the three of ../shared/eval/extraction-more
(Readability, Dragnet, L3S-GN1), each with ground-truth.json, html/*.html.gz, fulltext/*.txt;
or one folder given with --data. The metric is the benchmark's own (../shared/eval/README.md).

Protocol: the shipped text model is trained on TRAIN_SETS only (extraction/ and Readability's
real pages; their licences allow it). Dragnet and L3S-GN1 are never trained on: Dragnet's train
split served for validation, its test split and L3S-GN1 are held out. The held-out figure on
extraction/ is `--train`'s cross-validation (5 folds by page, Readability in every fold's
training, the mean over 4 splits); the keep threshold and the rules' constants are fixed in
code, the bag of words' vocabulary is computed inside each fold.

trafilatura runs with newsweave's HTML settings (TRAFILATURA_SETTINGS), in the same run, on the
same pages' HTML. Speed is CPU time of this process (best of 3 passes, one core), text path
with language detection and date inference off, next to trafilatura on the same pages' HTML.

The text model (src/newsweave/clean/model.json) has a bag of words and two stages. The bag
is a logistic regression over the first words of each line (scorer.BOW_WORDS, counted, keyed
by the features' word hashes; only digit-free words used on BOW_MIN_SITES training sites); its
logit is one more column for stage 1, a logistic regression over the per-line features of
clean/features.py. Stage 2 is gradient-boosted trees (sklearn's HistGradientBoostingClassifier,
fixed seed, settings in TREES) over those columns plus the stage-1 logits of each line's
neighbourhood. The trees are written as plain node arrays, which clean/scorer.py walks with
numpy: sklearn is needed to retrain, never at run time.
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
from newsweave.clean.meta import outlet_from_url
from newsweave.clean.scorer import BOW_WORDS, stage2_matrix
from newsweave.model import Article, Page

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SETS = {
    "extraction": EVAL / "extraction",
    "readability": EVAL / "extraction-more" / "readability",
    "dragnet": EVAL / "extraction-more" / "dragnet",
    "l3s-gn1": EVAL / "extraction-more" / "l3s-gn1",
}
# the sets a shipped model may be trained on (licences: MIT, Apache-2.0). Dragnet (AGPLv3) and
# L3S-GN1 (research use) are for evaluation only; Readability's unit-test fixtures are left out.
TRAIN_SETS = ("extraction", "readability")
DEFAULT_DATA = SETS["extraction"]
# trafilatura as newsweave's HTML path calls it (clean/html.py, CleanConfig defaults)
TRAFILATURA_SETTINGS = {"favor_precision": True, "include_comments": False}
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
def load(
    data: Path, limit: int | None, html: bool = True
) -> tuple[dict[str, dict], dict[str, str], dict[str, str]]:
    """Ground truth, flattened texts and HTML sources (unless `html` is False), by page id."""
    gt = json.loads((data / "ground-truth.json").read_text("utf-8"))
    ids = sorted(gt)[:limit] if limit else sorted(gt)
    texts = {k: (data / "fulltext" / f"{k}.txt").read_text("utf-8") for k in ids}
    sources = {}
    for k in ids if html else []:
        raw = gzip.decompress((data / "html" / f"{k}.html.gz").read_bytes())
        sources[k] = raw.decode("utf-8", errors="replace")
    return {k: gt[k] for k in ids}, texts, sources


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


# inverse L2 strength of the bag-of-words logistic regression. At 1.0 some topical words of the
# training crawl get large weights ('woman' -2.4, 'microsoft' -2.0, lorem ipsum's 'sit' +4.9);
# at 0.1 the weight goes to function and interface words ('the', 'said', 'cookies') and a
# topical word weighs under about 0.6, at the same validation F1, but that model lost body
# lines on the stories set and a seed page (docs/benchmarks.md, bag-of-words round): not shipped.
BOW_C = 1.0
BOW_FOLDS = 5  # its column for the training pages comes from fits on the other pages
BOW_MIN_WEIGHT = 0.1  # lighter words are left out of the model file (about half of them)
BOW_MIN_SITES: int | None = 2  # a word gets a weight only when this many training sites use it


class TrainPage(NamedTuple):
    """One page's line features, labels, metric-aligned weights and words."""

    x: np.ndarray
    y: np.ndarray
    w: np.ndarray
    words: PageWords
    tokens: dict[int, str]  # word hash -> the word, for the model file
    site: str = ""  # the page's host (or its id when it has no URL): the bag's vocabulary unit


def bow_vocab(pages: list[TrainPage], min_sites: int) -> set[int]:
    """Hashes of the words the bag of words may weigh: seen at the head of a line on at
    least `min_sites` sites of the training pages, and free of digits (years, prices, scores).

    A word of one site (its name, its sections, the products it covers) would let the model
    learn that crawl rather than what boilerplate looks like.
    """
    sites: dict[int, set[str]] = {}
    for p in pages:
        for h in set(p.words.hashes[p.words.rank < BOW_WORDS].tolist()):
            sites.setdefault(h, set()).add(p.site)
    tokens: dict[int, str] = {}
    for p in pages:
        tokens.update(p.tokens)
    return {
        h
        for h, seen in sites.items()
        if len(seen) >= min_sites and h in tokens and not any(c.isdigit() for c in tokens[h])
    }


def _fit_bow(pages: list[TrainPage], vocab_of: list[TrainPage] | None = None) -> dict:
    """Logistic regression over the counts of each line's first BOW_WORDS words, divided by
    the square root of their number (what scorer.Bag computes), with words as strings.

    Only the words of `bow_vocab` (over `vocab_of`, default `pages`) get a weight; the others
    still count in a line's number of words.
    """
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    allowed = np.asarray(sorted(bow_vocab(vocab_of or pages, BOW_MIN_SITES)), dtype=np.uint64)
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
    x = x[:, np.flatnonzero(np.isin(vocab, allowed))].tocsr()
    vocab = vocab[np.isin(vocab, allowed)]
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

    xs = [p.x for p in pages]
    if BOW_MIN_SITES is not None:
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
    model = {"version": 3, "features": NAMES, "gate": GATE, "stage1": s1, "stage2": s2}
    if BOW_MIN_SITES is not None:
        model["bow"] = _fit_bow(pages)
    return model


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
        site = outlet_from_url(gt[k].get("url")) or f"page {k}"
        w = nw / nw.sum() * 100.0
        out[k] = TrainPage(parsed.rows, y, w, parsed.words, _tokens(text), site)
    return out


def cross_validate(
    gt: dict,
    texts: dict,
    folds: int = 5,
    repeats: int = 4,
    extra: list[TrainPage] | None = None,
    data: dict[str, TrainPage] | None = None,
) -> list[tuple[float, float, float]]:
    """(F1, P, R) of the text path on pages held out from training, for `repeats` k-fold
    splits by page: the pages in id order, then shuffled with seeds 1, 2, ...

    Every fold's model also trains on the `extra` pages (another set); `data` is the pages'
    training data when already computed. One split's figure moves by about 0.005 with the
    split, so the mean is the one to report.
    """
    from newsweave.clean import scorer

    data = data or training_pages(gt, texts)
    out = []
    for r in range(repeats):
        ids = sorted(data)
        if r:
            random.Random(r).shuffle(ids)
        preds: dict[str, str] = {}
        for f in range(folds):
            test = ids[f::folds]
            held = set(test)
            model = train([data[k] for k in ids if k not in held] + (extra or []))
            original = scorer.load_model
            scorer.load_model = lambda m=model: m  # type: ignore[assignment]
            try:
                pages = [_page(k, texts[k], gt[k], "text") for k in test]
                cfg = CleanConfig(detect_language=False, infer_dates=False)
                for k, text in zip(test, clean_texts(pages, cfg), strict=True):
                    preds[k] = text
            finally:
                scorer.load_model = original
        out.append(score(preds, {k: gt[k]["articleBody"] for k in ids}))
    return out


# ---------------------------------------------------------------- methods
def _page(k: str, content: str, meta: dict, kind: str) -> Page:
    return Page(id=k, source=f"{k}.{kind}", content=content, kind=kind, url=meta.get("url"))


def _text_of(result: object) -> str:
    return result.text if isinstance(result, Article) else ""


def clean_texts(pages: list[Page], cfg: CleanConfig) -> list[str]:
    """The body text `clean_pages` gives each page ("" when dropped), one per page: the note
    that follows an article cut to `max_chars` is skipped."""
    out: list[str] = []
    for result in clean_pages(pages, cfg):
        if isinstance(result, Article) or not result.truncated:
            out.append(_text_of(result))
    return out


def run_method(fn: Callable[[str, str], str], inputs: dict[str, str]) -> tuple[dict, float]:
    """Predictions of one method and its pages/s (after one warm-up page)."""
    first = next(iter(inputs))
    fn(first, inputs[first])
    start = time.perf_counter()
    preds = {k: fn(k, v) for k, v in inputs.items()}
    return preds, len(inputs) / max(time.perf_counter() - start, 1e-9)


def methods(gt: dict) -> dict[str, tuple[str, Callable[[str, str], str]]]:
    """Name -> (input set, function(id, content) -> predicted body), for the page-by-page
    methods. trafilatura runs with newsweave's own HTML settings (TRAFILATURA_SETTINGS), with
    comments off alone, and with its library defaults."""
    import justext
    import trafilatura

    stop = justext.get_stoplist("English")
    html_cfg = CleanConfig(detect_language=False)

    def jt(html: str) -> str:
        paras = justext.justext(html.encode("utf-8"), stop)
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    return {
        "newsweave (HTML)": (
            "html",
            lambda k, s: _text_of(clean_page(_page(k, s, gt[k], "html"), html_cfg)),
        ),
        TRAFILATURA: (
            "html",
            lambda k, s: trafilatura.extract(s, url=gt[k].get("url"), **TRAFILATURA_SETTINGS) or "",
        ),
        "trafilatura, comments off (HTML)": (
            "html",
            lambda k, s: trafilatura.extract(s, url=gt[k].get("url"), include_comments=False) or "",
        ),
        "trafilatura defaults (HTML)": ("html", lambda k, s: trafilatura.extract(s) or ""),
        "justext (HTML)": ("html", lambda k, s: jt(s)),
        "whole text (text)": ("text", lambda k, s: s),
        "lines of >= 20 words (text)": (
            "text",
            lambda k, s: "\n".join(ln for ln in s.splitlines() if len(ln.split()) >= 20),
        ),
    }


NEWSWEAVE_TEXT = "newsweave (text), clean_pages"
TRAFILATURA = "trafilatura, newsweave's settings (HTML)"


def newsweave_text(gt: dict, texts: dict[str, str]) -> tuple[dict[str, str], float]:
    """The text path as `ingest`/`analyze`/`run` call it (clean_pages, batched, with site
    context), language detection and date inference off; predictions and pages/s."""
    cfg = CleanConfig(detect_language=False, infer_dates=False)
    pages = [_page(k, v, gt[k], "text") for k, v in texts.items()]
    clean_texts(pages[:1], cfg)  # warm-up: model and tables loaded
    start = time.perf_counter()
    preds = dict(zip(texts, clean_texts(pages, cfg), strict=True))
    return preds, len(pages) / max(time.perf_counter() - start, 1e-9)


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
            TRAFILATURA,
            best(
                lambda: [
                    trafilatura.extract(s, url=gt[k].get("url"), **TRAFILATURA_SETTINGS)
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


def train_data(
    limit: int | None = None,
) -> tuple[dict, dict, dict[str, TrainPage], list[TrainPage]]:
    """The training sets (TRAIN_SETS): extraction/'s ground truth, texts and training pages,
    and the pages of the other allowed sets (Readability's real pages), always trained on."""
    gt, texts, _ = load(SETS["extraction"], limit, html=False)
    extra: list[TrainPage] = []
    for name in TRAIN_SETS[1:]:
        more_gt, more_texts, _ = load(SETS[name], limit, html=False)
        real = {k: v for k, v in more_texts.items() if not more_gt[k].get("fixture")}
        pages = training_pages(more_gt, real)
        extra += [p._replace(site=p.site or f"{name} {k}") for k, p in pages.items()]
    return gt, texts, training_pages(gt, texts), extra


def run_train(folds: int, repeats: int, limit: int | None) -> None:
    """Print the held-out figure on extraction/, then fit on all training pages and write
    model.json (with what it was trained on)."""
    gt, texts, data, extra = train_data(limit)
    runs = cross_validate(gt, texts, folds, repeats, extra=extra, data=data)
    f1, p, r = (float(np.mean(col)) for col in zip(*runs, strict=True))
    each = ", ".join(f"{run[0]:.3f}" for run in runs)
    print(
        f"extraction/, text path, {folds}-fold CV by page (every fold also trains on the "
        f"{len(extra)} Readability pages), {len(runs)} splits: "
        f"F1 {f1:.3f} (P {p:.3f}, R {r:.3f}); per split {each}"
    )
    model = train(list(data.values()) + extra)
    model["trained_on"] = {"extraction": len(data), "readability (real pages)": len(extra)}
    MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} (trained on {len(data) + len(extra)} pages)")


Row = tuple[str, str, float, float, float, float | None]  # method, set, F1, P, R, pages/s


def run_set(name: str, data: Path, limit: int | None, only: str | None) -> list[Row]:
    """Every method on one set, with its F1, P, R and wall-clock pages/s."""
    gt, texts, html = load(data, limit)
    truth = {k: v["articleBody"] for k, v in gt.items()}
    print(f"{name}: {len(gt)} pages ...", file=sys.stderr, flush=True)
    rows: list[Row] = []
    todo: list[tuple[str, str, Callable[[str, str], str] | None]] = [
        (m, kind, fn) for m, (kind, fn) in methods(gt).items()
    ]
    first_text = next(i for i, (_, kind, _) in enumerate(todo) if kind == "text")
    todo.insert(first_text, (NEWSWEAVE_TEXT, "text", None))
    for method, kind, fn in todo:
        if only and only not in method:
            continue
        if fn is None:
            preds, speed = newsweave_text(gt, texts)
        else:
            preds, speed = run_method(fn, html if kind == "html" else texts)
        rows.append((method, name, *score(preds, truth), speed))
        # Dragnet's own splits: train is the validation data, test is held out from every choice
        for part in ("train", "test"):
            split = sorted(k for k, v in gt.items() if v.get("split") == part)
            if split:
                sub = {k: truth[k] for k in split}
                rows.append((method, f"{name} {part}", *score(preds, sub), None))
    return rows


def print_tables(rows: list[Row]) -> None:
    """One F1 table (methods by sets), then F1, P, R and pages/s per set."""
    sets = list(dict.fromkeys(s for _, s, *_ in rows))
    methods_ = list(dict.fromkeys(m for m, *_ in rows))
    f1 = {(m, s): f for m, s, f, *_ in rows}
    print("| method | " + " | ".join(sets) + " |")
    print("| --- |" + " --- |" * len(sets))
    for m in methods_:
        cells = [f"{f1[m, s]:.3f}" if (m, s) in f1 else "–" for s in sets]
        print(f"| {m} | " + " | ".join(cells) + " |")
    base = {s: v for m, s, *_, v in rows if m == TRAFILATURA}
    for s in sets:
        if base.get(s) is None:
            continue
        print(f"\n{s}\n\n| method | F1 | P | R | pages/s (wall) | × trafilatura |")
        print("| --- | --- | --- | --- | --- | --- |")
        for m, s2, f, p, r, v in rows:
            if s2 == s and v is not None:
                print(f"| {m} | {f:.3f} | {p:.3f} | {r:.3f} | {v:,.0f} | {v / base[s]:.1f} |")


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark tables (or retrain the model with --train)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--sets",
        default=",".join(SETS),
        help=f"comma-separated sets among {', '.join(SETS)} (default: all that are present)",
    )
    ap.add_argument("--data", type=Path, help="one folder in the extraction layout instead")
    ap.add_argument("--limit", type=int, help="only the first N pages of each set")
    ap.add_argument("--train", action="store_true", help="cross-validate, then write model.json")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=4, help="k-fold splits the CV figure averages")
    ap.add_argument("--only", help="run only methods whose name contains this")
    ap.add_argument("--speed", action="store_true", help="only the CPU-time speed table")
    args = ap.parse_args(argv)
    if args.data:
        chosen = {args.data.name: args.data}
    else:
        names = [n.strip() for n in args.sets.split(",") if n.strip()]
        unknown = [n for n in names if n not in SETS]
        if unknown:
            print(f"unknown set(s): {', '.join(unknown)}", file=sys.stderr)
            return 2
        chosen = {n: SETS[n] for n in names if (SETS[n] / "ground-truth.json").exists()}
    if args.train:
        if not all((SETS[n] / "ground-truth.json").exists() for n in TRAIN_SETS):
            print(f"--train needs {', '.join(TRAIN_SETS)} under {EVAL}", file=sys.stderr)
            return 2
        run_train(args.folds, args.repeats, args.limit)
        return 0
    if not chosen:
        print(f"no extraction data under {args.data or EVAL}", file=sys.stderr)
        return 2
    if args.speed:
        first = next(iter(chosen.values()))
        print_speed(cpu_speed(*load(first, args.limit)))
        return 0
    rows = [row for n, d in chosen.items() for row in run_set(n, d, args.limit, args.only)]
    print_tables(rows)
    print(
        "\nnewsweave (text) uses the shipped model, trained on extraction/ and Readability's "
        "real pages: its figures on those two sets are in-sample. Its held-out figure on "
        "extraction/ is the CV one printed by --train; Dragnet and L3S-GN1 were never trained on."
    )
    if not args.only and not args.speed:
        first = next(iter(chosen.values()))
        print_speed(cpu_speed(*load(first, args.limit)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
