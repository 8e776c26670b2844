"""The records that flow between stages, as typed stdlib dataclasses.

Every record converts to plain JSON-ready dicts with `to_dict` and back with
`from_dict`; the store and the renderers rely on that round trip.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import types
import typing
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

BRIEF_SCHEMA = "newsweave.brief/1"

T = TypeVar("T")


_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """`text` with lone surrogates (from JSON escapes or undecodable file names) as U+FFFD."""
    try:  # surrogates are the only code points UTF-8 cannot encode; encoding is the fast test
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def content_id(text: str) -> str:
    """A stable id for a piece of content: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def page_id(content: str, where: str | None = None) -> str:
    """A page's id: its content and, when known, where it was published (URL, else outlet).

    Identical text from two places is two pages (the evidence of syndication), while the
    same page read twice keeps one id. Without a place the id is `content_id(content)`.
    """
    where = (where or "").strip()
    return content_id(f"{where}\n{content}" if where else content)


@dataclass(slots=True)
class Page:
    """One raw input document, as read from a file, a feed, a WARC record or stdin."""

    id: str
    source: str
    content: str
    kind: str = "text"  # "text" (flattened page) or "html"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    encoding: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


TRUNCATED = "text cut:"  # how a Dropped note of a cut (kept) article starts


@dataclass(slots=True)
class Dropped:
    """A document a stage could not use, with the specific reason why."""

    source: str
    reason: str
    stage: str = "ingest"

    def __post_init__(self) -> None:
        self.source = encodable(self.source)
        self.reason = encodable(self.reason)

    @property
    def truncated(self) -> bool:
        """Whether this is the note of an article cut to the length cap (the article is kept)."""
        return self.reason.startswith(TRUNCATED)


@dataclass(slots=True)
class Figure:
    """A number in an article, with what it counts and how it is qualified."""

    value: float
    text: str
    counts: str | None
    article: str
    qualifier: str | None = None
    sentence: str = ""
    unit: str | None = None  # "percent", "km", "$" ...; None when it counts things
    approximate: bool = False  # "tens of thousands", "about", "nearly"
    upper: float | None = None  # a vague amount's top: "thousands of" is 2,000 up to 10,000


@dataclass(slots=True)
class Quote:
    """A direct quotation and the speaker it is attributed to."""

    text: str
    speaker: str | None
    article: str
    sentence: str = ""
    partial: bool = False  # a quoted fragment inside reported speech
    variants: list[QuoteVariant] = field(default_factory=list)  # same statement, other outlets


