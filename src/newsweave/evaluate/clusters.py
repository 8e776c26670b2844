"""Stories and events of a brief against the gold stories and events, page by page."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsweave.cluster.metrics import adjusted_rand, bcubed, pairwise


def score_clusters(brief: dict[str, Any], gold: dict[str, Any], page_of: dict[str, str]) -> dict:
    """Pairwise and B-cubed P/R/F1 and ARI of the brief's stories and events over the gold pages.

    A gold page missing from the brief is a cluster of its own; a page in a story but in none
    of its events is an event of its own; a story without events is one event. A page listed
    in several stories (or events) counts in the first.
    """
    pages = gold["pages"]
    stories, events, repeats = _partitions(brief, page_of, pages)
    return {
        "info": {
            "gold_docs": len(pages),
            "gold_docs_in_brief": len(set(page_of.values()) & set(pages)),
            "duplicate_story_memberships": repeats[0],
            "duplicate_event_memberships": repeats[1],
        },
        "stories_vs_story": _scores(stories, {p: g["story"] for p, g in pages.items()}),
        "events_vs_event": _scores(events, {p: g["event"] for p, g in pages.items()}),
    }


def _partitions(
    brief: dict[str, Any], page_of: dict[str, str], pages: dict[str, Any]
) -> tuple[dict[str, str], dict[str, str], tuple[int, int]]:
    """Story and event label of every gold page, and how many memberships were repeats."""
    stories: dict[str, str] = {}
    events: dict[str, str] = {}
    repeated_story = repeated_event = 0

    def pages_of(ids: Iterable[Any] | None) -> list[str]:
        return list(dict.fromkeys(page_of[str(i)] for i in ids or [] if str(i) in page_of))

    for si, story in enumerate(brief.get("stories", [])):
        members = pages_of(story.get("articles"))
        for page in members:
            repeated_story += page in stories
            stories.setdefault(page, f"s{si}")
        story_events = story.get("events") or []
        for ei, event in enumerate(story_events):
            for page in pages_of(event.get("articles")):
                repeated_event += page in events
                events.setdefault(page, f"s{si}e{ei}")
        for page in members:
            events.setdefault(page, f"single:{page}" if story_events else f"s{si}")
    for page in pages:
        stories.setdefault(page, f"single:{page}")
        events.setdefault(page, f"single:{page}")
    return stories, events, (repeated_story, repeated_event)


def _scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, Any]:
    pair, b3 = pairwise(predicted, gold), bcubed(predicted, gold)
    return {
        "pairwise_p": pair.precision,
        "pairwise_r": pair.recall,
        "pairwise_f1": pair.f1,
        "b3_p": b3.precision,
        "b3_r": b3.recall,
        "b3_f1": b3.f1,
        "ari": adjusted_rand(predicted, gold),
        "n_docs": len(gold),
        "n_pred_clusters": len({predicted[p] for p in gold}),
        "n_gold_clusters": len(set(gold.values())),
    }
