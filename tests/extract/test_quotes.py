"""Quotes and speakers on invented sentences: every attribution pattern."""

from __future__ import annotations

import pytest

from newsweave.extract import extract_quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The dam is safe,” Mara Velden said.", "Mara Velden"),
        ("“The dam is safe,” said engineer Mara Velden.", "Mara Velden"),
        ('"The dam is safe," Velden told reporters.', "Velden"),
        ("Harbour chief Mara Velden said: “The dam is safe.”", "Mara Velden"),
        ("“The dam is safe,” according to Mara Velden.", "Mara Velden"),
        ("“The dam is safe,” said a tired Velden on Monday.", "Velden"),
        (
            "Ostrava mayor Ilko Brannt said the levee had “held up remarkably well” overnight.",
            "Ilko Brannt",
        ),
    ],
)
def test_speaker_patterns(text: str, speaker: str) -> None:
    (quote,) = extract_quotes(text, "a")
    assert quote.speaker == speaker


def test_pronoun_and_role_follow_ups_resolve_to_the_named_speaker() -> None:
    text = (
        "Mara Velden, a Tarnow port spokesperson, confirmed the closure, saying, “It is true.”\n"
        "He stressed, “Nobody was hurt. The crews were ready.”\n"
        "“We will reopen soon,” the spokesperson said."
    )
    quotes = extract_quotes(text, "a")
    assert [q.speaker for q in quotes] == ["Mara Velden"] * 3
    assert quotes[1].text == "Nobody was hurt. The crews were ready."  # multi-sentence


def test_split_quote_is_one_quote() -> None:
    (quote,) = extract_quotes("“The levee held,” Velden said, “and the town is dry.”", "a")
    assert quote.text == "The levee held and the town is dry." and quote.speaker == "Velden"
    (quote,) = extract_quotes("“The levee held,” Velden said. “The town is dry.”", "a")
    assert quote.text == "The levee held. The town is dry."  # the comma stood for a stop
    (quote,) = extract_quotes("“Did the levee hold?” Velden asked. “It did.”", "a")
    assert quote.text == "Did the levee hold? It did."


def test_partial_quotes_are_marked_and_paraphrase_is_never_a_quote() -> None:
    text = "Velden said the crews had “worked through the night” and that the town was safe."
    (quote,) = extract_quotes(text, "a")
    assert quote.partial and quote.text == "worked through the night"
    assert extract_quotes("Velden said the crews had worked through the night.", "a") == []


def test_pronoun_or_no_subject_after_the_verb_carries_the_person_named_before() -> None:
    for text, language in [
        ("Mara Velden est arrivée.\n« Le barrage tiendra tout l’hiver », a-t-elle déclaré.", "fr"),
        ("Mara Velden kam an.\n„Der Damm hält den ganzen Winter“, sagte sie.", "de"),
        ("Mara Velden llegó.\n«La presa resistirá todo el invierno», dijo.", "es"),
        ("Mara Velden è arrivata.\n«La diga reggerà tutto l’inverno», ha detto.", "it"),
    ]:
        (quote,) = extract_quotes(text, "a", language=language)
        assert quote.speaker == "Mara Velden", text


