"""Publication dates of flattened pages: every signal of the page, ranked, with the one that won.

`publication_date` reads, in order of trust:

1. a leading store stamp line (`date 2023-09-14 ...`): "date line";
2. a "Published ..." / "Posted ..." line near the top: "published line" ("Updated ..." only
   bounds the date from above);
3. a date in the URL (`/2023/09/12/`, `-20230930`, `2022-12-19-slug`, `23-Jun-2023`): "url";
4. a dateline opening the body (`BAKU, Azerbaijan, April 17.`, `Jan 18 (Reuters)`), its year
   from the page (URL, other dates) when it has none: "dateline";
5. a short dated line above the body (a byline with its date): "header";
6. "today, May 20" in the lead, the year from the page: "text".

Running text below the lead only bounds the date from below (its latest full date), a
caption's date never fixes the day. A year-less dateline whose year the page does not give is
kept as `month_day` for the story to complete (see summarize/dating.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from typing import Any
from urllib.parse import unquote, urlsplit

from newsweave.text import MONTH_PATTERN, month_number


def _alternation(words: list[str]) -> str:
    """A regex alternation of `words`, their shared beginnings factored out ("ma(?:r(?:ch)?|y)").

    Where no letter may follow a word (as after every month name here) it matches what the
    words joined longest first match; a search tries the few letters a word can start with
    instead of all 119 month names at every position (twice as fast over a page).
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # longer words first, as greedy `?` does

    return pattern(trie)


_MONTHS = _alternation(MONTH_PATTERN.split("|"))
_MON = rf"((?i:{_MONTHS}))\.?"
# a lookahead for the first letter of a month name, put before the alternation of names: the
# same matches, but a search tries the alternation only where a month name can start
_MON_AHEAD = "(?=[" + "".join(sorted({name[0] for name in MONTH_PATTERN.split("|")})) + "])"
_YEAR = r"((?:19|20)\d\d)"
ISO = re.compile(rf"\b{_YEAR}-(\d\d)-(\d\d)(?!\d)")  # "2025-03-04", "2025-03-04T09:12Z"
MDY = re.compile(rf"\b{_MON_AHEAD}{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.I)
DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?{_MON},?\s+(?:de\s+)?{_YEAR}\b", re.I
)
MY = re.compile(rf"\b{_MON_AHEAD}{_MON}\s+(?:of\s+|de\s+)?{_YEAR}\b", re.I)
LAST_MONTH = re.compile(rf"\blast\s+{_MON}(?!\w)", re.I)
NUMERIC = re.compile(r"\b([0-3]?\d)([./])([01]?\d)\2((?:19|20)?\d\d)\b")

STAMP = re.compile(r"^\s*date\s+(\d{4}-\d\d-\d\d)\b\s*")
# (the lookaheads name the first letters of the words after them: the same matches, found
# without trying every word at every position)
_PUBLISHED = re.compile(
    r"\b(?=[fpve])(?:first\s+)?(?:published|posted|publié|publicado|veröffentlicht|erschienen)"
    r"(?:\s*/\s*updated)?(?:\s+(?:on|at|le|el|am))?\s*:?\s*",
    re.I,
)
_UPDATED = re.compile(
    r"\b(?=[luma])(?:last\s+)?(?:updated|modified|mis\s+à\s+jour|aktualisiert)\b", re.I
)
_DATELINE = re.compile(
    rf"^(?:[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*(?:,\s*[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*)*)*,?\s+)?"
    rf"{_MON}\s+(\d{{1,2}})(?:,\s*{_YEAR})?\s*(?:[.:—–-]|\((?:[A-Z][\w.]*\s?){{1,3}}\))",
)
_TODAY = re.compile(
    rf"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight)\s*,\s*(?:\w+day,\s*)?{_MON}\s+(\d{{1,2}})\b",
    re.I,
)


