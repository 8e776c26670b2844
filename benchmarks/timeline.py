"""Timeline benchmark on Timeline17 (13 topics with journalist-written gold timelines).

For each topic the articles (publication date = their DCT) go through newsweave's timeline
mentions (`summarize.timeline.story_mentions`: our time tagger, clauses around dates), and a
timeline as long as the gold one is selected: as many dates as the gold has, and per date as
many sentences as the gold's average per date (the usual setting, Martschat & Markert 2018,
Ghalandari & Ifrim 2020). Beside it, in the same run and from the same tagged mentions, the
baseline: the most-mentioned dates, each with the first sentence that mentions it.

Metrics: date-selection F1, and alignment-based ROUGE-1/2 F1, "align+ m:1" of tilse
(Martschat & Markert 2017), implemented here with these simplifications:
  * tokens are lower-cased words with newsweave's stop words removed and its crude suffix
    stemmer applied (tilse calls ROUGE-1.5.5 with Porter stemming and the SMART stop list);
  * the content cost of an alignment uses the same tokens (tilse uses raw tokens);
  * one reference timeline per topic, as in this data set.
Text is PTB-tokenised; it is lightly detokenised (", " "( )" quotes) before tagging.

Usage:
    python benchmarks/timeline.py [../shared/eval/timelines] [--topics N]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from newsweave.extract.dates import time_expressions
from newsweave.model import Article
from newsweave.summarize.timeline import TimelineConfig, story_mentions
from newsweave.text import STOP_WORDS, split_sentences, stem, words

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "timelines"
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_PTB = [
    (re.compile(r"\s+([,.;:!?%])"), r"\1"),
    (re.compile(r"-LRB-\s*"), "("),
    (re.compile(r"\s*-RRB-"), ")"),
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b"), r"\1"),
    (re.compile(r"\$\s+(?=\d)"), "$"),
]
Timeline = dict[str, list[str]]


def detokenise(text: str) -> str:
    """PTB tokens back to running text, enough for the time tagger and the sentence splitter."""
    for pattern, replacement in _PTB:
        text = pattern.sub(replacement, text)
    return text


def load_topic(folder: Path) -> tuple[list[Article], Timeline]:
    """The topic's articles and its gold timeline (date -> sentences)."""
    raw = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    articles = []
    for item in raw:
        text = detokenise(item["text"])
        article = Article(id=str(item["uid"]), source=str(item["uid"]), text=text)
        article.published = item["dct"][:10]
        article.times = time_expressions(text, article.published)
        articles.append(article)
    gold: Timeline = defaultdict(list)
    for path in folder.glob("*.timeline.json"):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            gold[entry["date"][:10]] += split_sentences(detokenise(entry["text"].strip()))
    return articles, dict(gold)


def newsweave_timeline(articles: Sequence[Article], dates: int, per_date: int) -> Timeline:
    """newsweave: dates ranked by how many articles date a happening to them, counting later
    (retrospective) articles more; per date the clauses closest to that date's centroid."""
    mentions = story_mentions(articles, config=TimelineConfig(publication=False))
    published = {a.id: a.published or "" for a in articles}
    by_date: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for m in mentions:
        if _DAY.match(m.date):
            by_date[m.date].append((m.article, m.text))
    scores = {}
    for day, found in by_date.items():
        sources = {a for a, _ in found}
        later = sum(1 for a in sources if published[a] > day)
        scores[day] = len(sources) + later
    chosen = sorted(scores, key=lambda d: (-scores[d], d))[:dates]
    return {d: _central(by_date[d], per_date) for d in sorted(chosen)}


def baseline_timeline(articles: Sequence[Article], dates: int, per_date: int) -> Timeline:
    """Baseline: the most-mentioned dates, each with the first sentences that mention it."""
    counts: Counter[str] = Counter()
    first: dict[str, list[str]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: (a.published or "", a.id)):
        for expr in article.times:
            day = expr.value[:10]
            if not _DAY.match(day) or expr.kind not in ("DATE", "TIME"):
                continue
            counts[day] += 1
            if len(first[day]) < per_date and expr.sentence not in first[day]:
                first[day].append(expr.sentence)
    chosen = [d for d, _ in counts.most_common(dates)]
    return {d: first[d] for d in sorted(chosen)}


