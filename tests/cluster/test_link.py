"""Linking a follow-up months later to its origin: only with a back-reference to its time."""

from __future__ import annotations

from tests.cluster.fixtures import BRIDGE, BRIDGE_FOLLOW_UPS, BRIDGE_REWRITE, article

from newsweave.cluster import ClusterConfig, StreamClusterer
from newsweave.cluster.features import month_mentions, month_number

# No damping floor: months apart, streaming alone never joins, so only linked() can.
CONFIG = ClusterConfig(decay_floor=0.0, decay_days=5.0, link_threshold=0.1)
REOPENED = BRIDGE_FOLLOW_UPS[2]


def _stories(follow_up: str) -> list[list[str]]:
    clusterer = StreamClusterer(CONFIG)
    for item in (
        article("b1", BRIDGE, published="2025-01-07"),
        article("b2", BRIDGE_REWRITE, published="2025-01-07"),
        article("r1", follow_up, published="2025-07-14"),
        article("r2", follow_up + " Traffic was light.", published="2025-07-15"),
    ):
        clusterer.add(item)
    assert len(clusterer.clusters) == 2
    groups = [
        sorted(a for cid in group for a in clusterer.clusters[cid].members)
        for group in clusterer.linked()
    ]
    return sorted(groups)


def test_month_mentions_resolve_against_the_publication_date() -> None:
    text = "Closed since January 2025, and again last September; repairs end in December 2026."
    assert month_mentions(text, "2025-07-14") == {
        month_number("2025-01-01"),
        month_number("2024-09-01"),
    }
    assert month_mentions(text, None) == frozenset()
    assert month_mentions("It reopened in July.", "2025-07-14") == frozenset()  # this month


def test_a_follow_up_naming_the_origin_month_is_linked() -> None:
    follow_up = REOPENED + " The bridge had been closed since January."
    assert _stories(follow_up) == [["b1", "b2", "r1", "r2"]]


def test_a_similar_story_months_later_without_a_back_reference_stays_apart() -> None:
    assert _stories(REOPENED) == [["b1", "b2"], ["r1", "r2"]]


def test_close_in_time_clusters_are_not_linked_even_with_a_back_reference() -> None:
    clusterer = StreamClusterer(CONFIG)
    clusterer.add(article("b1", BRIDGE, published="2025-01-07"))
    clusterer.add(article("r1", REOPENED + " Closed since January.", published="2025-02-20"))
    assert len(clusterer.clusters) == 2
    assert len(clusterer.linked()) == 2
