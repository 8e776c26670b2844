"""Quantity frames on invented stories: units, dimensions, subjects, stated time and tallies."""

from __future__ import annotations

from tests.compare.fixtures import extracted

from newsweave.compare import compare_figures, find_discrepancies
from newsweave.compare.quantities import quantity
from newsweave.extract import extract_articles
from newsweave.extract.figures import extract_figures
from newsweave.model import Article, Story, Tally, TallyPoint
from newsweave.render import render_html, render_markdown


def _values(article_sets: list[Article]) -> list[set[str]]:
    return [{v.value for v in d.values} for d in find_discrepancies(article_sets)]


def test_numbers_written_as_in_french_and_money_abbreviations_parse() -> None:
    (toll,) = extract_figures("Le naufrage a fait 1 960 morts.", "a", language="fr")
    assert toll.value == 1960
    (share,) = extract_figures("Die Aktie fiel um 5,5 % am Freitag.", "a", language="de")
    assert (share.value, share.unit) == (5.5, "percent")
    (cost,) = extract_figures("The repairs cost $5.4bn in all.", "a")
    assert (cost.value, cost.unit) == (5.4e9, "$")
    (size,) = extract_figures("The 30-foot barge sank.", "a")
    assert size.unit == "foot"


def test_the_same_length_in_two_units_is_not_a_conflict() -> None:
    a = extracted("a", "The Velder bridge stretches 1.6 miles (2.6 km) over the bay.")
    b = extracted("b", "The wreck of the Marlin lies 4 km deep, the navy said.")
    c = extracted("c", "Divers said the wreck of the Marlin lies about 13,000 feet deep.")
    assert find_discrepancies([a, b, c]) == []


def test_depths_that_disagree_are_a_conflict_after_conversion() -> None:
    a = extracted("a", "The wreck of the Marlin lies about 13,000 feet deep, the navy said.")
    b = extracted("b", "Salvagers reached the Marlin about 9,000 feet deep on the seabed.")
    (conflict,) = find_discrepancies([a, b])
    assert conflict.about == "depth"
    assert {v.value for v in conflict.values} == {"13,000", "9,000"}


def test_a_conversion_in_brackets_is_the_same_figure() -> None:
    a = extracted("a", "The quake struck at a depth of 18 kilometers (11 miles) near Ostrand.")
    b = extracted("b", "The quake struck 18 km deep near the town of Ostrand.")
    assert find_discrepancies([a, b]) == []


def test_magnitudes_disagree_across_languages_but_not_within_one_source() -> None:
    a = extracted("a", "A 6.8 magnitude earthquake hit the Velder valley on Monday.")
    (b,) = extract_articles(
        [Article(id="b", source="b.txt", language="fr", published="2025-03-03",
                 text="Le séisme était d'une magnitude de 6,4 selon l'institut.")]
    )  # fmt: skip
    (conflict,) = find_discrepancies([a, b])
    assert {v.value for v in conflict.values} == {"6.8", "6.4"}
    one = extracted(
        "one", "The quake measured 6.8 magnitude by one agency and 6.4 magnitude by another."
    )
    assert find_discrepancies([one]) == []


def test_a_rising_toll_is_a_tally_not_a_conflict() -> None:
    a = extracted("a", "At least 200 people were killed in the Velder floods.", "2025-03-03")
    b = extracted("b", "More than 1,700 people were killed in the Velder floods.", "2025-03-05")
    conflicts, tallies = compare_figures([a, b])
    assert conflicts == []
    (tally,) = tallies
    assert [(p.day, p.value) for p in tally.points] == [
        ("2025-03-03", "200"),
        ("2025-03-05", "1,700"),
    ]


def test_a_later_lower_toll_is_a_conflict() -> None:
    a = extracted("a", "About 300 passengers were evacuated by rescue boats.", "2025-03-03")
    b = extracted("b", "Rescue boats evacuated 120 passengers, the board said.", "2025-03-04")
    assert compare_figures([a, b])[1] == []
    assert _values([a, b]) == [{"300", "120"}]


def test_the_toll_of_a_past_disaster_does_not_grow() -> None:
    a = extracted("a", "The 1999 floods killed 17,000 people in the valley.", "2025-03-03")
    b = extracted("b", "In 1999 the floods killed 18,400 people in the valley.", "2025-03-04")
    assert _values([a, b]) == [{"17,000", "18,400"}]


