"""What changed between a brief and an earlier one (invented briefs), and the CLI options."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from tests.helpers import run

from newsweave.changes import check_since, compare_briefs, read_brief, with_changes
from newsweave.errors import InputError
from newsweave.model import (
    Article,
    Brief,
    Claim,
    Discrepancy,
    DiscrepancyValue,
    Figure,
    Story,
    TimelineEntry,
)
from newsweave.render import render


def art(id: str, title: str) -> Article:
    return Article(id=id, source=f"{id}.txt", text=title + ".", title=title, outlet="Courier")


def fig(value: float, text: str, article: str) -> Figure:
    return Figure(value=value, text=text, counts="passengers stranded", article=article)


EARLIER = Brief(
    articles=[art("a1", "Ferry stuck off Tollmouth"), art("b1", "Lantern festival returns")],
    stories=[
        Story(
            id="s-old",
            title="Ferry stuck off Tollmouth",
            articles=["a1"],
            timeline=[TimelineEntry("2025-05-04", "The ferry ran aground off Tollmouth.", ["a1"])],
            figures=[fig(120, "120", "a1")],
        ),
        Story(id="s-fest", title="Lantern festival returns", articles=["b1"]),
    ],
)
CURRENT = Brief(
    articles=[*EARLIER.articles, art("a2", "Ferry refloated"), art("c1", "Bridge reopens")],
    stories=[
        Story(
            id="s-new-id",
            title="Ferry stuck off Tollmouth",
            articles=["a1", "a2"],
            timeline=[
                TimelineEntry("2025-05-04", "The ferry ran aground off Tollmouth.", ["a1", "a2"]),
                TimelineEntry("2025-05-06", "Tugs refloated the ferry at high tide.", ["a2"]),
            ],
            figures=[fig(120, "120", "a1"), fig(300, "about 300", "a2")],
            discrepancies=[
                Discrepancy(
                    "passengers stranded",
                    [
                        DiscrepancyValue("120", "120", ["a1"]),
                        DiscrepancyValue("300", "300", ["a2"]),
                    ],
                )
            ],
        ),
        Story(id="s-fest", title="Lantern festival returns", articles=["b1"]),
        Story(id="s-bridge", title="Bridge reopens", articles=["c1"]),
    ],
)


def test_changes_are_matched_by_shared_articles_not_ids() -> None:
    changes = compare_briefs(CURRENT, EARLIER)
    kinds = [(c.kind, c.story) for c in changes]
    assert ("new-story", "s-bridge") in kinds
    assert ("new-source", "s-new-id") in kinds
    assert not any(c.story == "s-fest" for c in changes)
    facts = [c for c in changes if c.kind == "new-fact"]
    assert [f.text for f in facts] == ["6 May 2025: Tugs refloated the ferry at high tide."]
    (moved,) = [c for c in changes if c.kind == "figure-moved"]
    assert (moved.before, moved.after, moved.sources) == ("120", "300", ["a2"])
    assert moved.text.startswith("passengers stranded: 120 → 300, Courier")
    assert not any(c.kind == "new-conflict" for c in changes)  # a move, not a new disagreement


def test_a_disagreement_among_new_sources_only_is_a_new_conflict() -> None:
    later = Brief(
        articles=[*CURRENT.articles, art("a3", "Ferry towed"), art("a4", "Ferry towed home")],
        stories=[
            Story(
                id="s-x",
                title="Ferry stuck off Tollmouth",
                articles=["a1", "a2", "a3", "a4"],
                discrepancies=[
                    Discrepancy(
                        "tugs used",
                        [
                            DiscrepancyValue("2", "two", ["a3"]),
                            DiscrepancyValue("3", "three", ["a4"]),
                        ],
                    )
                ],
            )
        ],
    )
    (conflict,) = [c for c in compare_briefs(later, CURRENT) if c.kind == "new-conflict"]
    assert conflict.text.startswith("tugs used: 2 (Courier") and conflict.sources == ["a3", "a4"]


def test_a_copy_of_an_earlier_article_is_not_a_new_source_and_old_facts_are_not_new() -> None:
    story = replace(
        CURRENT.stories[0],
        articles=["a1", "a2", "a1copy"],
        duplicates=[["a1", "a1copy"]],
        timeline=[
            TimelineEntry("2025-05-04", "The ferry ran aground off Tollmouth.", ["a1", "a1copy"]),
            TimelineEntry("2025-05-06", "Tugs refloated the ferry at high tide.", ["a2"]),
        ],
        claims=[Claim("Tugs refloated the ferry at high tide on Tuesday.", ["a2"])],
    )
    brief = replace(CURRENT, articles=[*CURRENT.articles, art("a1copy", "Ferry stuck")])
    changes = compare_briefs(replace(brief, stories=[story]), EARLIER)
    assert [c.sources for c in changes if c.kind == "new-source"] == [["a2"]]
    assert [c.sources for c in changes if c.kind == "new-article"] == [["a1copy"]]
    facts = [c.text for c in changes if c.kind == "new-fact"]
    assert facts == ["Tugs refloated the ferry at high tide on Tuesday."]  # told once


def test_labels_are_plain_words_in_every_format() -> None:
    brief = with_changes(CURRENT, EARLIER, "2025-05-05")
    md = render(brief, "md")
    assert "**Figure changed**" in md and "**New source**" in md
    assert "new-fact" not in md and "figure-moved" not in md
    html = render(brief, "html")
    assert "Figure changed" in html and "figure-moved" not in html


def test_nothing_changes_against_itself() -> None:
    assert compare_briefs(CURRENT, CURRENT) == []


def test_earlier_brief_round_trips_through_its_json_file(tmp_path: Path) -> None:
    path = tmp_path / "earlier.json"
    path.write_text(render(EARLIER, "json"), encoding="utf-8")
    brief = with_changes(CURRENT, read_brief(path), str(path))
    assert brief.since == str(path) and brief.changes == compare_briefs(CURRENT, EARLIER)
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="not a newsweave JSON brief"):
        read_brief(tmp_path / "bad.json")


def test_since_wants_an_iso_date() -> None:
    assert check_since("2025-05-05") == "2025-05-05"
    with pytest.raises(InputError):
        check_since("05/05/2025")


def _page(folder: Path, name: str, published: str, title: str, body: str) -> None:
    record = {"title": title, "published": published, "outlet": "Courier", "text": body}
    with (folder / "pages.jsonl").open("a", encoding="utf-8") as out:
        out.write(json.dumps(record) + "\n")


def test_cli_since_and_against(tmp_path: Path) -> None:
    body = (
        "The Tollmouth ferry Saint Brendan ran aground on a sandbank off Tollmouth on "
        "May 4, 2025, with 120 passengers on board, the harbour board said.\n"
        "Coastguard crews from Tollmouth and Wexby stood by the stranded ferry overnight.\n"
        "Passengers were given blankets and hot drinks while engineers checked the hull, and "
        "the harbour board said no one had been hurt in the grounding."
    )
    later = (
        "Tugs refloated the Tollmouth ferry Saint Brendan from the sandbank off Tollmouth on "
        "May 6, 2025, the harbour board said, after it ran aground with 120 passengers.\n"
        "Coastguard crews from Tollmouth and Wexby escorted the ferry back to harbour.\n"
        "Divers found a long scrape along the hull, and the harbour board said the ferry would "
        "stay in dock for repairs until the end of the month."
    )
    _page(tmp_path, "a", "2025-05-04", "Ferry aground off Tollmouth", body)
    _page(tmp_path, "b", "2025-05-06", "Ferry refloated off Tollmouth", later)
    pages = str(tmp_path / "pages.jsonl")
    code, out, err = run("-q", "brief", pages, "--format", "json", "--since", "2025-05-05")
    assert code == 0, err
    data = json.loads(out)
    assert data["since"] == "2025-05-05"
    new = [c for c in data["changes"] if c["kind"] in ("new-source", "new-article", "new-story")]
    assert new and all(len(c["sources"]) >= 1 for c in new)
    earlier = tmp_path / "earlier.json"
    code, _, err = run("-q", "brief", pages, "--format", "json", "-o", str(earlier))
    assert code == 0, err
    code, out, err = run("-q", "brief", pages, "--format", "json", "--against", str(earlier))
    assert code == 0 and json.loads(out)["changes"] == []
    code, _, err = run("-q", "brief", pages, "--since", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in err


def test_since_on_the_bundled_example_is_one_line_per_new_fact(examples: Path) -> None:
    code, out, err = run("-q", "brief", str(examples), "--since", "2025-03-13")
    assert code == 0, err
    section = out.split("## What changed since 2025-03-13", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("- ")]
    assert 3 <= len(lines) <= 40
    assert all(line.startswith("- **") for line in lines)  # a plain label on every line
    assert not any("new-fact" in line or "changed-figure" in line for line in lines)
    sentences = [
        s.strip()
        for line in lines
        for s in re.split(r"(?<=[.!?])\s+", re.sub(r"^- \*\*[^*]+\*\*: ", "", line))
        if len(s.split()) >= 4
    ]
    assert len(sentences) == len(set(sentences)), "a sentence is repeated"
    facts = [line for line in lines if line.startswith("- **New fact**")]
    bodies = [re.sub(r"^- \*\*New fact\*\*: (?:\d+ \w+ \d{4}: )?", "", f) for f in facts]
    assert len(bodies) == len(set(bodies))  # at most one line per new fact
    cited = [int(n) for line in lines for n in re.findall(r"\[(\d+)\]$", line)]
    sources = out.split("## Sources", 1)[1]
    old = {n for n in cited if re.search(rf"^{n}\. .*\(2025-03-1[0-2]", sources, re.M)}
    assert not any(  # a new fact never cites an article from before the date
        re.search(rf"\[{n}\]", f) for f in facts for n in old
    )
