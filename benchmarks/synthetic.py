"""Deterministic synthetic news articles with invented vocabulary, for scale benchmarks.

    python benchmarks/synthetic.py --n 5 --seed 1    # print a few articles as JSON lines

Each story has its own invented names and topic words and runs for a few days to a few
weeks somewhere in a two-year window; articles mix those with a Zipf-distributed
general vocabulary, are 150 to 1,500 words long (log-normal, median about 450), and
about 10% are near-copies of an earlier article of the same story (new headline, a
sentence dropped, an ad line added). Articles come out in publication order. The same
seed always gives the same articles. `html_page` and `write_warcs` dress them as pages of
invented outlets in WARC files, for the sharded-run benchmark (`throughput.py`).
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
COPY_LINE = "Advertisement. Subscribe for more stories like this one."  # ends every near-copy
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
    for _, article in generate_labelled(n, config):
        yield article


def generate_labelled(
    n: int, config: SyntheticConfig | None = None
) -> Iterator[tuple[int, Article]]:
    """`generate`'s articles, each with the number of the story it belongs to."""
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
        yield story, article


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
    text = ". ".join(sentences) + "\n" + COPY_LINE
    words = (source.title or "").split()
    title = " ".join(rng.sample(words, len(words)))
    return Article(
        id=article_id, source=f"synthetic/{article_id}", text=text, title=title, published=published
    )


OUTLETS = (
    "Valley Herald",
    "Lowland Gazette",
    "Capital Courier",
    "Riverside Post",
    "Estmark Observer",
    "Quellmouth Chronicle",
    "MPA Wire",
    "Harbour Ledger",
)


def html_page(article: Article, outlet: str) -> str:
    """The article as a news page of `outlet`: navigation, byline, related links and footer."""
    from html import escape

    body = "".join(f"<p>{escape(p)}</p>" for p in article.text.split("\n") if p.strip())
    title = escape(article.title or "")
    return (
        f"<!DOCTYPE html><html><head><title>{title} | {outlet}</title>"
        f'<meta property="article:published_time" content="{article.published}T07:30:00Z">'
        f'<meta property="og:site_name" content="{outlet}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> '
        '<a href="/sport">Sport</a> <a href="/opinion">Opinion</a></nav>'
        f"<article><h1>{title}</h1><p class=byline>By a staff reporter, {article.published}</p>"
        f"{body}</article>"
        "<aside><h2>Most read</h2><ul><li><a href=/a>Council votes on the new budget</a></li>"
        "<li><a href=/b>Weekend weather: rain in the north</a></li>"
        "<li><a href=/c>Five things to do this weekend</a></li></ul></aside>"
        f"<footer>Copyright {outlet}. All rights reserved. <a href=/privacy>Privacy</a> "
        "<a href=/cookies>Cookie settings</a></footer></body></html>"
    )


def write_warcs(
    articles: list[Article], folder: Path, shards: int, outlets: tuple[str, ...] = OUTLETS
) -> list[Path]:
    """Write the articles as HTML response records into `shards` gzipped WARC files."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"synthetic-{n:04d}.warc.gz" for n in range(shards)]
    handles = [path.open("wb") for path in paths]
    writers = [WARCWriter(handle, gzip=True) for handle in handles]
    try:
        for i, article in enumerate(articles):
            outlet = outlets[i % len(outlets)]
            host = outlet.lower().replace(" ", "") + ".example"
            url = f"https://{host}/{article.published}/{article.id}"
            payload = html_page(article, outlet).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer = writers[i % shards]
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=headers
                )
            )
    finally:
        for handle in handles:
            handle.close()
    return paths


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
