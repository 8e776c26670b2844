"""The timeline chart, drawn server-side as SVG geometry (no chart library, no script)."""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.model import TimelineEntry

ROW = 22  # height of one date row, in SVG units
LABEL = 96  # width of the date label column
BAR = 360  # width of the longest bar


@dataclass(slots=True)
class Bar:
    """One date of the timeline: how many happenings and distinct sources, and its rectangle."""

    date: str
    entries: int
    sources: int
    y: int
    width: int


@dataclass(slots=True)
class Chart:
    """Horizontal bars, one per date, sized by the number of distinct sources."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int = LABEL
    row: int = ROW


def timeline_chart(timeline: list[TimelineEntry]) -> Chart:
    """One bar per timeline date (oldest first), as long as the sources that date it."""
    by_date: dict[str, tuple[int, set[str]]] = {}
    for entry in timeline:
        count, sources = by_date.get(entry.date, (0, set()))
        by_date[entry.date] = (count + 1, sources | set(entry.sources))
    most = max((len(s) for _, s in by_date.values()), default=1) or 1
    bars = [
        Bar(date, count, len(sources), y=i * ROW, width=max(2, round(BAR * len(sources) / most)))
        for i, (date, (count, sources)) in enumerate(sorted(by_date.items()))
    ]
    return Chart(bars=bars, width=LABEL + BAR + 40, height=max(ROW, ROW * len(bars)))
