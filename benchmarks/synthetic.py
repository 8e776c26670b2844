"""Deterministic synthetic news articles with invented vocabulary, for scale benchmarks.

    python benchmarks/synthetic.py --n 5 --seed 1    # print a few articles as JSON lines

Each story has its own invented names and topic words and runs for a few days to a few
weeks somewhere in a two-year window; articles mix those with a Zipf-distributed
general vocabulary, are 150 to 1,500 words long (log-normal, median about 450), and
about 10% are near-copies of an earlier article of the same story (new headline, a
sentence dropped, an ad line added). Articles come out in publication order. The same
seed always gives the same articles.
"""

from __future__ import annotations

import argparse
import heapq
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsweave.model import Article

_ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "cr",
    "dr",
    "gl",
    "kr",
    "pl",
    "st",
    "tr",
    "sh",
    "ch",
    "th",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "st", "rk"]
_START = date(2022, 1, 1)
_WINDOW_DAYS = 730


@dataclass(frozen=True, slots=True)
class SyntheticConfig:
    """Shape of the synthetic stream."""

    articles_per_story: float = 20.0  # mean; sizes are geometric-like (many small stories)
    general_words: int = 20_000
    copy_share: float = 0.11  # of articles after a story's first: about 10% of all
    seed: int = 0


def invented_word(rng: random.Random, syllables: int) -> str:
    """A pronounceable invented word."""
    return "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables)
    )


def generate(n: int, config: SyntheticConfig | None = None) -> Iterator[Article]:
    """`n` synthetic articles in publication order (deterministic for a given seed)."""
    config = config or SyntheticConfig(seed=0)
    rng = random.Random(config.seed)
    general = [invented_word(rng, rng.choice((1, 2, 2, 3))) for _ in range(config.general_words)]
    weights = [1.0 / (rank + 1) for rank in range(len(general))]
    cumulative: list[float] = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    queue: list[tuple[int, int, int]] = []  # (day, story, serial): pending articles
    plans = []
    serial = 0
    story = -1
    while serial < n:
        story += 1
        start = rng.randrange(_WINDOW_DAYS)
        size = 1 + int(rng.expovariate(1 / (config.articles_per_story - 1)))
        span = rng.choice((3, 7, 14, 30, 60))
        plans.append(_story_words(rng, general))
        for _ in range(size):
            heapq.heappush(queue, (start + int(rng.expovariate(3 / span)), story, serial))
            serial += 1
    recent: dict[int, Article] = {}
    for count in range(n):
        if not queue:
            break
        day, story, serial = heapq.heappop(queue)
        published = (_START + timedelta(days=day)).isoformat()
        source = recent.get(story)
        if source is not None and rng.random() < config.copy_share:
            article = _near_copy(rng, source, f"a{count:07d}", published)
        else:
            article = _fresh(rng, plans[story], general, cumulative, f"a{count:07d}", published)
            recent[story] = article
        yield article


def _story_words(rng: random.Random, general: list[str]) -> dict[str, list[str]]:
    names = [invented_word(rng, rng.choice((2, 3))).capitalize() for _ in range(rng.randint(4, 8))]
    places = [invented_word(rng, 2).capitalize() for _ in range(rng.randint(1, 3))]
    return {"names": names, "places": places, "topic": rng.sample(general[200:], 25)}


def _fresh(
    rng: random.Random,
    plan: dict[str, list[str]],
    general: list[str],
    cumulative: list[float],
    article_id: str,
    published: str,
) -> Article:
    length = max(150, min(1500, int(rng.lognormvariate(6.1, 0.5))))
    words = rng.choices(general, cum_weights=cumulative, k=length)
    for i in range(0, length, 6):
        words[i] = rng.choice(plan["topic"])
    for i in range(3, length, 17):
        words[i] = rng.choice(plan["names"] + plan["places"])
    sentences = [" ".join(words[i : i + 18]).capitalize() + "." for i in range(0, length, 18)]
    text = "\n".join(" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4))
    title = " ".join(
        [rng.choice(plan["names"]), *rng.sample(plan["topic"], 3), "in", rng.choice(plan["places"])]
    )
    return Article(
        id=article_id, source=f"synthetic/{article_id}", text=text, title=title, published=published
    )


def _near_copy(rng: random.Random, source: Article, article_id: str, published: str) -> Article:
    sentences = source.text.split(". ")
    if len(sentences) > 3:
        del sentences[rng.randrange(len(sentences))]
    text = ". ".join(sentences) + "\nAdvertisement. Subscribe for more stories like this one."
    words = (source.title or "").split()
    title = " ".join(rng.sample(words, len(words)))
    return Article(
        id=article_id, source=f"synthetic/{article_id}", text=text, title=title, published=published
    )


def main(argv: list[str] | None = None) -> int:
    """Print synthetic articles as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    for article in generate(args.n, SyntheticConfig(seed=args.seed)):
        print(json.dumps(asdict(article)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
