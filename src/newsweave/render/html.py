"""The brief as one self-contained HTML file: no scripts, no external resources.

Every value that comes from a page goes through `html.escape`; links are only
ever internal anchors (#a-ID), never URLs taken from pages.
"""

from __future__ import annotations

from html import escape

from newsweave.model import Article, Brief, Story
from newsweave.render.markdown import citation_numbers, number

_STYLE = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{line-height:1.2} table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
.cite a{font-size:.8em;text-decoration:none;margin-left:.15em} .meta{color:#666;font-size:.9em}
.bar{display:inline-block;height:.7em;background:#4a7bd0;border-radius:2px}
details{margin:.3rem 0} .dropped{color:#a33}
"""


def render_html(brief: Brief) -> str:
    """The whole brief as an HTML document that opens from disk with no server."""
    numbers = citation_numbers(brief)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>newsweave brief</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>newsweave brief</h1>",
        f'<p class="meta">{len(brief.articles)} articles, {len(brief.stories)} stories</p>',
    ]
    for story in brief.stories:
        parts.append(_story(story, numbers))
    parts.append("<h2>Sources</h2><ol>")
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
        for i in sorted(ids, key=lambda i: numbers.get(i, 0))
        if i in numbers
    )
    return f'<span class="cite">{links}</span>'


def _story(story: Story, numbers: dict[str, int]) -> str:
    out = [f'<section id="s-{escape(story.id)}"><h2>{escape(story.title)}</h2>']
    out.append(
        f'<p class="meta">Story {escape(story.id)} · {len(story.articles)} articles {_cite(story.articles, numbers)}</p>'
    )
    if story.summary:
        out.append("<h3>Summary</h3><ul>")
        out += [f"<li>{escape(s.text)} {_cite(s.sources, numbers)}</li>" for s in story.summary]
        out.append("</ul>")
    if story.timeline:
        out.append(_timeline(story, numbers))
    if story.discrepancies:
        out.append(
            "<h3>Where sources disagree</h3><table><tr><th>about</th><th>value</th><th>wording</th><th>sources</th></tr>"
        )
        for d in story.discrepancies:
            for k, v in enumerate(d.values):
                about = f'<td rowspan="{len(d.values)}">{escape(d.about)}</td>' if k == 0 else ""
                out.append(
                    f"<tr>{about}<td>{escape(v.value)}</td><td>“{escape(v.text)}”</td><td>{_cite(v.sources, numbers)}</td></tr>"
                )
        out.append("</table>")
    if story.entities:
        out.append(
            "<h3>Entities</h3><table><tr><th>name</th><th>kind</th><th>roles</th><th>mentions</th><th>sources</th></tr>"
        )
        out += [
            f"<tr><td>{escape(e.name)}</td><td>{escape(e.kind)}</td><td>{escape('; '.join(e.roles))}</td><td>{e.mentions}</td><td>{_cite(e.articles, numbers)}</td></tr>"
            for e in story.entities
        ]
        out.append("</table>")
    if story.quotes:
        out.append("<h3>Quotes</h3><table><tr><th>speaker</th><th>quote</th><th>source</th></tr>")
        for q in story.quotes:
            variants = "".join(
                f"<br><small>also reported as “{escape(v.text)}” {_cite([v.article], numbers)}</small>"
                for v in q.variants
            )
            out.append(
                f"<tr><td>{escape(q.speaker or 'unattributed')}</td><td>“{escape(q.text)}”{variants}</td><td>{_cite([q.article], numbers)}</td></tr>"
            )
        out.append("</table>")
    if story.figures:
        out.append(
            "<h3>Figures</h3><table><tr><th>figure</th><th>counts</th><th>wording</th><th>source</th></tr>"
        )
        out += [
            f"<tr><td>{escape(number(f.value))}</td><td>{escape(f.counts or '')}</td><td>{escape(f.text)}</td><td>{_cite([f.article], numbers)}</td></tr>"
            for f in story.figures
        ]
        out.append("</table>")
    if story.duplicates:
        out.append("<h3>Copies</h3><ul>")
        out += [
            f"<li>{_cite(g[:1], numbers)} is copied by {_cite(g[1:], numbers)}</li>"
            for g in story.duplicates
        ]
        out.append("</ul>")
    out.append("</section>")
    return "\n".join(out)


def _timeline(story: Story, numbers: dict[str, int]) -> str:
    """A table with a bar per entry whose length grows with its number of sources."""
    most = max(len(t.sources) for t in story.timeline)
    rows = [
        f"<tr><td>{escape(t.date)}</td>"
        f'<td><span class="bar" style="width:{4 * len(t.sources) / most:.1f}em"></span></td>'
        f"<td>{escape(t.text)}</td><td>{_cite(t.sources, numbers)}</td></tr>"
        for t in story.timeline
    ]
    return (
        "<h3>Timeline</h3><table><tr><th>date</th><th></th><th>what</th><th>sources</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _source(article: Article) -> str:
    meta = " · ".join(
        escape(x)
        for x in (
            article.outlet or "",
            (article.published or "") + (" (inferred)" if article.published_inferred else ""),
            ("credits: " + ", ".join(article.credits)) if article.credits else "",
            article.source,
        )
        if x
    )
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in article.text.split("\n") if p.strip())
    return (
        f'<li id="a-{escape(article.id)}"><strong>{escape(article.title or "(untitled)")}</strong>'
        f'<div class="meta">{meta}</div><details><summary>text</summary>{paragraphs}</details></li>'
    )
