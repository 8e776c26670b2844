"""What a figure counts and what happened to it, in the many words outlets use (invented text)."""

from __future__ import annotations

from tests.compare.fixtures import extracted

from newsweave.compare import find_discrepancies
from newsweave.compare.quantities import counted_words, head_words, quantity
from newsweave.extract import extract_articles
from newsweave.extract.figures import extract_figures
from newsweave.model import Article


def _values(*articles: tuple[str, str]) -> list[set[str]]:
    found = find_discrepancies([extracted(i, text) for i, text in articles])
    return [{v.value for v in d.values} for d in found]


def _frame(text: str, language: str | None = None) -> tuple[str | None, set[str]]:
    (figure,) = extract_figures(text, "a", language=language)
    q = quantity(figure)
    return q.predicate, set(q.head or q.counted)


def test_a_counted_phrase_is_counted_by_its_head_nouns_class() -> None:
    assert head_words("registered voters cast") == {"voter"}
    assert head_words("schoolchildren") == head_words("pupils") == {"pupil"}
    assert head_words("homes without power") == head_words("households") == {"home"}
    assert head_words("jobs") == head_words("positions") == head_words("staff")
    assert head_words("British fans") == {"spectator", "british"}  # a named subgroup stays
    assert head_words("Menschen") == {"people"}  # a German noun is no name
    assert head_words("soldiers") == frozenset()  # no class
    assert counted_words("ethnic Ostrian residents") == {"ethnic", "ostrian", "people"}


def test_a_modified_count_of_people_still_matches_by_its_words() -> None:
    assert _values(
        ("a", "About 100,000 ethnic Ostrians fled to Velmaria, fearing reprisals."),
        ("b", "Almost all of the region's 50,000 ethnic Ostrian residents fled within days."),
    ) == [{"100,000", "50,000"}]


def test_people_on_board_are_the_passengers_but_soldiers_are_not_all_the_dead() -> None:
    assert _values(
        ("a", "The Orvel bus was carrying 48 passengers when it left the road, police said."),
        ("b", "There were 52 people on board the Orvel bus, a police spokeswoman said."),
    ) == [{"48", "52"}]
    assert (
        _values(
            ("a", "Twelve soldiers were killed in the attack on the Brisk base, the army said."),
            (
                "b",
                "At least 40 people were killed in the attack on the Brisk base, officials said.",
            ),
        )
        == []
    )


def test_a_subordinate_clause_gives_no_predicate_to_the_count_before_it() -> None:
    predicate, counted = _frame("The bus was carrying 48 passengers when it left the road.")
    assert (predicate, counted) == ("aboard", {"passenger"})


def test_phrases_say_what_happened_before_single_words() -> None:
    assert _frame("Twenty-three people lost their lives, the health office said.")[0] == "killed"
    assert _frame("The storm left 250,000 homes without power.") == ("blackout", {"home"})
    assert _frame("Some 400,000 households lost electricity.") == ("blackout", {"home"})
    assert _frame("The firm plans to lay off 900 workers.") == ("cut", {"worker"})
    assert _frame("Around 900 positions will go, the union said.") == ("cut", {"worker"})
    assert _frame("Mindestens 14 Menschen kamen ums Leben.", "de") == ("killed", {"people"})
    assert _frame("The new plant will create 500 jobs for young people.")[0] is None


def test_turnout_in_other_words_is_one_quantity_and_no_vote_share() -> None:
    assert _values(
        ("a", "Turnout in the Marrow referendum was 58%, the electoral office said."),
        ("b", "Some 64 percent of registered voters in Marrow cast a ballot, officials said."),
        ("c", "In Marrow, 64% of voters backed the merger, officials said."),
    ) == [{"58", "64"}]


def test_a_votes_two_sides_are_two_quantities() -> None:
    assert _frame("Deputies approved the bill by 198 votes to 143.")[0] == "voted for"
    (_, against) = extract_figures("The bill passed with 212 votes in favour and 93 against.", "a")
    assert quantity(against).predicate == "voted against"
    assert _values(
        ("a", "The Drell media bill passed with 212 votes in favour, the speaker announced."),
        ("b", "Deputies approved the Drell media bill by 198 votes to 143."),
        ("c", "Eighteen councillors in Drell voted against the plan."),
    ) == [{"212", "198"}]


def test_a_crowd_and_those_who_marched_are_one_count() -> None:
    assert _frame("Police put the crowd at 12,000.") == ("attended", {"people"})
    assert _values(
        ("a", "Police put the crowd at the Castel pension march at 12,000."),
        ("b", "Organisers said 40,000 people took part in the Castel pension march."),
    ) == [{"12,000", "40,000"}]


