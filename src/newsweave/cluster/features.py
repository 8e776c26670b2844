"""Article representation for clustering: sparse TF-IDF vectors per field, streaming IDF.

Three fields, as in Miranda et al. (2018): body words, title words and entities
(capitalised phrases). Each is a sparse `{term: weight}` vector with sublinear TF
and an IDF counted over the articles seen so far, so that an article's vector never
depends on articles that come after it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from newsweave.extract.names import fold
from newsweave.model import Article
from newsweave.text import (
    MONTH_NAMES,
    MONTH_PATTERN,
    STOP_WORDS,
    WEEKDAY_PATTERN,
    content_words,
    split_sentences,
)
from newsweave.text import month_number as text_month_number

Vector = dict[str, float]

FIELDS = ("body", "title", "entity")

_ENTITY = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of\s+|de\s+|al-)?[A-Z][\w'’-]*)*")
_ENTITY_STOP = (
    STOP_WORDS
    | {"mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday"}
    | {
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)


def entities(text: str) -> list[str]:
    """Capitalised phrases of `text` as lower-case terms: the phrase and each of its words."""
    found: list[str] = []
    for match in _ENTITY.finditer(text):
        parts = [p.lower().strip("'’-") for p in match.group().split()]
        parts = [p for p in parts if p and p not in _ENTITY_STOP and not p.isdigit()]
        if not parts:
            continue
        found += parts
        if len(parts) > 1:
            found.append("_".join(parts))
    return found


_NAME = re.compile(
    r"(?<![\w.’'-])([A-Z\u00c0-\u00d6\u00d8-\u00de\u0400-\u042f][^\W\d_]+(?:['’-][^\W\d_]+)*)"
)  # Latin and Cyrillic capitals
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f ]\d+)*(?![\w])")
_GROUPS = re.compile(r"[.,\u00a0\u202f ]")
_ANCHOR_PREFIX = 5  # "Syria"/"Syrie"/"Syrien" and "Erdogan"/"Erdoğan" share their first letters
# days and months are capitalised but name no story ("May" too: far more often the month)
_CALENDAR = re.compile(rf"(?i)(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN})")


def headline_anchors(title: str | None) -> str:
    """A headline as anchor text: none when it is written in title case ("Astronauts Find
    Unknown Microbes in Space"), where capitals do not tell names from words."""
    words = [w for w in (title or "").split()[1:] if len(w) >= 4 and w[:1].isalpha()]
    if len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words):
        return ""
    return title or ""


def lead_anchors(article: Article, lead_words: int) -> list[str]:
    """The anchors of an article's headline (`headline_anchors`) and first `lead_words` words."""
    lead = " ".join(article.text.split()[:lead_words])
    return anchors(f"{headline_anchors(article.title)}\n{lead}")


def anchors(text: str) -> list[str]:
    """Language-independent terms: folded name prefixes and normalised numbers.

    Names (capitalised words not opening a sentence, nor days or months) are folded to lower-case ASCII and
    cut to their first letters, so that most spellings of a place or person in English,
    French, German or Spanish meet ("Türkei", "Turkey"). Numbers are read with any
    thousands separator ("15,383", "15.383", "15 383") or decimal comma ("7,8" = "7.8");
    small integers and years are left out, as they say little about which story it is.
    """
    found: list[str] = []
    for sentence in split_sentences(text):
        for match in _NAME.finditer(sentence):
            if match.start() == 0:
                continue
            word = fold(match.group(1))
            if (
                len(word) >= 3
                and word not in STOP_WORDS
                and not _CALENDAR.fullmatch(match.group(1))
            ):
                found.append("n:" + word[:_ANCHOR_PREFIX])
        for match in _NUMBER.finditer(sentence):
            number = _number_key(match.group())
            if number:
                found.append("d:" + number)
    return found


def _number_key(written: str) -> str | None:
    """A number as one key whatever its separators; None for small integers and years."""
    parts = _GROUPS.split(written)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        key = "".join(parts)
    elif len(parts) == 2:
        key = f"{parts[0]}.{parts[1]}"
    else:
        key = "".join(parts)
    if key.isdigit() and (len(key) < 3 or (len(key) == 4 and key[:2] in ("19", "20"))):
        return None
    return key.lstrip("0") or None


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """How raw text becomes weighted terms."""

    body_words: int = 400  # only the first N content words of the body count
    top_terms: int = 40  # terms per field kept in an article vector


