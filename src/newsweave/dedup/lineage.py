"""Copy lineage: which articles copy which, how, and the evidence for each relation.

Two measures, both blind to quotations (two reports quoting one statement are not copies):

- *containment*: the runs of words two articles share (`passages.overlap`). Both texts
  almost wholly inside shared runs is a **verbatim** copy (identical text included); the
  shorter one mostly inside and both starting together is a **prefix** (the first
  paragraphs run elsewhere); otherwise enough shared prose words is a **partial** copy
  (paragraphs reused, a wire story cut or re-ordered).
- *order-preserving overlap*: the longest common subsequence of the two texts' prose
  content words. A spun or sentence-by-sentence rewrite swaps words and rephrases, but
  keeps the facts in the original's order: a high share in order is a **rewrite**. Both
  texts must be in one language whose stop words are known (`text.stop_words`: English and
  the 75 other languages spaCy has lists for); the stop words separate content words from
  the rest.
- *anchors in order*: a **translation** shares no words with its original but keeps its
  figures and names (`passages.anchors`) in the same order. Two articles in different
  languages whose anchor sequences mostly coincide, in order, on both sides, are a
  translation; independent reports of one story share the story's names and main figures
  but not most of each other's (bounds set on the development part: for independent
  reports, even in one language, the lower of the two sides' shares of anchors in order
  was at most 48%; for rewrites 66-70%).

Candidate pairs come from shingle postings (`passages.candidate_pairs`) plus the
near-duplicate groups of the dedup stage, never from all pairs. Direction: the article
a credit line names, else (of two) the only one that carries a wire agency's credit, else
the earlier published, else (for prefix and partial copies) the clearly longer text; with
none of these the relation is marked undirected.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from urllib.parse import urlparse

from newsweave.clean.meta import detect_language
from newsweave.cluster.features import day_number
from newsweave.dedup.independence import wire_agencies
from newsweave.dedup.passages import (
    NOUN_CAPITALS,
    Overlap,
    Tokens,
    anchors,
    candidate_pairs,
    ordered_overlap,
    overlap,
    prose_words,
    shingle_keys,
    tokens,
)
from newsweave.model import Article, CopyRelation
from newsweave.text import stop_words

_FIRST_ON = re.compile(
    r"(?:first|originally)\s+(?:appeared|published|ran)\s+(?:on|in|at|by)\s+([\w.-]+)", re.I
)
_ODD_CASES = "İıſ"  # letters a case-blind pattern reads as "i", "i" and "s"


@dataclass(frozen=True, slots=True)
class LineageConfig:
    """Thresholds of copy relations (set on the development part of the stories set)."""

    shingle: int = 6  # words in the shortest shared run that counts
    min_prose: int = 18  # prose words two articles share in runs before they are copies
    min_shared: int = 3  # shared shingles that make a pair a candidate
    max_postings: int = 50  # a shingle in more articles pairs them as a chain, not all pairs
    max_group: int = 50  # a larger near-duplicate group pairs each member with its first only
    verbatim: float = 0.75  # both texts this much inside shared runs (one of them
    verbatim_either: float = 0.9  # at least this much): a verbatim copy
    prefix: float = 0.6  # the shorter this much inside, both starting together: a prefix
    prefix_start: float = 0.15  # "starting together": shared runs begin in this first share
    rewrite_order: float = 0.5  # share of the shorter's content words in the same order
    rewrite_words: int = 20  # and at least this many content words in that order
    rewrite_overlap: float = 0.5  # content words in common first (a cheap filter)
    rewrite_days: int = 2  # a rewrite appears within this many days of its original
    rewrite_covered: float = 0.3  # a partial copy this little inside shared runs, but in
    # order (rewrite_order), is a rewrite that kept some phrases
    translation_share: float = 0.6  # share of each text's anchors in the same order in the other
    translation_anchors: int = 15  # and at least this many anchors in that order
    longer_original: float = 0.8  # the longer text is the original when the other is shorter
    stop_share: float = 0.2  # share of its language's stop words that shows a text is prose
    max_story: int = 300  # larger stories are not searched pairwise for rewrites


def copy_relations(
    articles: Sequence[Article],
    groups: Iterable[Sequence[str]] = (),
    config: LineageConfig | None = None,
) -> list[CopyRelation]:
    """Verbatim, prefix and partial copies among `articles` (shared passages, quotes masked).

    Pairs are the shingle-postings candidates plus the pairs inside `groups` (the
    near-duplicate groups of the dedup stage, oldest first): every pair of a group of up to
    `max_group` articles, and each member with the group's first in a larger one, so a
    flood of near-identical copies costs linear work, not quadratic.
    """
    config = config or LineageConfig()
    found = [tokens(a.text) for a in articles]
    ordered = [shingle_keys(t, config.shingle) for t in found]
    pairs = set(candidate_pairs(ordered, config.min_shared, config.max_postings))
    index = {a.id: i for i, a in enumerate(articles)}
    for group in groups:
        pairs.update(_group_pairs([index[m] for m in group if m in index], config.max_group))
    keys: dict[int, set[int]] = {}  # shingle sets, of paired articles only
    relations = []
    for i, j in sorted(pairs):
        for k in (i, j):
            if k not in keys:
                keys[k] = set(ordered[k])
        shared = overlap(
            found[i], found[j], config.shingle, ordered[i], ordered[j], keys[i] & keys[j]
        )
        relation = _copy(articles[i], articles[j], found[i], found[j], shared, config)
        if relation is not None:
            relations.append(relation)
    return relations


def _group_pairs(members: Sequence[int], max_group: int) -> Iterable[tuple[int, int]]:
    """Index pairs (i < j) to compare inside one near-duplicate group (its first is its original)."""
    if len(members) <= max_group:
        return combinations(sorted(members), 2)
    first = members[0]
    return ((min(first, m), max(first, m)) for m in members[1:])


def find_rewrites(
    articles: Sequence[Article],
    known: Sequence[CopyRelation] = (),
    config: LineageConfig | None = None,
) -> list[CopyRelation]:
    """Rewrites (spun or sentence-by-sentence) among articles not already in one lineage group."""
    config = config or LineageConfig()
    if len(articles) > config.max_story:
        return []
    grouped = lineage_groups([a.id for a in articles], known)
    root = {m: g[0] for g in grouped for m in g}
    language = {a.id: _language(a, config) for a in articles}
    known_language = [a for a in articles if language[a.id]]
    content = {a.id: prose_words(a.text, language[a.id] or "") for a in known_language}
    vocab = {i: set(ws) for i, ws in content.items()}
    return _linked(
        sorted(known_language, key=_age),
        root,
        lambda a, b: language[a.id] == language[b.id] and _close_in_time(a, b, config),
        lambda a, b: _rewrite(a, b, content, vocab, config),
    )


def find_translations(
    articles: Sequence[Article],
    known: Sequence[CopyRelation] = (),
    config: LineageConfig | None = None,
) -> list[CopyRelation]:
    """Translations: articles in two languages whose figures and names run in one order.

    Only pairs in different known languages (`_language`), published within
    `rewrite_days` of each other and not already in one lineage group, are compared.
    """
    config = config or LineageConfig()
    if len(articles) > config.max_story:
        return []
    language = {a.id: _language(a, config) for a in articles}
    if len({lang for lang in language.values() if lang}) < 2:
        return []
    grouped = lineage_groups([a.id for a in articles], known)
    root = {m: g[0] for g in grouped for m in g}
    known_language = sorted((a for a in articles if language[a.id]), key=_age)
    found_anchors = {a.id: anchors(a.text, language[a.id]) for a in known_language}
    return _linked(
        known_language,
        root,
        lambda a, b: language[a.id] != language[b.id] and _close_in_time(a, b, config),
        lambda a, b: _translation(a, b, found_anchors, language, config),
    )


def _close_in_time(a: Article, b: Article, config: LineageConfig) -> bool:
    """Whether two articles appeared within `rewrite_days` of each other (or either is undated)."""
    da, db = day_number(a.published), day_number(b.published)
    return da is None or db is None or abs(da - db) <= config.rewrite_days


def _linked(
    ordered: Sequence[Article],
    root: dict[str, str],
    compared: Callable[[Article, Article], bool],
    relate: Callable[[Article, Article], CopyRelation | None],
) -> list[CopyRelation]:
    """The relations `relate` finds between pairs of `ordered` (oldest first) that `compared`
    accepts and that are not yet in one lineage group (`root`: article -> its group's root);
    each relation found joins the two groups."""
    found = []
    for first, later in combinations(ordered, 2):
        if root[first.id] == root[later.id] or not compared(first, later):
            continue
        relation = relate(first, later)
        if relation is not None:
            found.append(relation)
            old, new = root[later.id], root[first.id]
            root = {m: new if r == old else r for m, r in root.items()}
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
    wired = [a for a in members if wire_agencies(a)]
    if len(members) == 2 and len(wired) == 1:
        (carrier,) = wired
        (other,) = [a for a in members if a is not carrier]
        agencies = ", ".join(sorted(wire_agencies(carrier)))
        return carrier, {other.id: [f"only the original carries the {agencies} credit"]}
    dated = [a for a in members if day_number(a.published) is not None]
    if dated:
        first = min(dated, key=_age)
        why = {
            a.id: [f"published later ({a.published[:10]} vs {first.published[:10]})"]  # type: ignore[index]
            for a in dated
            if a.id != first.id and a.published[:10] > first.published[:10]  # type: ignore[index]
        }
        if why:
            return first, why
    first = min(members, key=lambda a: a.id)
    return first, {}


def _copy(
    a: Article, b: Article, ta: Tokens, tb: Tokens, shared: Overlap, config: LineageConfig
) -> CopyRelation | None:
    identical = ta.words == tb.words and bool(ta.segments)
    if not identical and shared.prose < config.min_prose:
        return None
    long_a = ta.length >= tb.length
    cov_short = shared.covered_b if long_a else shared.covered_a
    start_long, start_short = (
        (shared.starts_a, shared.starts_b) if long_a else (shared.starts_b, shared.starts_a)
    )
    least, most = sorted((shared.covered_a, shared.covered_b))
    if identical or (least >= config.verbatim and most >= config.verbatim_either):
        kind = "verbatim"
    elif cov_short >= config.prefix and max(start_long, start_short) <= config.prefix_start:
        kind = "prefix"
    else:
        kind = "partial"
    original, why = pick_original([a, b])
    directed = bool(why)
    short, long = sorted((ta.length, tb.length))
    if not directed and kind != "verbatim" and short <= config.longer_original * long:
        original = a if long_a else b
        why = {(b if long_a else a).id: ["the original is the longer text"]}
        directed = True
    copy = b if original is a else a
    in_order = None
    if kind == "partial" and min(shared.covered_a, shared.covered_b) < config.rewrite_covered:
        in_order = _in_order(a, b, config)
        if in_order >= config.rewrite_order:
            kind = "rewrite"
    cov_copy, cov_orig = (
        (shared.covered_b, shared.covered_a)
        if original is a
        else (shared.covered_a, shared.covered_b)
    )
    passages = shared.passages
    if identical:
        evidence = ["identical text"]
    else:
        mine, theirs = ("the copy's", "the original's") if directed else ("one's", "the other's")
        evidence = [
            f"{_pct(cov_copy)} of {mine} words and {_pct(cov_orig)} of {theirs} lie in "
            f"{len(passages)} shared passage{'s' * (len(passages) != 1)} "
            f"({shared.prose} words of prose; quotations left out)"
        ]
    if kind == "rewrite" and in_order is not None:
        evidence.append(
            f"{_pct(in_order)} of the shorter text's content words appear in the same order "
            "in the other: rephrased, not re-reported"
        )
    evidence += why.get(copy.id, []) or ["no credit, date or length tells which came first"]
    return CopyRelation(
        original.id,
        copy.id,
        kind,
        evidence,
        passages=[p[:300] for p in passages[:3]],
        scores={
            "copy_covered": round(cov_copy, 3),
            "original_covered": round(cov_orig, 3),
            "shared_prose": float(shared.prose),
        },
        directed=directed,
    )


def _rewrite(
    first: Article,
    later: Article,
    content: dict[str, list[str]],
    vocab: dict[str, set[str]],
    config: LineageConfig,
) -> CopyRelation | None:
    va, vb = vocab[first.id], vocab[later.id]
    smaller = min(len(va), len(vb))
    if not smaller or len(va & vb) / smaller < config.rewrite_overlap:
        return None
    wa, wb = content[first.id], content[later.id]
    in_order = ordered_overlap(wa, wb)
    share = in_order / max(min(len(wa), len(wb)), 1)
    if in_order < config.rewrite_words or share < config.rewrite_order:
        return None
    original, why = pick_original([first, later])
    copy = later if original is first else first
    evidence = [
        f"{_pct(share)} of the shorter text's content words appear in the same order in the "
        f"other ({in_order} words; quotations left out)",
        *(why.get(copy.id) or ["no credit or date tells which came first"]),
    ]
    return CopyRelation(
        original.id,
        copy.id,
        "rewrite",
        evidence,
        scores={"in_order": round(share, 3), "in_order_words": float(in_order)},
        directed=bool(why),
    )


def _translation(
    first: Article,
    later: Article,
    found_anchors: dict[str, list[str]],
    language: dict[str, str | None],
    config: LineageConfig,
) -> CopyRelation | None:
    aa, ab = found_anchors[first.id], found_anchors[later.id]
    if sum((Counter(aa) & Counter(ab)).values()) < config.translation_anchors:
        return None  # anchors in common bound those in order
    in_order = ordered_overlap(aa, ab)
    if in_order < config.translation_anchors:
        return None
    # a language that capitalises its nouns counts only figures and the other text's names
    counted = [
        sum(w.isdigit() or w in theirs for w in mine)
        if language[article.id] in NOUN_CAPITALS
        else len(mine)
        for article, mine, theirs in ((first, aa, set(ab)), (later, ab, set(aa)))
    ]
    shares = [in_order / max(n, 1) for n in counted]
    if min(shares) < config.translation_share:
        return None
    original, why = pick_original([first, later])
    copy = later if original is first else first
    evidence = [
        f"{in_order} figures and names appear in the same order in both ({_pct(shares[0])} of "
        f"{first.id}'s, {_pct(shares[1])} of {later.id}'s; quotations left out): "
        f"a {language[copy.id]} translation of {language[original.id]} text",
        *(why.get(copy.id) or ["no credit or date tells which came first"]),
    ]
    return CopyRelation(
        original.id,
        copy.id,
        "translation",
        evidence,
        scores={
            "anchors_in_order": float(in_order),
            "copy_in_order": round(shares[1] if copy is later else shares[0], 3),
            "original_in_order": round(shares[0] if copy is later else shares[1], 3),
        },
        directed=bool(why),
    )


def _in_order(a: Article, b: Article, config: LineageConfig) -> float:
    """The share of the shorter text's prose content words found in the same order (one language)."""
    language = _language(a, config)
    if language is None or _language(b, config) != language:
        return 0.0
    wa, wb = prose_words(a.text, language), prose_words(b.text, language)
    return ordered_overlap(wa, wb) / max(min(len(wa), len(wb)), 1)


def _language(article: Article, config: LineageConfig) -> str | None:
    """The article's language when its stop words are known and fill its text, else None.

    The cleaner's language, else the one detected here; the text outside quotations must
    then hold at least `stop_share` of that language's stop words (prose, not a list of
    names or figures).
    """
    return _text_language(article.language, article.text, config.stop_share)


@lru_cache(maxsize=512)
def _text_language(language: str | None, text: str, stop_share: float) -> str | None:
    language = language or detect_language(text)
    stops = stop_words(language)
    found = tokens(text).words
    count = len(found) - found.count("")  # breaks are empty words
    if not stops or not count or sum(map(stops.__contains__, found)) / count < stop_share:
        return None
    return language


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
    return found | _first_on(article.text)


@lru_cache(maxsize=512)
def _first_on(text: str) -> frozenset[str]:
    """The sites a "first appeared on ..." line of `text` names."""
    lowered = text.lower()
    # the pattern (case-blind) cannot match without one of its two first words, which it
    # also finds written with "İ", "ı" (for i) or "ſ" (for s)
    if (
        "first" not in lowered
        and "originally" not in lowered
        and not any(c in text for c in _ODD_CASES)
    ):
        return frozenset()
    return frozenset(m.lower().rstrip(".").removeprefix("www.") for m in _FIRST_ON.findall(text))


def _age(article: Article) -> tuple[bool, int, str]:
    day = day_number(article.published)
    return (day is None, day or 0, article.id)


def _pct(share: float) -> str:
    return f"{round(100 * share)}%"
