"""The spaCy pipeline runs only what entity recognition needs."""

from __future__ import annotations

from typing import Any

import pytest

from newsweave.extract.nlp import _listens, load_pipeline, spacy_available

TEXT = (
    "Mayor Ines Brandt of Tolvey said on Friday that the Pellan Ferry Company would open "
    "a second berth in March, and the Marrowby council agreed."
)


class _Pipeline:
    """A stand-in for a loaded pipeline: its component names and their config."""

    def __init__(self, ner_tok2vec: str) -> None:
        self.pipe_names = ["tok2vec", "ner"]
        self.config: dict[str, Any] = {
            "components": {"ner": {"model": {"tok2vec": {"@architectures": ner_tok2vec}}}}
        }


def test_a_recognizer_with_its_own_embedding_does_not_listen() -> None:
    assert not _listens(_Pipeline("spacy.Tok2Vec.v2"), "ner")


def test_a_recognizer_fed_by_the_shared_embedding_listens() -> None:
    assert _listens(_Pipeline("spacy.Tok2VecListener.v1"), "ner")
    assert not _listens(_Pipeline("spacy.Tok2VecListener.v1"), "parser")


@pytest.mark.skipif(not spacy_available(), reason="spaCy pipeline not installed")
def test_dropping_the_unused_embedding_changes_no_mention() -> None:
    import spacy

    lean = load_pipeline()
    full = spacy.load(f"{lean.meta['lang']}_{lean.meta['name']}")  # every component kept
    assert "tok2vec" not in lean.pipe_names or _listens(lean, "ner")
    found = [(e.text, e.label_, e.start_char) for e in lean(TEXT).ents]
    assert found == [(e.text, e.label_, e.start_char) for e in full(TEXT).ents]
