"""Discrepancies: independent sources that give different values for the same quantity.

Figures become frames (`quantities.quantity`) and are grouped by what they measure
(`quantities.same_quantity`: the things counted or the dimension measured, the predicate,
the unit after conversion, the scope, the year), then their values by overlapping ranges,
so "about 100,000" and "more than 100,000" agree while 100,000 and 50,000 people who fled
conflict, and 120,000 people who live in a region is another quantity altogether. Durations
of the same kind of thing in the same year ("six-week war" and "44-day war", "a four-day
search" and "a five-day search") are compared the same way. Articles in one lineage group
(copies) count as one source.

A count that grows over a story (the dead, the injured, the evacuated) is not a conflict when
its values rise with the days they were reported, or when the days are unknown: it is a tally
(`compare_figures` returns both), shown as values by day. It is a conflict when a later report gives less
than an earlier one, or when the figures are pinned to a stated past year (the toll of an
earlier disaster).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from newsweave.compare.quantities import (
    CHANGING,
    CONTEXT_PREDICATES,
    GROWING,
    MONEY,
    Quantity,
    QuantityConfig,
    bounded,
    compatible,
    duration_range,
    figure_clause,
    format_number,
    frame_words,
    is_conversion,
    is_denominator,
    is_whole,
    locate,
    needs_subject,
    quantity,
    same_quantity,
    sentence_years,
    superseded,
    what_words,
)
from newsweave.compare.similarity import Similarity, SimilarityConfig
from newsweave.model import (
    Article,
    Discrepancy,
    DiscrepancyValue,
    Figure,
    SummarySentence,
    Tally,
    TallyPoint,
)
from newsweave.text import STOP_WORDS, split_sentences, stem, words

# kinds of happening whose length sources report ("a six-week war", "a 24-hour assault")
_HAPPENING_WORDS = {
    "fighting": "war wars conflict fighting offensive assault blitz attack campaign operation "
    "invasion siege battle",
    "strike": "strike strikes walkout stoppage",
    "talks": "talks negotiations summit meeting",
    "blockade": "blockade closure lockdown shutdown",
    "trial": "trial hearing",
    "outage": "outage outages blackout blackouts",
    "search": "search searches manhunt",
    "standoff": "standoff stand-off",
    "protest": "protest protests demonstration demonstrations",
}
_HAPPENINGS = {word: kind for kind, text in _HAPPENING_WORDS.items() for word in text.split()}


@dataclass(frozen=True, slots=True)
class CompareConfig:
    """Tunables of cross-source comparison: quantities, paraphrase similarity, claims."""

    quantity: QuantityConfig = field(default_factory=QuantityConfig)
    similarity: SimilarityConfig = field(default_factory=SimilarityConfig)
    figure_context: float = 0.35  # similarity of sentences whose unexplained figures compare
    figure_bonus: float = 0.1  # added to the similarity of two sentences sharing a figure
    quantity_bonus: float = 0.2  # ... sharing an agreeing figure of the same said quantity
    min_words: int = 6  # shorter sentences are not claims
    max_words: int = 80  # longer ones are run-on text, not claims
    max_figures: int = 300  # figures of one article compared (clustering them is quadratic)
    max_bucket: int = 1500  # figures of one kind compared in a story (pairs are quadratic)
    same_what: float = 0.5  # weighted share of what two compatible frames say they count
    alike_ratio: float = 2.0  # the most two values matched by meaning alone may differ by


@dataclass(frozen=True, slots=True)
class _Measure:
    """One source's value for a quantity: its range, wording and sentence."""

    article: str
    root: str
    value: float
    low: float
    high: float
    text: str
    sentence: str
    about: str
    unique: bool = True  # the only figure of its kind in its sentence
    day: str | None = None  # the article's publication day
    attributed: str | None = None  # who the figure is credited to
    predicate: str | None = None
    past: bool = False  # pinned to a stated year before the article's
    upper: float | None = None  # a range's top as written: "between 200 and 250"
    unit: str | None = None  # the unit as written ("mile"), before conversion
    outlet: str | None = None  # who published the article


