"""Events inside a story: grouped by the day they report and their leads, dated and titled."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from newsweave.cluster.events import background, lead_days, split_events
from newsweave.cluster.features import day_number
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


FIRED = (
    "The board of Quillon Labs fired its chief executive Dara Venn on Friday, saying she had "
    "not been candid with directors. Investors in the Tarvik company were caught off guard."
)
FIRED_2 = (
    "Quillon Labs dismissed Dara Venn as chief executive late on Friday, the company's board "
    "said in a short statement. Staff learned of the decision from a blog post."
)
REHIRED = (
    "Dara Venn returned as chief executive of Quillon Labs on Thursday under a deal with the "
    "board, the company said. Two directors agreed to step down."
)


def test_an_event_is_dated_by_the_happening_its_leads_report_not_by_publication() -> None:
    items = [
        article("f1", FIRED, published="2025-03-08"),  # a Saturday: the lead reports Friday
        article("f2", FIRED_2, published="2025-03-08"),
        article("r1", REHIRED, published="2025-03-20"),  # the Thursday itself
    ]
    events = split_events(items, ClusterConfig())
    assert [(sorted(e.articles), e.date) for e in events] == [
        (["f1", "f2"], "2025-03-07"),
        (["r1"], "2025-03-20"),
    ]


LETTER = (
    "Hundreds of Quillon Labs staff signed a letter on Monday threatening to quit unless the "
    "board resigned, employees said. The letter was shared on an internal forum."
)
LETTER_2 = (
    "Most of Quillon Labs' workforce signed a letter on Monday asking the board to step down, "
    "organisers said. Signatures kept coming in through the afternoon."
)


def test_reports_a_day_apart_of_happenings_days_apart_are_two_events() -> None:
    items = [
        article("f1", FIRED, published="2025-03-08"),  # Saturday: the lead reports Friday
        article("f2", FIRED_2, published="2025-03-09"),  # Sunday: still Friday's firing
        article("l1", LETTER, published="2025-03-10"),  # Monday: Monday's letter
        article("l2", LETTER_2, published="2025-03-10"),
    ]
    events = split_events(items, ClusterConfig())
    assert [(sorted(e.articles), e.date) for e in events] == [
        (["f1", "f2"], "2025-03-07"),
        (["l1", "l2"], "2025-03-10"),
    ]


def test_the_weekday_after_publication_is_the_next_day_where_clocks_are_ahead() -> None:
    late = (
        "Tarvia fired a rocket over the Ostrel islands Friday morning local time, the Ostrel "
        "defence ministry said. The launch was the second in a month."
    )
    next_day = (
        "A rocket launched by Tarvia flew over the Ostrel islands on Friday, officials in "
        "Ostrel said. Sirens sounded in two towns."
    )
    items = [
        article("t1", late, published="2025-03-13"),  # a Thursday, where the page was dated
        article("t2", next_day, published="2025-03-14"),
    ]
    (event,) = split_events(items, ClusterConfig())
    assert event.date == "2025-03-14"


def test_an_undated_article_joins_the_articles_that_report_the_same_happening() -> None:
    undated = (
        "Quillon Labs' board removed chief executive Dara Venn on Friday, citing a breakdown "
        "of trust. Employees were told in a short message."
    )
    items = [
        article("f1", FIRED, published="2025-03-10"),  # Monday: three days after the Friday
        article("f2", FIRED_2, published="2025-03-10"),
        article("r1", REHIRED, published="2025-03-20"),
        article("u1", undated, published=None),
    ]
    events = split_events(items, ClusterConfig())
    (firing,) = [e for e in events if "f1" in e.articles]
    assert sorted(firing.articles) == ["f1", "f2", "u1"]
    assert firing.date == "2025-03-07"


def test_a_weekday_in_background_does_not_date_the_news() -> None:
    toll = (
        "The number of drivers diverted since the Harlow Street bridge closed on Monday rose "
        "to 40,000, the Marrowby council said. Queues reached the Kessel tunnel."
    )
    items = [
        article("c1", CLOSED, published="2025-03-03"),  # the Monday
        article("t1", toll, published="2025-03-06"),  # a Thursday
    ]
    days, happened = lead_days(items, np.zeros((2, 2)))
    assert days == [day_number("2025-03-03"), day_number("2025-03-06")]
    assert happened == days  # the toll's news is the day it was reported, not Monday


def test_background_clauses_are_told_from_the_lead_s_own_news() -> None:
    def dated(sentence: str, word: str) -> bool:
        start = sentence.index(word)
        return not background(sentence, start, start + len(word))

    assert dated("The council closed the bridge on Monday, officials said.", "Monday")
    assert dated("Shares fell on Friday, after the board fired its chief.", "Friday")
    assert dated("After a night of searching, divers found the car on Thursday.", "Thursday")
    assert not dated("The toll from the storm that struck the coast on Monday rose.", "Monday")
    assert not dated("Venn was hired after the board ousted him, in a vote, on Friday.", "Friday")
    assert not dated("Workers missing after Tuesday's collapse are presumed dead.", "Tuesday")
    assert not dated("After the vote on Friday the board met again.", "Friday")
    assert not dated("Le bilan du séisme qui a frappé lundi a encore augmenté.", "lundi")


def test_an_event_title_is_a_reporting_lead_without_its_dateline() -> None:
    items = [
        article("f1", "MARROWBY (Kessel Wire) — " + FIRED, published="2025-03-08"),
        article("f2", FIRED_2, published="2025-03-08"),
    ]
    (event,) = split_events(items, ClusterConfig())
    assert event.title.startswith(("The board of Quillon Labs", "Quillon Labs dismissed"))


def test_an_undated_report_in_another_script_joins_the_event_its_names_and_numbers_tell() -> None:
    closed = CLOSED + " About 14,000 cars a day used the bridge, engineer Talia Vossen said."
    reopened = REOPENED + " The Kessel tunnel detour carried 9,300 cars a day, Oskar Brandt said."
    russian = (
        "В Марроуби снова открыт мост на улице Харлоу. По словам мэра Оскара Брандта, по объезду "
        "через туннель Кессель ежедневно проезжали 9 300 машин."
    )
    items = [
        article("c1", closed, published="2025-03-03"),
        article("c2", CLOSED_2, published="2025-03-04"),
        article("r1", reopened, published="2025-04-14"),
        article("r2", REOPENED_2, published="2025-04-14"),
        replace(article("g1", russian, published=None), language="ru"),
    ]
    items = [a if a.language else replace(a, language="en") for a in items]
    events = split_events(items, ClusterConfig())
    (reopening,) = [e for e in events if "r1" in e.articles]
    assert "g1" in reopening.articles


PORT = (
    "The port of Selvane reopened to cargo ships on Tuesday after divers cleared the wrecked "
    "tug from the harbour mouth, the harbour master said. Twelve freighters waited offshore."
)
PORT_2 = (
    "Cargo ships began entering Selvane harbour again on Tuesday once the sunken tug was "
    "lifted clear, port officials said. A queue of freighters formed at dawn."
)
MINISTER = (
    "Ostrava's finance minister Liro Danek resigned on Tuesday over a loan scandal, telling "
    "parliament he would not let the inquiry hang over the cabinet."
)
STRIKE = (
    "Rail workers across Ostrava walked out on Tuesday in a dispute over night-shift pay, "
    "leaving commuters stranded at Pell Cross station."
)


def test_one_outlet_s_articles_of_a_day_are_not_one_happening_by_their_day_alone() -> None:
    items = [
        article("p1", PORT, published="2025-06-03", outlet="Dunmore Wire"),
        article("m1", MINISTER, published="2025-06-03", outlet="dunmore wire"),
        article("s1", STRIKE, published="2025-06-03", outlet="www.Dunmore Wire"),
    ]
    events = split_events(items, ClusterConfig())
    assert sorted(sorted(e.articles) for e in events) == [["m1"], ["p1"], ["s1"]]
    # without outlets, the same day is all that links them: one event, as before
    unknown = [replace(a, outlet=None) for a in items]
    assert [sorted(e.articles) for e in split_events(unknown, ClusterConfig())] == [
        ["m1", "p1", "s1"]
    ]


def test_reports_of_one_happening_by_several_outlets_stay_one_event() -> None:
    items = [
        article("p1", PORT, published="2025-06-03", outlet="Dunmore Wire"),
        article("p2", PORT_2, published="2025-06-03", outlet="Kestrel Times"),
        article("m1", MINISTER, published="2025-06-03", outlet="Dunmore Wire"),
        article("s1", STRIKE, published="2025-06-03", outlet="Dunmore Wire"),
    ]
    (port,) = [e for e in split_events(items, ClusterConfig()) if "p1" in e.articles]
    assert "p2" in port.articles
