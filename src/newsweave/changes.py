"""What changed: a brief compared with an earlier one (a JSON brief file, or the brief of the
articles published before a date).

Stories are matched by the articles they share, not by id (a story's id can change as it
grows). A story with no earlier article is one "new story" line. For a story that grew:
one line per new independent source (an article whose source group, dedup/independence.py,
has no earlier article; its copies folded in; otherwise it is a "new article"), per new event, per figure that moved
("people killed: 4 → 7, The Observer, 13 March 2025"), per new disagreement, then the new
facts: statements that only new articles make, each once (a claim and a timeline entry
telling the same thing are one fact), never one an earlier article made or a line above said.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newsweave.errors import InputError
from newsweave.model import Article, Brief, Change, Page, Story, from_dict
from newsweave.render.dates import human_date
from newsweave.render.overview import independent_sources
from newsweave.render.timeline_svg import timeline_lanes
from newsweave.safejson import loads as safe_loads

if TYPE_CHECKING:
    from newsweave.extract import ExtractConfig
from newsweave.summarize.dating import keys
from newsweave.text import jaccard


@dataclass(frozen=True, slots=True)
class ChangesConfig:
    """Tunables of the comparison."""

    same_fact: float = 0.5  # key-word Jaccard at which two statements are the same fact
    contained: float = 0.7  # ... or the share of the shorter one's key words in the other
    max_facts: int = 12  # new facts listed per story (the best supported first)
    same_story: float = 0.0  # share of shared articles above which two stories are one


MAX_BRIEF_BYTES = 200_000_000


def _regular_only(path: str, flags: int) -> int:
    """os.open that never blocks on a FIFO and refuses anything but a regular file."""
    fd = os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise InputError(f"{path} is not a regular file: give the JSON file of an earlier brief")
    return fd


def read_brief(path: str | Path) -> Brief:
    """An earlier brief from its JSON file (`newsweave brief --format json`)."""
    try:
        with open(path, "rb", opener=_regular_only) as file:
            raw = file.read(MAX_BRIEF_BYTES + 1)
        if len(raw) > MAX_BRIEF_BYTES:
            raise InputError(f"{path} is over {MAX_BRIEF_BYTES // 1_000_000} MB: not a brief")
        data = safe_loads(raw.decode("utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the earlier brief {path}: {exc.strerror}") from exc
    except ValueError as exc:  # bad UTF-8, bad JSON, nested too deeply
        raise InputError(f"{path} is not a JSON brief: {exc}") from exc
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("newsweave.brief"):
        raise InputError(f"{path} is not a newsweave JSON brief (no 'schema' field)")
    try:
        return from_dict(Brief, data)
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{path} is not a readable newsweave brief: {exc}") from exc


def with_changes(
    brief: Brief, earlier: Brief, since: str, config: ChangesConfig | None = None
) -> Brief:
    """`brief` with its changes against `earlier` and `since` (a date or a file name) set."""
    return replace(brief, changes=compare_briefs(brief, earlier, config), since=since)


def compare_briefs(
    brief: Brief, earlier: Brief, config: ChangesConfig | None = None
) -> list[Change]:
    """What an editor would send, per story: new story, new independent sources, new events,
    figures that moved, new disagreements, then new facts, each once and on one line."""
    config = config or ChangesConfig()
    known = {a.id for a in earlier.articles} | {a for s in earlier.stories for a in s.articles}
    by_id = {a.id: a for a in brief.articles}
    changes: list[Change] = []
    for story in brief.stories:
        before = match_story(story, earlier.stories, config)
        if before is None:
            changes.append(_new_story(story, by_id))
            continue
        if not any(a not in known for a in story.articles):
            continue
        lines = _new_sources(story, known, by_id)
        lines += _new_events(story, known)
        moved, conflicts = _disagreements(story, before, known, by_id)
        lines += moved + conflicts
        lines += _new_facts(story, before, known, config, [c.text for c in lines], by_id)
        changes += lines
    return changes


def _when(article: Article | None) -> str:
    return human_date(article.published) if article and article.published else "undated"


def _who(ids: Sequence[str], by_id: dict[str, Article]) -> str:
    """The outlets behind some articles, oldest first ("Valley Herald, 13 March 2025")."""
    members = sorted((by_id[a] for a in ids if a in by_id), key=lambda a: a.published or "9999")
    if not members:
        return ""
    first = members[0]
    name = first.outlet or first.title or first.source
    more = f" and {len(members) - 1} more" if len(members) > 1 else ""
    return f"{name}{more}, {_when(first)}"


def _new_story(story: Story, by_id: dict[str, Article]) -> Change:
    n = independent_sources(story)
    text = (
        f"{story.title} ({len(story.articles)} "
        f"{'article' if len(story.articles) == 1 else 'articles'}, "
        f"{n} independent {'source' if n == 1 else 'sources'}, from {_who(story.articles, by_id)})"
    )
    return Change("new-story", text, story=story.id, sources=list(story.articles))


def _new_sources(story: Story, known: set[str], by_id: dict[str, Article]) -> list[Change]:
    """One line per new independent source (a source group with no earlier article), and one
    per new article of a source already counted (a copy, the same outlet, the same wire)."""
    groups = [g.articles for g in story.sources] or story.duplicates  # what counts once
    group_of = {a: g for g in groups for a in g}
    out, seen = [], set()
    for article in story.articles:
        if article in known or article in seen:
            continue
        group = group_of.get(article, [article])
        seen.update(group)
        first = by_id.get(article)
        title = (first.title or first.source) if first else article
        fresh = [a for a in group if a not in known]
        if len(fresh) < len(group):  # one source with an earlier article: no new source
            out.append(
                Change(
                    "new-article",
                    f"{title} ({_who(fresh, by_id)}): from a source already counted",
                    story=story.id,
                    sources=fresh,
                )
            )
            continue
        copies = len(group) - 1
        more = f", and {copies} {'copy' if copies == 1 else 'copies'}" if copies else ""
        out.append(
            Change(
                "new-source",
                f"{title} ({_who([article], by_id)}{more})",
                story=story.id,
                sources=list(group),
            )
        )
    return out


def _new_events(story: Story, known: set[str]) -> list[Change]:
    """Events no earlier article covers."""
    return [
        Change(
            "new-event",
            f"{event.title} ({human_date(event.date)})" if event.date else event.title,
            story=story.id,
            sources=list(event.articles),
        )
        for event in story.events
        if event.articles and not any(a in known for a in event.articles)
    ]


def _disagreements(
    story: Story, before: Story, known: set[str], by_id: dict[str, Article]
) -> tuple[list[Change], list[Change]]:
    """Figures that moved (an earlier value, then a new one) and disagreements among new sources."""
    moved, conflicts = [], []
    old_about = {" ".join(sorted(keys(d.about))) for d in before.discrepancies}
    for d in story.discrepancies:
        old = [v for v in d.values if any(s in known for s in v.sources)]
        new = [v for v in d.values if v.sources and not any(s in known for s in v.sources)]
        if not new:
            continue
        if old:
            was = " / ".join(dict.fromkeys(v.value for v in old))
            for v in new:
                moved.append(
                    Change(
                        "figure-moved",
                        f"{d.about}: {was} → {v.value}, {_who(v.sources, by_id)}",
                        story=story.id,
                        sources=list(v.sources),
                        before=was,
                        after=v.value,
                    )
                )
        elif " ".join(sorted(keys(d.about))) not in old_about:
            said = " vs ".join(f"{v.value} ({_who(v.sources, by_id)})" for v in new)
            conflicts.append(
                Change(
                    "new-conflict",
                    f"{d.about}: {said}",
                    story=story.id,
                    sources=sorted({s for v in new for s in v.sources}),
                )
            )
    return moved, conflicts


def match_story(story: Story, earlier: Sequence[Story], config: ChangesConfig) -> Story | None:
    """The earlier story that shares the most articles with `story` (None when none does)."""
    mine = set(story.articles)
    best, best_share = None, config.same_story
    for other in earlier:
        shared = len(mine & set(other.articles))
        share = shared / len(mine | set(other.articles)) if shared else 0.0
        if share > best_share:
            best, best_share = other, share
    return best


def check_since(since: str) -> str:
    """`since` if it is an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); InputError otherwise."""
    if not re.fullmatch(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?", since):
        raise InputError(f"--since wants a date as YYYY-MM-DD, not {since!r}")
    return since


def changes_since(
    brief: Brief, pages: Sequence[Page], since: str, extract: ExtractConfig | None = None
) -> Brief:
    """`brief` with what changed since `since`: the brief of the earlier pages is analysed anew."""
    from newsweave.analyze import analyze, make_brief

    earlier_pages = pages_before(pages, brief.articles, since)
    if earlier_pages:
        earlier = analyze(earlier_pages, extract=extract)
        before = make_brief(earlier.articles, earlier.stories)
    else:
        before = Brief(articles=[], stories=[])
    return with_changes(brief, before, since)


def pages_before(pages: Sequence[Page], articles: Sequence[Article], since: str) -> list[Page]:
    """The pages whose article was published before `since` (undated ones count as earlier)."""
    published = {a.id: a.published for a in articles}
    return [p for p in pages if (published.get(p.id) or p.published or "") < since]


def _new_facts(
    story: Story,
    before: Story,
    known: set[str],
    config: ChangesConfig,
    said: list[str],
    by_id: dict[str, Article],
) -> list[Change]:
    """Statements only new articles make and no earlier one did, each once (claims first, then
    dated happenings no claim tells), the best supported first, at most `max_facts`."""
    titles = {_norm(t) for t in said}
    old = [keys(c.text) for c in before.claims] + [keys(t.text) for t in before.timeline]
    taken: list[set[str]] = [keys(t) for t in said]
    candidates: list[tuple[int, str, list[str], str | None]] = []
    for claim in story.claims:
        candidates.append((claim.independent, claim.text, list(claim.sources), None))
    for entry in story.timeline:
        candidates.append((1, entry.text, list(entry.sources), entry.date))
    plausible = _plausible_dates(story, by_id)
    out: list[tuple[int, Change]] = []
    for order, (support, text, sources, when) in enumerate(candidates):
        if not sources or any(s in known for s in sources):
            continue  # an earlier article has it: not new
        words = keys(text)
        if not words or _norm(text) in titles or any(_same(words, w, config) for w in old):
            continue
        if any(_same_fact(words, w, config) for w in taken):
            continue
        taken.append(words)
        label = f"{human_date(when)}: {text}" if when in plausible else text
        out.append((order - 1000 * support, Change("new-fact", label, story.id, sources)))
    out.sort(key=lambda pair: pair[0])
    return [change for _, change in out[: config.max_facts]]


def _plausible_dates(story: Story, by_id: dict[str, Article]) -> set[str]:
    """The timeline dates on the story's own time axis (not background, not after the news)."""
    published = [by_id[a].published or "" for a in story.articles if a in by_id]
    return {p.date for p in timeline_lanes(story.timeline, published).main}


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _overlap(a: set[str], b: set[str]) -> float:
    """The share of the smaller set's words found in the other."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _same_fact(a: set[str], b: set[str], config: ChangesConfig) -> bool:
    """Two statements tell the same fact: most key words shared, or one inside the other."""
    return _same(a, b, config) or _overlap(a, b) >= config.contained


def _same(a: set[str], b: set[str], config: ChangesConfig) -> bool:
    return bool(a) and bool(b) and jaccard(a, b) >= config.same_fact
