"""Splitting a story made of two groups of articles with little in common."""

from __future__ import annotations

from tests.cluster.fixtures import article

from newsweave.cluster import ClusterConfig, cluster_stories
from newsweave.cluster.features import normalise
from newsweave.cluster.split import similarity_matrix, split_groups

SHARED = {"marrowby": 1.0, "brandt": 1.0}


def _vector(*words: str) -> dict[str, float]:
    return normalise({**SHARED, **{w: 1.0 for w in words}})


BRIDGE_VECTORS = [_vector("bridge", "beam", "crack", extra) for extra in ("detour", "repair", "")]
CHOIR_VECTORS = [_vector("choir", "gold", "festival", extra) for extra in ("anthem", "tenor", "")]


def test_similarity_matrix_is_the_cosine_of_unit_vectors() -> None:
    sims = similarity_matrix([{"a": 1.0}, {"a": 0.6, "b": 0.8}, {}])
    assert sims.shape == (3, 3)
    assert abs(sims[0, 1] - 0.6) < 1e-9 and sims[2].sum() == 0.0


def test_two_groups_sharing_only_names_are_split_in_arrival_order() -> None:
    vectors = [BRIDGE_VECTORS[0], CHOIR_VECTORS[0], *BRIDGE_VECTORS[1:], *CHOIR_VECTORS[1:]]
    assert split_groups(vectors, cut=0.6) == [[0, 2, 3], [1, 4, 5]]


def test_a_story_that_holds_together_is_not_split() -> None:
    assert split_groups(BRIDGE_VECTORS + BRIDGE_VECTORS, cut=0.6) == [[0, 1, 2, 3, 4, 5]]


def test_no_split_when_off_too_small_or_too_large() -> None:
    vectors = BRIDGE_VECTORS + CHOIR_VECTORS
    assert split_groups(vectors, cut=0.0) == [list(range(6))]
    assert split_groups(vectors, cut=0.6, min_size=4) == [list(range(6))]
    assert split_groups(vectors, cut=0.6, max_members=5) == [list(range(6))]


def test_an_odd_article_out_joins_the_closer_group() -> None:
    vectors = [*BRIDGE_VECTORS, *CHOIR_VECTORS, _vector("bridge", "choir", "beam")]
    assert split_groups(vectors, cut=0.6) == [[0, 1, 2, 6], [3, 4, 5]]


BRIDGE_DAYS = [
    "Mayor Oskar Brandt of Marrowby closed the Harlow Street bridge after inspectors found a "
    "cracked support beam; drivers take the Quarry Lane detour.",
    "Marrowby's Harlow Street bridge stays shut, Mayor Oskar Brandt said, while engineers "
    "replace the cracked beam and traffic uses the Quarry Lane detour.",
    "Repairs to the cracked beam of the Harlow Street bridge in Marrowby began, Mayor Oskar "
    "Brandt said; the Quarry Lane detour remains.",
]
CHOIR_DAYS = [
    "Mayor Oskar Brandt of Marrowby welcomed the Dunmere choir home after it took gold at the "
    "Pellan festival with a new anthem for tenors.",
    "The Dunmere choir sang its gold-winning anthem in Marrowby square, and Mayor Oskar Brandt "
    "thanked the tenors after the Pellan festival.",
    "Marrowby Mayor Oskar Brandt gave the Dunmere choir a civic award for its festival gold and "
    "the anthem its tenors sang at Pellan.",
]


def test_cluster_stories_splits_a_merged_story_and_names_parts_after_their_first_article() -> None:
    items = [
        article(f"{kind}{i}", text, published=f"2025-03-0{2 * i + (kind == 'c') + 1}")
        for kind, texts in (("b", BRIDGE_DAYS), ("c", CHOIR_DAYS))
        for i, text in enumerate(texts)
    ]
    merged = ClusterConfig(threshold=0.01, split_cut=0.0)
    assert [sorted(s.articles) for s in cluster_stories(items, merged)] == [
        ["b0", "b1", "b2", "c0", "c1", "c2"]
    ]
    stories = cluster_stories(items, ClusterConfig(threshold=0.01, split_cut=0.6))
    assert sorted(sorted(s.articles) for s in stories) == [["b0", "b1", "b2"], ["c0", "c1", "c2"]]
    assert {s.articles[0] for s in stories} == {"b0", "c0"}
    again = cluster_stories(items[::-1], ClusterConfig(threshold=0.01, split_cut=0.6))
    assert {s.id: s.articles for s in stories} == {s.id: s.articles for s in again}


def test_groups_that_share_their_names_as_much_as_inside_are_one_story() -> None:
    vectors = [BRIDGE_VECTORS[0], CHOIR_VECTORS[0], *BRIDGE_VECTORS[1:], *CHOIR_VECTORS[1:]]
    same_names = [normalise({"marrowby": 1.0, "brandt": 1.0})] * len(vectors)
    assert split_groups(vectors, cut=0.6, names=same_names) == [list(range(6))]
    own_names = [normalise({"brandt": 1.0, "harlow" if i in (0, 2, 3) else "dunmere": 1.0})
                 for i in range(6)]  # fmt: skip
    assert split_groups(vectors, cut=0.6, names=own_names) == [[0, 2, 3], [1, 4, 5]]


MINE_STAGES = [  # the collapse, contact on the third day, the rescue: one story
    (
        "2025-02-03",
        "A tunnel at the Dunmore copper mine collapsed on Monday morning, trapping 14 workers about 300 metres underground, the operator Kelby Mining said.\n\nRescue teams began drilling towards the workers within hours, company spokeswoman Ana Broch said.",
    ),
    (
        "2025-02-03",
        "Fourteen miners were trapped on Monday when part of a tunnel collapsed at the Dunmore copper mine, Kelby Mining said.\n\nFamilies gathered at the mine gate as rescuers started drilling.",
    ),
    (
        None,
        "Fourteen workers were trapped on Monday after a tunnel collapsed at the Dunmore copper mine.\n\nRelatives waited at the gate through the night as drilling began.",
    ),
    (
        "2025-02-05",
        "Rescuers made contact with all 14 trapped miners on Wednesday after a probe drill reached the chamber where they sheltered, Kelby Mining said.\n\nThe miners sent up a note saying they were all well, and food and water were lowered through the borehole.",
    ),
    (
        "2025-02-05",
        "A note sent up a borehole on Wednesday showed all 14 miners trapped in the Dunmore mine were alive, rescuers said.\n\nSupplies of water and food were lowered to the chamber.",
    ),
    (
        None,
        "A probe drill reached the trapped Dunmore miners on Wednesday and a note came back up saying all 14 were alive and well.",
    ),
    (
        "2025-02-08",
        "The last of the 14 miners trapped in the Dunmore copper mine was lifted to the surface in a rescue capsule on Saturday, five days after the tunnel collapse, Kelby Mining said.",
    ),
    (
        "2025-02-08",
        "Rescuers brought the last of 14 trapped miners to the surface on Saturday, ending a five-day ordeal at the Dunmore copper mine.",
    ),
    (
        None,
        "The last of the 14 Dunmore miners was lifted out in a capsule on Saturday, ending the rescue at the copper mine.",
    ),
]


def test_a_story_told_in_stages_by_a_batch_of_its_own_stays_one_story() -> None:
    items = [article(f"m{i}", text, published=day) for i, (day, text) in enumerate(MINE_STAGES)]
    stories = cluster_stories(items)
    assert [sorted(s.articles) for s in stories] == [[f"m{i}" for i in range(9)]]
