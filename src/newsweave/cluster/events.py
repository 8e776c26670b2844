"""Events within a story: articles about the same happening, grouped, dated and titled.

Within one story the shared vocabulary (places, people) says nothing about which
happening an article covers, so event vectors use an IDF counted over the story's
own articles: what is left are the words that set one article apart from the rest.
What happened is told in the title and the lead, so only the first words count.

Each article has two days (`lead_days`). The day of the happening its lead reports: the
latest day the first sentences name for their own news ("the Coast Guard said on Thursday"),
within a week before publication (or the day after, when the lead names the weekday after
the publication day: a happening where clocks are ahead of the page's, not six days ago),
else the publication day; a day named in background
("the quake that struck on Monday", "hired after he was ousted on Friday", "Tuesday's
collapse") or for what is to come does not count. And the day it is grouped on: its
publication day, for a new development is reported the day it happens while leads keep
restating the happening it follows. An article without a date sits with the dated
articles whose leads report the happening of the weekday its own lead names, on their
publication day; failing those, on that weekday, where the articles most like it were
published. Articles are then grouped by average linkage on lead similarity plus a time
prior (a story's articles of one day likely report one happening), damped by the gap between
them in time: the mean of the gaps between their days and between the happenings their leads
report. The prior holds between outlets, not within one: an outlet reports a happening once
a day (its updates are copies, as alike as their words say), so two of its articles on one
day are more likely two happenings of a broad story and join only by their leads; undated ones without a day join the group their lead is most
like, and the rest are split only where their leads fall into groups with less in common
across than within. An event is dated by the happening most of its articles report
and titled by the lead sentence of its most central article.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import numpy as np

from newsweave.clean.dates import without_dateline
from newsweave.cluster.crosslingual import anchor_vectors
from newsweave.cluster.features import (
    RawFeatures,
    Vector,
    cosine,
    day_number,
    normalise,
    raw_features,
)
from newsweave.cluster.split import similarity_matrix, split_similar
from newsweave.cluster.stream import ClusterConfig
from newsweave.extract.anchor import Anchor
from newsweave.extract.timex import tag_times
from newsweave.model import Article, Event, content_id
from newsweave.text import WEEKDAY_PATTERN, split_sentences, weekday_number

_EVENT_FIELDS = ("body", "entity", "title")
_EVENT_WEIGHTS = {"body": 0.6, "entity": 0.25, "title": 0.15}
_WEEKDAY = re.compile(rf"(?<!\w)({WEEKDAY_PATTERN})(?!\w)", re.I)
# the lead announces something to come: its weekday is not the day of the happening
_AHEAD = re.compile(r"\b(?:will|next|plans?\s+to|is\s+to|are\s+to|expected\s+to|due\s+to)\b", re.I)
# photo captions, credits and stamps are never an event's title
_NOT_A_TITLE = re.compile(
    r"(?i)\b(?:photo|image|credit|getty|reuters/|ap\s+photo|file\s+picture|pictured)\b"
    r"|^\s*date\s+\d{4}-\d\d-\d\d|\b(?:updated|published|posted)\b.{0,20}\d"
)
_LEAD_SENTENCES = 2
_POSSESSIVE = re.compile(r"[\'’]s\b")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_SUBORDINATE = re.compile(
    r"\b(?:after|following|since|before|amid|until|après|depuis|nach|seit|tras|después|desde|dopo)\b",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:that|which|who|whose|when|where|while|qui|dont|lorsque|cuando|che)\b", re.I
)
# words: a relative clause is short ("the quake that struck the south of the country early on Monday")
_RELATIVE_SCOPE = 10
_EPOCH = date(1970, 1, 1)
_LOOKBACK_DAYS = 7  # a lead reports a happening of the past week at most
_MAX_SPLIT = 300  # undated articles of one story split into events at most


def split_events(articles: Sequence[Article], config: ClusterConfig) -> list[Event]:
    """Group a story's articles into events, each dated by the day its articles report; oldest first."""
    if not articles:
        return []
    raw = [_lead_features(a, config) for a in articles]
    sims = _similarities(_story_vectors(raw))
    _across_languages(articles, sims, config)
    days, happened = lead_days(articles, sims)
    groups = _group(days, happened, sims, config, [outlet_key(a.outlet) for a in articles])
    events = []
    for members in groups:
        group = [articles[i] for i in members]
        member_days = [d for i in members if (d := happened[i]) is not None]
        day = _event_day(member_days)
        lead = min(group, key=lambda a: time_key(a, day_number(a.published)))
        events.append(
            Event(
                id="e" + content_id(lead.id)[:11],
                title=_title(members, articles, sims, [i for i in members if happened[i] == day]),
                date=(_EPOCH + timedelta(days=day)).isoformat() if day is not None else None,
                articles=[
                    a.id for a in sorted(group, key=lambda a: time_key(a, day_number(a.published)))
                ],
            )
        )
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