def lineage_roots(
    articles: Sequence[Article], copies: Sequence[Sequence[str]] = ()
) -> dict[str, str]:
    """Each article's independent source: the first article of its lineage group, else itself."""
    roots = {a.id: a.id for a in articles}
    for group in copies:
        for member in group:
            roots[member] = group[0]
    return roots


def find_discrepancies(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    config: CompareConfig | None = None,
) -> list[Discrepancy]:
    """Conflicting figures and durations across `articles`; a copy group counts as one source."""
    return compare_figures(articles, copies, config)[0]


def compare_figures(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    config: CompareConfig | None = None,
) -> tuple[list[Discrepancy], list[Tally]]:
    """The conflicts and the tallies over time among the figures of `articles`."""
    config = config or CompareConfig()
    roots = lineage_roots(articles, copies)
    conflicts: list[Discrepancy] = []
    tallies: list[Tally] = []
    clusters = [(c, "figure") for c in _figure_clusters(articles, roots, config)]
    clusters += [(c, "duration") for c in _duration_clusters(articles, roots)]
    for cluster, kind in clusters:
        groups = _value_groups(cluster)
        if groups is None:
            continue
        if _is_tally(cluster, len(groups)):
            tallies.append(_tally(cluster, kind))
        else:
            conflicts.append(_discrepancy(cluster, groups, kind))
    return conflicts, tallies


def _figure_clusters(
    articles: Sequence[Article], roots: dict[str, str], config: CompareConfig
) -> list[list[_Measure]]:
    """Figures grouped by the quantity they measure (complete linkage, closest pairs first)."""
    similarity = Similarity(
        (s for a in articles for s in split_sentences(a.text)), config.similarity
    )
    frames: list[tuple[Quantity, _Measure]] = []
    year = max((a.published[:4] for a in articles if a.published), default=None)
    for article in articles:
        figures = article.figures[: config.max_figures]
        # figures of one kind in one sentence, but for totals ("79 of the 150 seats")
        alike = Counter((f.sentence, f.unit, f.counts) for f in figures if not is_whole(f))
        places = [e for e in article.entities if e.kind in ("GPE", "LOC")]
        for figure in figures:
            if (
                is_conversion(figure)
                or (figure.upper is not None and figure.approximate)
                or superseded(figure)
                or is_denominator(figure)
            ):  # "(11 miles)" after "18 km" is that measure again; "thousands" vague;
                continue  # "initially said 60, later revised the figure to 45" withdraws 60;
                # "four in every 1,000" counts no 1,000
            years = sentence_years(article.times, figure.sentence)
            clause = figure_clause(bounded(figure))
            when = [t.value for t in article.times if t.sentence == figure.sentence
                    and t.kind in ("DURATION", "DATE") and t.text in clause
                    and not _earlier_value_between(figure, t.text)]  # fmt: skip
            q = quantity(figure, years, config.quantity, places, article.published, when, year)
            measure = _Measure(
                article.id,
                roots.get(article.id, article.id),
                figure.value,
                q.low,
                q.high,
                figure.text,
                figure.sentence,
                _about(q),
                alike[(figure.sentence, figure.unit, figure.counts)] <= 1,
                q.day,
                q.attributed,
                q.predicate,
                q.past,
                figure.upper,
                figure.unit,
                article.outlet,
            )
            frames.append((q, measure))
    # frames can only match inside one bucket (same unit, dimension and modality); each bucket
    # is compared pair by pair, so it is capped
    buckets: dict[tuple[str | None, ...], list[int]] = {}
    for i, (q, _) in enumerate(frames):
        dimension = "length" if q.dimension == "size" else q.dimension  # "a 380-metre bridge"
        buckets.setdefault((q.unit, dimension, q.modal), []).append(i)
    clusters: list[list[_Measure]] = []
    for members in buckets.values():
        clusters += _link(frames, members[: config.max_bucket], similarity, config)
    return clusters


