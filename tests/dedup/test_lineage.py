"""Copy lineage on invented articles: verbatim, prefix, partial copies, rewrites, and quotes."""

from __future__ import annotations

from typing import Any

import pytest
from tests.cluster.fixtures import ADS, BRIDGE, BRIDGE_REWRITE, CHOIR, article

from newsweave.dedup import (
    LineageConfig,
    copy_relations,
    duplicate_groups,
    find_rewrites,
    independent_sources,
    lineage_groups,
)
from newsweave.dedup.passages import candidate_pairs, overlap, shingles, tokens

MORE = (
    "\nCouncillor Ines Marl said the closure showed how long repairs had been put off, and "
    "asked the roads department to publish its inspection reports every spring.\n"
    "Shop owners on the far side of the river said trade had already fallen since the "
    "detour signs went up, and some were thinking of closing early on weekdays.\n"
    "The department expects to reopen one lane for pedestrians within a fortnight if the "
    "temporary supports hold through the next round of heavy rain."
)
FERRY = (
    "The Tolvey ferry will run an extra evening crossing from next month, the harbour "
    "board announced on Friday after a long campaign by commuters.\n"
    "Tickets for the new crossing will cost the same as the daytime fares, and season "
    "passes will be accepted on every sailing, a spokesperson for the board said.\n"
    "The board has also ordered a second vessel, which is due to be delivered before the "
    "end of next year and will carry up to ninety cars on each trip."
)
QUOTES = (
    "“We could not take the risk of leaving it open, and we will not reopen it until every "
    "beam has been checked twice by the inspectors,” Vossen said.\n"
    "“This is a warning about the state of all our bridges, and the survey will cover every "
    "single one of them before the winter comes,” Brandt said."
)
SPUN = (
    "The Harlow Street bridge in Marrowby shut on Tuesday after inspectors discovered a split "
    "support girder, the Roads Department of Marrowby stated.\n"
    "Engineer Talia Vossen stated the split was discovered during a regular check of the "
    "eighty-year-old bridge. “We could not take the risk of leaving it open,” Vossen said.\n"
    "Around 14,000 cars cross the bridge every day. Motorists are being diverted along the "
    "Quarry Lane route, which adds twenty minutes to the journey into central Marrowby.\n"
    "The department stated fixes to the bridge on Harlow Street would need at least six weeks "
    "and cost roughly 2 million crowns.\n"
    "Mayor Oskar Brandt described the closure as an alarm about the condition of Marrowby "
    "bridges and pledged a complete survey of every bridge in the town before the winter."
)


def test_verbatim_copy_is_found_and_the_original_comes_first() -> None:
    original = article("z-orig", BRIDGE, published="2025-05-06", outlet="Marrowby Mercury")
    copy = article("a-copy", BRIDGE, published="2025-05-07", outlet="Pellan Ledger")
    groups = duplicate_groups([copy, original, article("c", CHOIR)])
    assert groups == [["z-orig", "a-copy"]]
    (relation,) = copy_relations([copy, original], groups)
    assert (relation.original, relation.copy, relation.kind) == ("z-orig", "a-copy", "verbatim")
    assert relation.evidence[0] == "identical text"
    assert any("published later" in e for e in relation.evidence)
    assert relation.directed


def test_copy_with_new_headline_and_ads_names_its_original_by_credit() -> None:
    original = article(
        "m-orig",
        BRIDGE,
        outlet="Marrowby Mercury",
        url="https://www.marrowbymercury.example/bridge",
    )
    copy = article(
        "b-ledger",
        "Bridge shut after crack found\n" + BRIDGE + "\n" + ADS + "This story first appeared on "
        "marrowbymercury.example",
        outlet="Pellan Ledger",
    )
    (relation,) = copy_relations([copy, original])
    assert relation.original == "m-orig" and relation.copy == "b-ledger"
    assert relation.kind == "verbatim"
    assert "credit line names marrowbymercury.example" in relation.evidence
    assert relation.scores["original_covered"] > 0.95


def test_first_paragraphs_run_elsewhere_are_a_prefix_copy_of_the_longer_story() -> None:
    full = article("full", BRIDGE + MORE, published=None)
    first = article("first", "\n".join(BRIDGE.split("\n")[:3]) + "\nRead the rest.", published=None)
    (relation,) = copy_relations([first, full])
    assert (relation.original, relation.copy, relation.kind) == ("full", "first", "prefix")
    assert "the original is the longer text" in relation.evidence
    assert relation.passages and relation.passages[0] in " ".join(BRIDGE.split())


