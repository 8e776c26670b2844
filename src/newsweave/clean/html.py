"""The HTML path: trafilatura finds the main text, htmldate the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from newsweave.errors import MissingExtraError
from newsweave.model import Article, Dropped, Page

from . import meta
from .config import CleanConfig, LineVerdict
from .text import _norm


@dataclass(slots=True)
class HtmlResult:
    """Main text lines with verdicts, and the metadata trafilatura/htmldate found."""

    verdicts: list[LineVerdict]
    meta: dict[str, Any] = field(default_factory=dict)
    credits: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    error: str | None = None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:  # lxml_html_clean missing also lands here
        raise MissingExtraError(
            "the HTML cleaner", None, getattr(exc, "name", None) or "trafilatura"
        ) from exc
    return trafilatura


def _find_date(html: str, url: str | None) -> str | None:
    try:
        import htmldate
    except ImportError as exc:
        raise MissingExtraError("the HTML date finder", None, "htmldate") from exc
    try:
        return htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):
        return None


def analyse_html(page: Page, config: CleanConfig) -> HtmlResult:
    """Run trafilatura on the page and refine its lines with newsweave's line rules."""
    trafilatura = _trafilatura()
    doc = trafilatura.bare_extraction(
        page.content,
        url=page.url,
        favor_precision=config.favor_precision,
        with_metadata=True,
        include_comments=False,
    )
    if doc is None or not (doc.text or "").strip():
        return HtmlResult([], error="trafilatura found no main text in the HTML")
    found = {
        k: getattr(doc, k, None)
        for k in (
            "title",
            "author",
            "sitename",
            "url",
            "date",
            "hostname",
            "language",
            "description",
        )
    }
    res = HtmlResult([], meta=found)
    title_key = _norm(page.title or doc.title or "")
    raw_lines = [ln for ln in doc.text.splitlines() if ln.strip()]
    for i, raw in enumerate(raw_lines):
        text = raw.strip()
        verdict = LineVerdict(text, True, "trafilatura main text")
        if config.refine_html:
            reason = _refine(text, i, len(raw_lines), title_key, res)
            if reason:
                verdict = LineVerdict(text, False, reason)
        res.verdicts.append(verdict)
    return res


def _refine(text: str, i: int, n: int, title_key: str, res: HtmlResult) -> str | None:
    """Why a line trafilatura kept is not body after all (credit, byline, title...), or None."""
    if title_key and _norm(text) == title_key:
        return "duplicate of the title"
    if (credits := meta.credit_of(text)) is not None:
        res.credits.extend(c for c in credits if c not in res.credits)
        return "credit: " + ", ".join(credits)
    if (i < 3 or i >= n - 3) and (authors := meta.byline_of(text)) is not None:
        res.authors.extend(a for a in authors if a not in res.authors)
        return "byline: " + (", ".join(authors) or "no name")
    if (mail := meta.contact_of(text)) is not None:
        res.credits.append(mail)
        return "contact e-mail"
    return None


def explain_html(page: Page, config: CleanConfig) -> list[LineVerdict]:
    """Every text block of the HTML page, kept (in trafilatura's main text and not refined away)
    or removed with the reason: the region it sits in (menu, footer, related links...)."""
    from .html_blocks import page_blocks

    res = analyse_html(page, config)
    kept = {_norm(v.text): v for v in res.verdicts}
    body = "\n".join(_norm(v.text) for v in res.verdicts if v.kept)
    title = _norm(page.title or res.meta.get("title") or "")
    out = []
    for block in page_blocks(page.content):
        key = _norm(block.text)
        line = kept.get(key)
        if line is not None:
            out.append(
                LineVerdict(block.text, line.kept, "main text" if line.kept else line.reason)
            )
        elif len(key) >= 40 and key in body:
            out.append(LineVerdict(block.text, True, "main text"))
        else:
            out.append(LineVerdict(block.text, False, _why_removed(block, key, title, res)))
    return out or res.verdicts or [LineVerdict("", False, res.error or "no text")]


def _why_removed(block: Any, key: str, title: str, res: HtmlResult) -> str:
    """Why a block of the page is not in the article, in a reader's words."""
    if title and key == title:
        return "the title"
    standfirst = _norm(res.meta.get("description") or "")
    if standfirst and (key.startswith(standfirst[:60]) or standfirst.startswith(key[:60])):
        return "standfirst (kept as metadata)"
    if block.region:
        return block.region
    if res.error:
        return res.error
    if block.link_chars > 0.6 * len(block.text):
        return "link list"
    if block.tag in ("h2", "h3", "h4", "h5", "h6") or len(block.text.split()) < 5:
        return "short line outside the article"
    return "not main text"


_TITLE_SPLIT = re.compile(r"\s+[|–—:·-]\s+")


def html_title(html: str, found: str | None = None) -> str | None:
    """The page's headline from its markup, never from a line of text: og:title or twitter:title,
    then <title> (the site's name cut off; `found`, trafilatura's title, when it is part of it),
    then the first <h1> (or trafilatura's title when it is a heading); else None."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None

    def first(xpath: str) -> str | None:
        for value in root.xpath(xpath):
            text = " ".join(str(value).split())
            if text:
                return text
        return None

    declared = first("//meta[@property='og:title' or @name='og:title']/@content") or first(
        "//meta[@name='twitter:title' or @property='twitter:title']/@content"
    )
    if declared:
        return declared
    head = first("//title//text()")
    if head:
        if found and found.strip() and found.strip() in head:
            return found.strip()
        parts = [p for p in _TITLE_SPLIT.split(head) if p.strip()]
        return (
            max(parts[:1] + [p for p in parts if len(p.split()) >= 4], key=len) if parts else head
        )
    headings = [" ".join(h.text_content().split()) for h in root.xpath("//h1|//h2|//h3")]
    h1 = [" ".join(h.text_content().split()) for h in root.xpath("//h1")]
    if h1 and h1[0]:
        return h1[0]
    return found.strip() if found and found.strip() in headings else None


def build_html_article(page: Page, res: HtmlResult, config: CleanConfig) -> Article | Dropped:
    """Assemble the Article from the HTML analysis; declared Page metadata wins."""
    if res.error:
        return Dropped(page.source, res.error, stage="clean")
    text = "\n\n".join(v.text for v in res.verdicts if v.kept)
    if len(text) < config.min_chars:
        return Dropped(
            page.source,
            f"no article body: trafilatura kept {len(text)} characters (minimum {config.min_chars})",
            stage="clean",
        )
    found = res.meta
    authors = list(res.authors)
    if found.get("author"):
        authors = [a.strip() for a in str(found["author"]).split(";") if a.strip()] + authors
    # trafilatura's metadata date already comes from htmldate; ask htmldate directly only if absent
    published = page.published or found.get("date") or _find_date(page.content, page.url)
    language = found.get("language")
    if not language and config.detect_language:
        language = meta.detect_language(text)
    return Article(
        id=page.id,
        source=page.source,
        text=text,
        title=page.title or html_title(page.content, found.get("title")),
        outlet=page.outlet
        or found.get("sitename")
        or meta.outlet_from_url(page.url)
        or found.get("hostname"),
        credits=res.credits,
        authors=authors,
        published=published,
        published_inferred=False,
        language=language,
        url=page.url or found.get("url"),
        standfirst=found.get("description"),
    )
