"""Publication dates inferred from article text (never from boilerplate lines)."""

from __future__ import annotations

import re
from datetime import date

from newsweave.text import month_number

_MON = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"((?:19|20)\d\d)"
ISO = re.compile(rf"\b{_YEAR}-(\d\d)-(\d\d)\b")
MDY = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)
DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.I)
MY = re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", re.I)
LAST_MONTH = re.compile(rf"\blast\s+{_MON}(?!\w)", re.I)


def _mk(y: str, m: int, d: str | int) -> date | None:
    try:
        return date(int(y), m, int(d))
    except ValueError:
        return None


def full_dates(text: str) -> list[date]:
    """Every day-precision date written in the text."""
    found: list[date] = []
    for m in ISO.finditer(text):
        found.append(_mk(m.group(1), int(m.group(2)), m.group(3)))  # type: ignore[arg-type]
    for m in MDY.finditer(text):
        found.append(_mk(m.group(3), month_number(m.group(1)), m.group(2)))  # type: ignore[arg-type]
    for m in DMY.finditer(text):
        found.append(_mk(m.group(3), month_number(m.group(2)), m.group(1)))  # type: ignore[arg-type]
    return [d for d in found if d is not None]


def _month_after(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1)


def infer_range(header: list[str], body: list[str]) -> tuple[date | None, date | None]:
    """(earliest, latest) publication dates the text supports; either may be None (unknown).

    A dated line above the body (a dateline) fixes the day. Otherwise the body only gives a
    lower bound: its latest full date or "<Month> <Year>" (moved past that month when the body
    also says "last <Month>", which is not written during the month). Running text gives no
    upper bound, so the latest is then unknown.
    """
    for text in header:
        if len(text.split()) <= 12:
            dates = full_dates(text)
            if dates:
                return dates[0], dates[0]
    joined = "\n".join(body)
    bounds = full_dates(joined)
    for m in MY.finditer(joined):
        bounds.append(date(int(m.group(2)), month_number(m.group(1)), 1))
    lower = max(bounds, default=None)
    if lower is None:
        return None, None
    for m in LAST_MONTH.finditer(joined):
        # "last September" is not written in September: a bound inside that month moves past it
        month = month_number(m.group(1))
        if lower.month == month:
            lower = _month_after(lower.year, month)
    return lower, None


def infer_published(header: list[str], body: list[str]) -> str | None:
    """A "YYYY-MM-DD" publication date when the text pins the day, else None."""
    lo, hi = infer_range(header, body)
    return lo.isoformat() if lo is not None and lo == hi else None
