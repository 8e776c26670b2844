"""Per-story resolution: one entity per person or place across articles, a quote ledger,
and publication-date anchors narrowed with evidence from the other articles of the story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from newsweave.extract.anchor import Anchor, article_anchor, range_from_last_month
from newsweave.extract.dates import find_dates
from newsweave.extract.names import (
    DEMONYM,
    fold,
    is_typo,
    person_key,
    spelling_key,
    surname,
)
from newsweave.model import Article, Entity, Quote, QuoteVariant, Story
from newsweave.text import content_words, jaccard, month_number, split_sentences

_LAST_MONTH = re.compile(
    r"\blast\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


@dataclass(frozen=True, slots=True)
class ResolveConfig:
    """Tunables of per-story resolution."""

    same_quote: float = 0.5  # word overlap of two quotes that are the same statement
    same_context: float = 0.2  # overlap of their surroundings, for short differently-worded answers
    short_quote: int = 12  # words
    same_event: int = 2  # shared content words tying "last September" to "September 2023"


def resolve_stories(
    stories: list[Story], articles: list[Article], config: ResolveConfig | None = None
) -> dict[str, Any]:
    """Corpus stage: `resolve_story` for every story."""
    by_id = {a.id: a for a in articles}
    return {
        "stories": [
            resolve_story(s, [by_id[i] for i in s.articles if i in by_id], config) for s in stories
        ]
    }


def resolve_story(
    story: Story, articles: Sequence[Article], config: ResolveConfig | None = None
) -> Story:
    """The story with canonical entities and a quote ledger (variants merged, speakers canonical)."""
    config = config or ResolveConfig()
    entities = merge_entities([e for a in articles for e in a.entities])
    canonical = {fold(alias): e.name for e in entities for alias in e.aliases}
    quotes = story.quotes or [q for a in articles for q in a.quotes]
    return replace(
        story,
        entities=entities,
        quotes=quote_ledger(
            quotes,
            articles,
            canonical,
            config,
            _event_of(story),
            [e.name for e in entities if e.kind == "PERSON"],
        ),
    )


def _event_of(story: Story) -> dict[str, str]:
    """Each article's event id within the story."""
    return {article: event.id for event in story.events for article in event.articles}


def merge_entities(entities: Sequence[Entity]) -> list[Entity]:
    """Fold per-article entities into one per person/place: aliases, roles, mentions, articles."""
    groups: list[list[Entity]] = []
    ordered = sorted(entities, key=lambda e: (-len(e.name), -e.mentions, e.name))
    for entity in ordered:
        for group in groups:
            if _same(group[0], entity):
                group.append(entity)
                break
        else:
            groups.append([entity])
    merged = []
    for group in groups:
        kinds: Counter[str] = Counter()
        for e in group:
            kinds[e.kind] += e.mentions
        names: Counter[str] = Counter()
        for e in group:
            names[e.name] += e.mentions
        merged.append(
            Entity(
                name=max(names, key=lambda n: (len(re.split(r"[-\s]", n)), names[n], len(n))),
                kind=kinds.most_common(1)[0][0],
                aliases=sorted({a for e in group for a in e.aliases}),
                roles=sorted({r for e in group for r in e.roles}),
                mentions=sum(e.mentions for e in group),
                articles=sorted({a for e in group for a in e.articles}),
            )
        )
    merged.sort(key=lambda e: (-len(e.articles), -e.mentions, e.name))
    return merged


_fold_name = lru_cache(maxsize=16384)(fold)  # names only: merge_entities compares all pairs


def _same(a: Entity, b: Entity) -> bool:
    if _fold_name(a.name) == _fold_name(b.name):
        return True
    if a.kind == "PERSON" or b.kind == "PERSON":
        ka, kb = person_key(a.name), person_key(b.name)
        if ka == kb:
            return True
        return len(kb) == 1 and bool(ka) and spelling_key(surname(a.name)) == kb[0]
    places = {"GPE", "LOC"}
    if {a.kind, b.kind} <= places and is_typo(a.name, b.name):
        return True  # a misspelling: "Upper-Marsch" for "Upper-Marsh"
    if a.kind in places and b.kind in places | {"MISC"} and not DEMONYM.match(b.name):
        parts = re.split(r"[-\s]", a.name)
        if len(b.name.split()) != 1 or len(parts) < 2:
            return False
        key = spelling_key(b.name)
        rest = [p for p in parts if spelling_key(p) != key]
        # the short form of a hyphenated region ("Marsh" for "Upper-Marsh"); never of a
        # spaced name: "Sudan" is not "South Sudan", "Ireland" not "Northern Ireland"
        return len(rest) < len(parts) and " " not in a.name.strip()
    return False


