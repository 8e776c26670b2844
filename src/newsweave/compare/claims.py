"""Claims: the same statement found in several articles, with its support counted honestly.

Candidates are informative sentences (a figure, a date or a named entity) that stand alone:
never boilerplate, a caption or credit line, a store's date stamp, a fragment (cut off,
begun in lower case, or the bare attribution of the quotation before it) or a piece of a
quotation. They are aligned across articles by what they say:

- a lexical paraphrase similarity (`similarity.py`: weighted shared stems and characters);
- shared figures that agree (and agreeing said quantities: "100,000 fled", "about 100,000
  left"); two sentences whose counts of the same thing all disagree ("820 killed",
  "1,037 killed") are never one claim;
- shared names, folded across languages ("Syria" / "Syrie"), that are rare in the story.

Two sentences about different events of the story (`Story.events`) must be near paraphrases
(the similarity's own threshold) to be one claim; within one event a lower claim threshold
applies. Each aligned group is one claim; its support is the number of independent sources
(the story's source groups: copies of one original, one outlet twice, and one wire's
rewrites count once). A claim with one independent source is a single-source fact.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.compare.discrepancies import CompareConfig, lineage_roots
from newsweave.compare.quantities import Quantity, agree, quantity, same_quantity, sentence_years
from newsweave.compare.similarity import Similarity, fold_name
from newsweave.model import Article, Claim, Event
from newsweave.text import split_sentences, words

_BOILERPLATE = re.compile(
    r"\b(?:read more|subscribe|sign up|newsletter|click here|all rights reserved|copyright|"
    r"cookies?|follow us|advertisement|share this|terms of use|privacy policy|trademark|"
    r"contributed to this report|(?:first|originally) (?:appeared|published)|photo:|image:|"
    r"getty images|credit:|photo by|file photo|caption|pic\.twitter\.com)\b|©|https?://",
    re.IGNORECASE,
)
_STAMP = re.compile(r"^\W*date \d{4}-\d{2}-\d{2}\b")  # a page store's date stamp line
_QUOTED = re.compile(r"[“\"]([^”\"]*)[”\"]")
_OPENING = "“«„"
_CLOSING = "”»"
_ENDS = ".!?…"
# "Capt. Jane Roe said at a news conference." after a quotation: its bare attribution
_ATTRIBUTION = re.compile(
    r"^(?:[A-Z][\w.’'-]*\s+){1,6}(?:said|says|told|added|wrote|stated|explained|noted)\b"
    r"(?!\s+that\b)"
)
_NAMED = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}
_SPECIFIC = {"PERSON", "ORG", "EVENT", "FAC"}
_MAX_DF = 0.5  # stems in more than this share of sentences do not propose pairs


@dataclass(frozen=True, slots=True)
class ClaimConfig:
    """Tunables of claim alignment (part1 of the stories set, see docs/benchmarks.md)."""

    threshold: float = 0.33  # same claim within one event (news paraphrases share few words)
    name_bonus: float = 0.05  # per shared rare name (folded across languages), at most two
    linkage: float = 1.0  # share of `threshold` that the mean of a merged group's pairs needs
    floor: float = 0.2  # the least score of any two sources' sentences in one claim
    rare_share: float = 0.2  # a name or figure in more of the story's sentences is common


@dataclass(slots=True)
class _Sentence:
    """A candidate claim sentence of one article, with what makes it informative."""

    article: str
    order: int
    text: str
    figures: frozenset[float]
    quantities: tuple[Quantity, ...]
    names: frozenset[str]
    folded: frozenset[str]  # the names as `fold_name` makes them comparable across languages
    dated: bool
    whole: bool  # a whole sentence; a cut-off one (a heading, a truncated page) only supports
    specific: bool  # a figure, a date, or a person/organisation/event: fit to stand alone
    members: list[int] = field(default_factory=list)


def find_claims(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]] = (),
    events: Sequence[Event] = (),
    config: CompareConfig | None = None,
    claim_config: ClaimConfig | None = None,
) -> list[Claim]:
    """Claims across `articles`, supported by independent sources (`copies`: the groups of
    articles that count as one source, such as copies of one original or one outlet)."""
    config = config or CompareConfig()
    roots = lineage_roots(articles, copies)
    sentences = [s for a in articles for s in _candidates(a, config)]
    if not sentences:
        return []
    similarity = Similarity((s.text for s in sentences), config.similarity)
    event_of = {a: e.id for e in events for a in e.articles}
    aligner = _Aligner(
        sentences, similarity, config, claim_config or ClaimConfig(), event_of, roots
    )
    groups = aligner.groups()
    rank = {a.id: n for n, a in enumerate(articles)}
    claims = []
    for group in groups:
        members = sorted((sentences[i] for i in group), key=lambda s: (rank[s.article], s.order))
        whole = [s for s in members if s.whole]
        if not whole:
            continue  # headings and cut-off sentences only support a claim
        independent = len({roots[s.article] for s in members})
        if independent == 1 and not any(s.specific for s in members):
            continue
        lead = next((s for s in whole if roots[s.article] == s.article), whole[0])
        sources = [s.article for s in members]
        claims.append(
            Claim(
                text=lead.text,
                sources=sources,
                independent=independent,
                kind="corroborated" if independent > 1 else "single-source",
                event=_event(sources, events),
                wording={s.article: s.text for s in members},
            )
        )
    first = {id(c): min(rank[s] for s in c.sources) for c in claims}
    claims.sort(key=lambda c: (-c.independent, first[id(c)]))
    return claims


def _candidates(article: Article, config: CompareConfig) -> list[_Sentence]:
    """The article's sentences that could be claims."""
    figures: dict[str, set[float]] = defaultdict(set)
    quantities: dict[str, list[Quantity]] = defaultdict(list)
    for f in article.figures:
        figures[f.sentence].add(f.value)
        q = quantity(f, sentence_years(article.times, f.sentence), config.quantity)
        if q.predicate is not None:
            quantities[f.sentence].append(q)
    dated = {t.sentence for t in article.times if t.kind == "DATE"}
    names = [
        (name, e.kind in _SPECIFIC, e.kind in _NAMED)
        for e in article.entities
        for name in {e.name, *e.aliases}
        if len(name) > 2
    ]
    out = []
    previous = ""
    for order, text in enumerate(split_sentences(article.text)):
        before, previous = previous, text
        count = len(words(text))
        if not config.min_words <= count <= config.max_words:
            continue
        whole = stands_alone(text, before)
        if not whole and not (_cut_off(text) and stands_alone(text.rstrip() + ".", before)):
            continue
        quoted = sum(len(q) for q in _QUOTED.findall(text))
        if quoted > 0.5 * len(text):
            continue  # a bare quotation belongs to the quote ledger
        present = [(name, specific, named) for name, specific, named in names if name in text]
        found = {name for name, _, named in present if named}
        has_figure, has_date = bool(figures.get(text)), text in dated
        if not (found or has_figure or has_date):
            continue
        specific = has_figure or has_date or any(s for _, s, _ in present)
        out.append(
            _Sentence(
                article=article.id,
                order=order,
                text=text,
                figures=frozenset(figures.get(text, ())),
                quantities=tuple(quantities.get(text, ())),
                names=frozenset(found),
                folded=frozenset(fold_name(name) for name, _, _ in present),
                dated=has_date,
                whole=whole,
                specific=specific,
            )
        )
    return out


