"""Entity typing accuracy and `brief` speed of each entity backend, through the product path.

Runs `newsweave brief` on `../shared/eval/stories/<part>/pages.jsonl` once per backend (the
default install's `auto`, and the model-free `lexical`), then scores the entity type of each
labelled mention of `benchmarks/data/entity_typing_part1.json` (page file, character offsets,
coarse type; no page text is stored): a mention is right when an entity of its article has
the mention's text among its aliases and a kind of the same coarse class (PERSON, ORG,
PLACE = GPE/LOC/FAC, NORP, OTHER). A mention no entity carries counts as wrong.
`accuracy` is over all labelled mentions, with the kind of the brief's story entity (what a
reader sees: kinds voted over the story's articles); `article_accuracy` with each article's own
entities; `accuracy_kept` over the mentions the cleaner kept in the article text (a mention
cut with a menu or headline cannot be typed).

Speed: articles per second of the whole `brief` command (start-up included) for each backend,
measured in the same run on the same pages (all three parts, each part one command).

usage: python benchmarks/entity_typing.py [--backends auto,lexical] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from newsweave.extract.entities import fix_mention

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval" / "stories"
GOLD = ROOT / "benchmarks" / "data" / "entity_typing_part1.json"
COARSE = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PERSON": "PERSON", "ORG": "ORG"}
COARSE |= {"NORP": "NORP"}


def run_brief(pages: Path, backend: str, out: Path) -> tuple[dict, float]:
    """The brief JSON of `pages` with entity backend `backend`, and the command's wall time."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsweave.cli", "-q", "brief", str(pages), "--format", "json"]
        + ["--entities", backend, "-o", str(out)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    return json.loads(out.read_text()), time.perf_counter() - start


def predicted_kinds(brief: dict) -> dict[str, dict[str, str]]:
    """Per gold page name (NNN.txt): alias -> entity kind, from the brief's articles."""
    kinds: dict[str, dict[str, str]] = {}
    for article in brief["articles"]:
        line = int(str(article["source"]).rsplit(":", 1)[1])
        page = f"{line - 1:03d}.txt"
        for entity in article.get("entities") or []:
            for alias in entity["aliases"]:
                kinds.setdefault(page, {})[alias] = entity["kind"]
    return kinds


def story_kinds(brief: dict) -> dict[str, dict[str, str]]:
    """Per gold page name: alias -> kind of the story entity (the brief's entity list)."""
    pages = {
        a["id"]: f"{int(str(a['source']).rsplit(':', 1)[1]) - 1:03d}.txt" for a in brief["articles"]
    }
    kinds: dict[str, dict[str, str]] = {}
    for story in brief["stories"]:
        for entity in story.get("entities") or []:
            for article in entity["articles"]:
                for alias in entity["aliases"]:
                    kinds.setdefault(pages.get(article, ""), {})[alias] = entity["kind"]
    return kinds


def score(brief: dict, gold: dict, level: str = "story") -> dict[str, float]:
    """Accuracy of the coarse type over the labelled mentions; coverage = mentions found."""
    kinds = story_kinds(brief) if level == "story" else predicted_kinds(brief)
    texts = {
        f"{int(str(a['source']).rsplit(':', 1)[1]) - 1:03d}.txt": a["text"]
        for a in brief["articles"]
    }
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for mention in gold["mentions"]:
        text = (SHARED / gold["part"] / "pages" / mention["page"]).read_text()
        surface = text[mention["start"] : mention["end"]]
        fixed = fix_mention(surface, "MISC")
        key = fixed[0] if fixed else surface
        kind = kinds.get(mention["page"], {}).get(key)
        guess = COARSE.get(kind or "", "OTHER") if kind else "MISSING"
        counts["found"] += guess != "MISSING"
        counts["right"] += guess == mention["type"]
        if surface in texts.get(mention["page"], ""):  # the cleaner kept it
            counts["kept"] += 1
            counts["kept_right"] += guess == mention["type"]
        confusion[(mention["type"], guess)] += 1
    n = len(gold["mentions"])
    return {
        "mentions": n,
        "accuracy": counts["right"] / n,
        "kept": counts["kept"],
        "accuracy_kept": counts["kept_right"] / counts["kept"] if counts["kept"] else 0.0,
        "found": counts["found"] / n,
        "right": counts["right"],
        "errors": {f"{g}->{p}": c for (g, p), c in confusion.most_common() if g != p},
    }


def main() -> None:
    """Score and time each backend; print one JSON object per backend."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default="auto,lexical")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per backend and part")
    parser.add_argument("--parts", default="part1,part2,part3", help="parts timed (part1 scored)")
    args = parser.parse_args()
    gold = json.loads(GOLD.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            seconds, articles, dev = 0.0, 0, None
            for _ in range(args.repeat):
                for part in args.parts.split(","):
                    out = Path(tmp) / f"{backend}-{part}.json"
                    brief, took = run_brief(SHARED / part / "pages.jsonl", backend, out)
                    seconds += took
                    articles += len(brief["articles"])
                    if part == gold["part"]:
                        dev = brief
            assert dev is not None
            article_level = score(dev, gold, "article")
            result = score(dev, gold) | {
                "article_accuracy": round(article_level["accuracy"], 3),
                "backend": backend,
                "brief_articles_per_s": round(articles / seconds, 2),
                "brief_seconds": round(seconds, 1),
            }
            print(json.dumps(result))


if __name__ == "__main__":
    main()
