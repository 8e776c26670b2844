"""The brief as Markdown: one section per story, sources cited by number."""

from __future__ import annotations

import re

from newsweave.model import Article, Brief, Story

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def md_escape(text: str) -> str:
    """Escape page text so Markdown shows it literally (no links, HTML or emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def citation_numbers(brief: Brief) -> dict[str, int]:
    """Number the brief's articles 1..n, in the order the brief lists them."""
    return {article.id: n for n, article in enumerate(brief.articles, start=1)}


def render_markdown(brief: Brief) -> str:
    """The whole brief as a Markdown document."""
    numbers = citation_numbers(brief)
    lines = ["# newsweave brief", ""]
    lines.append(f"{len(brief.articles)} articles, {len(brief.stories)} stories.")
    lines.append("")
    for story in brief.stories:
        lines += _story(story, numbers)
    lines += ["## Sources", ""]
    lines += [_source(article, numbers[article.id]) for article in brief.articles]
    if brief.dropped:
        lines += ["", "## Dropped", ""]
        lines += [f"- {md_escape(d.source)}: {md_escape(d.reason)}" for d in brief.dropped]
    return "\n".join(lines) + "\n"


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    return "".join(
        f"[{numbers[i]}]" for i in sorted(ids, key=lambda i: numbers.get(i, 0)) if i in numbers
    )


def _story(story: Story, numbers: dict[str, int]) -> list[str]:
    lines = [f"## {md_escape(story.title)}", ""]
    lines.append(
        f"Story `{story.id}` · {len(story.articles)} articles {_cite(story.articles, numbers)}"
    )
    lines.append("")
    if story.summary:
        lines += ["### Summary", ""]
        lines += [f"- {md_escape(s.text)} {_cite(s.sources, numbers)}" for s in story.summary]
        lines.append("")
    if story.events:
        lines += ["### Events", ""]
        lines += [
            f"- {e.date or 'undated'}: {md_escape(e.title)} {_cite(e.articles, numbers)}"
            for e in story.events
        ]
        lines.append("")
    if story.timeline:
        lines += ["### Timeline", "", "| date | what | sources |", "| --- | --- | --- |"]
        lines += [
            f"| {t.date} | {md_escape(t.text)} | {_cite(t.sources, numbers)} |"
            for t in story.timeline
        ]
        lines.append("")
    if story.discrepancies:
        lines += ["### Where sources disagree", ""]
        for d in story.discrepancies:
            lines.append(f"- **{md_escape(d.about)}**")
            lines += [
                f"  - {v.value}: “{md_escape(v.text)}” {_cite(v.sources, numbers)}"
                for v in d.values
            ]
        lines.append("")
    if story.entities:
        lines += [
            "### Entities",
            "",
            "| name | kind | roles | mentions | sources |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += [
            f"| {md_escape(e.name)} | {md_escape(e.kind)} | {md_escape('; '.join(e.roles))} | {e.mentions} | {_cite(e.articles, numbers)} |"
            for e in story.entities
        ]
        lines.append("")
    if story.quotes:
        lines += ["### Quotes", ""]
        for q in story.quotes:
            lines.append(
                f"- {md_escape(q.speaker or 'unattributed')}: “{md_escape(q.text)}” {_cite([q.article], numbers)}"
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
            f"| {number(f.value)} | {md_escape(f.counts or '')} | {md_escape(f.text)} | {_cite([f.article], numbers)} |"
            for f in story.figures
        ]
        lines.append("")
    if story.duplicates:
        lines += ["### Copies", ""]
        lines += [
            f"- {_cite(group[:1], numbers)} is copied by {_cite(group[1:], numbers)}"
            for group in story.duplicates
        ]
        lines.append("")
    return lines


def _source(article: Article, number: int) -> str:
    parts = [f"{number}. {md_escape(article.title or '(untitled)')}"]
    if article.outlet:
        parts.append(f"— {md_escape(article.outlet)}")
    if article.published:
        parts.append(f"({article.published}{', inferred' if article.published_inferred else ''})")
    if article.credits:
        parts.append(f"credits: {md_escape(', '.join(article.credits))}")
    parts.append(f"· {md_escape(article.source)}")
    return " ".join(parts)


def number(value: float) -> str:
    """A figure's value as readers write it: 100,000 rather than 100000.0."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0")
