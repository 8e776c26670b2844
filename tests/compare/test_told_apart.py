"""Figures told apart by how often, where, by whom and in what currency; written ranges as
estimates (invented articles in invented outlets)."""

from __future__ import annotations

from tests.compare.fixtures import extracted

from newsweave.compare import find_discrepancies
from newsweave.compare.quantities import WORLD, _same_time, quantity
from newsweave.extract import extract_articles
from newsweave.extract.figures import extract_figures
from newsweave.model import Article


def _values(*articles: tuple[str, str]) -> list[set[str]]:
    found = find_discrepancies([extracted(i, text) for i, text in articles])
    return [{v.value for v in d.values} for d in found]


def _frame(text: str):  # type: ignore[no-untyped-def]
    (figure,) = extract_figures(text, "a")
    return quantity(figure)


def test_an_amount_a_day_is_no_total_and_two_rates_compare() -> None:
    assert _frame("The Velder well is leaking 2 million gallons a day.").rate == "day"
    assert _frame("Ostria pays $5 billion per year into the fund.").rate == "year"
    assert _frame("The plant was closed a year ago after 12 workers fell ill.").rate is None
    assert (
        _values(
            ("a", "The Velder well has spilled 90 million gallons into the bay since April."),
            ("b", "The Velder well is leaking 2 million gallons a day into the bay."),
        )
        == []
    )
    assert _values(
        ("a", "The Velder well is leaking 2 million gallons a day, engineers said."),
        ("b", "The Velder well is spewing 3 million gallons a day, the coast guard said."),
    ) == [{"2,000,000", "3,000,000"}]


def test_each_day_says_how_often_not_each_of_many() -> None:
    q = _frame("Engineers think 12,000 barrels are leaking each day from the Velder well.")
    assert (q.rate, q.average) == ("day", False)
    assert _frame("The airlines lost $143 million each in the outage.").average


def test_what_is_collected_is_not_what_leaks() -> None:
    assert (
        _values(
            ("a", "The Marlin rig collected 10,000 barrels a day from the Velder well."),
            ("b", "The Velder well is leaking 12,000 barrels a day, engineers said."),
        )
        == []
    )


def test_a_further_count_or_a_separate_sum_is_not_the_whole() -> None:
    assert _frame("A further 17 cases were confirmed in Ostrand on Tuesday.").increment
    assert _frame("About 95,000 people crossed into Ostria.").increment is False
    assert (
        _values(
            ("a", "A further 17 cases of Velder fever were confirmed in Ostrand on Tuesday."),
            ("b", "Ostrand has now confirmed 203 cases of Velder fever, the health board said."),
        )
        == []
    )
    assert (
        _values(
            ("a", "The Marlin Oil Company agreed to set up a $20 billion fund for fishermen."),
            (
                "b",
                "The Marlin Oil Company will also create a separate $100 million fund for fishermen.",
            ),
        )
        == []
    )


def test_a_rates_base_is_no_count() -> None:
    assert (
        _values(
            ("a", "Velder fever could kill four in every 1,000 infected people, the study said."),
            ("b", "About 4,800 people have been infected with Velder fever, the agency said."),
        )
        == []
    )


def test_a_sum_restated_in_another_currency_is_the_same_sum() -> None:
    assert (
        _values(
            ("a", "The Marlin Oil Company has spent more than $3bn (£2bn) on the cleanup."),
            ("b", "The Marlin Oil Company said it had spent $3.5bn (£2.3bn) on the cleanup."),
        )
        == []
    )


def test_each_count_keeps_the_place_said_next_to_it() -> None:
    found = _values(
        ("a", "The toll in Velmaria stands at 83, while 12 people have died in Ostria "
              "and two have died in Dranland."),
        ("b", "The fever has caused 80 deaths in Velmaria. In Ostria, 10 people have died."),
    )  # fmt: skip
    assert {"83", "80"} in found
    assert {"12", "10"} in found
    assert not any("2" in values for values in found)


