"""Joining a story's follow-ups: same subject, close in time; other subjects of one field apart."""

from __future__ import annotations

from dataclasses import replace

from newsweave.cluster import ClusterConfig, cluster_stories
from newsweave.cluster.events import split_events
from newsweave.cluster.followups import FollowUpConfig, join_follow_ups

from .fixtures import article

COLLAPSE = [
    "A cargo ship struck the Harlow Street bridge in Marrowby before dawn, and two spans fell "
    "into the Penwick river, the Marrowby Roads Department said.",
    "Rescue boats searched the Penwick river after the Harlow Street bridge in Marrowby fell "
    "when the freighter Ostrava hit a pier, officials said.",
    "The freighter Ostrava lost power and hit the Harlow Street bridge, bringing it down into "
    "the Penwick river at Marrowby, port officials said.",
]
DIVERS = [
    "Divers pulled two bodies from a van lying in the Penwick river under the wreck of the "
    "Harlow Street bridge, Marrowby police said.",
    "Two drivers' bodies were recovered by police divers from the Penwick river near what is "
    "left of the Harlow Street bridge in Marrowby.",
]
COACH_FIRED = [
    "Kestrel Valley sacked head coach Bram Olafsen after nine defeats in the Pellan Premier "
    "League, chairman Rune Halvik said.",
    "Bram Olafsen is out as Kestrel Valley coach, the club said, after a ninth straight "
    "Pellan Premier League defeat at home.",
]
COACH_RETIRES = [
    "Tolvey United coach Ivo Rask announced his retirement after eleven seasons in the Pellan "
    "Premier League, the club said.",
    "Ivo Rask will step down as Tolvey United coach at the end of the Pellan Premier League "
    "season, ending an eleven-year spell.",
]


def _stories(texts: list[str], prefix: str, day: str | None) -> list:
    return [article(f"{prefix}{i}", text, published=day) for i, text in enumerate(texts)]


def test_a_follow_up_about_the_same_subject_joins_its_story() -> None:
    groups = [_stories(COLLAPSE, "c", "2025-05-06"), _stories(DIVERS, "d", "2025-05-08")]
    assert join_follow_ups(groups) == [[0, 1]]


def test_two_subjects_of_one_field_on_one_day_stay_apart() -> None:
    groups = [
        _stories(COACH_FIRED, "f", "2025-05-06"),
        _stories(COACH_RETIRES, "r", "2025-05-06"),
        _stories(COLLAPSE, "c", "2025-05-06"),
    ]
    assert join_follow_ups(groups) == [[0], [1], [2]]


def test_undated_or_distant_stories_are_never_joined_here() -> None:
    undated = [_stories(COLLAPSE, "c", None), _stories(DIVERS, "d", None)]
    assert join_follow_ups(undated) == [[0], [1]]
    distant = [_stories(COLLAPSE, "c", "2025-05-06"), _stories(DIVERS, "d", "2025-07-06")]
    assert join_follow_ups(distant, FollowUpConfig(days=14)) == [[0], [1]]


def test_cluster_stories_keeps_the_follow_up_in_the_story_as_its_own_event() -> None:
    items = [*_stories(COLLAPSE, "c", "2025-05-06"), *_stories(DIVERS, "d", "2025-05-09")]
    stories = cluster_stories(items, ClusterConfig())
    assert len(stories) == 1
    assert sorted(sorted(e.articles) for e in stories[0].events) == [
        ["c0", "c1", "c2"],
        ["d0", "d1"],
    ]
    apart = cluster_stories(items, ClusterConfig(follow_ups=None))
    assert len(apart) >= 1


SORTED_OUT = [
    "Police divers recovered two bodies from a submerged van, Marrowby police chief Anke Sorel "
    "told reporters near the Harlow Street bridge on the Penwick.",
    "Chief Anke Sorel of the Marrowby police said her divers found the van and two drivers "
    "underwater below the Harlow Street bridge in the Penwick.",
]


def test_a_follow_up_a_day_later_stays_an_event_of_its_own() -> None:
    items = [
        *[
            replace(a, outlet=f"Outlet {i}")
            for i, a in enumerate(_stories(COLLAPSE, "c", "2025-05-06"))
        ],
        *[
            replace(a, outlet=f"Outlet {i + 3}")
            for i, a in enumerate(_stories(SORTED_OUT, "d", "2025-05-07"))
        ],
    ]
    assert len(cluster_stories(items, ClusterConfig(follow_ups=None))) == 2  # apart by their words
    (story,) = cluster_stories(items, ClusterConfig())
    assert sorted(sorted(e.articles) for e in story.events) == [["c0", "c1", "c2"], ["d0", "d1"]]
    # split as one story's articles, a day apart, the time prior would make them one event
    (together,) = split_events(sorted(items, key=lambda a: a.published or ""), ClusterConfig())
    assert len(together.articles) == 5


