"""Dating the vague: which day "on Wednesday" or "on the 17th" means when the anchor is a range,
and what the story tells about the dates of its articles and events.

An article without a trusted publication date has a range anchor (say 2023-10..2024-09), so a
weekday or a bare day of the month could be any of dozens of days. Other articles of the same
event often say the same thing with another part of the date: "the Kremlin said on Wednesday"
here, "on the 17th, the Kremlin announced" there, "the withdrawal, which commenced in April"
elsewhere in the story. `refine_day` intersects those constraints; a day that stays ambiguous
is left undated rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsweave.clean.dates import dateline
from newsweave.extract.anchor import Anchor, parse_iso
from newsweave.model import Article, Event, TimelineEntry
from newsweave.text import (
    MONTH_NAMES,
    WEEKDAY_NAMES,
    content_words,
    jaccard,
    month_number,
    split_sentences,
)

_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAY_NAMES) + r")\b")
_DAY_OF_MONTH = re.compile(r"\b(?:the\s+)?([0-3]?\d)(?:st|nd|rd|th)\b")
_MONTH = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DEICTIC = re.compile(r"\b(?i:today|yesterday|tomorrow|tonight|same\s+day|this\s+morning)\b")
_LEAD_SENTENCES = 3  # the title and these first sentences tell an article's happening
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


def complete_datelines(members: Sequence[Article]) -> list[Article]:
    """The story's articles, a year-less dateline ("Baltimore, Mar 26:") given the story's year.

    The year is the one that puts the month and day closest to the story's dated articles.
    """
    days = sorted(
        d for a in members if (d := parse_iso(a.published)) and len(a.published or "") >= 10
    )
    if not days:
        return list(members)
    middle = days[len(days) // 2]
    out = []
    for article in members:
        found = dateline(article.text) if article.published is None else None
        if found is None or found[2] is not None:
            out.append(article)
            continue
        month, day, _ = found
        options = []
        for year in (middle.year - 1, middle.year, middle.year + 1):
            try:
                options.append(date(year, month, day))
            except ValueError:
                continue
        if not options:
            out.append(article)
            continue
        best = min(options, key=lambda d: abs((d - middle).days))
        out.append(
            replace(
                article,
                published=best.isoformat(),
                published_inferred=True,
                published_range=[best.isoformat()] * 2,
                published_basis="dateline, year from the story",
            )
        )
    return out


def date_events(
    events: Sequence[Event],
    timeline: Sequence[TimelineEntry],
    members: Sequence[Article],
    min_shared: int = 3,
) -> list[Event]:
    """The events, an undated one dated by the happening its members' leads tell.

    A lead that dates itself (a month or day in a member's first sentences; a bare year there
    is background, "since 2020") gives its latest such date; otherwise the dates the other
    events' timeline entries give to the lead's happening vote with the key words they share
    with the leads (words most of the story uses left out); a clear winner with at least
    `min_shared` votes dates the event.
    Events are returned oldest first, undated last.
    """
    by_id = {a.id: a for a in members}
    # words most of the story's articles use say nothing about which happening a lead tells
    df = Counter(k for a in members for k in keys(a.text))
    common = {k for k, n in df.items() if n > len(members) / 2}
    out = []
    for event in events:
        if event.date is not None:
            out.append(event)
            continue
        leads = [
            s
            for a in event.articles
            if a in by_id
            for s in [by_id[a].title or "", *split_sentences(by_id[a].text)[:_LEAD_SENTENCES]]
            if s
        ]
        own = [
            e.date
            for e in timeline
            if e.granularity in ("day", "month")
            and set(e.sources) & set(event.articles)
            and any(_told_in(told, s) for told in (e.text, *e.also) for s in leads)
        ]
        date_ = max(own, default=None)
        if date_ is None:
            lead_keys = set().union(*(keys(s) for s in leads)) - common if leads else set()
            votes: dict[str, int] = {}
            for e in timeline:
                if e.granularity in ("day", "month") and not set(e.sources) & set(event.articles):
                    told = set().union(*(keys(t) for t in (e.text, *e.also)))
                    votes[e.date] = votes.get(e.date, 0) + len(lead_keys & told)
            ranked = sorted(votes.values(), reverse=True) + [0, 0]
            if ranked[0] >= min_shared and ranked[0] > ranked[1]:
                date_ = max(votes, key=lambda d: votes[d])
        out.append(replace(event, date=date_))
    return sorted(out, key=lambda e: (e.date is None, e.date or "", e.id))


def bound_by_events(members: Sequence[Article], events: Sequence[Event]) -> list[Article]:
    """The articles, an undated one's publication range starting no earlier than its event."""
    start = {a: e.date for e in events if e.date for a in e.articles}
    out = []
    for article in members:
        event_day = parse_iso(start.get(article.id))
        if article.published or event_day is None:
            out.append(article)
            continue
        lo, hi = (article.published_range + ["", ""])[:2]
        low = parse_iso(lo)
        high = parse_iso(hi)
        if (low is None or event_day > low) and (high is None or event_day <= high):
            out.append(
                replace(
                    article,
                    published_range=[event_day.isoformat(), hi],
                    published_basis="story: after the event it reports",
                )
            )
        else:
            out.append(article)
    return out


def _told_in(entry: str, sentence: str) -> bool:
    """Whether a timeline entry's text comes from `sentence` (a clause of it, maybe cut)."""
    core = entry.removesuffix(" …").strip()
    return bool(core) and (core in sentence or core[1:] in sentence)
