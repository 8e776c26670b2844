"""Attribution rules found on the real-quote development set, each on invented text.

Every person, outlet, company and place here is invented for the test.
"""

from __future__ import annotations

from newsweave.extract.quotes import extract_quotes


def speakers(text: str, orgs: tuple[str, ...] = ()) -> dict[str, str | None]:
    """Quote text (first words) -> speaker."""
    return {
        " ".join(q.text.split()[:4]): q.speaker
        for q in extract_quotes(text, "a1", language="en", orgs=orgs)
    }


def test_a_paragraph_of_the_writer_ends_an_open_quotation() -> None:
    text = (
        "“We never had demand like that day, and we still see it ” Tom Ekkert said.\n"
        "The service launched last week in four countries.\n"
        "“We will see the market settle,” Ekkert said."
    )
    quotes = extract_quotes(text, "a1", language="en")
    assert any(q.text.startswith("We will see the market") for q in quotes)
    assert not any("We will see" in q.text and q.text.startswith("We never") for q in quotes)


def test_two_descriptions_between_a_name_and_its_verb() -> None:
    text = (
        "Mira Talvani, a senior analyst at Brantwell, the Orsk-based research firm, told the "
        'Fenwick Ledger that the group was "well organised and has led the fight for years."'
    )
    assert speakers(text) == {"well organised and has": "Mira Talvani"}


def test_a_name_with_a_long_description_after_the_quote() -> None:
    text = (
        "“The change in wind direction let the air clear for a day,” Ruth Okonjo, an analyst at "
        "the Council on Water, Energy and Air think tank told the Tolvey Post."
    )
    assert speakers(text) == {"The change in wind": "Ruth Okonjo"}


def test_two_roles_before_the_name_after_the_quote() -> None:
    text = (
        '"We have found the next best thing," lead author and Tolvey Institute chemist '
        "Lena Marsh said in a statement."
    )
    assert speakers(text) == {"We have found the": "Lena Marsh"}


def test_a_speaker_and_her_team() -> None:
    text = (
        "Lena Marsh studied the lake for a decade.\n"
        '"We suggest that the lake loses water faster than thought," Marsh and her team wrote.'
    )
    assert speakers(text) == {"We suggest that the": "Lena Marsh"}


def test_a_company_spokesperson_is_the_company() -> None:
    text = (
        "Brantwell Foods is based in Orsk. A company spokesperson said in an email that "
        "“we have received a letter from the regulator and are cooperating.”"
    )
    found = speakers(text, orgs=("Brantwell Foods",))
    assert found == {"we have received a": "Brantwell Foods"}


def test_a_quoted_word_inside_a_sentence_keeps_the_speaker_before_it() -> None:
    text = (
        "Tom Ekkert runs the service.\n"
        "The tech team found the fault, Ekkert said, and “patched” the software as the company "
        "continued to sign up customers."
    )
    assert speakers(text) == {"patched": "Tom Ekkert"}


def test_a_paragraph_goes_on_with_its_speaker() -> None:
    text = (
        "“I was shocked to see that price,” said Oren Falk, head of the Falk Fish Company. "
        "The price, matched at two other stores last week, is “as low as I have ever seen.”"
    )
    assert speakers(text)["as low as I"] == "Oren Falk"


def test_a_paragraph_goes_on_with_the_person_it_says_spoke() -> None:
    text = (
        "Nadia Brook studies cells at Tolvey University.\n"
        "It is not clear which came first, Brook says. Just because scientists found the "
        "receptors on the tongue first, “that does not mean that is the order they evolved.”"
    )
    assert speakers(text) == {"that does not mean": "Nadia Brook"}


def test_a_paragraph_does_not_go_on_when_another_person_is_named() -> None:
    text = (
        "Nadia Brook and Piet Laar study cells.\n"
        "“The cells were everywhere,” Brook said. Laar, however, called the result "
        "“far too early to judge in any way.”"
    )
    assert speakers(text).get("far too early to") != "Nadia Brook"