def _across_languages(articles: Sequence[Article], sims: np.ndarray, config: ClusterConfig) -> None:
    """Leads in two languages share no words: such a pair is as alike as its anchors (names
    and numbers, `crosslingual.py`) say, when that says more than its words."""
    languages = [a.language for a in articles]
    if len({lang for lang in languages if lang}) < 2 or config.cross_language is None:
        return
    vectors = anchor_vectors(articles, config.cross_language)
    for i, j in zip(*np.triu_indices(len(articles), 1), strict=True):
        if languages[i] and languages[j] and languages[i] != languages[j]:
            sims[i, j] = sims[j, i] = max(sims[i, j], cosine(vectors[i], vectors[j]))


def outlet_key(outlet: str | None) -> str | None:
    """An outlet's name compared case-blind and without "www."; None when unknown."""
    key = (outlet or "").strip().lower().removeprefix("www.")
    return key or None


def time_key(article: Article, day: int | None) -> tuple[bool, int, str]:
    """Sort key: dated articles oldest first, then undated ones, ties by id."""
    return (day is None, day or 0, article.id)


def lead_days(
    articles: Sequence[Article], sims: np.ndarray
) -> tuple[list[int | None], list[int | None]]:
    """For each article, the day it is grouped on and the day of the happening its lead reports.

    Days count from 1970-01-01; None when unknown.
    A dated article sits on its publication day. An undated one sits with the dated articles
    whose leads report the happening of the weekday its own lead names ("rescuers said on
    Thursday"): on their publication day, the most alike of them deciding; failing those, on
    that weekday itself, within the story's dates, where the articles most like it were
    published.
    """
    days: list[int | None] = [day_number(a.published) for a in articles]
    reported = [_reported_day(a) for a in articles]
    published = [d for d in days if d is not None]
    if not published:
        return days, reported
    first, last = min(published), max(published)
    placed_days, happened = list(days), list(reported)
    for i, article in enumerate(articles):
        if days[i] is not None:
            continue
        placed: list[tuple[float, int, int]] = []
        for cue in _lead_weekdays(article):
            for d in range(first - _LOOKBACK_DAYS, last + 1):
                if (_EPOCH + timedelta(days=d)).weekday() != cue:
                    continue
                reporters = [j for j, r in enumerate(reported) if r == d and j != i]
                if reporters:
                    best = max(reporters, key=lambda j: (float(sims[i, j]), -j))
                    placed.append((1.0 + float(sims[i, best]), days[best] or d, d))
                elif first - 2 <= d:
                    near = [
                        float(sims[i, j])
                        for j, dj in enumerate(days)
                        if dj is not None and abs(dj - d) <= 1
                    ]
                    if near:
                        placed.append((max(near), d, d))
        if placed:
            _, placed_days[i], happened[i] = max(placed)
    return placed_days, happened


