"""Quotations and their speakers on real article bodies, through the product path's stages.

`benchmarks/data/real_quotes.json` labels the quotations of 41 real pages (ids and character
offsets only, no page text): 38 news-like article bodies of `../shared/eval/extraction/`
(MIT) and `../shared/eval/extraction-more/readability/` (Apache-2.0), read from their
`ground-truth.json` `articleBody`; 3 pages are listed as skipped (a deals list, a Korean
column). Each item is a quoted span (marks excluded) of class `quote`, with the span of the
speaker's fullest name in the body (plus `aliases`, e.g. an acronym) or `null` when the text
names nobody, or `not_quote` (a title of a work, a slogan, a term or scare quote, a nickname).
`benchmarks/data/README.md` says how it was labelled.

Pages are split by a stable hash of `source/id` (`split_of`): about two thirds `dev`, where
attribution rules may be designed, and one third `check`, scored only to report.

Each body is one JSON Lines record (url, text) read by `newsweave`'s ingest and run through
the `clean` and `extract` stages of `newsweave brief` in process, with the defaults (entity
backend `auto`). A predicted quote is placed in the body by its first and last words; it
matches a gold item when the two spans overlap by at least half the gold span. Speakers
are compared as `../shared/eval/stories/score.py` compares them: the last word of the gold
name (or of an alias), case, accents and apostrophes folded, at a word start of the
predicted speaker; a predicted name of two words or more that starts a word of the gold
name also counts (`Whole Foods` for `Whole Foods Market`).

Verdicts per gold quotation with a speaker: right, wrong (only other speakers), unattributed
(found, no speaker), missing (no predicted quote overlaps it). A quotation whose text names
nobody is right unless a matching quote names someone. A `not_quote` reported as a quote is
spurious. Predicted quotes overlapping no gold item are counted as `unlabelled` (for
instance a post embedded without quote marks).

usage: python benchmarks/real_quotes.py [--split dev|check|all] [--json OUT] [--verbose]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsweave.analyze import default_stages
from newsweave.ingest import read_inputs
from newsweave.model import Article, Page
from newsweave.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "data" / "real_quotes.json"
SOURCES = {
    "extraction": ROOT.parent / "shared" / "eval" / "extraction" / "ground-truth.json",
    "readability": ROOT.parent
    / "shared"
    / "eval"
    / "extraction-more"
    / "readability"
    / "ground-truth.json",
}
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_WORD = re.compile(r"\w+")


def split_of(source: str, page: str) -> str:
    """The page's half: `check` for a third of the pages by a stable hash, else `dev`."""
    digest = hashlib.sha256(f"{source}/{page}".encode()).hexdigest()
    return "check" if int(digest[:8], 16) % 3 == 0 else "dev"


def fold(text: str) -> str:
    """NFKC, one kind of apostrophe, case and accents folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"\s+", " ", text).strip()


def _word_start(key: str, text: str) -> bool:
    return re.search(r"(?<![a-z0-9])" + re.escape(key), text) is not None


def speaker_right(predicted: str, names: list[str]) -> bool:
    """Whether a predicted speaker names the gold speaker (given as its name and aliases)."""
    said = fold(predicted)
    for name in names:
        words = re.findall(r"[\w'-]+", fold(name))
        if words and _word_start(words[-1], said):
            return True
        if len(said.split()) >= 2 and _word_start(said, fold(name)):
            return True
    return False


def load_gold() -> tuple[list[dict[str, Any]], dict[tuple[str, str], str]]:
    """The labelled pages, and each labelled page's body, checked against the stored hashes."""
    data = json.loads(GOLD.read_text())
    sources = {name: json.loads(path.read_text()) for name, path in SOURCES.items()}
    bodies = {}
    for page in data["pages"]:
        body = sources[page["source"]][page["id"]]["articleBody"]
        for item in page["quotes"]:
            s, e = item["span"]
            if _hash(body[s:e]) != item["hash"]:
                raise SystemExit(f"gold span drifted: {page['source']}/{page['id']} {s}-{e}")
        bodies[(page["source"], page["id"])] = body
    return data["pages"], bodies


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:8]


def run_product(bodies: dict[tuple[str, str], str]) -> dict[tuple[str, str], Article]:
    """Each body as one page through ingest, `clean` and `extract` with the brief's defaults."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pages.jsonl"
        keys = list(bodies)
        lines = [
            {"url": f"https://{source}.example/{n}/{page}", "text": bodies[(source, page)]}
            for n, (source, page) in enumerate(keys)
        ]
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
        pages = [p for p in read_inputs([str(path)]) if isinstance(p, Page)]
        by_url = {line["url"]: key for line, key in zip(lines, keys, strict=True)}
        stages = default_stages()[:2]  # clean, extract
        data, _ = Pipeline(stages).run({"pages": pages})
    return {by_url[str(a.url)]: a for a in data["articles"] if str(a.url) in by_url}


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def place(quote: str, body_tokens: list[tuple[str, int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Where a predicted quotation lies in the body: each run of its words found there in
    order (a quotation joined around its attribution has two runs), at each place its first
    words occur."""
    words = [w for w, _, _ in _tokens(quote)]
    seq = [w for w, _, _ in body_tokens]
    if not words:
        return
    k = min(3, len(words))
    firsts = [i for i in range(len(seq) - k + 1) if seq[i : i + k] == words[:k]]
    for first in firsts or [i for i, w in enumerate(seq) if w == words[0]]:
        i, j = 0, first  # i: next word of the quote, j: where to look in the body
        runs = []
        while i < len(words):
            at = None
            for run in range(min(3, len(words) - i), 0, -1):
                at = next(
                    (p for p in range(j, min(len(seq), j + 60) - run + 1)
                     if seq[p : p + run] == words[i : i + run]),
                    None,
                )  # fmt: skip
                if at is not None:
                    break
            if at is None:
                i += 1  # a word the extractor added (a stop for a comma) or changed
                continue
            length = run
            while (
                i + length < len(words)
                and at + length < len(seq)
                and (seq[at + length] == words[i + length])
            ):
                length += 1
            runs.append((body_tokens[at][1], body_tokens[at + length - 1][2]))
            i, j = i + length, at + length
        yield runs


