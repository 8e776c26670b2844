"""Copy lineage: which article is the original, and which are verbatim copies, partial copies
or rewrites of it, each relation with its evidence.

- Near-duplicate groups (MinHash) become verbatim or partial copies, by the share of
  normalised sentences they have in common.
- Rewrites (paraphrased, same facts) are pairs in one story that share little text but
  most content words, named entities and quotes, published close together.
- The original is the article that a credit line names ("first appeared on cnn.com"),
  else the earliest published, else the first by id.

`independent_sources` keeps one article per lineage group: a wire story republished
forty times is one source.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlparse

from newsweave.cluster.features import day_number, entities
from newsweave.model import Article, CopyRelation
from newsweave.text import content_words, split_sentences, words

_FIRST_ON = re.compile(
    r"(?:first|originally)\s+(?:appeared|published|ran)\s+(?:on|in|at|by)\s+([\w.-]+)", re.I
)


@dataclass(frozen=True, slots=True)
class LineageConfig:
    """Thresholds of copy classification and rewrite detection."""

    verbatim: float = 0.8  # share of the original's sentences a verbatim copy repeats
    rewrite_cosine: float = 0.6  # content-word cosine of a rewrite
    rewrite_entities: float = 0.6  # share of the original's entities the rewrite names
    rewrite_max_shared: float = 0.3  # above this share of sentences it is a copy, not a rewrite
    rewrite_days: int = 2  # a rewrite appears within this many days
    max_story: int = 300  # larger stories are not searched pairwise for rewrites


def copy_relations(
    articles: Sequence[Article],
    groups: Iterable[Sequence[str]],
    config: LineageConfig | None = None,
) -> list[CopyRelation]:
    """Verbatim and partial copy relations (original -> copy) within near-duplicate groups."""
    config = config or LineageConfig()
    by_id = {a.id: a for a in articles}
    relations = []
    for group in groups:
        members = [by_id[i] for i in group if i in by_id]
        if len(members) < 2:
            continue
        original, why = pick_original(members)
        for other in members:
            if other.id == original.id:
                continue
            a, b = _sentences(original), _sentences(other)
            shared = len(a & b)
            forward, backward = shared / max(len(a), 1), shared / max(len(b), 1)
            kind = "verbatim" if forward >= config.verbatim else "partial"
            evidence = [
                f"{_pct(forward)} of the original's sentences repeated "
                f"({shared} of {len(a)}; they are {_pct(backward)} of the copy)",
                *why.get(other.id, []),
            ]
            relations.append(CopyRelation(original.id, other.id, kind, evidence))
    return relations


def find_rewrites(
    articles: Sequence[Article],
    known: Sequence[CopyRelation] = (),
    config: LineageConfig | None = None,
) -> list[CopyRelation]:
    """Rewrite relations among articles of one story that are not already copies."""
    config = config or LineageConfig()
    if len(articles) > config.max_story:
        return []
    grouped = lineage_groups([a.id for a in articles], known)
    root = {m: g[0] for g in grouped for m in g}
    vectors = {a.id: _vector(a) for a in articles}
    ents = {a.id: set(entities(f"{a.title or ''}. {a.text}")) for a in articles}
    found = []
    ordered = sorted(articles, key=_age)
    for i, first in enumerate(ordered):
        for later in ordered[i + 1 :]:
            if root.get(first.id, first.id) == root.get(later.id, later.id):
                continue
            evidence = _rewrite_evidence(first, later, vectors, ents, config)
            if evidence:
                found.append(CopyRelation(first.id, later.id, "rewrite", evidence))
                root[later.id] = root.get(first.id, first.id)
    return found


def lineage_groups(
    article_ids: Iterable[str], relations: Iterable[CopyRelation]
) -> list[list[str]]:
    """Every article's lineage group (connected by relations); originals first, then by id."""
    ids = list(dict.fromkeys(article_ids))
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    copies = set()
    for rel in relations:
        if rel.original in parent and rel.copy in parent:
            copies.add(rel.copy)
            ra, rb = find(rel.original), find(rel.copy)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(find(i), []).append(i)
    return sorted(sorted(g, key=lambda i: (i in copies, i)) for g in groups.values())


