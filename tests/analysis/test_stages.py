"""The first analysis stages on invented articles: dedup, clustering, extraction, comparison, summary."""

from __future__ import annotations

from tests.analysis_fixtures import FERRY, FERRY_REWRITE, ORCHARD, article

from newsweave.cluster import cluster_stories
from newsweave.compare import find_discrepancies
from newsweave.dedup import duplicate_groups
from newsweave.extract import (
    ExtractConfig,
    extract_articles,
    extract_figures,
    extract_quotes,
    find_dates,
)
from newsweave.summarize import build_timeline, summarize


def test_verbatim_copy_is_a_duplicate_and_the_earlier_is_the_original() -> None:
    original = article("a-orig", FERRY, published="2025-02-03")
    copy = article(
        "b-copy",
        FERRY + "\nThis story first appeared on tidewatergazette.example",
        published="2025-02-04",
    )
    rewrite = article("c-rewrite", FERRY_REWRITE)
    assert duplicate_groups([copy, original, rewrite]) == [["a-orig", "b-copy"]]


def test_dedup_is_idempotent_and_order_free() -> None:
    items = [article("x", FERRY), article("y", FERRY), article("z", ORCHARD)]
    assert duplicate_groups(items) == duplicate_groups(list(reversed(items))) == [["x", "y"]]


def test_unrelated_stories_are_not_clustered_together() -> None:
    stories = cluster_stories(
        [article("f1", FERRY), article("f2", FERRY_REWRITE), article("o1", ORCHARD)]
    )
    assert sorted(sorted(s.articles) for s in stories) == [["f1", "f2"], ["o1"]]
    ferry = next(s for s in stories if "f1" in s.articles)
    assert ferry.events and all(e.articles for e in ferry.events)


def test_story_ids_do_not_depend_on_input_order() -> None:
    items = [article("f1", FERRY), article("f2", FERRY_REWRITE), article("o1", ORCHARD)]
    assert [s.id for s in cluster_stories(items)] == [s.id for s in cluster_stories(items[::-1])]


def test_figures_with_qualifier_and_what_they_count() -> None:
    figures = extract_figures(FERRY + " " + ORCHARD, "a")
    by_value = {f.value: f for f in figures}
    assert by_value[300].qualifier == "about" and by_value[300].counts.startswith("passengers")
    assert by_value[40000].counts == "tonnes"
    assert 2025 not in by_value  # a year is not a figure


def test_quotes_with_speakers() -> None:
    (quote,) = extract_quotes(FERRY, "a")
    assert quote.text.startswith("The crew did everything right")
    assert quote.speaker == "Brook"


def test_dates_are_normalised_against_the_publication_date() -> None:
    values = [
        m.value
        for m in find_dates("It happened on March 4. Repairs finish in June 2026.", "2025-02-03")
    ]
    assert values == ["2025-03-04", "2026-06"]


def test_conflicting_figures_from_independent_sources_are_a_discrepancy() -> None:
    items = list(extract_articles([article("f1", FERRY), article("f2", FERRY_REWRITE)]))
    (conflict,) = find_discrepancies(items)
    assert {v.value for v in conflict.values} == {"300", "120"}
    assert "passengers" in conflict.about


def test_copies_do_not_make_a_discrepancy_with_themselves() -> None:
    items = list(extract_articles([article("f1", FERRY), article("f2", FERRY)]))
    assert find_discrepancies(items, copies=[["f1", "f2"]]) == []


def test_a_rewrite_that_changes_its_original_figure_is_flagged_as_one_source() -> None:
    items = list(extract_articles([article("f1", FERRY), article("f2", FERRY_REWRITE)]))
    (drift,) = find_discrepancies(items, copies=[["f1", "f2"]])
    assert all(v.independent == 1 for v in drift.values)  # one source, two wordings


def test_summary_cites_every_supporting_article() -> None:
    items = [article("f1", FERRY), article("f2", FERRY), article("f3", FERRY_REWRITE)]
    summary = summarize(items, copies=[["f1", "f2"]], size=3)
    assert summary
    for sentence in summary:
        assert sentence.sources
        assert any(
            sentence.text in next(a.text for a in items if a.id == s) for s in sentence.sources
        )
    lead = next(s for s in summary if s.text.startswith("The ferry between"))
    assert {"f1", "f2"} <= set(lead.sources)


def test_timeline_merges_dates_across_articles() -> None:
    items = [
        article("f1", FERRY, published="2025-02-03"),
        article("f2", FERRY_REWRITE, published="2025-02-03"),
    ]
    timeline = build_timeline(list(extract_articles(items, ExtractConfig(entities="none"))))
    assert [t.date for t in timeline] == sorted(t.date for t in timeline)
    assert any(t.date == "2025-03" for t in timeline)
