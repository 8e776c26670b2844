"""The brief as one self-contained HTML file: no scripts, no external resources.

Every value that comes from a page goes through `html.escape`, attributes included. Links
are internal anchors (#a-ID), or a source's own URL when it is http(s); nothing else
becomes a link. The timeline chart is inline SVG, allowed by the page's CSP.
"""

from __future__ import annotations

from html import escape

from newsweave.compare.quantities import format_number
from newsweave.model import TRUNCATED, Article, Brief, Change, Story, change_label
from newsweave.render.dates import human_date
from newsweave.render.markdown import (
    SAID_LIMIT,
    citation_numbers,
    copies_note,
    grouped_citations,
    http_url,
)
from newsweave.render.overview import (
    counted,
    quote_sources,
    relation_phrase,
    story_overview,
    tally_rows,
    who_said_when,
    with_citations,
)
from newsweave.render.timeline_svg import timeline_lanes, timeline_svg

_CSP = "default-src 'none'; style-src 'unsafe-inline'"
_STYLE = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222;
overflow-wrap:anywhere}
h1,h2,h3{line-height:1.2} table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
.cite{white-space:nowrap} .cite a{font-size:.8em;text-decoration:none;margin-left:.15em}
.meta{color:#666;font-size:.9em}
.tag{font-size:.75em;padding:0 .3em;border-radius:3px;background:#eee;color:#555}
.single{background:#fff4d6} .gen{background:#e8effc}
.top{border-left:4px solid #2f5fb3;background:#f6f8fa;padding:.5rem .8rem;margin:.5rem 0}
.top p{margin:.2rem 0} .top strong{display:inline-block;min-width:7rem}
.when{color:#666;font-size:.85em;white-space:nowrap}
.said{margin:.1rem 0} .said details{display:inline-block;margin:0 0 0 .3rem;vertical-align:top}
.said summary{font-size:.8em;color:#666} .said details[open]{display:block}
figure.tl{margin:.5rem 0 1rem} svg.tl-chart{display:block;overflow:hidden}
.tl-apart{font-size:.9em;margin:.4rem 0} .tl-apart ul{margin:.2rem 0;padding-left:1.2rem}
.tl-caption{font-size:.8em;color:#666}
details{margin:.3rem 0} summary{cursor:pointer} .dropped{color:#a33} .changes li{margin:.2rem 0}
@media (max-width:40rem){
body{margin:1rem auto;padding:0 .6rem}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards tr.head{display:none} table.cards tr{border:1px solid #ccc;margin:.5rem 0;padding:.2rem}
table.cards td{border:0;padding:.15rem .3rem}
table.cards td[data-label]::before{content:attr(data-label) ": ";color:#666;font-size:.85em}
.top strong{min-width:0;margin-right:.3rem}
}
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
        f'<p class="meta">{counted(len(brief.articles), "article")}, '
        f"{counted(len(brief.stories), 'story', 'stories')}</p>",
    ]
    if brief.changes:
        parts.append(_changes(brief.changes, brief.since, numbers))
    for story in brief.stories:
        parts.append(_story(story, numbers, by_id))
    parts.append('<h2 id="sources">Sources</h2><ol>')
    parts += [_source(article) for article in brief.articles]
    parts.append("</ol>")
    cut = [d for d in brief.dropped if d.truncated]
    dropped = [d for d in brief.dropped if not d.truncated]
    if cut:
        parts.append("<h2>Truncated</h2><p>Kept, but cut to the length cap:</p><ul>")
        parts += [
            f"<li>{escape(d.source)}: {escape(d.reason.removeprefix(TRUNCATED).strip())}</li>"
            for d in cut
        ]
        parts.append("</ul>")
    if dropped:
        parts.append('<h2>Dropped</h2><ul class="dropped">')
        parts += [f"<li>{escape(d.source)}: {escape(d.reason)}</li>" for d in dropped]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _cite(ids: list[str], numbers: dict[str, int]) -> str:
    shown, more = grouped_citations(ids, numbers)
    links = "".join(
        f'<a href="#a-{escape(i)}">[{numbers[i]}]</a>' + copies_note(n) for i, n in shown
    )
    return f'<span class="cite">{links}{f" and {more} more" if more else ""}</span>'


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """A table that becomes one card per row on a narrow screen (cells are HTML already)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{escape(h)}">{cell}</td>'
            for h, cell in zip(headers, row, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="cards"><tr class="head">{head}</tr>{body}</table>'


def _changes(changes: list[Change], since: str | None, numbers: dict[str, int]) -> str:
    title = "What changed" + (f" since {escape(since)}" if since else "")
    items = [
        f'<li><span class="tag">{escape(change_label(c.kind))}</span> {escape(c.text)} '
        f"{_cite(c.sources, numbers)}</li>"
        for c in changes
    ]
    return (
        f'<section id="changes"><h2>{title}</h2><ul class="changes">{"".join(items)}</ul></section>'
    )


def _header(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> str:
    top = story_overview(story, by_id)
    generated = ' <span class="tag gen">generated</span>' if top.what.generated else ""
    return (
        f"<h2>{escape(story.title)}</h2>"
        '<div class="top">'
        f"<p><strong>What happened</strong> {escape(top.what.text)}{generated} "
        f"{_cite(top.what.sources, numbers)}</p>"
        f"<p><strong>When</strong> {escape(top.when)}</p>"
        f"<p><strong>Sources</strong> {escape(top.sources)} {_cite(story.articles, numbers)}</p>"
        "</div>"
        f'<p class="meta">story {escape(story.id)}</p>'
    )


def _story(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> str:
    out = [f'<section id="s-{escape(story.id)}">', _header(story, numbers, by_id)]
    if story.discrepancies:
        out.append(_conflicts(story, numbers, by_id))
    if story.tallies:
        out.append(_tallies(story, numbers))
    if story.timeline:
        out.append(_timeline(story, numbers, by_id))
    if len(story.summary) > 1:
        out.append("<h3>Summary</h3><ul>")
        for s in story.summary[1:]:
            tag = ' <span class="tag gen">generated</span>' if s.generated else ""
            note = f' <em class="disputed">({escape(s.disputed)})</em>' if s.disputed else ""
            out.append(f"<li>{escape(s.text)}{tag} {_cite(s.sources, numbers)}{note}</li>")
        out.append("</ul>")
    out.append(_claims(story, numbers))
    if story.quotes:
        out.append(_quotes(story, numbers))
    if story.lineage or story.duplicates or any(len(g.articles) > 1 for g in story.sources):
        out.append(_lineage(story, numbers))
    out.append(_details(story, numbers))
    out.append("</section>")
    return "\n".join(x for x in out if x)


def _details(story: Story, numbers: dict[str, int]) -> str:
    """The long lists, folded: single-source facts, entities and every figure."""
    out = []
    single = [c for c in story.claims if c.independent <= 1]
    if single:
        items = "".join(
            f'<li class="single">{escape(c.text)} {_cite(c.sources, numbers)}</li>' for c in single
        )
        out.append(
            f"<details><summary>Single-source facts ({len(single)})</summary>"
            '<p class="meta">Reported by one independent source only (copies of it do not '
            f"count).</p><ul>{items}</ul></details>"
        )
    if story.entities:
        rows = [
            [
                escape(e.name),
                escape(e.kind),
                escape("; ".join(e.roles)),
                str(e.mentions),
                _cite(e.articles, numbers),
            ]
            for e in story.entities
        ]
        out.append(
            f"<details><summary>People, places and organisations ({len(rows)})</summary>"
            + _table(["name", "kind", "roles", "mentions", "sources"], rows)
            + "</details>"
        )
    if story.figures:
        rows = [
            [
                escape(format_number(f.value)),
                escape(f.counts or ""),
                escape(f.text),
                _cite([f.article], numbers),
            ]
            for f in story.figures
        ]
        out.append(
            f"<details><summary>Every figure ({len(rows)})</summary>"
            + _table(["figure", "counts", "wording", "source"], rows)
            + "</details>"
        )
    return "\n".join(out)


def _timeline(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> str:
    """The shared chart (inline SVG) and the table of the story's own dated happenings."""
    published = [by_id[a].published or "" for a in story.articles if a in by_id]
    rows = []
    for point in timeline_lanes(story.timeline, published).main:
        for t in point.entries:
            when = escape(human_date(t.date))
            if t.granularity != "day":
                when += f' <span class="tag">{escape(t.granularity)}</span>'
            if t.inferred:
                when += ' <span class="tag">inferred</span>'
            what = escape(t.text)
            if t.also:
                what += (
                    f"<details><summary>{len(t.also)} more</summary>"
                    + "".join(f"<p>{escape(w)}</p>" for w in t.also)
                    + "</details>"
                )
            rows.append([when, what, _cite(t.sources, numbers)])
    chart = timeline_svg(story.timeline, lambda a: f"#a-{a}", numbers, published)
    table = _table(["date", "what", "sources"], rows) if rows else ""
    return "<h3>Timeline</h3>" + chart + table


def _conflicts(story: Story, numbers: dict[str, int], by_id: dict[str, Article]) -> str:
    rows = []
    for d in story.discrepancies:
        for v in who_said_when(d, by_id):
            said = "".join(
                f'<div class="said">“{escape(s.wording)}” {_cite([s.article], numbers)} '
                f'<span class="when">{escape(s.when)}</span>'
                + (f" <small>credited to {escape(s.credited)}</small>" if s.credited else "")
                + (
                    f"<details><summary>sentence</summary>{escape(s.sentence)}</details>"
                    if s.sentence
                    else ""
                )
                + "</div>"
                for s in v.said[:SAID_LIMIT]
            )
            if len(v.said) > SAID_LIMIT:
                said += f"<div>and {len(v.said) - SAID_LIMIT} more sources (all in the JSON)</div>"
            about = f'{escape(d.about)} <span class="tag">{escape(d.kind)}</span>'
            rows.append([about, escape(v.value), said, str(v.independent)])
    return "<h3>Where sources disagree</h3>" + _table(
        ["about", "value", "who said it, when", "independent sources"], rows
    )


def _tallies(story: Story, numbers: dict[str, int]) -> str:
    rows = [
        [escape(t.about), escape(day), escape(value), _cite(sources, numbers)]
        for t in story.tallies
        for day, value, sources in tally_rows(t)
    ]
    return "<h3>Counts that changed over time</h3>" + _table(
        ["what", "reported on", "value", "sources"], rows
    )


def _claims(story: Story, numbers: dict[str, int]) -> str:
    corroborated = [c for c in story.claims if c.independent > 1]
    if not corroborated:
        return ""
    rows = []
    for c in corroborated:
        others = "".join(
            f"<br><small>“{escape(w)}” {_cite([a], numbers)}</small>"
            for a, w in c.wording.items()
            if w != c.text
        )
        rows.append([f"{escape(c.text)}{others}", str(c.independent), _cite(c.sources, numbers)])
    return "<h3>Claims and their support</h3>" + _table(
        ["claim", "independent sources", "sources"], rows
    )


def _quotes(story: Story, numbers: dict[str, int]) -> str:
    rows = []
    for q in story.quotes:
        same, reworded = quote_sources(q)
        variants = "".join(
            f"<br><small>also reported as “{escape(v.text)}” {_cite([v.article], numbers)}</small>"
            for v in reworded
        )
        rows.append(
            [
                escape(q.speaker or "unattributed"),
                f"“{escape(q.text)}”{variants}",
                _cite(same, numbers),
            ]
        )
    return "<h3>Quote ledger</h3>" + _table(["speaker", "quote", "source"], rows)


def _lineage(story: Story, numbers: dict[str, int]) -> str:
    out = ["<h3>Lineage</h3><ul>"] if story.lineage or story.duplicates else ["<ul>"]
    out += [
        "<li>"
        + relation_phrase(r, _cite([r.original], numbers), _cite([r.copy], numbers), escape(r.kind))
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