# "nine are missing, down from 14 on Wednesday": the day belongs to the earlier value
_FROM_VALUE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+)?\d[\d,.]*\b", re.I)


def _earlier_value_between(figure: Figure, time_text: str) -> bool:
    """Whether an earlier value ("from 14") stands between the figure and the time said
    after it in the sentence: that time dates the earlier value, not this one."""
    at = locate(figure)
    end = at + len(figure.text)
    later = figure.sentence.find(time_text, end) if at >= 0 else -1
    return later >= 0 and bool(_FROM_VALUE.search(figure.sentence, end, later))


def _link(
    frames: list[tuple[Quantity, _Measure]],
    members: list[int],
    similarity: Similarity,
    config: CompareConfig,
) -> list[list[_Measure]]:
    """Complete-linkage clusters of frames that measure the same quantity.

    Pairs are joined closest first, closeness being the words two frames share weighted by
    how rare they are among these frames ("healthcare" says more than "financial"), so a
    figure goes with the frames most like it rather than the first that would take it.
    Frames the rules do not match but whose clauses say they count the same thing
    (`_alike`) are joined after them, unless one source tells the two apart.
    """
    said = {i: frame_words(frames[i][0]) for i in members}
    # rarity among the frames of one predicate (sums and shares: all), as the rules match them
    kinds: dict[str | None, list[int]] = {}
    for i in members:
        kinds.setdefault(_predicate_kind(frames[i][0]), []).append(i)
    weight: dict[tuple[str | None, str], float] = {}
    for kind, group in kinds.items():
        seen = Counter(w for i in group for w in said[i])
        weight.update({(kind, w): math.log(1 + len(group) / n) for w, n in seen.items()})
    same: set[tuple[int, int]] = set()
    pairs: list[tuple[int, float, int, int]] = []
    alike: list[tuple[int, int]] = []
    for x, i in enumerate(members):
        qi, mi = frames[i]
        for j in members[x + 1 :]:
            qj, mj = frames[j]
            if _same(qi, mi, qj, mj, similarity, config):
                same.add((i, j))
                kind = _predicate_kind(qi)
                shared = said[i] & said[j]
                pairs.append((0, -sum(weight.get((kind, w), 0.0) for w in shared), i, j))
            elif mi.article != mj.article and _alike(qi, mi, qj, mj, similarity, config):
                alike.append((i, j))
    # only two independent sources' figures, each alone of its kind in its sentence, are joined
    # by their clauses alone; every alike pair may tell two others apart
    for i, j in _uncontrasted(frames, members, same, alike):
        if frames[i][1].root == frames[j][1].root or not (
            frames[i][1].unique and frames[j][1].unique
        ):
            continue
        same.add((i, j))
        pairs.append((1, -_what(frames[i][0], frames[j][0], similarity), i, j))
    cluster_of = {i: [i] for i in members}
    for _, _, i, j in sorted(pairs):
        a, b = cluster_of[i], cluster_of[j]
        if a is b or not all((min(x, y), max(x, y)) in same for x in a for y in b):
            continue
        a.extend(b)
        for k in b:
            cluster_of[k] = a
    unique = {id(c): c for c in cluster_of.values()}
    return [[frames[i][1] for i in sorted(c)] for c in unique.values()]


def _predicate_kind(q: Quantity) -> str | None:
    """The predicate the rules match a frame by: none for sums and shares (their clause says)."""
    return None if q.unit in MONEY or q.unit == "percent" else q.predicate


