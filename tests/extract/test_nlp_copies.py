"""The spaCy backend reads a syndicated copy's known paragraphs once (issue #23)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from newsweave.extract.nlp import SpacyEntities, spacy_available

STORY = (
    "The Tolvey harbour board opened the Marl Street quay on Friday after repairs.\n\n"
    "Ferries from Pellan will use the new berth from Monday, said Ines Brandt of the board.\n\n"
    "The works cost 4 million crowns and took eleven months, the Tolvey council said."
)
OTHER = "Choir leader Oskar Vell said the Marrowby festival would move to the Corn Hall."


@dataclass
class _Ent:
    text: str
    label_: str
    start_char: int


@dataclass
class _Doc:
    ents: list[_Ent]


class _CapitalWords:
    """A stand-in pipeline: every capitalised word is a mention; it logs what it reads."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def pipe(self, texts: list[str], batch_size: int) -> Iterator[_Doc]:
        for text in texts:
            self.read.append(text)
            yield _Doc([_Ent(m.group(), "X", m.start()) for m in re.finditer(r"[A-Z]\w+", text)])


def _backend(**kwargs: float) -> tuple[SpacyEntities, _CapitalWords]:
    nlp = _CapitalWords()
    backend = SpacyEntities(**kwargs)  # type: ignore[arg-type]
    backend._nlp = nlp
    return backend, nlp


def _copy(k: int) -> str:
    paragraphs = STORY.split("\n\n")
    edited = [paragraphs[0], f"Republished by Copy Desk {k}.", *paragraphs[1:]]
    if k % 2:
        edited[2] = edited[2].replace(" said ", " says ")
    return "\n\n".join(edited)


def test_a_copy_reads_only_its_new_paragraphs_with_the_same_mentions() -> None:
    texts = [STORY, OTHER] + [_copy(k) for k in range(6)]
    cached, nlp = _backend()
    reference, _ = _backend(copy_share=2.0)  # every text read whole: no reuse
    assert cached.mentions(texts[:3]) + cached.mentions(texts[3:]) == reference.mentions(texts)
    assert nlp.read[:2] == [STORY, OTHER]  # texts that are not copies: read whole, as before
    new = nlp.read[2:]
    assert all(STORY.split("\n\n")[0] not in text for text in new)  # known: never read again
    assert sorted(new) == sorted(
        {f"Republished by Copy Desk {k}." for k in range(6)}
        | {STORY.split("\n\n")[1].replace(" said ", " says ")}  # read once for three copies
    )


def test_an_identical_copy_gets_the_original_mentions_without_a_read() -> None:
    backend, nlp = _backend()
    first = backend.mentions([STORY])
    assert backend.mentions([STORY, STORY]) == first * 2
    assert nlp.read == [STORY]


def test_texts_mostly_new_are_read_whole() -> None:
    backend, nlp = _backend()
    backend.mentions([STORY])
    mixed = STORY.split("\n\n")[0] + "\n\n" + OTHER + " " + OTHER + " " + OTHER
    backend.mentions([mixed])
    assert nlp.read == [STORY, mixed]


def test_the_cache_stops_growing_at_its_bound() -> None:
    backend, _ = _backend(max_known=2)
    backend.mentions([STORY, OTHER])
    assert len(backend._known) == 2
    assert backend.mentions([_copy(1)]) == _backend(copy_share=2.0)[0].mentions([_copy(1)])


@pytest.mark.skipif(not spacy_available(), reason="spaCy and an English pipeline not installed")
def test_with_spacy_the_texts_read_whole_keep_their_mentions() -> None:
    texts = [STORY, OTHER, _copy(1), _copy(2)]
    cached = SpacyEntities().mentions(texts)
    whole = SpacyEntities(copy_share=2.0).mentions(texts)
    assert cached[:2] == whole[:2]  # not copies: exactly what a whole read finds
    for copy in cached[2:]:
        assert set(whole[0]) <= set(copy)  # the known paragraphs bring the original's mentions
