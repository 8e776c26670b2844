"""Cross-source comparison on invented stories: conflicts, non-conflicts, claims and copies."""

from __future__ import annotations

import pytest
from tests.compare.fixtures import COPIES, extracted, story_articles

from newsweave.compare import Similarity, find_claims, find_discrepancies, format_number
from newsweave.compare.quantities import QuantityConfig, quantity, same_quantity, value_range
from newsweave.model import Figure


def test_a_known_conflict_lists_every_value_with_its_wording_and_sources() -> None:
    (conflict,) = find_discrepancies(story_articles(), COPIES)
    values = {v.value: v for v in conflict.values}
    assert set(values) == {"300", "120"}
    assert "passengers" in conflict.about
    assert values["300"].sources == ["orig", "copy"]
    assert values["300"].independent == 1  # a copy is not a second source
    assert values["300"].wording == {"orig": "About 300", "copy": "About 300"}
    assert values["120"].wording == {"rewr": "120"}
    assert "capsized" in values["120"].sentences["rewr"]


def test_copies_alone_never_conflict() -> None:
    articles = story_articles()
    assert find_discrepancies(articles[:2], COPIES) == []


def test_different_quantities_are_not_a_conflict() -> None:
    a = extracted("a", "About 1,200 residents of Ostrand were evacuated on Monday.")
    b = extracted("b", "Ostrand is home to 4,000 residents, most of whom fish the river.")
    c = extracted("c", "Three residents of Ostrand were killed on Monday, the police said.")
    assert find_discrepancies([a, b, c]) == []


def test_approximations_that_agree_are_not_a_conflict() -> None:
    a = extracted("a", "About 100,000 people fled the Velder valley in 2023, officials said.")
    b = extracted("b", "More than 100,000 people fled the Velder valley in 2023, aid groups said.")
    c = extracted("c", "In 2021 a bloody six-week war between the two valleys ended in a truce.")
    d = extracted("d", "The 2021 war between the two valleys lasted 44 days, historians said.")
    assert find_discrepancies([a, b, c, d]) == []


def test_durations_of_the_same_war_that_disagree_are_a_conflict() -> None:
    c = extracted("c", "In 2021 a bloody six-week war between the two valleys ended in a truce.")
    d = extracted("d", "In 2021 a three-day war between the two valleys ended in a truce.")
    (conflict,) = find_discrepancies([c, d])
    assert conflict.kind == "duration"
    assert {v.text for v in conflict.values} == {"six-week", "three-day"}


def test_figures_of_different_years_are_not_compared() -> None:
    a = extracted("a", "In 2019 about 200 people were killed in the Velder floods.")
    b = extracted("b", "In 2024 about 40 people were killed in the Velder floods.")
    assert find_discrepancies([a, b]) == []


def test_claims_count_independent_sources_and_copies_count_once() -> None:
    claims = find_claims(story_articles(), COPIES)
    closed = next(c for c in claims if "stay closed until Friday" in c.text)
    assert set(closed.sources) == {"orig", "copy", "rewr"}
    assert closed.independent == 2 and closed.kind == "corroborated"
    inspection = next(c for c in claims if "safety inspection" in c.text)
    assert set(inspection.sources) == {"orig", "copy"}  # a copy does not corroborate
    assert inspection.independent == 1 and inspection.kind == "single-source"
    assert set(inspection.wording) == {"orig", "copy"}


def test_a_single_source_fact_is_marked_as_such() -> None:
    claims = find_claims(story_articles(), COPIES)
    divers = next(c for c in claims if "Kessel Salvage Group" in c.text)
    assert divers.sources == ["rewr"] and divers.kind == "single-source"
    assert not any("first appeared" in c.text for c in claims)  # boilerplate is no claim


def test_paraphrases_score_above_unrelated_sentences() -> None:
    pairs = [
        "The harbour board closed the crossing until Friday after the ferry sank.",
        "After the ferry sank, the crossing was closed by the harbour board until Friday.",
        "Apple growers in the valley expect a record harvest this autumn.",
    ]
    sim = Similarity(pairs)
    assert sim.same(pairs[0], pairs[1])
    assert not sim.same(pairs[0], pairs[2])


def test_wording_gives_value_ranges() -> None:
    config = QuantityConfig()

    def fig(text: str, value: float, qualifier: str | None = None) -> Figure:
        return Figure(value, text, "people", "a", qualifier, f"{text} people fled.")

    assert value_range(fig("about 100,000", 1e5, "about"), config) == pytest.approx((85e3, 115e3))
    assert value_range(fig("more than 100,000", 1e5, "more than"), config)[0] == 1e5
    assert value_range(fig("tens of thousands of", 1e4, "about"), config) == (1e4, 1e5)
    assert value_range(fig("41", 41), config) == (41, 41)
    a, b = quantity(fig("100,000", 1e5)), quantity(fig("50,000", 5e4))
    assert a.predicate == "fled" and same_quantity(a, b)


def test_one_number_formatter() -> None:
    assert format_number(100000.0) == "100,000"
    assert format_number(2.5) == "2.5"
    assert format_number(1 / 3) == "0.33"
