"""The brief's timelines against the gold dated entries of each story."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from .match import at_word_start, folded

_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "after",
        "before",
        "into",
        "over",
        "than",
        "that",
        "this",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "its",
        "their",
        "his",
        "her",
        "says",
        "said",
        "say",
        "report",
        "reports",
        "per",
        "about",
    ]
)


def timeline_keys(entry: dict[str, Any]) -> list[str]:
    """The words a brief entry must contain to match a gold entry: its `keywords`, else the
    first six letters of each longer word of its `what`."""
    if entry.get("keywords"):
        return [folded(k) for k in entry["keywords"] if k.strip()]
    words = re.findall(r"[a-z0-9][a-z0-9,.'-]*[a-z0-9]", folded(entry.get("what", "")))
    return sorted({w[:6] for w in words if len(w) >= 4 and w not in _STOP})


def _first_day(date: Any) -> str | None:
    """The first day a date of any precision covers: "2024-05" -> "2024-05-01"."""
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(date or ""))
    return f"{m.group(1)}-{m.group(2) or '01'}-{m.group(3) or '01'}" if m else None


def score_timeline(brief: dict[str, Any], gold: dict[str, Any], page_of: dict[str, str]) -> dict:
    """Gold entries found, and brief entries dated after the story's latest publication day.

    A gold entry is found when an entry of a brief story citing one of its pages (else, when
    it cites none, the brief story's main gold story) has the gold date at the gold precision
    (a range "lo/hi" takes any day inside it) and a key word at a word start of its text.
    """
    pages = gold["pages"]
    entries: list[tuple[dict[str, Any], set[str]]] = []
    future, unparsed = [], 0
    for story in brief.get("stories", []):
        members = [page_of[str(a)] for a in story.get("articles") or [] if str(a) in page_of]
        main = Counter(pages[p]["story"] for p in members).most_common(1)
        days = [
            d
            for p in members
            for d in (pages[p].get("published_acceptable") or [])
            + ([pages[p]["published"]] if pages[p].get("published") else [])
        ]
        latest = max(days, default=None)
        for entry in story.get("timeline") or []:
            cited = {
                pages[page_of[str(x)]]["story"]
                for x in entry.get("sources") or []
                if str(x) in page_of
            }
            entries.append((entry, cited or ({main[0][0]} if main else set())))
            first = _first_day(entry.get("date"))
            if first is None:
                unparsed += 1
            elif latest and first > latest:
                future.append(
                    {
                        "brief_story": story.get("id"),
                        "date": entry.get("date"),
                        "latest": latest,
                        "inferred": entry.get("inferred"),
                        "text": (entry.get("text") or "")[:160],
                    }
                )
    rows = []
    for sid, story in gold["stories"].items():
        for gold_entry in story.get("timeline") or []:
            date, keys = str(gold_entry["date"]), timeline_keys(gold_entry)
            lo, _, hi = date.partition("/")
            hits = []
            for entry, stories in entries:
                day = str(entry.get("date") or "")
                if hi:
                    same = lo <= day[:10] <= hi and len(day) >= 10
                else:
                    same = day.startswith(date) and len(day) >= len(date)
                text = folded(entry.get("text") or "")
                if sid in stories and same and any(at_word_start(k, text) for k in keys):
                    hits.append((entry.get("text") or "")[:120])
            rows.append(
                {
                    "story": sid,
                    "date": date,
                    "what": gold_entry.get("what"),
                    "found": bool(hits),
                    "hits": hits,
                }
            )
    found = sum(r["found"] for r in rows)
    n_entries = len(entries)
    return {
        "gold_entries": len(rows),
        "found": found,
        "recall": found / len(rows) if rows else 0.0,
        "entries": n_entries,
        "future": len(future),
        "future_share": len(future) / n_entries if n_entries else 0.0,
        "future_inferred": sum(1 for r in future if r["inferred"]),
        "unparsed_dates": unparsed,
        "gold": rows,
        "future_entries": future,
    }
