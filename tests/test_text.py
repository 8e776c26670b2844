"""The shared text helpers: the one sentence splitter, month and weekday names."""

from newsweave.text import month_number, split_sentences, weekday_number


def test_month_abbreviations_before_a_number_do_not_end_a_sentence() -> None:
    text = "The ferry sank on Nov. 12 near Vask. Divers found it in Sept. 2023 at last. Jan. 5 was cold."
    assert split_sentences(text) == [
        "The ferry sank on Nov. 12 near Vask.",
        "Divers found it in Sept. 2023 at last.",
        "Jan. 5 was cold.",
    ]


def test_a_sentence_ending_in_a_month_abbreviation_before_a_capital_still_ends() -> None:
    assert split_sentences("The vote moved to Dec. The board agreed.") == [
        "The vote moved to Dec.",
        "The board agreed.",
    ]


def test_month_and_weekday_names_in_several_languages() -> None:
    assert [month_number(m) for m in ("Sept.", "avril", "März", "octubre", "Dezember")] == [
        9,
        4,
        3,
        10,
        12,
    ]
    assert [weekday_number(d) for d in ("Wednesday", "jeudi", "Freitag", "sábado")] == [2, 3, 4, 5]


def test_titles_before_a_name_do_not_end_a_sentence() -> None:
    text = "Speaking in Ostrand, Rear Adm. Ilse Varga said the search goes on. Gov. Tomas Brell agreed."
    assert split_sentences(text) == [
        "Speaking in Ostrand, Rear Adm. Ilse Varga said the search goes on.",
        "Gov. Tomas Brell agreed.",
    ]


def test_weekdays_and_months_of_slavic_languages() -> None:
    assert [weekday_number(w) for w in ("понедельник", "среду", "piątek", "неділю")] == [0, 2, 4, 6]
    assert [month_number(m) for m in ("февраля", "lutego", "березня", "fevereiro")] == [2, 2, 3, 2]
