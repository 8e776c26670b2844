"""The brief as Markdown: one section per story, sources cited by number."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsweave.compare.quantities import format_number
from newsweave.dedup.independence import independent_count
from newsweave.model import Article, Brief, Change, CopyRelation, Story

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")

number = format_number  # one number formatter for the whole package (kept name for callers)


def md_escape(text: str) -> str:
    """Escape page text so Markdown shows it literally (no links, HTML or emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def http_url(url: str | None) -> str | None:
    """The URL if it is an http(s) URL with a host, else None (never a javascript: link)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def citation_numbers(brief: Brief) -> dict[str, int]:
    """Number the brief's articles 1..n, in the order the brief lists them."""
    return {article.id: n for n, article in enumerate(brief.articles, start=1)}


def independent_sources(story: Story) -> int:
    """How many independent sources a story has (copies, one site, one wire count once)."""
    return independent_count(story)


def sources_label(count: int) -> str:
    """ "1 independent source" / "3 independent sources"."""
    return f"{count} independent source{'s' * (count != 1)}"


def relation_phrase(relation: CopyRelation, original: str, copy: str) -> str:
    """ "[2] is a partial copy of [1]", or for an undirected relation "[1] and [2] are ..."."""
    if relation.directed:
        return f"{copy} is a {relation.kind} copy of {original}"
    return f"{original} and {copy} are {relation.kind} copies of one another"


def with_citations(text: str, numbers: dict[str, int]) -> str:
    """`text` with every article id it names replaced by the article's citation "[n]"."""
    for article_id, number in numbers.items():
        if article_id in text:
            text = text.replace(article_id, f"[{number}]")
    return text


def story_span(story: Story, by_id: dict[str, Article]) -> tuple[str | None, list[str]]:
    """A story's publication dates as one label ("d1 to d2"), and its outlets, for headers."""
    members = [by_id[a] for a in story.articles if a in by_id]
    dates = sorted(a.published for a in members if a.published)
    outlets = sorted({a.outlet for a in members if a.outlet})
    if not dates:
        return None, outlets
    return (dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"), outlets


def render_markdown(brief: Brief) -> str:
    """The whole brief as a Markdown document."""
    numbers = citation_numbers(brief)
    by_id = {a.id: a for a in brief.articles}
    lines = ["# newsweave brief", ""]
    lines.append(f"{len(brief.articles)} articles, {len(brief.stories)} stories.")
    lines.append("")
    if brief.changes:
        lines += _changes(brief.changes, brief.since, numbers)
    for story in brief.stories:
        lines += _story(story, numbers, by_id)
    lines += ["## Sources", ""]
    lines += [_source(article, numbers[article.id]) for article in brief.articles]
    if brief.dropped:
        lines += ["", "## Dropped", ""]
        lines += [f"- {md_escape(d.source)}: {md_escape(d.reason)}" for d in brief.dropped]
    return "\n".join(lines) + "\n"


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    return "".join(
        f"[{numbers[i]}]" for i in sorted(set(ids), key=lambda i: numbers.get(i, 0)) if i in numbers
    )


def _changes(changes: list[Change], since: str | None, numbers: dict[str, int]) -> list[str]:
    lines = [f"## What changed{' since ' + md_escape(since) if since else ''}", ""]
    for c in changes:
        detail = ""
        if c.before is not None or c.after is not None:
            detail = f" ({md_escape(c.before or '–')} → {md_escape(c.after or '–')})"
        lines.append(
            f"- {md_escape(c.kind)}: {md_escape(c.text)}{detail} {_cite(c.sources, numbers)}"
        )
    return [*lines, ""]


def _header(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> list[str]:
    dates, outlets = story_span(story, by_id)
    meta = [
        f"Story `{story.id}`",
        f"{len(story.articles)} articles {_cite(story.articles, numbers)}",
        sources_label(independent_sources(story)),
    ]
    if dates:
        meta.append(dates)
    if outlets:
        meta.append("outlets: " + md_escape(", ".join(outlets)))
    return [f"## {md_escape(story.title)}", "", " · ".join(meta), ""]


def _story(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> list[str]:
    lines = _header(story, numbers, by_id)
    if story.summary:
        lines += ["### Summary", ""]
        lines += [
            f"- {md_escape(s.text)}{' *(generated)*' if s.generated else ''} "
            f"{_cite(s.sources, numbers)}"
            for s in story.summary
        ]
        lines.append("")
    if story.events:
        lines += ["### Events", ""]
        lines += [
            f"- {md_escape(e.date or 'undated')}: {md_escape(e.title)} {_cite(e.articles, numbers)}"
            for e in story.events
        ]
        lines.append("")
    if story.timeline:
        lines += ["### Timeline", "", "| date | what | sources |", "| --- | --- | --- |"]
        for t in story.timeline:
            date = md_escape(t.date) + (" (inferred)" if t.inferred else "")
            if t.granularity != "day":
                date += f" ({md_escape(t.granularity)})"
            lines.append(f"| {date} | {md_escape(t.text)} | {_cite(t.sources, numbers)} |")
        lines.append("")
    if story.discrepancies:
        lines += ["### Where sources disagree", ""]
        for d in story.discrepancies:
            lines.append(f"- **{md_escape(d.about)}** ({md_escape(d.kind)})")
            for v in d.values:
                wordings = v.wording or {s: v.text for s in v.sources}
                said = "; ".join(
                    f"“{md_escape(w)}” {_cite([a], numbers)}" for a, w in wordings.items()
                )
                lines.append(f"  - {md_escape(v.value)}: {said}")
        lines.append("")
    corroborated = [c for c in story.claims if c.independent > 1]
    single = [c for c in story.claims if c.independent <= 1]
    if corroborated:
        lines += ["### Claims and their support", "", "| claim | independent sources | sources |"]
        lines.append("| --- | --- | --- |")
        lines += [
            f"| {md_escape(c.text)} | {c.independent} | {_cite(c.sources, numbers)} |"
            for c in corroborated
        ]
        lines.append("")
    if single:
        lines += ["### Single-source facts", "", "Reported by one independent source only:", ""]
        lines += [f"- {md_escape(c.text)} {_cite(c.sources, numbers)}" for c in single]
        lines.append("")
    if story.entities:
        lines += [
            "### Entities",
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
    if story.quotes:
        lines += ["### Quotes", ""]
        for q in story.quotes:
            lines.append(
                f"- {md_escape(q.speaker or 'unattributed')}: “{md_escape(q.text)}” "
                f"{_cite([q.article], numbers)}"
            )
            lines += [
                f"  - also reported as “{md_escape(v.text)}” {_cite([v.article], numbers)}"
                for v in q.variants
            ]
        lines.append("")
    if story.figures:
        lines += [
            "### Figures",
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
    if story.lineage or story.duplicates:
        lines += ["### Lineage", ""]
        for r in story.lineage:
            lines.append(
                f"- {relation_phrase(r, _cite([r.original], numbers), _cite([r.copy], numbers))}"
                + (f": {md_escape('; '.join(r.evidence))}" if r.evidence else "")
                + (f" — shared: “{md_escape(_clip(r.passages[0]))}”" if r.passages else "")
            )
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
