"""Score newsweave's story clustering on the gold news events, next to a scikit-learn baseline.

    python benchmarks/clustering.py               # Markdown table: pairwise and B-cubed P/R/F1
    python benchmarks/clustering.py --json        # the same figures as JSON
    python benchmarks/clustering.py --data DIR    # another folder of news-please JSON files
    python benchmarks/clustering.py --two-fold    # also: tune on half the gold events, score the rest
    python benchmarks/clustering.py --two-fold --fold-by articles  # halves of each event instead

Data: ../shared/eval/clusters/articles (news-please JSON with a `newsCluster` gold label).
Broken files and articles with neither title nor text are skipped with a message on stderr;
an article without text but with a description (its lead) is scored on the description.
Stories and events are both scored against the gold events. The baseline is TF-IDF +
average-link agglomerative clustering (cosine), whole-corpus, with a fixed threshold.

`--two-fold` checks that the defaults were not just fitted to this small set: the gold
events are split in two halves (alternate event ids); a coordinate descent over the
main ClusterConfig tunables (split_cut included), started from the defaults, is run on
one half's articles, and the tuned configuration is scored on the other half (and the
other way round). `--fold-by articles` halves every event's articles instead, so both
halves hold all 69 events and keep the confusable pairs of events.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import time
from dataclasses import replace
from pathlib import Path

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsweave.cluster import ClusterConfig, cluster_stories
from newsweave.cluster.metrics import Scores, bcubed, pairwise
from newsweave.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "clusters" / "articles"


def load(folder: Path, log: bool = True) -> tuple[list[Article], dict[str, str]]:
    """Articles and their gold event ids; unusable files are skipped with a message."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            label = data["newsCluster"]
            label = ast.literal_eval(label) if isinstance(label, str) else label
            event = str(label["EventId"])
        except (ValueError, SyntaxError, KeyError, TypeError) as exc:
            _say(log, f"skipped {path.name}: unreadable ({type(exc).__name__})")
            continue
        title = _field(data, "title")
        text = _field(data, "text") or _field(data, "description")  # a few have only a lead
        if not title and not text:
            _say(log, f"skipped {path.name}: no title and no text")
            continue
        article_id = path.stem[:16]
        articles.append(
            Article(
                id=article_id,
                source=path.name,
                text=text or title or "",
                title=title,
                outlet=_field(data, "source_domain"),
                published=(_field(data, "date_publish") or "")[:10] or None,
                url=_field(data, "url"),
            )
        )
        gold[article_id] = event
    return articles, gold


def score(articles: list[Article], gold: dict[str, str], config: ClusterConfig) -> dict:
    """Pairwise and B-cubed scores of newsweave's stories and events, with timing."""
    began = time.perf_counter()
    stories = cluster_stories(articles, config)
    seconds = time.perf_counter() - began
    story_of = {a: s.id for s in stories for a in s.articles}
    event_of = {a: e.id for s in stories for e in s.events for a in e.articles}
    return {
        "stories": _row(pairwise(story_of, gold), bcubed(story_of, gold), len(stories)),
        "events": _row(
            pairwise(event_of, gold), bcubed(event_of, gold), len(set(event_of.values()))
        ),
        "articles_per_s": len(articles) / seconds if seconds else 0.0,
    }


