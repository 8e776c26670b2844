"""Attribution forms of round 6: inside the quotation marks, to a named addressee, joint
speakers, public bodies, ages, quotations running on, embedded posts (invented articles)."""

from __future__ import annotations

from newsweave.extract.quotemarks import find_quoted
from newsweave.extract.quotes import extract_quotes


def _quotes(text: str, language: str = "en") -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(text, "a1", language=language)]


def test_a_french_attribution_inside_the_guillemets_names_the_speaker() -> None:
    text = (
        "Le chef de l'opposition, Paul Garnier, a critiqué le budget.\n"
        "« Nous avons déjà augmenté les tarifs deux fois, a ajouté Odile Sarrazin. "
        "Il faut trouver d'autres solutions. »"
    )
    [(speaker, quoted)] = _quotes(text, "fr")
    assert speaker == "Odile Sarrazin", "not the person named before the quotation"
    assert (
        quoted
        == "Nous avons déjà augmenté les tarifs deux fois. Il faut trouver d'autres solutions."
    )


def test_an_attribution_before_the_closing_guillemet_and_a_pronoun_inside() -> None:
    text = (
        "La maire de Vernel, Odile Sarrazin, a présenté le budget.\n"
        "« Nous ne fermerons pas la piscine, a-t-elle déclaré, c'est un service public. »\n"
        "« La ville n'a plus les moyens, a déclaré le chef de l'opposition, Paul Garnier. »"
    )
    first, second = _quotes(text, "fr")
    assert first == ("Odile Sarrazin", "Nous ne fermerons pas la piscine, c'est un service public.")
    assert second == ("Paul Garnier", "La ville n'a plus les moyens.")


def test_a_spanish_and_an_italian_attribution_inside_the_quotation() -> None:
    es = "«El viento cambió en pocos minutos, ha explicado el jefe de bomberos, Álvaro Quin. No podíamos esperar»."
    assert _quotes(es, "es")[0][0] == "Álvaro Quin"
    it = "«Abbiamo previsto un indennizzo, ha spiegato l'assessore Lorena Vitti. Nessuno resterà solo»."
    assert _quotes(it, "it")[0][0] == "Lorena Vitti"


def test_a_comma_and_a_verb_inside_a_quotation_that_names_no_one_keep_it_whole() -> None:
    text = 'Ana Rolle spoke on Monday. "We waited, asked for help and got nothing," she said.'
    assert _quotes(text) == [("Ana Rolle", "We waited, asked for help and got nothing")]


def test_a_named_addressee_between_the_verb_and_the_speaker_is_not_the_speaker() -> None:
    text = (
        "«Sono anni che chiediamo lavori su quel versante», ha detto all'agenzia Nordpress "
        "la sindaca di Vellano, Rina Sollo."
    )
    assert _quotes(text, "it")[0][0] == "Rina Sollo"


def test_two_people_who_speak_together_are_both_the_speaker() -> None:
    text = '"Our buses do not stop at the town line," Ana Ferro and Luis Marek said in a joint statement.'
    assert _quotes(text)[0][0] == "Ana Ferro and Luis Marek"


def test_police_and_officials_speak_as_themselves() -> None:
    text = (
        'Tom Ekk runs the garage.\n"The driver fled on foot," police said in a statement.\n'
        '"We will cut the supply at night," officials said.'
    )
    assert [s for s, _ in _quotes(text)] == ["police", "officials"]


def test_a_public_body_nobody_named_speaks_as_itself_and_no_company_takes_its_words() -> None:
    text = (
        'In a statement, the health ministry said: "Every care home will be inspected."\n'
        '"We are devastated by the deaths," the company said.'
    )
    assert [s for s, _ in _quotes(text)] == ["the health ministry", None]
    assert _quotes('"It is too early," a ministry said.')[0][0] is None  # no definite body


def test_an_age_stands_for_the_person_named_last_even_with_a_time_after_it() -> None:
    en = 'The coach, Mirko Wendt, ruled out leaving.\n"I do not run away," the 48-year-old said on Sunday.'
    assert _quotes(en)[0][0] == "Mirko Wendt"
    de = (
        "Trainer Mirko Wendt hat den Rücktritt ausgeschlossen.\n"
        "„Ich laufe nicht weg“, sagte der 48-Jährige am Sonntag."
    )
    speaker = _quotes(de, "de")[0][0]  # the German role word may stay: "Trainer Mirko Wendt"
    assert speaker is not None and speaker.endswith("Mirko Wendt")