def _in_sentence(
    places: list[list[tuple[int, int]]], sentence: str, body: str
) -> list[tuple[int, int]]:
    """The runs of a quotation's place that starts in its sentence, where its first words
    occur more than once; the runs of every place when none does."""
    if len(places) > 1 and sentence:
        starts = [m.start() for m in re.finditer(re.escape(sentence[:60]), body)]
        kept = [p for p in places if any(s <= p[0][0] < s + len(sentence) for s in starts)]
        places = kept or places
    return [run for runs in places for run in runs]


def score(
    pages: list[dict[str, Any]],
    bodies: dict[tuple[str, str], str],
    articles: dict[tuple[str, str], Article],
    split: str,
) -> tuple[Counter[str], list[dict[str, Any]]]:
    """Counts and per-item verdicts of the pages of `split` ("all" for every page)."""
    counts: Counter[str] = Counter()
    items: list[dict[str, Any]] = []
    for page in pages:
        key = (page["source"], page["id"])
        if page.get("skipped") or split not in ("all", split_of(*key)):
            continue
        body = bodies[key]
        article = articles.get(key)
        quotes = article.quotes if article else []
        tokens = _tokens(body)
        placed = [(q, _in_sentence(list(place(q.text, tokens)), q.sentence, body)) for q in quotes]
        used: set[int] = set()
        counts["pages"] += 1
        for item in page["quotes"]:
            s, e = item["span"]
            hits = []
            for n, (quote, spans) in enumerate(placed):
                if sum(max(0, min(e, b) - max(s, a)) for a, b in spans) >= 0.5 * (e - s):
                    hits.append(quote)
                    used.add(n)
            speakers = [q.speaker for q in hits if q.speaker]
            verdict = _verdict(item, body, hits, speakers)
            counts[verdict] += 1
            items.append(
                {
                    "split": split_of(*key),
                    "source": key[0],
                    "page": key[1],
                    "span": item["span"],
                    "class": item["class"],
                    "gold_speaker": _names(item, body),
                    "predicted": sorted(set(speakers)),
                    "found": bool(hits),
                    "verdict": verdict,
                }
            )
        counts["unlabelled"] += sum(1 for n, (_, spans) in enumerate(placed) if n not in used)
    return counts, items


def _names(item: dict[str, Any], body: str) -> list[str]:
    spans = ([item["speaker"]] if item.get("speaker") else []) + item.get("aliases", [])
    return [body[a:b] for a, b in spans]


def _verdict(item: dict[str, Any], body: str, hits: list[Any], speakers: list[str]) -> str:
    if item["class"] == "not_quote":
        return "spurious" if hits else "not-quote kept out"
    if item.get("speaker") is None:
        return "nobody named wrongly" if speakers else "nobody right"
    if not hits:
        return "missing"
    if any(speaker_right(sp, _names(item, body)) for sp in speakers):
        return "right"
    return "wrong" if speakers else "unattributed"


def report(split: str, counts: Counter[str]) -> str:
    """The lines printed for one split."""
    said = sum(counts[v] for v in ("right", "wrong", "unattributed", "missing"))
    nobody = counts["nobody right"] + counts["nobody named wrongly"]
    titles = counts["spurious"] + counts["not-quote kept out"]
    found = said - counts["missing"]
    rate = counts["right"] / said if said else 0.0
    return (
        f"{split}: {counts['pages']} pages | quotations with a speaker {said}: "
        f"found {found}, right {counts['right']} ({rate:.2f}), wrong {counts['wrong']}, "
        f"unattributed {counts['unattributed']}, missing {counts['missing']} | "
        f"no speaker in text {nobody}: named wrongly {counts['nobody named wrongly']} | "
        f"not quotes {titles}: spurious {counts['spurious']} | "
        f"unlabelled predictions {counts['unlabelled']}"
    )


def main() -> None:
    """Score the chosen split(s) and print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "check", "all"], default="all")
    parser.add_argument("--json", type=Path, help="write per-item verdicts here")
    parser.add_argument("--verbose", action="store_true", help="print failures of the dev split")
    args = parser.parse_args()
    if not all(path.exists() for path in SOURCES.values()):
        sys.exit("../shared/eval is absent: nothing to score")
    pages, bodies = load_gold()
    articles = run_product(bodies)
    splits = ["dev", "check"] if args.split == "all" else [args.split]
    every = []
    for split in splits:
        counts, items = score(pages, bodies, articles, split)
        every += items
        print(report(split, counts))
        if args.verbose and split == "dev":
            for item in items:
                if item["verdict"] in ("wrong", "unattributed", "missing", "spurious") or (
                    item["verdict"] == "nobody named wrongly"
                ):
                    print(
                        "  ",
                        item["verdict"],
                        item["page"][:12],
                        item["span"],
                        item["gold_speaker"],
                        item["predicted"],
                    )
    if args.json:
        args.json.write_text(json.dumps(every, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