def baseline(articles: list[Article], gold: dict[str, str], threshold: float = 0.8) -> dict:
    """TF-IDF (title + text) with average-link agglomerative clustering at a cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    documents = [f"{a.title}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(documents)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    ).fit_predict(matrix.toarray())
    predicted = {a.id: str(label) for a, label in zip(articles, labels, strict=True)}
    return _row(pairwise(predicted, gold), bcubed(predicted, gold), len(set(labels)))


SEARCH: dict[str, list[float]] = {
    "threshold": [0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.18],
    "decay_floor": [0.3, 0.4, 0.5, 0.6, 0.7],
    "decay_days": [7.0, 14.0, 30.0, 60.0],
    "title_weight": [0.2, 0.25, 0.3, 0.35, 0.4],
    "entity_weight": [0.2, 0.25, 0.3, 0.35, 0.4],
    "split_cut": [0.0, 0.2, 0.3, 0.4, 0.5, 0.6],
}


def tune(articles: list[Article], gold: dict[str, str], rounds: int = 2) -> ClusterConfig:
    """Coordinate descent on story pairwise F1 from the defaults (body weight takes the rest)."""

    def f1(config: ClusterConfig) -> float:
        return score(articles, gold, config)["stories"]["pairwise_f1"]

    best = ClusterConfig()
    best_f1 = f1(best)
    for _ in range(rounds):
        improved = False
        for name, values in SEARCH.items():
            for value in values:
                trial = replace(best, **{name: value})
                trial = replace(trial, body_weight=1.0 - trial.title_weight - trial.entity_weight)
                if trial.body_weight <= 0:
                    continue
                trial_f1 = f1(trial)
                if trial_f1 > best_f1 + 1e-4:
                    best, best_f1, improved = trial, trial_f1, True
        if not improved:
            break
    return best


def two_fold(articles: list[Article], gold: dict[str, str], by: str = "events") -> list[dict]:
    """Tune on one half, score stories on the other half; both ways.

    `by="events"` puts alternate gold events in each half (no pair can be confused across
    halves, so the halves are easier than the whole set); `by="articles"` puts alternate
    articles of every event (in file order) in each half, so both halves keep all events.
    """
    if by == "events":
        events = sorted(set(gold.values()), key=lambda e: (len(e), e))
        half = {event: i % 2 for i, event in enumerate(events)}
        side = {a.id: half[gold[a.id]] for a in articles}
    else:
        seen: dict[str, int] = {}
        side = {}
        for a in articles:
            side[a.id] = seen.get(gold[a.id], 0) % 2
            seen[gold[a.id]] = seen.get(gold[a.id], 0) + 1
    folds = [[a for a in articles if side[a.id] == k] for k in (0, 1)]
    rows = []
    for k in (0, 1):
        tuned = tune(folds[k], gold)
        rows.append(
            {
                "by": by,
                "tuned_on": k,
                "scored_on": 1 - k,
                "config": {name: getattr(tuned, name) for name in SEARCH},
                "held_out": score(folds[1 - k], gold, tuned)["stories"],
                "held_out_defaults": score(folds[1 - k], gold, ClusterConfig())["stories"],
                "held_out_no_split": score(folds[1 - k], gold, replace(tuned, split_cut=0.0))[
                    "stories"
                ],
            }
        )
    return rows


def _row(pair: Scores, b3: Scores, clusters: int) -> dict:
    return {
        "pairwise_p": round(pair.precision, 4),
        "pairwise_r": round(pair.recall, 4),
        "pairwise_f1": round(pair.f1, 4),
        "bcubed_p": round(b3.precision, 4),
        "bcubed_r": round(b3.recall, 4),
        "bcubed_f1": round(b3.f1, 4),
        "clusters": clusters,
    }


def _field(data: dict, name: str) -> str | None:
    value = data.get(name)
    return value if isinstance(value, str) and value and value != "None" else None


def _say(log: bool, message: str) -> None:
    if log:
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--two-fold", action="store_true", help="tune on half the events, score the rest"
    )
    parser.add_argument(
        "--fold-by",
        choices=("events", "articles"),
        default="events",
        help="halves of the gold events (default) or of each event's articles",
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    articles, gold = load(args.data)
    result = score(articles, gold, ClusterConfig())
    unlinked = score(articles, gold, ClusterConfig(link_threshold=float("inf")))
    result["stories_unlinked"] = unlinked["stories"]
    result["stories_no_split"] = score(articles, gold, ClusterConfig(split_cut=0.0))["stories"]
    streaming = ClusterConfig(refine_rounds=0, split_cut=0.0)
    result["stories_streaming_only"] = score(articles, gold, streaming)["stories"]
    result["baseline"] = baseline(articles, gold)
    result["articles"] = len(articles)
    result["gold_events"] = len(set(gold.values()))
    if args.two_fold:
        result["two_fold"] = two_fold(articles, gold, args.fold_by)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['articles']} articles, {result['gold_events']} gold events\n")
    print("| method | clusters | pairwise P | R | F1 | B-cubed P | R | F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, row in (
        ("newsweave stories", result["stories"]),
        ("newsweave stories, no time-free linking", result["stories_unlinked"]),
        ("newsweave stories, no story split", result["stories_no_split"]),
        ("newsweave stories, streaming only", result["stories_streaming_only"]),
        ("newsweave events", result["events"]),
        ("baseline TF-IDF + agglomerative", result["baseline"]),
    ):
        print(
            f"| {name} | {row['clusters']} | {row['pairwise_p']:.3f} | {row['pairwise_r']:.3f} "
            f"| {row['pairwise_f1']:.3f} | {row['bcubed_p']:.3f} | {row['bcubed_r']:.3f} "
            f"| {row['bcubed_f1']:.3f} |"
        )
    print(f"\nnewsweave: {result['articles_per_s']:.0f} articles/s")
    for fold in result.get("two_fold", []):
        held, plain = fold["held_out"], fold["held_out_defaults"]
        print(
            f"\ntwo-fold: tuned on half {fold['tuned_on']} {fold['config']}; on half "
            f"{fold['scored_on']}: pairwise F1 {held['pairwise_f1']:.3f}, B-cubed F1 "
            f"{held['bcubed_f1']:.3f} (defaults: {plain['pairwise_f1']:.3f} / {plain['bcubed_f1']:.3f}; "
            f"tuned without the split: {fold['held_out_no_split']['pairwise_f1']:.3f} / "
            f"{fold['held_out_no_split']['bcubed_f1']:.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
