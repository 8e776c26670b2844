"""The HTML path: trafilatura finds the main text, htmldate the publication date."""

from __future__ import annotations

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
        return htmldate.find_date(html, url=url, original_date=True, extensive_search=True)
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
    # htmldate's extensive search (original date) first; trafilatura's date only when it finds none
    published, basis = page.published, "declared" if page.published else None
    if not published:
        published = _find_date(page.content, page.url)
        basis = "html metadata" if published else None
    if not published and found.get("date"):
        published, basis = str(found["date"])[:10], "html metadata (trafilatura)"
    language = found.get("language")
    if not language and config.detect_language:
        language = meta.detect_language(text)
    return Article(
        id=page.id,
        source=page.source,
        text=text,
        title=page.title or found.get("title"),
        outlet=page.outlet
        or found.get("sitename")
        or meta.outlet_from_url(page.url)
        or found.get("hostname"),
        credits=res.credits,
        authors=authors,
        published=published,
        published_inferred=False,
        published_basis=basis,
        published_range=[published] * 2 if published else [],
        language=language,
        url=page.url or found.get("url"),
        standfirst=found.get("description"),
    )