def test_said_the_organisation_after_a_quote() -> None:
    text = "Velden Works closed the yard.\n“The yard will reopen in spring,” said the company."
    (quote,) = extract_quotes(text, "a", orgs=["Velden Works"])
    assert quote.speaker == "Velden Works"


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("« Le barrage tiendra », a déclaré Mara Velden.", "fr", "Mara Velden"),
        ("« Le barrage tiendra tout l’hiver », a-t-elle déclaré.", "fr", None),
        ("Selon Mara Velden, « le barrage tiendra jusqu’au printemps ».", "fr", "Mara Velden"),
        ("„Der Damm hält“, sagte Mara Velden am Montag.", "de", "Mara Velden"),
        ("„Der Damm hält noch lange“, so Velden.", "de", "Velden"),
        ("»Der Damm hält noch lange«, erklärte Mara Velden.", "de", "Mara Velden"),
        ("«La presa resistirá», dijo Mara Velden.", "es", "Mara Velden"),
        ("Según Mara Velden, «la presa resistirá hasta la primavera».", "es", "Mara Velden"),
        ("«La diga reggerà tutto l’inverno», ha detto Mara Velden.", "it", "Mara Velden"),
    ],
)
def test_speakers_in_french_german_spanish(text: str, language: str, speaker: str | None) -> None:
    (quote,) = extract_quotes(text, "a", language=language)
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "‘The levee held all night,’ Mara Velden said.",
        "“The levee held all night,“ Mara Velden said.",  # a closing mark typed as an opening one
        "”The levee held all night,” Mara Velden said.",
        '"The levee held all night,” Mara Velden said.',
    ],
)
def test_single_and_mismatched_quote_marks(text: str) -> None:
    (quote,) = extract_quotes(text, "a")
    assert quote.text == "The levee held all night" and quote.speaker == "Mara Velden"


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The workers’ union said the town’s levee held. Velden’s crew didn’t sleep."
    assert extract_quotes(text, "a") == []


def test_titles_nicknames_and_scare_quotes_are_not_quotes() -> None:
    text = (
        "Fans of “Harbour of Lights” gathered as the mayor, dubbed “the iron gate”, spoke.\n"
        "The so-called “safe zone” was flooded, and the “experts” were wrong."
    )
    assert extract_quotes(text, "a") == []


def test_a_quotation_running_over_paragraphs_is_one_quote() -> None:
    text = (
        "Mara Velden told reporters what she saw.\n"
        "“The water came in fast. We moved everyone upstairs.\n"
        "“Nobody was hurt,” she said."
    )
    (quote,) = extract_quotes(text, "a")
    assert quote.text.startswith("The water came") and quote.text.endswith("Nobody was hurt")
    assert quote.speaker == "Mara Velden"


def test_he_said_goes_to_the_person_named_last_not_the_first() -> None:
    text = (
        "Mara Velden, the harbour master, opened the meeting.\n"
        "Later, engineer Tomas Orlik said the gates were old.\n"
        "“They have to be replaced,” he said."
    )
    (quote,) = extract_quotes(text, "a")
    assert quote.speaker == "Tomas Orlik"


def test_role_reference_resolves_to_the_named_person_and_bare_titles_are_not_speakers() -> None:
    text = (
        "Tomas Orlik, the chairman of Velden Works, met the unions.\n"
        "“We will not close the yard,” the chairman said.\n"
        "“Wages will rise next year,” the treasurer said."
    )
    first, second = extract_quotes(text, "a")
    assert first.speaker == "Tomas Orlik" and second.speaker is None


