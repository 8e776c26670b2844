"""Claims benchmark (issue 18): does the brief call a fact single-source or corroborated rightly?

    python benchmarks/claims.py                     # every part in the gold file
    python benchmarks/claims.py --parts part1       # only the development part
    python benchmarks/claims.py --sample part2 --seed 18 --brief BRIEF.json
                                                    # draw a new sample to label by hand

The gold file (`benchmarks/data/claims_gold.json`) holds, per part of ../shared/eval/stories,
sentences of its pages named by page file and character offsets (never their text) with a
hand label: the pages of the same gold story that state the same fact in any wording, and
whether they make it corroborated (two or more independent sources: the gold `copies` of one
original and two pages of one outlet count once). The items were drawn with a fixed seed from
what `newsweave brief` reported: `n` claims it called single-source and `n` it called
corroborated, the claim's lead sentence each.

For each part this runs `newsweave -q brief PART/pages.jsonl --format json` (a fresh process,
the defaults), reads each item's sentence from the page at run time, finds the brief claim
whose wording contains it (the article whose source line is that page), and prints: items
found, and of the items the brief now calls single-source (corroborated), how many the hand
label agrees with. A sentence labelled as no claim at all (a caption, a fragment, a stamp)
is wrong whatever the brief calls it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.stories import ROLES, newsweave  # noqa: E402  (the protocol, fixed there)

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "stories"
GOLD = ROOT / "benchmarks" / "data" / "claims_gold.json"
_LINE = re.compile(r"pages\.jsonl:(\d+)$")


def norm(text: str) -> str:
    """Text compared loosely: compatibility forms, one space between words, no case."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def page_file(source: str) -> str | None:
    """The page file an article came from: line i of pages.jsonl is pages/%03d.txt (i from 1)."""
    found = _LINE.search(source)
    return f"{int(found.group(1)) - 1:03d}.txt" if found else None


def locate(sentence: str, page: str) -> tuple[int, int] | None:
    """Character offsets of `sentence` in the page text, whitespace read loosely."""
    parts = sentence.split()
    if not parts:
        return None
    found = re.search(r"\s+".join(re.escape(p) for p in parts), page)
    return (found.start(), found.end()) if found else None


def independent_sources(pages: list[str], story: dict[str, Any], gold: dict[str, Any]) -> int:
    """How many independent sources `pages` are: gold copies and one outlet count once."""
    parent = {p: p for p in pages}

    def find(p: str) -> str:
        while parent[p] != p:
            p = parent[p]
        return p

    def link(a: str, b: str) -> None:
        if a in parent and b in parent:
            parent[find(a)] = find(b)

    for copy in story.get("copies", []):
        if copy.get("is_copy", True):
            for other in copy["pages"][1:]:
                link(copy["pages"][0], other)
    outlets: dict[str, str] = {}
    for p in pages:
        outlet = gold["pages"][p]["outlet"]
        if outlet in outlets:
            link(outlets[outlet], p)
        outlets.setdefault(outlet, p)
    return len({find(p) for p in pages})


def brief_claims(brief: dict[str, Any]) -> list[tuple[dict[str, Any], dict[str, str]]]:
    """Every claim of the brief with its article ids mapped to page files."""
    pages = {a["id"]: page_file(a.get("source", "")) for a in brief["articles"]}
    out = []
    for story in brief["stories"]:
        for claim in story.get("claims", []):
            out.append((claim, {a: p for a in claim["sources"] if (p := pages.get(a))}))
    return out


def find_claim(
    item: dict[str, Any], sentence: str, claims: list[tuple[dict[str, Any], dict[str, str]]]
) -> dict[str, Any] | None:
    """The brief claim whose wording, in the item's page, contains the item's sentence."""
    want = norm(sentence)
    for claim, pages in claims:
        if item["page"] not in pages.values():
            continue
        for article, wording in claim.get("wording", {}).items():
            said = norm(wording)
            if pages.get(article) == item["page"] and (want in said or (said and said in want)):
                return claim
    return None


