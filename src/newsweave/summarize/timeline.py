"""A dated timeline of a story: time expressions and publication dates, merged across articles.

Each entry is one happening on one date: the clause around the date (not the whole paragraph,
never a boilerplate line), every article that dates it, how precise the date is, whether any
part of it was inferred, and the event it belongs to when that is clear.

Vague days ("on Wednesday", "the 17th") in articles without a trusted publication date are
dated from corroborating articles (`dating.refine_day`) or left out; so are "last month" and
"last year" when the article's date range leaves them ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.clean.dates import without_dateline
from newsweave.clean.text import CAPTION
from newsweave.extract.anchor import Anchor, article_anchor, month_end, parse_iso
from newsweave.extract.dates import time_expressions
from newsweave.extract.quotemarks import closed_quotations
from newsweave.extract.resolve import story_anchors
from newsweave.extract.timex import FUTURE
from newsweave.model import Article, Event, TimeExpression, TimelineEntry
from newsweave.summarize.dating import Clue, explicit, keys, refine_day, vague_day
from newsweave.text import jaccard, split_sentences

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_MONTH = {"SP": "03", "SU": "06", "FA": "09", "WI": "12"}
# periods, not days: one row each in a story's timeline
COARSE = frozenset({"month", "season", "quarter", "year", "decade"})
_CLAUSE = re.compile(r"\s*(?:[,;:]|\s[–—-]\s|\(|\))\s*")
# a clause opening on a finite verb has lost its subject to the clause before it
_PREDICATE = re.compile(
    r"(?:was|were|is|are|has|had|have|will|would|could|can|did|does|said|says|told|added)\b"
)
BOILERPLATE = re.compile(
    r"©|\bcopyright\b|all rights reserved|\bread more\b|\bsign up\b|\bsubscribe\b|\bcookies?\b|"
    r"\bis a (?:registered )?trademark\b|\b501\(c\)|"
    r"\b(?:this|the) (?:post|article|story) (?:appeared|was (?:first |originally )?published)|"
    r"^(?:updated|published|posted|last modified)\b",
    re.I,
)

# what follows a caption's date: ". – " before the story goes on, or the photo credit
_CAPTION_TAIL = re.compile(r"(?i)\s*\.\s+[–—]\s|\s*[.,]?\s*\((?:ap|afp|reuters|photo|file)\b")


@dataclass(frozen=True, slots=True)
class TimelineConfig:
    """Tunables of the timeline."""

    max_entries: int = 40
    same_happening: float = 0.25  # key-word Jaccard of two clauses on one date telling one thing
    same_overlap: float = 0.4  # ... or the share of the shorter clause's key words in the other
    max_words: int = 40  # longer sentences are cut to the clauses around the date
    min_words: int = 8  # a clause shorter than this takes in its neighbours
    corroborate: int = 3  # key words a sentence shares with another to date a vague day by it
    publication: bool = True  # add an entry for each publication date (the article's title)
    background_days: int = 30  # entries ending this long before the first article: background


@dataclass(slots=True)
class Mention:
    """One dated clause of one article: the raw material of timeline entries."""

    date: str
    granularity: str
    text: str
    article: str
    inferred: bool
    words: set[str] = field(default_factory=set)


def build_timeline(
    articles: Sequence[Article],
    events: Sequence[Event] = (),
    copies: Sequence[Sequence[str]] = (),
    config: TimelineConfig | None = None,
) -> list[TimelineEntry]:
    """Dated entries from time expressions and publication dates, merged across articles."""
    config = config or TimelineConfig()
    mentions = story_mentions(articles, events, copies, config)
    window = story_window(articles)
    entries = [e for e in merge_mentions(mentions, config) if not after_the_story(e, window)]
    for entry in entries:
        entry.background = before_the_story(entry, window, config.background_days)
    if len(entries) > config.max_entries:
        ranked = sorted(entries, key=lambda e: (-len(e.sources), e.inferred, -len(e.date)))
        entries = ranked[: config.max_entries]
    entries = [_with_event(e, events, mentions) for e in entries]
    return sorted(entries, key=lambda e: (e.date, e.text))


def story_mentions(
    articles: Sequence[Article],
    events: Sequence[Event] = (),
    copies: Sequence[Sequence[str]] = (),
    config: TimelineConfig | None = None,
) -> list[Mention]:
    """Every dated clause of the story's articles, originals first, vague days resolved or left out."""
    config = config or TimelineConfig()
    copy_ids = {member for group in copies for member in group[1:]}
    ordered = sorted(
        articles, key=lambda a: (a.id in copy_ids, a.published or "9999", a.published_inferred)
    )
    anchors = story_anchors(ordered) if any(not _exact(a) for a in ordered) else {}
    window = story_window(ordered)
    event_of = {a: e.id for e in events for a in e.articles}
    found: list[tuple[Article, Anchor | None, list[TimeExpression]]] = []
    for article in ordered:
        anchor = anchors.get(article.id) or article_anchor(
            article.published, article.published_inferred
        )
        if window is not None and (anchor is None or not anchor.exact):
            # an undated article was published among the story's others: not after the latest
            anchor = window if anchor is None else _capped(anchor, window)
        found.append((article, anchor, _expressions(article, anchor)))
    clues = [
        (article.id, expr.sentence, expr.value if explicit(expr.text) else "")
        for article, _, exprs in found
        for expr in exprs
    ]
    clues += [
        (article.id, s, "")
        for article, _, _ in found
        for s in split_sentences(article.text)
        if vague_day(s)
    ]
    mentions: list[Mention] = []
    for article, anchor, exprs in found:
        if config.publication and article.published:
            mentions.append(_publication(article))
        fixed: dict[str, str] = {}  # vague value -> refined day, for "the same day" and the like
        spoken = closed_quotations(article.text)
        for expr in exprs:
            value = _calendar(expr)
            if value is None or not expr.sentence or BOILERPLATE.search(expr.sentence):
                continue
            if caption_date(expr) or _quoted(expr, spoken):
                continue
            sentence = without_dateline(expr.sentence)  # "OSTRAND, Dec. 14 (Wire) - ..."
            if expr.sentence.find(expr.text) < len(expr.sentence) - len(sentence):
                continue  # the dateline's own date stamps the report; it is no happening
            date, granularity = value
            if expr.relative and anchor is not None and not anchor.exact:
                if granularity == "day" and vague_day(expr.text):
                    if expr.value[:10] not in fixed:
                        own_event = event_of.get(article.id)
                        related = [
                            Clue(s, v, own_event is None or event_of.get(other) == own_event)
                            for other, s, v in clues
                            if other != article.id
                        ]
                        day = refine_day(
                            expr.text, expr.sentence, anchor, related, config.corroborate
                        )
                        fixed[expr.value[:10]] = day.isoformat() if day else ""
                    date = fixed[expr.value[:10]]
                    if not date:
                        continue
                elif not explicit(expr.text) and not _unambiguous(granularity, anchor):
                    continue
            text = clause(sentence, expr, exprs, config)
            mentions.append(
                Mention(
                    date=date,
                    granularity=granularity,
                    text=text,
                    article=article.id,
                    inferred=expr.inferred or (expr.relative and not _exact(article)),
                    words=keys(text),
                )
            )
    return mentions