def test_organisations_speak_but_places_do_not() -> None:
    text = (
        "Velden Works said on Monday that “the yard will stay open all winter”.\n"
        "“The yard will stay open all winter,” the company said.\n"
        "In Norland, “the yard will stay open all winter” was the message."
    )
    quotes = extract_quotes(text, "a", orgs=["Velden Works"])
    assert [q.speaker for q in quotes] == ["Velden Works", "Velden Works", None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The dam is safe,” the district engineer, Mara Velden, said.", "Mara Velden"),
        ("“The dam is safe.” — Mara Velden, district engineer", "Mara Velden"),
        ("“The dam is safe,” Mara Velden told Harbour Radio.", "Mara Velden"),
        ("“The dam is safe,” a Velden Works spokesperson said.", "a Velden Works spokesperson"),
        ("Norland’s ambassador to the Union said the dam was “safe for years to come”.",
         "Norland’s ambassador to the Union"),
    ],
)  # fmt: skip
def test_more_news_attribution_styles(text: str, speaker: str) -> None:
    (quote,) = extract_quotes(text, "a")
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        ("Velden, 54, said: “The levee will hold for years.”", "en", "Velden"),
        ("“The levee will hold for years,” said the district attorney, Jane Roe.", "en", "Jane Roe"),
        (
            "« La digue tiendra des années », a déclaré le ministre de l’Intérieur, Gérald Orlik.",
            "fr",
            "Gérald Orlik",
        ),
        ("«La presa aguantará años», aseguró el alcalde de Ostrava, Tomas Orlik.", "es", "Tomas Orlik"),
        ("The mayor, Tomas Orlik, was blunt. “The levee will hold for years,” he said.", "en", "Tomas Orlik"),
        ("La directora Mara Lind aseguró que \"el puerto de Ostrand reabrirá el viernes\".",
         "es", "Mara Lind"),
        ("Der Gewerkschafter Pol Arren widersprach: „Niemand hat die Hafenarbeiter gefragt.“",
         "de", "Pol Arren"),
        ("« C'est faux », a répliqué le syndicaliste Pol Arren à Ostrand.", "fr", "Pol Arren"),
        ("\"No es cierto\", replicó el sindicalista Pol Arren en Ostrand.", "es", "Pol Arren"),
        ("According to the mayor of Ostrand, Marco Rossi, \"we need two years\".", "en",
         "Marco Rossi"),
        ("Secondo il sindaco di Ostrand, Marco Rossi, «servono almeno due anni».", "it",
         "Marco Rossi"),
        ("\"No hemos recibido ninguna alerta\", lamentó una vecina de Ostrand, Ana Ruiz.", "es",
         "Ana Ruiz"),
    ],
)  # fmt: skip
def test_named_roles_and_appositives(text: str, language: str, speaker: str) -> None:
    (quote,) = extract_quotes(text, "a", language=language)
    assert quote.speaker == speaker


def test_a_person_found_by_role_is_not_taken_for_the_organisation_that_speaks_next() -> None:
    text = (
        "Chief executive Mara Lind said the Ostrand port would reopen.\n"
        'The chief executive later added: "Safety comes first."\n'
        '"It is too early to say," the transport ministry said in a statement.'
    )
    first, second = extract_quotes(text, "a")
    assert first.speaker == "Mara Lind"
    # a ministry nobody named speaks as itself (round 6), never as the last person
    assert second.speaker == "the transport ministry"


def test_a_quote_followed_by_words_no_pattern_reads_is_not_carried_over() -> None:
    text = (
        "Harbour master Ilse Varga said the Ostrand crossing would reopen.\n"
        '"Nobody warned us about the closure at all", grumbled a passenger on the quay.\n'
        '"We will be ready." The harbour staff cheered.'
    )
    unread, carried = extract_quotes(text, "a")
    assert unread.speaker is None
    assert carried.speaker == "Ilse Varga"


def test_a_german_role_noun_before_a_name_is_a_role() -> None:
    text = "„Wir haben den Hauptkanal geräumt“, sagte Hafenchefin Mara Lind in Ostrand."
    (quote,) = extract_quotes(text, "a", language="de")
    assert quote.speaker == "Mara Lind"


def test_role_words_of_other_languages_are_roles() -> None:
    from newsweave.extract.names import split_role

    assert split_role("Alcaldesa Ana Ruiz") == ("Alcaldesa", "Ana Ruiz")
    assert split_role("Sindaco Marco Rossi") == ("Sindaco", "Marco Rossi")


@pytest.mark.parametrize(
    ("text", "language", "speakers"),
    [
        ("El presidente Pedro Ruiz visitó Ostrand el martes.\n"
         "\"Estamos con las víctimas\", ha declarado el presidente.\n"
         "\"El agua subió en minutos\", relató a EFE Carmen López, vecina de Ostrand.",
         "es", ["Pedro Ruiz", "Carmen López"]),
        ("Le ministre Luc Vidal s'est rendu à Ostrand mardi.\n"
         "« Nous serons aux côtés des sinistrés », a déclaré le ministre.",
         "fr", ["Luc Vidal"]),
    ],
)  # fmt: skip
def test_a_role_named_once_with_its_person_speaks_for_them_later(
    text: str, language: str, speakers: list[str]
) -> None:
    assert [q.speaker for q in extract_quotes(text, "a", language=language)] == speakers
