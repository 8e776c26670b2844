"""The top of a story's brief, shared by the Markdown, HTML and web renderers.

The story in three lines (what happened, when, how many independent sources), and for each
disagreement who said which value and when. Plain data: each renderer escapes and lays it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from newsweave.model import Article, Discrepancy, Story, SummarySentence

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
# "RIVERTON, Westmark, May 4 (Wire) — " before a lead sentence: the dateline, not the news
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,[^—–\n]{0,60})?\s[—–-]{1,2}\s+(?=\S)")
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


def independent_sources(story: Story) -> int:
    """How many independent sources a story has: each copy group counts once."""
    copies = sum(len(group) - 1 for group in story.duplicates)
    return len(story.articles) - copies


@dataclass(slots=True)
class Overview:
    """The story in three lines: what happened, when, and from how many sources."""

    what: SummarySentence
    when: str
    sources: str


def story_overview(story: Story, by_id: dict[str, Article]) -> Overview:
    """What happened (the lead summary sentence), when, and how many independent sources."""
    if story.summary:
        lead = story.summary[0]
        what = replace(lead, text=_DATELINE.sub("", lead.text, count=1))
    else:
        what = SummarySentence(story.title, list(story.articles))
    members = [by_id[a] for a in story.articles if a in by_id]
    published = sorted(a.published for a in members if a.published)
    happened = sorted(
        t.date
        for t in story.timeline
        if t.granularity == "day" and _ISO.match(t.date) and t.date.count("-") == 2
    )
    if published:  # happenings the sources could have seen: not after the newest report
        happened = [d for d in happened if d <= published[-1]]
        recent = [d for d in happened if d >= _days_before(published[0], 31)]
        happened = recent or happened[-1:]
    parts = []
    if happened:
        parts.append(date_range(happened[0], happened[-1]))
    if published:
        parts.append(f"reported {date_range(published[0], published[-1])}")
    when = "; ".join(parts) if parts else "no date found"
    outlets = {a.outlet for a in members if a.outlet}
    independent = independent_sources(story)
    sources = (
        f"{independent} independent {'source' if independent == 1 else 'sources'} "
        f"({len(story.articles)} {'article' if len(story.articles) == 1 else 'articles'}"
        + (f", {len(outlets)} {'outlet' if len(outlets) == 1 else 'outlets'}" if outlets else "")
        + ")"
    )
    return Overview(what=what, when=when, sources=sources)


def _days_before(value: str, days: int) -> str:
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return date.fromordinal(day.toordinal() - days).isoformat()


@dataclass(slots=True)
class Said:
    """One source's wording of a disputed value, and when it said it."""

    article: str
    wording: str
    when: str  # the article's publication date as people write it, or "undated"
    outlet: str | None = None
    sentence: str | None = None


@dataclass(slots=True)
class SaidValue:
    """One of the disputed values, with every source that gave it, oldest first."""

    value: str
    independent: int
    said: list[Said] = field(default_factory=list)


def who_said_when(d: Discrepancy, by_id: dict[str, Article]) -> list[SaidValue]:
    """For each value of a disagreement: who gave it, in which words, and on which date."""
    out = []
    for v in d.values:
        wordings = v.wording or {s: v.text for s in v.sources}
        said = [
            Said(
                article=a,
                wording=w,
                when=human_date(by_id[a].published if a in by_id else None),
                outlet=by_id[a].outlet if a in by_id else None,
                sentence=v.sentences.get(a),
            )
            for a, w in wordings.items()
        ]
        said.sort(
            key=lambda s: (by_id[s.article].published or "9999") if s.article in by_id else ""
        )
        out.append(SaidValue(v.value, v.independent, said))
    return out
