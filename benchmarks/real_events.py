"""Events and stories on real multi-outlet coverage: Timeline17 bundles through `newsweave brief`.

    python benchmarks/real_events.py                       # dev bundles, dated, product path
    python benchmarks/real_events.py --split check         # the check bundles (score rarely)
    python benchmarks/real_events.py --split all --json OUT.json
    python benchmarks/real_events.py --undated             # no `published`: text alone
    python benchmarks/real_events.py --list                # the bundles and their split
    python benchmarks/real_events.py --openings BUNDLE     # each article's opening, to label

Data: `../shared/eval/timelines/` (Timeline17, research use: evaluation and development only).
Each topic folder holds one outlet's `articles.json` (`uid`, `dct` the publication day, a
PTB-tokenised `text` without headline). A *bundle* is one topic's articles from every outlet
over one third of a month (days 1-10, 11-20, 21-end), kept when it has 25-45 articles from at
least two outlets; at most four bundles per topic, spread evenly over its candidates (first
and last always). Bundles go to `dev` or `check` by a stable hash of their name (the third of
the bundles whose SHA-1 names sort first). The rule is fixed here, before any labelling or scoring.

Gold (`benchmarks/data/real_events.json`, labelled by hand from each article's opening; uids
and labels only): every article gets the happening its opening reports (its event); an
article not about the bundle's story gets a story label of its own (`"story"`), else its
story is the bundle's topic. The labelling rules are in the data file's `rules`.

Each bundle is written as `pages.jsonl` (`text` detokenised, one sentence a paragraph;
`outlet`; `url` built from topic and uid; `published` = dct unless `--undated`) and briefed by
`newsweave -q brief PAGES --format json -o BRIEF` in a fresh process with the defaults.
Events and stories are scored per split over all its bundles pooled (a bundle's clusters
never meet another's), pairwise and B-cubed, with `newsweave.cluster.metrics`; an article the
brief dropped counts as a story and an event of its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.timeline17 import TIMELINES as DATA  # noqa: E402
from benchmarks.timeline17 import detokenise as plain  # noqa: E402
from benchmarks.timeline17 import sentence_lines  # noqa: E402

from newsweave.cluster.metrics import bcubed, pairwise  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "real_events.json"
TOPICS = ("bpoil", "H1N1", "LibyaWar", "EgyptianProtest")
MIN_ARTICLES, MAX_ARTICLES, MIN_OUTLETS, PER_TOPIC = 25, 45, 2, 4


@dataclass(frozen=True, slots=True)
class Bundle:
    """One topic's articles over a third of a month."""

    name: str
    topic: str
    articles: tuple[dict[str, Any], ...]  # each with "outlet" added

    split: str = "dev"

    @property
    def key(self) -> str:
        """A stable hash of the name, which orders bundles for the split."""
        return hashlib.sha1(self.name.encode()).hexdigest()


def third(day: str) -> str:
    """The third of its month a YYYY-MM-DD day falls in: `YYYY-MM-a|b|c`."""
    return f"{day[:7]}-{'abc'[min((int(day[8:10]) - 1) // 10, 2)]}"


def bundles(data: Path = DATA) -> list[Bundle]:
    """Every bundle the rule picks, in topic and time order."""
    out: list[Bundle] = []
    for topic in TOPICS:
        windows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for folder in sorted(data.glob(f"{topic}_*")):
            outlet = folder.name.split("_", 1)[1]
            for art in json.loads((folder / "articles.json").read_text(encoding="utf-8")):
                windows[third(art["dct"][:10])].append({**art, "outlet": outlet})
        cands = [
            w for w in sorted(windows)
            if MIN_ARTICLES <= len(windows[w]) <= MAX_ARTICLES
            and len({a["outlet"] for a in windows[w]}) >= MIN_OUTLETS
        ]  # fmt: skip
        if len(cands) > PER_TOPIC:
            step = (len(cands) - 1) / (PER_TOPIC - 1)
            cands = [cands[round(i * step)] for i in range(PER_TOPIC)]
        for w in cands:
            arts = sorted(windows[w], key=lambda a: (a["dct"], a["outlet"], str(a["uid"])))
            out.append(Bundle(f"{topic}-{w}", topic, tuple(arts)))
    check = {b.name for b in sorted(out, key=lambda b: b.key)[: round(len(out) / 3)]}
    return [replace(b, split="check" if b.name in check else "dev") for b in out]


def detokenise(text: str) -> str:
    """PTB-tokenised text back to plain prose, one sentence a paragraph."""
    return sentence_lines(plain(text))


def url_of(topic: str, uid: Any) -> str:
    """The page URL a bundle's article is written with."""
    return f"https://timeline17.invalid/{topic}/{uid}"


