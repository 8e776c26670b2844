"""Figures matched by what their clauses say they count, not by a rule's words (invented text)."""

from __future__ import annotations

from tests.compare.fixtures import extracted

from newsweave.compare import find_discrepancies
from newsweave.compare.quantities import compatible, quantity, what_words, with_others
from newsweave.extract.figures import extract_figures
from newsweave.model import Figure


def _values(*articles: tuple[str, str]) -> list[set[str]]:
    found = find_discrepancies([extracted(i, text) for i, text in articles])
    return [{v.value for v in d.values} for d in found]


def _quantity(text: str) -> object:
    (figure,) = extract_figures(text, "a")
    return quantity(figure)


def test_jobs_cut_and_workers_who_lose_them_are_one_count_across_languages() -> None:
    # "cut" is said on one side only; the counted heads are one class (jobs, workers, postes)
    assert _values(
        ("a", "The carmaker will cut 3,000 jobs at its plant in Ostrev, the company said."),
        ("b", "Some 2,400 workers in Ostrev will lose their jobs, union officials said."),
    ) == [{"3,000", "2,400"}]


def test_homes_and_houses_flooded_in_other_words_are_one_count() -> None:
    assert _values(
        ("a", "Floodwater entered 1,200 homes in Varrow, the council said."),
        ("b", "Some 900 houses in Varrow were flooded, the fire service said."),
    ) == [{"1,200", "900"}]


def test_a_source_that_names_both_figures_tells_them_apart() -> None:
    a = ("a", "Kessel Motors will cut 3,000 jobs at its Ostrev factory, the company said.")
    b = ("b", "About 2,400 staff will lose their jobs at the Ostrev plant, the union said.")
    assert _values(a, b) == [{"3,000", "2,400"}]  # alone, one count in other words
    c = (
        "c",
        "Kessel Motors said 2,400 staff at the Ostrev plant would lose their jobs, on top of "
        "3,000 jobs already cut at the factory.",
    )
    assert _values(a, b, c) == []  # a third source names both: two counts


def test_a_count_named_with_another_group_is_a_part_of_those_present() -> None:
    assert (
        _values(
            ("a", "The ship carried 420 passengers and 85 crew, the operator said."),
            ("b", "All 505 people on board were taken off the ship safely, the coastguard said."),
        )
        == []
    )
    sentence = "The four passengers and the pilot have oxygen left, the navy said."
    assert with_others(Figure(4, "four", "passengers", "a", sentence=sentence))
    sentence = "Wherever two or three fans gather, they sing."
    assert with_others(Figure(3, "three", "fans", "a", sentence=sentence))
    sentence = "Four people were killed and 30 injured in the blast."
    assert not with_others(Figure(4, "Four", "people", "a", sentence=sentence))


def test_a_fate_is_said_of_a_part_so_an_unsaid_count_is_not_compared_with_it() -> None:
    killed = _quantity("The collapse killed six construction workers, officials said.")
    crew = _quantity("The bridge fell, plunging a crew of eight construction workers into it.")
    assert not compatible(killed, crew)
    cut = _quantity("The carmaker will cut 3,000 jobs, the company said.")
    lose = _quantity("Some 2,400 workers will lose their jobs, the union said.")
    assert compatible(cut, lose)
    assert "#worker" in what_words(cut) & what_words(lose)


def test_values_of_another_order_are_not_matched_by_meaning_alone() -> None:
    assert (
        _values(
            ("a", "Floodwater entered 12,000 homes in Varrow, the council said."),
            ("b", "Some 900 houses in Varrow were flooded, the fire service said."),
        )
        == []
    )
