"""Copy lineage on invented articles: verbatim copies, copies with ads, rewrites."""

from __future__ import annotations

from tests.cluster.fixtures import ADS, BRIDGE, BRIDGE_REWRITE, CHOIR, article

from newsweave.dedup import (
    copy_relations,
    duplicate_groups,
    find_rewrites,
    independent_sources,
    lineage_groups,
)


def _copy_with_ads():
    return article(
        "b-ledger",
        "Bridge shut after crack found\n" + BRIDGE + "\n" + ADS + "This story first appeared on "
        "marrowbymercury.example",
        published="2025-05-06",
        title="Crack shuts Marrowby bridge",
        outlet="Pellan Ledger",
    )


def test_verbatim_copy_is_found_and_the_original_comes_first() -> None:
    original = article("z-orig", BRIDGE, published="2025-05-06", outlet="Marrowby Mercury")
    copy = article("a-copy", BRIDGE, published="2025-05-07", outlet="Pellan Ledger")
    groups = duplicate_groups([copy, original, article("c", CHOIR)])
    assert groups == [["z-orig", "a-copy"]]
    (relation,) = copy_relations([copy, original], groups)
    assert (relation.original, relation.copy, relation.kind) == ("z-orig", "a-copy", "verbatim")
    assert relation.evidence[0].startswith("100% of the original's sentences repeated")
    assert any("published later" in e for e in relation.evidence)


def test_copy_with_new_headline_and_ads_names_its_original_by_credit() -> None:
    original = article(
        "m-orig",
        BRIDGE,
        outlet="Marrowby Mercury",
        url="https://www.marrowbymercury.example/bridge",
    )
    copy = _copy_with_ads()
    groups = duplicate_groups([copy, original])
    assert len(groups) == 1 and set(groups[0]) == {"m-orig", "b-ledger"}
    (relation,) = copy_relations([copy, original], groups)
    assert relation.original == "m-orig" and relation.copy == "b-ledger"
    assert relation.kind == "verbatim"
    assert "credit line names marrowbymercury.example" in relation.evidence


def test_rewrite_is_a_rewrite_not_a_near_duplicate() -> None:
    original = article("r1", BRIDGE, published="2025-05-06")
    rewrite = article("r2", BRIDGE_REWRITE, published="2025-05-06")
    assert duplicate_groups([original, rewrite]) == []
    (relation,) = find_rewrites([original, rewrite])
    assert (relation.original, relation.copy, relation.kind) == ("r1", "r2", "rewrite")
    assert any("cosine" in e for e in relation.evidence)


def test_unrelated_articles_are_not_rewrites() -> None:
    assert find_rewrites([article("r1", BRIDGE), article("c1", CHOIR)]) == []


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


def test_dedup_is_idempotent() -> None:
    items = [article("p", BRIDGE), article("q", BRIDGE), article("r", CHOIR)]
    assert duplicate_groups(items) == duplicate_groups(items[::-1]) == [["p", "q"]]
