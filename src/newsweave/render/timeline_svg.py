"""A story's timeline as one chart on a real time axis, shared by the HTML report and the web UI.

Happenings are placed in time: a dot for a day, a bar for the month, season, quarter or year
it can only be placed in (cut to the axis); hollow when every entry on it is inferred. Each
row's source numbers link to the sources (the caller says how a link is written). The axis
covers the story's own weeks, from a month before its first report to its newest report:
older entries are listed apart as background, entries dated after the newest report (plans,
or misreadings) apart as "dated after the newest report", and entries whose date cannot be
read as undated, so none of them can pass for the latest news.

The chart is inline SVG with no viewBox: positions are percentages of its width and text has
a fixed size, so it stays readable from a phone to a wide screen, with no script and no style
sheet of its own (the page may add one: class names start with `tl-`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from newsweave.model import TimelineEntry
from newsweave.render.dates import human_date

Day = date  # a calendar day (the name `date` is also a field below)
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_DATE = re.compile(r"^(\d{3,4})(?:-(\d{2}|Q[1-4]|SP|SU|FA|AU|WI))?(?:-(\d{2}))?")
_AXIS, _ROW = 34, 30  # height of the axis band and of one row, in pixels
_BEFORE = 30  # days before the first report that still belong to the story
_INK, _MARK, _TRACK = "#1f2328", "#2f5fb3", "#d0d7de"


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


@dataclass(slots=True)
class Point:
    """The entries that share one date, the sources behind them, and the period they stand for."""

    date: str
    granularity: str
    entries: list[TimelineEntry]
    first: Day | None
    last: Day | None

    @property
    def sources(self) -> list[str]:
        """Every source of these entries, each once, in order of first mention."""
        return list(dict.fromkeys(s for e in self.entries for s in e.sources))

    @property
    def inferred(self) -> bool:
        """Whether every entry on this date was inferred."""
        return all(e.inferred for e in self.entries)


@dataclass(slots=True)
class TimelineLanes:
    """Timeline points split into the story's own time, background, after the news, undated."""

    main: list[Point]
    background: list[Point]
    later: list[Point]
    undated: list[Point]
    start: date | None = None
    end: date | None = None


def timeline_lanes(
    entries: Iterable[TimelineEntry], published: Iterable[str] = ()
) -> TimelineLanes:
    """Points per date, split by the story's weeks: from 30 days before its first report to its
    newest report (without report dates: the 60 days up to its latest happening to the day)."""
    rows: dict[tuple[str, str], list[TimelineEntry]] = {}
    for entry in entries:
        rows.setdefault((entry.date, entry.granularity), []).append(entry)
    points = [
        Point(value, gran, same, *(date_span(value, gran) or (None, None)))
        for (value, gran), same in rows.items()
    ]
    days = sorted(span[0] for p in published if p and (span := date_span(p[:10])) is not None)
    if not days:  # no report date: the story's weeks end with its latest happening to the day
        days = sorted(p.first for p in points if p.first is not None and p.first == p.last)[-1:]
        days = [date.fromordinal(d.toordinal() - _BEFORE) for d in days] + days
    lanes = TimelineLanes([], [], [], [])
    lo = date.fromordinal(days[0].toordinal() - _BEFORE) if days else date.min
    hi = days[-1] if days else date.max
    for point in points:
        if point.first is None or point.last is None:
            lanes.undated.append(point)
        elif point.last < lo:
            lanes.background.append(point)
        elif point.first > hi:
            lanes.later.append(point)
        else:
            lanes.main.append(point)
    for lane in (lanes.main, lanes.background, lanes.later):
        lane.sort(key=lambda p: (p.first, p.last, p.date))
    if lanes.main:
        precise = [p for p in lanes.main if p.first == p.last] or lanes.main
        start = max(min(p.first for p in precise if p.first), lo)
        end = min(max(p.last for p in precise if p.last), hi)
        if start >= end:
            start = date.fromordinal(start.toordinal() - 1)
            end = date.fromordinal(end.toordinal() + 1)
        lanes.start, lanes.end = start, end
    return lanes