def _what(a: Quantity, b: Quantity, similarity: Similarity) -> float:
    """How much two frames say they count the same thing: the rarity-weighted share of the
    smaller of their what-words (`what_words`) that the other also has, rarity over the
    story's sentences; 0 when they share no word but a predicate, or one says a single word.
    A predicate weighs as a common word ("rose" is said of revenue and profit alike), a class
    as the rarest."""
    wa, wb = what_words(a), what_words(b)
    shared = wa & wb
    if min(len(wa), len(wb)) < 2 or all(w[0] == "@" for w in shared):
        return 0.0

    def weigh(word: str) -> float:
        if word[0] == "@":
            return 1.0
        return similarity.idf("" if word[0] == "#" else word)

    least = min(sum(map(weigh, wa)), sum(map(weigh, wb)))
    return sum(map(weigh, shared)) / least


def _alike(
    a: Quantity,
    ma: _Measure,
    b: Quantity,
    mb: _Measure,
    similarity: Similarity,
    config: CompareConfig,
) -> bool:
    """Frames the rules do not match that still measure one thing by meaning: they could
    (`compatible`), their counted heads are of one class ("jobs" and "postes", "homes" and
    "houses"), their words next to the figure mostly agree, and their values are of one order
    (a weaker match needs a plausible disagreement: 3 and 4 "photos", 2,300 and 64 "tons" on
    real pages were different things)."""
    low, high = sorted((abs(ma.value), abs(mb.value)))
    if not low or high / low > config.alike_ratio or not compatible(a, b):
        return False
    if not any(w[0] == "#" for w in what_words(a) & what_words(b)):
        return False
    return _what(a, b, similarity) >= config.same_what