def _central(found: list[tuple[str, str]], k: int) -> list[str]:
    """The k texts closest to the centroid of all texts for one date, skipping near-repeats."""
    texts = list(dict.fromkeys(t for _, t in found if 6 <= len(t.split()) <= 45))
    if not texts:
        texts = list(dict.fromkeys(t for _, t in found))
    bags = [Counter(_tokens(t)) for t in texts]
    centroid: Counter[str] = Counter()
    for bag in bags:
        centroid.update(set(bag))
    ranked = sorted(range(len(texts)), key=lambda i: -_cosine(bags[i], centroid))
    picked: list[int] = []
    for i in ranked:
        if all(_cosine(bags[i], bags[j]) < 0.5 for j in picked):
            picked.append(i)
        if len(picked) == k:
            break
    return [texts[i] for i in picked]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b.get(t, 0) for t, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


# -- metrics -------------------------------------------------------------------------------
def _tokens(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w not in STOP_WORDS]


def _ngrams(sentences: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    grams: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        tokens = _tokens(sentence)
        grams.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def date_f1(predicted: Timeline, gold: Timeline) -> float:
    """F1 of the predicted dates against the gold dates."""
    hits = len(set(predicted) & set(gold))
    return _f1(hits / len(predicted), hits / len(gold)) if predicted and gold else 0.0


def align_rouge(predicted: Timeline, gold: Timeline, n: int) -> float:
    """ROUGE-n F1 with many-to-one date alignment on date and content costs (tilse align+ m:1)."""
    if not predicted or not gold:
        return 0.0
    pred_dates, gold_dates = sorted(predicted), sorted(gold)
    days = {d: date.fromisoformat(d).toordinal() for d in (*pred_dates, *gold_dates)}
    unigrams = {("p", d): _ngrams(predicted[d], 1) for d in pred_dates}
    unigrams |= {("g", d): _ngrams(gold[d], 1) for d in gold_dates}
    grams = {("p", d): _ngrams(predicted[d], n) for d in pred_dates}
    grams |= {("g", d): _ngrams(gold[d], n) for d in gold_dates}

    def cost(p: str, g: str) -> float:
        date_cost = 1 - 1 / (abs(days[p] - days[g]) + 1)
        return date_cost * (1 - _overlap_f1(unigrams[("p", p)], unigrams[("g", g)]))

    def matched(p: str, g: str) -> float:
        common = grams[("p", p)] & grams[("g", g)]
        return sum(common.values()) / (abs(days[p] - days[g]) + 1)

    p_num = p_den = r_num = r_den = 0.0
    for p in pred_dates:
        g = min(gold_dates, key=lambda g: cost(p, g))
        p_num += matched(p, g)
        p_den += sum(grams[("p", p)].values())
    for g in gold_dates:
        p = min(pred_dates, key=lambda p: cost(p, g))
        r_num += matched(p, g)
        r_den += sum(grams[("g", g)].values())
    return _f1(p_num / p_den if p_den else 0.0, r_num / r_den if r_den else 0.0)


def _overlap_f1(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> float:
    common = sum((a & b).values())
    if not common:
        return 0.0
    return _f1(common / sum(a.values()), common / sum(b.values()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--topics", type=int, default=0, help="only the first N topics")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"no timelines at {args.folder}", file=sys.stderr)
        return 2
    topics = sorted(p for p in args.folder.iterdir() if (p / "articles.json").exists())
    topics = topics[: args.topics] if args.topics else topics
    systems = {
        "baseline (most-mentioned dates)": baseline_timeline,
        "newsweave": newsweave_timeline,
    }
    totals: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    started = time.perf_counter()
    print(f"{'topic':<22} {'system':<34} {'date F1':>8} {'AR-1 F1':>8} {'AR-2 F1':>8}")
    for folder in topics:
        articles, gold = load_topic(folder)
        per_date = max(1, round(sum(len(s) for s in gold.values()) / len(gold)))
        for name, system in systems.items():
            predicted = system(articles, len(gold), per_date)
            scores = (
                date_f1(predicted, gold),
                align_rouge(predicted, gold, 1),
                align_rouge(predicted, gold, 2),
            )
            totals[name].append(scores)
            print(f"{folder.name:<22} {name:<34} " + " ".join(f"{s:8.3f}" for s in scores))
    print(f"\nmean over {len(topics)} topics ({time.perf_counter() - started:.0f} s):")
    for name, rows in totals.items():
        means = [sum(r[i] for r in rows) / len(rows) for i in range(3)]
        print(f"{'':<22} {name:<34} " + " ".join(f"{m:8.3f}" for m in means))
    return 0


if __name__ == "__main__":
    sys.exit(main())