def test_a_quotation_standing_as_a_heading_continues_no_one() -> None:
    text = (
        "“We have no food left,” said Simon Arno, a camp resident.\n"
        "“Bandit groups of the border”\n"
        "The camp lies in the desert near the border."
    )
    assert "Simon Arno" not in [
        s for t, s in speakers(text).items() if t.startswith("Bandit groups")
    ]


def test_quoted_words_after_a_determiner_with_no_speaker_are_a_term() -> None:
    text = (
        "Of course, there is nothing plain about a “fresh, wild-caught and hand-filleted cod.”\n"
        "While the “Fish. We are on it.” campaign drew mockery, sales rose."
    )
    assert speakers(text) == {}


def test_a_quoted_term_with_a_speaker_is_kept() -> None:
    text = "Mayor Ida Renner called the plan a “bold, innovative effort for the whole region.”"
    assert speakers(text) == {"bold, innovative effort for": "Ida Renner"}


def test_a_word_capitalised_only_inside_longer_names_is_no_subject() -> None:
    text = (
        "This system, says Karl Odum, a biologist at the University of Fenwick, North Orsk, "
        "guides the body. Work at the Tolvey Centre for Marine Research confirmed it. Research "
        "focusing on the cells could show how organs work together. He describes the prospects "
        "as “exciting,” but cautions that “we are still in the very early days” of the work."
    )
    quotes = extract_quotes(text, "a1", language="en")
    assert [q.speaker for q in quotes if "we are still" in q.text] == ["Karl Odum"]


def test_a_sentence_initial_org_word_is_not_the_he_of_he_said() -> None:
    text = (
        "Dana Welk, a deputy, visited the Orsk-Fenwick border and the Fenwick Border Agency.\n"
        'Border agents "say you have to watch this, twenty trucks cross every week," she said.'
    )
    assert speakers(text) == {"say you have to": "Dana Welk"}


def test_a_speech_verb_joined_to_the_sentence_subject() -> None:
    text = (
        "Piet Laar revealed the news in a video, noting that he and his wife went through "
        "every parent's “worst nightmare.”\n"
        "Ida Renner visited the pier and noted there should be “no shame” in asking for help."
    )
    assert speakers(text) == {"worst nightmare.": "Piet Laar", "no shame": "Ida Renner"}


def test_a_relative_clause_verb_is_not_the_subject_s() -> None:
    text = (
        "A Tolvey Post reporter's source in the camp, a refugee who feared reprisals and asked "
        "not to be named, said the claim is “absolutely not true at all.”"
    )
    assert speakers(text) == {"absolutely not true at": None}


def test_verbs_of_describing_and_rejecting_attribute_short_quotes() -> None:
    text = (
        "The Orsk ministry rejected the accusations as “patently false,” on Monday.\n"
        "Mayor Ida Renner turned to her blog to describe the town as a “ghost town.”"
    )
    found = speakers(text)
    assert found["ghost town."] == "Ida Renner"
    assert found["patently false"] is not None


def test_the_attribution_at_the_end_of_a_fragment_s_sentence() -> None:
    text = (
        "Dr. Oren Falk treated the patient in Tolvey.\n"
        'Doctors need to "take really detailed histories" of the patients, Falk said.'
    )
    assert speakers(text) == {"take really detailed histories": "Oren Falk"}


def test_a_quoted_word_is_not_given_the_sentence_end_attribution() -> None:
    text = (
        "Dr. Oren Falk treated the patient in Tolvey.\n"
        'They may call the disease "unexplained," and treat it wrongly, he added.'
    )
    assert speakers(text) == {}


def test_a_subject_after_a_closing_quote_mark() -> None:
    text = (
        "Nils Ahl writes for the Fenwick Ledger.\n"
        "The post from the Tolvey Courier reads, “Show in Orsk stopped by an angry fan.” "
        "Ahl shared the story, saying, “Are there any calm fans left?”"
    )
    found = speakers(text)
    assert found["Are there any calm"] == "Nils Ahl"


