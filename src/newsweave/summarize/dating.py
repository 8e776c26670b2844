"""Dating the vague: which day "on Wednesday" or "on the 17th" means when the anchor is a range.

An article without a trusted publication date has a range anchor (say 2023-10..2024-09), so a
weekday or a bare day of the month could be any of dozens of days. Other articles of the same
event often say the same thing with another part of the date: "the Kremlin said on Wednesday"
here, "on the 17th, the Kremlin announced" there, "the withdrawal, which commenced in April"
elsewhere in the story. `refine_day` intersects those constraints; a day that stays ambiguous
is left undated rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsweave.extract.anchor import Anchor
from newsweave.text import MONTH_NAMES, WEEKDAY_NAMES, content_words, jaccard, month_number

_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b")
_DAY_OF_MONTH = re.compile(r"\b(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DEICTIC = re.compile(r"\b(?i:today|yesterday|tomorrow|tonight|same\s+day|this\s+morning)\b")
_DATE_WORDS = frozenset(
    w.lower()[:6] for w in (*MONTH_NAMES, *WEEKDAY_NAMES, "today", "yesterday", "tomorrow")
)


@dataclass(frozen=True, slots=True)
class Clue:
    """A sentence elsewhere in the story and the date it carries, as evidence for a vague day."""

    sentence: str
    value: str  # "YYYY-MM" or "YYYY-MM-DD" (explicit month); "" when only weekday/day are known
    same_event: bool  # from an article of the same event (weekday and day-of-month count)


def keys(text: str) -> set[str]:
    """Content words cut to six letters, date words left out: a crude, robust overlap key."""
    return {w[:6] for w in content_words(text) if w[:6] not in _DATE_WORDS}


def explicit(expression: str) -> bool:
    """Whether a time expression names its month or year ("June 12", "2020", "last September")."""
    return bool(_MONTH.search(expression) or _YEAR.search(expression))


def vague_day(expression: str) -> bool:
    """Whether a day-level expression gives neither month nor year: "on Wednesday", "the 17th"."""
    if explicit(expression):
        return False
    return bool(
        _WEEKDAY.search(expression)
        or _DAY_OF_MONTH.search(expression)
        or _DEICTIC.search(expression)
    )


def refine_day(
    expression: str,
    sentence: str,
    anchor: Anchor,
    clues: Sequence[Clue],
    min_shared: int = 3,
    same_happening: float = 0.25,
    max_candidates: int = 400,
) -> date | None:
    """The one day in `anchor` that `expression` and the corroborating `clues` agree on, or None.

    Clues from the same event that tell the same happening (at least `min_shared` key words
    and a Jaccard of `same_happening`, or half the shorter one's words) narrow by weekday and
    day of month, most similar first; dated clues anywhere in the story that share at least
    two key words vote for their month.
    """
    span = (anchor.latest - anchor.earliest).days
    if span > max_candidates:
        return None
    candidates = [anchor.earliest + timedelta(days=i) for i in range(span + 1)]
    candidates = _narrow(candidates, expression)
    own = keys(sentence)
    months: dict[str, int] = {}
    close: list[tuple[float, Clue]] = []
    for clue in clues:
        other = keys(clue.sentence)
        shared = len(own & other)
        if len(clue.value) >= 7 and shared >= 2:
            months[clue.value[:7]] = months.get(clue.value[:7], 0) + shared
        similar = shared >= min_shared and (
            jaccard(own, other) >= same_happening or shared >= 0.5 * min(len(own), len(other))
        )
        if clue.same_event and similar:
            close.append((jaccard(own, other), clue))
    for _, clue in sorted(close, key=lambda pair: -pair[0]):
        narrowed = _narrow(candidates, clue.sentence, months=False)
        if clue.value and len(clue.value) == 10:
            narrowed = [d for d in narrowed if d.isoformat() == clue.value]
        if narrowed:
            candidates = narrowed
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(((months.get(d.isoformat()[:7], 0), d) for d in candidates), reverse=True)
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def _narrow(candidates: list[date], text: str, months: bool = True) -> list[date]:
    """The candidates that fit the weekday, day of month (and month) named in `text`."""
    if found := _WEEKDAY.search(text):
        weekday = WEEKDAY_NAMES.index(found.group(1))
        candidates = [d for d in candidates if d.weekday() == weekday]
    if found := _DAY_OF_MONTH.search(text):
        day = int(found.group(1))
        candidates = [d for d in candidates if d.day == day]
    if months and (found := _MONTH.search(text)):
        month = month_number(found.group(1))
        by_month = [d for d in candidates if d.month == month]
        candidates = by_month or candidates
    return candidates
