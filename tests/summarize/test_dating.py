"""What a story tells about its articles' and events' dates (summarize/dating.py)."""

from __future__ import annotations

from dataclasses import replace

from newsweave.model import Article, Claim, Event, TimelineEntry
from newsweave.summarize.dating import (
    bound_by_events,
    complete_datelines,
    date_events,
    retie_events,
)


def _a(id: str, text: str, published: str | None = None, span: list[str] | None = None) -> Article:
    return Article(
        id=id, source=f"{id}.txt", text=text, published=published, published_range=span or []
    )


def test_a_year_less_dateline_takes_the_story_year() -> None:
    members = [
        _a("a", "The Tollmouth pier collapsed, the harbour board said.", "2024-12-31"),
        _a("b", "TOLLMOUTH, Jan 2: Divers searched the harbour for a second day."),
    ]
    dated = {a.id: a for a in complete_datelines(members)}
    assert dated["b"].published == "2025-01-02"  # nearest to the story, across the new year
    assert dated["b"].published_basis == "dateline, year from the story"
    assert dated["a"] is members[0]


def test_an_undated_event_is_dated_by_its_own_lead_not_by_background_years() -> None:
    members = [
        _a("a", "The harbour board closed the Tollmouth ferry on the 17th, officials said."),
        _a("b", "The ferry had run since 2010. It carried 500 people a day."),
    ]
    events = [Event(id="e1", title="t", date=None, articles=["a"])]
    timeline = [
        TimelineEntry(
            "2025-04-17", "The harbour board closed the Tollmouth ferry on the 17th", ["a"]
        ),
        TimelineEntry("2010", "The ferry had run since 2010.", ["b"], granularity="year"),
    ]
    (event,) = date_events(events, timeline, members)
    assert event.date == "2025-04-17"
    background_only = [Event(id="e2", title="t", date=None, articles=["b"])]
    (event,) = date_events(background_only, timeline, members)
    assert event.date is None  # a bare year in a lead is background


def test_an_event_is_dated_by_what_the_rest_of_the_story_says_of_its_happening() -> None:
    members = [
        _a("a", "Marrowby's lightning raid on the Kessel dam ended in a ceasefire, Vask said."),
        _a("b", "The Kessel dam raid last September was a lightning strike and ceasefire."),
        _a("c", "Vask said the Marrowby talks would resume, Vask officials said."),
        _a("d", "Vask officials and Marrowby officials met again, Vask said."),
    ]
    events = [
        Event(id="e1", title="t", date=None, articles=["a"]),
        Event(id="e2", title="t", date="2025-04-17", articles=["b", "c", "d"]),
    ]
    timeline = [
        TimelineEntry(
            "2024-09",
            "The Kessel dam raid last September was a lightning strike and ceasefire.",
            ["b"],
            granularity="month",
        ),
    ]
    dated = date_events(events, timeline, members)  # one other article: one voice, no date
    assert [(e.id, e.date) for e in dated] == [("e2", "2025-04-17"), ("e1", None)]
    timeline.append(
        TimelineEntry(
            "2024-09",
            "Vask said Marrowby's lightning raid on the dam came in September.",
            ["c"],
            granularity="month",
        )
    )
    dated = date_events(events, timeline, members)  # two articles tell it: the date holds
    assert [(e.id, e.date) for e in dated] == [("e1", "2024-09"), ("e2", "2025-04-17")]


def test_one_article_telling_an_old_happening_at_length_does_not_date_an_event() -> None:
    members = [
        _a("a", "Sirens wailed across Kessel as a Marrowby rocket flew over, fishermen said."),
        _a("b", "Sirens wailed as the Marrowby rocket flew over Kessel on Tuesday."),
        _a("c", "Fishermen heard sirens as a Marrowby rocket flew over Kessel on Tuesday."),
        _a("d", "Marrowby first fired a rocket over Kessel in August 1998."),
        _a("e", "The Vask council met about harbour fees."),
        _a("f", "Vask traders sold fish at the market."),
    ]
    events = [
        Event(id="e1", title="t", date=None, articles=["a"]),
        Event(id="e2", title="t", date="2025-04-15", articles=["b", "c", "d", "e", "f"]),
    ]
    old = "In August 1998 sirens wailed and fishermen watched as a rocket flew over Kessel"
    timeline = [
        TimelineEntry("1998-08", old, ["d"], granularity="month", also=[old + " again."]),
        TimelineEntry("1998-08", old + ", Vask said.", ["d"], granularity="month"),
        TimelineEntry("2025-04-15", "Sirens wailed as the Marrowby rocket flew over", ["b"]),
        TimelineEntry("2025-04-15", "Fishermen heard sirens as a rocket flew over", ["c"]),
    ]
    dated = {e.id: e.date for e in date_events(events, timeline, members)}
    assert dated["e1"] == "2025-04-15"  # two articles' clauses, not one article's many words