@cache
def _url_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The URL date patterns: year-month-day, day-month-year, year/month (compiled when a page
    first has a URL: the month names make them cost a process about 0.01 s)."""
    return (
        re.compile(
            rf"(?<!\d)(20\d\d|19\d\d)([/_-]?)(0[1-9]|1[0-2]|{MONTH_PATTERN})\2([0-3]\d)(?!\d)",
            re.I,
        ),
        re.compile(rf"(?<!\d)([0-3]\d)[/_-]({MONTH_PATTERN})[/_-](20\d\d)(?!\d)", re.I),
        re.compile(r"/(20\d\d|19\d\d)/(0[1-9]|1[0-2])(?:/|$)"),
    )


_MIN_YEAR, _MAX_YEAR = 1990, 2039
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")  # candidates; year_spans keeps the whole words
_REACH = 48  # characters (spaces aside) a written date ending in a year may take before it
_SPACE_RUN = re.compile(r"\s\s|[^\S ]")  # more than single spaces between words
_NON_SPACES = re.compile(rf"(?:\s*+\S){{{_REACH}}}")  # _REACH characters, whitespace aside


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """What a page says about its publication date, and which signal said it."""

    day: date | None = None  # the publication day, when a signal fixes it
    earliest: date | None = None  # bounds when no signal fixes the day
    latest: date | None = None
    basis: str | None = None  # the signal that won: "date line", "url", "dateline"...
    month_day: tuple[int, int] | None = None  # a year-less dateline for the story to complete

    @property
    def range(self) -> list[str]:
        """[earliest, latest] as ISO strings ("" for an open end); [] when nothing is known."""
        if self.day is not None:
            return [self.day.isoformat()] * 2
        if self.earliest is None and self.latest is None:
            return []
        return [
            self.earliest.isoformat() if self.earliest else "",
            self.latest.isoformat() if self.latest else "",
        ]


def _mk(y: str | int, m: int, d: str | int) -> date | None:
    try:
        made = date(int(y), m, int(d))
    except ValueError:
        return None
    return made if _MIN_YEAR <= made.year <= _MAX_YEAR else None


def year_spans(text: str) -> list[tuple[int, int]]:
    """Where a year (1900-2099) stands alone as a word in the text."""
    spans = []
    for m in _YEAR_DIGITS.finditer(text):
        start, end = m.span()
        if (start and (text[start - 1].isalnum() or text[start - 1] == "_")) or (
            end < len(text) and (text[end].isalnum() or text[end] == "_")
        ):
            continue
        spans.append((start, end))
    return spans


def ending_in_years(
    pattern: re.Pattern[str], text: str, years: list[tuple[int, int]] | None = None
) -> list[re.Match[str]]:
    """The matches of a date pattern that ends in a year ("May 5, 2023", "May 2023").

    Found by looking back a little from each year written in the text rather than by trying
    every month name at every position (the month alternation made this most of the cleaning
    time); the matches are the ones `pattern.finditer(text)` gives.
    """
    found: list[re.Match[str]] = []
    done = 0
    for year_start, year_end in year_spans(text) if years is None else years:
        start = max(done, year_start - 2 * _REACH)
        if _SPACE_RUN.search(text, start, year_start):  # spaces not counted
            start = reach_back(text, done, year_start)
        for m in pattern.finditer(text, start, year_end):
            if m.end() == year_end:
                found.append(m)
                done = m.end()
                break
    return found


def reach_back(text: str, done: int, end: int) -> int:
    """Where the last `_REACH` characters before `end` that are not whitespace begin, or
    `done` when fewer stand between `done` and `end` (whitespace is not counted)."""
    width = 4 * _REACH
    while end > done:
        lo = max(done, end - width)
        m = _NON_SPACES.match(text[lo:end][::-1])  # read backwards from `end`
        if m is not None:
            return end - m.end()
        if lo == done:
            return done
        width *= 4
    return end


def full_dates(text: str, years: list[tuple[int, int]] | None = None) -> list[date]:
    """Every day-precision date written in the text (English, French, German, Spanish names)."""
    years = year_spans(text) if years is None else years
    found: list[date | None] = []
    for start, end in years:
        if text.startswith("-", end) and (m := ISO.match(text, start)):
            found.append(_mk(m.group(1), int(m.group(2)), m.group(3)))
    for m in ending_in_years(MDY, text, years):
        found.append(_mk(m.group(3), month_number(m.group(1)), m.group(2)))
    for m in ending_in_years(DMY, text, years):
        found.append(_mk(m.group(3), month_number(m.group(2)), m.group(1)))
    return [d for d in found if d is not None]


def _numeric_date(text: str) -> date | None:
    """A numeric day-first date ("01.04.24", "14/12/2022"); None when the order is ambiguous."""
    m = NUMERIC.search(text)
    if m is None:
        return None
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    year += 2000 if year < 100 else 0
    if m.group(2) == ".":  # dotted dates are day first
        return _mk(year, b, a) if 1 <= b <= 12 else None
    if a > 12 >= b:
        return _mk(year, b, a)
    if b > 12 >= a:
        return _mk(year, a, b)
    return None


def _first_date(text: str) -> date | None:
    """The first full date of `text`, written out or numeric."""
    best: tuple[int, date] | None = None
    for pattern, order in ((ISO, "ymd"), (MDY, "mdy"), (DMY, "dmy")):
        m = pattern.search(text)
        if m is None:
            continue
        if order == "ymd":
            d = _mk(m.group(1), int(m.group(2)), m.group(3))
        elif order == "mdy":
            d = _mk(m.group(3), month_number(m.group(1)), m.group(2))
        else:
            d = _mk(m.group(3), month_number(m.group(2)), m.group(1))
        if d is not None and (best is None or m.start() < best[0]):
            best = (m.start(), d)
    if best is not None:
        return best[1]
    return _numeric_date(text)


def url_date(url: str | None) -> tuple[date | None, date | None, date | None]:
    """(day, earliest, latest) from a URL's path: a full date, else a year and month."""
    if not url:
        return None, None, None
    path = unquote(urlsplit(url).path)
    ymd, dmy, ym = _url_patterns()
    for m in ymd.finditer(path):
        month = m.group(3)
        number = int(month) if month.isdigit() else month_number(month)
        if (d := _mk(m.group(1), number, m.group(4))) is not None:
            return d, None, None
    for m in dmy.finditer(path):
        if (d := _mk(m.group(3), month_number(m.group(2)), m.group(1))) is not None:
            return d, None, None
    if month_path := ym.search(path):
        first = _mk(month_path.group(1), int(month_path.group(2)), 1)
        if first is not None:
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return None, first, nxt - timedelta(days=1)
    return None, None, None


