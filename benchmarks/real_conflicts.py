"""Real conflicts between outlets on real coverage (Timeline17 bundles), through `newsweave brief`.

`../shared/eval/timelines/` (Timeline17, research use: evaluation and development only) holds
real coverage of one story by several outlets (`bpoil_*`: five outlets of the 2010 oil spill;
`H1N1_*`: three of the 2009 flu; `LibyaWar_*`: two of the 2011 war). This script cuts it into
**bundles** by a rule fixed here, and scores the brief of each bundle against hand labels kept
in `benchmarks/data/real_conflicts_gold.json` (article uids and character offsets into the
text `detokenise` gives, no copied text; how it was labelled is in that file's `_about`).

- **Bundles** (`select_bundles`): for each topic, each day D where the articles published in
  D-1..D+1 come from at least min(3, outlets of the topic) outlets; days ranked by the outlets
  then the articles of their window, busiest first, one every `GAP_DAYS` at least; per day,
  articles of 500 to 8,000 characters, shuffled per outlet by a seed made of the topic and the
  day, taken outlet by outlet in turn up to `BUNDLE_SIZE`.
- **Split** (`split_of`): every LibyaWar bundle and the latest bundle of each other topic are
  `check`; the rest `dev` (8 dev, 5 check).
- **Pages**: one JSONL line per article: the detokenised text, the outlet, a URL made of the
  topic and the uid, and the publication day (`dct`) as `published` (the JSONL reader takes
  it as the page's declared date).
- **Scoring**: a reported discrepancy *matches* a gold conflict when two of its values match
  two different gold values (one to one); a value matches a gold value when one of its
  sources is an article of that gold value and its number is the gold value's within 1%.
  A reported discrepancy is *true* when it matches a gold conflict, *trap* when it holds two
  figures of a gold trap (figures that look alike and count different things, a tally over
  time, one source's revised estimate), else *false* (every bundle was read whole: what is
  not labelled is no conflict).

usage: python benchmarks/real_conflicts.py [--split dev|check|all] [--json OUT] [--keep DIR] [-v]
                                          [--bundle ID ...]
       python benchmarks/real_conflicts.py --list          # the bundles and their articles
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.timeline17 import TIMELINES, detokenise  # noqa: E402

GOLD = Path(__file__).resolve().parent / "data" / "real_conflicts_gold.json"
TOPICS = {"bpoil": 6, "H1N1": 4, "LibyaWar": 3}  # topic: bundles taken
GAP_DAYS = 10
BUNDLE_SIZE = 10
MIN_CHARS, MAX_CHARS = 500, 8000


# ----------------------------------------------------------------------------- text

# ----------------------------------------------------------------------------- bundles


def _articles(topic: str) -> dict[str, list[dict]]:
    out = {}
    for folder in sorted(TIMELINES.glob(f"{topic}_*")):
        outlet = folder.name.split("_", 1)[1]
        records = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
        kept = []
        for record in records:
            text = detokenise(record["text"])
            if MIN_CHARS <= len(text) <= MAX_CHARS:
                kept.append(
                    {
                        "uid": f"{folder.name}/{record['uid']}",
                        "dct": record["dct"][:10],
                        "outlet": outlet,
                        "text": text,
                    }
                )
        out[outlet] = kept
    return out


def select_bundles() -> list[dict]:
    """The bundles, by the rule of the module docstring (deterministic)."""
    bundles = []
    for topic, wanted in TOPICS.items():
        by_outlet = _articles(topic)
        need = min(3, len(by_outlet))
        days = sorted({date.fromisoformat(a["dct"]) for arts in by_outlet.values() for a in arts})
        ranked = []
        for day in days:
            lo, hi = (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()
            window = {o: [a for a in arts if lo <= a["dct"] <= hi] for o, arts in by_outlet.items()}
            window = {o: arts for o, arts in window.items() if arts}
            if len(window) >= need:
                ranked.append((-len(window), -sum(map(len, window.values())), day, window))
        ranked.sort(key=lambda r: (r[0], r[1], r[2]))
        picked: list[tuple[date, dict]] = []
        for _, _, day, window in ranked:
            if len(picked) == wanted:
                break
            if all(abs((day - other).days) >= GAP_DAYS for other, _ in picked):
                picked.append((day, window))
        for day, window in sorted(picked, key=lambda p: p[0]):
            rng = random.Random(f"{topic}-{day.isoformat()}")
            queues = {}
            for outlet in sorted(window):
                arts = sorted(window[outlet], key=lambda a: a["uid"])
                rng.shuffle(arts)
                queues[outlet] = arts
            chosen: list[dict] = []
            while len(chosen) < BUNDLE_SIZE and any(queues.values()):
                for outlet in sorted(queues):
                    if queues[outlet] and len(chosen) < BUNDLE_SIZE:
                        chosen.append(queues[outlet].pop(0))
            bundles.append(
                {
                    "id": f"{topic}-{day.isoformat()}",
                    "topic": topic,
                    "day": day.isoformat(),
                    "articles": sorted(chosen, key=lambda a: a["uid"]),
                }
            )
    for topic in TOPICS:
        mine = [b for b in bundles if b["topic"] == topic]
        for bundle in mine:
            last = bundle is mine[-1]
            bundle["split"] = "check" if topic == "LibyaWar" or last else "dev"
    return bundles


def pages_of(bundle: dict) -> list[dict]:
    """The bundle as newsweave JSONL pages (text, outlet, url, published)."""
    return [
        {
            "url": f"https://timeline17.example/{a['uid']}",
            "outlet": a["outlet"],
            "published": a["dct"],
            "text": a["text"],
        }
        for a in bundle["articles"]
    ]


def whole_bundle(bundle: dict) -> dict:
    """Diagnostic, not the product path: the comparison stage over the whole bundle as if it
    were one story (the same stages and defaults in process, then `compare_figures` over every
    article, copies counted once), to tell the comparison's misses from the clustering's."""
    from dataclasses import asdict

    from newsweave.analyze import _on_topic, analyze
    from newsweave.compare.discrepancies import compare_figures
    from newsweave.ingest import IngestConfig
    from newsweave.ingest.jsonl import read_jsonl
    from newsweave.model import Page

    data = "".join(json.dumps(p) + "\n" for p in pages_of(bundle)).encode()
    pages = [
        p for p in read_jsonl(io.BytesIO(data), bundle["id"], IngestConfig()) if isinstance(p, Page)
    ]
    analysis = analyze(pages)
    copies = [list(group) for story in analysis.stories for group in _copy_groups(story)]
    conflicts, _ = compare_figures([_on_topic(a) for a in analysis.articles], copies)
    return {
        "articles": [{"id": a.id, "url": a.url} for a in analysis.articles],
        "stories": [{"discrepancies": [asdict(d) for d in conflicts]}],
    }


def _copy_groups(story: object) -> list[list[str]]:
    from newsweave.analyze import _one_source

    return _one_source(story)  # type: ignore[arg-type]


def brief(bundle: dict, folder: Path) -> dict:
    """Run `newsweave -q brief` on the bundle in a fresh process; the JSON brief."""
    source = folder / f"{bundle['id']}.jsonl"
    target = folder / f"{bundle['id']}.brief.json"
    with source.open("w", encoding="utf-8") as out:
        for page in pages_of(bundle):
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
    command = [sys.executable, "-m", "newsweave.cli", "-q", "brief", str(source)]
    subprocess.run([*command, "--format", "json", "-o", str(target)], check=True)
    return json.loads(target.read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- scoring

_NUM = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _numbers(value: str) -> list[float]:
    return [float(m.group().replace(",", "")) for m in _NUM.finditer(value or "")]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(a), abs(b)) + 1e-9


def _reported(result: dict, uid_of: dict[str, str]) -> list[dict]:
    out = []
    for story in result.get("stories", []):
        for d in story.get("discrepancies") or []:
            values = [
                {
                    "numbers": _numbers(v.get("value", "")),
                    "uids": sorted({uid_of[s] for s in v.get("sources") or [] if s in uid_of}),
                    "text": v.get("text"),
                }
                for v in d.get("values") or []
            ]
            out.append({"about": d.get("about"), "values": values})
    return out


def _value_hits(value: dict, gold_value: dict) -> bool:
    uids = {s["uid"] for s in gold_value["spans"]}
    return bool(uids & set(value["uids"])) and any(
        _same(n, g) for n in value["numbers"] for g in gold_value["numbers"]
    )


def _matching(values: list[dict], gold_values: list[dict]) -> int:
    match: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j, gv in enumerate(gold_values):
            if j in seen or not _value_hits(values[i], gv):
                continue
            seen.add(j)
            if j not in match or augment(match[j], seen):
                match[j] = i
                return True
        return False

    return sum(1 for i in range(len(values)) if augment(i, set()))


def _trap_hits(values: list[dict], trap: dict) -> bool:
    uids = {s["uid"] for s in trap["spans"]}
    hit = {
        g
        for g in trap["numbers"]
        for v in values
        if set(v["uids"]) & uids and any(_same(n, g) for n in v["numbers"])
    }
    return len(hit) >= min(2, len(trap["numbers"]))


def score_bundle(bundle: dict, gold: dict, result: dict) -> dict:
    """Per-bundle verdicts: gold conflicts found, each reported discrepancy true/trap/false."""
    uid_of = {}
    for article in result.get("articles", []):
        url = article.get("url") or ""
        if "timeline17.example/" in url:
            uid_of[article["id"]] = url.split("timeline17.example/", 1)[1]
    reported = _reported(result, uid_of)
    conflicts = gold.get("conflicts", [])
    found = [any(_matching(r["values"], c["values"]) >= 2 for r in reported) for c in conflicts]
    verdicts = []
    for r in reported:
        true = [i for i, c in enumerate(conflicts) if _matching(r["values"], c["values"]) >= 2]
        traps = [i for i, t in enumerate(gold.get("traps", [])) if _trap_hits(r["values"], t)]
        soft = [i for i, t in enumerate(gold.get("soft", [])) if _trap_hits(r["values"], t)]
        verdict = "true" if true else "trap" if traps else "soft" if soft else "false"
        verdicts.append(
            {
                "about": r["about"],
                "values": [v["text"] for v in r["values"]],
                "verdict": verdict,
                "conflicts": true,
                "traps": traps,
                "soft": soft,
            }
        )
    return {
        "bundle": bundle["id"],
        "split": bundle["split"],
        "gold": len(conflicts),
        "found": sum(found),
        "found_items": [c["about"] for c, f in zip(conflicts, found, strict=True) if f],
        "missed_items": [c["about"] for c, f in zip(conflicts, found, strict=True) if not f],
        "reported": len(reported),
        "true": sum(v["verdict"] == "true" for v in verdicts),
        "trap": sum(v["verdict"] == "trap" for v in verdicts),
        "soft": sum(v["verdict"] == "soft" for v in verdicts),
        "verdicts": verdicts,
    }


def _result_urls(result: dict, pages: list[dict]) -> dict:
    """Add each article's URL (the brief keeps its source line) so uids can be read back."""
    for article in result.get("articles", []):
        if not article.get("url"):
            line = str(article.get("source", "")).rsplit(":", 1)[-1]
            if line.isdigit() and 0 < int(line) <= len(pages):
                article["url"] = pages[int(line) - 1]["url"]
    return result