def _uncontrasted(
    frames: list[tuple[Quantity, _Measure]],
    members: list[int],
    same: set[tuple[int, int]],
    alike: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The alike pairs that no source tells apart: a pair is dropped when one article holds
    two figures of different values, not alike themselves, one like each side of the pair
    ("$40 million to roads and $25 million to schools" parts roads' sum from schools')."""
    related = same | set(alike)

    def near(x: int, y: int) -> bool:
        return x == y or (min(x, y), max(x, y)) in related

    by_article: dict[str, list[int]] = {}
    for i in members:
        by_article.setdefault(frames[i][1].article, []).append(i)
    kept = []
    for i, j in alike:
        told_apart = False
        for figures in by_article.values():
            xs = [x for x in figures if near(x, i)]
            ys = [y for y in figures if near(y, j)]
            if any(
                x != y and not near(x, y) and frames[x][1].value != frames[y][1].value
                for x in xs
                for y in ys
            ):
                told_apart = True
                break
        if not told_apart:
            kept.append((i, j))
    return kept


def _about(q: Quantity) -> str:
    """What a frame measures, in a few words: "people killed", "depth", "sum invested ($)"."""
    figure = q.figure
    if q.dimension:
        return q.dimension
    if figure.unit in MONEY and not figure.counts:
        return f"sum {q.predicate or 'of money'} ({figure.unit})"
    if figure.unit == "percent" and not figure.counts:
        return f"percentage ({q.predicate})" if q.predicate else "percentage"
    about = figure.counts or figure.unit or ""
    if q.predicate and q.predicate not in words(about):
        about = f"{about} ({q.predicate})"
    return about


def _same(
    a: Quantity,
    ma: _Measure,
    b: Quantity,
    mb: _Measure,
    similarity: Similarity,
    config: CompareConfig,
) -> bool:
    """Same quantity: said to be (a predicate such as "fled"), or in paraphrased sentences."""
    if not same_quantity(a, b, config.quantity):
        return False
    if (a.predicate is not None and a.predicate not in CONTEXT_PREDICATES) or a.dimension:
        return True
    if needs_subject(a) or needs_subject(b):
        return True  # the clauses already share what they are about
    # "300 passengers were taken off" / "lifeboats brought 120 passengers ashore": the same
    # only when the sentences say the same thing and each has one such figure; so too what
    # fell or rose, a measure's dimension (the depth of what?)
    return (
        ma.unique
        and mb.unique
        and similarity.score(ma.sentence, mb.sentence) >= config.figure_context
    )


def _duration_clusters(articles: Sequence[Article], roots: dict[str, str]) -> list[list[_Measure]]:
    """Durations of the same kind of thing in sentences dated to a shared year."""
    keyed: dict[tuple[str, str, str], list[_Measure]] = {}
    for article in articles:
        written = [t for t in article.times if not t.relative]  # "Friday" states no year
        for time in article.times:
            span = duration_range(time.value) if time.kind == "DURATION" else None
            kind = _happening(time.sentence, time.text) if span is not None else None
            if span is None or kind is None:
                continue
            years = sentence_years(written, time.sentence)
            if len(years) > 1:
                continue
            year = next(iter(years), "")
            low, high = span
            at = time.sentence.find(time.text)
            near = words(time.sentence[max(0, at - 20) : at + len(time.text) + 50])
            left = "remaining" if _LEFT & set(near) else None  # "40 hours of oxygen left"
            measure = _Measure(
                article.id,
                roots.get(article.id, article.id),
                (low + high) / 2,
                low,
                high,
                time.text,
                time.sentence,
                f"{'time left' if left else 'length'} of the {year} {kind}".replace("  ", " "),
                day=article.published,
                predicate=left,
            )
            keyed.setdefault((kind, year, left or ""), []).append(measure)
    return list(keyed.values())


# a span still to run: it shrinks as the story goes on, so its values are a tally
_LEFT = frozenset(
    ["left", "remaining", "remain", "remains", "more", "restant", "restantes", "übrig", "rimanenti"]
)


# a span that places a moment rather than measures a happening: "two hours before the blast"
_OFFSET = re.compile(
    r"^\s*(?:before|after|ago|earlier|later|beforehand|afterwards|avant|après|plus\s+tard|"
    r"vorher|nachher|später|antes|después|prima|dopo)\b",
    re.I,
)


# the thing whose length a verb of lasting gives, right before the duration
_LASTED = re.compile(
    r"\b([^\W\d_][\w-]*)\s+(?:lasted|lasts|had\s+lasted|has\s+lasted|went\s+on\s+for)"
    r"(?:\s+(?:for|about|around|nearly|almost|more\s+than|less\s+than|over|just|some))*\s*$",
    re.I,
)


def _happening(sentence: str, duration: str) -> str | None:
    """What a duration measures: its kind of happening, or the thing named right after it.

    "a six-week war" is fighting; "a four-day search" a search and "96 hours of oxygen"
    oxygen; "for 24 hours police ..." names nothing.
    """
    at = sentence.find(duration)
    if at < 0 or _OFFSET.match(sentence[at + len(duration) :]):
        return None  # "two hours before the explosion" is when, not how long
    lasted = _LASTED.search(sentence[:at])
    if lasted and lasted.group(1).lower() not in STOP_WORDS:  # "the outage lasted six hours"
        word = lasted.group(1).lower()
        return _HAPPENINGS.get(word, stem(word))
    following = words(sentence[at + len(duration) :])[:3]
    if following[:1] == ["of"]:
        following = following[1:]
    elif "-" not in duration:
        following = following[:2]
        for word in following + words(sentence):
            if word in _HAPPENINGS:
                return _HAPPENINGS[word]
        return None
    for word in following[:2]:
        if word in _HAPPENINGS:
            return _HAPPENINGS[word]
    if following and following[0] not in STOP_WORDS and following[0].isalpha():
        return stem(following[0])
    return None


def _value_groups(cluster: list[_Measure]) -> list[list[_Measure]] | None:
    """The cluster's values grouped where their ranges overlap; None unless sources differ."""
    if len({m.article for m in cluster}) < 2:
        return None
    groups: list[list[_Measure]] = []
    for measure in sorted(cluster, key=lambda m: (m.low, m.high)):
        if groups and all(_agree(measure, other) for other in groups[-1]):
            groups[-1].append(measure)
        else:
            groups.append([measure])
    # articles disagree when one gives a value another does not, and that other a value the
    # first does not: an article giving both ("7.8 by one agency, 7.4 by another") is no
    # dispute; a partial copy that changes its original's figure is one; two articles of one
    # outlet are one source updating itself ("3 confirmed" in the morning, "4" at noon)
    given = [{m.outlet or m.article for m in g} for g in groups]
    disputed = any(
        given[i] - given[j] and given[j] - given[i]
        for i in range(len(given))
        for j in range(i + 1, len(given))
    )
    return groups if disputed else None


def _is_tally(cluster: list[_Measure], values: int) -> bool:
    """A count that changed over the story: it rose from one day's reports to a later day's.

    For growing counts (the dead, the evacuated) a lower figure on a later day is a conflict;
    a count given at three or more values is a tally (a toll climbing through the days); of two
    values, a higher one on a later day is a tally, while two given on the same day, or that no
    date orders, are a dispute. Counts that move either way (the missing) are always a tally.
    Figures pinned to a stated earlier year (an old disaster's toll) do not change any more.
    """
    predicate = next((m.predicate for m in cluster if m.predicate), None)
    if predicate not in CHANGING or all(m.past for m in cluster):
        return False
    if predicate not in GROWING:
        return True
    # an article's own latest figure: "rose from 2,000 to 2,900" reports 2,000 as past
    latest: dict[str, _Measure] = {}
    for m in cluster:
        if m.day and not m.past and (m.article not in latest or m.low > latest[m.article].low):
            latest[m.article] = m
    dated = [(m.day or "", m) for m in latest.values()]
    fell = any(
        later_day > earlier_day and later.article != earlier.article and later.high < earlier.low
        for earlier_day, earlier in dated
        for later_day, later in dated
    )
    if fell:
        return False
    if values >= 3:  # a toll seen at three or more values is a series, dated or not
        return True
    same_day = any(
        a_day == b_day and a.article != b.article and (a.high < b.low or b.high < a.low)
        for a_day, a in dated
        for b_day, b in dated
    )
    rose = any(
        later_day > earlier_day and later.low > earlier.high
        for earlier_day, earlier in dated
        for later_day, later in dated
    )
    return rose and not same_day  # two values given the same day, or undated, are a dispute


def _tally(cluster: list[_Measure], kind: str) -> Tally:
    """A changing count's values, by the day each was reported (undated ones last)."""
    by_value: dict[tuple[str | None, float], list[_Measure]] = {}
    for m in cluster:
        by_value.setdefault((m.day, m.value), []).append(m)
    points = []
    for (day, value), group in sorted(
        by_value.items(), key=lambda kv: (kv[0][0] is None, kv[0][0] or "", kv[0][1])
    ):
        wording, sentences = _wordings(group)
        shown = group[0].text if kind == "duration" else format_number(value)
        points.append(TallyPoint(shown, day, group[0].text, list(wording), wording, sentences))
    return Tally(about=_cluster_about(cluster), points=points)


def _wordings(group: list[_Measure]) -> tuple[dict[str, str], dict[str, str]]:
    """Each article's own wording of a value, and the sentence it stands in (first of each)."""
    wording: dict[str, str] = {}
    sentences: dict[str, str] = {}
    for m in group:
        wording.setdefault(m.article, m.text)
        sentences.setdefault(m.article, m.sentence)
    return wording, sentences


def _cluster_about(cluster: list[_Measure]) -> str:
    abouts = Counter(m.about for m in cluster)
    plain = [a for a, _ in abouts.most_common() if not a.endswith(")")]  # "who fled" > "(fled)"
    return plain[0] if plain else abouts.most_common(1)[0][0]


def _discrepancy(cluster: list[_Measure], groups: list[list[_Measure]], kind: str) -> Discrepancy:
    """A discrepancy: independent sources give values whose ranges do not overlap."""
    values: list[DiscrepancyValue] = []
    for group in groups:  # each group shows its most common value that no other group holds
        # ("up to 32" and 30 against 32 are 30 and 32)
        ranked = [v for v, _ in Counter(m.value for m in group).most_common()]
        elsewhere = {m.value for other in groups if other is not group for m in other}
        common = next((v for v in ranked if v not in elsewhere), ranked[0])
        values.append(_value(group, kind, common))
    values.sort(key=lambda v: (-v.independent, v.value))
    return Discrepancy(about=_cluster_about(cluster), values=values, kind=kind)


def _agree(a: _Measure, b: _Measure) -> bool:
    """Whether two values may be the same: the same written number and unit ("nearly 100,000"
    and "more than 100,000"), or ranges that overlap. A value group holds only values that all
    agree, so "up to 190" does not join 150 and 190 into one."""
    same_number = a.value == b.value and a.upper == b.upper and a.unit == b.unit
    return same_number or _overlap(a, b)


def _overlap(a: _Measure, b: _Measure) -> bool:
    """Whether two ranges share more than an end ("about 13,000" and "about 12,000" do not).

    Two written ranges ("12,000 to 19,000", "between 12,000 and 25,000") are two estimates:
    they agree only when both their ends do, give or take rounding.
    """
    if a.upper is not None and b.upper is not None:
        return _close(a.low, b.low) and _close(a.high, b.high)
    if a.low == a.high or b.low == b.high:
        return a.low <= b.high and b.low <= a.high
    return a.low < b.high and b.low < a.high


def _close(x: float, y: float, share: float = 0.05) -> bool:
    """Whether two ends of ranges are the same number give or take rounding (5%)."""
    return abs(x - y) <= share * max(abs(x), abs(y))


def _value(group: list[_Measure], kind: str, common: float) -> DiscrepancyValue:
    """One distinct value of a discrepancy (shown as `common`), with each source's own wording,
    day and credit."""
    first = next(m for m in group if m.value == common)
    wording, sentences = _wordings(group)
    dates: dict[str, str] = {}
    attributed: dict[str, str] = {}
    for m in group:
        if m.day:
            dates.setdefault(m.article, m.day)
        if m.attributed:
            attributed.setdefault(m.article, m.attributed)
    shown = first.text if kind == "duration" else format_number(common)
    if kind == "figure" and first.upper is not None:  # a range: "200–250"
        shown = f"{shown}–{format_number(first.upper)}"
    return DiscrepancyValue(
        value=shown,
        text=first.text,
        sources=list(wording),
        independent=len({m.root for m in group}),
        wording=wording,
        sentences=sentences,
        dates=dates,
        attributed=attributed,
    )


def note_disputes(
    summary: Sequence[SummarySentence], conflicts: Sequence[Discrepancy]
) -> list[SummarySentence]:
    """The summary with each sentence that states a disputed figure naming the disagreement.

    "the toll is given as 1,200 by the ministry and 2,000 by the aid agency": a sentence whose
    figure is one of a conflict's values gets `disputed` set to every value and who gives it.
    """
    out = []
    for sentence in summary:
        notes = [
            _dispute_words(d)
            for d in conflicts
            if any(
                sentence.text in said or said in sentence.text
                for v in d.values
                for said in v.sentences.values()
            )
        ]
        out.append(replace(sentence, disputed="; ".join(notes)) if notes else sentence)
    return out


def _dispute_words(d: Discrepancy) -> str:
    """A disagreement in words: "sources disagree on depth: 18 (2 sources) or 7 (1 source)"."""
    values = []
    for v in d.values:
        credited = sorted(set(v.attributed.values()))
        who = f"credited to {', '.join(credited)}" if credited else ""
        count = f"{v.independent} source{'s' if v.independent != 1 else ''}"
        values.append(f"{v.value} ({'; '.join(x for x in (count, who) if x)})")
    return f"sources disagree on {d.about}: " + " or ".join(values)
