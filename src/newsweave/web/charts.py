"""The story page's timeline chart: the HTML report's chart, with links into the web UI.

One implementation (`newsweave.render.timeline_svg`) draws the chart for both; this module only
says how a source is linked here. The result is escaped HTML, safe to insert as is.
"""

from __future__ import annotations

from urllib.parse import quote

from newsweave.model import Article, Story
from newsweave.render.timeline_svg import timeline_svg


def article_link(article_id: str) -> str:
    """The web UI address of an article."""
    return f"/articles/{quote(article_id, safe='')}"


def timeline_chart(story: Story, articles: dict[str, Article], numbers: dict[str, int]) -> str:
    """The story's timeline chart (escaped HTML), its points linking to the article pages."""
    published = [articles[a].published or "" for a in story.articles if a in articles]
    return timeline_svg(story.timeline, article_link, numbers, published)