def timeline_svg(
    entries: list[TimelineEntry],
    link: Callable[[str], str] = lambda article: f"#a-{article}",
    numbers: dict[str, int] | None = None,
    published: Iterable[str] = (),
) -> str:
    """The timeline chart as an HTML <figure> (inline SVG, then the entries kept off the axis).

    `link` turns an article id into its address; `numbers` gives the citation number shown for
    it (default: its id); `published` are the articles' publication dates (the story's window).
    Empty when there is no entry.
    """
    entries = list(entries)
    if not entries:
        return ""
    lanes = timeline_lanes(entries, published)
    numbers = numbers or {}

    def cites(point: Point) -> str:
        return "".join(
            f'<a class="tl-cite" href="{escape(link(s))}">[{escape(str(numbers.get(s, s)))}]</a>'
            for s in sorted(point.sources, key=lambda s: (numbers.get(s, 0), s))
        )

    parts = ['<figure class="tl">']
    if lanes.main and lanes.start and lanes.end:
        parts.append(_svg(lanes.main, lanes.start, lanes.end, link, numbers))
    apart = [
        ("Background", "before the story's weeks", lanes.background),
        ("Dated after the newest report", "plans, or dates misread", lanes.later),
        ("Undated", "no readable date", lanes.undated),
    ]
    for title, why, points in apart:
        if points:
            items = "".join(
                f"<li>{escape(_label(p))}: "
                + escape(" / ".join(dict.fromkeys(e.text for e in p.entries)))
                + f" {cites(p)}</li>"
                for p in points
            )
            parts.append(
                f'<div class="tl-apart"><strong>{title}</strong> <small>({why})</small>'
                f"<ul>{items}</ul></div>"
            )
    parts.append(
        '<figcaption class="tl-caption">A dot is a day, a bar the month or year a happening can '
        "only be placed in; hollow when the date is inferred; the numbers are the sources."
        "</figcaption></figure>"
    )
    return "".join(parts)


def _label(point: Point) -> str:
    text = human_date(point.date) if point.granularity in ("day", "month", "year") else point.date
    if point.granularity not in ("day", "month", "year"):
        text += f" ({point.granularity})"
    if len(point.entries) > 1:
        text += f" ×{len(point.entries)}"
    return text


def _svg(
    points: list[Point],
    start: date,
    end: date,
    link: Callable[[str], str],
    numbers: dict[str, int],
) -> str:
    span = max(end.toordinal() - start.toordinal(), 1)

    def x(day: date) -> float:
        """Where a day falls, in percent of the width (kept 2% off each edge)."""
        share = (min(max(day, start), end).toordinal() - start.toordinal()) / span
        return 2 + 96 * share

    height = _AXIS + _ROW * len(points) + 4
    out = [
        f'<svg class="tl-chart" width="100%" height="{height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12" '
        f'aria-label="timeline from {escape(human_date(start.isoformat()))} '
        f'to {escape(human_date(end.isoformat()))}">',
        f'<text x="0" y="13" fill="{_INK}">{escape(human_date(start.isoformat()))}</text>',
        f'<text x="100%" y="13" text-anchor="end" fill="{_INK}">'
        f"{escape(human_date(end.isoformat()))}</text>",
        f'<line x1="2%" y1="24" x2="98%" y2="24" stroke="{_INK}" stroke-width="1"/>',
    ]
    out += [
        f'<line x1="{x(tick):.2f}%" y1="20" x2="{x(tick):.2f}%" y2="28" stroke="{_INK}" '
        f'stroke-width="1"/>'
        for tick in _ticks(start, end)
    ]
    for row, point in enumerate(points):
        y = _AXIS + row * _ROW
        fill = "none" if point.inferred else _MARK
        tip = "\n".join(f"{point.date}: {e.text}" for e in point.entries)
        first_source = point.sources[0] if point.sources else None
        mark_y = y + 22
        out.append(f'<g class="tl-row"><title>{escape(tip)}</title>')
        out.append(
            f'<line x1="2%" y1="{mark_y}" x2="98%" y2="{mark_y}" stroke="{_TRACK}" '
            f'stroke-width="1"/>'
        )
        label = escape(_label(point))
        links = "".join(
            f' <a href="{escape(link(s))}"><tspan fill="{_MARK}">'
            f"[{escape(str(numbers.get(s, s)))}]</tspan></a>"
            for s in sorted(point.sources, key=lambda s: (numbers.get(s, 0), s))
        )
        out.append(f'<text x="0" y="{y + 11}" fill="{_INK}">{label}{links}</text>')
        assert point.first is not None and point.last is not None
        if point.first == point.last:
            mark = (
                f'<circle class="tl-mark" cx="{x(point.first):.2f}%" cy="{mark_y}" r="5" '
                f'fill="{fill}" stroke="{_MARK}" stroke-width="1.5"/>'
            )
        else:
            left, right = x(point.first), x(point.last)
            mark = (
                f'<rect class="tl-mark" x="{left:.2f}%" y="{mark_y - 4}" '
                f'width="{max(right - left, 0.8):.2f}%" height="8" rx="2" fill="{fill}" '
                f'fill-opacity="0.5" stroke="{_MARK}"/>'
            )
        if first_source is not None:
            mark = f'<a href="{escape(link(first_source))}">{mark}</a>'
        out.append(mark + "</g>")
    out.append("</svg>")
    return "".join(out)


def _ticks(start: date, end: date) -> list[date]:
    """A tick per day for up to two months, else per month, else per year."""
    first, last = start.toordinal(), end.toordinal()
    if last - first <= 62:
        return [date.fromordinal(d) for d in range(first, last + 1)]
    if last - first <= 3 * 365:
        months = []
        year, month = start.year, start.month
        while (day := date(year, month, 1)) <= end:
            if day >= start:
                months.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months
    return [date(y, 1, 1) for y in range(start.year + 1, end.year + 1)]