def stamp_date(line: str) -> date | None:
    """The day of a leading store stamp line ("date 2023-09-14 ..."), else None."""
    m = STAMP.match(line)
    if m is None:
        return None
    year, month, day = m.group(1).split("-")
    return _mk(year, int(month), day)


def strip_stamp(line: str) -> str:
    """The line without its leading store stamp."""
    return STAMP.sub("", line, count=1)


def _published_line(lines: list[str]) -> tuple[date | None, date | None]:
    """(publication day, update day) stated by "Published ..." / "Updated ..." lines."""
    published = updated = None
    for line in lines:
        if len(line.split()) > 40:
            continue
        if published is None and (m := _PUBLISHED.search(line)):
            published = _first_date(line[m.end() : m.end() + 60])
        if updated is None and (m := _UPDATED.search(line)):
            updated = _first_date(line[m.end() : m.end() + 60])
    return published, updated


# a dateline before the story's first words: "BALTIMORE (AP) — ", "Baltimore, Mar 26: ",
# "WASHINGTON (AA) - ", "(Reuters) - ", "Baltimore: "; a mixed-case name before a dash is not
# one ("Sam Altman - the chief - was fired")
# (compiled when first used: the cleaner never needs it)
@cache
def _dateline_prefix() -> re.Pattern[str]:
    return re.compile(
        rf"^\s*(?P<place>[A-Z][\w'’.-]*(?:,?\s+[A-Z][\w'’.-]*){{0,4}},?\s*)?"
        rf"(?P<source>\([^()]{{1,40}}\)\s*)?(?P<date>{_MON}\s+\d{{1,2}}(?:,\s*{_YEAR})?\s*)?"
        r"(?P<credit>\([^()]{1,40}\)\s*)?"  # "Dec. 14 (Reuters) -": the credit after the date
        r"(?P<mark>[—–:-])\s+(?=\S)"
    )


def without_dateline(sentence: str) -> str:
    """A lead sentence without the dateline that opens it ("BOSTON (AP) — Crews ..." -> "Crews ...")."""
    m = _dateline_prefix().match(sentence)
    if m is None or len(m.group(0).split()) > 8:
        return sentence
    place = m.group("place") or ""
    bare = not (m.group("source") or m.group("date") or m.group("credit"))
    if bare and (not place or (m.group("mark") != ":" and place.upper() != place)):
        return sentence
    rest = sentence[m.end() :]
    return rest[0].upper() + rest[1:] if rest[:1].islower() else rest