def _cut_off(text: str) -> bool:
    """Whether a sentence stops without its end mark (a heading, a truncated page)."""
    body = text.rstrip("”\"’'») ")
    return bool(body) and body[-1] not in _ENDS


def stands_alone(text: str, before: str = "") -> bool:
    """Whether a sentence can be a claim by itself: not boilerplate, a caption or a stamp line,
    not a question, a fragment or a piece of a quotation (`before`: the sentence before it)."""
    if _BOILERPLATE.search(text) or _STAMP.match(text):
        return False
    body = text.rstrip("”\"’'») ")
    if not body or body[-1] not in _ENDS or body.endswith("?"):
        return False  # cut off (a truncated page, a heading) or a question
    first = text.lstrip(" \t-–—•*")[:1]
    if first.islower():
        return False  # begun mid-sentence
    opened = sum(text.count(c) for c in _OPENING)
    closed = sum(text.count(c) for c in _CLOSING)
    if opened != closed or text.count('"') % 2:
        return False  # a quotation that runs on from, or into, another sentence
    attributes = before.rstrip().endswith(tuple(_CLOSING) + ('"',))
    return not (attributes and _ATTRIBUTION.match(text))


class _Aligner:
    """Groups sentences of different articles that say the same thing."""

    def __init__(
        self,
        sentences: list[_Sentence],
        similarity: Similarity,
        config: CompareConfig,
        claim: ClaimConfig,
        event_of: dict[str, str],
        roots: dict[str, str],
    ) -> None:
        """Index the sentences; `event_of` maps an article to its event in the story, `roots`
        to its independent source."""
        self.sentences, self.similarity = sentences, similarity
        self.config, self.claim, self.event_of, self.roots = config, claim, event_of, roots
        df: Counter[object] = Counter(x for s in sentences for x in (*s.folded, *s.figures))
        limit = claim.rare_share * len(sentences)
        self.rare = {x for x, count in df.items() if count <= max(2, limit)}
        self.scores: dict[tuple[int, int], float] = {}

    def groups(self) -> list[list[int]]:
        """Groups of sentences that say the same thing, at most one sentence per article."""
        sentences = self.sentences
        scored = [(self.score(i, j), i, j) for i, j in self._pairs()]
        scored = [item for item in scored if self._joins(item[1], item[2])]
        group_of = list(range(len(sentences)))
        groups: dict[int, list[int]] = {i: [i] for i in range(len(sentences))}
        for _, i, j in sorted(scored, reverse=True):
            gi, gj = group_of[i], group_of[j]
            if gi == gj:
                continue
            if {sentences[k].article for k in groups[gi]} & {
                sentences[k].article for k in groups[gj]
            }:
                continue  # one article states a claim once
            pairs = [(x, y) for x in groups[gi] for y in groups[gj]]
            mean, least = self._linkage(pairs)
            if mean < self.claim.threshold * self.claim.linkage or least < self.claim.floor:
                continue  # average linkage: no chains of loosely related sentences
            if any(self._crosses(x, y) and not self._joins(x, y) for x, y in pairs):
                continue  # statements about different events join only as near paraphrases
            for k in groups[gj]:
                group_of[k] = gi
            groups[gi] += groups.pop(gj)
        return sorted(groups.values(), key=min)

    def score(self, i: int, j: int) -> float:
        """The pair's similarity with its bonuses, computed once."""
        key = (min(i, j), max(i, j))
        if key not in self.scores:
            a, b = self.sentences[i], self.sentences[j]
            apart = _counts_apart(a, b)
            verdicts = _quantity_verdicts(a, b, self.config)
            # "76 killed" and "76 injured" say different things; so do "820 killed" and
            # "1,037 killed": a claim is one statement, not a disputed figure
            if apart or verdicts == {False}:
                self.scores[key] = 0.0
            else:
                names = len(a.folded & b.folded & self.rare)
                figures = len(a.figures & b.figures & self.rare)
                bonus = self.claim.name_bonus * min(2, names)
                bonus += self.config.figure_bonus * min(2, figures)  # beyond `_pair_score`'s one
                self.scores[key] = (
                    _pair_score(a, b, True in verdicts, self.similarity, self.config) + bonus
                )
        return self.scores[key]

    def _joins(self, i: int, j: int) -> bool:
        """Whether two sentences may be one claim: close enough, and near paraphrases in their
        own words when they report different events of the story (not just a shared figure)."""
        if self.score(i, j) < self.claim.threshold:
            return False
        if not self._crosses(i, j):
            return True
        return self.similarity.same(self.sentences[i].text, self.sentences[j].text)

    def _linkage(self, pairs: list[tuple[int, int]]) -> tuple[float, float]:
        """The mean and least score of two groups over pairs of sources, each pair by its best
        sentences: one source's sentences may say different things, and it says a claim once."""
        best: dict[tuple[str, str], float] = {}
        for x, y in pairs:
            key = (self._root(x), self._root(y))
            best[key] = max(best.get(key, -1.0), self.score(x, y))
        return sum(best.values()) / len(best), min(best.values())

    def _root(self, i: int) -> str:
        """The independent source of a sentence's article."""
        article = self.sentences[i].article
        return self.roots.get(article, article)

    def _crosses(self, i: int, j: int) -> bool:
        """Whether the two sentences' articles report different events of the story."""
        a = self.event_of.get(self.sentences[i].article)
        b = self.event_of.get(self.sentences[j].article)
        return a is not None and b is not None and a != b

    def _pairs(self) -> list[tuple[int, int]]:
        """Pairs of sentences of different articles worth scoring: two shared rare stems, or
        a shared figure, or a shared rare name (across languages few words are shared)."""
        sentences = self.sentences
        index: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(sentences):
            for stem in self.similarity.features(s.text).stems:
                index[stem].append(i)
        limit = max(2, int(_MAX_DF * len(sentences)))
        shared: Counter[tuple[int, int]] = Counter()
        for postings in index.values():
            if len(postings) <= limit:
                _count_pairs(postings, sentences, shared, 1)
        anchors: dict[object, list[int]] = defaultdict(list)
        for i, s in enumerate(sentences):
            for anchor in (*s.figures, *(s.folded & self.rare)):
                anchors[anchor].append(i)
        for postings in anchors.values():
            if len(postings) <= limit:
                _count_pairs(postings, sentences, shared, 2)
        return [pair for pair, count in shared.items() if count >= 2]


