"""Paraphrase similarity of two sentences, from words and characters only (no model weights).

The score mixes two views of a sentence pair:

- word overlap: the IDF-weighted share of each sentence's content stems (numbers kept) that
  the other sentence also has, averaged over both directions;
- character 4-grams: the cosine of the two sentences' 4-gram counts, which catches
  inflections and spelling variants that the stemmer misses.

A pair whose numbers differ loses a small penalty. IDF comes from the collection being
compared (a story's sentences, or a benchmark file's), so no outside data is needed. The
threshold is tuned on the MSRP training file (`benchmarks/paraphrase.py`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import mul

from newsweave.extract.names import fold
from newsweave.text import STOP_WORDS, stem, words


@dataclass(frozen=True, slots=True)
class SimilarityConfig:
    """Tunables of the paraphrase similarity."""

    threshold: float = 0.458  # tuned on MSRP train (accuracy), see docs/benchmarks.md
    word_weight: float = 0.5  # the rest goes to character 4-grams
    char_n: int = 4
    number_penalty: float = 0.1


@dataclass(frozen=True, slots=True)
class SentenceFeatures:
    """What the similarity needs of one sentence, computed once."""

    stems: frozenset[str]
    grams: Counter[str]
    grams_norm: float
    numbers: frozenset[str]
    weight: float  # the sum of the stems' IDF in the collection the features were made for


# spellings that differ across languages for one sound: "Turquie" / "Turkey", "Syrie" / "Syria"
_SOUNDS = (("qu", "k"), ("ck", "k"), ("c", "k"), ("ph", "f"), ("y", "i"), ("w", "v"))
_FINAL_VOWELS = re.compile(r"(?<=\w\w\w)[aeiou]+$")


def fold_name(name: str) -> str:
    """A name made comparable across languages: no accents or case, like sounds spelled alike,
    letters not doubled, final vowels dropped ("Syria", "Syrie" -> "sir"; "Aleppo", "Alep" ->
    "alep"; "Turkey", "Turquie", "Türkei" -> "turk")."""
    out = []
    for word in re.findall(r"\w+", fold(name).casefold()):
        for spelled, sound in _SOUNDS:
            word = word.replace(spelled, sound)
        out.append(_FINAL_VOWELS.sub("", re.sub(r"(\w)\1+", r"\1", word)))
    return " ".join(out)


def sentence_stems(text: str) -> list[str]:
    """Content stems of a sentence, numbers kept: the words that carry its meaning."""
    return [w if w[0].isdigit() else stem(w) for w in words(text) if w not in STOP_WORDS]


class Similarity:
    """Paraphrase similarity with IDF weights from a collection of sentences."""

    def __init__(self, sentences: Iterable[str], config: SimilarityConfig | None = None) -> None:
        """Count document frequencies over `sentences` (the collection being compared)."""
        self.config = config or SimilarityConfig()
        self._df: Counter[str] = Counter()
        self._n = 0
        for sentence in sentences:
            self._n += 1
            self._df.update(set(sentence_stems(sentence)))
        self._cache: dict[str, SentenceFeatures] = {}
        self._idf: dict[str, float] = {}  # the collection is fixed: each stem's IDF once

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency of a stem in the collection."""
        found = self._idf.get(term)
        if found is None:
            found = math.log((self._n + 1) / (self._df.get(term, 0) + 1)) + 1.0
            self._idf[term] = found
        return found

    def features(self, text: str) -> SentenceFeatures:
        """The cached features of one sentence."""
        found = self._cache.get(text)
        if found is None:
            stems = sentence_stems(text)
            joined = " ".join(w if w[0].isdigit() else stem(w) for w in words(text))
            n = self.config.char_n
            grams = Counter(joined[i : i + n] for i in range(len(joined) - n + 1))
            unique = frozenset(stems)
            found = SentenceFeatures(
                stems=unique,
                grams=grams,
                grams_norm=math.sqrt(sum(c * c for c in grams.values())),
                numbers=frozenset(w for w in stems if w[0].isdigit()),
                weight=sum(self.idf(w) for w in unique),
            )
            self._cache[text] = found
        return found

    def score(self, a: str, b: str) -> float:
        """How much `a` and `b` say the same thing: about 0 (unrelated) to 1 (same words)."""
        fa, fb = self.features(a), self.features(b)
        config = self.config
        weight_a, weight_b = fa.weight, fb.weight
        shared = sum(map(self.idf, fa.stems & fb.stems))
        overlap = 0.5 * (shared / weight_a + shared / weight_b) if weight_a and weight_b else 0.0
        ga, gb = fa.grams, fb.grams
        common = ga.keys() & gb.keys()  # integer counts: the same dot product in any order
        dot = sum(map(mul, map(ga.__getitem__, common), map(gb.__getitem__, common)))
        norms = fa.grams_norm * fb.grams_norm
        chars = dot / norms if norms else 0.0
        score = config.word_weight * overlap + (1 - config.word_weight) * chars
        if fa.numbers != fb.numbers and (fa.numbers or fb.numbers):
            score -= config.number_penalty
        return score

    def same(self, a: str, b: str) -> bool:
        """Whether `a` and `b` are paraphrases at the tuned threshold."""
        return self.score(a, b) >= self.config.threshold
