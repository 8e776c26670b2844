"""A story's timeline as an inline SVG chart: no script, no library, no external resource.

Each distinct date is a row: a dot for a day, a bar for the month, season, quarter, year or
decade it can only be placed in; hollow when every entry on it is inferred; "×N" when N
entries share it. The tooltip (`<title>`) is the escaped text of those entries.
"""

from __future__ import annotations

import re
from datetime import date
from html import escape

from newsweave.model import TimelineEntry

_WIDTH, _LABEL, _ROW, _TOP = 720, 90, 16, 22
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_DATE = re.compile(r"^(\d{3,4})(?:-(\d{2}|Q[1-4]|SP|SU|FA|AU|WI))?(?:-(\d{2}))?")


def date_span(value: str, granularity: str = "day") -> tuple[date, date] | None:
    """The first and last day a timeline date stands for ("2024-09" -> Sept 1-30), or None."""
    match = _DATE.match(value)
    if match is None:
        return None
    head, part, day = match.groups()
    try:
        if granularity == "decade" and len(head) == 4:
            return date(int(head), 1, 1), date(int(head) + 9, 12, 31)
        if granularity in ("quarter", "season") and part and part.isdigit() and day is None:
            year, month = int(head), int(part)  # the first month of the period
            last = month + 2
            return date(year, month, 1), _month_end(year + (last - 1) // 12, (last - 1) % 12 + 1)
        if len(head) == 3:  # a decade: "199" is the 1990s
            return date(int(head) * 10, 1, 1), date(int(head) * 10 + 9, 12, 31)
        year = int(head)
        if part is None:
            return date(year, 1, 1), date(year, 12, 31)
        if part.startswith("Q"):
            first = 3 * (int(part[1]) - 1) + 1
            return date(year, first, 1), _month_end(year, first + 2)
        if part in _SEASONS:
            first, last = _SEASONS[part]
            return date(year, first, 1), _month_end(year + (last - 1) // 12, (last - 1) % 12 + 1)
        month = int(part)
        if day is None:
            return date(year, month, 1), _month_end(year, month)
        return date(year, month, int(day)), date(year, month, int(day))
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def timeline_svg(entries: list[TimelineEntry]) -> str:
    """The chart of `entries` as an <svg> element; empty when no entry has a usable date."""
    rows: dict[tuple[str, str], list[TimelineEntry]] = {}
    for entry in entries:
        rows.setdefault((entry.date, entry.granularity), []).append(entry)
    placed = [
        (same, span)
        for (value, granularity), same in rows.items()
        if (span := date_span(value, granularity)) is not None
    ]
    if not placed:
        return ""
    start = min(s[0] for _, s in placed).toordinal()
    end = max(s[1] for _, s in placed).toordinal()
    scale = (_WIDTH - _LABEL - 10) / max(end - start, 1)
    height = _TOP + _ROW * len(placed) + 6

    def x(day: date) -> float:
        return _LABEL + (day.toordinal() - start) * scale

    parts = [
        f'<svg class="timeline" viewBox="0 0 {_WIDTH} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" aria-label="timeline chart">',
        f'<text x="{_LABEL}" y="12">{escape(date.fromordinal(start).isoformat())}</text>',
        f'<text x="{_WIDTH - 10}" y="12" text-anchor="end">'
        f"{escape(date.fromordinal(end).isoformat())}</text>",
        f'<line x1="{_LABEL}" y1="16" x2="{_WIDTH - 10}" y2="16" stroke="#999"/>',
    ]
    for row, (same, (first, last)) in enumerate(placed):
        y = _TOP + row * _ROW
        value = same[0].date
        fill = "none" if all(e.inferred for e in same) else "#4a7bd0"
        tip = "<title>" + "\n".join(f"{escape(value)}: {escape(e.text)}" for e in same) + "</title>"
        label = value if len(same) == 1 else f"{value} ×{len(same)}"
        parts.append(f'<text x="0" y="{y + 10}">{escape(label)}</text>')
        if first == last:
            parts.append(
                f'<circle cx="{x(first):.1f}" cy="{y + 6}" r="5" fill="{fill}" '
                f'stroke="#4a7bd0">{tip}</circle>'
            )
        else:
            width = max((last.toordinal() - first.toordinal() + 1) * scale, 3)
            parts.append(
                f'<rect x="{x(first):.1f}" y="{y + 2}" width="{width:.1f}" height="9" rx="2" '
                f'fill="{fill}" fill-opacity="0.55" stroke="#4a7bd0">{tip}</rect>'
            )
    parts.append("</svg>")
    return "".join(parts)
