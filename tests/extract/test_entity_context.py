"""Entity types from the words around a name, and first names that end like demonyms."""

from __future__ import annotations

from newsweave.extract.entities import _kinds_from_context, fix_mention
from newsweave.extract.names import split_role

TEXT = (
    "The bodies of Pol Arren, 35, and Ines Varga Lund, 26, were recovered on Tuesday. "
    "The storm damaged houses in the towns of Brask and Olvedo. It hit four provinces, "
    "including Tarm, Velder, Oskany, and Marrow. The centre lay 30km north of Kelby, a "
    "provincial capital. The 41-year-old Tom Ekk was rescued."
)


def test_an_age_makes_a_person_and_a_list_of_towns_makes_places() -> None:
    found = [
        ("Pol Arren", "ORG"),
        ("Ines Varga Lund", "ORG"),
        ("Brask", "PERSON"),
        ("Olvedo", "NORP"),
        ("Oskany", "PERSON"),
        ("Kelby", "ORG"),
        ("Tom Ekk", "ORG"),
        ("Velder", "GPE"),
    ]
    assert dict(_kinds_from_context(found, TEXT)) == {
        "Pol Arren": "PERSON",
        "Ines Varga Lund": "PERSON",
        "Brask": "GPE",
        "Olvedo": "GPE",
        "Oskany": "GPE",
        "Kelby": "GPE",
        "Tom Ekk": "PERSON",
        "Velder": "GPE",
    }


def test_names_without_such_words_keep_their_type() -> None:
    text = "Brask Holdings said on Monday that Pol Arren would lead it."
    found = [("Brask Holdings", "ORG"), ("Pol Arren", "PERSON")]
    assert _kinds_from_context(found, text) == found


def test_a_first_name_that_ends_like_a_demonym_stays_in_the_name() -> None:
    assert fix_mention("Hamish Vell", "PERSON") == ("Hamish Vell", "PERSON")
    assert split_role("Brian Osk") == ("", "Brian Osk")
    assert split_role("British pilot Hamish Vell") == ("British", "pilot Hamish Vell")
    assert split_role("Norwegian Prime Minister Mara Velden") == (
        "Norwegian Prime Minister",
        "Mara Velden",
    )


def test_vessels_and_software_are_things_not_people_or_places() -> None:
    text = (
        "The cargo ship Marlen hit the pier. Crews on the Osk search engine team met. "
        "Most Tolvex users were unaffected. Velda, an image generator, was shown too. "
        "A Canadian ship joined the search, and the GPT-9 team spoke."
    )
    found = [
        ("Marlen", "PERSON"),
        ("Osk", "GPE"),
        ("Tolvex", "NORP"),
        ("Velda", "ORG"),
        ("Canadian", "NORP"),
        ("GPT-9", "PERSON"),
    ]
    assert dict(_kinds_from_context(found, text)) == {
        "Marlen": "MISC",
        "Osk": "MISC",
        "Tolvex": "MISC",
        "Velda": "MISC",
        "Canadian": "NORP",
        "GPT-9": "MISC",
    }


def test_an_embedded_post_is_signed_by_a_person_unless_the_name_is_an_agency() -> None:
    text = (
        "Crews worked all night. — Mara Lind (@maralind) March 26, 2024\n"
        "Work goes on. — HPA Tolvey (@hpatolvey) March 27, 2024"
    )
    found = [("Mara Lind", "ORG"), ("HPA Tolvey", "ORG")]
    assert _kinds_from_context(found, text) == [("Mara Lind", "PERSON"), ("HPA Tolvey", "ORG")]


def test_a_thousands_count_after_a_place_is_no_age() -> None:
    text = "In Osk, 8,000 people were evacuated from the towns of Brask and Osk."
    assert _kinds_from_context([("Osk", "PERSON")], text) == [("Osk", "GPE")]
    assert _kinds_from_context([("Tolvey", "PERSON")], "In Tolvey, 8,000 left.") == [
        ("Tolvey", "PERSON")
    ]