def test_shares_and_sums_compare_only_about_the_same_subject() -> None:
    a = extracted("a", "Velder Bank's share price fell 3 percent after the news.")
    b = extracted("b", "Velder Bank saw its share price plunge by 9% on Friday.")
    c = extracted("c", "Ostrand Mining stock dropped 9% on Friday.")
    assert _values([a, b, c]) == [{"3", "9"}]
    d = extracted("d", "The farming sector is the hardest hit, with a loss of $2.1 billion.")
    e = extracted(
        "e",
        "The farming sector bears the brunt of the losses, with $40 million in damages, "
        "followed by the fishing industry at $30 million.",
    )
    f = extracted("f", "The fishing industry follows with a loss of $30 million.")
    assert _values([d, e, f]) == [{"2,100,000,000", "40,000,000"}]


def test_sizes_compare_only_for_the_same_thing() -> None:
    a = extracted("a", "The 30-foot barge sank near the pier.")
    b = extracted("b", "The 28-foot barge was towed away.")
    c = extracted("c", "A 12-foot wave hit the pier.")
    assert _values([a, b, c]) == [{"30", "28"}]


def test_durations_of_the_same_search_disagree() -> None:
    a = extracted("a", "The navy ended a four-day search for the Marlin's crew.")
    b = extracted("b", "A five-day search for the Marlin's crew ended on Friday.")
    (conflict,) = find_discrepancies([a, b])
    assert conflict.kind == "duration"


def test_tallies_are_shown_and_escaped() -> None:
    article = Article(id="a", source="a.txt", text="x", published="2025-03-03")
    tally = Tally(
        about="people <b>killed</b>",
        points=[
            TallyPoint("200", "2025-03-03", "200", ["a"]),
            TallyPoint("1,700", None, "1,700", ["a"]),
        ],
    )
    story = Story(id="s", title="t", articles=["a"], tallies=[tally])
    from newsweave.model import Brief

    brief = Brief(articles=[article], stories=[story])
    markdown = render_markdown(brief)
    assert "Counts that changed over time" in markdown and "200 (3 March 2025)" in markdown
    html = render_html(brief)
    assert "people &lt;b&gt;killed&lt;/b&gt;" in html and "<b>killed</b>" not in html


def test_a_summary_sentence_with_a_disputed_figure_names_the_disagreement() -> None:
    from newsweave.compare import note_disputes
    from newsweave.model import SummarySentence

    a = extracted("a", "The wreck of the Marlin lies about 13,000 feet deep, the navy said.")
    b = extracted("b", "Salvagers reached the Marlin about 9,000 feet deep on the seabed.")
    conflicts = find_discrepancies([a, b])
    summary = [
        SummarySentence(a.text, ["a"], "a"),
        SummarySentence("The navy closed the harbour.", ["a"], "a"),
    ]
    noted = note_disputes(summary, conflicts)
    assert noted[0].disputed is not None and "13,000" in noted[0].disputed
    assert "9,000" in noted[0].disputed
    assert noted[1].disputed is None


def test_speeds_compare_across_units_for_the_same_thing() -> None:
    a = extracted("a", "The storm hit the coast with winds of 150 mph on Tuesday.")
    b = extracted("b", "The storm brought winds of 330 km/h to the coast, forecasters said.")
    c = extracted("c", "The storm hit the coast with winds of 240 km/h, the navy said.")
    d = extracted("d", "The ferry was moving at 30 km/h when it struck the pier.")
    assert _values([a, b, c, d]) == [{"150", "330"}]  # 150 mph is 240 km/h


def test_a_figure_asked_for_is_not_the_one_agreed() -> None:
    a = extracted("a", "The Velder drivers' guild is demanding a pay rise of 9 percent this year.")
    b = extracted("b", "The Velder drivers' guild agreed a pay rise of 7 percent on Friday.")
    assert find_discrepancies([a, b]) == []


def test_a_partial_copy_that_changes_its_original_figure_disagrees_with_it() -> None:
    original = extracted(
        "orig", "About 12,000 people have been evacuated from Ostrand, the ministry said."
    )
    changed = extracted(
        "part", "About 8,000 people have been evacuated from Ostrand, the ministry said."
    )
    conflicts, tallies = compare_figures([original, changed], [["orig", "part"]])
    assert tallies == [] and [{v.value for v in d.values} for d in conflicts] == [
        {"12,000", "8,000"}
    ]


def test_each_value_keeps_its_day_and_whom_it_is_credited_to() -> None:
    a = extracted(
        "a", "About 12,000 people were evacuated from Ostrand, the interior ministry said.",
        "2025-03-03",
    )  # fmt: skip
    b = extracted(
        "b", "About 8,000 people were evacuated from Ostrand, according to the Velder Red Cross.",
        "2025-03-03",
    )  # fmt: skip
    (conflict,) = find_discrepancies([a, b])
    values = {v.value: v for v in conflict.values}
    assert values["12,000"].attributed == {"a": "interior ministry"}
    assert values["8,000"].attributed == {"b": "Velder Red Cross"}
    assert values["8,000"].dates == {"b": "2025-03-03"}


