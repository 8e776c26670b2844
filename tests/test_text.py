"""The shared text helpers: the one sentence splitter, month and weekday names."""

from newsweave.text import content_words, month_number, split_sentences, weekday_number, words


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


def test_memoised_tokenisers_give_fresh_lists_equal_to_a_fresh_split() -> None:
    from newsweave import text as text_module

    prose = (
        "Mr. Arlen Voss met the Tolvey council on Monday. Über 300 Bürger kamen!\nNew line here."
    )
    first = split_sentences(prose)
    first.append("changed by a caller")
    assert split_sentences(prose) == list(text_module._split_sentences(prose))
    assert "changed by a caller" not in split_sentences(prose)
    tokens = words(prose)
    tokens.clear()
    assert words(prose) == [w.lower() for w in text_module._WORD.findall(prose)]
    assert words("Cargo ship Marlow-Bay docked") == ["cargo", "ship", "marlow-bay", "docked"]
    assert words("ÜBER Straße") == ["über", "straße"]
    long_text = "The Velmar ferries sailed again. " * 200  # past the memo's length limit
    assert content_words(long_text) == content_words(long_text[:33]) * 200


def test_wording_key_ignores_case_punctuation_and_spacing_only() -> None:
    from newsweave.text import wording_key

    assert wording_key("“We will  reopen the pier,” ") == wording_key("we will reopen the pier")
    assert wording_key("We will reopen the pier.") != wording_key("We reopen the pier.")