def quote_ledger(
    quotes: Sequence[Quote],
    articles: Sequence[Article],
    canonical: dict[str, str],
    config: ResolveConfig,
    event_of: dict[str, str] | None = None,
    people: Sequence[str] = (),
) -> list[Quote]:
    """One entry per statement: variants of the same quote from other articles folded in.

    Differently worded short answers are only merged within one event: the same speaker
    answering a similar question months apart made two statements, not one.
    """
    event_of = event_of or {}
    texts = {a.id: a.text for a in articles}
    surnames = {spelling_key(surname(n)): n for n in people if " " in n}
    ledger: list[tuple[Quote, set[str], set[str]]] = []
    for quote in quotes:
        speaker = _canonical(quote.speaker, canonical, surnames)
        words = set(content_words(quote.text))
        context = set(content_words(_context(texts.get(quote.article, ""), quote.sentence)))
        for entry, entry_words, entry_context in ledger:
            if entry.article == quote.article or (
                entry.speaker and speaker and entry.speaker != speaker
            ):
                continue
            same_words = jaccard(words, entry_words) >= config.same_quote
            short = max(len(quote.text.split()), len(entry.text.split())) <= config.short_quote
            same_event = event_of.get(quote.article) == event_of.get(entry.article)
            if same_words or (
                short
                and speaker
                and same_event
                and jaccard(context, entry_context) >= config.same_context
            ):
                entry.variants.append(QuoteVariant(quote.text, quote.article, speaker))
                entry.speaker = entry.speaker or speaker
                break
        else:
            ledger.append((replace(quote, speaker=speaker, variants=[]), words, context))
    return [entry for entry, _, _ in ledger]


def _canonical(
    speaker: str | None, canonical: dict[str, str], surnames: dict[str, str]
) -> str | None:
    if not speaker:
        return None
    found = canonical.get(fold(speaker))
    key = spelling_key(surname(speaker))
    if found and not any(spelling_key(w) == key for w in found.split()):
        found = None  # an entity merge gone wrong must not rename a speaker
    if found and found.split()[-1] != found:
        return found
    if " " not in speaker:
        return surnames.get(key, found or speaker)
    return found or speaker


def _context(text: str, sentence: str) -> str:
    """The quote's sentence and the one before it, quotations removed."""
    sentences = split_sentences(text)
    index = next((i for i, s in enumerate(sentences) if sentence[:40] in s), None)
    around = " ".join(sentences[max(0, index - 1) : index + 1]) if index is not None else sentence
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", around)


def story_anchors(
    articles: Sequence[Article], config: ResolveConfig | None = None
) -> dict[str, Anchor]:
    """Each article's anchor; undated or inferred ones narrowed by the other articles' dates.

    "last September" in an undated article, next to a sentence elsewhere in the story about the
    same event dated "September 2023", puts its publication between 2023-10 and 2024-09.
    """
    config = config or ResolveConfig()
    anchors: dict[str, Anchor] = {}
    dated: list[tuple[str, str, set[str]]] = []  # (article, YYYY-MM, sentence words)
    for article in articles:
        own = article_anchor(article.published, article.published_inferred)
        if own:
            anchors[article.id] = own
        for m in find_dates(article.text, article.published):
            if len(m.value) == 7 and re.search(r"(?:19|20)\d\d", m.text):
                dated.append((article.id, m.value, set(content_words(m.sentence))))
    for article in articles:
        own = anchors.get(article.id)
        if own is not None and own.exact:
            continue
        evidence = []
        for sentence in split_sentences(article.text):
            for match in _LAST_MONTH.finditer(sentence):
                month = month_number(match.group(1))
                words = set(content_words(sentence)) - {match.group(1).lower()}
                best = max(
                    (
                        (len(words & w) >= config.same_event, int(value[:4]))
                        for other, value, w in dated
                        if int(value[5:7]) == month and other != article.id
                    ),
                    default=(0, 0),
                )
                found = range_from_last_month(month, best[1]) if best[0] else None
                if found and (own is None or found.latest >= own.earliest):
                    evidence.append(found)
        if evidence:
            narrowed = evidence[0]
            for extra in evidence[1:]:
                narrowed = narrowed.intersect(extra)
            if own is not None:
                narrowed = Anchor(max(narrowed.earliest, own.earliest), narrowed.latest)
            anchors[article.id] = narrowed
    return anchors


def anchor_date(anchor: Anchor | None) -> date | None:
    """The representative day of an anchor."""
    return anchor.day if anchor else None
