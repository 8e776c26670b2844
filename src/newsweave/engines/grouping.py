"""The grouping steps of a sharded run, each as "key -> bucket -> per-bucket reduce".

- near-duplicates: key = an article's exact-text or LSH band key; a bucket reduce emits an
  edge for every pair of articles sharing a key; components of the edges are the groups.
- story assignment: key = (language, time window); windows overlap, so an article near a
  window edge is clustered in both; a bucket reduce runs `cluster_stories` on each of its
  keys; stories that share an article are then merged (union-find on the driver).
- story stages: key = story id; a bucket reduce runs the local path's corpus stages after
  clustering (lineage, offtopic, compare, resolve, summarize) on the bucket's stories and
  writes the bucket's articles, stories and lineage as Parquet parts.

Every function here is deterministic and independent of how rows arrive: reduces sort
their rows first, so every engine gives the same output.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.engines.base import ScaleConfig, bucket_of
from newsweave.engines.schema import from_table, lineage_table, to_table
from newsweave.model import Article, Dropped, Story

if TYPE_CHECKING:
    import pyarrow as pa

UNDATED = 1 << 30  # the window of articles without a (non-inferred) publication date
_EPOCH = date(1970, 1, 1)


# -- shared ------------------------------------------------------------------------------
def _without(table: pa.Table, skip: frozenset[tuple[str, str]]) -> pa.Table:
    """Drop rows whose (shard, id) is in `skip` (a page already read from an earlier shard)."""
    import pyarrow as pa

    if not skip or table.num_rows == 0:
        return table
    pairs = zip(table.column("shard").to_pylist(), table.column("id").to_pylist(), strict=True)
    keep = [(shard, aid) not in skip for shard, aid in pairs]
    return table.filter(pa.array(keep))


class _UnionFind:
    """Union-find over string ids; the smaller id becomes the root, so results are stable."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[Any, list[Any]]:
        out: dict[Any, list[Any]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out


# -- near-duplicates ---------------------------------------------------------------------
def dedup_keys(table: pa.Table, buckets: int, skip: frozenset[tuple[str, str]]) -> pa.Table:
    """One row per (key, article): key, id, published, bucket."""
    import pyarrow as pa
    import pyarrow.compute as pc

    table = _without(table.select(["id", "published", "shard", "keys"]), skip)
    keys = table.column("keys")
    parents = pc.list_parent_indices(keys)
    flat = pc.list_flatten(keys)
    out = pa.table(
        {
            "key": flat,
            "id": pc.take(table.column("id"), parents),
            "published": pc.take(table.column("published"), parents),
        }
    )
    bucket = [bucket_of(k, buckets) for k in flat.to_pylist()]
    return out.append_column("bucket", pa.array(bucket, pa.int64()))


def dedup_reduce(rows: pa.Table) -> pa.Table:
    """Edges (a, b) between the first article of each shared key and every other one."""
    import pyarrow as pa

    rows = rows.sort_by([("key", "ascending"), ("id", "ascending")])
    keys = rows.column("key").to_pylist()
    ids = rows.column("id").to_pylist()
    published = rows.column("published").to_pylist()
    edges: dict[str, list[Any]] = {"a": [], "a_published": [], "b": [], "b_published": []}
    start = 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            for j in range(start + 1, i):
                if ids[j] != ids[start]:
                    edges["a"].append(ids[start])
                    edges["a_published"].append(published[start])
                    edges["b"].append(ids[j])
                    edges["b_published"].append(published[j])
            start = i
    return pa.table(edges, schema=_edge_schema())


def _edge_schema() -> pa.Schema:  # noqa: N802 - a constant built lazily
    import pyarrow as pa

    return pa.schema(
        [
            ("a", pa.string()),
            ("a_published", pa.string()),
            ("b", pa.string()),
            ("b_published", pa.string()),
        ]
    )


def copy_groups(edges: pa.Table) -> list[list[str]]:
    """Duplicate groups from edges, ordered as `duplicate_groups` orders them."""
    published: dict[str, str | None] = {}
    found = _UnionFind()
    for row in edges.to_pylist() if edges.num_rows else []:
        published[row["a"]] = row["a_published"]
        published[row["b"]] = row["b_published"]
        found.union(row["a"], row["b"])
    groups = [
        sorted(members, key=lambda a: (published[a] or "9999", a))
        for members in found.groups().values()
        if len(members) > 1
    ]
    return sorted(groups)


# -- story assignment --------------------------------------------------------------------
def day_of(published: str | None, inferred: bool) -> int | None:
    """Days since 1970 of a publication date; None when absent, inferred or unreadable."""
    if not published or inferred:
        return None
    try:
        return (date.fromisoformat(published[:10]) - _EPOCH).days
    except ValueError:
        return None


def windows_of(day: int | None, config: ScaleConfig) -> list[int]:
    """The overlapping time windows an article of `day` belongs to (UNDATED when undated)."""
    if day is None:
        return [UNDATED]
    step = max(1, config.window_days - config.overlap_days)
    first = max(0, -(-(day - config.window_days + 1) // step))
    return [
        w for w in range(first, day // step + 1) if w * step <= day < w * step + config.window_days
    ]


def cluster_keys(
    table: pa.Table, buckets: int, config: ScaleConfig, skip: frozenset[tuple[str, str]]
) -> pa.Table:
    """One row per (window, article): the article's columns plus key, window and bucket."""
    import pyarrow as pa

    table = _without(table.drop_columns(["keys"]), skip)
    rows: list[int] = []
    keys: list[str] = []
    windows: list[int] = []
    languages = table.column("language").to_pylist()
    published = table.column("published").to_pylist()
    inferred = table.column("published_inferred").to_pylist()
    for i, (lang, pub, inf) in enumerate(zip(languages, published, inferred, strict=True)):
        for window in windows_of(day_of(pub, bool(inf)), config):
            rows.append(i)
            windows.append(window)
            keys.append(f"{lang or 'und'}|{window}")
    out = table.take(pa.array(rows, pa.int64()))
    out = out.append_column("key", pa.array(keys, pa.string()))
    out = out.append_column("window", pa.array(windows, pa.int64()))
    return out.append_column("bucket", pa.array([bucket_of(k, buckets) for k in keys], pa.int64()))


def cluster_reduce(rows: pa.Table) -> pa.Table:
    """`cluster_stories` on the articles of each key of the bucket; one row per story."""
    import pyarrow.compute as pc

    from newsweave.cluster import cluster_stories

    rows = rows.sort_by([("key", "ascending"), ("id", "ascending")])
    stories: list[Story] = []
    keys: list[str] = []
    windows: list[int] = []
    for key in pc.unique(rows.column("key")).to_pylist():
        part = rows.filter(pc.equal(rows.column("key"), key))
        window = part.column("window")[0].as_py()
        for story in cluster_stories(from_table(part, Article)):
            stories.append(story)
            keys.append(key)
            windows.append(window)
    import pyarrow as pa

    return to_table(stories, Story, {"key": keys, "window": windows}, {"window": pa.int64()})


def merge_stories(parts: pa.Table, copies: list[list[str]]) -> list[Story]:
    """Join window stories that share an article; give each its copy groups; largest first.

    A merged story keeps the id of its part from the earliest window; its members are put in
    time order, titled and split into events again in the story stages (`_with_events`).
    """
    found = _UnionFind()
    nodes: dict[tuple[int, str, str], Story] = {}
    first_node: dict[str, tuple[int, str, str]] = {}
    for story, key, window in zip(
        from_table(parts, Story),
        parts.column("key").to_pylist() if parts.num_rows else [],
        parts.column("window").to_pylist() if parts.num_rows else [],
        strict=True,
    ):
        node = (window, key, story.id)
        nodes[node] = story
        found.find(node)
        for article in story.articles:
            if article in first_node:
                found.union(first_node[article], node)
            else:
                first_node[article] = node
    from newsweave.cluster import copies_within

    stories = []
    for members in found.groups().values():
        members.sort()
        stories.append(_merged([nodes[n] for n in members]))
    within = copies_within(copies, [s.articles for s in stories])
    stories = [replace(s, duplicates=d) for s, d in zip(stories, within, strict=True)]
    return sorted(stories, key=lambda s: (-len(s.articles), s.id))


def _merged(parts: list[Story]) -> Story:
    """One story of its window parts; a merged one gets its events in the story stages."""
    head = parts[0]
    articles = list(dict.fromkeys(a for p in parts for a in p.articles))
    events = head.events if len(parts) == 1 else []
    return Story(head.id, head.title, articles, events=events)


def _with_events(story: Story, by_id: dict[str, Article]) -> Story:
    """A merged story's members in time order, its title and its events, as `cluster_stories`
    makes them."""
    from newsweave.cluster import ClusterConfig
    from newsweave.cluster.events import split_events
    from newsweave.cluster.stories import story_title
    from newsweave.dedup.representatives import fold_groups, representatives

    members = sorted(
        (by_id[a] for a in story.articles),
        key=lambda a: (
            (day := day_of(a.published, a.published_inferred)) is None,
            day or 0,
            a.id,
        ),
    )
    shown = set(representatives(story.articles, fold_groups(story.duplicates)))
    events = split_events(members, ClusterConfig())
    return replace(
        story,
        title=story_title([a for a in members if a.id in shown], events),  # as clustering saw
        articles=[a.id for a in members],
        events=events,
    )


# -- story stages ------------------------------------------------------------------------
@dataclass(slots=True)
class StoryPlan:
    """Where the story stages send each article: its story, and that story's record."""

    story_of: dict[str, str]  # article id -> story id
    record_of: dict[str, str]  # first article id -> story record (JSON)


def story_plan(stories: Sequence[Story]) -> StoryPlan:
    """The story of every article; each story's record rides on its first article's row."""
    from newsweave.model import to_dict

    story_of = {a: s.id for s in stories for a in s.articles}
    record_of = {s.articles[0]: json.dumps(to_dict(s), ensure_ascii=False) for s in stories}
    return StoryPlan(story_of, record_of)


def story_keys(
    table: pa.Table, buckets: int, plan: StoryPlan, skip: frozenset[tuple[str, str]]
) -> pa.Table:
    """The articles with their story, its bucket, and the story record on first members."""
    import pyarrow as pa

    table = _without(table.drop_columns(["keys"]), skip)
    ids = table.column("id").to_pylist()
    stories = [plan.story_of[a] for a in ids]
    table = table.append_column("story", pa.array(stories, pa.string()))
    table = table.append_column(
        "story_record", pa.array([plan.record_of.get(a) for a in ids], pa.string())
    )
    return table.append_column(
        "bucket", pa.array([bucket_of(s, buckets) for s in stories], pa.int64())
    )


def story_reduce(rows: pa.Table, out: str) -> pa.Table:
    """Run the corpus stages after clustering on a bucket's stories; write its Parquet parts."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from newsweave.model import from_dict
    from newsweave.pipeline import Pipeline

    rows = rows.sort_by("id")
    bucket = rows.column("bucket")[0].as_py()
    articles = from_table(rows, Article)
    stories = sorted(
        (from_dict(Story, json.loads(r)) for r in rows.column("story_record").to_pylist() if r),
        key=lambda s: (-len(s.articles), s.id),
    )
    by_id = {a.id: a for a in articles}
    stories = [s if s.events else _with_events(s, by_id) for s in stories]
    began = time.perf_counter()
    data, report = Pipeline(story_stages()).run(
        {
            "stories": stories,
            "articles": articles,
            "copies": [g for s in stories for g in s.duplicates],
        }
    )
    seconds = {s.name: round(s.seconds, 4) for s in report.stages}
    name = f"part-{bucket:05d}.parquet"
    folder = Path(out)
    for what, table in (
        ("articles", to_table(sorted(data["articles"], key=lambda a: a.id), Article)),
        ("stories", to_table(data["stories"], Story)),
        ("lineage", lineage_table(data["stories"])),
        ("dropped", to_table(report.dropped, Dropped)),
    ):
        (folder / what).mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / what / name)
    return pa.table(
        {
            "bucket": [bucket],
            "articles": [len(data["articles"])],
            "stories": [len(data["stories"])],
            "dropped": [len(report.dropped)],
            "seconds": [round(time.perf_counter() - began, 4)],
            "stage_seconds": [json.dumps(seconds)],
        }
    )


def story_stages() -> list[Any]:
    """The corpus stages of the local path that come after story clustering."""
    from newsweave.analyze import default_stages

    stages = default_stages()
    names = [s.name for s in stages]
    return stages[names.index("cluster") + 1 :]
