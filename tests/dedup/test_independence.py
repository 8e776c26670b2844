"""Independent sources: copies, one outlet, one wire credit; identical pages from two outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cluster.fixtures import BRIDGE, CHOIR, article
from tests.dedup.test_lineage import FERRY, MORE, QUOTES

from newsweave.analyze import analyze
from newsweave.dedup import (
    IndependenceConfig,
    copy_relations,
    load_outlet_groups,
    outlet_key,
    source_groups,
    wire_agencies,
)
from newsweave.errors import InputError
from newsweave.ingest import read_inputs
from newsweave.model import Page
from newsweave.render import render


def _groups(articles, relations=(), config=None) -> list[list[str]]:
    return [g.articles for g in source_groups(articles, relations, config)]


def test_a_copy_joins_its_original_in_one_source() -> None:
    items = [article("o", BRIDGE), article("c", BRIDGE + MORE), article("x", CHOIR)]
    relations = copy_relations(items)
    groups = source_groups(items, relations)
    assert [g.articles for g in groups] == [["o", "c"], ["x"]]
    assert groups[0].reasons == ["o is a prefix copy of c"]
    assert groups[1].reasons == []


def test_two_articles_of_one_outlet_are_one_source() -> None:
    items = [
        article("a", BRIDGE, url="https://www.marrowbymercury.example/bridge"),
        article("b", CHOIR, url="https://m.marrowbymercury.example/choir"),
        article("c", FERRY, outlet="Tolvey Tide"),
        article("d", MORE, outlet="tolvey tide"),
    ]
    groups = source_groups(items, [])
    assert [g.articles for g in groups] == [["a", "b"], ["c", "d"]]
    assert "both from marrowbymercury.example" in groups[0].reasons[0]


def test_sites_keep_their_country_second_level() -> None:
    assert outlet_key(article("a", BRIDGE, url="https://news.pellan.co.pl/x")) == "pellan.co.pl"
    assert outlet_key(article("a", BRIDGE, url="https://edition.tolvey.example/x")) == (
        "tolvey.example"
    )


def test_an_outlet_groups_file_joins_sister_sites(tmp_path: Path) -> None:
    path = tmp_path / "groups.json"
    path.write_text(json.dumps({"Mercury group": ["marrowbymercury.example", "Pellan Ledger"]}))
    groups = load_outlet_groups(path)
    items = [
        article("a", BRIDGE, url="https://marrowbymercury.example/bridge"),
        article("b", CHOIR, outlet="Pellan Ledger"),
        article("c", FERRY, url="https://tolvey.example/ferry"),
    ]
    assert _groups(items, config=IndependenceConfig(outlet_groups=groups)) == [["a", "b"], ["c"]]
    path.write_text("[1, 2]")
    with pytest.raises(InputError, match="expected an object"):
        load_outlet_groups(path)


def test_one_wire_credit_and_shared_wording_is_one_source_but_quotes_alone_are_not() -> None:
    paragraph = "Shop owners on the far side of the river said trade had already fallen."
    wire_a = article("wa", "PELLAN (Reuters) - " + FERRY + "\n" + paragraph)
    wire_b = article("wb", CHOIR + "\n" + paragraph, credits=["Reuters"])
    assert wire_agencies(wire_a) == wire_agencies(wire_b) == {"Reuters"}
    assert copy_relations([wire_a, wire_b]) == []  # too little shared for a copy ...
    assert _groups([wire_a, wire_b]) == [["wa", "wb"]]  # ... but enough under one credit
    quoting = article("wq", "DUNMERE (Reuters) - " + BRIDGE + "\n" + QUOTES)
    other = article("wo", CHOIR + "\n" + QUOTES, credits=["Reuters"])
    assert _groups([quoting, other]) == [["wo"], ["wq"]]


def test_byte_identical_pages_from_two_outlets_are_both_kept_as_a_verbatim_pair(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pages.jsonl"
    rows = [
        {"url": f"https://{host}/bridge-shut", "outlet": host, "text": BRIDGE}
        for host in ("marrowbymercury.example", "pellanledger.example")
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    pages = [p for p in read_inputs([str(path)]) if isinstance(p, Page)]
    assert len(pages) == 2 and pages[0].id != pages[1].id
    again = [p for p in read_inputs([str(path), str(path)]) if isinstance(p, Page)]
    assert len(again) == 2  # the same pages read twice are still two pages
    result = analyze(pages)
    (story,) = result.stories
    (relation,) = story.lineage
    assert relation.kind == "verbatim" and relation.evidence[0] == "identical text"
    assert {relation.original, relation.copy} == {p.id for p in pages}
    assert len(story.sources) == 1
    markdown = render(_brief(result), "md")
    assert "1 independent source" in markdown


def _brief(result):
    from newsweave.analyze import make_brief

    return make_brief(result.articles, result.stories)


def test_a_republisher_of_several_stories_does_not_make_them_one_source() -> None:
    from newsweave.model import Article, CopyRelation

    a = Article(id="a", source="a", text="x", url="https://velder-times.example/one")
    b = Article(id="b", source="b", text="y", url="https://ostrand-post.example/two")
    a_copy = Article(id="ac", source="ac", text="x", url="https://reposts.example/one")
    b_copy = Article(id="bc", source="bc", text="y", url="https://reposts.example/two")
    relations = [CopyRelation("a", "ac", "verbatim"), CopyRelation("b", "bc", "verbatim")]
    groups = source_groups([a, b, a_copy, b_copy], relations)
    assert sorted(sorted(g.articles) for g in groups) == [["a", "ac"], ["b", "bc"]]
    own = Article(id="own", source="own", text="z", url="https://reposts.example/three")
    other = Article(id="other", source="other", text="w", url="https://reposts.example/four")
    groups = source_groups([own, other], [])
    assert [sorted(g.articles) for g in groups] == [["other", "own"]]  # its own reporting