def test_a_place_that_has_the_count_scopes_it() -> None:
    assert (
        _values(
            (
                "a",
                "Ostria has 2,532 confirmed cases of Velder fever and three deaths, officials said.",
            ),
            ("b", "Forty-eight people have died of Velder fever in Velmaria, officials said."),
        )
        == []
    )


def test_a_count_made_worldwide_is_not_one_countrys() -> None:
    assert WORLD in _frame("Velder fever has killed 95 people worldwide.").scope
    assert (
        _values(
            ("a", "Velder fever has killed 95 people worldwide, the agency said."),
            ("b", "Velder fever has killed 83 people in Velmaria, the ministry said."),
        )
        == []
    )


def test_small_counts_are_exact_and_round_thousands_allow_rounding() -> None:
    assert _values(
        ("a", "Velder fever has killed 80 people in Velmaria, the ministry said."),
        ("b", "Velder fever has killed 83 people in Velmaria, the agency said."),
    ) == [{"80", "83"}]
    assert (
        _values(
            ("a", "The quake killed 2,000 people in Velmaria, the ministry said."),
            ("b", "The quake killed 2,040 people in Velmaria, the agency said."),
        )
        == []
    )


def test_written_ranges_are_estimates_that_agree_only_when_both_ends_do() -> None:
    assert _values(
        ("a", "Engineers estimate that 12,000 to 19,000 barrels a day leak from the Velder well."),
        (
            "b",
            "Officials put the leak at between 12,000 and 25,000 barrels a day at the Velder well.",
        ),
    ) == [{"12,000–19,000", "12,000–25,000"}]
    assert (
        _values(
            (
                "a",
                "Engineers estimate that 12,000 to 19,000 barrels a day leak from the Velder well.",
            ),
            (
                "b",
                "Officials put the leak at between 12,000 and 19,000 barrels a day at the Velder well.",
            ),
        )
        == []
    )
    assert (
        _values(
            (
                "a",
                "Engineers estimate that 12,000 to 19,000 barrels a day leak from the Velder well.",
            ),
            ("b", "Officials put the leak at about 15,000 barrels a day at the Velder well."),
        )
        == []
    )


def test_two_articles_of_one_outlet_are_one_source_updating_itself() -> None:
    def article(id: str, outlet: str, text: str) -> Article:
        return Article(id=id, source=f"{id}.txt", text=text, outlet=outlet, published="2025-03-03")

    morning = "Dranland has 3 confirmed cases of Velder fever, the ministry said."
    noon = "Dranland has 4 confirmed cases of Velder fever, the ministry said."
    same = list(extract_articles([article("a", "Ostrand Courier", morning),
                                  article("b", "Ostrand Courier", noon)]))  # fmt: skip
    assert find_discrepancies(same) == []
    two = list(extract_articles([article("a", "Ostrand Courier", morning),
                                 article("b", "Valley Wire", noon)]))  # fmt: skip
    assert len(find_discrepancies(two)) == 1


def test_a_depth_under_the_seabed_is_not_the_waters_depth() -> None:
    assert _frame("The Velder well extends 2.5 miles under the seabed.").reference == {"ground"}
    assert (
        _values(
            ("a", "Engineers said the Velder well extends 2.5 miles under the seabed."),
            ("b", "Robots worked 5,000 feet deep at the Velder well, engineers said."),
        )
        == []
    )


def test_now_is_no_span_of_time() -> None:
    assert _same_time(frozenset({"PRESENT_REF"}), frozenset({"P1D"}))
    assert not _same_time(frozenset({"P2D"}), frozenset({"P5D"}))


def test_a_country_by_its_initials_is_the_country() -> None:
    found = _values(
        ("a", "The agency's tally includes 45 deaths in Velmaria and two deaths in the US."),
        ("b", "Velder fever has killed three people in the United States, the agency said."),
    )
    assert found == [{"2", "3"}]