def main() -> None:
    """Select the bundles, brief each, score against the hand labels, print per split."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "check", "all"), default="dev")
    parser.add_argument("--json", type=Path, help="write per-bundle verdicts here")
    parser.add_argument("--keep", type=Path, help="keep the pages and briefs in this folder")
    parser.add_argument("--list", action="store_true", help="list the bundles and stop")
    parser.add_argument("--bundle", action="append", help="only this bundle (repeatable)")
    parser.add_argument(
        "--whole",
        action="store_true",
        help="diagnostic: compare each bundle as one story (not the product path)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="print each reported discrepancy"
    )
    args = parser.parse_args()
    if not TIMELINES.is_dir():
        sys.exit(f"no Timeline17 data at {TIMELINES}")
    bundles = select_bundles()
    if args.list:
        for b in bundles:
            outlets = sorted({a["outlet"] for a in b["articles"]})
            print(
                f"{b['id']:<22} {b['split']:<5} {len(b['articles']):>2} articles  {', '.join(outlets)}"
            )
        return
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["bundles"]
    chosen = [
        b
        for b in bundles
        if args.split in ("all", b["split"])
        and b["id"] in gold
        and (not args.bundle or b["id"] in args.bundle)
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for bundle in chosen:
            if args.whole:
                result = whole_bundle(bundle)
            else:
                result = _result_urls(brief(bundle, folder), pages_of(bundle))
            rows.append(score_bundle(bundle, gold[bundle["id"]], result))
    for split in ("dev", "check"):
        mine = [r for r in rows if r["split"] == split]
        if not mine:
            continue
        g, f, rep, tr, tp, so = (
            sum(r[k] for r in mine) for k in ("gold", "found", "reported", "true", "trap", "soft")
        )
        print(
            f"{split}: {len(mine)} bundles  real conflicts found {f}/{g}  reported {rep}: "
            f"true {tr}, trap {tp}, soft {so}, false {rep - tr - tp - so}"
        )
        for r in mine:
            print(
                f"  {r['bundle']:<22} found {r['found']}/{r['gold']}  reported {r['reported']} "
                f"(true {r['true']}, trap {r['trap']}, soft {r['soft']})"
            )
            if args.verbose:
                for v in r["verdicts"]:
                    print(
                        f"      {v['verdict']:<5} {v['about']}: {' | '.join(map(str, v['values']))}"
                    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
