"""Time expressions of articles, sentence by sentence, normalised against the article's anchor.

`find_dates` keeps the calendar expressions (YYYY, YYYY-MM, YYYY-MM-DD) the timeline uses;
`time_expressions` keeps every tagged expression (durations, quarters, references too).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from newsweave.extract.anchor import Anchor, article_anchor
from newsweave.extract.timex import tag_times
from newsweave.model import TimeExpression
from newsweave.text import sentence_spans, split_sentences

__all__ = ["TimeMention", "find_dates", "sentence_dates", "time_expressions"]

_CALENDAR = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?")


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression: its ISO value ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') and where it was."""

    value: str
    text: str
    sentence: str
    inferred_year: bool = False


def time_expressions(
    text: str, published: str | None = None, anchor: Anchor | None = None, inferred: bool = False
) -> list[TimeExpression]:
    """Every time expression in `text`, sentence by sentence, against `anchor` or `published`."""
    anchor = anchor or article_anchor(published, inferred)
    uncertain = anchor is None or not anchor.exact
    spans = sentence_spans(text)
    starts = [a for a, _, _ in spans]
    found: list[TimeExpression] = []
    for timex in tag_times(text, anchor):
        if anchor is None and timex.relative:
            continue  # nothing to resolve a relative expression against
        i = bisect_right(starts, timex.start) - 1  # spans are sorted and disjoint
        sentence = spans[i][2] if i >= 0 and timex.start < spans[i][1] else ""
        found.append(
            TimeExpression(
                text=timex.text,
                value=timex.value,
                kind=timex.kind,
                granularity=timex.granularity,
                start=timex.start,
                end=timex.end,
                sentence=sentence,
                relative=timex.relative,
                inferred=uncertain and timex.relative,
            )
        )
    return found


def find_dates(
    text: str, published: str | None = None, anchor: Anchor | None = None
) -> list[TimeMention]:
    """Calendar dates in `text` (durations and vague references left out), resolved to ISO."""
    mentions = []
    for expr in time_expressions(text, published, anchor):
        if expr.kind not in ("DATE", "TIME") or expr.granularity in ("week", "ref", "decade"):
            continue
        found = _CALENDAR.match(expr.value)
        if found is None:
            continue
        mentions.append(
            TimeMention(
                value=found.group(0),
                text=expr.text,
                sentence=expr.sentence,
                inferred_year=expr.inferred,
            )
        )
    return mentions


def sentence_dates(
    text: str, published: str | None = None, anchor: Anchor | None = None
) -> list[tuple[str, str | None]]:
    """Each sentence with the date it talks about: its own first date, else the publication date."""
    dated: dict[str, str] = {}
    for mention in find_dates(text, published, anchor):
        dated.setdefault(mention.sentence, mention.value)
    return [(s, dated.get(s, published)) for s in split_sentences(text)]