def test_speeds_per_hour_in_words_are_kilometres_per_hour() -> None:
    for text, language, value in [
        ("Gusts reached 175 kilometres per hour on the seafront.", None, 175),
        ("Winds of 90 miles an hour hit the coast.", None, 90 * 1.609344),
        ("Des rafales à 150 kilomètres par heure.", "fr", 150),
        ("Vientos de 130 kilómetros por hora.", "es", 130),
    ]:
        (figure,) = extract_figures(text, "a", language=language)
        frame = quantity(figure)
        assert (frame.unit, frame.dimension) == ("km/h", "speed")
        assert abs(frame.low - value) < 0.1 * value
    (road,) = extract_figures("The road runs 40 km a day's walk from town.", "a")
    assert road.unit == "km"


def test_a_range_is_one_figure_and_a_change_is_not_a_range() -> None:
    (span,) = extract_figures("Between 200 and 250 homes were destroyed, the mayor said.", "a")
    assert (span.text, span.value, span.upper) == ("Between 200 and 250", 200, 250)
    (bare,) = extract_figures("The storm destroyed 200 to 250 homes.", "a")
    assert (bare.value, bare.upper) == (200, 250)
    (german,) = extract_figures("Zwischen 2.000 und 3.000 Menschen flohen.", "a", language="de")
    assert (german.value, german.upper) == (2000, 3000)
    (toll,) = extract_figures("The toll rose from 45 to 61.", "a")
    assert (toll.value, toll.upper) == (61, None)
    (votes,) = extract_figures("Deputies approved the bill by 198 votes to 143.", "a")
    assert votes.upper is None
    (conflict,) = find_discrepancies(
        [
            extracted("a", "Between 200 and 250 homes in Rumb were destroyed, the mayor said."),
            extracted("b", "The tornado destroyed 600 homes in Rumb, the state agency said."),
        ]
    )
    assert {v.value for v in conflict.values} == {"200–250", "600"}
    assert not find_discrepancies(
        [
            extracted("a", "Between 200 and 250 homes in Rumb were destroyed, the mayor said."),
            extracted("b", "The tornado destroyed 240 homes in Rumb, the state agency said."),
        ]
    )


def test_a_figure_its_source_revised_is_withdrawn() -> None:
    assert _values(
        ("a", "Police in Corb initially said 60 people were arrested, but later revised the "
              "figure to 45."),
        ("b", "Police in Corb said 45 people had been arrested."),
    ) == []  # fmt: skip
    assert (
        _values(
            ("a", "An earlier version of this article said 60 people were arrested in Corb."),
            ("b", "Police in Corb said 45 people had been arrested."),
        )
        == []
    )
    assert _values(
        ("a", "Police in Corb said 60 people were arrested."),
        ("b", "Police in Corb said 45 people had been arrested."),
    ) == [{"60", "45"}]


def test_people_forced_from_their_homes_fled_and_the_buried_are_trapped() -> None:
    assert _frame("The storm forced 75,000 people from their homes.") == ("fled", {"people"})
    assert _frame("The avalanche buried six skiers.")[0] == "trapped"
    assert _frame("Four skiers were caught under the snow.")[0] == "trapped"
    assert _frame("Rescuers evacuated 8,000 people from their homes.")[0] == "evacuated"


def test_sums_of_the_same_kind_compare_across_words_and_languages() -> None:
    assert _values(
        ("a", "The regulator fined the company €45 million for abusing its position."),
        ("b", "The watchdog imposed a penalty of 60 million euros, its president said."),
    ) == [{"45,000,000", "60,000,000"}]
    assert (
        _values(
            ("a", "The regulator fined Alvar Telecom €45 million on Monday."),
            ("b", "The regulator fined Bellis Energy €60 million on Monday."),
        )
        == []
    )  # two bearers, two fines
    assert (
        _values(
            ("a", "The regulator fined the company €45 million on Monday."),
            ("b", "The company received €60 million in state aid last year."),
        )
        == []
    )  # a fine is no aid
    (ransom,) = extract_articles(
        [Article(id="fr", source="fr", language="fr", published="2025-03-03",
                 text="Les ravisseurs réclamaient une rançon de 2 millions d'euros.")]
    )  # fmt: skip
    english = extracted("en", "The kidnappers demanded a ransom of €3 million, police said.")
    (conflict,) = find_discrepancies([ransom, english])
    assert {v.value for v in conflict.values} == {"2,000,000", "3,000,000"}


