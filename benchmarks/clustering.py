"""Score newsweave's story clustering on the gold news events, next to a TF-IDF baseline.

    python benchmarks/clustering.py               # product path: `newsweave brief`, both tuned alike
    python benchmarks/clustering.py --json        # the same figures as JSON
    python benchmarks/clustering.py --no-two-fold # only the in-sample rows (faster)
    python benchmarks/clustering.py --component   # the clustering stage alone (dates, no cleaner)
    python benchmarks/clustering.py --component --two-fold [--fold-by articles]

Data: ../shared/eval/clusters/articles (news-please JSON with a `newsCluster` gold label).
Broken files and articles with neither title nor text are skipped with a message on stderr;
an article without text but with a description (its lead) is scored on the description.
Stories and events are both scored against the gold events. The baseline is TF-IDF +
average-link agglomerative clustering (cosine, scikit-learn) on the same title and text.

Product path (the default): every article is written as a flattened page `<id>.txt` (title
line, then text; no date, as scraped pages come) and briefed by `newsweave brief DIR --format
json` in a fresh process, cleaner and all, with the defaults. Baseline and newsweave are tuned
the same way, in the same run: in sample, newsweave's defaults (chosen on this whole set) face
the baseline's threshold chosen on this whole set (grid 0.5 to 0.95); two-fold by event, each
is tuned on one half of the gold events (alternate event ids; newsweave by coordinate descent
over the main ClusterConfig tunables, in process on the product path's own cleaned articles,
then `event_split_undated` on event F1; the baseline over its threshold grid) and scored on
the other half, both ways. The two-fold events are the cluster stage's events dated by the
summarize stage (`date_events`: an undated event split by the days its leads tell), in
process, as `brief` dates them.

`--component` runs the clustering stage alone, in process, on the JSON articles with their
publication dates and no cleaner (a component figure, not the product path); `--two-fold`
then tunes on one half and scores the other (`--fold-by articles` halves every event's
articles instead, so both halves hold all 69 events and keep the confusable pairs).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
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
from newsweave.model import Article, Story, from_dict
from newsweave.summarize.dating import date_events
from newsweave.summarize.timeline import build_timeline

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


def dated_events(stories: list[Story], articles: list[Article]) -> dict[str, str]:
    """Each article's event after the summarize stage dates the stories' events, as `brief`
    does (`analyze._summarize`: an undated event split by the days its leads tell)."""
    by_id = {a.id: a for a in articles}
    event_of: dict[str, str] = {}
    for story in stories:
        members = [by_id[a] for a in story.articles]
        timeline = build_timeline(members, story.events, story.duplicates)
        for event in date_events(story.events, timeline, members):
            event_of |= {a: f"{story.id}/{event.id}" for a in event.articles}
    return event_of


def score(
    articles: list[Article], gold: dict[str, str], config: ClusterConfig, dated: bool = True
) -> dict:
    """Pairwise and B-cubed scores of newsweave's stories and events (dated as `brief` dates
    them unless `dated` is false: then the cluster stage's own events), with timing."""
    began = time.perf_counter()
    stories = cluster_stories(articles, config)
    seconds = time.perf_counter() - began
    story_of = {a: s.id for s in stories for a in s.articles}
    if dated:
        event_of = dated_events(stories, articles)
    else:
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
    predicted = baseline_labels(articles, threshold)
    return _row(pairwise(predicted, gold), bcubed(predicted, gold), len(set(predicted.values())))


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
        return score(articles, gold, config, dated=False)["stories"]["pairwise_f1"]

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


EVENT_SEARCH = [0.0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]  # event_split_undated


def tune_events(articles: list[Article], gold: dict[str, str], config: ClusterConfig) -> float:
    """The `event_split_undated` of best event pairwise F1 with `config` (the first of a tie)."""
    return max(
        EVENT_SEARCH,
        key=lambda cut: (
            score(articles, gold, replace(config, event_split_undated=cut))["events"][
                "pairwise_f1"
            ],
            -cut,
        ),
    )


