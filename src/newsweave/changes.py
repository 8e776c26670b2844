"""What changed: a brief compared with an earlier one (a JSON brief file, or the brief of the
articles published before a date).

Stories are matched by the articles they share, not by id (a story's id can change as it
grows). For each story the changes are its new articles, new facts (timeline entries,
claims and figures the earlier brief did not have), changed figures (the same counted thing
with another value) and new conflicts, each brought by at least one new article; a story
with no earlier article is a new story.
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
from newsweave.model import Article, Brief, Change, Figure, Page, Story, from_dict
from newsweave.safejson import loads as safe_loads

if TYPE_CHECKING:
    from newsweave.extract import ExtractConfig
from newsweave.summarize.dating import keys
from newsweave.text import jaccard


@dataclass(frozen=True, slots=True)
class ChangesConfig:
    """Tunables of the comparison."""

    same_fact: float = 0.5  # key-word Jaccard at which two statements are the same fact
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
    """Every change from `earlier` to `brief`: new stories, articles, facts, figures, conflicts."""
    config = config or ChangesConfig()
    known = {a.id for a in earlier.articles} | {a for s in earlier.stories for a in s.articles}
    titles = {a.id: _label(a) for a in brief.articles}
    changes: list[Change] = []
    for story in brief.stories:
        before = match_story(story, earlier.stories, config)
        fresh = [a for a in story.articles if a not in known]
        if before is None:
            changes.append(
                Change("new-story", story.title, story=story.id, sources=list(story.articles))
            )
            continue
        changes += [
            Change("new-article", titles.get(a, a), story=story.id, sources=[a]) for a in fresh
        ]
        facts = _new_facts(story, before, config) + _changed_figures(story, before)
        facts += _new_conflicts(story, before)
        changes += [c for c in facts if any(s not in known for s in c.sources)]
    return changes


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


def _new_facts(story: Story, before: Story, config: ChangesConfig) -> list[Change]:
    changes = []
    old_entries = [(e.date, keys(e.text)) for e in before.timeline]
    for entry in story.timeline:
        words = keys(entry.text)
        if not any(d == entry.date and _same(w, words, config) for d, w in old_entries):
            changes.append(
                Change(
                    "new-fact",
                    f"{entry.date}: {entry.text}",
                    story=story.id,
                    sources=list(entry.sources),
                )
            )
    old_claims = [keys(c.text) for c in before.claims]
    for claim in story.claims:
        if not any(_same(keys(claim.text), w, config) for w in old_claims):
            changes.append(
                Change("new-fact", claim.text, story=story.id, sources=list(claim.sources))
            )
    old_things = {_thing(f) for f in before.figures}
    seen = set()
    for figure in story.figures:
        thing = _thing(figure)
        if figure.counts and thing not in old_things and (thing, figure.value) not in seen:
            seen.add((thing, figure.value))
            text = f"{figure.text} {figure.counts or ''}".strip()
            changes.append(
                Change("new-fact", text, story=story.id, sources=[figure.article], after=text)
            )
    return changes


def _changed_figures(story: Story, before: Story) -> list[Change]:
    """The same counted thing with a value the earlier brief never gave for it."""
    old: dict[tuple[str, str], list[Figure]] = {}
    for figure in before.figures:
        old.setdefault(_thing(figure), []).append(figure)
    changes, seen = [], set()
    for figure in story.figures:
        earlier = old.get(_thing(figure))
        if not figure.counts or not earlier or figure.value in {f.value for f in earlier}:
            continue
        key = (_thing(figure), figure.value)
        if key in seen:
            continue
        seen.add(key)
        was = ", ".join(sorted({f.text for f in earlier}))
        changes.append(
            Change(
                "changed-figure",
                f"{figure.counts}: {was} → {figure.text}",
                story=story.id,
                sources=sorted({f.article for f in story.figures if _same_figure(f, figure)}),
                before=was,
                after=figure.text,
            )
        )
    return changes


def _new_conflicts(story: Story, before: Story) -> list[Change]:
    old = {" ".join(sorted(keys(d.about))) for d in before.discrepancies}
    return [
        Change(
            "new-conflict",
            f"{d.about}: " + " vs ".join(v.text for v in d.values),
            story=story.id,
            sources=sorted({s for v in d.values for s in v.sources}),
        )
        for d in story.discrepancies
        if " ".join(sorted(keys(d.about))) not in old
    ]


def _thing(figure: Figure) -> tuple[str, str]:
    """What a figure counts, as a comparable key: its counted words and unit."""
    return " ".join(sorted(keys(figure.counts or ""))), figure.unit or ""


def _same_figure(a: Figure, b: Figure) -> bool:
    return _thing(a) == _thing(b) and a.value == b.value


def _same(a: set[str], b: set[str], config: ChangesConfig) -> bool:
    return bool(a) and bool(b) and jaccard(a, b) >= config.same_fact


def _label(article: Article) -> str:
    title = article.title or article.text[:80]
    return f"{title} ({article.outlet})" if article.outlet else title
