"""Incremental story clustering: each new article joins the best story or starts one.

After Miranda et al. (2018), "Multilingual clustering of streaming news": an article
is compared with story centroids on three TF-IDF fields (body, title, entities),
the weighted similarity is damped by the time gap to the story, and the best story
above a threshold takes the article. Candidate stories come from an inverted index
(term -> recent stories that use it), so the cost per article does not grow with
the number of stories. Story ids come from the story's first article, so they are
stable across re-runs and when later articles are added.

Time decay keeps apart what happens months apart; `linked()` then joins a later
cluster to an earlier one only on strong evidence of a follow-up: similar content
(ignoring time), a gap of weeks at least, and most of the later articles naming a
month in which the earlier one was reported ("since Azerbaijan's offensive last
September"). Topics that merely recur (another missile test) stay separate.

`refine()` is the batch pass after streaming: an article that arrived before the story
it belongs to had formed (or while that story was still small) is moved to the story
whose final centroid fits it better than its own does (leaving itself out of its own),
k-means style, a few rounds. The articles keep the vectors they had on arrival.
`split()` then splits stories made of two groups with little in common (see split.py).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field

from newsweave.cluster.crosslingual import CrossLingualConfig
from newsweave.cluster.features import (
    FIELDS,
    DocumentFrequency,
    FeatureConfig,
    RawFeatures,
    Vector,
    normalise,
    raw_features,
    weigh,
)
from newsweave.cluster.followups import FollowUpConfig
from newsweave.cluster.split import split_groups
from newsweave.model import Article, content_id


@dataclass(frozen=True, slots=True)
class ClusterConfig:
    """Tunables of story (and event) clustering."""

    threshold: float = 0.14  # weighted similarity an article needs to join a story
    body_weight: float = 0.4
    title_weight: float = 0.3
    entity_weight: float = 0.30
    decay_days: float = 30.0  # time-gap scale of the similarity damping
    decay_floor: float = 0.5  # similarity kept however far apart in time
    candidates: int = 10  # stories scored in full per article
    index_terms: int = 12  # terms per field an article adds to the inverted index
    query_terms: int = 12  # terms per field an article looks up in the inverted index
    postings: int = 100  # most recent stories kept per index term
    # within a story, (event_time_prior + lead similarity) * exp(-day gap / event_decay_days),
    # averaged over two groups of articles, joins them into one event at event_threshold
    event_threshold: float = 0.13
    event_time_prior: float = 0.3  # articles of one story on one day: likely one happening
    # an undated article joins the dated event whose lead similarity mean reaches this...
    event_join_undated: float = 0.02
    # ... the others are one event unless their leads fall into groups with less in common
    # across than this share of their own within-group likeness (`split.split_similar`)
    event_split_undated: float = 0.3
    event_lead_words: int = 40  # title plus this many first words say what happened
    event_decay_days: float = 2.0
    link_threshold: float = 0.3  # clusters this similar (ignoring time) may be linked into one
    link_min_gap_days: int = 60  # ... if the later one starts this long after the earlier ends
    link_backref_share: float = 0.5  # ... and this share of its articles names an earlier month
    prime_idf: bool = False  # count IDF over the whole batch first (not strictly incremental)
    refine_rounds: int = 2  # batch re-assignment rounds after streaming (0: streaming only)
    split_cut: float = 0.4  # split a story whose halves are this much less alike inside (0: never)
    split_min_size: int = 2  # ... into groups of at least this many articles
    split_max_members: int = 300  # stories larger than this are not checked (cost is cubic)
    features: FeatureConfig = field(default_factory=FeatureConfig)
    # joining stories across languages by names and numbers (None: never)
    cross_language: CrossLingualConfig | None = field(default_factory=CrossLingualConfig)
    # joining a story's follow-ups, about the same subject and close in time (None: never)
    follow_ups: FollowUpConfig | None = field(default_factory=FollowUpConfig)


@dataclass(slots=True)
class Cluster:
    """A story under construction: members, per-field centroid sums and date span."""

    id: str
    members: list[str] = field(default_factory=list)
    sums: dict[str, Vector] = field(default_factory=lambda: {f: {} for f in FIELDS})
    norms2: dict[str, float] = field(default_factory=lambda: {f: 0.0 for f in FIELDS})
    first: int | None = None
    last: int | None = None
    months: Counter[int] = field(default_factory=Counter)  # publication months of members
    refs: Counter[int] = field(default_factory=Counter)  # earlier months members name
    dated: int = 0  # members with a publication date

    def similarity(self, vectors: dict[str, Vector], weights: dict[str, float]) -> float:
        """Weighted cosine of an article's unit vectors with this cluster's centroids."""
        total = 0.0
        for name, vector in vectors.items():
            norm2 = self.norms2[name]
            if not vector or norm2 <= 0.0:
                continue
            centroid = self.sums[name]
            dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
            total += weights[name] * dot / math.sqrt(norm2)
        return total

    def similarity_without(self, vectors: dict[str, Vector], weights: dict[str, float]) -> float:
        """Like similarity(), with the centroids of the other members (the article left out)."""
        total = 0.0
        for name, vector in vectors.items():
            centroid = self.sums[name]
            dot = sum(w * centroid.get(t, 0.0) for t, w in vector.items())
            self2 = sum(w * w for w in vector.values())
            norm2 = self.norms2[name] - 2 * dot + self2
            if vector and norm2 > 1e-12:
                total += weights[name] * (dot - self2) / math.sqrt(norm2)
        return total

    def remove(self, article_id: str, vectors: dict[str, Vector]) -> None:
        """Take an article out of the members and centroid sums (dates stay until a rebuild)."""
        self.members.remove(article_id)
        self._shift(vectors, -1.0)
        if not self.members:
            for name in vectors:
                self.norms2[name] = 0.0

    def _shift(self, vectors: dict[str, Vector], sign: float) -> None:
        """Add (sign 1) or take out (sign -1) vectors from the centroid sums and squared norms."""
        for name, vector in vectors.items():
            centroid = self.sums[name]
            delta = 0.0
            for term, w in vector.items():
                old = centroid.get(term, 0.0)
                centroid[term] = old + sign * w
                delta += 2 * sign * old * w + w * w
            total = self.norms2[name] + delta
            self.norms2[name] = max(total, 0.0) if sign < 0 else total

    def add(self, article_id: str, vectors: dict[str, Vector], raw: RawFeatures) -> None:
        """Add an article: update centroid sums (and their squared norms) and the date span."""
        self.members.append(article_id)
        self._shift(vectors, 1.0)
        day = raw.day
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
        if raw.month is not None:
            self.dated += 1
            self.months[raw.month] += 1
            self.refs.update(raw.mentions)

    def follows(self, earlier: Cluster, min_gap: int, share: float) -> bool:
        """Whether this cluster starts `min_gap` days after `earlier` and refers back to it."""
        if self.first is None or earlier.last is None or self.first - earlier.last < min_gap:
            return False
        cited = max((self.refs[m] for m in earlier.months), default=0)
        return self.dated > 0 and cited >= share * self.dated

    def gap(self, day: int | None) -> int:
        """Days between `day` and this cluster's date span (0 inside it or when undated)."""
        if day is None or self.first is None or self.last is None:
            return 0
        return max(self.first - day, day - self.last, 0)


