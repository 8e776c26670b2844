"""Time expressions on invented sentences, resolved against a known anchor."""

from __future__ import annotations

from datetime import date

import pytest

from newsweave.extract import find_dates, sentence_dates
from newsweave.extract.anchor import Anchor, range_from_last_month
from newsweave.extract.timex import tag_times

ANCHOR = "2024-04-17"  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Harbour Board met on Wednesday.", "2024-04-17"),
        ("The Harbour Board met on Monday.", "2024-04-15"),
        ("The Harbour Board will meet on Friday.", "2024-04-19"),
        ("Velmar retook the valley last September.", "2023-09"),
        ("Velmar complained in February.", "2024-02"),
        ("Prices rose last year.", "2023"),
        ("The bridge opened in 2020.", "2020"),
        ("On the 3rd, the ferry sank.", "2024-04-03"),
        ("On the 20th, the ferry sank.", "2024-03-20"),
        ("The dam burst on June 12, 2019.", "2019-06-12"),
        ("The dam burst on 12 June 2019.", "2019-06-12"),
        ("The dam burst in March 2021.", "2021-03"),
        ("It happened yesterday.", "2024-04-16"),
        ("It happened last month.", "2024-03"),
        ("It happened three years ago.", "2021"),
    ],
)
def test_expressions_resolve_against_the_anchor(sentence: str, expected: str) -> None:
    assert [m.value for m in find_dates(sentence, ANCHOR)] == [expected]


def test_the_same_day_refers_back_to_the_last_date() -> None:
    text = "The talks began on March 2. A briefing followed on the same day."
    assert [m.value for m in find_dates(text, ANCHOR)] == ["2024-03-02", "2024-03-02"]


def test_durations_references_and_quarters_have_timeml_values() -> None:
    found = {
        t.text: t.value
        for t in tag_times(
            "For six months, now, third-quarter profit fell.", Anchor.on(date(1989, 10, 27))
        )
    }
    assert found == {"six months": "P6M", "now": "PRESENT_REF", "third-quarter": "1989-Q3"}


def test_years_inside_figures_and_may_as_verb_are_not_dates() -> None:
    assert find_dates("Officials may close 2,000 roads, and 1,995 doors.", ANCHOR) == []


def test_relative_expressions_need_an_anchor() -> None:
    assert [m.value for m in find_dates("It opened on Monday, in 2020.", None)] == ["2020"]


def test_each_sentence_gets_its_own_date_or_the_publication_date() -> None:
    pairs = sentence_dates("The mill closed in May 2022. Workers protested.", "2024-04-17")
    assert pairs == [
        ("The mill closed in May 2022.", "2022-05"),
        ("Workers protested.", "2024-04-17"),
    ]


def test_a_range_anchor_resolves_month_days_inside_it() -> None:
    anchor = range_from_last_month(9, 2023)  # "last September" meant September 2023
    assert anchor == Anchor(date(2023, 10, 1), date(2024, 9, 30))
    assert [m.value for m in find_dates("The pullout ended on June 12.", None, anchor)] == [
        "2024-06-12"
    ]
    assert all(m.inferred_year for m in find_dates("It ended on June 12.", None, anchor))


def test_french_german_and_spanish_dates() -> None:
    anchor = Anchor.on(date(2024, 11, 8))
    values = {
        t.text: t.value for t in tag_times("Le 6 février 2023, puis am 17. April 2024.", anchor)
    }
    assert values == {"6 février 2023": "2023-02-06", "17. April 2024": "2024-04-17"}
    (spanish,) = tag_times("El 27 de octubre llovió en Tollmouth.", anchor)
    assert spanish.value == "2024-10-27"


def test_year_less_dates_are_the_most_recent_past_unless_a_plan() -> None:
    anchor = Anchor.on(date(2024, 11, 8))
    (past,) = tag_times("The ferry stopped on March 1, officials said.", anchor)
    assert past.value == "2024-03-01"
    (plan,) = tag_times("The ferry will restart on March 1.", anchor)
    assert plan.value == "2025-03-01"


def test_counts_are_not_years() -> None:
    anchor = Anchor.on(date(2024, 11, 8))
    for text in ("Une force de 2000 hommes est arrivée.", "Nearly 2000 soldiers came."):
        assert not [t for t in tag_times(text, anchor) if t.granularity == "year"], text
    (year,) = [t for t in tag_times("Under the 2020 ceasefire, troops came.", anchor)]
    assert year.value == "2020"


