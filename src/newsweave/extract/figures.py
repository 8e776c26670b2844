"""Numeric figures: a number, its qualifier and what it counts, from plain sentences."""

from __future__ import annotations

import re

from newsweave.model import Figure
from newsweave.text import STOP_WORDS, split_sentences

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_QUALIFIERS = (
    "about|around|approximately|roughly|some|nearly|almost|up to|at least|more than|over|"
    "fewer than|less than|under|an estimated|estimated|as many as"
)
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_WORD_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundreds": 100,
    "thousands": 1000,
    "dozens": 12,
}
_FIGURE = re.compile(
    rf"(?P<qualifier>\b(?:{_QUALIFIERS})\s+)?"
    r"(?P<number>(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion))?"
    r"(?P<strong>-strong)?"
    r"(?P<counts>(?:\s+[A-Za-z][\w’'-]*){1,4})?",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$|\bthe\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"^\s*(?:%|percent|per cent|a\.m\.|p\.m\.|am\b|pm\b|km\b|miles?\b)", re.I)


def extract_figures(text: str, article_id: str) -> list[Figure]:
    """Every figure in `text` that counts something; years, dates and times are skipped."""
    figures = []
    for sentence in split_sentences(text):
        for match in _FIGURE.finditer(sentence):
            figure = _figure(match, sentence, article_id)
            if figure is not None:
                figures.append(figure)
    return figures


def _figure(match: re.Match[str], sentence: str, article_id: str) -> Figure | None:
    raw = match.group("number")
    before, after = sentence[: match.start("number")], sentence[match.end("number") :]
    if _looks_like_date_or_year(raw, before, after, match.group("scale")):
        return None
    if _UNIT_AFTER.match(after):
        return None
    value = float(raw.replace(",", ""))
    if match.group("scale"):
        value *= _SCALE[match.group("scale").strip().lower()]
    counts = _counted_phrase(match.group("counts") or "")
    if not counts:
        return None
    qualifier = (match.group("qualifier") or "").strip().lower() or None
    return Figure(
        value=value,
        text=match.group(0).strip(),
        counts=counts,
        article=article_id,
        qualifier=qualifier,
        sentence=sentence,
    )


def _looks_like_date_or_year(raw: str, before: str, after: str, scale: str | None) -> bool:
    if scale:
        return False
    if re.fullmatch(r"(1[5-9]|20)\d\d", raw):
        return True
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return True
    return bool(re.match(r"^[:/.]\d", after))


def _counted_phrase(words_after: str) -> str | None:
    """The noun phrase right after a number: up to four words, stopping at function words."""
    kept = []
    for word in words_after.split():
        bare = word.strip("’'").lower()
        if bare in STOP_WORDS and bare not in {"people"}:
            break
        kept.append(word.strip(".,;:"))
        if word[-1:] in ".,;:":
            break
    phrase = " ".join(kept).strip()
    return phrase or None