def story_window(articles: Sequence[Article]) -> Anchor | None:
    """The days the story's dated articles were published on (first..latest), or None."""
    days = sorted(
        d for a in articles if len(a.published or "") >= 10 and (d := parse_iso(a.published))
    )
    return Anchor(days[0], days[-1]) if days else None


def _capped(anchor: Anchor, window: Anchor) -> Anchor:
    """A range anchor that ends no later than the story's latest article."""
    if anchor.earliest > window.latest:
        return anchor
    return Anchor(anchor.earliest, min(anchor.latest, window.latest))


def _quoted(expr: TimeExpression, spans: list[tuple[int, int]]) -> bool:
    """Whether the time expression is said inside a quotation: a speaker's words ("on Tuesday I
    did not think I could say that"), not the report's account of a happening."""
    return expr.end > expr.start and any(a <= expr.start and expr.end <= b for a, b in spans)


def before_the_story(entry: TimelineEntry, window: Anchor | None, days: int) -> bool:
    """Whether an entry's whole period ends `days` or more before the story's first article."""
    start = parse_iso(entry.date)
    if window is None or start is None:
        return False
    if entry.granularity == "day":
        end = start
    elif entry.granularity in ("month", "season", "quarter"):
        end = month_end(start.year, start.month)
    else:
        end = start.replace(month=12, day=31)
    return (window.earliest - end).days >= days