def halves(articles: list[Article], gold: dict[str, str]) -> list[list[Article]]:
    """The articles of alternate gold events (by size, then id): the two halves of `two_fold`."""
    events = sorted(set(gold.values()), key=lambda e: (len(e), e))
    half = {event: i % 2 for i, event in enumerate(events)}
    return [[a for a in articles if half[gold[a.id]] == k] for k in (0, 1)]


def two_fold(articles: list[Article], gold: dict[str, str], by: str = "events") -> list[dict]:
    """Tune on one half, score stories on the other half; both ways.

    `by="events"` puts alternate gold events in each half (no pair can be confused across
    halves, so the halves are easier than the whole set); `by="articles"` puts alternate
    articles of every event (in file order) in each half, so both halves keep all events.
    """
    if by == "events":
        side = {a.id: k for k, half in enumerate(halves(articles, gold)) for a in half}
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
                "held_out": score(folds[1 - k], gold, tuned, dated=False)["stories"],
                "held_out_defaults": score(folds[1 - k], gold, ClusterConfig(), dated=False)[
                    "stories"
                ],
                "held_out_no_split": score(
                    folds[1 - k], gold, replace(tuned, split_cut=0.0), dated=False
                )["stories"],
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


def write_pages(articles: list[Article], folder: Path) -> None:
    """Each article as a flattened page `<id>.txt`: its title line, then its text; no date."""
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        title = f"{a.title}\n\n" if a.title and a.title != a.text else ""
        (folder / f"{a.id}.txt").write_text(title + a.text + "\n", encoding="utf-8")


def product_brief(articles: list[Article], folder: Path) -> tuple[dict, float]:
    """The JSON brief of `newsweave brief FOLDER --format json` on the articles as .txt pages,
    in a fresh process, and its wall seconds."""
    pages = folder / "pages"
    write_pages(articles, pages)
    out = folder / "brief.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = "from newsweave.cli import main; main()"
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, "-q", "brief", str(pages), "--format", "json", "-o", str(out)],
        check=True,
        env=env,
    )
    return json.loads(out.read_text(encoding="utf-8")), time.perf_counter() - began


