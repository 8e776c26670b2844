"""The timeline: clauses around dates, merged across articles, vague days dated by corroboration."""

from __future__ import annotations

from datetime import date

from newsweave.extract import ExtractConfig, extract_articles
from newsweave.extract.anchor import Anchor
from newsweave.model import Article, Event
from newsweave.summarize.dating import Clue, refine_day, vague_day
from newsweave.summarize.timeline import TimelineConfig, build_timeline

BRIDGE = (
    "The Orlen bridge over the Vask river reopened on March 4, 2025 after a two-year closure.\n"
    "Engineers had closed it in May 2023 when cracks appeared in two of its piers.\n"
    "Copyright © 2025 Vask Valley Courier. All rights reserved."
)
BRIDGE_REWRITE = (
    "Traffic returned to the Orlen bridge across the Vask river on March 4, 2025, ending a "
    "two-year closure.\nThe bridge had been closed in May 2023 after cracks were found in its "
    "piers, the council said."
)
# undated pages: the same announcement told with a weekday here and a day of month there
FERRY_A = (
    "The Tollmouth ferry service will stop running, the harbour board said on Wednesday.\n"
    "Harbour master Ines Varga confirmed the decision to reporters."
)
FERRY_B = (
    "On the 17th, the harbour board announced that the Tollmouth ferry service will stop "
    "running.\nThe harbour board said the wind-down of the ferry service began in April."
)


def article(id: str, text: str, published: str | None = None, inferred: bool = False) -> Article:
    """An invented article as the timeline gets it: after the extract stage."""
    raw = Article(
        id=id,
        source=f"{id}.txt",
        text=text,
        published=published,
        published_inferred=inferred,
        title=text.split(".")[0],
    )
    return next(extract_articles([raw], ExtractConfig(entities="none")))


def test_entries_merge_across_articles_with_all_sources() -> None:
    timeline = build_timeline(
        [article("a1", BRIDGE, "2025-03-05"), article("a2", BRIDGE_REWRITE, "2025-03-05")]
    )
    reopened = [e for e in timeline if e.date == "2025-03-04"]
    assert len(reopened) == 1 and reopened[0].sources == ["a1", "a2"]
    assert reopened[0].granularity == "day" and not reopened[0].inferred
    closed = [e for e in timeline if e.date == "2023-05"]
    assert closed and closed[0].granularity == "month" and set(closed[0].sources) == {"a1", "a2"}
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)


def test_boilerplate_lines_never_make_an_entry() -> None:
    timeline = build_timeline([article("a1", BRIDGE, "2025-03-05")])
    assert not any("Copyright" in e.text or "©" in e.text for e in timeline)
    assert not any(e.date == "2025" for e in timeline)


def test_publication_dates_make_entries_from_the_headline() -> None:
    timeline = build_timeline([article("a1", BRIDGE, "2025-03-05")])
    (published,) = [e for e in timeline if e.date == "2025-03-05"]
    assert published.text.startswith("The Orlen bridge")
    assert (
        build_timeline(
            [article("a1", BRIDGE, "2025-03-05")], config=TimelineConfig(publication=False)
        )
        != timeline
    )


def test_long_sentences_are_cut_to_the_clause_of_their_date() -> None:
    text = (
        "The council, which had promised in April 2024 that the works would take a year, "
        "said the bridge finally reopened on March 4, 2025, to the relief of commuters, "
        "shop owners, bus drivers and the many cyclists who had made a long detour every "
        "day for two years."
    )
    timeline = build_timeline(
        [article("a1", text, "2025-03-05")], config=TimelineConfig(publication=False)
    )
    april = next(e for e in timeline if e.date == "2024-04")
    assert "March" not in april.text and len(april.text.split()) < len(text.split())


def test_vague_days_are_dated_by_corroborating_articles_of_the_event() -> None:
    items = [article("fa", FERRY_A), article("fb", FERRY_B)]
    anchor = Anchor(date(2024, 1, 1), date(2024, 12, 31))
    clues = [Clue(FERRY_A.split("\n")[0], "", True), Clue(FERRY_B.split("\n")[1], "2024-04", False)]
    assert refine_day("on the 17th", FERRY_B.split("\n")[0], anchor, clues) == date(2024, 4, 17)
    # without the month clue: Wednesdays that are the 17th in 2024 are in January, April, July
    assert refine_day("on the 17th", FERRY_B.split("\n")[0], anchor, clues[:1]) is None
    assert vague_day("on Wednesday") and not vague_day("June 12")
    # undated pages and no story anchor: nothing to resolve a weekday against
    timeline = build_timeline(items, [Event("e1", "ferry", None, ["fa", "fb"])])
    assert all(e.date[:4].isdigit() for e in timeline)


def test_an_entry_takes_the_event_of_its_sources_when_the_date_fits() -> None:
    items = [article("a1", BRIDGE, "2025-03-05"), article("a2", BRIDGE_REWRITE, "2025-03-05")]
    events = [Event("ev", "Bridge reopens", "2025-03-04", ["a1", "a2"])]
    timeline = build_timeline(items, events)
    assert next(e for e in timeline if e.date == "2025-03-04").event == "ev"
    assert next(e for e in timeline if e.date == "2023-05").event is None


# ----------------------------------------------------------------- rows a reader can trust