@dataclass(slots=True)
class RawFeatures:
    """Term counts of one article per field, before IDF."""

    counts: dict[str, Counter[str]]
    day: int | None  # days since 1970-01-01, from the publication date
    month: int | None = None  # year * 12 + month - 1 of the publication date
    mentions: frozenset[int] = frozenset()  # earlier months the text refers to ("last September")


def raw_features(article: Article, config: FeatureConfig) -> RawFeatures:
    """Count body, title and entity terms of an article."""
    body = content_words(article.text)[: config.body_words]
    lead = " ".join(article.text.split()[: config.body_words])
    return RawFeatures(
        counts={
            "body": Counter(body),
            "title": Counter(content_words(article.title or "")),
            "entity": Counter(entities(f"{article.title or ''}. {lead}")),
        },
        day=None if article.published_inferred else day_number(article.published),
        month=None if article.published_inferred else month_number(article.published),
        mentions=frozenset()
        if article.published_inferred
        else month_mentions(article.text, article.published),
    )


def month_number(published: str | None) -> int | None:
    """Year * 12 + month - 1 of an ISO date, None if absent or unreadable."""
    day = day_number(published)
    return (
        None
        if day is None or published is None
        else int(published[:4]) * 12 + int(published[5:7]) - 1
    )


_MONTH = "|".join(MONTH_NAMES)
# The look-ahead on the capital (rather than a leading \b) lets the scan skip ahead fast.
_MONTH_NAME = re.compile(rf"(?=[JFMASOND])(?<!\w)(?:{_MONTH})\b")
_YEAR_AFTER = re.compile(r"(?:\s+\d{1,2},?)?\s+(?:of\s+)?((?:19|20)\d\d)\b")
_DAY_AFTER = re.compile(r"\s+\d")
_CUE_BEFORE = re.compile(r"\b(?:last|in|since|early|late|mid-?)\s+$")


def month_mentions(text: str, published: str | None) -> frozenset[int]:
    """Months before the publication month that the text names ("September 2023", "last May")."""
    own = month_number(published)
    if own is None:
        return frozenset()
    found: set[int] = set()
    for match in _MONTH_NAME.finditer(text):
        index = text_month_number(match.group()) - 1
        year = _YEAR_AFTER.match(text, match.end())
        if year:
            found.add(int(year.group(1)) * 12 + index)
        elif _CUE_BEFORE.search(text[max(0, match.start() - 8) : match.start()]) and not (
            _DAY_AFTER.match(text, match.end())
        ):
            found.add((own // 12 if index <= own % 12 else own // 12 - 1) * 12 + index)
    return frozenset(m for m in found if m < own)


def day_number(published: str | None) -> int | None:
    """Days since 1970-01-01 of an ISO date (or date-time), None if absent or unreadable."""
    if not published or len(published) < 10:
        return None
    try:
        return (date.fromisoformat(published[:10]) - date(1970, 1, 1)).days
    except ValueError:
        return None


@dataclass(slots=True)
class DocumentFrequency:
    """Streaming document frequencies: IDF over the articles seen so far."""

    documents: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=lambda: {f: Counter() for f in FIELDS})

    def add(self, raw: RawFeatures) -> None:
        """Count one more article."""
        self.documents += 1
        for name, terms in raw.counts.items():
            self.counts[name].update(terms.keys())

    def idf(self, name: str, term: str) -> float:
        """Smoothed IDF of a term in a field."""
        return math.log((1 + self.documents) / (1 + self.counts[name][term])) + 1.0


def weigh(raw: RawFeatures, df: DocumentFrequency, config: FeatureConfig) -> dict[str, Vector]:
    """Unit-length sublinear TF-IDF vectors per field, each cut to its top terms."""
    vectors: dict[str, Vector] = {}
    for name, terms in raw.counts.items():
        weighted = {t: (1.0 + math.log(c)) * df.idf(name, t) for t, c in terms.items()}
        if len(weighted) > config.top_terms:
            top = sorted(weighted.items(), key=lambda kv: (-kv[1], kv[0]))[: config.top_terms]
            weighted = dict(top)
        vectors[name] = normalise(weighted)
    return vectors


def normalise(vector: Vector) -> Vector:
    """The vector scaled to unit length (empty stays empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