def test_a_story_is_titled_from_its_largest_event_never_by_a_paragraph() -> None:
    from newsweave.cluster.stories import story_title
    from newsweave.model import Event

    collapse = [
        article("c0", COLLAPSE[0], title="Freighter brings down Marrowby bridge"),
        article("c1", COLLAPSE[1], title="Marrowby bridge falls after freighter strike"),
        article("c2", COLLAPSE[2], title="Ship hits Marrowby bridge, spans fall"),
    ]
    long_title = " ".join(["The crew of the freighter Ostrava stayed aboard"] * 6)
    divers = [article("d0", DIVERS[0], title=long_title)]
    events = [
        Event(id="e1", title="", date="2025-05-06", articles=["c0", "c1", "c2"]),
        Event(id="e2", title="", date="2025-05-08", articles=["d0"]),
    ]
    title = story_title([*collapse, *divers], events)
    assert "Marrowby bridge" in title
    assert story_title(divers) == long_title  # no other title: the paragraph, as a last resort


def test_any_groups_are_partitioned_whatever_their_text_and_dates() -> None:
    import random

    rng = random.Random(7)
    words = ["Marrowby", "Penwick", "Ostrava", "Kestrel", "bridge", "river", "said", "the", "May"]
    days = [None, "2025-05-06", "2025-05-07", "2025-06-30", "not a date", ""]
    groups = [
        [
            article(
                f"g{g}a{a}",
                " ".join(rng.choice(words) for _ in range(rng.randint(0, 30))),
                published=rng.choice(days),
                title=rng.choice([None, "", "Marrowby Bridge Falls Into The River"]),
            )
            for a in range(rng.randint(0, 4))
        ]
        for g in range(40)
    ]
    joined = join_follow_ups(groups)
    assert sorted(g for part in joined for g in part) == list(range(len(groups)))


COST = (
    "Rebuilding the Harlow Street bridge will cost Marrowby forty million crowns, the Marrowby "
    "treasurer Ilse Varn said. A new Harlow Street bridge needs deeper piers in the Penwick, and "
    "Marrowby will borrow half the sum. Until the Harlow Street bridge reopens, Marrowby buses "
    "run by the Quarry Lane detour along the Penwick, Varn said of the Harlow Street plan. "
    "Engineers from Marrowby walked the Harlow Street site with her. Builders from Tolvey, "
    "Kessel, Dunmere and Orrin bid, with Velde Steel, Brask Cement and the Sollen Group."
)
DEMOLITION = (
    "Crews began pulling down what is left of the Harlow Street bridge, Marrowby said on "
    "Friday. The Harlow Street bridge wreck blocks the Penwick channel, and Marrowby wants "
    "ships moving by June. Marrowby hired Garro Marine and Tesk Cranes; barges from Lund and "
    "Averly carry the steel. The Harlow Street piers go last, Marrowby engineer Pia Holm said "
    "of the Harlow Street work. Traffic in Marrowby still avoids the Harlow Street end, and "
    "shops in Marrowby near it stay shut."
)
PASSING = (
    "The Velde lighthouse at Kessel got a new lamp on Thursday, keepers said, after storms off "
    "Marrowby and Tolvey broke the old lens. Keeper Arno Dace fitted the lamp in four hours."
)


def test_a_one_article_follow_up_joins_by_the_names_it_keeps_repeating() -> None:
    cost = [article("k", COST, published="2025-05-12")]
    demolition = [article("d", DEMOLITION, published="2025-05-16")]
    assert join_follow_ups([cost, demolition]) == [[0, 1]]
    # every name either mentions, once or often, would make two subjects too wide to meet
    assert join_follow_ups([cost, demolition], FollowUpConfig(single_mentions=1)) == [[0], [1]]
    collapse = _stories(COLLAPSE, "c", "2025-05-06")
    # a report that names the town once, in passing, is not about the story's subject
    passing = [article("p", PASSING, published="2025-05-07")]
    assert join_follow_ups([collapse, passing]) == [[0], [1]]