@dataclass(slots=True)
class Article:
    """Clean article text and metadata, made from one Page."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    credits: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_inferred: bool = False
    language: str | None = None
    url: str | None = None
    standfirst: str | None = None
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    offtopic: list[OffTopic] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    # inferred publication range [earliest, latest] (ISO dates; "" for an open end)
    published_range: list[str] = field(default_factory=list)
    # the signal the date (or range) came from: "declared", "html metadata", "date line",
    # "published line", "url", "dateline", "header", "text", "text bounds", "story"...
    published_basis: str | None = None
    short: bool = False  # a headline over one or two sentences, shorter than a full body


@dataclass(slots=True)
class Claim:
    """A statement found in one or more articles, with the sources that support it."""

    text: str
    sources: list[str]
    independent: int = 1
    kind: str = "single-source"  # "single-source" (one independent source) | "corroborated"
    event: str | None = None  # the id of the Event the claim belongs to, when known
    wording: dict[str, str] = field(default_factory=dict)  # article id -> its exact sentence


@dataclass(slots=True)
class DiscrepancyValue:
    """One of the conflicting values, with its exact wording and sources."""

    value: str
    text: str
    sources: list[str]
    independent: int = 1  # lineage groups (copies count once) that give this value
    wording: dict[str, str] = field(default_factory=dict)  # article id -> its exact wording
    sentences: dict[str, str] = field(default_factory=dict)  # article id -> the whole sentence
    dates: dict[str, str] = field(default_factory=dict)  # article id -> its publication day
    attributed: dict[str, str] = field(default_factory=dict)  # article id -> credited to whom


@dataclass(slots=True)
class TallyPoint:
    """One reported value of a count that changed over the story, and the day it was given."""

    value: str
    day: str | None
    text: str
    sources: list[str]
    wording: dict[str, str] = field(default_factory=dict)  # article id -> its exact wording
    sentences: dict[str, str] = field(default_factory=dict)  # article id -> the whole sentence


@dataclass(slots=True)
class Tally:
    """A count that changed as the story went on (a rising toll): its values, day by day."""

    about: str
    points: list[TallyPoint]


@dataclass(slots=True)
class Discrepancy:
    """Sources that give different values for the same thing."""

    about: str
    values: list[DiscrepancyValue]
    kind: str = "figure"  # "figure" | "duration" | "date"


@dataclass(slots=True)
class TimelineEntry:
    """A dated happening in a story, with the sources that date it."""

    date: str
    text: str
    sources: list[str]
    inferred: bool = False
    granularity: str = "day"  # day | month | season | quarter | year | decade
    event: str | None = None  # the id of the Event this entry belongs to, when known
    background: bool = False  # context from well before the story's first article
    # the other wordings merged into this row: a year or month tells one period of the story,
    # so its clauses are one row, led by the most central one
    also: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SummarySentence:
    """One sentence of a story summary and the articles that support it."""

    text: str
    sources: list[str]
    article: str = ""  # the article the sentence is taken from; "" when generated
    generated: bool = False  # written by the abstractive mode and checked against the sources
    disputed: str | None = None  # the disagreement over a figure it states, in words


@dataclass(slots=True)
class Event:
    """A happening within a story, covered by some of its articles."""

    id: str
    title: str
    date: str | None
    articles: list[str]


@dataclass(slots=True)
class Story:
    """A group of articles about one story, with everything derived from them."""

    id: str
    title: str
    articles: list[str]
    events: list[Event] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)  # counts that changed, not conflicts
    summary: list[SummarySentence] = field(default_factory=list)
    duplicates: list[list[str]] = field(default_factory=list)
    lineage: list[CopyRelation] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[SourceGroup] = field(default_factory=list)  # independent sources (dedup)


@dataclass(slots=True)
class Change:
    """One difference between this brief and an earlier one (or the state at a date)."""

    kind: str  # one of CHANGE_LABELS: "new-story", "new-source", "new-event", "figure-moved"...
    text: str
    story: str | None = None
    sources: list[str] = field(default_factory=list)
    before: str | None = None
    after: str | None = None


CHANGE_LABELS = {  # Change.kind -> the words a reader sees
    "new-story": "New story",
    "new-source": "New source",
    "new-article": "New article",
    "new-event": "New event",
    "figure-moved": "Figure changed",
    "changed-figure": "Figure changed",
    "new-conflict": "New disagreement",
    "new-fact": "New fact",
}


def main_language(articles: Iterable[Article]) -> str | None:
    """The language most of the articles are in (ties by name); None when none is known."""
    counts = Counter(a.language for a in articles if a.language)
    return min(counts, key=lambda lang: (-counts[lang], lang)) if counts else None


def change_label(kind: str) -> str:
    """The plain-language label of a Change kind ("figure-moved" -> "Figure changed")."""
    return CHANGE_LABELS.get(kind, kind.replace("-", " ").capitalize())


@dataclass(slots=True)
class Brief:
    """The whole output of one run: articles, stories and what was dropped."""

    articles: list[Article]
    stories: list[Story]
    dropped: list[Dropped] = field(default_factory=list)
    schema: str = BRIEF_SCHEMA
    changes: list[Change] = field(default_factory=list)
    since: str | None = None  # what `changes` compare against: a date or an earlier brief file


@dataclass(slots=True)
class OffTopic:
    """A passage of an article about another story: kept in the text, left out of analysis."""

    start: int  # character offsets into Article.text, end exclusive
    end: int
    reason: str


@dataclass(slots=True)
class CopyRelation:
    """One article derived from another, how, and the evidence for it."""

    original: str
    copy: str
    kind: str  # "verbatim" | "prefix" | "partial" | "rewrite" | "translation"
    evidence: list[str] = field(default_factory=list)
    passages: list[str] = field(default_factory=list)  # shared text, longest first
    scores: dict[str, float] = field(default_factory=dict)  # the measures behind `kind`
    directed: bool = True  # False: nothing tells which came first (original is then by id)


@dataclass(slots=True)
class SourceGroup:
    """Articles that count as one independent source, and why they were put together."""

    articles: list[str]
    reasons: list[str] = field(default_factory=list)  # empty for an article on its own


@dataclass(slots=True)
class Entity:
    """A person, place or organisation, with its aliases, roles and where it is mentioned."""

    name: str
    kind: str  # "PERSON" | "GPE" | "LOC" | "ORG" | "NORP" | "EVENT" | "MISC"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # "harbour spokesman", "Prime Minister"
    mentions: int = 0
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class TimeExpression:
    """A time expression in an article, normalised (TimeML value) against the article's anchor."""

    text: str
    value: str  # "2024-06-12", "2024-06", "2024", "2024-Q3", "P3Y", "PRESENT_REF" ...
    kind: str = "DATE"  # DATE | TIME | DURATION | SET
    granularity: str = "day"  # day | week | month | quarter | season | year | decade | time | ref
    start: int = 0  # character offsets into Article.text, end exclusive
    end: int = 0
    sentence: str = ""
    relative: bool = False  # resolved against the anchor rather than written in full
    inferred: bool = False  # the anchor (publication date) was itself uncertain


