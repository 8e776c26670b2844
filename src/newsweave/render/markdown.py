"""The brief as Markdown: one section per story, sources cited by number."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from newsweave.compare.quantities import format_number
from newsweave.dedup.representatives import copies_of, fold_groups
from newsweave.model import TRUNCATED, Article, Brief, Change, Story, change_label
from newsweave.render.dates import human_date
from newsweave.render.overview import (
    counted,
    independent_sources,
    quote_sources,
    relation_phrase,
    story_overview,
    tally_rows,
    who_said_when,
    with_citations,
)
from newsweave.render.timeline_svg import timeline_lanes

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")

number = format_number  # one number formatter for the whole package (kept name for callers)
__all__ = ["citation_numbers", "http_url", "independent_sources", "md_escape", "render_markdown"]


def md_escape(text: str) -> str:
    """Escape page text so Markdown shows it literally (no links, HTML or emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def http_url(url: str | None) -> str | None:
    """The URL if it is an http(s) URL with a host, else None (never a javascript: link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


class Citations(dict[str, int]):
    """The brief's citation numbers (article id -> n), and which article each copy copies."""

    def __init__(self, numbers: dict[str, int], original_of: dict[str, str]) -> None:
        super().__init__(numbers)
        self.original_of = original_of

    def grouped(
        self, ids: Iterable[str], limit: int | None = None
    ) -> tuple[list[tuple[str, int]], int]:
        """The sources to show, each with the copies of it folded in, and how many are left out.

        A list of more than `limit` sources reads "[12] and 199 copies [40] and 3 more": copies
        of an original that is cited are counted with it, and past `limit` the rest are counted.
        """
        limit = CITE_LIMIT if limit is None else limit
        cited = sorted({i for i in ids if i in self}, key=lambda i: self[i])
        if len(cited) <= limit:
            return [(i, 0) for i in cited], 0
        present = set(cited)
        folded: dict[str, int] = {}
        for i in cited:
            original = self.original_of.get(i)
            if original is not None and original in present and original != i:
                folded[original] = folded.get(original, 0) + 1
        shown = [
            (i, folded.get(i, 0))
            for i in cited
            if self.original_of.get(i, i) == i or self.original_of[i] not in present
        ]
        return shown[:limit], max(0, len(shown) - limit)


CITE_LIMIT = 12  # sources named in one citation; the rest are counted
SAID_LIMIT = 5  # wordings shown for one value of a conflict; the rest are counted


def copies_note(copies: int) -> str:
    """The note after a citation whose copies are folded into it ("and 199 copies"), or "" ."""
    return f" and {copies} {'copy' if copies == 1 else 'copies'} " if copies else ""


def citation_numbers(brief: Brief) -> Citations:
    """Number the brief's articles 1..n, in the order the brief lists them (copies known)."""
    original_of: dict[str, str] = {}
    for story in brief.stories:
        for folded in (fold_groups(story.duplicates), copies_of(story.lineage)):
            for original, copies in folded.items():
                for copy in copies:
                    original_of.setdefault(copy, original)
    return Citations({a.id: n for n, a in enumerate(brief.articles, start=1)}, original_of)


def render_markdown(brief: Brief) -> str:
    """The whole brief as a Markdown document: each story's top first, long lists at the end."""
    numbers = citation_numbers(brief)
    by_id = {a.id: a for a in brief.articles}
    lines = ["# newsweave brief", ""]
    lines.append(
        f"{counted(len(brief.articles), 'article')}, "
        f"{counted(len(brief.stories), 'story', 'stories')}."
    )
    lines.append("")
    if brief.changes:
        lines += _changes(brief.changes, brief.since, numbers)
    for story in brief.stories:
        lines += _story(story, numbers, by_id)
    details = [line for story in brief.stories for line in _details(story, numbers)]
    if details:
        lines += ["## Details", "", "Single-source facts, entities and every figure, by story.", ""]
        lines += details
    lines += ["## Sources", ""]
    lines += [_source(article, numbers[article.id]) for article in brief.articles]
    cut = [d for d in brief.dropped if d.truncated]
    dropped = [d for d in brief.dropped if not d.truncated]
    if cut:
        lines += ["", "## Truncated", "", "Kept, but cut to the length cap:", ""]
        lines += [
            f"- {md_escape(d.source)}: {md_escape(d.reason.removeprefix(TRUNCATED).strip())}"
            for d in cut
        ]
    if dropped:
        lines += ["", "## Dropped", ""]
        lines += [f"- {md_escape(d.source)}: {md_escape(d.reason)}" for d in dropped]
    return "\n".join(lines) + "\n"


def grouped_citations(
    ids: Iterable[str], numbers: dict[str, int]
) -> tuple[list[tuple[str, int]], int]:
    """`Citations.grouped` for any numbering (a plain mapping knows no copies)."""
    citations = numbers if isinstance(numbers, Citations) else Citations(numbers, {})
    return citations.grouped(ids)


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    shown, more = grouped_citations(ids, numbers)
    text = "".join(f"[{numbers[i]}]" + copies_note(n) for i, n in shown)
    return (text.rstrip() + (f" and {more} more" if more else "")).strip()


def _changes(changes: list[Change], since: str | None, numbers: dict[str, int]) -> list[str]:
    lines = [f"## What changed{' since ' + md_escape(since) if since else ''}", ""]
    lines += [
        f"- **{change_label(c.kind)}**: {md_escape(c.text)} {_cite(c.sources, numbers)}".rstrip()
        for c in changes
    ]
    return [*lines, ""]


def _header(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> list[str]:
    top = story_overview(story, by_id)
    what = top.what
    generated = " *(generated)*" if what.generated else ""
    return [
        f"## {md_escape(story.title)}",
        "",
        f"**What happened:** {md_escape(what.text)}{generated} {_cite(what.sources, numbers)}  ",
        f"**When:** {md_escape(top.when)}  ",
        f"**Sources:** {md_escape(top.sources)} {_cite(story.articles, numbers)} · "
        f"story `{story.id}`",
        "",
    ]


def _story(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> list[str]:
    lines = _header(story, numbers, by_id)
    if story.discrepancies:
        lines += ["### Where sources disagree", ""]
        for d in story.discrepancies:
            lines.append(f"- **{md_escape(d.about)}** ({md_escape(d.kind)})")
            for v in who_said_when(d, by_id):
                said = "; ".join(
                    f"“{md_escape(s.wording)}” {_cite([s.article], numbers)} {md_escape(s.when)}"
                    + (f" (credited to {md_escape(s.credited)})" if s.credited else "")
                    for s in v.said[:SAID_LIMIT]
                )
                rest = len(v.said) - SAID_LIMIT
                more = f"; and {rest} more sources (all in the JSON brief)" if rest > 0 else ""
                lines.append(f"  - {md_escape(v.value)}: {said}{more}")
        lines.append("")
    if story.tallies:
        lines += ["### Counts that changed over time", ""]
        for t in story.tallies:
            steps = " → ".join(
                f"{md_escape(value)} ({md_escape(day)}) {_cite(sources, numbers)}"
                for day, value, sources in tally_rows(t)
            )
            lines.append(f"- **{md_escape(t.about)}**: {steps}")
        lines.append("")
    if story.timeline:
        lines += _timeline(story, numbers, by_id)
    if len(story.summary) > 1:
        lines += ["### Summary", ""]
        lines += [
            f"- {md_escape(s.text)}{' *(generated)*' if s.generated else ''} "
            f"{_cite(s.sources, numbers)}" + (f" *({md_escape(s.disputed)})*" if s.disputed else "")
            for s in story.summary[1:]
        ]
        lines.append("")
    if story.events:
        lines += ["### Events", ""]
        lines += [
            f"- {md_escape(human_date(e.date))}: {md_escape(e.title)} {_cite(e.articles, numbers)}"
            for e in story.events
        ]
        lines.append("")
    corroborated = [c for c in story.claims if c.independent > 1]
    if corroborated:
        lines += ["### Claims and their support", "", "| claim | independent sources | sources |"]
        lines.append("| --- | --- | --- |")
        lines += [
            f"| {md_escape(c.text)} | {c.independent} | {_cite(c.sources, numbers)} |"
            for c in corroborated
        ]
        lines.append("")
    if story.quotes:
        lines += ["### Quotes", ""]
        for q in story.quotes:
            same, reworded = quote_sources(q)
            lines.append(
                f"- {md_escape(q.speaker or 'unattributed')}: “{md_escape(q.text)}” "
                f"{_cite(same, numbers)}"
            )
            lines += [
                f"  - also reported as “{md_escape(v.text)}” {_cite([v.article], numbers)}"
                for v in reworded
            ]
        lines.append("")
    if story.lineage or story.duplicates:
        lines += ["### Lineage", ""]
        lines += [
            "- "
            + relation_phrase(
                r, _cite([r.original], numbers), _cite([r.copy], numbers), md_escape(r.kind)
            )
            + (f": {md_escape('; '.join(r.evidence))}" if r.evidence else "")
            + (f" — shared: “{md_escape(_clip(r.passages[0]))}”" if r.passages else "")
            for r in story.lineage
        ]
        if not story.lineage:
            lines += [
                f"- {_cite(group[:1], numbers)} is copied by {_cite(group[1:], numbers)}"
                for group in story.duplicates
            ]
        lines.append("")
    grouped = [g for g in story.sources if len(g.articles) > 1]
    if grouped:
        lines += ["### Independent sources", ""]
        lines += [
            f"- {_cite(g.articles, numbers)} count as one source: "
            + "; ".join(with_citations(md_escape(r), numbers) for r in g.reasons)
            for g in grouped
        ]
        lines.append("")
    return lines


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _timeline(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> list[str]:
    """The story's own dated happenings in a table; background and odd dates listed apart."""
    published = [by_id[a].published or "" for a in story.articles if a in by_id]
    lanes = timeline_lanes(story.timeline, published)
    lines = ["### Timeline", ""]
    if lanes.main:
        lines += ["| date | what | sources |", "| --- | --- | --- |"]
        for point in lanes.main:
            for t in point.entries:
                when = md_escape(human_date(t.date)) + (" (inferred)" if t.inferred else "")
                if t.granularity != "day":
                    when += f" ({md_escape(t.granularity)})"
                what = md_escape(t.text) + _also(t.also)
                lines.append(f"| {when} | {what} | {_cite(t.sources, numbers)} |")
        lines.append("")
    apart = [
        ("Background (before the story's weeks)", lanes.background),
        ("Dated after the newest report (plans, or dates misread)", lanes.later),
        ("Undated", lanes.undated),
    ]
    for title, points in apart:
        if points:
            lines += [f"{title}:", ""]
            lines += [
                f"- {md_escape(human_date(t.date))}: {md_escape(t.text)}{_also(t.also)} "
                f"{_cite(t.sources, numbers)}"
                for p in points
                for t in p.entries
            ]
            lines.append("")
    return lines


def _also(wordings: list[str]) -> str:
    """The other wordings merged into a timeline row, as a short note after its text."""
    if not wordings:
        return ""
    shown = "; ".join(md_escape(_clip(w, 80)) for w in wordings[:2])
    more = f" and {len(wordings) - 2} more" if len(wordings) > 2 else ""
    return f" (also: {shown}{more})"


def _details(story: Story, numbers: dict[str, int]) -> list[str]:
    """The long lists of one story: single-source facts, entities, every figure."""
    single = [c for c in story.claims if c.independent <= 1]
    if not (single or story.entities or story.figures):
        return []
    lines = [f"### {md_escape(story.title)}", ""]
    if single:
        lines += ["#### Single-source facts", "", "Reported by one independent source only:", ""]
        lines += [f"- {md_escape(c.text)} {_cite(c.sources, numbers)}" for c in single]
        lines.append("")
    if story.entities:
        lines += [
            "#### Entities",
            "",
            "| name | kind | roles | mentions | sources |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {md_escape(e.name)} | {md_escape(e.kind)} | {md_escape('; '.join(e.roles))} "
            f"| {e.mentions} | {_cite(e.articles, numbers)} |"
            for e in story.entities
        ]
        lines.append("")
    if story.figures:
        lines += [
            "#### Figures",
            "",
            "| figure | counts | wording | source |",
            "| --- | --- | --- | --- |",
        ]
        lines += [
            f"| {format_number(f.value)} | {md_escape(f.counts or '')} | {md_escape(f.text)} "
            f"| {_cite([f.article], numbers)} |"
            for f in story.figures
        ]
        lines.append("")
    return lines


def _source(article: Article, number: int) -> str:
    parts = [f"{number}. {md_escape(article.title or '(untitled)')}"]
    if article.outlet:
        parts.append(f"— {md_escape(article.outlet)}")
    if article.published:
        inferred = ", inferred" if article.published_inferred else ""
        parts.append(f"({md_escape(article.published)}{inferred})")
    if article.credits:
        parts.append(f"credits: {md_escape(', '.join(article.credits))}")
    if article.authors:
        parts.append(f"by {md_escape(', '.join(article.authors))}")
    url = http_url(article.url)
    parts.append(f"· {md_escape(url or article.source)}")
    return " ".join(parts)