def _count_pairs(
    postings: list[int], sentences: list[_Sentence], shared: Counter[tuple[int, int]], weight: int
) -> None:
    """Count each pair of a posting list's sentences from different articles."""
    for x, i in enumerate(postings):
        for j in postings[x + 1 :]:
            if sentences[i].article != sentences[j].article:
                shared[(i, j)] += weight


def _counts_apart(a: _Sentence, b: _Sentence) -> set[float]:
    """Values the two sentences share but say of different things ("76 killed", "76 hurt")."""
    return {
        x.figure.value
        for x in a.quantities
        for y in b.quantities
        if x.figure.value == y.figure.value
        and x.predicate
        and y.predicate
        and x.predicate != y.predicate
    }


def _quantity_verdicts(a: _Sentence, b: _Sentence, config: CompareConfig) -> set[bool]:
    """Whether each pair of the two sentences' quantities that measure one thing agrees: {False}
    when they give one quantity values that do not agree, and agree on none (a sentence with
    several tolls may share one and differ on another it counts elsewhere)."""
    return {
        agree(x, y)
        for x in a.quantities
        for y in b.quantities
        if same_quantity(x, y, config.quantity)
    }


def _pair_score(
    a: _Sentence, b: _Sentence, agreeing: bool, similarity: Similarity, config: CompareConfig
) -> float:
    """Paraphrase similarity, plus bonuses for a shared figure (said of the same thing) and an
    agreeing said quantity (`agreeing`); the pair shares no figure said of different things."""
    score = similarity.score(a.text, b.text)
    if a.figures & b.figures:
        score += config.figure_bonus
    if agreeing:
        score += config.quantity_bonus  # "100,000 fled" and "about 100,000 left"
    return score


def _event(sources: list[str], events: Sequence[Event]) -> str | None:
    """The event most of the claim's sources belong to, when the story has events."""
    best, best_count = None, 0
    for event in events:
        count = len(set(sources) & set(event.articles))
        if count > best_count:
            best, best_count = event.id, count
    return best