def brief_labels(brief: dict, gold: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """Story and event label of every gold article in the brief; an article the brief lacks
    (dropped by the cleaner) is a cluster of its own."""
    id_of = {a["id"]: Path(a["source"]).stem for a in brief["articles"]}
    story_of: dict[str, str] = {}
    event_of: dict[str, str] = {}
    for story in brief["stories"]:
        for a in story["articles"]:
            story_of.setdefault(id_of[a], story["id"])
            event_of.setdefault(id_of[a], f"{story['id']}:alone:{a}")
        for event in story.get("events") or []:
            for a in event["articles"]:
                event_of[id_of[a]] = event["id"]
    for article in gold:
        story_of.setdefault(article, f"missing:{article}")
        event_of.setdefault(article, f"missing:{article}")
    return story_of, event_of


def brief_articles(brief: dict) -> list[Article]:
    """The brief's articles (cleaned and extracted by the product path), with gold ids."""
    out = []
    for record in brief["articles"]:
        article = from_dict(Article, record)
        out.append(replace(article, id=Path(article.source).stem))
    return out


BASELINE_THRESHOLDS = [round(0.5 + 0.025 * i, 3) for i in range(19)]  # 0.5 to 0.95


def baseline_labels(articles: list[Article], threshold: float) -> dict[str, str]:
    """TF-IDF (title + text) with average-link agglomerative clustering at a cosine distance."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(articles) < 2:
        return {a.id: a.id for a in articles}
    documents = [f"{a.title}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(documents)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    ).fit_predict(matrix.toarray())
    return {a.id: str(label) for a, label in zip(articles, labels, strict=True)}


def tune_baseline(articles: list[Article], gold: dict[str, str]) -> float:
    """The baseline threshold with the best pairwise F1 on `articles` (ties: the lower one)."""
    best, best_f1 = BASELINE_THRESHOLDS[0], -1.0
    for threshold in BASELINE_THRESHOLDS:
        f1 = pairwise(baseline_labels(articles, threshold), gold).f1
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


def event_halves(articles: list[Article], gold: dict[str, str]) -> list[list[Article]]:
    """Two halves of the articles by alternate gold events (the `two_fold` split)."""
    events = sorted(set(gold.values()), key=lambda e: (len(e), e))
    half = {event: i % 2 for i, event in enumerate(events)}
    return [[a for a in articles if half[gold[a.id]] == k] for k in (0, 1)]


def product_path(data: Path, folds: bool) -> dict:
    """newsweave through `newsweave brief` next to the TF-IDF baseline, each tuned alike.

    In sample: newsweave's defaults (chosen on this whole set) against the baseline's threshold
    chosen on this whole set. Two-fold by event (`folds`): newsweave's ClusterConfig (`tune`,
    in process on the product path's own articles) and the baseline's threshold are each
    chosen on one half of the gold events and scored on the other, both ways.
    """
    import tempfile

    raw, gold = load(data)
    with tempfile.TemporaryDirectory(prefix="nw-clusters-") as tmp:
        brief, seconds = product_brief(raw, Path(tmp))
    story_of, event_of = brief_labels(brief, gold)
    threshold = tune_baseline(raw, gold)
    base = baseline_labels(raw, threshold)
    result: dict = {
        "articles": len(raw),
        "gold_events": len(set(gold.values())),
        "brief_articles": len(brief["articles"]),
        "brief_seconds": seconds,
        "in_sample": {
            "newsweave stories (newsweave brief, defaults)": _row(
                pairwise(story_of, gold), bcubed(story_of, gold), len(set(story_of.values()))
            ),
            "newsweave events (newsweave brief, defaults)": _row(
                pairwise(event_of, gold), bcubed(event_of, gold), len(set(event_of.values()))
            ),
            f"baseline TF-IDF + agglomerative (threshold {threshold}, best on the whole set)": _row(
                pairwise(base, gold), bcubed(base, gold), len(set(base.values()))
            ),
        },
        "baseline_threshold": threshold,
    }
    if folds:
        articles = {a.id: a for a in brief_articles(brief)}
        halves = event_halves(raw, gold)
        rows = []
        for k in (0, 1):
            train, test = halves[k], halves[1 - k]
            test_gold = {a.id: gold[a.id] for a in test}
            fitted = [articles[a.id] for a in train if a.id in articles]
            tuned = tune(fitted, gold)
            tuned = replace(tuned, event_split_undated=tune_events(fitted, gold, tuned))
            kept = [articles[a.id] for a in test if a.id in articles]
            stories = cluster_stories(kept, tuned)
            labels = {a: s.id for s in stories for a in s.articles}
            labels |= {a.id: f"missing:{a.id}" for a in test if a.id not in labels}
            events = dated_events(stories, kept)
            events |= {a.id: f"missing:{a.id}" for a in test if a.id not in events}
            t = tune_baseline(train, gold)
            base_test = baseline_labels(test, t)
            rows.append(
                {
                    "tuned_on": k,
                    "scored_on": 1 - k,
                    "newsweave_config": {
                        name: getattr(tuned, name) for name in [*SEARCH, "event_split_undated"]
                    },
                    "newsweave": _row(
                        pairwise(labels, test_gold), bcubed(labels, test_gold), len(stories)
                    ),
                    "newsweave_events": _row(
                        pairwise(events, test_gold),
                        bcubed(events, test_gold),
                        len(set(events.values())),
                    ),
                    "baseline_threshold": t,
                    "baseline": _row(
                        pairwise(base_test, test_gold),
                        bcubed(base_test, test_gold),
                        len(set(base_test.values())),
                    ),
                }
            )
        result["two_fold_by_event"] = rows
    return result


def print_product(result: dict) -> None:
    """The product-path result as Markdown tables."""
    print(
        f"{result['articles']} articles as .txt pages without dates, {result['gold_events']} gold "
        f"events; `newsweave brief` kept {result['brief_articles']} articles in "
        f"{result['brief_seconds']:.0f} s\n"
    )
    print("| in sample (whole set) | clusters | pairwise P | R | F1 | B-cubed P | R | F1 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, row in result["in_sample"].items():
        print(_line(name, row))
    if "two_fold_by_event" in result:
        print(
            "\n| two-fold by event: tuned on → scored on | method | setting | clusters | pairwise P | R | F1 | B-cubed P | R | F1 |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for fold in result["two_fold_by_event"]:
            way = f"{fold['tuned_on']} → {fold['scored_on']}"
            print(_line(f"{way} | newsweave | {fold['newsweave_config']}", fold["newsweave"]))
            print(_line(f"{way} | newsweave events¹ | the same", fold["newsweave_events"]))
            print(
                _line(
                    f"{way} | baseline | threshold {fold['baseline_threshold']}", fold["baseline"]
                )
            )
        print(
            "\n¹ in process, the cluster stage's events dated (and an undated one split by the "
            "days its leads tell) by the summarize stage's `date_events`, as `brief` does"
        )


def _line(name: str, row: dict) -> str:
    return (
        f"| {name} | {row['clusters']} | {row['pairwise_p']:.3f} | {row['pairwise_r']:.3f} "
        f"| {row['pairwise_f1']:.3f} | {row['bcubed_p']:.3f} | {row['bcubed_r']:.3f} "
        f"| {row['bcubed_f1']:.3f} |"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print Markdown tables (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--no-two-fold",
        action="store_true",
        help="product path: skip the two-fold tuning (in-sample rows only)",
    )
    parser.add_argument(
        "--component",
        action="store_true",
        help="the clustering stage alone on the JSON articles (dates kept, no cleaner)",
    )
    parser.add_argument(
        "--two-fold", action="store_true", help="component: tune on half the events, score the rest"
    )
    parser.add_argument(
        "--fold-by",
        choices=("events", "articles"),
        default="events",
        help="component: halves of the gold events (default) or of each event's articles",
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    if not args.component:
        product = product_path(args.data, folds=not args.no_two_fold)
        if args.json:
            print(json.dumps(product, indent=2))
        else:
            print_product(product)
        return 0
    return component(args)


def component(args: argparse.Namespace) -> int:
    """The clustering stage alone, in process, on the JSON articles with their dates."""
    articles, gold = load(args.data)
    result = score(articles, gold, ClusterConfig(), dated=False)
    unlinked = score(articles, gold, ClusterConfig(link_threshold=float("inf")), dated=False)
    result["stories_unlinked"] = unlinked["stories"]
    result["stories_no_split"] = score(articles, gold, ClusterConfig(split_cut=0.0), dated=False)[
        "stories"
    ]
    streaming = ClusterConfig(refine_rounds=0, split_cut=0.0)
    result["stories_streaming_only"] = score(articles, gold, streaming, dated=False)["stories"]
    result["baseline"] = baseline(articles, gold, tune_baseline(articles, gold))
    result["articles"] = len(articles)
    result["gold_events"] = len(set(gold.values()))
    result["events_by_half"] = [
        score(half, gold, ClusterConfig(), dated=False)["events"] for half in halves(articles, gold)
    ]
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
        ("newsweave events, half A of the gold events (defaults)", result["events_by_half"][0]),
        ("newsweave events, half B of the gold events (defaults)", result["events_by_half"][1]),
        ("baseline TF-IDF + agglomerative (threshold best on the whole set)", result["baseline"]),
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
