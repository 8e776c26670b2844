"""The brief's copy relations against the gold copy pairs of each story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


def _pairs(pages: Iterable[str]) -> set[tuple[str, str]]:
    ordered = sorted(set(pages))
    return {(a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]}


def score_lineage(brief: dict[str, Any], gold: dict[str, Any], page_of: dict[str, str]) -> dict:
    """Gold copy pairs the brief relates (recall), and every related pair judged.

    Related pages: each `lineage` (original, copy) and every pair inside a `duplicates` group.
    A related pair is found (a gold copy pair), false (pages of two gold stories, or a pair the
    gold marks `is_copy: false`) or unverified (same story, the gold says nothing).
    """
    related: dict[tuple[str, str], set[str]] = {}
    for story in brief.get("stories", []):
        for rel in story.get("lineage") or []:
            a, b = page_of.get(str(rel.get("original"))), page_of.get(str(rel.get("copy")))
            if a and b and a != b:
                related.setdefault((min(a, b), max(a, b)), set()).add(f"lineage:{rel.get('kind')}")
        for group in story.get("duplicates") or []:
            for pair in _pairs(page_of[str(x)] for x in group if str(x) in page_of):
                related.setdefault(pair, set()).add("duplicates")
    copies: dict[tuple[str, str], dict[str, Any]] = {}
    independent: set[tuple[str, str]] = set()
    for sid, story in gold["stories"].items():
        for entry in story.get("copies") or []:
            kind = str(entry.get("kind", ""))
            not_copy = entry.get("is_copy") is False or kind.lower().startswith("no copy")
            for pair in _pairs(entry.get("pages") or []):
                if not_copy:
                    independent.add(pair)
                else:
                    copies.setdefault(pair, {"story": sid, "kind": entry.get("kind")})
    page_story = {p: g["story"] for p, g in gold["pages"].items()}
    gold_rows = [
        {
            "pages": list(pair),
            "story": copies[pair]["story"],
            "kind": copies[pair]["kind"],
            "found": pair in related,
            "brief": sorted(related.get(pair, ())),
        }
        for pair in sorted(copies)
    ]
    verdicts: Counter[str] = Counter()
    related_rows = []
    for pair in sorted(related):
        if pair in copies:
            verdict = "found"
        elif page_story.get(pair[0]) != page_story.get(pair[1]) or pair in independent:
            verdict = "false"
        else:
            verdict = "unverified"
        verdicts[verdict] += 1
        related_rows.append(
            {"pages": list(pair), "verdict": verdict, "brief": sorted(related[pair])}
        )
    found = sum(r["found"] for r in gold_rows)
    return {
        "gold_pairs": len(gold_rows),
        "found": found,
        "recall": found / len(gold_rows) if gold_rows else 0.0,
        "gold_independent_pairs": len(independent),
        "related_pairs": len(related),
        "related_found": verdicts["found"],
        "false": verdicts["false"],
        "unverified": verdicts["unverified"],
        "gold": gold_rows,
        "related": related_rows,
    }
