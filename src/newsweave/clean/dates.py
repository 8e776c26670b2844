"""Publication dates inferred from article text (never from boilerplate lines)."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i + 1
    for i, names in enumerate(
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
        ]
    )
    for m in names
}
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
        found.append(_mk(m.group(3), MONTHS[m.group(1).lower()], m.group(2)))  # type: ignore[arg-type]
    for m in DMY.finditer(text):
        found.append(_mk(m.group(3), MONTHS[m.group(2).lower()], m.group(1)))  # type: ignore[arg-type]
    return [d for d in found if d is not None]


def infer_published(header: list[str], body: list[str]) -> str | None:
    """A "YYYY-MM-DD" publication date (or the start of the inferred range), else None.

    A dated line above the body (a dateline) wins. Otherwise the body's latest full date is a
    lower bound; "last <Month>" next to "<Month> <Year>" puts publication in the next year.
    """
    for text in header:
        if len(text.split()) <= 12:
            dates = full_dates(text)
            if dates:
                return dates[0].isoformat()
    joined = "\n".join(body)
    latest = max(full_dates(joined), default=None)
    month_years = [(int(m.group(2)), MONTHS[m.group(1).lower()]) for m in MY.finditer(joined)]
    guess: date | None = latest
    for m in LAST_MONTH.finditer(joined):
        month = MONTHS[m.group(1).lower()]
        years = [y for y, mo in month_years if mo == month]
        if years:
            start = date(max(years) + 1, 1, 1)
            guess = max(guess, start) if guess else start
    return guess.isoformat() if guess else None