def test_an_organisation_named_in_apposition_to_its_noun() -> None:
    text = (
        "Tolvey Freight will cut 900 jobs.\n"
        "The group, Fair Pay Now, formed in recent weeks.\n"
        "In a separate post, the group added that Tolvey Freight “is not keeping its promise "
        "to treat workers with respect.”"
    )
    assert speakers(text) == {"is not keeping its": "Fair Pay Now"}


def test_a_known_person_opening_a_sentence_that_ends_in_a_colon() -> None:
    text = (
        "“They were the first to sell it,” said Bob Strand, head of the Orsk Boat Owners.\n"
        "Strand summed up the trip from a wooden boat to a shop owned by a web giant: "
        "“It is old Orsk meeting new Orsk.”"
    )
    assert speakers(text)["It is old Orsk"] == "Bob Strand"


def test_members_speak_for_the_organisation_named_by_their_noun() -> None:
    text = (
        "A group of physicians, Doctors for Open Camps, offered free vaccines.\n"
        '"Flu season has begun, so we write with urgency," the doctors stated.'
    )
    found = speakers(text, orgs=("Doctors for Open Camps",))
    assert found == {"Flu season has begun,": "Doctors for Open Camps"}


def test_a_space_typed_after_an_opening_mark() -> None:
    text = "“Running a shop is a lot different,” Vera Lund said. “ I love what I am doing.”"
    quotes = extract_quotes(text, "a1", language="en")
    assert [(q.speaker, "love what" in q.text) for q in quotes if "love" in q.text] == [
        ("Vera Lund", True)
    ]


def test_a_title_in_title_case_with_small_words_is_no_quote() -> None:
    text = "Piet Laar has been voted off “ Singing with the Neighbours.” on Monday."
    assert speakers(text) == {}


def test_a_participle_of_speech_after_a_noun_takes_the_sentence_subject() -> None:
    text = (
        "The group, Fair Pay Now, formed in recent weeks and sent a letter to the board "
        "stating that they “do not want to be defined by the greed of the leadership.”"
    )
    assert speakers(text) == {"do not want to": "Fair Pay Now"}


def test_a_sign_in_title_case_is_no_quote() -> None:
    text = "At the counter a sign advertised “First of the Season Fresh Orsk Herring” all week."
    assert speakers(text) == {}


def test_a_title_written_short_names_the_role_said_later() -> None:
    text = (
        "Gov. Ann Holm toured the flooded town on Monday.\n"
        "“We will rebuild every house,” the governor said.\n"
        "Sen. Piet Laar also came. “This is a disaster,” the senator said."
    )
    assert speakers(text) == {
        "We will rebuild every": "Ann Holm",
        "This is a disaster": "Piet Laar",
    }


def test_a_paragraph_does_not_go_on_when_a_group_speaks() -> None:
    text = (
        "“The line will open in May,” said Ana Rolle, head of Tolvey Rail. Critics call the "
        "plan “a waste of money and of everybody's time.”"
    )
    assert speakers(text)["a waste of money"] is None


def test_a_term_after_known_as_takes_no_paragraph_speaker() -> None:
    text = (
        "Tolvey Airport reported delays due to a “global technology issue.” Known as the "
        "‘grey screen of doom’ error, it froze every terminal."
    )
    assert [q.speaker for q in extract_quotes(text, "a1", language="en") if "doom" in q.text] == []


def test_a_quotation_cut_by_the_page_end_is_no_heading() -> None:
    text = (
        "“I deeply regret my part in this,” Ola Brand wrote.\n"
        "“I never meant to harm the club. I love everything we have built and I will"
    )
    quotes = extract_quotes(text, "a1", language="en")
    assert [q.speaker for q in quotes if q.text.startswith("I never")] == ["Ola Brand"]
