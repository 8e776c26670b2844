"""What a figure measures, and the range of values its wording allows.

Two figures are the same quantity only when they count the same things (content words of
the counted phrase), with the same predicate (fled, killed, evacuated, lived there ...), in
the same unit, and not in sentences dated to different years. Their wording gives a range:
"about 100,000" allows 85,000-115,000, "more than 100,000" 100,000-150,000, "tens of
thousands" 10,000-100,000, a round "2,000" 1,900-2,100. Overlapping ranges agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.model import Figure, TimeExpression
from newsweave.text import STOP_WORDS, stem, words

# the predicate of a counted quantity: what happened to the things counted
_PREDICATE_WORDS = {
    "fled": "fled flee flees fleeing left leave leaves leaving exodus escaped escape displaced "
    "refugees refugee",
    "killed": "killed kill kills killing dead died die dying death deaths fatalities",
    "injured": "injured injuring injuries wounded hurt",
    "evacuated": "evacuated evacuate evacuating evacuation evacuees rescued",
    "arrested": "arrested arrests detained detention jailed",
    "missing": "missing disappeared",
    "deployed": "deployed deploy stationed placement sent",
    "lived": "home population inhabitants live lives living lived reside",
}
PREDICATES = {word: kind for kind, text in _PREDICATE_WORDS.items() for word in text.split()}
# "lives" means "live there" after a figure ("120,000 people live") and "lost lives" before
_BEFORE_ONLY = {"lives": "killed"}
_AFTER_WINDOW = 6
_BEFORE_WINDOW = 4
_STOP_AFTER = re.compile(r"[.;:!?—–(]")
_VAGUE = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions)\b", re.I)
_DURATION = re.compile(r"^P(?:T)?(\d+(?:\.\d+)?)([YMWDH])$")
_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0, "H": 1 / 24}
_YEAR = re.compile(r"^(\d{4})")
# predicate words that are also what is counted ("tens of thousands of refugees")
_COUNTED_PREDICATES = {"refugees", "refugee", "evacuees", "inhabitants", "population"}


@dataclass(frozen=True, slots=True)
class QuantityConfig:
    """How wide the range of each kind of wording is."""

    about: float = 0.15  # "about", "around", "some": plus or minus this share
    nearly: float = 0.15  # "nearly", "almost": up to this share below
    more_than: float = 0.5  # "more than", "at least": up to this share above
    less_than: float = 0.5  # "up to", "fewer than": up to this share below
    round_share: float = 0.05  # the most a round number ("2,000") may stand for either side
    same_counted: float = 0.5  # Jaccard of counted words for the same things


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure seen as a measurement: what, of what, when, and the range it allows."""

    figure: Figure
    counted: frozenset[str]
    predicate: str | None
    unit: str | None
    years: frozenset[str]
    low: float
    high: float


def format_number(value: float) -> str:
    """A value as readers write it: 100,000 rather than 100000.0, 0.33 rather than 1/3."""
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def sentence_years(times: list[TimeExpression], sentence: str) -> frozenset[str]:
    """The years that the dates written in `sentence` fall in."""
    return frozenset(
        m.group(1)
        for t in times
        if t.kind == "DATE" and t.sentence == sentence and (m := _YEAR.match(t.value))
    )


def quantity(
    figure: Figure, years: frozenset[str] = frozenset(), config: QuantityConfig | None = None
) -> Quantity:
    """The quantity a figure measures, with the value range its wording allows."""
    config = config or QuantityConfig()
    predicate = figure_predicate(figure)
    counted = frozenset(
        stem(w)
        for w in words(figure.counts or "")
        if w not in STOP_WORDS
        and not w.isdigit()
        and (w not in PREDICATES or w in _COUNTED_PREDICATES)
    )
    low, high = value_range(figure, config)
    return Quantity(figure, counted, predicate, figure.unit, years, low, high)


def figure_predicate(figure: Figure) -> str | None:
    """What happened to what the figure counts, from the words around it; None if unsaid."""
    for word in words(figure.counts or ""):
        if word in PREDICATES:
            return PREDICATES[word]
    sentence = figure.sentence
    at = sentence.find(figure.text)
    if at < 0:
        return None
    after = _STOP_AFTER.split(sentence[at + len(figure.text) :], maxsplit=1)[0]
    for word in words(after)[:_AFTER_WINDOW]:
        if word in PREDICATES:
            return PREDICATES[word]
    for word in reversed(words(sentence[:at])[-_BEFORE_WINDOW:]):
        if word in PREDICATES:
            return _BEFORE_ONLY.get(word, PREDICATES[word])
    return None


def value_range(figure: Figure, config: QuantityConfig) -> tuple[float, float]:
    """The lowest and highest value a figure's wording allows."""
    value = figure.value
    qualifier = figure.qualifier
    if figure.upper is not None:  # a vague amount read as a range: "thousands of"
        return value, figure.upper
    if _VAGUE.search(figure.text):  # "tens of thousands" = 10,000 up to 100,000
        return value, value * 10
    if qualifier in ("more than", "at least"):
        return value, value * (1 + config.more_than)
    if qualifier in ("up to", "less than", "at most"):
        return value * (1 - config.less_than), value
    if qualifier == "nearly":
        return value * (1 - config.nearly), value
    if qualifier == "about" or figure.approximate:
        return value * (1 - config.about), value * (1 + config.about)
    return _round_range(value, config.round_share)


def _round_range(value: float, share: float) -> tuple[float, float]:
    """A written number stands for what rounds to it: 2,000 for 1,900-2,100 at most."""
    if value != int(value) or value == 0:
        return value, value
    digits = str(int(abs(value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    half = min(0.5 * 10**zeros, share * abs(value)) if zeros else 0.0
    return value - half, value + half


def same_quantity(a: Quantity, b: Quantity, config: QuantityConfig | None = None) -> bool:
    """Whether two figures measure the same thing (so differing values would conflict)."""
    config = config or QuantityConfig()
    if a.unit != b.unit or a.predicate != b.predicate:
        return False
    if a.years and b.years and not a.years & b.years:
        return False
    if not a.counted or not b.counted:
        return a.unit is not None and a.counted == b.counted and a.predicate is not None
    shared = len(a.counted & b.counted) / len(a.counted | b.counted)
    return shared >= config.same_counted


def agree(a: Quantity, b: Quantity) -> bool:
    """Whether the value ranges of two figures overlap ("about 100,000" and "over 100,000")."""
    return a.low <= b.high and b.low <= a.high


def duration_range(value: str) -> tuple[float, float] | None:
    """The days a TimeML duration ("P6W", "P44D", "PT24H") allows, give or take rounding."""
    match = _DURATION.match(value)
    if match is None:
        return None
    amount, unit = float(match.group(1)), match.group(2)
    if unit == "M" and value.startswith("PT"):
        return None  # minutes
    days = _DAYS[unit]
    return (amount - 0.5) * days, (amount + 0.5) * days
