"""Reported discrepancies against the gold conflicts (real, soft, time-varying) and traps."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .match import at_word_start, folded, numbers_in, same_number


def score_conflicts(brief: dict[str, Any], gold: dict[str, Any], page_of: dict[str, str]) -> dict:
    """Recall of the real gold conflicts and the verdict on every reported discrepancy.

    A brief value matches a gold value when one of its numbers (from `value` or `text`) equals
    one of the gold value's numbers, or a gold term starts a word of it, and it cites a page of
    the gold story. A discrepancy matches a conflict when at least two of its values match two
    different gold values (one to one). A trap is hit when `min_match` (default: 2, or 1 for a
    single item) of its numbers and terms are found among the discrepancy's values.
    """
    story_pages = {sid: set(st["pages"]) for sid, st in gold["stories"].items()}
    page_story = {p: g["story"] for p, g in gold["pages"].items()}
    reported = [
        (story.get("id"), d, _values(d, page_of))
        for story in brief.get("stories", [])
        for d in story.get("discrepancies") or []
    ]
    gold_rows = []
    for sid, story in gold["stories"].items():
        for ci, conflict in enumerate(story.get("conflicts") or []):
            found_by = [
                f"{bs}:{d.get('about')}"
                for bs, d, values in reported
                if _scorable(conflict) and _matched(values, conflict, story_pages[sid]) >= 2
            ]
            gold_rows.append(
                {
                    "story": sid,
                    "index": ci,
                    "about": conflict.get("about"),
                    "score_as": _kind(conflict),
                    "scorable": _scorable(conflict),
                    "found": bool(found_by),
                    "found_by": found_by,
                }
            )
    rows, counts = [], Counter[str]()
    for bs, d, values in reported:
        stories = sorted({page_story[p] for v in values for p in v["pages"] if p in page_story})
        real: list[str] = []
        soft: list[str] = []
        traps: list[str] = []
        for sid in stories:
            for ci, conflict in enumerate(gold["stories"][sid].get("conflicts") or []):
                if _scorable(conflict) and _matched(values, conflict, story_pages[sid]) >= 2:
                    label = f"{sid}{ci}: {conflict.get('about')}"
                    (real if _kind(conflict) == "real" else soft).append(label)
            for ti, trap in enumerate(gold["stories"][sid].get("false_conflict_traps") or []):
                if _trap_hit(values, trap, story_pages[sid]):
                    traps.append(f"{sid}T{ti}: {trap.get('about')}")
        verdict = (
            ("partly" if traps else "true")
            if real
            else "soft"
            if soft
            else "trap"
            if traps
            else "unmatched"
        )
        counts[verdict] += 1
        rows.append(
            {
                "brief_story": bs,
                "about": d.get("about"),
                "kind": d.get("kind"),
                "values": [v["value"] for v in values],
                "gold_stories": stories,
                "verdict": verdict,
                "matches_real": real,
                "matches_soft": soft,
                "traps": traps,
            }
        )
    real_rows = [r for r in gold_rows if r["score_as"] == "real" and r["scorable"]]
    soft_rows = [r for r in gold_rows if r["score_as"] in ("soft", "time-varying")]
    n = len(reported)
    return {
        "real_total": len(real_rows),
        "real_found": sum(r["found"] for r in real_rows),
        "recall": sum(r["found"] for r in real_rows) / len(real_rows) if real_rows else 0.0,
        "soft_found": sum(r["found"] for r in soft_rows),
        "soft_total": len(soft_rows),
        "nonnumeric_not_scored": sum(
            1 for r in gold_rows if r["score_as"].startswith("real") and not r["scorable"]
        ),
        "reported": n,
        **{name: counts[name] for name in ("true", "partly", "soft", "trap", "unmatched")},
        "precision": counts["true"] / n if n else None,
        "precision_lenient": (counts["true"] + counts["partly"]) / n if n else None,
        "gold": gold_rows,
        "discrepancies": rows,
    }


def _values(discrepancy: dict[str, Any], page_of: dict[str, str]) -> list[dict[str, Any]]:
    """Each value of a reported discrepancy with its numbers, folded text and cited pages."""
    out = []
    for v in discrepancy.get("values") or []:
        parts = [str(v.get(k) or "") for k in ("value", "text")]
        cited = {page_of[str(x)] for x in v.get("sources") or [] if str(x) in page_of}
        out.append(
            {
                "value": v.get("value"),
                "numbers": [x for part in parts for x in numbers_in(part)],
                "folded": folded(" | ".join(parts)),
                "pages": sorted(cited),
            }
        )
    return out


def _kind(conflict: dict[str, Any]) -> str:
    """`score_as`, else read from the free-text kind: soft, time-varying or real."""
    if conflict.get("score_as"):
        return str(conflict["score_as"])
    kind = str(conflict.get("kind", "")).lower()
    return (
        "soft"
        if kind.startswith("soft")
        else "time-varying"
        if kind.startswith("time-varying")
        else "real"
    )


def _scorable(conflict: dict[str, Any]) -> bool:
    """At least two gold values carry numbers or terms to match."""
    return sum(1 for v in conflict.get("values") or [] if v.get("numbers") or v.get("terms")) >= 2


def _value_matches(value: dict[str, Any], gold_value: dict[str, Any]) -> bool:
    numbers = gold_value.get("numbers") or []
    if any(same_number(b, g) for b in value["numbers"] for g in numbers):
        return True
    return any(at_word_start(folded(t), value["folded"]) for t in gold_value.get("terms") or [])


def _matched(values: list[dict[str, Any]], conflict: dict[str, Any], pages: set[str]) -> int:
    """The most brief values matched one to one with gold values of `conflict`."""
    edges = {
        i: {j for j, g in enumerate(conflict.get("values") or []) if _value_matches(v, g)}
        for i, v in enumerate(values)
        if set(v["pages"]) & pages
    }
    return _max_matching({i: js for i, js in edges.items() if js}, len(values))


def _max_matching(edges: dict[int, set[int]], n_left: int) -> int:
    """The size of a maximum one-to-one matching (augmenting paths, in sorted order)."""
    owner: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in sorted(edges.get(left, ())):
            if right not in seen:
                seen.add(right)
                if right not in owner or augment(owner[right], seen):
                    owner[right] = left
                    return True
        return False

    return sum(1 for left in range(n_left) if augment(left, set()))


def _trap_hit(values: list[dict[str, Any]], trap: dict[str, Any], pages: set[str]) -> bool:
    items = [("n", x) for x in trap.get("numbers") or []]
    items += [("t", folded(x)) for x in trap.get("terms") or []]
    if not items:
        return False
    cited = [v for v in values if set(v["pages"]) & pages]
    hits = sum(
        any(
            any(same_number(b, x) for b in v["numbers"])
            if kind == "n"
            else at_word_start(x, v["folded"])
            for v in cited
        )
        for kind, x in items
    )
    return hits >= (trap.get("min_match") or min(2, len(items)))