def _reported_day(article: Article) -> int | None:
    """The day of the happening a dated article's lead reports, else its publication day."""
    published = day_number(article.published)
    if published is None:
        return None
    anchor = Anchor.on(_EPOCH + timedelta(days=published))
    found = []
    for sentence in _lead_sentences(article):
        for timex in tag_times(sentence, anchor):
            if timex.granularity not in ("day", "time"):
                continue
            day = day_number(timex.value[:10])
            window = sentence[max(0, timex.start - 60) : timex.end + 20]
            if day is None or _AHEAD.search(window) or background(sentence, timex.start, timex.end):
                continue
            if day == published - 6 and timex.relative and _WEEKDAY.match(timex.text):
                day = published + 1  # the weekday after publication: a clock ahead of the page's
            if published - _LOOKBACK_DAYS <= day <= published + 1:
                found.append(day)
    return max(found) if found else published


def background(sentence: str, start: int, end: int) -> bool:
    """Whether the time expression at `start:end` dates background, not the lead's own news.

    It does when it modifies a noun ("Tuesday's collapse"), sits in a relative clause a few
    words after "that/which/who/when" ("the quake that struck on Monday"), or after
    "after/following/since/before/amid" in the main clause ("hired him after he was ousted,
    in a boardroom coup, on Friday"); a sentence that opens with one of these ("After a night
    of searching, crews found debris on Thursday") returns to its news at the first comma.
    """
    if _POSSESSIVE.match(sentence, end):
        return True
    before = sentence[:start]
    main = before
    if _SUBORDINATE.match(before.lstrip()):  # an opening subordinate clause ends at a comma
        parts = _CLAUSE_BREAK.split(before, maxsplit=1)
        if len(parts) == 1:
            return True
        main = parts[1]
    if _SUBORDINATE.search(main):
        return True
    words = _CLAUSE_BREAK.split(before)[-1].split()
    return bool(_RELATIVE.search(" ".join(words[-_RELATIVE_SCOPE:])))


def _lead_sentences(article: Article) -> list[str]:
    """The first sentences of the text that are not captions, credits or stamps."""
    kept = [
        s
        for s in split_sentences(article.text)[: _LEAD_SENTENCES + 2]
        if not _NOT_A_TITLE.search(s)
    ]
    return kept[:_LEAD_SENTENCES]


def _lead_weekdays(article: Article) -> list[int]:
    """The weekdays the lead names for its own news (not for what is to come, not background)."""
    found = []
    for sentence in _lead_sentences(article):
        for match in _WEEKDAY.finditer(sentence):
            window = sentence[max(0, match.start() - 60) : match.end() + 20]
            if not _AHEAD.search(window) and not background(sentence, match.start(), match.end()):
                found.append(weekday_number(match.group(1)))
    return found


def _event_day(days: list[int]) -> int | None:
    """The day most of the event's articles report (the earliest of a tie)."""
    if not days:
        return None
    counts = Counter(days)
    return min(counts, key=lambda d: (-counts[d], d))


def _group(
    days: list[int | None],
    happened: list[int | None],
    sims: np.ndarray,
    config: ClusterConfig,
    outlets: Sequence[str | None] | None = None,
) -> list[list[int]]:
    """Average-linkage groups of the dated articles, then the undated ones placed or split.

    Two dated articles are as far apart in time as the mean of the gaps between their
    publication days and between the days of the happenings their leads report: two reports
    published a day apart whose leads tell of happenings three days apart (a firing on Friday,
    a staff letter on Monday) are two developments, while a follow-up's restated background
    does not count as its happening (`background`). The time prior (`event_time_prior`) links
    articles of different (or unknown) outlets only: two articles of one outlet are linked
    by their leads alone. An undated article joins the dated
    group its lead is most like; those left over are one event unless their leads fall into
    groups less alike across than within (`split.split_similar`): with no time gap to tell
    happenings apart, a scale-free split does not shatter a story whose leads all differ
    (the days they resolve to later split it: `summarize.dating.date_events`)."""
    dated = [i for i, d in enumerate(days) if d is not None]
    groups = [[i] for i in dated]
    if dated:
        known = np.array([days[i] for i in dated], dtype=float)
        told = np.array([happened[i] or days[i] for i in dated], dtype=float)
        gap = (np.abs(np.subtract.outer(known, known)) + np.abs(np.subtract.outer(told, told))) / 2
        prior = np.full(gap.shape, config.event_time_prior)
        if outlets is not None:
            codes: dict[str, int] = {}
            code = np.array(
                [
                    -1 if (o := outlets[i]) is None else codes.setdefault(o, len(codes))
                    for i in dated
                ]
            )
            same = np.equal.outer(code, code) & (code >= 0)[:, None]
            np.fill_diagonal(same, False)
            prior[same] = 0.0
        link = (prior + sims[np.ix_(dated, dated)]) * np.exp(-gap / config.event_decay_days)
        groups = [[dated[i] for i in g] for g in _average_linkage(link, config.event_threshold)]
    loose = []
    for i, d in enumerate(days):
        if d is not None:
            continue
        scores = [float(np.mean(sims[i, members])) for members in groups]
        best = int(np.argmax(scores)) if scores else -1
        if best >= 0 and scores[best] >= config.event_join_undated:
            groups[best].append(i)
        else:
            loose.append(i)
    if len(loose) > _MAX_SPLIT:  # the split tree costs O(n^3): so many undated leads stay one event
        groups.append(loose)
    elif loose:
        parts = split_similar(sims[np.ix_(loose, loose)], config.event_split_undated)
        groups += [[loose[k] for k in part] for part in parts]
    return [sorted(g) for g in groups]