def test_two_figures_of_one_sentence_keep_their_own_credit() -> None:
    from newsweave.compare.quantities import figure_attribution
    from newsweave.model import Figure

    sentence = (
        "The quake was measured at 6.8 by the Velder Survey and 6.4 by the Ostrand Institute."
    )
    credits = [
        figure_attribution(Figure(v, t, None, "a", sentence=sentence))
        for v, t in ((6.8, "6.8"), (6.4, "6.4"))
    ]
    assert credits == ["Velder Survey", "Ostrand Institute"]


def test_an_average_is_never_compared_with_a_total() -> None:
    a = extracted("a", "The six Velder airlines lost $860 million in all, the insurer said.")
    b = extracted(
        "b", "The six Velder airlines lost $143 million each on average, the insurer said."
    )
    assert find_discrepancies([a, b]) == []


def test_what_a_machine_used_is_not_what_it_produced() -> None:
    a = extracted("a", "The Velder reactor consumed 2.1 megajoules in the test, the lab said.")
    b = extracted("b", "The Velder reactor produced 3.2 megajoules in the test, the lab said.")
    assert find_discrepancies([a, b]) == []


def test_a_share_of_the_vote_is_not_a_share_of_ballots_counted() -> None:
    a = extracted("a", "Mayor Ilse Varga won 62% of the vote in Ostrand, officials said.")
    b = extracted(
        "b", "Mayor Ilse Varga won with 80% of ballots counted in Ostrand, officials said."
    )
    assert find_discrepancies([a, b]) == []


def test_time_left_that_runs_down_is_a_tally() -> None:
    a = extracted(
        "a", "The crew of the Marlin has 96 hours of air left, the navy said.", "2025-03-03"
    )
    b = extracted(
        "b", "The crew of the Marlin has 40 hours of air left, the navy said.", "2025-03-05"
    )
    conflicts, tallies = compare_figures([a, b])
    assert conflicts == [] and [p.value for p in tallies[0].points] == ["96 hours", "40 hours"]


def test_a_frame_reads_only_the_words_near_its_figure_in_run_on_text() -> None:
    from newsweave.compare.quantities import bounded
    from newsweave.model import Figure

    sentence = ", ".join(f"{i} boats sailed from Ostrand" for i in range(2, 400)) + "."
    figure = Figure(200.0, "200", "boats", "a", sentence=sentence)
    window = bounded(figure).sentence
    assert len(window) <= 1010 and "200 boats sailed" in window
    assert bounded(Figure(3.0, "3", "boats", "a", sentence="3 boats sailed.")).sentence == (
        "3 boats sailed."
    )


def test_a_time_after_by_is_not_who_gives_the_figure() -> None:
    from newsweave.compare.quantities import figure_attribution
    from newsweave.model import Figure

    sentence = "The toll in Ostrand rose to 1,391 by Thursday morning."
    assert figure_attribution(Figure(1391, "1,391", "toll", "a", sentence=sentence)) is None


def test_tolls_of_the_dead_and_the_injured_in_one_sentence_stay_apart() -> None:
    a = extracted(
        "a", "The Brenna quake struck on Friday, killing at least 820 people and injuring "
        "more than 2,500, the ministry said.", "2025-03-15",
    )  # fmt: skip
    b = extracted("b", "The quake in Brenna killed 820 people and injured 1,204.", "2025-03-15")
    c = extracted("c", "The death toll in Brenna has risen to 1,037, officials said.", "2025-03-16")
    (conflict,), (tally,) = compare_figures([a, b, c])
    assert {v.value for v in conflict.values} == {"2,500", "1,204"}
    assert [p.value for p in tally.points] == ["820", "1,037"]


def test_magnitudes_named_before_their_number_disagree() -> None:
    a = extracted("a", "A magnitude 6.8 earthquake struck Brenna late on Friday.")
    b = extracted("b", "The survey measured the Brenna quake at magnitude 6.9, with aftershocks.")
    (conflict,) = find_discrepancies([a, b])
    assert conflict.about == "magnitude"


