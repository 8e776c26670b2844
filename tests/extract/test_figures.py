"""Figures on invented sentences: value, qualifier, unit and what they count."""

from __future__ import annotations

import pytest

from newsweave.extract import extract_figures


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "counts"),
    [
        (
            "About 100,000 Velmari villagers fled to Ostrava.",
            100_000,
            "about",
            "Velmari villagers who fled",
        ),
        ("Nearly 100,000 ferry passengers were stranded.", 100_000, "nearly", "ferry passengers"),
        ("Ostrava sent a 2,000-strong rescue force.", 2_000, None, "rescue force"),
        ("The storm killed at least 200 people.", 200, "at least", "people killed"),
        ("It could displace tens of thousands of herders.", 10_000, "about", "herders"),
        ("More than 1.5 million tourists visited.", 1_500_000, "more than", "tourists"),
        ("The council hired four lifeguards.", 4, None, "lifeguards"),
    ],
)
def test_figure_value_qualifier_and_counted_phrase(
    sentence: str, value: float, qualifier: str | None, counts: str
) -> None:
    (figure,) = extract_figures(sentence, "a")
    assert (figure.value, figure.qualifier, figure.counts) == (value, qualifier, counts)
    assert figure.sentence == sentence


def test_a_fraction_is_a_figure_of_what_it_divides() -> None:
    (figure,) = extract_figures("Velmar reclaimed about a third of the valley.", "a")
    assert (
        round(figure.value, 3) == 0.333 and figure.unit == "fraction" and figure.counts == "valley"
    )


def test_years_dates_times_and_durations_are_not_figures() -> None:
    text = "In 2020, on June 12 at 1 p.m., after 44 days and a 24-hour siege, on the 17th."
    assert extract_figures(text, "a") == []


def test_percentages_keep_their_unit() -> None:
    (figure,) = extract_figures("Turnout reached 62% of registered voters.", "a")
    assert figure.value == 62 and figure.unit == "percent" and figure.counts == "registered voters"


@pytest.mark.parametrize(
    ("sentence", "language", "value"),
    [
        ("Velmar schickte 2.000 Soldaten an die Grenze.", "de", 2_000),
        ("Die Flut kostete 2,5 Millionen Euro.", "de", 2_500_000),
        ("Ostrava a envoyé 12\u202f500 secouristes.", "fr", 12_500),
        ("Velmar envió 1.250 bomberos.", "es", 1_250),
        ("Velmar sent 2,000 soldiers to the border.", "en", 2_000),
        ("The levee rose 2.5 metres.", "en", 2.5),
    ],
)
def test_thousands_separators_and_decimal_commas_follow_the_language(
    sentence: str, language: str, value: float
) -> None:
    figure = extract_figures(sentence, "a", language=language)[0]
    assert figure.value == value


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Thousands of herders fled the valley.", "en"),
        ("Tausende Menschen flohen aus dem Tal.", "de"),
        ("Des milliers de bergers ont fui la vallée.", "fr"),
        ("Miles de pastores huyeron del valle.", "es"),
    ],
)
def test_thousands_of_is_a_range_not_one_thousand(sentence: str, language: str) -> None:
    (figure,) = extract_figures(sentence, "a", language=language)
    assert (figure.value, figure.upper) == (2_000, 10_000) and figure.approximate


def test_a_number_in_a_name_is_not_a_count() -> None:
    assert extract_figures("The Velder 737 jets were grounded on Monday.", "a") == []
    assert extract_figures("Ostrand 11 users lost their data.", "a") == []
    (toll,) = extract_figures("In Ostrand 1,500 people died.", "a")
    assert toll.value == 1500
    (boats,) = extract_figures("About 300 passengers were saved.", "a")
    assert boats.counts == "passengers"


@pytest.mark.parametrize(
    ("sentence", "language", "value", "counts"),
    [
        ("The death toll from the Ostrava floods has risen to 1,037, officials said.", "en",
         1037, "death toll"),
        ("The survey measured the Brenna quake at magnitude 6.9, with its epicentre offshore.",
         "en", 6.9, "magnitude"),
        ("Le bilan des inondations d'Ostrava s'est alourdi à 1 037, selon la préfecture.", "fr",
         1037, "bilan"),
        ("Die Zahl der Toten in Brenna stieg am Abend auf 412, teilte die Polizei mit.", "de",
         412, "toten"),
    ],
)  # fmt: skip
def test_a_count_named_before_its_number_is_read_from_that_noun(
    sentence: str, language: str, value: float, counts: str
) -> None:
    (figure,) = extract_figures(sentence, "a", language=language)
    assert (figure.value, figure.counts) == (value, counts)


def test_a_bare_count_takes_its_verb_before_it_or_after_an_auxiliary() -> None:
    figures = extract_figures(
        "The Brenna storm hit on Friday, killing at least 82 people and injuring more than 250. "
        "At least 90 people died and 312 were injured when the dam broke.",
        "a",
    )
    assert [(f.value, f.counts) for f in figures] == [
        (82, "people"),
        (250, "injured"),
        (90, "people who died"),
        (312, "injured"),
    ]


def test_a_number_with_nothing_counted_after_it_is_still_not_a_figure() -> None:
    assert extract_figures("The Ostrava council met 3 times and voted 12 to 4.", "a") == []


def test_units_and_stop_words_of_other_languages() -> None:
    (depth,) = extract_figures(
        "A una profundidad de 26 kilómetros bajo Brenna.", "a", language="es"
    )
    assert (depth.value, depth.unit) == (26, "km")
    (hurt,) = extract_figures(
        "Plus de 2 500 personnes ont été blessées à Ostrava.", "a", language="fr"
    )
    assert (hurt.value, hurt.counts) == (2500, "personnes")