def _average_linkage(link: np.ndarray, threshold: float) -> list[list[int]]:
    """Merge the closest groups (mean pairwise link) while that mean is at least `threshold`."""
    n = len(link)
    total = link.astype(float).copy()  # sums of pairwise links between groups
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    while alive.sum() > 1:
        mean = total / np.outer(size, size)
        mask = np.outer(alive, alive)
        np.fill_diagonal(mask, False)
        mean[~mask] = -np.inf
        i, j = divmod(int(np.argmax(mean)), n)  # first maximum: deterministic
        if mean[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        size[i] += size[j]
        alive[j] = False
        groups[i] += groups.pop(j)
    return [sorted(g) for g in groups.values()]


def _title(
    members: list[int], articles: Sequence[Article], sims: np.ndarray, reporters: list[int]
) -> str:
    """The lead sentence of the member most like the others, among those reporting the event's
    day when there are any: without its dateline, never a caption or a stamp."""
    ranked = sorted(
        members,
        key=lambda i: (i not in reporters, -float(np.mean(sims[i, members])), articles[i].id),
    )
    for i in ranked:
        if found := lead_title(articles[i]):
            return found
    lead = articles[ranked[0]]
    return lead.title or " ".join(lead.text.split()[:12])


def lead_title(article: Article) -> str | None:
    """The article's first lead sentence fit to title an event: dateline off, no caption or stamp."""
    for sentence in split_sentences(article.text)[: _LEAD_SENTENCES + 1]:
        sentence = without_dateline(sentence)
        if 6 <= len(sentence.split()) <= 60 and not _NOT_A_TITLE.search(sentence):
            return sentence
    return None


def _story_vectors(raws: list[RawFeatures]) -> list[dict[str, Vector]]:
    n = len(raws)
    df = {name: Counter(t for r in raws for t in r.counts[name]) for name in _EVENT_FIELDS}
    out = []
    for r in raws:
        vectors = {}
        for name in _EVENT_FIELDS:
            vectors[name] = normalise(
                {
                    t: (1 + math.log(c)) * math.log((1 + n) / (df[name][t]))
                    for t, c in r.counts[name].items()
                }
            )
        out.append(vectors)
    return out


def _similarities(vectors: list[dict[str, Vector]]) -> np.ndarray:
    """The weighted lead similarity of every pair of articles."""
    total = np.zeros((len(vectors), len(vectors)))
    for name, weight in _EVENT_WEIGHTS.items():
        total += weight * similarity_matrix([v[name] for v in vectors])
    return total


def _lead_features(article: Article, config: ClusterConfig) -> RawFeatures:
    """Terms of the title and lead."""
    lead = " ".join(article.text.split()[: config.event_lead_words])
    return raw_features(replace(article, text=lead), config.features)