def test_a_measure_in_its_own_unit_is_of_the_thing_named_before_it() -> None:
    assert _values(
        ("a", "Winds of 140 km/h tore roofs off houses in Corr, the met office said."),
        ("b", "Gusts reached 175 kilometres per hour on the Corr seafront, forecasters said."),
    ) == [{"140", "175"}]
    assert _values(
        ("a", "Temperatures hit 44.5C in Sarr in the afternoon, the weather bureau said."),
        ("b", "The thermometer in Sarr climbed to 46 degrees Celsius, meteorologists said."),
    ) == [{"44.5", "46"}]
    assert (
        _values(
            ("a", "Temperatures hit 44.5C in Sarr in the afternoon, the weather bureau said."),
            ("b", "The sea off Sarr was 26 degrees Celsius, meteorologists said."),
        )
        == []
    )


def test_miners_and_quarrymen_are_workers() -> None:
    assert head_words("miners") == head_words("quarrymen") == {"worker"}
    assert _values(
        ("a", "Eleven workers are trapped under the rubble at the Gorr quarry."),
        ("b", "Eight quarrymen were caught by the rockfall at the Gorr quarry."),
    ) == [{"11", "8"}]


def test_areas_convert_and_a_fires_area_is_the_fire_named_before_it() -> None:
    (acres,) = extract_figures("The fire burned 4,000 acres.", "a")
    (square,) = extract_figures("It covers 12 square kilometres.", "a")
    assert (quantity(acres).unit, quantity(acres).dimension) == ("ha", "area")
    assert quantity(square).low == 1200  # 12 km² is 1,200 ha
    (fr,) = extract_articles(
        [Article(id="fr", source="fr", language="fr", published="2025-03-03",
                 text="Le feu a déjà parcouru 1 200 hectares près de Sorl, selon la préfecture.")]
    )  # fmt: skip
    en = extracted(
        "en", "The blaze near Sorl has burned 1,800 hectares of pine, firefighters said."
    )
    (conflict,) = find_discrepancies([fr, en])
    assert {v.value for v in conflict.values} == {"1,200", "1,800"}


def test_a_fall_in_metres_is_a_drop() -> None:
    assert _values(
        ("a", "The Quell bus fell 80 metres into a ravine, police said."),
        ("b", "The Quell bus plunged about 50 metres down a slope, rescuers said."),
    ) == [{"80", "50"}]


def test_a_things_size_before_it_is_its_length_whatever_year_it_was_built() -> None:
    assert _values(
        ("a", "The Ferr footbridge was 420 metres long, city engineers said."),
        ("b", "The 380-metre Ferr footbridge was built in 1968."),
    ) == [{"420", "380"}]
    assert _values(
        ("a", "The Ferr bridge spanned 160 metres across the river, the council said."),
        ("b", "The 210-metre Ferr bridge had been closed for repairs."),
    ) == [{"160", "210"}]
    assert (
        _values(
            ("a", "The Ferr bridge was 420 metres long, city engineers said."),
            ("b", "The 30-metre Ferr barge passed under it."),
        )
        == []
    )


def test_heights_of_two_things_are_not_a_conflict_one_things_are() -> None:
    assert (
        _values(
            ("a", "The earth-fill Ostrel dam, completed in 1971, is 46 metres high."),
            ("b", "In the lower town the water rose as high as three metres, officials said."),
        )
        == []
    )
    assert _values(
        ("a", "The Ostrel dam is 46 metres high, the water authority said."),
        ("b", "The Ostrel dam, 52 metres high, held back the lake, engineers said."),
    ) == [{"46", "52"}]


def test_a_share_full_is_a_share_of_capacity_and_a_strike_is_taken_part_in() -> None:
    assert head_words("full") == head_words("capacity") == {"capacity"}
    assert _values(
        ("a", "The main Dorr reservoir is at 18% of its capacity, the water board said."),
        ("b", "The Dorr reservoir is now 25 percent full, engineers said."),
    ) == [{"18", "25"}]
    assert _frame("The company said 1,200 employees had stopped work.")[0] == "attended"


def test_a_total_after_a_part_is_another_quantity() -> None:
    assert _values(
        ("a", "The Unity Party of Senn won 84 seats, the commission said."),
        ("b", "The Unity Party of Senn took 79 of the 150 seats, the commission said."),
    ) == [{"84", "79"}]


def test_the_value_a_change_leaves_behind_is_not_compared() -> None:
    assert (
        _values(
            ("a", "Unemployment in Call fell from 8.2% to 7.5%, the statistics office said."),
            ("b", "Unemployment in Call stood at 7.5 percent, the office said."),
        )
        == []
    )
    assert _values(
        ("a", "Unemployment in Call stood at 8.2 percent, the office said."),
        ("b", "Unemployment in Call stood at 7.5 percent, the statistics office said."),
    ) == [{"8.2", "7.5"}]


