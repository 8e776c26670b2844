"""Renderers: the JSON contract, and page text escaped in Markdown and HTML."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from newsweave.errors import RenderError
from newsweave.model import (
    Article,
    Brief,
    Change,
    Claim,
    CopyRelation,
    Discrepancy,
    DiscrepancyValue,
    Dropped,
    Event,
    Figure,
    Quote,
    SourceGroup,
    Story,
    SummarySentence,
    TimelineEntry,
)
from newsweave.render import render, validate_brief
from newsweave.render.timeline_svg import date_span, timeline_lanes, timeline_svg

XSS = '<script>window.pwned=1</script><img src=x onerror="alert(1)"></textarea>[click](javascript:alert(1))'


def hostile_brief() -> Brief:
    article = Article(
        id="a1",
        source=f"pages/{XSS}.txt",
        text=f"Body {XSS}\nSecond paragraph.",
        title=f"Title {XSS}",
        outlet=f"Outlet {XSS}",
        credits=[XSS],
        published="2025-04-02",
        language="en",
    )
    story = Story(
        id="s1",
        title=f"Story {XSS}",
        articles=["a1"],
        events=[Event(id="e1", title=XSS, date="2025-04", articles=["a1"])],
        timeline=[TimelineEntry(date="2025-04-02", text=XSS, sources=["a1"], also=[XSS])],
        quotes=[Quote(text=XSS, speaker=XSS, article="a1")],
        figures=[Figure(value=3.0, text=XSS, counts=XSS, article="a1")],
        discrepancies=[
            Discrepancy(
                about=XSS,
                values=[DiscrepancyValue("1", XSS, ["a1"]), DiscrepancyValue("2", XSS, ["a1"])],
            )
        ],
        summary=[SummarySentence(text=XSS, sources=["a1"])],
    )
    return Brief(articles=[article], stories=[story], dropped=[Dropped(XSS, XSS)])


def full_brief(url: str = "https://news.example/ferry?a=1&b=2") -> Brief:
    """An invented two-source story with every section filled, page text hostile."""
    brief = hostile_brief()
    first = brief.articles[0]
    first.url = url
    copy = Article(id="a2", source="b.txt", text="Copy.", title="Copy", outlet="Wire", url=XSS)
    brief.articles.append(copy)
    story = brief.stories[0]
    story.articles.append("a2")
    story.duplicates = [["a1", "a2"]]
    story.lineage = [CopyRelation("a1", "a2", "verbatim", [XSS], passages=[XSS])]
    story.sources = [SourceGroup(["a1", "a2"], [f"a1 and a2 are both from {XSS}"])]
    story.timeline += [
        TimelineEntry("2024-09", XSS, ["a1"], inferred=True, granularity="month", event="e1"),
        TimelineEntry("1990", "the decade", ["a1"], granularity="decade"),
        TimelineEntry("2024-07", "a quarter", ["a1"], granularity="quarter"),
    ]
    story.summary.append(SummarySentence(XSS, ["a1", "a2"], generated=True))
    story.claims = [
        Claim(XSS, ["a1", "a2"], 1, "single-source", "e1", {"a1": XSS, "a2": XSS}),
        Claim("Both say so.", ["a1", "a3"], 2, "corroborated", None, {"a1": "x", "a3": XSS}),
    ]
    value = story.discrepancies[0].values[0]
    value.wording, value.sentences, value.independent = {"a1": XSS}, {"a1": XSS}, 1
    brief.changes = [Change("changed-figure", XSS, "s1", ["a1"], before=XSS, after="2")]
    brief.since = XSS
    return brief


def test_new_fields_follow_the_schema() -> None:
    data = json.loads(render(full_brief(), "json"))
    validate_brief(data)
    story = data["stories"][0]
    assert story["claims"][0]["kind"] == "single-source"
    assert story["claims"][0]["wording"]["a2"] == XSS
    assert story["discrepancies"][0]["values"][0]["independent"] == 1
    assert data["changes"][0]["kind"] == "changed-figure"
    data["stories"][0]["claims"][0]["independent"] = 0
    with pytest.raises(RenderError, match="claims/0/independent"):
        validate_brief(data)


def test_html_report_has_every_section_and_stays_escaped() -> None:
    page = render(full_brief(), "html")
    for heading in (
        "What changed",
        "Summary",
        "Timeline",
        "Where sources disagree",
        "Claims and their support",
        "Single-source facts",
        "Quote ledger",
        "Lineage",
        "Independent sources",
        "Sources",
    ):
        assert heading in page
    assert "<svg" in page and "<script" not in page and "<img" not in page
    assert "default-src 'none'" in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert "https://news.example/ferry?a=1&amp;b=2" in hrefs  # escaped link target
    assert all(h.startswith(("#", "https://")) for h in hrefs)  # never javascript: or a page value
    assert "generated" in page and "inferred" in page


def test_markdown_has_changes_claims_and_single_source_facts() -> None:
    text = render(full_brief(url="javascript:alert(1)"), "md")
    assert "## What changed" in text
    assert "#### Single-source facts" in text
    assert "### Claims and their support" in text
    assert "<script>" not in text
    assert "javascript:alert(1)" not in text  # neither the page text nor the non-http URL


def test_timeline_chart_spans_the_period_of_each_entry() -> None:
    assert date_span("2024-07", "quarter") == (date(2024, 7, 1), date(2024, 9, 30))
    assert date_span("2024-12", "season") == (date(2024, 12, 1), date(2025, 2, 28))
    assert date_span("1990", "decade") == (date(1990, 1, 1), date(1999, 12, 31))
    assert date_span("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_span("sometime") is None
    assert timeline_svg([]) == ""


def test_timeline_chart_has_one_row_per_date_with_a_count() -> None:
    entries = [
        TimelineEntry("2019", "Dunmere <b>choir</b> founded", ["a"], granularity="year"),
        TimelineEntry("2019", "Harlow bridge built", ["b"], granularity="year"),
        TimelineEntry("2021-03-02", "Bridge reopened", ["a"], inferred=True),
    ]
    html = timeline_svg(entries, published=["2019-06-01", "2021-03-05"])
    svg = html.split("</svg>")[0]
    assert svg.count("<rect") == 1 and svg.count("<circle") == 1
    assert "2019 ×2" in svg and "&lt;b&gt;choir" in svg and "<b>" not in html
    assert 'fill="none"' in svg  # the only entry on 2021-03-02 is inferred
    alone = timeline_svg(entries)  # no report date: the weeks before the latest day
    assert alone.split("</svg>")[0].count("<rect") == 0 and "Background" in alone


def test_markdown_without_changes_has_no_changes_section() -> None:
    assert "What changed" not in render(hostile_brief(), "md")


def test_json_follows_the_schema_and_keeps_text_verbatim() -> None:
    data = json.loads(render(hostile_brief(), "json"))
    validate_brief(data)
    assert data["schema"] == "newsweave.brief/1"
    assert data["articles"][0]["title"] == f"Title {XSS}"
    assert "figures" not in data["articles"][0]


def test_schema_rejects_a_broken_brief() -> None:
    data = json.loads(render(hostile_brief(), "json"))
    data["stories"][0]["summary"][0]["sources"] = []
    with pytest.raises(RenderError, match="summary/0/sources"):
        validate_brief(data)


def test_html_escapes_every_page_value() -> None:
    page = render(hostile_brief(), "html")
    assert "<script" not in page
    assert "<img" not in page
    assert 'onerror="' not in page
    assert "</textarea>" not in page
    assert "javascript:" not in re.findall(r'href="([^"]*)"', page).__str__()
    assert "&lt;script&gt;" in page
    assert "Content-Security-Policy" in page


def test_markdown_escapes_links_and_html() -> None:
    text = render(hostile_brief(), "md")
    assert "<script>" not in text
    assert "](javascript:" not in text
    assert r"\<script\>" in text


def test_a_timeline_row_shows_the_wordings_merged_into_it() -> None:
    assert "(also: " in render(hostile_brief(), "md")
    assert "<summary>1 more</summary>" in render(hostile_brief(), "html")


def test_unknown_format_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="unknown format 'pdf'"):
        render(hostile_brief(), "pdf")


def test_timeline_chart_keeps_background_late_and_undated_entries_off_the_axis() -> None:
    entries = [
        TimelineEntry("1988", "Old mill built at Dunmere", ["a"], granularity="year"),
        TimelineEntry("2025-06-02", "Mill fire breaks out", ["a", "b"]),
        TimelineEntry("2025-06-03", "Fire crews leave the mill", ["b"]),
        TimelineEntry("2025-09-01", "Inquiry due to report", ["b"]),
        TimelineEntry("sometime", "Owner promised repairs", ["c"]),
    ]
    lanes = timeline_lanes(entries, published=["2025-06-02", "2025-06-04"])
    assert [p.date for p in lanes.main] == ["2025-06-02", "2025-06-03"]
    assert [p.date for p in lanes.background] == ["1988"]
    assert [p.date for p in lanes.later] == ["2025-09-01"]
    assert [p.date for p in lanes.undated] == ["sometime"]
    assert (lanes.start, lanes.end) == (date(2025, 6, 2), date(2025, 6, 3))
    published = ["2025-06-02", "2025-06-04"]
    html = timeline_svg(entries, lambda a: f"/articles/{a}", {"a": 1, "b": 2}, published)
    chart = html.split("</svg>")[0]
    assert chart.count('class="tl-mark"') == 2  # only the story's own days are on the axis
    assert "1988" not in chart and "September" not in chart and "Owner" not in chart
    assert 'href="/articles/a"' in chart and ">[2]<" in chart  # points link to their sources
    assert "Background" in html and "Dated after the newest report" in html
    assert "Undated" in html and "Owner promised repairs" in html


def test_the_brief_opens_with_the_story_in_three_lines() -> None:
    brief = full_brief()
    md = render(brief, "md")
    story = md.split("\n## ", 2)[1 if "What changed" not in md else 2]
    head = story.splitlines()[2:5]
    assert [line.split("**")[1] for line in head] == ["What happened:", "When:", "Sources:"]
    assert "independent source" in head[2]
    html = render(brief, "html")
    assert html.index("What happened") < html.index("Where sources disagree")
    assert html.index("Where sources disagree") < html.index("<h3>Timeline")
    assert "<details><summary>Single-source facts" in html


def test_the_header_counts_source_groups_and_names_why() -> None:
    brief = full_brief()
    markdown = render(brief, "md")
    assert "1 independent source \\(2 articles" in markdown
    assert "- [1][2] count as one source: [1] and [2] are both from" in markdown
    brief.stories[0].sources = []  # a brief from before source groups: copies count once
    assert "1 independent source \\(2 articles" in render(brief, "md")


def test_long_citations_fold_copies_and_count_the_rest() -> None:
    from newsweave.model import Article, Brief, Story, SummarySentence
    from newsweave.render.markdown import citation_numbers

    articles = [Article(id=f"a{i:03d}", source=f"a{i}.txt", text="x") for i in range(60)]
    copies = [a.id for a in articles[:41]]  # a000 and its 40 copies
    others = [a.id for a in articles[41:]]  # 19 independent articles
    story = Story(
        id="s", title="t", articles=[a.id for a in articles], duplicates=[copies],
        summary=[SummarySentence("One.", ["a000"]), SummarySentence("Two.", copies + others)],
    )  # fmt: skip
    brief = Brief(articles=articles, stories=[story])
    numbers = citation_numbers(brief)
    shown, more = numbers.grouped(copies + others)
    assert shown[0] == ("a000", 40) and len(shown) == 12 and more == 8
    markdown = render(brief, "md")
    assert "[1] and 40 copies [42]" in markdown and "and 8 more" in markdown
    assert "and 40 copies" in render(brief, "html")


def test_a_conflict_value_names_its_first_sources_and_counts_the_rest() -> None:
    from newsweave.model import Article, Brief, Discrepancy, DiscrepancyValue, Story

    articles = [Article(id=f"a{i:02d}", source=f"a{i}.txt", text="x") for i in range(9)]
    many = DiscrepancyValue("300", "300", [a.id for a in articles[:8]],
                            wording={a.id: "300" for a in articles[:8]})  # fmt: skip
    one = DiscrepancyValue("120", "120", ["a08"], wording={"a08": "120"})
    story = Story(id="s", title="t", articles=[a.id for a in articles],
                  discrepancies=[Discrepancy("passengers", [many, one])])  # fmt: skip
    brief = Brief(articles=articles, stories=[story])
    assert "and 3 more sources" in render(brief, "md")
    assert "and 3 more sources" in render(brief, "html")


def test_a_copy_of_a_copy_is_counted_with_the_first_original() -> None:
    from newsweave.model import Article, Brief, CopyRelation, Story
    from newsweave.render.markdown import citation_numbers

    articles = [Article(id=f"a{i:02d}", source=f"a{i}.txt", text="x") for i in range(20)]
    chain = [CopyRelation("a00", "a01", "verbatim"), CopyRelation("a01", "a02", "verbatim")]
    story = Story(id="s", title="t", articles=[a.id for a in articles], lineage=chain)
    numbers = citation_numbers(Brief(articles=articles, stories=[story]))
    shown, more = numbers.grouped([a.id for a in articles])
    assert shown[0] == ("a00", 2) and all(i not in ("a01", "a02") for i, _ in shown)


def test_a_quote_carried_word_for_word_is_cited_once_and_only_rewordings_are_listed() -> None:
    from newsweave.model import QuoteVariant

    brief = full_brief()
    said = "We will reopen the ferry pier by Friday."
    brief.stories[0].quotes = [
        Quote(
            text=said,
            speaker="Ada Penrose",
            article="a1",
            variants=[
                QuoteVariant(text="we will reopen the ferry pier by Friday", article="a2"),
                QuoteVariant(text="We will reopen the pier on Friday.", article="a2"),
            ],
        )
    ]
    markdown = render(brief, "md")
    assert f"Ada Penrose: “{said}” [1][2]" in markdown.replace("\\", "")
    assert markdown.count("also reported as") == 1
    html = render(brief, "html")
    assert html.count("also reported as") == 1


def test_counts_read_in_their_number_and_say_which_articles_have_no_outlet() -> None:
    brief = full_brief()
    brief.stories = brief.stories[:1]
    markdown, html = render(brief, "md"), render(brief, "html")
    assert "1 story." in markdown and "1 story</p>" in html
    members = set(brief.stories[0].articles)
    for article in brief.articles:
        if article.id in members:
            article.outlet = None
    named = next(a for a in brief.articles if a.id in members)
    named.outlet = "Marrowby Mercury"
    assert "1 outlet, 1 with no outlet named\\)" in render(brief, "md")