def test_reused_paragraphs_in_another_story_are_a_partial_copy() -> None:
    paragraphs = MORE.strip().split("\n")
    own = article("own", FERRY + "\n" + paragraphs[1], published="2025-05-07")
    lender = article("lender", BRIDGE + MORE, published="2025-05-06")
    (relation,) = copy_relations([own, lender])
    assert (relation.original, relation.copy, relation.kind) == ("lender", "own", "partial")
    assert relation.scores["shared_prose"] >= LineageConfig().min_prose
    assert relation.scores["copy_covered"] < 0.5


def test_sharing_only_quotes_is_not_a_copy() -> None:
    first = article("q1", FERRY + "\n" + QUOTES)
    second = article("q2", CHOIR + "\n" + QUOTES)
    assert copy_relations([first, second]) == []
    assert find_rewrites([first, second]) == []
    assert overlap(tokens(first.text), tokens(second.text), 6).prose == 0


def test_a_word_swapped_copy_is_a_rewrite() -> None:
    original = article("s1", BRIDGE, published="2025-05-06")
    spun = article("s2", SPUN, published="2025-05-07")
    relations = copy_relations([original, spun])
    relations += find_rewrites([original, spun], relations)
    (relation,) = relations
    assert (relation.original, relation.copy, relation.kind) == ("s1", "s2", "rewrite")
    assert "published later (2025-05-07 vs 2025-05-06)" in relation.evidence


def test_a_paraphrase_in_the_same_order_is_a_rewrite_not_a_near_duplicate() -> None:
    original = article("r1", BRIDGE, published="2025-05-06")
    rewrite = article("r2", BRIDGE_REWRITE, published="2025-05-06")
    assert duplicate_groups([original, rewrite]) == []
    (relation,) = find_rewrites([original, rewrite])
    assert (relation.original, relation.copy, relation.kind) == ("r1", "r2", "rewrite")
    assert not relation.directed  # same day, no credit: nothing says which came first


def test_unrelated_articles_are_not_rewrites() -> None:
    assert find_rewrites([article("r1", BRIDGE), article("c1", CHOIR)]) == []
    assert copy_relations([article("r1", BRIDGE), article("f1", FERRY)]) == []


def test_rewrites_are_only_looked_for_between_texts_of_one_language() -> None:
    original = article("s1", BRIDGE, published="2025-05-06")
    spun = article("s2", SPUN, published="2025-05-07")
    spun.language = "de"  # English text read as German: too few German stop words
    assert find_rewrites([original, spun]) == []


def test_independent_sources_count_each_lineage_group_once() -> None:
    items = [
        article("o", BRIDGE, published="2025-05-05"),
        article("c1", BRIDGE, published="2025-05-06"),
        article("c2", BRIDGE, published="2025-05-07"),
        article("w", BRIDGE_REWRITE, published="2025-05-06"),
        article("x", CHOIR),
    ]
    relations = copy_relations(items, duplicate_groups(items))
    relations += find_rewrites(items, relations)
    ids = [a.id for a in items]
    assert independent_sources(ids, relations) == ["o", "x"]
    assert lineage_groups(ids, relations) == [["o", "c1", "c2", "w"], ["x"]]


def test_candidate_pairs_come_from_postings_and_chain_very_common_shingles() -> None:
    texts = [BRIDGE, BRIDGE + MORE, FERRY, CHOIR]
    keys = [shingles(tokens(t), 6) for t in texts]
    assert candidate_pairs(keys, 3, 50) == [(0, 1)]
    phrase = "according to a statement released by the office on the same day"
    common = [shingles(tokens(f"{t} {phrase}"), 6) for t in (FERRY, CHOIR, QUOTES)]
    assert candidate_pairs(common, 3, 50) == [(0, 1), (0, 2), (1, 2)]
    assert candidate_pairs(common, 3, 2) == [(0, 1), (1, 2)]  # over the cap: a chain


def test_a_flood_of_near_identical_copies_costs_linear_comparisons(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsweave.dedup import lineage
    from newsweave.dedup.representatives import copies_of

    compared = []
    real = lineage.overlap

    def counted(*args: Any, **kwargs: Any) -> Any:
        compared.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(lineage, "overlap", counted)
    n = 150  # over LineageConfig.max_group: all pairs would be 11,175 comparisons
    flood = [article("flood-000", FERRY, published="2025-05-05")] + [
        article(f"flood-{k:03}", f"{FERRY} Bulletin {k} of {k * 7919 % 1000}.") for k in range(1, n)
    ]
    groups = duplicate_groups(flood)
    assert [len(g) for g in groups] == [n] and groups[0][0] == "flood-000"
    relations = copy_relations(flood, groups)
    assert len(compared) <= 3 * n
    ids = [a.id for a in flood]
    assert lineage_groups(ids, relations) == [ids]
    assert copies_of(relations) == {"flood-000": ids[1:]}  # every copy folds into the oldest