def test_weekdays_of_other_languages_resolve_like_english_ones() -> None:
    from datetime import date

    from newsweave.extract.anchor import Anchor
    from newsweave.extract.timex import tag_times

    monday = Anchor.on(date(2025, 3, 10))
    cases = {
        "Des inondations ont frappé Ostrand dimanche.": "2025-03-09",
        "Las lluvias del domingo inundaron Ostrand.": "2025-03-09",
        "Am Sonntag wurde Ostrand überflutet.": "2025-03-09",
        "Le vote aura lieu à Ostrand dimanche prochain.": "2025-03-16",
        "Am nächsten Sonntag wird in Ostrand gewählt.": "2025-03-16",
    }
    for sentence, day in cases.items():
        assert [t.value for t in tag_times(sentence, monday)] == [day], sentence
    assert tag_times("El tenor Plácido Domingo cantó en Ostrand.", monday) == []


def test_today_and_yesterday_in_other_languages() -> None:
    from datetime import date

    from newsweave.extract.anchor import Anchor
    from newsweave.extract.timex import tag_times

    monday = Anchor.on(date(2025, 3, 10))
    found = tag_times("Gestern starben in Ostrand 12 Menschen, heute sind es 15.", monday)
    assert [t.value for t in found] == ["2025-03-09", "2025-03-10"]
    assert [t.value for t in tag_times("Ayer murieron 12 personas en Ostrand.", monday)] == [
        "2025-03-09"
    ]


def test_days_after_an_event_count_from_it_not_from_the_document() -> None:
    anchor = Anchor.on(date(2025, 3, 5))
    found = tag_times("Crews cleared mud on Wednesday, two days after the river flooded.", anchor)
    assert [(t.text, t.value, t.kind) for t in found] == [
        ("Wednesday", "2025-03-05", "DATE"),
        ("two days", "P2D", "DURATION"),
    ]
    (before,) = tag_times("The dyke had failed two days before.", anchor)
    assert before.value == "2025-03-03"


def test_a_weekday_owning_a_noun_names_the_past_happening() -> None:
    anchor = Anchor.on(date(2025, 3, 7))  # a Friday
    (past,) = tag_times("The aid will pay for homes damaged in Monday's flood.", anchor)
    assert past.value == "2025-03-03"
    (ahead,) = tag_times("Unions will strike ahead of Monday's vote.", anchor)
    assert ahead.value == "2025-03-10"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Землетрясение произошло 6 февраля.", "2023-02-06"),
        ("Trzęsienie ziemi nastąpiło 6 lutego 2023 roku.", "2023-02-06"),
        ("O sismo de 6 de fevereiro de 2023.", "2023-02-06"),
        ("Il terremoto del 6 febbraio.", "2023-02-06"),
    ],
)
def test_dates_in_more_languages(text: str, value: str) -> None:
    (found,) = tag_times(text, Anchor.on(date(2023, 2, 8)))
    assert found.value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a weekday written with its date is that date: the weekday picks the year
        ("The ferry ban stays until Monday, April 22, the Harbour Board said.", "2024-04-22"),
        ("The Tollmouth fair opened on Saturday 13 April.", "2024-04-13"),
        ("Velmar said the pier had closed on Friday, April 19, 2019.", "2019-04-19"),
        # said to lie ahead: a bound after "would ... until", a thing "expected on" a day
        ("The board said the pier would stay shut until Monday.", "2024-04-22"),
        ("The board said on Wednesday that more rain was expected on Thursday.", "2024-04-18"),
        ("Talks between the guild and the board are due to resume on Thursday.", "2024-04-18"),
        # told as past: a bound already passed
        ("The pier was shut until Monday, the board said.", "2024-04-15"),
    ],
)
def test_weekdays_with_a_date_or_said_to_lie_ahead(sentence: str, value: str) -> None:
    found = tag_times(sentence, Anchor.on(date.fromisoformat(ANCHOR)))
    assert value in [t.value for t in found]
    assert len([t for t in found if t.kind == "DATE"]) == 1 + ("Wednesday" in sentence)
