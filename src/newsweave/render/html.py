"""The brief as one self-contained HTML file: no scripts, no external resources.

Every value that comes from a page goes through `html.escape`, attributes included. Links
are internal anchors (#a-ID), or a source's own URL when it is http(s); nothing else
becomes a link. The timeline chart is inline SVG, allowed by the page's CSP.
"""

from __future__ import annotations

from html import escape

from newsweave.compare.quantities import format_number
from newsweave.model import Article, Brief, Change, Story
from newsweave.render.markdown import (
    citation_numbers,
    http_url,
    independent_sources,
    relation_phrase,
    sources_label,
    story_span,
    with_citations,
)
from newsweave.render.timeline_svg import timeline_svg

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{line-height:1.2} table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
.cite a{font-size:.8em;text-decoration:none;margin-left:.15em} .meta{color:#666;font-size:.9em}
.tag{font-size:.75em;padding:0 .3em;border-radius:3px;background:#eee;color:#555}
.single{background:#fff4d6} .gen{background:#e8effc}
svg.timeline{width:100%;height:auto;font:11px system-ui,sans-serif}
details{margin:.3rem 0} .dropped{color:#a33} .changes li{margin:.2rem 0}
"""


def render_html(brief: Brief) -> str:
    """The whole brief as an HTML document that opens from disk with no server."""
    numbers = citation_numbers(brief)
    by_id = {a.id: a for a in brief.articles}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>newsweave brief</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>newsweave brief</h1>",
        f'<p class="meta">{len(brief.articles)} articles, {len(brief.stories)} stories</p>',
    ]
    if brief.changes:
        parts.append(_changes(brief.changes, brief.since, numbers))
    for story in brief.stories:
        parts.append(_story(story, numbers, by_id))
    parts.append('<h2 id="sources">Sources</h2><ol>')
    parts += [_source(article) for article in brief.articles]
    parts.append("</ol>")
    if brief.dropped:
        parts.append('<h2>Dropped</h2><ul class="dropped">')
        parts += [f"<li>{escape(d.source)}: {escape(d.reason)}</li>" for d in brief.dropped]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    links = "".join(
        f'<a href="#a-{escape(i)}">[{numbers[i]}]</a>'
        for i in sorted(set(ids), key=lambda i: numbers.get(i, 0))
        if i in numbers
    )
    return f'<span class="cite">{links}</span>'


def _changes(changes: list[Change], since: str | None, numbers: dict[str, int]) -> str:
    title = "What changed" + (f" since {escape(since)}" if since else "")
    items = []
    for c in changes:
        detail = ""
        if c.before is not None or c.after is not None:
            detail = f" ({escape(c.before or '–')} → {escape(c.after or '–')})"
        items.append(
            f'<li><span class="tag">{escape(c.kind)}</span> {escape(c.text)}{detail} '
            f"{_cite(c.sources, numbers)}</li>"
        )
    return (
        f'<section id="changes"><h2>{title}</h2><ul class="changes">{"".join(items)}</ul></section>'
    )


def _header(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> str:
    dates, outlets = story_span(story, by_id)
    meta = [
        f"story {escape(story.id)}",
        f"{len(story.articles)} articles {_cite(story.articles, numbers)}",
        sources_label(independent_sources(story)),
    ]
    if dates:
        meta.append(escape(dates))
    if outlets:
        meta.append("outlets: " + escape(", ".join(outlets)))
    return f'<h2>{escape(story.title)}</h2><p class="meta">{" · ".join(meta)}</p>'


def _story(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> str:
    out = [f'<section id="s-{escape(story.id)}">', _header(story, numbers, by_id)]
    if story.summary:
        out.append("<h3>Summary</h3><ul>")
        for s in story.summary:
            tag = ' <span class="tag gen">generated</span>' if s.generated else ""
            out.append(f"<li>{escape(s.text)}{tag} {_cite(s.sources, numbers)}</li>")
        out.append("</ul>")
    if story.timeline:
        out.append(_timeline(story, numbers))
    if story.discrepancies:
        out.append(_conflicts(story, numbers))
    out.append(_claims(story, numbers))
    if story.quotes:
        out.append(_quotes(story, numbers))
    if story.entities:
        out.append(
            "<h3>People, places and organisations</h3><table><tr><th>name</th><th>kind</th>"
            "<th>roles</th><th>mentions</th><th>sources</th></tr>"
        )
        out += [
            f"<tr><td>{escape(e.name)}</td><td>{escape(e.kind)}</td>"
            f"<td>{escape('; '.join(e.roles))}</td><td>{e.mentions}</td>"
            f"<td>{_cite(e.articles, numbers)}</td></tr>"
            for e in story.entities
        ]
        out.append("</table>")
    if story.figures:
        out.append(
            "<h3>Figures</h3><table><tr><th>figure</th><th>counts</th><th>wording</th>"
            "<th>source</th></tr>"
        )
        out += [
            f"<tr><td>{escape(format_number(f.value))}</td><td>{escape(f.counts or '')}</td>"
            f"<td>{escape(f.text)}</td><td>{_cite([f.article], numbers)}</td></tr>"
            for f in story.figures
        ]
        out.append("</table>")
    if story.lineage or story.duplicates or any(len(g.articles) > 1 for g in story.sources):
        out.append(_lineage(story, numbers))
    out.append("</section>")
    return "\n".join(x for x in out if x)


def _timeline(story: Story, numbers: dict[str, int]) -> str:
    """The chart (inline SVG) and the table of dated entries."""
    rows = []
    for t in story.timeline:
        when = escape(t.date)
        if t.granularity != "day":
            when += f' <span class="tag">{escape(t.granularity)}</span>'
        if t.inferred:
            when += ' <span class="tag">inferred</span>'
        rows.append(
            f"<tr><td>{when}</td><td>{escape(t.text)}</td><td>{_cite(t.sources, numbers)}</td></tr>"
        )
    return (
        "<h3>Timeline</h3>"
        + timeline_svg(story.timeline)
        + "<table><tr><th>date</th><th>what</th><th>sources</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _conflicts(story: Story, numbers: dict[str, int]) -> str:
    out = [
        "<h3>Where sources disagree</h3><table><tr><th>about</th><th>value</th>"
        "<th>exact wording</th><th>independent sources</th></tr>"
    ]
    for d in story.discrepancies:
        for k, v in enumerate(d.values):
            about = ""
            if k == 0:
                about = (
                    f'<td rowspan="{len(d.values)}">{escape(d.about)} '
                    f'<span class="tag">{escape(d.kind)}</span></td>'
                )
            wordings = v.wording or {s: v.text for s in v.sources}
            said = "<br>".join(
                f"“{escape(w)}” {_cite([a], numbers)}"
                + (
                    f"<details><summary>sentence</summary>{escape(v.sentences[a])}</details>"
                    if a in v.sentences
                    else ""
                )
                for a, w in wordings.items()
            )
            out.append(
                f"<tr>{about}<td>{escape(v.value)}</td><td>{said}</td><td>{v.independent}</td></tr>"
            )
    out.append("</table>")
    return "\n".join(out)


def _claims(story: Story, numbers: dict[str, int]) -> str:
    corroborated = [c for c in story.claims if c.independent > 1]
    single = [c for c in story.claims if c.independent <= 1]
    out = []
    if corroborated:
        out.append(
            "<h3>Claims and their support</h3><table><tr><th>claim</th>"
            "<th>independent sources</th><th>sources</th></tr>"
        )
        for c in corroborated:
            others = "".join(
                f"<br><small>“{escape(w)}” {_cite([a], numbers)}</small>"
                for a, w in c.wording.items()
                if w != c.text
            )
            out.append(
                f"<tr><td>{escape(c.text)}{others}</td><td>{c.independent}</td>"
                f"<td>{_cite(c.sources, numbers)}</td></tr>"
            )
        out.append("</table>")
    if single:
        out.append(
            '<h3>Single-source facts</h3><p class="meta">Reported by one independent source '
            "only (copies of it do not count).</p><ul>"
        )
        out += [
            f'<li class="single">{escape(c.text)} {_cite(c.sources, numbers)}</li>' for c in single
        ]
        out.append("</ul>")
    return "\n".join(out)


def _quotes(story: Story, numbers: dict[str, int]) -> str:
    out = ["<h3>Quote ledger</h3><table><tr><th>speaker</th><th>quote</th><th>source</th></tr>"]
    for q in story.quotes:
        variants = "".join(
            f"<br><small>also reported as “{escape(v.text)}” {_cite([v.article], numbers)}</small>"
            for v in q.variants
        )
        out.append(
            f"<tr><td>{escape(q.speaker or 'unattributed')}</td><td>“{escape(q.text)}”{variants}"
            f"</td><td>{_cite([q.article], numbers)}</td></tr>"
        )
    out.append("</table>")
    return "\n".join(out)


def _lineage(story: Story, numbers: dict[str, int]) -> str:
    out = ["<h3>Lineage</h3><ul>"] if story.lineage or story.duplicates else ["<ul>"]
    out += [
        "<li>"
        + relation_phrase(r, _cite([r.original], numbers), _cite([r.copy], numbers))
        + (f": <small>{escape('; '.join(r.evidence))}</small>" if r.evidence else "")
        + (f"<br><q>{escape(r.passages[0][:300])}</q>" if r.passages else "")
        + "</li>"
        for r in story.lineage
    ]
    if not story.lineage:
        out += [
            f"<li>{_cite(g[:1], numbers)} is copied by {_cite(g[1:], numbers)}</li>"
            for g in story.duplicates
        ]
    out.append("</ul>")
    grouped = [g for g in story.sources if len(g.articles) > 1]
    if grouped:
        out.append("<h3>Independent sources</h3><ul>")
        out += [
            f"<li>{_cite(g.articles, numbers)} count as one source: <small>"
            + "; ".join(with_citations(escape(r), numbers) for r in g.reasons)
            + "</small></li>"
            for g in grouped
        ]
        out.append("</ul>")
    return "\n".join(out)


def _source(article: Article) -> str:
    meta = " · ".join(
        escape(x)
        for x in (
            article.outlet or "",
            (article.published or "") + (" (inferred)" if article.published_inferred else ""),
            ("credits: " + ", ".join(article.credits)) if article.credits else "",
            ("by " + ", ".join(article.authors)) if article.authors else "",
            article.source,
        )
        if x
    )
    url = http_url(article.url)
    link = f' · <a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>' if url else ""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.text.split("\n") if p.strip())
    return (
        f'<li id="a-{escape(article.id)}"><strong>{escape(article.title or "(untitled)")}</strong>'
        f'<div class="meta">{meta}{link}</div>'
        f"<details><summary>text</summary>{paragraphs}</details></li>"
    )