def test_a_quotation_opened_after_a_colon_runs_on_to_the_next_paragraph() -> None:
    text = (
        'Mayor Tom Ekk spoke after the vote. He said: "We will build the hall and pay for it.\n'
        '"Nobody will pay more tax," he added.'
    )
    assert _quotes(text) == [
        ("Tom Ekk", "We will build the hall and pay for it. Nobody will pay more tax")
    ]
    split = '"We lost," he wrote, "and nobody is to blame'
    assert [s.closed for s in find_quoted(split)] == [True, False]


def test_an_unclosed_mark_runs_on_only_when_nothing_closes_it_later() -> None:
    assert find_quoted("He said: ‘We will build it") == []  # a single mark: an apostrophe
    assert find_quoted('The plan, "the best one" she said') != []
    assert all(s.closed for s in find_quoted('He said: "We will "build" it'))


def test_an_embedded_post_is_its_authors_quote() -> None:
    text = (
        "The councillor resigned on Wednesday.\n"
        "it has been an honour to serve the north end. — Nadia Brill (@nadiabrill) March 4, 2026\n"
        "The council thanked her."
    )
    assert _quotes(text) == [("Nadia Brill", "it has been an honour to serve the north end.")]
    assert _quotes("Prices rose again - Nadia Brill said on Monday.") == []


def test_a_headline_quotation_goes_to_the_person_the_text_names_with_its_role() -> None:
    body = (
        "The mayor of Tarnby, Tessa Brandt, promised on Wednesday to rebuild the footbridge.\n"
        "The bridge fell into the river during a storm last month."
    )
    headline = 'Tarnby mayor: "We will rebuild the bridge within a year"'
    expected = [("Tessa Brandt", "We will rebuild the bridge within a year")]
    assert _quotes(f"{headline}\n{body}") == expected  # the text opens with its headline
    quotes = extract_quotes(body, "a1", title=headline)
    assert [(q.speaker, q.text) for q in quotes] == expected


def test_a_headline_quotation_names_no_one_by_itself_and_is_not_repeated() -> None:
    body = 'Storm warning for the coast.\n"The worst storm in decades," said forecaster Ivo Marsh.'
    assert _quotes(f'Coast braces for "the worst storm in decades"\n{body}') == [
        ("Ivo Marsh", "The worst storm in decades")
    ]
    assert _quotes('Coast braces: "stay at home tonight"\nTom Ekk runs the harbour.') == []


def test_a_german_subject_after_the_verb_is_the_person_a_pronoun_refers_to() -> None:
    text = (
        "Nach dem Abstieg des FC Saarfeld hat Trainer Mirko Wendt seinen Rücktritt ausgeschlossen.\n"
        "„Wir machen weiter, auch in der dritten Liga“, sagte er."
    )
    speaker = _quotes(text, "de")[0][0]
    assert speaker is not None and speaker.endswith("Mirko Wendt")
    # an object after the verb, in a sentence that opens with its subject, is nobody's subject
    text = "Die Polizei hat am Montag Karl Reimers befragt.\n„Wir ermitteln weiter in alle Richtungen“, sagte er."
    assert _quotes(text, "de")[0][0] is None


def test_the_ministry_is_the_organisation_named_as_a_ministry_not_the_last_one() -> None:
    text = (
        "The Defence Ministry of Varland and Harlow Water Ltd were both criticised on Monday.\n"
        "Harlow Water Ltd said it had fixed the leak.\n"
        '"Every unit is ready for the exercise," the ministry said.'
    )
    quotes = extract_quotes(text, "a1", orgs=["Defence Ministry", "Harlow Water Ltd"])
    assert quotes[0].speaker == "Defence Ministry"


def test_a_pronoun_inside_the_quotation_does_not_override_a_name_outside() -> None:
    text = (
        "Le maire, Jean Roux, a parlé lundi.\n"
        "« Nous avons tout fait, a-t-il ajouté, pour sauver la piscine », a déclaré Paul Garnier."
    )
    assert _quotes(text, "fr") == [("Paul Garnier", "Nous avons tout fait, pour sauver la piscine")]