def caption_date(expr: TimeExpression) -> bool:
    """Whether the time expression dates a photo caption, not a happening of the text."""
    if CAPTION.search(expr.sentence):
        return True
    at = expr.sentence.find(expr.text)
    after = expr.sentence[at + len(expr.text) :] if at >= 0 else ""
    return bool(_CAPTION_TAIL.match(after))


def after_the_story(entry: TimelineEntry, window: Anchor | None) -> bool:
    """Whether an entry is dated after the story's latest article without stating a plan."""
    if window is None or parse_iso(entry.date) is None:
        return False
    return entry.date[:10] > window.latest.isoformat() and not FUTURE.search(entry.text)


def merge_mentions(
    mentions: Sequence[Mention], config: TimelineConfig | None = None
) -> list[TimelineEntry]:
    """One entry per happening and date: mentions of one date that say much the same are merged.

    A bare year, decade, season, quarter or month is one period of the story's background
    ("the 2020 war", "the 2020 ceasefire"): all its mentions are one row, whose other
    wordings are kept in `also`. Mentions of one day merge when their key words overlap.
    A merged entry reads as its most central clause: the one sharing most key words with
    the others (the first on a tie).
    """
    config = config or TimelineConfig()
    groups: list[tuple[TimelineEntry, set[str]]] = []
    members: list[list[Mention]] = []
    by_date: dict[str, list[int]] = {}
    for mention in mentions:
        coarse = mention.granularity in COARSE
        for index in by_date.get(mention.date, []):
            entry, words = groups[index]
            if (coarse and entry.granularity == mention.granularity) or _same_happening(
                words, mention.words, config
            ):
                if mention.article not in entry.sources:
                    entry.sources = sorted({*entry.sources, mention.article})
                entry.inferred = entry.inferred and mention.inferred
                words |= mention.words
                members[index].append(mention)
                break
        else:
            by_date.setdefault(mention.date, []).append(len(groups))
            entry = TimelineEntry(
                date=mention.date,
                text=mention.text,
                sources=[mention.article],
                inferred=mention.inferred,
                granularity=mention.granularity,
            )
            groups.append((entry, set(mention.words)))
            members.append([mention])
    for (entry, _), told in zip(groups, members, strict=True):
        if len(told) > 2 or (entry.granularity in COARSE and len(told) > 1):
            central = max(
                told,
                key=lambda m: sum(len(m.words & o.words) for o in told if o is not m),
            )
            entry.text = central.text
        if entry.granularity in COARSE:
            entry.also = list(dict.fromkeys(m.text for m in told if m.text != entry.text))
    return [entry for entry, _ in groups]


def clause(
    sentence: str, expr: TimeExpression, others: Sequence[TimeExpression], config: TimelineConfig
) -> str:
    """The clauses of `sentence` around the time expression, up to `max_words` words.

    Neighbouring clauses that carry another date are only taken in while the text is still
    shorter than `min_words`: "the withdrawal, which commenced in April" for April, the whole
    sentence for "was concluded on June 12".
    """
    words = sentence.split()
    others_at = [
        (at, at + len(o.text))
        for o in others
        if o.sentence == sentence and o.value != expr.value and (at := sentence.find(o.text)) >= 0
    ]
    if len(words) <= config.max_words and not others_at:
        return sentence
    spans: list[tuple[int, int]] = []
    last = 0
    for match in _CLAUSE.finditer(sentence):
        spans.append((last, match.end()))
        last = match.end()
    spans.append((last, len(sentence)))
    start = sentence.find(expr.text)
    if start < 0:
        return " ".join(words[: config.max_words])
    end = start + len(expr.text)
    inside = [i for i, (a, b) in enumerate(spans) if a < end and b > start]
    lo, hi = inside[0], inside[-1]

    def size(a: int, b: int) -> int:
        return len(sentence[spans[a][0] : spans[b][1]].split())

    def fits(i: int) -> bool:
        a, b = spans[i]
        other_date = any(x < b and y > a for x, y in others_at)
        grown = size(min(lo, i), max(hi, i))
        return grown <= config.max_words and (not other_date or size(lo, hi) < config.min_words)

    while True:
        if lo > 0 and fits(lo - 1):
            lo -= 1
        elif hi < len(spans) - 1 and fits(hi + 1):
            hi += 1
        else:
            break
    text = sentence[spans[lo][0] : spans[hi][1]].strip(" ,;:–—-(")
    if not text:
        return sentence
    if hi < len(spans) - 1 and not text.endswith((".", "!", "?", ")")):
        text += " …"
    if lo == 0 or text[0].isupper():
        return text
    # cut at its start: say so; a predicate cut from its subject ("…, was allowed back on
    # Thursday") takes the sentence's opening name when it is short ("Jane Roe … was allowed")
    subject = sentence[: spans[0][1]].strip(" ,;:–—-(")
    if _PREDICATE.match(text) and subject[:1].isupper() and len(subject.split()) <= 4:
        return f"{subject} … {text}"
    return f"… {text}"