def test_a_counted_phrase_stops_at_an_irregular_past_verb() -> None:
    (divers,) = extract_figures("More than 90 Velmari divers took part in the search.", "a")
    assert divers.counts == "Velmari divers"


@pytest.mark.parametrize(
    ("sentence", "language", "qualifier"),
    [
        ("Le Varn a lancé plus de 300 drones sur Ostria.", "fr", "more than"),
        ("Mindestens 412 Menschen starben in Brenna.", "de", "at least"),
        ("Unos 2.500 heridos en Brenna.", "es", "about"),
        ("Oltre 200 morti a Brenna.", "it", "more than"),
    ],
)
def test_qualifiers_of_other_languages_bound_a_figure(
    sentence: str, language: str, qualifier: str
) -> None:
    (figure,) = extract_figures(sentence, "a", language=language)
    assert figure.qualifier == qualifier


def test_a_second_count_of_the_same_thing_takes_the_first_ones_noun() -> None:
    figures = extract_figures(
        "The quake killed 3,400 people in Velmaria and 1,500 in Ostria. "
        "Of the 120 passengers, 30 were rescued.",
        "a",
    )
    assert [(f.value, f.counts) for f in figures] == [
        (3400, "people killed"),
        (1500, "people killed"),
        (120, "passengers"),
        (30, "rescued"),
    ]
    (km,) = extract_figures("It flew 300 km and 20 minutes later it landed.", "a")
    assert km.unit == "km"


@pytest.mark.parametrize(
    ("sentence", "language", "value", "unit"),
    [
        ("La reconstruction d'Ostrand coûtera 10 milliards d'euros.", "fr", 1e10, "€"),
        ("Los daños en Ostrand superan los 2,5 millones de euros.", "es", 2.5e6, "€"),
        ("Damage in Ostrand is put at 15 billion dollars.", "en", 1.5e10, "$"),
        ("Der Schaden in Ostrand beträgt 3 Milliarden Euro.", "de", 3e9, "€"),
    ],
)
def test_currencies_written_as_words_are_money(
    sentence: str, language: str, value: float, unit: str
) -> None:
    (sum_,) = extract_figures(sentence, "a", language=language)
    assert (sum_.value, sum_.unit) == (value, unit)


def test_a_currency_word_before_a_name_is_part_of_the_name() -> None:
    (teams,) = extract_figures("The 12 Euro Cup teams met in Ostrand.", "a")
    assert teams.unit is None


def test_others_count_what_the_figure_before_them_counts() -> None:
    found = extract_figures("Four people were killed in Ostrel and 19 others were missing.", "a")
    assert [(f.text, f.counts) for f in found] == [("Four", "people"), ("19", "people")]
    found = extract_figures("Two cars were towed and three more were damaged.", "a")
    assert [f.counts for f in found] == ["cars", "cars"]
    # a longer phrase says more than what the others are: they stay others
    found = extract_figures("Five miners who died were named; 12 others were hurt.", "a")
    assert found[-1].counts == "others"


def test_figures_found_at_word_starts_are_the_ones_the_pattern_scan_finds() -> None:
    from newsweave.extract.figures import _FIGURE, _FIGURE_DECIMAL_COMMA, _figure_matches

    sentences = [
        "About 1,200 people and more than $3.5 billion, x42 units, 7km and a2 3 ferries.",
        "Die Zahl stieg auf 1.037 Tote, rund 2.500 Verletzte und €12,5 Millionen Schaden.",
        "Nearly half of the 40 councillors, two-thirds of 300 and £7m: a dozen more.",
    ]
    for pattern in (_FIGURE, _FIGURE_DECIMAL_COMMA):
        for sentence in sentences:
            expected = [(m.span(), m.groupdict()) for m in pattern.finditer(sentence)]
            found = [(m.span(), m.groupdict()) for m in _figure_matches(pattern, sentence)]
            assert found == expected and expected


def test_a_bare_decimal_after_measured_is_a_reading() -> None:
    (reading,) = extract_figures("The Velder quake measured 5.8, the seismic service said.", "a")
    assert (reading.value, reading.counts) == (5.8, "measured")
    assert extract_figures("The committee measured progress in Ostrand.", "a") == []


def test_a_range_of_sums_is_one_figure_with_both_ends() -> None:
    for text, low, high in (
        ("Costs could reach $80 billion to $110 billion, analysts in Ostrand said.", 80e9, 110e9),
        ("Insured losses of $540 million to $1.08 billion are expected in Corr.", 540e6, 1.08e9),
        ("Between $2bn and $3bn was lost by the Velder fund.", 2e9, 3e9),
        ("The repairs in Corr could cost $80 to $110 billion.", 80e9, 110e9),
    ):
        (figure,) = extract_figures(text, "a")
        assert (figure.value, figure.upper, figure.unit) == (low, high, "$")
    assert [f.value for f in extract_figures("Kessel shares rose from $45 to $61.", "a")] == [
        45,
        61,
    ]


def test_a_change_by_an_amount_to_a_level_is_no_range() -> None:
    text = "Kessel's market value dropped more than $11 billion to $106 billion on Friday."
    assert [(f.value, f.upper) for f in extract_figures(text, "a")] == [(11e9, None), (106e9, None)]
    assert all(
        f.upper is None for f in extract_figures("Ostrand's index fell 5 to 61 points.", "a")
    )
    (fall,) = extract_figures("The Velder bus fell 10 to 12 feet into the ditch.", "a")
    assert (fall.value, fall.upper) == (10, 12)
