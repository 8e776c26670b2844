"""What a story tells about its articles' and events' dates (summarize/dating.py)."""

from __future__ import annotations

from newsweave.model import Article, Event, TimelineEntry
from newsweave.summarize.dating import bound_by_events, complete_datelines, date_events


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
    dated = date_events(events, timeline, members)
    assert [(e.id, e.date) for e in dated] == [("e1", "2024-09"), ("e2", "2025-04-17")]


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