def _expressions(article: Article, anchor: Anchor | None) -> list[TimeExpression]:
    """The article's own time expressions when its date is trusted, else re-read against `anchor`.

    An exact date makes the extract stage's expressions final, even when there are none:
    tagging again would cost as much as extraction did.
    """
    if _exact(article):
        exprs = article.times
    else:
        exprs = time_expressions(article.text, anchor=anchor, inferred=not _exact(article))
    return [e for e in exprs if e.sentence and e.sentence in article.text]


def _exact(article: Article) -> bool:
    return (
        bool(article.published)
        and len(article.published or "") >= 10
        and (not article.published_inferred)
    )


def _calendar(expr: TimeExpression) -> tuple[str, str] | None:
    """The ISO date and granularity of a time expression, or None for durations, sets and refs."""
    if expr.kind not in ("DATE", "TIME"):
        return None
    value = expr.value[:10]
    if found := _CALENDAR.match(value):
        granularity = "day" if found.group(3) else "month" if found.group(2) else "year"
        return value, granularity
    if found := _QUARTER.match(expr.value):
        return f"{found.group(1)}-{3 * int(found.group(2)) - 2:02d}", "quarter"
    if found := _SEASON.match(expr.value):
        return f"{found.group(1)}-{_SEASON_MONTH[found.group(2)]}", "season"
    return None


def _unambiguous(granularity: str, anchor: Anchor) -> bool:
    """Whether "last month" or "this year" means one period anywhere in the anchor's range."""
    if granularity == "year":
        return anchor.earliest.year == anchor.latest.year
    if granularity in ("month", "season", "quarter"):
        return anchor.earliest.strftime("%Y-%m") == anchor.latest.strftime("%Y-%m")
    return anchor.exact


def _publication(article: Article) -> Mention:
    """The publication date as a mention: the headline (else the lead) tells what happened."""
    text = article.title or next(iter(split_sentences(article.text)), article.text[:120])
    date = article.published or ""
    granularity = "day" if len(date) >= 10 else "month" if len(date) == 7 else "year"
    return Mention(
        date=date[:10],
        granularity=granularity,
        text=text,
        article=article.id,
        inferred=article.published_inferred,
        words=keys(text),
    )


def _same_happening(a: set[str], b: set[str], config: TimelineConfig) -> bool:
    """Whether two clauses on one date tell one happening."""
    shared = len(a & b)
    if shared < 3:
        return False
    return jaccard(a, b) >= config.same_happening or shared >= config.same_overlap * min(
        len(a), len(b)
    )


def _with_event(
    entry: TimelineEntry, events: Sequence[Event], mentions: Sequence[Mention]
) -> TimelineEntry:
    """Tie the entry to the event all its sources belong to, when the date fits that event.

    An event with a date must agree with the entry at the coarser of the two granularities;
    an undated event takes a day-level entry that is its articles' latest date (the news peg).
    """
    owners = [e for e in events if set(entry.sources) <= set(e.articles)]
    if len(owners) != 1:
        return entry
    event = owners[0]
    if event.date:
        size = min(len(event.date), len(entry.date))
        fits = event.date[:size] == entry.date[:size]
    else:
        latest = {
            source: max((m.date for m in mentions if m.article == source), default="")
            for source in entry.sources
        }
        fits = entry.granularity == "day" and all(v == entry.date for v in latest.values())
    if fits:
        entry.event = event.id
    return entry