def write_pages(bundle: Bundle, path: Path, dated: bool = True) -> None:
    """One bundle as a JSONL ingest file."""
    with path.open("w", encoding="utf-8") as fh:
        for art in bundle.articles:
            rec = {"url": url_of(bundle.topic, art["uid"]), "outlet": art["outlet"],
                   "text": detokenise(art["text"])}  # fmt: skip
            if dated:
                rec["published"] = art["dct"][:10]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def brief(pages: Path, out: Path) -> float:
    """`newsweave -q brief PAGES --format json -o OUT` in a fresh process; its seconds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from newsweave.cli import main; main()",
         "-q", "brief", str(pages), "--format", "json", "-o", str(out)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"newsweave brief {pages} failed: {done.stderr.strip()}")
    return time.perf_counter() - began


def predicted(brief_json: dict[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """url -> story id and url -> event id of a brief."""
    url = {a["id"]: a.get("url") for a in brief_json["articles"]}
    stories: dict[str, str] = {}
    events: dict[str, str] = {}
    for s in brief_json["stories"]:
        for aid in s["articles"]:
            stories[url[aid]] = s["id"]
        for e in s["events"]:
            for aid in e["articles"]:
                events[url[aid]] = s["id"] + "/" + e["id"]
    return stories, events


def gold_labels(gold: dict[str, Any], bundle: Bundle) -> tuple[dict[str, str], dict[str, str]]:
    """url -> gold story and url -> gold event of one bundle."""
    labels = gold["bundles"][bundle.name]["labels"]
    stories: dict[str, str] = {}
    events: dict[str, str] = {}
    for art in bundle.articles:
        uid = str(art["uid"])
        lab = labels[uid]
        key = url_of(bundle.topic, art["uid"])
        story = lab.get("story", bundle.topic)
        stories[key] = f"{bundle.name}/{story}"
        events[key] = f"{bundle.name}/{story}/{lab['event']}"
    return stories, events


def score(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise and B-cubed precision, recall and F1 (missing articles are singletons)."""
    full = {k: pred.get(k, "missing:" + k) for k in gold}
    p, b = pairwise(full, gold), bcubed(full, gold)
    return {"clusters": len(set(full.values())), "gold": len(set(gold.values())),
            "pw_p": round(p.precision, 3), "pw_r": round(p.recall, 3), "pw_f1": round(p.f1, 3),
            "b3_p": round(b.precision, 3), "b3_r": round(b.recall, 3), "b3_f1": round(b.f1, 3)}  # fmt: skip


def run(split: str, dated: bool, work: Path, only: str | None = None) -> dict[str, Any]:
    """Brief and score every bundle of a split; pooled and per-bundle figures."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    chosen = [b for b in bundles() if (split == "all" or b.split == split)
              and (only is None or b.name == only)]  # fmt: skip
    pooled: dict[str, dict[str, str]] = {k: {} for k in ("ps", "pe", "gs", "ge")}
    per: dict[str, Any] = {}
    for b in chosen:
        pages, out = work / f"{b.name}.jsonl", work / f"{b.name}.brief.json"
        write_pages(b, pages, dated)
        secs = brief(pages, out)
        ps, pe = predicted(json.loads(out.read_text(encoding="utf-8")))
        ps = {k: f"{b.name}/{v}" for k, v in ps.items()}
        pe = {k: f"{b.name}/{v}" for k, v in pe.items()}
        gs, ge = gold_labels(gold, b)
        for key, part in (("ps", ps), ("pe", pe), ("gs", gs), ("ge", ge)):
            pooled[key].update(part)
        per[b.name] = {"split": b.split, "articles": len(b.articles), "seconds": round(secs, 1),
                       "stories": score(ps, gs), "events": score(pe, ge)}  # fmt: skip
        print(f"{b.name:24} {b.split:5} n={len(b.articles):2}  stories B3 "
              f"{per[b.name]['stories']['b3_f1']:.3f}  events F1 {per[b.name]['events']['pw_f1']:.3f}"
              f" B3 {per[b.name]['events']['b3_f1']:.3f} ({per[b.name]['events']['clusters']}"
              f" for {per[b.name]['events']['gold']})", file=sys.stderr, flush=True)  # fmt: skip
    return {"split": split, "dated": dated, "bundles": per,
            "stories": score(pooled["ps"], pooled["gs"]),
            "events": score(pooled["pe"], pooled["ge"])}  # fmt: skip


def main() -> None:
    """Command line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "check", "all"), default="dev")
    ap.add_argument("--undated", action="store_true", help="leave `published` out")
    ap.add_argument("--bundle", help="only this bundle")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--work", type=Path, help="keep pages and briefs in this folder")
    ap.add_argument("--list", action="store_true", help="list the bundles and exit")
    ap.add_argument("--openings", metavar="BUNDLE", help="print each article's opening")
    args = ap.parse_args()
    if args.list:
        for b in bundles():
            outlets = sorted({a["outlet"] for a in b.articles})
            print(f"{b.name:24} {b.split:5} {len(b.articles):3} {','.join(outlets)}")
        return
    if args.openings:
        b = next(b for b in bundles() if b.name == args.openings)
        for a in b.articles:
            lines = detokenise(a["text"]).split("\n")
            print(f"## {a['uid']} {a['dct'][:10]} {a['outlet']}\n  " + "\n  ".join(lines[:4]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        res = run(args.split, not args.undated, work, args.bundle)
    for kind in ("stories", "events"):
        s = res[kind]
        print(f"{args.split} {'dated' if res['dated'] else 'undated'} {kind:7} clusters "
              f"{s['clusters']:3} (gold {s['gold']:3})  pairwise P {s['pw_p']:.3f} R {s['pw_r']:.3f}"
              f" F1 {s['pw_f1']:.3f}  B-cubed P {s['b3_p']:.3f} R {s['b3_r']:.3f} F1 {s['b3_f1']:.3f}")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(res, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
