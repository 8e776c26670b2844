"""Events inside a story: grouped by the day they report and their leads, dated and titled."""

from __future__ import annotations

from newsweave.cluster.events import split_events
from newsweave.cluster.stream import ClusterConfig

from .fixtures import article

CLOSED = (
    "Inspectors closed the Harlow Street bridge in Marrowby after finding a cracked support "
    "beam, the council said. Drivers were sent through the Kessel tunnel instead."
)
CLOSED_2 = (
    "The Harlow Street bridge in Marrowby was shut after inspectors found a cracked beam, "
    "council engineers said. Traffic was diverted to the Kessel tunnel."
)
REOPENED = (
    "The Harlow Street bridge in Marrowby reopened to traffic after the cracked support beam "
    "was replaced, the council said. Crews finished the repair two days early."
)
REOPENED_2 = (
    "Cars crossed the Harlow Street bridge again as Marrowby reopened it after replacing the "
    "beam, council officials said. The repair cost less than planned."
)
CAPTION = "Photo: Ines Varga / Marrowby Post. "


def test_articles_group_by_the_happening_they_report_each_dated() -> None:
    items = [
        article("c1", CLOSED, published="2025-03-03"),
        article("c2", CLOSED_2, published="2025-03-04"),
        article("r1", REOPENED, published="2025-04-14"),
        article("r2", REOPENED_2, published="2025-04-14"),
    ]
    events = split_events(items, ClusterConfig())
    assert [sorted(e.articles) for e in events] == [["c1", "c2"], ["r1", "r2"]]
    assert [e.date for e in events] == ["2025-03-03", "2025-04-14"]


def test_an_undated_article_joins_the_event_on_the_weekday_its_lead_names() -> None:
    undated = (
        "Marrowby council reopened the Harlow Street bridge on Monday after the beam was "
        "replaced, officials said. Crews had worked through the weekend."
    )
    items = [
        article("c1", CLOSED, published="2025-03-03"),
        article("c2", CLOSED_2, published="2025-03-03"),
        article("r1", REOPENED, published="2025-04-14"),  # a Monday
        article("u1", undated, published=None),
    ]
    events = split_events(items, ClusterConfig())
    (reopening,) = [e for e in events if "r1" in e.articles]
    assert "u1" in reopening.articles and reopening.date == "2025-04-14"


def test_event_titles_are_lead_sentences_never_captions_or_stamps() -> None:
    items = [
        article("c1", CAPTION + CLOSED, published="2025-03-03"),
        article("c2", " date 2025-03-03 " + CLOSED_2, published="2025-03-03"),
    ]
    (event,) = split_events(items, ClusterConfig())
    assert not event.title.startswith(("Photo", " date", "date"))
    assert "bridge" in event.title