def test_an_event_is_dated_by_its_lead_told_in_another_wording_of_a_merged_row() -> None:
    lead = "Marrowby's troops took the Kessel dam in a raid last September, Vask said."
    members = [
        _a("a", lead),
        _a("b", "The dam changed hands in September after a one-day raid by Marrowby troops."),
    ]
    events = [Event(id="e1", title="t", date=None, articles=["a"])]
    timeline = [  # one row for the month: the other article's wording leads, the lead's is kept
        TimelineEntry(
            "2024-09",
            "The dam changed hands in September after a one-day raid by Marrowby troops.",
            ["a", "b"],
            granularity="month",
            also=[lead],
        ),
    ]
    (event,) = date_events(events, timeline, members)
    assert event.date == "2024-09"


def test_an_undated_article_is_published_no_earlier_than_its_event() -> None:
    members = [_a("a", "x", span=["2024-01-01", ""]), _a("b", "y", "2025-04-18")]
    events = [Event(id="e1", title="t", date="2025-04-17", articles=["a", "b"])]
    bounded = {a.id: a for a in bound_by_events(members, events)}
    assert bounded["a"].published_range == ["2025-04-17", ""]
    assert bounded["a"].published_basis == "story: after the event it reports"
    assert bounded["b"] is members[1]


def test_an_undated_event_whose_leads_tell_different_days_becomes_one_event_per_day() -> None:
    members = [
        _a("a", "The Tollmouth ferry pier collapsed on the 3rd, the harbour board said."),
        _a("b", "Divers raised the sunken Tollmouth ferry on the 9th, the harbour board said."),
        _a("c", "Harbour board divers raised the sunken ferry from Tollmouth bay, crews said."),
        _a("d", "The Tollmouth choir sang at the harbour."),
    ]
    event = Event(id="e1", title="t", date=None, articles=["a", "b", "c", "d"])
    timeline = [
        TimelineEntry("2025-04-03", "The Tollmouth ferry pier collapsed on the 3rd", ["a"]),
        TimelineEntry("2025-04-09", "Divers raised the sunken Tollmouth ferry on the 9th", ["b"]),
    ]
    events = date_events([event], timeline, members)
    assert [(e.date, e.articles) for e in events] == [
        ("2025-04-03", ["a"]),
        ("2025-04-09", ["b", "c"]),  # c's lead dates nothing but tells what b's tells
        (None, ["d"]),  # like neither: undated
    ]
    assert events[0].id == "e1"  # the part with the first article keeps the event's id
    assert events[1].title.startswith("Divers raised")  # titled by its own lead
    one_day = [replace(timeline[1], date="2025-04-04")]  # a day apart: one happening
    (whole,) = date_events([event], [timeline[0], *one_day], members)
    assert whole.articles == event.articles and whole.date == "2025-04-04"


def test_the_timeline_and_claims_of_a_split_event_follow_their_sources() -> None:
    before = [Event(id="e1", title="t", date=None, articles=["a", "b", "c"])]
    after = [
        Event(id="e1", title="t", date="2025-04-03", articles=["a"]),
        Event(id="e2", title="u", date="2025-04-09", articles=["b", "c"]),
    ]
    timeline = [
        TimelineEntry("2025-04-09", "raised", ["b", "c"], event="e1"),
        TimelineEntry("2025-04-05", "both", ["a", "b"], event="e1"),
        TimelineEntry("2025-04-01", "other", ["z"], event="e7"),
    ]
    claims = [Claim(text="raised", sources=["a", "b", "c"], event="e1")]
    entries, moved = retie_events(timeline, claims, before, after)
    assert [e.event for e in entries] == ["e2", None, "e7"]
    assert moved[0].event == "e2"  # most of its sources
    assert retie_events(timeline, claims, after, after) == (timeline, claims)
