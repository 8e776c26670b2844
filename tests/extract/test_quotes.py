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


def test_partial_quotes_are_marked_and_paraphrase_is_never_a_quote() -> None:
    text = "Velden said the crews had “worked through the night” and that the town was safe."
    (quote,) = extract_quotes(text, "a")
    assert quote.partial and quote.text == "worked through the night"
    assert extract_quotes("Velden said the crews had worked through the night.", "a") == []