def test_each_said_of_the_next_count_is_not_this_ones() -> None:
    text = "The tally includes two deaths in Ostria, and one each in Velmaria and Dranland."
    figures = extract_figures(text, "a")
    assert not quantity(next(f for f in figures if f.value == 2)).average
    assert _frame("The airlines lost $143 million each in the outage.").average


def test_a_span_before_a_moment_is_no_length() -> None:
    assert (
        _values(
            (
                "a",
                "Two hours before the blast, the Velder assault had already begun, officials said.",
            ),
            ("b", "The Velder assault lasted three days, the army said."),
        )
        == []
    )
    assert _values(
        ("a", "The Velder assault lasted two days, the army said on Friday."),
        ("b", "The Velder assault lasted three days, the rebels said on Friday."),
    ) == [{"two days", "three days"}]


def test_lives_claimed_are_the_dead_and_a_reading_is_a_magnitude() -> None:
    assert _frame("The landslide in Corr claimed five lives, officials said.").predicate == "killed"
    assert _frame("About 4,000 people live in Corr.").predicate == "lived"
    assert _values(
        ("a", "The landslide in Corr claimed five lives, regional officials said."),
        ("b", "Seven people were killed by the landslide in Corr, the police said."),
    ) == [{"5", "7"}]
    assert _values(
        ("a", "The quake measured 5.8, the national seismic service of Velmaria said."),
        ("b", "The quake in Velmaria had a magnitude of 6.1, the geological survey said."),
    ) == [{"5.8", "6.1"}]


def test_initials_used_as_a_modifier_give_no_place() -> None:
    assert _values(
        ("a", "It was a revenge attack for US air strikes that left 32 civilians dead in Kessel."),
        ("b", "The air strikes in Kessel killed 30 civilians, the Taliban said."),
    ) == [{"30", "32"}]


def test_a_value_named_as_an_earlier_one_is_left_behind() -> None:
    assert (
        _values(
            (
                "a",
                "Kessel Corp raised its offer to $82 a share, up from a previous offer of $70 a share.",
            ),
            ("b", "Kessel Corp's first offer, of $70 per share, was rejected in November."),
            ("c", "The new bid values Ostrand Chips at $82 a share, Kessel Corp said."),
        )
        == []
    )


def test_each_after_a_range_is_said_of_both_ends() -> None:
    text = "The rules could cost Alvar Bank and Bellis Bank between $1 billion to $3 billion each."
    assert all(quantity(f).average for f in extract_figures(text, "a"))


def test_a_measure_stands_for_what_rounds_to_it() -> None:
    assert (
        _values(
            ("a", "Residents of Corr, located 20 miles from the Velder border, stayed indoors."),
            ("b", "Residents of Corr, 30 km from the Velder border, were told to stay indoors."),
        )
        == []
    )


def test_a_count_down_from_an_earlier_one_keeps_one_tally_and_no_false_credit() -> None:
    from newsweave.compare import compare_figures
    from newsweave.compare.quantities import attribution

    # "who had been reported" is a passive in a relative clause, not a source
    assert attribution("Nine are missing, after several people who had been reported lost.") is None
    assert attribution("Six people died, the Velder fire service said.") == "Velder fire service"
    articles = [
        extracted(
            "a",
            "At least four people were confirmed dead and 19 others were missing on Tuesday.",
            "2025-03-11",
        ),
        extracted("b", "Six people have died and 14 are still missing, he said.", "2025-03-12"),
        extracted(
            "c",
            "Nine people are still missing, down from 14 on Wednesday, after several people "
            "who had been reported missing were found safe.",
            "2025-03-13",
        ),
    ]
    conflicts, tallies = compare_figures(articles)
    missing = [t for t in tallies if "missing" in t.about]
    assert [[p.value for p in t.points] for t in missing] == [["19", "14", "9"]]