def independent_sources(article_ids: Iterable[str], relations: Iterable[CopyRelation]) -> list[str]:
    """One article per lineage group (its original): the sources that count as independent."""
    return sorted(group[0] for group in lineage_groups(article_ids, relations))


def pick_original(members: Sequence[Article]) -> tuple[Article, dict[str, list[str]]]:
    """The likely original of a group, and per other member the evidence that it is a copy."""
    names = {a.id: _names(a) for a in members}
    for candidate in members:
        credited = [
            (other, credit)
            for other in members
            if other.id != candidate.id
            for credit in _credits(other)
            if credit in names[candidate.id]
        ]
        if credited:
            return candidate, {o.id: [f"credit line names {c}"] for o, c in credited}
    dated = [a for a in members if day_number(a.published) is not None]
    if dated:
        first = min(dated, key=_age)
        why = {
            a.id: [f"published later ({a.published[:10]} vs {first.published[:10]})"]  # type: ignore[index]
            for a in dated
            if a.id != first.id and a.published[:10] > first.published[:10]  # type: ignore[index]
        }
        return first, why
    first = min(members, key=lambda a: a.id)
    return first, {a.id: ["no dates or credits: original picked by id"] for a in members}


def _rewrite_evidence(
    a: Article,
    b: Article,
    vectors: dict[str, Counter[str]],
    ents: dict[str, set[str]],
    config: LineageConfig,
) -> list[str]:
    da, db = day_number(a.published), day_number(b.published)
    if da is not None and db is not None and abs(da - db) > config.rewrite_days:
        return []
    cosine = _cosine(vectors[a.id], vectors[b.id])
    if cosine < config.rewrite_cosine:
        return []
    sa, sb = _sentences(a), _sentences(b)
    shared = len(sa & sb) / max(min(len(sa), len(sb)), 1)
    if shared > config.rewrite_max_shared:
        return []
    ea, eb = ents[a.id], ents[b.id]
    named = len(ea & eb) / max(len(ea), 1)
    if named < config.rewrite_entities:
        return []
    evidence = [
        f"content-word cosine {cosine:.2f} with {_pct(shared)} of sentences shared",
        f"{_pct(named)} of the original's names appear",
    ]
    qa, qb = {_norm(q.text) for q in a.quotes}, {_norm(q.text) for q in b.quotes}
    if qa & qb:
        evidence.append(f"{len(qa & qb)} of {len(qa)} quotes repeated word for word")
    return evidence


def _sentences(article: Article) -> set[str]:
    return {n for s in split_sentences(article.text) if len(n := _norm(s)) > 20}


def _norm(text: str) -> str:
    return " ".join(words(text))


def _vector(article: Article) -> Counter[str]:
    return Counter(content_words(f"{article.title or ''} {article.text}"))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(c * b[t] for t, c in a.items() if t in b)
    na = math.sqrt(sum(c * c for c in a.values()))
    nb = math.sqrt(sum(c * c for c in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _names(article: Article) -> set[str]:
    names = set()
    if article.outlet:
        names.add(article.outlet.lower())
    if article.url:
        host = urlparse(article.url).netloc.lower().removeprefix("www.")
        if host:
            names.add(host)
    return names


def _credits(article: Article) -> set[str]:
    found = {c.lower().removeprefix("www.") for c in article.credits}
    found |= {m.lower().rstrip(".").removeprefix("www.") for m in _FIRST_ON.findall(article.text)}
    return found


def _age(article: Article) -> tuple[bool, int, str]:
    day = day_number(article.published)
    return (day is None, day or 0, article.id)


def _pct(share: float) -> str:
    return f"{round(100 * share)}%"