class StreamClusterer:
    """Assigns articles one at a time to stories; feed them in time order for stable ids."""

    def __init__(
        self, config: ClusterConfig | None = None, prefix: str = "s", keep_vectors: bool = False
    ) -> None:
        self.config = config or ClusterConfig()
        self.prefix = prefix
        self.keep_vectors = keep_vectors  # refine() needs each article's arrival vectors
        self._kept: dict[str, tuple[dict[str, Vector], RawFeatures]] = {}
        self.df = DocumentFrequency()
        self.clusters: dict[str, Cluster] = {}
        self.assignment: dict[str, str] = {}
        self._index: dict[str, dict[str, None]] = {}
        c = self.config
        self._weights = {"body": c.body_weight, "title": c.title_weight, "entity": c.entity_weight}

    def add(self, article: Article) -> str:
        """Assign one article to a story (existing or new) and return the story id."""
        if article.id in self.assignment:
            return self.assignment[article.id]
        raw = raw_features(article, self.config.features)
        if not self.config.prime_idf:
            self.df.add(raw)
        vectors = weigh(raw, self.df, self.config.features)
        best, score = self._best(vectors, raw.day)
        if best is None or score < self.config.threshold:
            best = Cluster(id=self.prefix + content_id(article.id)[:11])
            self.clusters[best.id] = best
        best.add(article.id, vectors, raw)
        self._index_terms(best.id, vectors)
        self.assignment[article.id] = best.id
        if self.keep_vectors:
            self._kept[article.id] = (vectors, raw)
        return best.id

    def refine(self, rounds: int | None = None) -> int:
        """Move articles to the story whose centroid fits them best; return the moves made.

        In arrival order, each article is scored against its own story (without itself)
        and the candidate stories; it moves at once if another fits better and clears the
        threshold. After each round the stories are rebuilt, each named after its earliest
        remaining article. Needs keep_vectors=True.
        """
        if not self.keep_vectors:
            raise ValueError("refine() needs a StreamClusterer made with keep_vectors=True")
        rounds = self.config.refine_rounds if rounds is None else rounds
        moved = 0
        for _ in range(rounds):
            moves = 0
            for article_id, (vectors, raw) in self._kept.items():
                own = self.clusters[self.assignment[article_id]]
                target = self._better_story(article_id, own)
                if target is not None:
                    own.remove(article_id, vectors)
                    self.clusters[target].add(article_id, vectors, raw)
                    self.assignment[article_id] = target
                    moves += 1
            if not moves:
                break
            moved += moves
            self._rebuild(self.assignment)
        return moved

    def split(self) -> int:
        """Split stories made of two groups of articles with little in common; return the splits.

        Parts are named after their earliest article (see split.py). Needs keep_vectors=True.
        """
        if not self.keep_vectors:
            raise ValueError("split() needs a StreamClusterer made with keep_vectors=True")
        c = self.config
        assignment = dict(self.assignment)
        splits = 0
        for cid, cluster in self.clusters.items():
            groups = split_groups(
                [self._kept[a][0]["body"] for a in cluster.members],
                c.split_cut,
                c.split_min_size,
                c.split_max_members,
                names=[self._kept[a][0]["entity"] for a in cluster.members],
            )
            splits += len(groups) - 1
            for group in groups[1:]:
                label = f"{cid}/{cluster.members[group[0]]}"
                for i in group:
                    assignment[cluster.members[i]] = label
        if splits:
            self._rebuild(assignment)
        return splits

    def _better_story(self, article_id: str, own: Cluster) -> str | None:
        """A story that fits the article better than its own (and above the threshold)."""
        vectors, raw = self._kept[article_id]
        day = raw.day
        own_score = 0.0
        if len(own.members) > 1:
            own_score = own.similarity_without(vectors, self._weights) * self._decay(own.gap(day))
        best, best_score = None, max(own_score, self.config.threshold)
        for cluster, score in self._scored(vectors, day):
            if cluster.id != own.id and (
                score > best_score or (score == best_score and best and cluster.id < best)
            ):
                best, best_score = cluster.id, score
        return best

    def _rebuild(self, assignment: dict[str, str]) -> None:
        """Stories (and the inverted index) rebuilt from an assignment, in arrival order."""
        self.clusters, self.assignment, self._index = {}, {}, {}
        renamed: dict[str, Cluster] = {}
        for article_id, (vectors, raw) in self._kept.items():  # arrival order
            cluster = renamed.get(assignment[article_id])
            if cluster is None:  # named after its earliest member
                cluster = Cluster(id=self.prefix + content_id(article_id)[:11])
                renamed[assignment[article_id]] = self.clusters[cluster.id] = cluster
            cluster.add(article_id, vectors, raw)
            self._index_terms(cluster.id, vectors)
            self.assignment[article_id] = cluster.id

    def linked(self) -> list[list[str]]:
        """Cluster ids grouped into stories: a follow-up months later is linked to its origin."""
        parent = {cid: cid for cid in self.clusters}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for cid, cluster in self.clusters.items():
            vectors = {
                name: normalise(dict(sorted(v.items(), key=lambda kv: -kv[1])[:40]))
                for name, v in cluster.sums.items()
            }
            for other, score in self._scored(vectors, None):
                if (
                    other.id != cid
                    and score >= self.config.link_threshold
                    and self._follow_up(cluster, other)
                ):
                    a, b = find(cid), find(other.id)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
        groups: dict[str, list[str]] = {}
        for cid in self.clusters:
            groups.setdefault(find(cid), []).append(cid)
        return list(groups.values())

    def _follow_up(self, a: Cluster, b: Cluster) -> bool:
        c = self.config
        return b.follows(a, c.link_min_gap_days, c.link_backref_share) or a.follows(
            b, c.link_min_gap_days, c.link_backref_share
        )

    def _scored(self, vectors: dict[str, Vector], day: int | None) -> list[tuple[Cluster, float]]:
        return [
            (c, c.similarity(vectors, self._weights) * self._decay(c.gap(day)))
            for c in (self.clusters[cid] for cid in self._shortlist(vectors))
        ]

    def _shortlist(self, vectors: dict[str, Vector]) -> list[str]:
        """Candidate clusters: votes from the inverted index for the article's top terms."""
        votes: dict[str, float] = {}
        limit = self.config.query_terms
        for name, vector in vectors.items():
            weight = self._weights[name]
            top = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            for term, w in top:
                for cid in self._index.get(f"{name}:{term}", ()):
                    votes[cid] = votes.get(cid, 0.0) + w * weight
        return heapq.nsmallest(self.config.candidates, votes, key=lambda cid: (-votes[cid], cid))

    def _best(self, vectors: dict[str, Vector], day: int | None) -> tuple[Cluster | None, float]:
        best: Cluster | None = None
        best_score = -1.0
        for cluster, score in self._scored(vectors, day):
            if score > best_score or (score == best_score and best and cluster.id < best.id):
                best, best_score = cluster, score
        return (best, best_score) if best is not None else (None, 0.0)

    def _decay(self, gap: int) -> float:
        floor = self.config.decay_floor
        return floor + (1 - floor) * math.exp(-gap / self.config.decay_days)

    def _index_terms(self, cid: str, vectors: dict[str, Vector]) -> None:
        limit = self.config.postings
        for name, vector in vectors.items():
            top = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[: self.config.index_terms]
            for term, _ in top:
                posting = self._index.setdefault(f"{name}:{term}", {})
                posting.pop(cid, None)
                posting[cid] = None
                if len(posting) > limit:
                    del posting[next(iter(posting))]
