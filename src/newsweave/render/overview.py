"""The top of a story's brief, shared by the Markdown, HTML and web renderers.

The story in three lines (what happened, when, how many independent sources), and for each
disagreement who said which value and when. Plain data: each renderer escapes and lays it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from newsweave.dedup.independence import independent_count
from newsweave.model import (
    Article,
    CopyRelation,
    Discrepancy,
    Quote,
    QuoteVariant,
    Story,
    SummarySentence,
    Tally,
)
from newsweave.render.dates import date_range, human_date
from newsweave.render.timeline_svg import timeline_lanes
from newsweave.text import wording_key

# "RIVERTON, Westmark, May 4 (Wire) — " before a lead sentence: the dateline, not the news
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:,[^—–\n]{0,60})?\s[—–-]{1,2}\s+(?=\S)")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun in its number: "1 story", "2 stories", "1 outlet"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def independent_sources(story: Story) -> int:
    """How many independent sources a story has: its source groups (copies, one site, one
    wire credit count once; see dedup/independence.py)."""
    return independent_count(story)


def relation_phrase(relation: CopyRelation, original: str, copy: str, kind: str) -> str:
    """ "[2] is a partial copy of [1]", or for an undirected relation "[1] and [2] are ...";
    `kind` is the relation's kind as the renderer escapes it."""
    if relation.directed:
        return f"{copy} is a {kind} copy of {original}"
    return f"{original} and {copy} are {kind} copies of one another"


def quote_sources(quote: Quote) -> tuple[list[str], list[QuoteVariant]]:
    """The articles that carry a quotation word for word, and its differently worded variants."""
    same = [quote.article]
    other = []
    for variant in quote.variants:
        if wording_key(variant.text) == wording_key(quote.text):
            if variant.article not in same:
                same.append(variant.article)
        else:
            other.append(variant)
    return same, other


def with_citations(text: str, numbers: dict[str, int]) -> str:
    """`text` (escaped already) with every article id it names replaced by "[n]"."""
    for article_id, number in numbers.items():
        if article_id in text:
            text = text.replace(article_id, f"[{number}]")
    return text


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
    days = sorted(  # the happenings on the story's own time axis that are dated to the day
        p.date
        for p in timeline_lanes(story.timeline, published).main
        if p.granularity == "day" and p.first == p.last
    )
    parts = [date_range(days[0], days[-1])] if days else []
    if published:
        parts.append(f"reported {date_range(published[0], published[-1])}")
    when = "; ".join(parts) if parts else "no date found"
    outlets = {a.outlet for a in members if a.outlet}
    unnamed = sum(1 for a in members if not a.outlet)
    detail = [counted(len(story.articles), "article")]
    if outlets:
        detail.append(counted(len(outlets), "outlet"))
        if unnamed:  # "2 outlets" of 5 articles must not read as all five from two outlets
            detail.append(f"{unnamed} with no outlet named")
    sources = f"{counted(independent_sources(story), 'independent source')} ({', '.join(detail)})"
    return Overview(what=what, when=when, sources=sources)


@dataclass(slots=True)
class Said:
    """One source's wording of a disputed value, and when it said it."""

    article: str
    wording: str
    when: str  # the article's publication date as people write it, or "undated"
    outlet: str | None = None
    sentence: str | None = None
    credited: str | None = None  # who the source credits the figure to ("the ministry")


@dataclass(slots=True)
class SaidValue:
    """One of the disputed values, with every source that gave it, oldest first."""

    value: str
    independent: int
    said: list[Said] = field(default_factory=list)


def tally_rows(tally: Tally) -> list[tuple[str, str, list[str]]]:
    """A changing count as rows: the day (or "undated"), the value, the articles that gave it."""
    return [(human_date(p.day), p.value, p.sources) for p in tally.points]


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
                credited=v.attributed.get(a),
            )
            for a, w in wordings.items()
        ]
        said.sort(
            key=lambda s: (by_id[s.article].published or "9999") if s.article in by_id else ""
        )
        out.append(SaidValue(v.value, v.independent, said))
    return out
