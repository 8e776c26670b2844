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
from newsweave.cluster.events import lead_title
from newsweave.extract.anchor import Anchor, parse_iso
from newsweave.model import Article, Claim, Event, TimelineEntry, content_id
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
_MIN_VOTERS = 2  # other articles whose dated clauses must tell a lead's happening to date it
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
    """The events, an undated one dated by the happening its members' leads tell, or split
    into one event per day when its members' leads tell different days.

    A lead that dates itself (a month or day in a member's first sentences; a bare year there
    is background, "since 2020") gives its latest such date; otherwise each other article
    whose timeline entry shares at least `min_shared` key words with the leads (words most of
    the story uses left out) votes once for that entry's date; a clear winner with at least
    two voters dates the event. Undated articles are grouped by their leads alone
    (`cluster/events.py`), so a story told without dates can hold several happenings in one
    event: when its members' leads date themselves to days more than a day apart (or to
    other months), each day becomes an event, and members whose lead dates nothing one more.
    Events are returned oldest first, undated last.
    """
    by_id = {a.id: a for a in members}
    # words most of the story's articles use say nothing about which happening a lead tells
    df = Counter(k for a in members for k in keys(a.text))
    common = {k for k, n in df.items() if n > len(members) / 2}
    out: list[Event] = []
    for event in events:
        if event.date is not None:
            out.append(event)
            continue
        told = {
            a: _told_date([a], timeline, by_id, common, min_shared)
            for a in event.articles
            if len(event.articles) > 1
        }
        days = _by_day(told, by_id, min_shared)
        if len(days) > 1:
            out += _split_by_day(event, days, by_id)
        else:
            out.append(
                replace(event, date=_told_date(event.articles, timeline, by_id, common, min_shared))
            )
    return sorted(out, key=lambda e: (e.date is None, e.date or "", e.id))


def _told_date(
    articles: Sequence[str],
    timeline: Sequence[TimelineEntry],
    by_id: dict[str, Article],
    common: set[str],
    min_shared: int,
) -> str | None:
    """The date the leads of `articles` tell: their own latest date, else the clear vote."""
    leads = _leads(articles, by_id)
    own = [
        e.date
        for e in timeline
        if e.granularity in ("day", "month")
        and set(e.sources) & set(articles)
        and any(_told_in(told, s) for told in (e.text, *e.also) for s in leads)
    ]
    if own:
        return max(own)
    lead_keys = set().union(*(keys(s) for s in leads)) - common if leads else set()
    # each other article whose dated clause shares `min_shared` key words with the leads votes
    # once for that date: a background clause one article tells at length ("first fired over
    # the islands in August of 1998") shares many words but has one voice
    voters: dict[str, set[str]] = {}
    for e in timeline:
        if e.granularity in ("day", "month") and not set(e.sources) & set(articles):
            told = set().union(*(keys(t) for t in (e.text, *e.also)))
            if len(lead_keys & told) >= min_shared:
                voters.setdefault(e.date, set()).update(e.sources)
    votes = {day: len(sources) for day, sources in voters.items()}
    ranked = sorted(votes.values(), reverse=True) + [0, 0]
    if ranked[0] >= _MIN_VOTERS and ranked[0] > ranked[1]:
        return max(votes, key=lambda d: votes[d])
    return None


def _leads(articles: Sequence[str], by_id: dict[str, Article]) -> list[str]:
    """The titles and first sentences of `articles`: where each tells its happening."""
    return [
        s
        for a in articles
        if a in by_id
        for s in [by_id[a].title or "", *split_sentences(by_id[a].text)[:_LEAD_SENTENCES]]
        if s
    ]


def _by_day(
    told: dict[str, str | None], by_id: dict[str, Article], min_shared: int
) -> list[list[tuple[str, str | None]]]:
    """Articles with the date their lead tells, grouped: days a day apart, or a month and a day
    in it, are one. When there are several groups, an article whose lead dates nothing joins
    the group whose leads share the most key words with its own (the story's common words
    count: the groups differ by happening, not by topic; at least `min_shared`, a clear
    winner); the rest are one more group, last."""
    groups: list[list[tuple[str, str | None]]] = []
    for article, value in sorted(((a, v) for a, v in told.items() if v), key=lambda kv: kv[1]):
        group = next((g for g in groups if _same_day(g[-1][1] or "", value)), None)
        if group is None:
            groups.append([(article, value)])
        else:
            group.append((article, value))
    if len(groups) < 2:
        return groups
    lead_keys = {a: set().union(*map(keys, _leads([a], by_id))) for a in told}
    keys_of = [set().union(*(lead_keys[a] for a, _ in g)) for g in groups]
    rest: list[tuple[str, str | None]] = []
    for article in (a for a, v in told.items() if v is None):
        shared = [len(lead_keys[article] & k) for k in keys_of]
        ranked = sorted(shared, reverse=True)
        if ranked[0] >= min_shared and ranked[0] > ranked[1]:
            groups[shared.index(ranked[0])].append((article, None))
        else:
            rest.append((article, None))
    return groups + [rest] if rest else groups


def _same_day(a: str, b: str) -> bool:
    """Whether two dates ("YYYY-MM" or "YYYY-MM-DD") may tell the same happening."""
    if len(a) != len(b):
        return a.startswith(b) or b.startswith(a)
    if len(a) < 10:
        return a == b
    first, second = parse_iso(a), parse_iso(b)
    return first is not None and second is not None and abs((first - second).days) <= 1


def _split_by_day(
    event: Event, days: list[list[tuple[str, str | None]]], by_id: dict[str, Article]
) -> list[Event]:
    """One event per group of days its members' leads tell (dated by the latest), order kept;
    the part with the event's first article keeps its id."""
    out = []
    for group in days:
        members = {a for a, _ in group}
        ordered = [a for a in event.articles if a in members]
        titles = [t for a in ordered if a in by_id and (t := lead_title(by_id[a]))]
        title = event.title if event.title in titles else next(iter(titles), event.title)
        out.append(
            Event(
                id=event.id
                if ordered[0] == event.articles[0]
                else "e" + content_id(ordered[0])[:11],
                title=title,
                date=max((v for _, v in group if v), default=None),
                articles=ordered,
            )
        )
    return out


def retie_events(
    timeline: Sequence[TimelineEntry],
    claims: Sequence[Claim],
    before: Sequence[Event],
    after: Sequence[Event],
) -> tuple[list[TimelineEntry], list[Claim]]:
    """Timeline entries and claims of an event that `date_events` split, moved to the part
    that holds their sources (an entry: all of them; a claim: most of them)."""
    kept = {(e.id, tuple(e.articles)) for e in after}
    split = {e.id for e in before if (e.id, tuple(e.articles)) not in kept}
    if not split:
        return list(timeline), list(claims)
    entries = []
    for entry in timeline:
        if entry.event in split:
            owner = [e.id for e in after if set(entry.sources) <= set(e.articles)]
            entry = replace(entry, event=owner[0] if len(owner) == 1 else None)
        entries.append(entry)
    moved = []
    for claim in claims:
        if claim.event in split:
            counts = [(len(set(claim.sources) & set(e.articles)), e.id) for e in after]
            best = max(counts, key=lambda c: c[0], default=(0, None))
            claim = replace(claim, event=best[1] if best[0] else None)
        moved.append(claim)
    return entries, moved


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
