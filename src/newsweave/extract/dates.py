"""Explicit time expressions in sentences, normalised to ISO dates against the publication date.

A first version: absolute dates ("12 June 2024", "June 12, 2024", "September 2023",
"in 2020") and month-day dates whose year comes from the publication date.
Relative expressions ("last September", "on Wednesday") are a later refinement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.text import split_sentences

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"((?:19|20)\d\d)"
_PATTERNS = [
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+{_YEAR}\b", re.I), ("day", "month", "year")),
    (
        re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I),
        ("month", "day", "year"),
    ),
    (
        re.compile(rf"\b(?:late|early|mid-)?\s*{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I),
        ("month", "year"),
    ),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d)", re.I), ("month", "day")),
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\b(?!\s+\d)", re.I), ("day", "month")),
    (re.compile(rf"\b(?:in|since|by|until|of|during|late|early)\s+{_YEAR}\b", re.I), ("year",)),
]


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: its ISO value ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') and where it was."""

    value: str
    text: str
    sentence: str
    inferred_year: bool = False


def find_dates(text: str, published: str | None = None) -> list[TimeMention]:
    """Explicit dates in `text`; month-day dates take their year from `published`."""
    anchor_year = int(published[:4]) if published else None
    mentions = []
    for sentence in split_sentences(text):
        taken: list[tuple[int, int]] = []
        for pattern, parts in _PATTERNS:
            for match in pattern.finditer(sentence):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                mention = _mention(match, parts, sentence, anchor_year)
                if mention:
                    taken.append(match.span())
                    mentions.append(mention)
    return mentions


def _mention(
    match: re.Match[str], parts: tuple[str, ...], sentence: str, anchor_year: int | None
) -> TimeMention | None:
    fields = dict(zip(parts, match.groups(), strict=True))
    inferred = "year" not in fields
    year = int(fields["year"]) if not inferred else anchor_year
    if year is None:
        return None
    month = MONTHS[fields["month"].lower()] if "month" in fields else None
    if month and fields["month"].lower() == "may" and "day" not in fields and inferred:
        return None
    day = int(fields["day"]) if "day" in fields else None
    if day is not None and not 1 <= day <= 31:
        return None
    value = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
    return TimeMention(
        value=value, text=match.group(0).strip(), sentence=sentence, inferred_year=inferred
    )
