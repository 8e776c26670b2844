"""Dates as people write them: "2025-03-13" -> "13 March 2025", and short ranges of them."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def human_date(value: str | None) -> str:
    """An ISO date as people write it ("2025-03-13" -> "13 March 2025"); other text unchanged."""
    if not value:
        return "undated"
    match = _ISO.match(value)
    if match is None:
        return value
    year, month, day = match.groups()
    try:
        if day:
            date(int(year), int(month), int(day))
            return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
        if month:
            return f"{_MONTHS[int(month) - 1]} {year}"
    except (ValueError, IndexError):
        return value
    return year


def date_range(first: str | None, last: str | None) -> str:
    """Two ISO dates as one short label ("11 to 13 March 2025"); "undated" when none."""
    if not first or not last:
        return human_date(first or last)
    if first == last:
        return human_date(first)
    a, b = human_date(first).split(" "), human_date(last).split(" ")
    if len(a) == len(b) == 3 and a[2] == b[2]:
        if a[1] == b[1]:
            return f"{a[0]} to {' '.join(b)}"
        return f"{a[0]} {a[1]} to {' '.join(b)}"
    return f"{human_date(first)} to {human_date(last)}"
