"""Quoted spans in a paragraph, for the quote marks of every language and broken pairs.

Reads “…” and "…" (English), « … » and » … « (French, German), „ … “ (German), ‘ … ’ and
‚ … ‘ (single, British and German), and the common breakages of scraped text: a closing mark
typed as an opening one (“…“, ”…”), mixed straight and curly marks, and a quotation that
opens a paragraph and runs to its end without a closing mark (the multi-paragraph convention,
or an excerpt cut short). Apostrophes (don’t, workers’) never open or close a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opening mark -> marks that may close it
_CLOSERS = {
    "“": '”“"',
    "”": "”",
    '"': '"”“',
    "«": "»",
    "»": "«",
    "„": '“”"',
    "‘": "’‘'",
    "‚": "‘’",
    "'": "'’",
}
_SINGLE = frozenset("‘‚'")
_MAX_CHARS = 3000  # a quotation longer than this is a mismatched pair, not a quote


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A quotation in a paragraph: the span of its text (marks excluded), and how it ended."""

    start: int
    end: int
    closed: bool = True


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and text[i] not in "«»" and not _spaced_opening(text, i):
        return False
    if text[i] in "'’" and before.isalnum():
        return False  # an apostrophe: don't, Reuters'
    return not before.isalnum() or text[i] in "«„"


def _spaced_opening(text: str, i: int) -> bool:
    """A typed space after an opening curly mark ('said. “ I love it.”'): a space, then a word
    at a sentence start or after a space, and a closing mark later."""
    return (
        text[i] == "“"
        and (i == 0 or text[i - 1].isspace())
        and text[i + 1 : i + 2] == " "
        and text[i + 2 : i + 3].isalnum()
        and "”" in text[i + 2 :]
    )


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and text[i] not in "«»":
        return False
    return not after.isalnum()


_MARKS = re.compile(r"[“”\"«»„‘’‚']")


def find_quoted(paragraph: str) -> list[QuotedSpan]:
    """Quoted spans of one paragraph, left to right, not nested."""
    marks = [m.start() for m in _MARKS.finditer(paragraph)]
    spans: list[QuotedSpan] = []
    n, k = len(paragraph), 0
    while k < len(marks):
        i = marks[k]
        mark = paragraph[i]
        if mark not in _CLOSERS or not _can_open(paragraph, i):
            k += 1
            continue
        closers = _CLOSERS[mark]
        limit = min(n, i + _MAX_CHARS)
        close, broken = -1, False
        for at in range(k + 1, len(marks)):
            j = marks[at]
            if j >= limit:
                break
            c = paragraph[j]
            if c in closers and _can_close(paragraph, j):
                close = at
                break
            if mark in _SINGLE and c in '“"«„':
                broken = True  # a double quotation inside an unclosed single mark: not a quote
                break
        if close >= 0:
            spans.append(QuotedSpan(i + 1, marks[close]))
            k = close + 1
        elif not broken and n - i < _MAX_CHARS and _runs_on(paragraph, i, marks[k + 1 :]):
            spans.append(QuotedSpan(i + 1, n, closed=False))  # runs on to the next paragraph
            break
        else:
            k += 1
    return spans


def closed_quotations(text: str) -> list[tuple[int, int]]:
    """The closed quotations of a whole text, paragraph by paragraph, as (start, end) offsets
    into it (marks excluded)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for paragraph in text.split("\n"):
        spans += [(at + q.start, at + q.end) for q in find_quoted(paragraph) if q.closed]
        at += len(paragraph) + 1
    return spans


def _runs_on(paragraph: str, i: int, later: list[int]) -> bool:
    """Whether an opening mark with no closing one starts a quotation that goes on in the next
    paragraph: the paragraph opens with it, or it is a double mark after a colon or a comma
    with no double mark after it ('Ekk said: “We ...', '... ,” he wrote, “Sam ...')."""
    if i == _first_visible(paragraph):
        return True
    return (
        paragraph[i] not in _SINGLE
        and not any(paragraph[j] not in _SINGLE and paragraph[j] != "’" for j in later)
        and bool(_LEAD_IN.search(paragraph, 0, i))
    )


_LEAD_IN = re.compile(r"[,:]\s*$")


def _first_visible(paragraph: str) -> int:
    return len(paragraph) - len(paragraph.lstrip())
