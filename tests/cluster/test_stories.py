"""Incremental story clustering, events and off-topic passages on invented articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest
from tests.cluster.fixtures import BRIDGE, BRIDGE_FOLLOW_UPS, BRIDGE_REWRITE, CHOIR, article

from newsweave.cluster import ClusterConfig, StreamClusterer, cluster_stories
from newsweave.cluster.metrics import bcubed, pairwise
from newsweave.cluster.offtopic import mark_offtopic, on_topic_text
from newsweave.model import OffTopic, content_id

THREE_MONTHS = [
    article("m0", BRIDGE, published="2025-05-06", title="Cracked beam shuts Harlow Street bridge"),
    *(
        article(f"m{i + 1}", text, published=date, title=title)
        for i, (text, date, title) in enumerate(
            zip(
                BRIDGE_FOLLOW_UPS,
                ["2025-06-03", "2025-07-01", "2025-08-04"],
                [
                    "Harlow Street bridge repairs begin",
                    "Bridge survey finds three more to fix",
                    "Harlow Street bridge reopens",
                ],
                strict=True,
            )
        )
    ),
]


def _grouping(stories) -> list[list[str]]:
    return sorted(sorted(s.articles) for s in stories)


def test_two_unrelated_stories_on_the_same_day_stay_apart() -> None:
    items = [
        article("b1", BRIDGE),
        article("b2", BRIDGE_REWRITE),
        article("c1", CHOIR, title="Dunmere choir takes gold"),
    ]
    assert _grouping(cluster_stories(items)) == [["b1", "b2"], ["c1"]]


def test_one_story_over_three_months_is_one_story_with_events_in_time_order() -> None:
    (story,) = cluster_stories(THREE_MONTHS)
    assert story.articles == ["m0", "m1", "m2", "m3"]
    dates = [e.date for e in story.events]
    assert len(story.events) >= 2 and dates == sorted(dates)
    assert story.events[0].articles[0] == "m0"


def test_ids_do_not_depend_on_input_order_and_survive_new_articles() -> None:
    items = [article("b1", BRIDGE), article("b2", BRIDGE_REWRITE), article("c1", CHOIR)]
    first = {s.id: sorted(s.articles) for s in cluster_stories(items)}
    assert first == {s.id: sorted(s.articles) for s in cluster_stories(items[::-1])}
    later = article("b9", BRIDGE_FOLLOW_UPS[2], published="2025-05-09")
    grown = {s.id: s.articles for s in cluster_stories([*items, later])}
    assert set(grown) == set(first)
    assert any("b9" in members for members in grown.values())


def test_the_clusterer_adds_one_article_at_a_time() -> None:
    clusterer = StreamClusterer(ClusterConfig())
    first = clusterer.add(article("b1", BRIDGE))
    assert clusterer.add(article("c1", CHOIR)) != first
    assert clusterer.add(article("b2", BRIDGE_REWRITE)) == first
    assert clusterer.add(article("b1", BRIDGE)) == first  # seen before: same answer


def test_a_witness_quoted_at_length_is_not_off_topic() -> None:
    witness = (
        '\n"I was hanging my washing out and just heard this enormous crack, like a gunshot, '
        'and then the whole railing started to wobble under the pigeons," said Oda Lune, who '
        "lives on the corner.\n"
        '"My grandson plays on those steps every single afternoon after his piano lesson, so '
        'honestly I could not sleep a wink that night for worrying," Lune added.'
    )
    items = [
        article("b1", BRIDGE + witness),
        article("b2", BRIDGE_REWRITE),
        article("b3", BRIDGE_FOLLOW_UPS[0]),
    ]
    marked = {a.id: a for a in mark_offtopic(items)}
    assert not marked["b1"].offtopic
    assert "enormous crack" in on_topic_text(marked["b1"])


def test_off_topic_tail_is_marked_and_left_out_of_on_topic_text() -> None:
    tail = (
        "\nIn other news, the Kestrel Valley Football Club sacked its head coach Bram Olafsen "
        "on Tuesday after nine straight defeats in the Pellan Premier League this season.\n"
        "Kestrel Valley chairman Rune Halvik thanked Olafsen and said the club's academy "
        "director Petra Simms would take charge of training until the end of the season.\n"
        "Supporters of Kestrel Valley gathered outside the Brackenfield Stadium on Wednesday, "
        "and several fan groups called on Halvik to resign as chairman of the football club."
    )
    items = [
        article("b1", BRIDGE + tail),
        article("b2", BRIDGE_REWRITE),
        article("b3", BRIDGE_FOLLOW_UPS[0]),
    ]
    marked = {a.id: a for a in mark_offtopic(items)}
    (passage,) = marked["b1"].offtopic
    assert isinstance(passage, OffTopic)
    assert marked["b1"].text[passage.start :].startswith("In other news")
    assert "Kestrel" not in on_topic_text(marked["b1"])
    assert marked["b1"].text == BRIDGE + tail  # kept in the article
    assert not marked["b2"].offtopic and not marked["b3"].offtopic


def test_an_aside_the_article_returns_from_is_not_off_topic() -> None:
    lines = BRIDGE.split("\n")
    aside = (
        "Corin Abeyta, who drives a delivery van for a Penwick bakery every morning, told the "
        "Tallow Gazette her commute now starts forty minutes earlier than it used to, and that "
        "her two children wait alone at the school gate each afternoon.\n"
        "Neighbours of Abeyta in Penwick have started sharing lifts, and a local sports club "
        "lends its minibus to pensioners on weekdays for their errands and appointments."
    )
    text = "\n".join([*lines[:3], aside, *lines[3:]])
    items = [article("b1", text), article("b2", BRIDGE_REWRITE), article("b3", BRIDGE)]
    marked = {a.id: a for a in mark_offtopic(items)}
    assert not marked["b1"].offtopic
    tail = {a.id: a for a in mark_offtopic([article("b1", BRIDGE + "\n" + aside), *items[1:]])}
    assert tail["b1"].offtopic  # the same two paragraphs after the story: another story


def test_a_story_of_one_or_two_articles_has_no_off_topic_passages() -> None:
    tail = (
        "\nIn other news, the Kestrel Valley Football Club sacked its head coach Bram Olafsen "
        "on Tuesday after nine straight defeats in the Pellan Premier League this season.\n"
        "Kestrel Valley chairman Rune Halvik thanked Olafsen and said the club's academy "
        "director Petra Simms would take charge of training until the end of the season.\n"
    )
    for items in (
        [article("b1", BRIDGE + tail)],
        [article("b1", BRIDGE + tail), article("b2", BRIDGE)],
    ):
        assert not any(a.offtopic for a in mark_offtopic(items))


def test_the_rest_of_the_story_is_counted_not_rebuilt_per_article() -> None:
    from newsweave.cluster.offtopic import _Reference, _vocabulary

    texts = [BRIDGE, BRIDGE_REWRITE, CHOIR, *BRIDGE_FOLLOW_UPS, BRIDGE]
    items = [article(f"r{i}", text, title=f"Title {i}") for i, text in enumerate(texts)]
    vocab = {a.id: _vocabulary(a.text) for a in items}
    spread: Counter[str] = Counter(t for terms in vocab.values() for t in terms)
    every = set().union(*vocab.values(), {"@Nowhere", "absent"})
    for item in items:
        lead = _vocabulary(f"{item.title} \n{item.text.splitlines()[0]}")
        union = set().union(*(vocab[o.id] for o in items if o.id != item.id), lead)
        reference = _Reference(spread, vocab[item.id], lead)
        assert {t for t in every if t in reference} == union & every


def test_metrics_on_a_known_case() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "2"}
    perfect = pairwise(gold, gold)
    assert perfect.precision == perfect.recall == 1.0
    merged = pairwise({k: "x" for k in gold}, gold)
    assert merged.recall == 1.0 and round(merged.precision, 3) == 0.333
    assert round(bcubed({k: "x" for k in gold}, gold).precision, 3) == 0.5


def test_refine_moves_an_article_to_the_story_that_fits_it_and_renames_by_earliest() -> None:
    strict = ClusterConfig(threshold=0.99)  # streaming alone: every article its own story
    clusterer = StreamClusterer(strict, keep_vectors=True)
    for item in (article("b1", BRIDGE), article("c1", CHOIR), article("b2", BRIDGE_REWRITE)):
        clusterer.add(item)
    assert len(clusterer.clusters) == 3
    clusterer.config = replace(strict, threshold=0.14)
    assert clusterer.refine() == 1
    groups = sorted(sorted(c.members) for c in clusterer.clusters.values())
    assert groups == [["b1", "b2"], ["c1"]]
    assert clusterer.assignment["b1"] == clusterer.assignment["b2"] == "s" + content_id("b1")[:11]
    assert clusterer.refine() == 0  # settled


def test_refine_needs_the_arrival_vectors() -> None:
    clusterer = StreamClusterer(ClusterConfig())
    clusterer.add(article("b1", BRIDGE))
    with pytest.raises(ValueError, match="keep_vectors"):
        clusterer.refine()


REOPENED_REWRITE = (
    "Drivers are back on the Harlow Street bridge in Marrowby, reopened to traffic on Monday "
    "after its cracked support beam was replaced. The Roads Department will inspect the "
    "bridge monthly, Talia Vossen said, and Mayor Oskar Brandt thanked drivers for their "
    "patience."
)


def test_undated_articles_split_into_events_only_where_their_leads_form_groups() -> None:
    undated = [replace(a, published=None) for a in THREE_MONTHS]
    (story,) = cluster_stories(undated)
    assert len(story.events) == 1  # four leads that all differ: no dates, no grounds to split
    two_happenings = [
        article("c1", BRIDGE, published=None),
        article("c2", BRIDGE_REWRITE, published=None),
        article("r1", BRIDGE_FOLLOW_UPS[2], published=None),
        article("r2", REOPENED_REWRITE, published=None),
    ]
    (story,) = cluster_stories(two_happenings)
    assert sorted(sorted(e.articles) for e in story.events) == [["c1", "c2"], ["r1", "r2"]]
    (whole,) = cluster_stories(two_happenings, ClusterConfig(event_split_undated=0.0))
    assert len(whole.events) == 1  # no split asked for: one undated event


def test_copies_within_keeps_each_storys_part_of_every_group_in_order() -> None:
    from newsweave.cluster import copies_within

    groups = [["a1", "b1", "c9"], ["a2", "x"], ["b2", "b3", "b4"], ["a3", "b5"]]
    stories = [["a1", "a2", "a3", "c9"], ["b1", "b2", "b3", "b4", "b5"], ["z"]]
    assert copies_within(groups, stories) == [
        [["a1", "c9"]],  # a2's copy is outside every story; a3's is in another story
        [["b2", "b3", "b4"]],
        [],
    ]


def test_copies_within_matches_filtering_every_group_for_every_story() -> None:
    import random

    from newsweave.cluster import copies_within

    rng = random.Random(3)
    ids = [f"n{i}" for i in range(300)]
    stories = [rng.sample(ids, rng.randint(1, 40)) for _ in range(30)]
    groups = [rng.sample(ids, rng.randint(2, 6)) for _ in range(80)]
    slow = [
        [kept for g in groups if len(kept := [a for a in g if a in set(s)]) > 1] for s in stories
    ]
    assert copies_within(groups, stories) == slow


def test_a_story_is_titled_by_its_most_typical_title_or_its_lead() -> None:
    from newsweave.cluster.stories import story_title

    titles = [
        "BY Westmere Ledger < 1 MINUTE READ",
        "Westmere council closes the ferry pier",
        "Ferry pier closed by Westmere council for repairs",
    ]
    items = [replace(article(f"t{i}", BRIDGE), title=t) for i, t in enumerate(titles)]
    assert story_title(items) == "Westmere council closes the ferry pier"
    untitled = replace(article("u", "WESTMERE (Kessel Wire) — The council shut the pier. More."),
                       title=None)  # fmt: skip
    assert story_title([untitled]) == "The council shut the pier."
