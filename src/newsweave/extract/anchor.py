"""Anchors for relative time expressions: a publication date, or the range it must lie in.

`Anchor` is what "last September", "on Wednesday" or "June 12" are resolved against.
An article with a known date has a one-day anchor. One whose date was inferred, or is
missing, has a range; `story_anchor` narrows it with evidence from the other articles
of its story ("last September" here, "September 2023" there: published 2023-10..2024-09).
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from newsweave.text import WEEKDAY_NAMES

WEEKDAYS = [name.lower() for name in WEEKDAY_NAMES]


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against: `earliest`..`latest` inclusive."""

    earliest: date
    latest: date

    @property
    def day(self) -> date:
        """The representative day: the latest possible (articles report the past)."""
        return self.latest

    @property
    def exact(self) -> bool:
        """Whether the anchor is a single known day."""
        return self.earliest == self.latest

    @classmethod
    def on(cls, day: date) -> Anchor:
        """A one-day anchor."""
        return cls(day, day)

    def intersect(self, other: Anchor) -> Anchor:
        """The overlap of two ranges, or self when they do not overlap."""
        start, end = max(self.earliest, other.earliest), min(self.latest, other.latest)
        return Anchor(start, end) if start <= end else self


def parse_iso(value: str | None) -> date | None:
    """A date from 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (first day of the period), else None."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        return date(numbers[0], *(numbers[1:] + [1, 1])[:2])
    except (ValueError, TypeError):
        return None


def article_anchor(published: str | None, inferred: bool = False) -> Anchor | None:
    """The anchor of an article: its day (stated or inferred), or a year-long range from a
    month or year (an inferred day anchors as exactly as a stated one; `inferred` is kept for
    callers that pass it)."""
    day = parse_iso(published)
    if day is None:
        return None
    if len(published or "") < 10:
        return Anchor(day, min(day, date.max - timedelta(days=365)) + timedelta(days=365))
    return Anchor.on(day)


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_month(month: int, anchor: date, direction: str) -> int:
    """The year of a bare month: 'last' (strictly before), 'past' (at or before), 'next'/'future'."""
    year = anchor.year
    if direction == "last":
        return year if month < anchor.month else year - 1
    if direction == "past":
        return year if month <= anchor.month else year - 1
    if direction == "next":
        return year if month > anchor.month else year + 1
    if direction == "future":
        return year if month >= anchor.month else year + 1
    return year


def resolve_weekday(weekday: int, anchor: date, direction: str) -> date:
    """The date of a weekday: the closest one at or before the anchor, or after it when future."""
    delta = (anchor.weekday() - weekday) % 7
    if direction in ("future", "next"):
        ahead = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=ahead or (7 if direction == "next" else 0))
    if direction == "last":
        delta = delta or 7
    return anchor - timedelta(days=delta)


def resolve_day_of_month(day: int, anchor: date, direction: str = "past") -> date | None:
    """'On the 17th': that day of the anchor's month, or of the month before when still ahead."""
    year, month = anchor.year, anchor.month
    if direction == "past" and day > anchor.day:
        year, month = shift_month(year, month, -1)
    if direction == "future" and day < anchor.day:
        year, month = shift_month(year, month, 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def range_from_last_month(month: int, year: int) -> Anchor:
    """Where an anchor must lie for 'last <month>' to mean `month` of `year`."""
    start_year, start_month = shift_month(year, month, 1)
    return Anchor(date(start_year, start_month, 1), month_end(year + 1, month))


def range_from_last_year(year: int) -> Anchor:
    """Where an anchor must lie for 'last year' to mean `year`."""
    return Anchor(date(year + 1, 1, 1), date(year + 1, 12, 31))


def choose_year(month: int, day: int, anchor: Anchor, direction: str = "past") -> int:
    """The year of a month-day date within the anchor's range (the latest candidate)."""
    candidates = [
        resolve_month(month, edge, direction) for edge in (anchor.earliest, anchor.latest)
    ]
    for year in sorted(set(candidates), reverse=True):
        try:
            if anchor.earliest - timedelta(days=366) <= date(year, month, day) <= anchor.latest:
                return year
        except ValueError:
            continue
    return candidates[-1]


def combine(anchors: Sequence[Anchor]) -> Anchor | None:
    """The intersection of several ranges (ranges that contradict the others are skipped)."""
    result: Anchor | None = None
    for anchor in anchors:
        result = anchor if result is None else result.intersect(anchor)
    return result
