"""Claims: what may be a claim, how statements are aligned, and how support is counted.

Every article here is invented (invented places, outlets and people).
"""

from __future__ import annotations

from tests.compare.fixtures import extracted

from newsweave.compare import find_claims
from newsweave.compare.claims import stands_alone
from newsweave.compare.similarity import fold_name
from newsweave.model import Event
from newsweave.text import split_sentences


def _claim_with(claims: list, article: str, words: str):  # type: ignore[no-untyped-def]
    """The claim whose wording in `article` contains `words`."""
    return next(c for c in claims if words in c.wording.get(article, ""))


def test_a_whole_sentence_stands_alone() -> None:
    assert stands_alone("The Velder Ferry Company said the Marlin had passed its inspection.")
    assert stands_alone("“We will rebuild,” the mayor of Ostrand said on Monday.")


def test_captions_credits_stamps_and_boilerplate_are_never_claims() -> None:
    assert not stands_alone("Rescue boats near the pier on Monday. Credit: via Kessel News")
    assert not stands_alone("The harbour at dawn (Photo by Ana Pell / Kessel Wire).")
    assert not stands_alone(" date 2025-03-03 The ferry Marlin capsized near Ostrand on Monday.")
    assert not stands_alone(
        "The Ostrand Courier is a trademark registered for the Ostrand Media Trust."
    )


def test_fragments_are_never_claims() -> None:
    assert not stands_alone("Divers said the ferry Marlin had been found in twelve metres of wat")
    assert not stands_alone("and the crossing would stay closed until Friday, officials said.")
    assert not stands_alone("Will the crossing open again before the summer season?")


def test_pieces_of_a_quotation_are_never_claims() -> None:
    assert not stands_alone("“Never would you think the old ferry could sink like that.")
    assert not stands_alone("It looked like a scene from a film,” the harbour master said.")
    quote = "“We do not know how long the search will take.”"
    assert not stands_alone("Capt. Ilse Varga said at a news conference in Ostrand.", quote)
    assert stands_alone("Varga said that the crossing would reopen on Friday.", quote)


def test_a_title_abbreviation_does_not_end_a_sentence() -> None:
    text = "Divers resumed the search. Harbour Rear Adm. Ilse Varga said the wreck was found."
    assert split_sentences(text)[1] == "Harbour Rear Adm. Ilse Varga said the wreck was found."


def test_names_fold_across_languages() -> None:
    assert fold_name("Velderia") == fold_name("Veldérie")
    assert fold_name("Ostrandquay") == fold_name("Ostrandkay")
    assert fold_name("Marinotta") == fold_name("Marinota")
    assert fold_name("Kessel") != fold_name("Ostrand")


def test_a_shared_figure_and_name_align_statements_in_other_words() -> None:
    a = extracted(
        "a",
        "The storm hit the coast of Velderia on Monday. Officials in Velderia said 237 people "
        "died and 412 were injured in the province of Marsk after the storm struck.",
    )
    b = extracted(
        "b",
        "A violent storm reached the shore late on Monday. Rescuers in Marsk province counted "
        "237 people dead, with hundreds of homes destroyed along the coast.",
    )
    claims = find_claims([a, b])
    toll = _claim_with(claims, "a", "237")
    assert toll.kind == "corroborated" and set(toll.sources) == {"a", "b"}


def test_statements_sharing_no_fact_stay_single_source() -> None:
    a = extracted(
        "a",
        "The storm hit the coast of Velderia on Monday. Officials in Velderia said 237 people "
        "died in the province of Marsk after the storm struck.",
    )
    b = extracted(
        "b",
        "The Marsk port authority said 41 fishing boats were lost in the harbour of Velderia, "
        "and the fish market will stay closed until April.",
    )
    claims = find_claims([a, b])
    assert all(c.kind == "single-source" for c in claims)


def test_one_source_twice_counts_once() -> None:
    text = "The Velder Ferry Company said 300 passengers were evacuated from the ferry Marlin."
    a = extracted("a", text)
    b = extracted("b", "The ferry Marlin was evacuated: 300 passengers were taken off, the "
                  "Velder Ferry Company said.")  # fmt: skip
    apart = _claim_with(find_claims([a, b]), "a", "300")
    assert apart.independent == 2
    one_outlet = _claim_with(find_claims([a, b], [["a", "b"]]), "a", "300")
    assert one_outlet.independent == 1 and one_outlet.kind == "single-source"


def test_a_cut_off_sentence_supports_but_never_leads() -> None:
    a = extracted(
        "a",
        "Kessel Salvage Group divers raised the wreck of the ferry Marlin on Wednesday morning.",
    )
    cut = extracted("b", "Divers of the Kessel Salvage Group raised the wreck of the ferry Marlin")
    (claim,) = [c for c in find_claims([a, cut]) if "a" in c.sources]
    assert claim.independent == 2 and claim.text == a.text
    assert find_claims([cut]) == []
    question = extracted(
        "c", "Who raised the wreck of the ferry Marlin for the Kessel Salvage Group?"
    )
    assert find_claims([a, question])[0].independent == 1


def test_different_events_need_a_near_paraphrase() -> None:
    a = extracted(
        "a",
        "Rescue boats evacuated the passengers of the ferry Marlin near Ostrand on Monday.",
    )
    b = extracted(
        "b",
        "Fishing crews from Ostrand brought the Marlin passengers safely to shore on Monday.",
    )
    same = _claim_with(find_claims([a, b]), "a", "Rescue")
    assert same.independent == 2
    events = [Event("e1", "capsize", None, ["a"]), Event("e2", "salvage", None, ["b"])]
    apart = _claim_with(find_claims([a, b], events=events), "a", "Rescue")
    assert apart.independent == 1


def test_one_value_said_of_different_things_is_not_one_claim() -> None:
    a = extracted("a", "The landslide in the Marsk valley killed 76 people, the Velderia "
                  "civil protection agency said on Tuesday.")  # fmt: skip
    b = extracted("b", "The landslide in the Marsk valley injured 76 people, the Velderia "
                  "civil protection agency said on Tuesday.")  # fmt: skip
    killed = _claim_with(find_claims([a, b]), "a", "76")
    assert killed.independent == 1


def test_sentences_that_give_one_count_different_values_are_not_one_claim() -> None:
    from tests.compare.fixtures import extracted

    from newsweave.compare.claims import find_claims

    a = extracted("a", "The Brenna quake killed at least 820 people on Friday, officials said.")
    b = extracted("b", "The Brenna quake killed 1,037 people on Friday, officials said on Sunday.")
    claims = find_claims([a, b])
    assert not any({"a", "b"} <= set(c.sources) for c in claims)