def score_part(part: Path, items: list[dict[str, Any]], brief: dict[str, Any]) -> dict[str, Any]:
    """Per-item verdicts and the counts the table shows."""
    claims = brief_claims(brief)
    counts = {"items": len(items), "found": 0}
    for label in ("single-source", "corroborated"):
        counts[f"{label} right"] = counts[f"{label} total"] = 0
    verdicts = []
    for item in items:
        text = (part / "pages" / item["page"]).read_text(encoding="utf-8")
        sentence = text[item["start"] : item["end"]]
        claim = find_claim(item, sentence, claims)
        verdict: dict[str, Any] = {
            "page": item["page"],
            "start": item["start"],
            "found": bool(claim),
        }
        if claim is not None:
            said = "corroborated" if claim["independent"] > 1 else "single-source"
            truth = None if not item.get("claim", True) else item["corroborated"]
            right = truth is not None and truth == (said == "corroborated")
            counts["found"] += 1
            counts[f"{said} total"] += 1
            counts[f"{said} right"] += int(right)
            verdict.update(said=said, right=right, independent=claim["independent"])
        verdicts.append(verdict)
    return {"counts": counts, "verdicts": verdicts}


def draw_sample(part: Path, brief: dict[str, Any], seed: int, n: int) -> list[dict[str, Any]]:
    """`n` claims of each kind drawn with `seed`: the lead sentence of each, located in its page."""
    pages = {a["id"]: page_file(a.get("source", "")) for a in brief["articles"]}
    pools: dict[str, list[tuple[str, str]]] = {"single-source": [], "corroborated": []}
    for story in brief["stories"]:
        for claim in story.get("claims", []):
            kind = "corroborated" if claim["independent"] > 1 else "single-source"
            lead = next((a for a, w in claim["wording"].items() if w == claim["text"]), None)
            if lead is not None and pages.get(lead):
                pools[kind].append((str(pages[lead]), claim["text"]))
    rng = random.Random(seed)
    out = []
    for kind, pool in pools.items():
        pool = sorted(pool)
        chosen = rng.sample(pool, min(n, len(pool)))
        rest = [p for p in pool if p not in chosen]
        while chosen:
            page, sentence = chosen.pop(0)
            where = locate(sentence, (part / "pages" / page).read_text(encoding="utf-8"))
            if where is None:
                print(
                    f"cannot locate a {kind} sentence in {page}; drawing another", file=sys.stderr
                )
                if rest:
                    chosen.append(rest.pop(rng.randrange(len(rest))))
                continue
            out.append({"page": page, "start": where[0], "end": where[1], "sampled_as": kind})
    return out


def main() -> int:
    """Score every part of the gold file (or draw a sample to label)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--parts", nargs="+")
    parser.add_argument("--json", type=Path, help="also write every verdict here")
    parser.add_argument("--sample", metavar="PART", help="draw items of PART to label, as JSON")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("-n", type=int, default=25, help="items of each kind to draw")
    parser.add_argument("--brief", type=Path, help="a brief JSON to sample from (else run one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nw-claims-") as tmp:
        if args.sample:
            part = args.data / args.sample
            path = args.brief or Path(tmp) / "brief.json"
            if args.brief is None:
                newsweave(
                    "-q", "brief", str(part / "pages.jsonl"), "--format", "json", "-o", str(path)
                )
            brief = json.loads(path.read_text(encoding="utf-8"))
            print(json.dumps(draw_sample(part, brief, args.seed, args.n), indent=1))
            return 0
        gold = json.loads(args.gold.read_text(encoding="utf-8"))
        results: dict[str, Any] = {}
        for name in args.parts or list(gold["parts"]):
            part = args.data / name
            if not (part / "pages.jsonl").exists():
                print(f"no stories part at {part}", file=sys.stderr)
                return 2
            print(f"{name}: brief", file=sys.stderr, flush=True)
            out = Path(tmp) / f"{name}.json"
            seconds = newsweave(
                "-q", "brief", str(part / "pages.jsonl"), "--format", "json", "-o", str(out)
            )
            brief = json.loads(out.read_text(encoding="utf-8"))
            results[name] = score_part(part, gold["parts"][name]["items"], brief)
            results[name]["brief_seconds"] = seconds
    print("| part | role | items found | single-source right / total | "
          "corroborated right / total | brief s |")  # fmt: skip
    print("| --- " * 6 + "|")
    for name, res in results.items():
        c = res["counts"]
        cells = []
        for label in ("single-source", "corroborated"):
            right, total = c[f"{label} right"], c[f"{label} total"]
            share = f" ({right / total:.0%})" if total else ""
            cells.append(f"{right} / {total}{share}")
        print(f"| {name} | {ROLES.get(name, '?')} | {c['found']} / {c['items']} | "
              f"{cells[0]} | {cells[1]} | {res['brief_seconds']:.1f} |")  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