def test_nothing_is_dated_after_the_story_unless_it_is_a_plan() -> None:
    a = article(
        "a",
        "The Tollmouth ferry stopped running on March 3, 2025, the harbour board said.\n"
        "A new ferry will start on June 1, 2025, the board said.\n"
        "The board reviews the timetable on June 9, 2025 each year.",
        published="2025-03-04",
    )
    dates = {e.date for e in build_timeline([a])}
    assert "2025-03-03" in dates and "2025-06-01" in dates  # a stated plan stays
    assert "2025-06-09" not in dates


def test_an_inferred_publication_day_anchors_as_exactly_as_a_stated_one() -> None:
    a = article(
        "a",
        "The Tollmouth ferry hit the pier on March 26, the harbour board said on Wednesday.",
        published="2025-03-27",
        inferred=True,
    )
    dates = {e.date for e in build_timeline([a])}
    assert "2025-03-26" in dates and not any(d.startswith("2026") for d in dates)


def test_a_bare_weekday_is_the_last_one_not_the_next() -> None:
    a = article(
        "a", "The harbour board met on Friday to close the Tollmouth ferry.", published="2025-05-08"
    )  # a Thursday
    assert "2025-05-02" in {e.date for e in build_timeline([a])}


def test_caption_dates_and_counts_make_no_entries() -> None:
    a = article(
        "a",
        "Ines Varga waits at the Tollmouth pier, on February 7, 2025. – Crews searched the "
        "harbour all night, the board said.\n"
        "Une force de 2000 hommes est arrivée au port le 9 février.",
        published="2025-02-09",
    )
    dates = {e.date for e in build_timeline([a])}
    assert "2025-02-07" not in dates and "2000" not in dates


def test_context_from_well_before_the_story_is_marked_background() -> None:
    a = article(
        "a",
        "The Vask river flooded Tollmouth in 2019, the council said on March 3, 2025.\n"
        "The council raised the Tollmouth walls on March 2, 2025.",
        published="2025-03-04",
    )
    rows = {e.date: e.background for e in build_timeline([a])}
    assert rows["2019"] and not rows["2025-03-02"]


def test_a_bare_year_is_one_row_keeping_every_wording_and_source() -> None:
    texts = [
        "The Orlen bridge reopened on March 4, 2025. It was built in 1961 by the Vask council.",
        "The Orlen bridge reopened on March 4, 2025. Its steel came from the Tarn works in 1961.",
        "The Orlen bridge reopened on March 4, 2025. Floods closed it for a month in 1987.",
        "The Orlen bridge reopened on March 4, 2025. A ferry carried cars across until 1961.",
    ]
    timeline = build_timeline(
        [article(f"a{i}", text, "2025-03-05") for i, text in enumerate(texts, start=1)]
    )
    (built,) = [e for e in timeline if e.date == "1961"]
    assert built.granularity == "year" and built.sources == ["a1", "a2", "a4"]
    told = " | ".join([built.text, *built.also])
    assert "built in 1961" in told and "Tarn works" in told and "ferry" in told
    assert len(built.also) == 2 and built.text not in built.also
    (floods,) = [e for e in timeline if e.date == "1987"]  # another year stays its own row
    assert floods.also == []
    days = [e for e in timeline if e.date == "2025-03-04"]
    assert len(days) == 1 and days[0].also == []  # a day's rows still merge by their words


def test_a_dateline_stamps_the_report_and_is_never_part_of_an_entry() -> None:
    a = article(
        "a",
        "TOLLMOUTH, Velmaria, Feb. 9 (Kessel Wire) - The harbour board closed the Tollmouth "
        "ferry on Tuesday after a storm damaged the pier.",
        published="2025-02-09",
    )
    (tuesday,) = [e for e in build_timeline([a]) if e.date == "2025-02-04"]
    assert tuesday.text.startswith("The harbour board closed")


def test_a_clause_cut_from_its_sentence_says_so_and_keeps_a_short_subject() -> None:
    text = (
        "Ines Varga, the harbour master whose boat sank on Tuesday morning while the storm "
        "raged over the bay, was allowed back on the pier on Thursday with a police escort.\n"
        "Inspectors found cracks in the pier last March, with repairs pencilled in for the "
        "summer of 2025."
    )
    article = Article(id="a", source="a.txt", text=text, published="2025-03-14")
    (extracted,) = extract_articles([article], ExtractConfig(entities="none"))
    entries = {e.date: e.text for e in build_timeline([extracted])}
    assert entries["2025-03-13"].startswith("Ines Varga … was allowed back on the pier")
    assert entries["2025"].startswith("… with repairs pencilled in")


def test_a_date_inside_a_quotation_is_the_speaker_s_not_a_timeline_entry() -> None:
    text = (
        "The Tollmouth pier reopened on Wednesday after repairs, the harbour board said.\n"
        "“On Monday I did not think we would open at all,” said harbour master Ines Varga."
    )
    article = Article(id="a", source="a.txt", text=text, published="2025-03-14")
    (extracted,) = extract_articles([article], ExtractConfig(entities="none"))
    dates = {e.date for e in build_timeline([extracted])}
    assert "2025-03-12" in dates  # Wednesday, told by the report
    assert "2025-03-10" not in dates  # Monday, said inside the quotation