def test_bodies_are_the_dead_and_the_number_of_dead_stands_at_its_value() -> None:
    assert _frame("Rescuers have recovered 27 bodies from the rubble.") == ("killed", {"people"})
    (toll,) = extract_figures("The number of dead stands at 27, the agency said.", "a")
    assert quantity(toll).counted == {"people"}
    assert _values(
        ("a", "The collapse of the Parv hotel killed 31 people, the governor said."),
        ("b", "Rescuers have recovered 27 bodies from the Parv hotel, the fire brigade said."),
    ) == [{"31", "27"}]


def test_degrees_in_german_and_french_are_celsius_and_delays_are_a_predicate() -> None:
    (german,) = extract_figures("Das Thermometer zeigte 39 Grad.", "a", language="de")
    (french,) = extract_figures("Le thermomètre affichait 41 degrés.", "a", language="fr")
    assert german.unit == french.unit == "°C"
    assert _frame("Nearly 450 flights were held up, air traffic control said.")[0] == "delayed"
    assert _frame("Health officials have confirmed 95 cases.") == ("infected", {"people"})


def test_a_value_group_holds_only_values_that_all_agree() -> None:
    # "up to 190" allows 152-190: it agrees with 150 and with 190, which do not agree
    assert _values(
        ("a", "Winds over Corr reached 150 km/h, the weather service said."),
        ("b", "Gusts of up to 190 km/h were recorded over Corr, forecasters said."),
        ("c", "The storm brought gusts of 190 km/h to Corr, meteorologists said."),
    ) == [{"150", "190"}]
    assert (
        _values(
            ("a", "About 100,000 people fled the Vell valley, the UN said."),
            ("b", "More than 100,000 people fled the Vell valley, officials said."),
            ("c", "Nearly 100,000 people fled the Vell valley, aid groups said."),
        )
        == []
    )


def test_a_measure_in_its_unit_names_its_thing_in_the_last_words_before_it() -> None:
    assert (
        _values(
            ("a", "Velland attached great national pride to the 140-ton Velland rocket."),
            ("b", "Velland can load warheads weighing up to two tons on its missiles."),
        )
        == []
    )


def test_a_crew_alone_is_a_part_of_those_on_board() -> None:
    assert (
        _values(
            ("a", "The Orr plane crash killed 12 people, officials said."),
            ("b", "The Orr plane crashed, killing two crewmembers and ten tourists."),
        )
        == []
    )


def test_taken_to_hospital_is_its_own_count_unless_a_verb_comes_first() -> None:
    text = "At least seven people were killed and more than 50 taken to hospital in Brisk."
    killed, taken = extract_figures(text, "a")
    assert (quantity(killed).predicate, quantity(taken).predicate) == ("killed", "hospitalised")
    assert (
        _values(
            ("a", "Forty people were injured in the Whit blast, the fire service said."),
            ("b", "Twelve people were taken to hospital after the Whit blast."),
        )
        == []
    )


def test_each_value_of_a_conflict_shows_a_number_of_its_own() -> None:
    (conflict,) = find_discrepancies(
        [
            extracted("a", "The Kund air strikes left up to 32 civilians dead, the group said."),
            extracted("b", "The Kund air strikes killed 30 civilians, officials said."),
            extracted("c", "The Kund air strikes left 32 civilians dead, the group said."),
        ]
    )
    assert {v.value for v in conflict.values} == {"30", "32"}


def test_drowned_and_culled_are_deaths() -> None:
    assert _frame("Forty-one people drowned when the ferry went down.") == ("killed", {"people"})
    assert _frame("Authorities have culled 450,000 birds.")[0] == "killed"
    assert _values(
        ("a", "Forty-one people drowned when the Keld ferry went down, the governor said."),
        ("b", "The coastguard said 56 people had died in the Keld ferry sinking."),
    ) == [{"41", "56"}]


def test_counts_of_days_the_clause_names_apart_are_two_quantities() -> None:
    assert (
        _values(
            ("a", "Saturday's match in Ashg drew 18,000 spectators, the club said."),
            ("b", "Sunday's match in Ashg drew 9,000 spectators, the club said."),
        )
        == []
    )
    assert _values(
        ("a", "The 1999 quake in Velm killed 17,000 people, officials said."),
        ("b", "The quake of 17 August 1999 in Velm killed 18,000 people."),
    ) == [{"17,000", "18,000"}]