@dataclass(slots=True)
class QuoteVariant:
    """Another outlet's wording of the same quoted statement."""

    text: str
    article: str
    speaker: str | None = None


# -- JSON round trip ---------------------------------------------------------
def to_dict(record: Any) -> Any:
    """Convert a record (or a list/dict of records) to JSON-ready Python values."""
    if type(record) in _PLAIN:
        return record
    names = _FIELD_NAMES.get(type(record))
    if names is None and dataclasses.is_dataclass(record) and not isinstance(record, type):
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in dataclasses.fields(record))
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, list | tuple):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {str(key): to_dict(value) for key, value in record.items()}
    return record


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build a record of type `cls` from `to_dict` output; unknown keys are ignored."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = _hints(cls)
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        plan = _PLANS[cls] = [(f.name, _converter(hints[f.name])) for f in fields]
    return cls(**{name: convert(data[name]) for name, convert in plan if name in data})


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_PLANS: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {}
_CONVERTERS: dict[Any, Callable[[Any], Any]] = {}


def _identity(value: Any) -> Any:
    return value


def _converter(hint: Any) -> Callable[[Any], Any]:
    """The function that turns a JSON value into a value of type `hint` (built once per hint).

    None stays None at every level; a dataclass is built with from_dict; an int read for a
    float field becomes a float; anything else is taken as it is.
    """
    if hint in _CONVERTERS:
        return _CONVERTERS[hint]
    origin = typing.get_origin(hint)
    convert: Callable[[Any], Any] = _identity
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) == 1:
            convert = _converter(options[0])
    elif origin is list:
        convert = _list_of(_converter(typing.get_args(hint)[0]))
    elif origin is dict:
        convert = _dict_of(_converter(typing.get_args(hint)[1]))
    elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
        convert = _record_of(hint)
    elif hint is float:
        convert = _float
    _CONVERTERS[hint] = convert
    return convert


def _list_of(item: Callable[[Any], Any]) -> Callable[[Any], Any]:
    if item is _identity:
        return lambda value: None if value is None else list(value)
    return lambda value: None if value is None else [item(v) for v in value]


def _dict_of(item: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else {k: item(v) for k, v in value.items()}


def _record_of(cls: Any) -> Callable[[Any], Any]:
    return lambda value: None if value is None else from_dict(cls, value)


def _float(value: Any) -> Any:
    return float(value) if isinstance(value, int) else value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]
