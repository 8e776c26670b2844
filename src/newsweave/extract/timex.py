"""A rule-based time tagger: find time expressions and normalise them to TimeML values.

Values follow TimeML (TempEval-3): '2024-06-12', '2024-06', '2024', '2024-Q3', '2024-W03',
'2024-SU', '199' (the 1990s), '2024-06-12TNI', 'P3Y' (durations), 'PRESENT_REF'.
Relative expressions are resolved against an `Anchor` (see anchor.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsweave.extract.anchor import (
    WEEKDAYS,
    Anchor,
    resolve_day_of_month,
    resolve_month,
    resolve_weekday,
    shift_month,
)
from newsweave.text import FOREIGN_MONTH_PATTERN, month_number, weekday_number
from newsweave.text import NUMBER_WORDS as NUMBERS

UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M",
    "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE", "centurie": "CE",
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "in the future": "FUTURE_REF",
}  # fmt: skip

_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.|Jul\.|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MON_FULL = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Sept\.)"
)
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_Y = r"(?P<y>(?:19|20)\d\d)"
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_NUMWORD = "|".join(sorted(NUMBERS, key=len, reverse=True))
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_NUM = rf"(?P<n>\d+(?:\.\d+)?|(?i:(?:{_TENS})[\s-](?:one|two|three|four|five|six|seven|eight|nine)|{_NUMWORD}|several|a\s+few|few|many))"
_UNIT = r"(?P<unit>(?i:second|minute|hour|day|week|month|quarter|year|decade|centurie|century))s?"
_MOD = r"(?:(?P<mod>(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of))[\s-]+)?"
_REL = r"(?P<rel>(?i:last|this|next|coming|previous|current|earlier\s+this|later\s+this|early\s+next|late\s+next|early\s+last|late\s+last|early\s+this|late\s+this|the\s+same|that|the\s+coming|the\s+current|the\s+previous|the\s+following))"
# words that put a time expression in the future: a plan, a schedule, a deadline
FUTURE = re.compile(
    r"\b(?:will|shall|'ll|next|plans?\s+to|planned|scheduled|expected\s+to|is\s+to|are\s+to|"
    r"due\s+to\s+(?:be|begin|start|end|expire|open|close|take|resume|reopen|restart|meet|vote|"
    r"return|arrive|land|launch|decide|rule|announce|publish|sign|hold|testify|appear|visit|"
    r"finish|conclude|complete|run|speak|report)|would\s+(?:begin|expire|end|start)|"
    r"upcoming|from\s+now|deadline|expires?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Timex:
    """One tagged expression: character span, TimeML type, value and granularity."""

    start: int
    end: int
    text: str
    kind: str
    value: str
    granularity: str
    relative: bool = False


@dataclass(slots=True)
class _State:
    anchor: Anchor
    text: str
    last_day: date | None = None
    found: list[Timex] = field(default_factory=list)


Handler = Callable[[re.Match[str], _State], tuple[str, str, str, bool] | None]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def _rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern), handler))
        return handler

    return register


def tag_times(text: str, anchor: Anchor | None) -> list[Timex]:
    """Every time expression in `text`, longest match first, normalised against `anchor`."""
    state = _State(anchor=anchor or Anchor.on(date.today()), text=text)
    candidates = [
        (m.start(), m.end(), handler, m)
        for pattern, handler in _RULES
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    chosen: list[tuple[int, int, Handler, re.Match[str]]] = []
    starts: list[int] = []  # the chosen spans, sorted and disjoint: overlap checks by bisection
    ends: list[int] = []
    for cand in candidates:
        i = bisect_right(starts, cand[0])
        if (i and ends[i - 1] > cand[0]) or (i < len(starts) and starts[i] < cand[1]):
            continue
        starts.insert(i, cand[0])
        ends.insert(i, cand[1])
        chosen.append(cand)
    for start, end, handler, match in sorted(chosen, key=lambda c: c[0]):
        try:
            result = handler(match, state)
        except (OverflowError, ValueError):  # resolves outside year 1..9999: not a usable date
            continue
        if result is None:
            continue
        kind, value, granularity, relative = result
        timex = Timex(start, end, text[start:end], kind, value, granularity, relative)
        state.found.append(timex)
        if granularity == "day":
            state.last_day = date.fromisoformat(value[:10])
    return state.found


def _number(raw: str) -> str:
    raw = raw.lower().replace("-", " ")
    if raw in ("several", "a few", "few", "many"):
        return "X"
    if raw[0].isdigit():
        return raw.rstrip("0").rstrip(".") if "." in raw else raw
    return str(sum(NUMBERS.get(w, 0) for w in raw.split()))


def _direction(match: re.Match[str], state: _State) -> str:
    """Whether a year-less date or weekday points ahead (a plan) or back (the news).

    A weekday owning a noun ("Monday's flood") names a happening: only the words right around
    it say it is to come ("ahead of Friday's vote", "Friday's planned strike"), not a "will"
    further back ("the aid will pay for homes damaged in Monday's flood")."""
    text = state.text
    if _POSSESSIVE.match(text, match.end()):
        near = text[max(0, match.start() - 25) : match.end() + 25]
        return "future" if FUTURE.search(near) or _AHEAD_OF.search(near) else "past"
    window = text[max(0, match.start() - 80) : match.end() + 40]
    if FUTURE.search(window):
        return "future"
    before = text[max(0, match.start() - 40) : match.start()]
    if _EXPECTED_ON.search(before):  # "more rain was expected on Thursday"
        return "future"
    # "said the order would remain in place until Monday": a bound said to lie ahead
    if _UNTIL.search(before) and _WOULD.search(text, max(0, match.start() - 80), match.start()):
        return "future"
    return "past"


_POSSESSIVE = re.compile(r"['’]s\b")
_EXPECTED_ON = re.compile(r"\b(?:expected|due|scheduled)\s+(?:on\s+|by\s+|for\s+)?$", re.I)
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:at\s+least\s+)?(?:on\s+)?$", re.I)
_WOULD = re.compile(r"\bwould\b", re.I)
_AHEAD_OF = re.compile(
    r"\b(?:ahead\s+of|before|until|for)\s+$|\b(?:ahead\s+of|before|until)\b", re.I
)


def _day(day: date) -> tuple[str, str, str, bool]:
    return "DATE", day.isoformat(), "day", True


_SOON_DAYS = 31


def _nearest_year(month: int, day: int, anchor: date, direction: str) -> int:
    """The year of a year-less date: the most recent occurrence at or before the anchor when
    the text reports the past (a date less than `_SOON_DAYS` ahead is this year's: "the
    Dec. 15 vote" in a December 2 article), the nearest one (ahead preferred) for a plan."""
    if direction == "past":
        try:
            this_year = date(anchor.year, month, min(day, 28))
        except ValueError:
            return anchor.year
        return anchor.year if (this_year - anchor).days <= _SOON_DAYS else anchor.year - 1
    best, best_cost = anchor.year, float("inf")
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            delta = (date(year, month, min(day, 28)) - anchor).days
        except ValueError:
            continue
        cost = delta * (2 if direction == "past" else 0.5) if delta > 0 else -delta
        if cost < best_cost:
            best, best_cost = year, cost
    return best


@_rule(rf"\b{_Y}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
def _iso(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    try:
        return "DATE", date.fromisoformat(m.group(0)).isoformat(), "day", False
    except ValueError:  # 2023-02-30, 2024-13-01: not a date
        return None


@_rule(rf"\b{_MON}\s+{_D},?\s+{_Y}\b")
@_rule(rf"\b{_D}\s+(?:of\s+)?{_MON},?\s+{_Y}\b")
def _full_date(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    day = int(m.group("d"))
    try:
        return (
            "DATE",
            date(int(m.group("y")), month_number(m.group("mon")), day).isoformat(),
            "day",
            False,
        )
    except ValueError:
        return None


_FOREIGN_MON = rf"(?P<mon>(?i:{FOREIGN_MONTH_PATTERN}))"


@_rule(
    rf"\b(?P<d>[0-3]?\d)(?:er|\.)?\s+(?:de\s+)?{_FOREIGN_MON}(?:\s+(?:de\s+)?(?P<y>(?:19|20)\d\d))?\b"
)
def _foreign_date(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    """Dates of other languages: "17 avril 2024", "17. April 2024", "27 de octubre", "6 февраля"."""
    month, day = month_number(m.group("mon")), int(m.group("d"))
    if m.group("y"):
        return "DATE", date(int(m.group("y")), month, day).isoformat(), "day", False
    year = _nearest_year(month, day, s.anchor.day, _direction(m, s) if s.anchor.exact else "past")
    return "DATE", date(year, month, day).isoformat(), "day", True


@_rule(rf"\b{_MOD}{_MON},?\s+(?:of\s+)?{_Y}\b")
def _month_year(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    return "DATE", f"{m.group('y')}-{month_number(m.group('mon')):02d}", "month", False


@_rule(rf"\b{_WD},?\s+{_MON}\s+{_D}\b(?:,?\s+{_Y}\b)?(?!\s*,?\s*\d)")
@_rule(rf"\b{_WD},?\s+(?:the\s+)?{_D}\s+(?:of\s+)?{_MON}(?:,?\s+{_Y}\b)?(?!\s*,?\s*\d)")
def _weekday_date(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    """A weekday written with its date ("Monday, March 17") is one day: the weekday picks the
    year (the nearest to the anchor in which that date falls on it), never a day of its own."""
    month, day = month_number(m.group("mon")), int(m.group("d"))
    if m.group("y"):
        return "DATE", date(int(m.group("y")), month, day).isoformat(), "day", False
    anchor = s.anchor.day if s.anchor.exact else s.anchor.latest
    weekday = WEEKDAYS.index(m.group("wd").lower())
    fits = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            fits.append(candidate)
    if fits:
        return _day(min(fits, key=lambda d: abs((d - anchor).days)))
    return _month_day(m, s)  # the weekday does not fit the date: the date alone


@_rule(rf"\b{_MON}\s+{_D}\b(?!\s*,?\s*\d)")
@_rule(rf"\b{_D}\s+(?:of\s+)?{_MON}(?!\s*,?\s*\d)")
def _month_day(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    month, day = month_number(m.group("mon")), int(m.group("d"))
    direction = _direction(m, s)
    if s.anchor.exact:
        year = _nearest_year(month, day, s.anchor.day, direction)
    else:
        year = _nearest_year(month, day, s.anchor.latest, "past")
    try:
        return "DATE", date(year, month, day).isoformat(), "day", True
    except ValueError:
        return None


@_rule(rf"\b(?:{_REL}\s+)?{_MOD}{_MON_FULL}\b(?!\s*,?\s*\d)")
def _bare_month(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    month, rel = month_number(m.group("mon")), (m.group("rel") or "").lower()
    if m.group("mon") == "May" and not rel and not m.group("mod"):
        before = s.text[max(0, m.start() - 5) : m.start()].lower()
        if not re.search(r"\b(?:in|of|since|until|by)\s$", before):
            return None
    anchor = s.anchor.day
    if rel in ("last", "previous", "the previous"):
        year = resolve_month(month, anchor, "last")
    elif rel in ("next", "coming", "the coming", "the following"):
        year = resolve_month(month, anchor, "next")
    elif rel in ("this", "current", "the current"):
        year = anchor.year
    else:
        year = _nearest_year(month, 15, anchor, _direction(m, s))
    return "DATE", f"{year}-{month:02d}", "month", True


@_rule(
    rf"\b(?:(?P<rel>(?i:last|this|next|coming|past))\s+)?{_WD}(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?\b"
)
def _weekday(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    rel = (m.group("rel") or "").lower()
    direction = {"last": "last", "past": "last", "next": "next", "coming": "future"}.get(rel)
    direction = direction or _direction(m, s)
    day = resolve_weekday(WEEKDAYS.index(m.group("wd").lower()), s.anchor.day, direction)
    if m.group("part"):
        return "TIME", f"{day.isoformat()}T{PARTS[m.group('part').lower()]}", "time", True
    return _day(day)


# weekdays of French, Spanish and Italian (written in lower case) and German (capitalised),
# with the words that send them ahead ("dimanche prochain") or back ("el domingo pasado")
_FOREIGN_WD = (
    r"(?P<fwd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|"
    r"Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
)
_FOREIGN_NEXT = re.compile(r"^\s+(?:prochain|próximo|prossimo|que\s+viene)\b")
_FOREIGN_NEXT_BEFORE = re.compile(r"(?:nächsten|kommenden|próximo|prossimo)\s+$")
_FOREIGN_LAST = re.compile(r"^\s+(?:dernier|pasado|scorso)\b")
_FOREIGN_LAST_BEFORE = re.compile(r"(?:letzten|vergangenen|pasado|scorso)\s+$")


@_rule(rf"(?<![\w-]){_FOREIGN_WD}(?![\w-])")
def _foreign_weekday(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    after, before = s.text[m.end() : m.end() + 20], s.text[max(0, m.start() - 20) : m.start()]
    if _FOREIGN_NEXT.match(after) or _FOREIGN_NEXT_BEFORE.search(before):
        direction = "next"
    elif _FOREIGN_LAST.match(after) or _FOREIGN_LAST_BEFORE.search(before):
        direction = "last"
    else:
        direction = "past"  # news reports what has happened: "inondations ... dimanche"
    return _day(resolve_weekday(weekday_number(m.group("fwd")), s.anchor.day, direction))


@_rule(
    r"(?<=[Oo]n )the (?P<d>[0-3]?\d)(?:st|nd|rd|th)\b|(?<=\band )(?P<d2>[0-3]?\d)(?:st|nd|rd|th)\b(?! (?:of|century|anniversary))"
)
def _day_of_month(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    if m.group("d2") and not (s.found and s.found[-1].end >= m.start() - 6):
        return None
    day = resolve_day_of_month(int(m.group("d") or m.group("d2")), s.anchor.day)
    return _day(day) if day else None


@_rule(
    r"\b(?i:(?:late\s+|early\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?|(?P<this>this|last)\s+(?P<part2>morning|afternoon|evening|night))\b"
)
def _deictic(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    word = (m.group("w") or "").lower()
    offset = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    if (m.group("this") or "").lower() == "last":
        offset = -1
    day = s.anchor.day + timedelta(days=offset)
    part = (m.group("part") or m.group("part2") or ("night" if word == "tonight" else "")).lower()
    if part:
        return "TIME", f"{day.isoformat()}T{PARTS[part]}", "time", True
    return _day(day)


# today, yesterday and tomorrow in French, Spanish, German and Italian (only the words no
# other of these languages uses otherwise: not "hier", German "here", nor "mañana", "morgen")
_FOREIGN_DEICTIC = {
    "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1, "hoy": 0, "ayer": -1, "heute": 0,
    "gestern": -1, "oggi": 0, "ieri": -1, "domani": 1,
}  # fmt: skip


@_rule(r"(?<![\w-])(?P<fw>(?i:aujourd['’]hui|demain|hoy|ayer|heute|gestern|oggi|ieri|domani))\b")
def _foreign_deictic(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    return _day(s.anchor.day + timedelta(days=_FOREIGN_DEICTIC[m.group("fw").lower()]))


@_rule(
    r"\b(?i:now|currently|nowadays|at present|at the moment|recently|lately|(?:in )?the past|soon|(?:in )?the future)\b(?![\s-]+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?)\b)"
)
def _ref(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    key = m.group(0).lower()
    return "DATE", _REFS.get(key, _REFS.get(key.removeprefix("in "), "PRESENT_REF")), "ref", True


@_rule(
    rf"\b{_REL}\s+(?P<unit>(?i:week|weekend|month|year|quarter|decade|spring|summer|autumn|fall|winter|day))\b"
)
def _relative_unit(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    rel, unit = " ".join(m.group("rel").lower().split()), m.group("unit").lower()
    step = (
        -1
        if rel.split()[-1] in ("last", "previous")
        else 1
        if rel.split()[-1] in ("next", "coming", "following")
        else 0
    )
    anchor = s.anchor.day
    if rel in ("the same", "that"):
        if unit == "day" and s.last_day:
            return _day(s.last_day)
        if unit != "day" or rel == "that":
            return None
    if unit == "day":
        return _day(anchor + timedelta(days=step))
    if unit == "year":
        return "DATE", str(anchor.year + step), "year", True
    if unit == "month":
        y, mo = shift_month(anchor.year, anchor.month, step)
        return "DATE", f"{y}-{mo:02d}", "month", True
    if unit == "quarter":
        y, mo = shift_month(anchor.year, anchor.month, 3 * step)
        return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}", "quarter", True
    if unit in ("week", "weekend"):
        iso = (anchor + timedelta(weeks=step)).isocalendar()
        suffix = "-WE" if unit == "weekend" else ""
        return "DATE", f"{iso[0]}-W{iso[1]:02d}{suffix}", "week", True
    if unit == "decade":
        return "DATE", str(anchor.year // 10 + step), "decade", True
    year = anchor.year + step
    return "DATE", f"{year}-{SEASONS[unit]}", "season", True


# "two days after the river flooded" counts from that event, not from the document's day: only
# an "after" or "before" that ends its clause ("a week before.", "two days after that") is an
# offset; otherwise "two days" is a duration
_FROM_EVENT = r"(?!\s+(?!(?i:that|this|today|now)\b)[^\W\d_])"


@_rule(
    rf"\b{_NUM}[\s-]+{_UNIT}\s+"
    rf"(?P<dir>(?i:ago|earlier|later|from\s+now|hence|(?:before|after)\b{_FROM_EVENT}))\b"
)
def _offset(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    n = _number(m.group("n"))
    if n == "X" or "." in n:
        return (
            "DATE",
            "PAST_REF" if m.group("dir").lower() in ("ago", "earlier", "before") else "FUTURE_REF",
            "ref",
            True,
        )
    sign = -1 if m.group("dir").lower() in ("ago", "earlier", "before") else 1
    count, unit = sign * int(n), m.group("unit").lower().rstrip("s")
    anchor = s.anchor.day
    if unit == "year":
        if re.search(r"\bquarter\b", s.text[max(0, m.start() - 120) : m.end() + 60], re.I):
            y, mo = shift_month(anchor.year, anchor.month, 12 * count - 3)
            return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}", "quarter", True
        return "DATE", str(anchor.year + count), "year", True
    if unit == "month":
        y, mo = shift_month(anchor.year, anchor.month, count)
        return "DATE", f"{y}-{mo:02d}", "month", True
    if unit == "day":
        return _day(anchor + timedelta(days=count))
    if unit == "week":
        iso = (anchor + timedelta(weeks=count)).isocalendar()
        return "DATE", f"{iso[0]}-W{iso[1]:02d}", "week", True
    if unit == "decade":
        return "DATE", str(anchor.year // 10 + count), "decade", True
    return None


@_rule(
    rf"\b(?:(?P<det>(?i:the\s+(?:past|last|next|first|previous|final|coming|latest)))[\s-]+)?{_NUM}[\s-]+{_UNIT}(?![\s-]+(?i:ago|earlier|later|from\s+now|old))\b"
)
def _duration(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    raw = m.group("n").lower()
    if raw in ("a", "an", "many") and not m.group("det"):
        following = s.text[m.end() : m.end() + 12].lower()
        if raw == "many" or not re.match(r"\s*(?:and|or|,|\.|$)", following):
            return None
    unit = m.group("unit").lower().rstrip("s")
    n = _number(m.group("n"))
    if unit == "centurie":
        unit = "century"
    if unit in ("hour", "minute", "second"):
        return "DURATION", f"PT{n}{UNITS[unit]}", "duration", False
    code = UNITS[unit]
    if code == "DE":
        return "DURATION", f"P{n}0Y" if n != "X" else "PXDE", "duration", False
    if code == "CE":
        return "DURATION", f"P{n}00Y" if n != "X" else "PXCE", "duration", False
    return "DURATION", f"P{n}{code}", "duration", False


@_rule(
    r"\b(?:the\s+)?(?:(?P<rel>(?i:latest|last|previous|current|same|year-earlier|year-ago|fiscal))\s+)?(?:(?P<y>(?:19|20)\d\d)\s+)?(?:(?P<ord>(?i:first|second|third|fourth))[\s-]+)?(?P<u>(?i:quarter|half))\b"
)
def _quarter(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    ordinal, rel = (m.group("ord") or "").lower(), (m.group("rel") or "").lower()
    if not ordinal and not rel and not m.group(0).lower().startswith("the"):
        return None
    anchor = s.anchor.day
    year = int(m.group("y")) if m.group("y") else anchor.year
    current = (anchor.month - 1) // 3 + 1
    if ordinal:
        number = ["first", "second", "third", "fourth"].index(ordinal) + 1
    else:
        number = current - 1 if rel != "current" else current
        if number == 0:
            number, year = 4, year - 1
    if rel in ("year-earlier", "year-ago"):
        year -= 1
    if m.group("u").lower() == "half":
        return "DATE", f"{year}-H{min(number, 2)}", "half", True
    return "DATE", f"{year}-Q{number}", "quarter", not m.group("y")


@_rule(r"\b(?i:year-earlier|year-ago)\b")
def _year_earlier(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    return "DATE", str(s.anchor.day.year - 1), "year", True


@_rule(rf"\b{_MOD}(?:(?i:fiscal|calendar)\s+)?{_Y}\b(?![,.]?\d|\s*(?:%|percent|-strong))")
def _year(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    before = s.text[max(0, m.start() - 2) : m.start()]
    if "$" in before or "#" in before or _count(m, s.text):
        return None
    return "DATE", m.group("y"), "year", False


# a year used as a modifier comes after a determiner: "the 2020 ceasefire", "la 2023 edición"
_DETERMINER = re.compile(
    r"(?i:\b(?:the|a|an|its|their|his|her|this|that|le|la|les|l'|der|die|das|den|el|los|las)\s+)$"
)
# words after a number that do not make it a count: "in 2020 the", "2020 and", "2020 à"
_NOT_COUNTED = frozenset(
    {
        "the", "a", "an", "and", "or", "but", "to", "in", "on", "at", "of", "for", "by", "with",
        "from", "as", "when", "while", "after", "before", "until", "since", "than", "that",
        "which", "who", "where", "was", "were", "is", "are", "had", "has", "have", "will", "would",
        "could", "its", "his", "her", "their", "this", "these", "those", "it", "he", "she", "they",
        "we", "i", "et", "le", "la", "les", "de", "du", "des", "en", "au", "aux", "à", "und",
        "die", "der", "das", "den", "dem", "im", "am", "y", "el", "los", "las", "del", "con",
        "por", "para", "que", "e", "il", "lo", "gli",
    }
)  # fmt: skip
# "in 2023 alone", "since 1990 everything": a time preposition makes it a year
_TIME_PREPOSITION = re.compile(
    r"(?i:\b(?:in|since|until|by|during|from|before|after|en|depuis|seit|im|desde|durante)\s+)$"
)
_NEXT_WORD = re.compile(r"[\s\xa0]+([^\W\d_][\w'-]*)")


def _count(m: re.Match[str], text: str) -> bool:
    """Whether a year-like number counts things: "2000 hommes", "1999 soldiers"."""
    following = _NEXT_WORD.match(text, m.end())
    if following is None or not following.group(1)[0].islower():
        return False
    if following.group(1).lower() in _NOT_COUNTED:
        return False
    return _DETERMINER.search(text[max(0, m.start() - 12) : m.start()]) is None and (
        _TIME_PREPOSITION.search(text[max(0, m.start() - 10) : m.start()]) is None
    )


@_rule(r"\b(?:the\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<dec>(?:19|20)\d)0s\b")
def _decade(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    return "DATE", m.group("dec"), "decade", False


@_rule(
    r"\b(?P<h>[01]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.|p\.m\.|am\b|pm\b))|\b(?i:noon|midnight)\b"
)
def _clock(m: re.Match[str], s: _State) -> tuple[str, str, str, bool] | None:
    if m.group("h") is None:
        hour, minute = (12 if m.group(0).lower() == "noon" else 0), 0
    else:
        hour, minute = int(m.group("h")) % 12, int(m.group("min") or 0)
        hour += 12 if m.group("ampm").lower().startswith("p") else 0
    return "TIME", f"{s.anchor.day.isoformat()}T{hour:02d}:{minute:02d}", "time", True