def test_sums_of_the_same_thing_named_after_in_disagree() -> None:
    a = extracted("a", "The Brenna lender had $212 billion in total assets, the filing showed.")
    b = extracted("b", "Brenna Bank, which had $209 billion in total assets, was taken over.")
    c = extracted("c", "Customers tried to withdraw $42 billion, leaving it with no cash.")
    (conflict,) = find_discrepancies([a, b, c])
    assert {v.value for v in conflict.values} == {"212,000,000,000", "209,000,000,000"}
    from newsweave.compare.quantities import quantity

    (withdrawn,) = c.figures
    assert quantity(withdrawn).predicate == "withdrew", "money is not people who left"


def test_spelled_counts_of_any_size_and_verbs_after_the_noun() -> None:
    (trapped,) = extract_figures("Fourteen miners remain trapped underground.", "a")
    assert (trapped.value, trapped.counts) == (14, "miners")
    (killed,) = extract_figures("Twenty-five people were killed in the crash.", "a")
    assert killed.value == 25
    a = extracted("a", "Fourteen miners are trapped in the Orlen pit, its owner said.")
    b = extracted("b", "Nine miners remain trapped in the Orlen pit, rescuers said.")
    assert _values([a, b]) == [{"14", "9"}]


def test_a_temperature_written_with_its_letter() -> None:
    (heat,) = extract_figures("Thermometers in Ardun hit 41C on Saturday.", "a")
    assert heat.unit == "°C"
    assert not extract_figures("Section 4C of the code was repealed.", "a")


def test_the_same_words_before_two_shares_are_the_same_subject() -> None:
    a = extracted("a", "The shares fell 7% in early trading on Tuesday in Velm.")
    b = extracted("b", "Its shares fell 12 percent, their biggest fall in a decade.")
    c = extracted("c", "Shares of Brask Metals fell 3 percent on the news.")
    assert {"7", "12"} in _values([a, b, c])


def test_residents_and_people_evacuated_are_one_count() -> None:
    a = extracted("a", "The fire near Brennec forced 5,000 residents to evacuate.")
    b = extracted("b", "Some 8,000 people were evacuated near Brennec, the mayor said.")
    assert _values([a, b]) == [{"5,000", "8,000"}]


def test_what_lasted_names_the_happening_a_duration_measures() -> None:
    a = extracted("a", "The outage in Osk lasted six hours, the grid operator said.")
    b = extracted("b", "The blackout in Osk lasted nine hours, residents said.")
    (conflict,) = find_discrepancies([a, b])
    assert conflict.kind == "duration"
    c = extracted("c", "The first outage, on Saturday, lasted six hours.")
    d = extracted("d", "A second outage on Sunday lasted two hours.")
    assert not find_discrepancies([c, d])


def test_climbers_saved_and_rescued_are_one_count() -> None:
    a = extracted("a", "Rescuers saved 11 climbers on Mount Bray, the rescue service said.")
    b = extracted("b", "Seven climbers were rescued on Mount Bray, police said.")
    assert _values([a, b]) == [{"11", "7"}]


def test_a_sum_with_the_same_subject_needs_no_predicate() -> None:
    a = extracted("a", "The hackers demanded a ransom of $5 million, the Rask council said.")
    b = extracted("b", "A ransom of $2 million was demanded from the Rask council, police said.")
    c = extracted("c", "The Rask council has a yearly budget of $90 million.")
    assert _values([a, b, c]) == [{"5,000,000", "2,000,000"}]


def test_a_share_of_its_capacity_counts_the_capacity() -> None:
    (level,) = extract_figures("The reservoir is at 18% of its capacity.", "a")
    assert level.counts == "capacity"


def test_employees_and_staff_are_counted_as_workers() -> None:
    (a,) = extract_figures("About 3,000 workers joined the strike at the plant.", "a")
    (b,) = extract_figures("The company said 1,200 employees had stopped work.", "b")
    (c,) = extract_figures("The hospital's 400 staff were told to stay home.", "c")
    assert quantity(a).counted == quantity(b).counted == quantity(c).counted == {"worker"}


def test_tolls_in_russian_ukrainian_and_polish_read_as_people_killed() -> None:
    for text, language, value in [
        ("В результате землетрясения погибли 1200 человек.", "ru", 1200),
        ("Число погибших превысило 16 тысяч.", "ru", 16000),
        ("Кількість загиблих сягнула 300.", "uk", 300),
        ("W wyniku trzęsienia ziemi zginęło 1200 osób.", "pl", 1200),
    ]:
        (toll,) = extract_figures(text, "a", language=language)
        frame = quantity(toll)
        assert (toll.value, frame.predicate, frame.counted) == (value, "killed", {"people"})
    (cost,) = extract_figures("Ущерб оценивается в 2 млрд долларов.", "a", language="ru")
    assert (cost.value, cost.unit) == (2e9, "$")