def dateline(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a dateline opening `text`: "BAKU, April 17.", "Jan 18 (Reuters)"."""
    m = _DATELINE.match(text.strip()[:120])
    if m is None:
        return None
    month, day = month_number(m.group(1)), int(m.group(2))
    if not 1 <= day <= 31:
        return None
    return month, day, int(m.group(3)) if m.group(3) else None


def _page_year(month: int, day: int, years: list[int], ceiling: date | None) -> int | None:
    """The year of a year-less month-day date from the page's other dates, when they agree."""
    if not years:
        return None
    year = max(years)
    if ceiling is not None and (d := _mk(year, month, day)) is not None and d > ceiling:
        year -= 1
    return year if _mk(year, month, day) is not None else None


def _header_date(header: list[str]) -> date | None:
    """The first date of a short header line that is not an update line: "March 4, 2025",
    "04.03.2025, 09:12 Uhr", "2025-03-04T09:12:00Z".

    Only the lines with four digits of a year or a numeric date are read: the others have
    none (both patterns stay within a line, so searching the lines joined finds them all).
    """
    nexts = list(accumulate(len(text) + 1 for text in header))  # where each next line starts
    joined = "\n".join(header)
    found = {bisect_right(nexts, m.start()) for m in _YEAR_DIGITS.finditer(joined)}
    found.update(bisect_right(nexts, m.start()) for m in NUMERIC.finditer(joined))
    for i in sorted(found):
        text = header[i]
        if len(text.split()) <= 12 and not _UPDATED.search(text):
            dates = full_dates(text) or list(filter(None, [_numeric_date(text)]))
            if dates:
                return dates[0]
    return None


def publication_date(
    header: list[str], body: list[str], url: str | None = None, top: str | None = None
) -> PublicationDate:
    """The publication date a flattened page supports, with its basis (see the module doc).

    `header` are the lines above the body, `body` the kept lines, `top` the page's first line
    (where a store stamp would be).
    """
    if top is not None and (day := stamp_date(top)) is not None:
        return PublicationDate(day=day, basis="date line")
    lead = body[:3]
    published, updated = _published_line(header + lead)
    if published is not None:
        return PublicationDate(day=published, basis="published line")
    u_day, u_lo, u_hi = url_date(url)
    if u_day is not None:
        return PublicationDate(day=u_day, basis="url")
    joined = "\n".join(body)
    years_at = year_spans(joined)
    in_body = full_dates(joined, years_at)
    months = ending_in_years(MY, joined, years_at)
    years = [d.year for d in in_body] + [int(m.group(2)) for m in months]
    for line in lead[:1]:
        if (found := dateline(line)) is not None:
            month, day_, year = found
            basis = "dateline" if year else "dateline, year from the page"
            year = year or (u_lo.year if u_lo else None) or _page_year(month, day_, years, updated)
            if year is not None and (d := _mk(year, month, day_)) is not None:
                return PublicationDate(day=d, basis=basis)
            return PublicationDate(
                earliest=u_lo,
                latest=updated or u_hi,
                basis="dateline without a year",
                month_day=(month, day_),
            )
    if (day := _header_date(header)) is not None:
        return PublicationDate(day=day, basis="header")
    for line in lead[:2]:
        if m := _TODAY.search(line):
            month, day_ = month_number(m.group(1)), int(m.group(2))
            year = (u_lo.year if u_lo else None) or _page_year(month, day_, years, updated)
            if year is not None and (d := _mk(year, month, day_)) is not None:
                return PublicationDate(day=d, basis="text")
    lower = _lower_bound(joined, in_body, months)
    if u_lo is not None and (lower is None or lower < u_lo):
        lower = u_lo
    upper = updated or u_hi
    if lower is not None and upper is not None and lower > upper:
        lower = u_lo
    if lower is None and upper is None:
        return PublicationDate()
    return PublicationDate(earliest=lower, latest=upper, basis="text bounds")


def _lower_bound(joined: str, bounds: list[date], months: list[re.Match[str]]) -> date | None:
    """The latest date the running text mentions (its full dates and months): not earlier."""
    bounds = list(bounds)
    for m in months:
        if (d := _mk(m.group(2), month_number(m.group(1)), 1)) is not None:
            bounds.append(d)
    lower = max(bounds, default=None)
    if lower is None:
        return None
    for m in LAST_MONTH.finditer(joined) if "last" in joined.lower() else ():
        # "last September" is not written in September: a bound inside that month moves past it
        month = month_number(m.group(1))
        if lower.month == month:
            lower = date(lower.year + month // 12, month % 12 + 1, 1)
    return lower


def infer_range(header: list[str], body: list[str]) -> tuple[date | None, date | None]:
    """(earliest, latest) publication dates the text alone supports; either may be None."""
    found = publication_date(header, body)
    if found.day is not None:
        return found.day, found.day
    return found.earliest, found.latest


def infer_published(header: list[str], body: list[str]) -> str | None:
    """A "YYYY-MM-DD" publication date when the text pins the day, else None."""
    lo, hi = infer_range(header, body)
    return lo.isoformat() if lo is not None and lo == hi else None
