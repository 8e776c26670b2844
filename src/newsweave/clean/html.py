"""The HTML path: trafilatura finds the main text, htmldate the publication date.

trafilatura's time grows faster than linearly with the number of elements
(25,000 take seconds, 1,000,000 hours), so a page with more than MAX_ELEMENTS
tags skips it: its tags are stripped and each text line is kept, with a verdict
that says why.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
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
    _reuse_stoplist()
    return trafilatura


def _reuse_stoplist() -> None:
    """Let jusText find its lower-cased stop list without hashing the whole list per page.

    trafilatura's fallback hands jusText the same stop list of every language (a tuple of
    about 150,000 words) for each page; `justext.core.define_stoplist` keeps its lower-cased
    set in an `lru_cache`, whose look-up hashes the whole tuple on every call: several ms a
    page (scattered strings), most of the cleaning time of a short page. The wrapper returns
    the set it got last when it is given the same immutable list object again; anything
    else goes to jusText's own function, so the result is always the same.
    """
    try:
        import justext.core as justext_core
    except ImportError:  # trafilatura without its fallback: nothing to speed up
        return
    define = justext_core.define_stoplist
    if getattr(define, "reuses_last", False):
        return
    last: list[Any] = [None, None]  # the list given last, and its lower-cased set

    def define_stoplist(stoplist: Any) -> frozenset[str]:
        if stoplist is not last[0] or not isinstance(stoplist, tuple | frozenset):
            last[:] = [stoplist, define(stoplist)]
        return last[1]

    define_stoplist.reuses_last = True  # type: ignore[attr-defined]
    justext_core.define_stoplist = define_stoplist


def _find_date(html: str, url: str | None) -> str | None:
    try:
        import htmldate
    except ImportError as exc:
        raise MissingExtraError("the HTML date finder", None, "htmldate") from exc
    try:
        html = html[:MAX_DATE_CHARS]  # the date sits in the head or near the top
        return htmldate.find_date(html, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None


MAX_ELEMENTS = 25_000
MAX_DATE_CHARS = 500_000
MAX_LINES = 10_000  # lines kept from a page over the element budget
_TAG = re.compile(r"<[A-Za-z]")
_HIDDEN = re.compile(r"<(script|style|template|noscript)\b", re.I)
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|article|section|blockquote|pre)\b[^<>]*+>", re.I)
_ANY_TAG = re.compile(r"<[^<>]*+>")


def _without_hidden(html: str) -> str:
    """HTML without the contents of script, style, template and noscript elements."""
    parts = []
    pos = 0
    while match := _HIDDEN.search(html, pos):
        parts.append(html[pos : match.start()])
        end = re.compile(f"</{match.group(1)}", re.I).search(html, match.end())
        pos = end.start() if end else len(html)
    parts.append(html[pos:])
    return "".join(parts)


def _stripped_lines(html: str, limit: int) -> list[str]:
    """Text lines of HTML with its tags removed (no parse tree): `limit` characters, MAX_LINES lines."""
    text = html_lib.unescape(_ANY_TAG.sub("", _BLOCK.sub("\n", _without_hidden(html))))
    lines: list[str] = []
    size = 0
    for match in re.finditer(r"[^\n]*\S[^\n]*", text):
        line = match.group()[:limit] if limit else match.group()
        lines.append(" ".join(line.split()))
        size += len(lines[-1]) + 1
        if (limit and size > limit) or len(lines) >= MAX_LINES:
            break
    return lines


def analyse_html(page: Page, config: CleanConfig) -> HtmlResult:
    """Run trafilatura on the page and refine its lines with newsweave's line rules."""
    elements = page.content.count("<")
    if elements > MAX_ELEMENTS and (elements := len(_TAG.findall(page.content))) > MAX_ELEMENTS:
        why = f"HTML has {elements:,} elements (over {MAX_ELEMENTS:,}): tags stripped"
        lines = _stripped_lines(page.content, 2 * config.max_chars)
        return HtmlResult([LineVerdict(line, True, why) for line in lines])
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


_EXPLAIN_CHARS = 5_000_000  # explain at most this much of a page (the view is an aid)


def explain_html(page: Page, config: CleanConfig) -> list[LineVerdict]:
    """Every text block of the HTML page, kept (in trafilatura's main text and not refined away)
    or removed with the reason: the region it sits in (menu, footer, related links...)."""
    from .html_blocks import page_blocks

    res = analyse_html(page, config)
    if page.content.count("<") > MAX_ELEMENTS:  # over the element budget: its stripped lines
        return res.verdicts or [LineVerdict("", False, res.error or "no text")]
    kept = {_norm(v.text): v for v in res.verdicts}
    body = "\n".join(_norm(v.text) for v in res.verdicts if v.kept)
    title = _norm(page.title or res.meta.get("title") or "")
    out = []
    for block in page_blocks(page.content[:_EXPLAIN_CHARS]):
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
_HEAD_CHARS = 300_000  # the title, its meta tags and the first <h1> sit near the top
_META = re.compile(r"<meta\b[^<>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_OPEN = {name: re.compile(rf"<{name}[\s>]", re.I) for name in ("title", "h1", "h2", "h3")}
_TAGS = re.compile(r"<[^<>]*>")


def _text(fragment: str) -> str:
    return " ".join(html_lib.unescape(_TAGS.sub(" ", fragment)).split())


def html_title(html: str, found: str | None = None) -> str | None:
    """The page's headline from its markup, never from a line of text: og:title or twitter:title,
    then <title> (the site's name cut off; `found`, trafilatura's title, when it is part of it),
    then the first <h1> (or trafilatura's title when it is a heading); else None."""
    head = html[:_HEAD_CHARS]
    for tag in _META.findall(head):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key in ("og:title", "twitter:title") and _text(attrs.get("content", "")):
            return _text(attrs["content"])
    title = next(_contents(head, "title", 1), "")
    if title:
        if found and found.strip() and found.strip() in title:
            return found.strip()
        parts = [p for p in _TITLE_SPLIT.split(title) if p.strip()]
        return max(parts[:1] + [p for p in parts if len(p.split()) >= 4], key=len)
    h1 = next(_contents(head, "h1", 1), "")
    if h1:
        return h1
    found = (found or "").strip()
    headings = {text for name in ("h2", "h3") for text in _contents(head, name, 20)}
    return found if found and found in headings else None


def _contents(html: str, name: str, most: int) -> Iterator[str]:
    """The text of the first `most` <name> elements (each within 2,000 characters), in one pass."""
    opener, lower = _OPEN[name], html.lower()
    pos = 0
    for _ in range(most):
        match = opener.search(html, pos)
        if match is None:
            return
        start = html.find(">", match.start())
        end = lower.find(f"</{name}", start, start + 2000) if start >= 0 else -1
        if end < 0:
            return
        if text := _text(html[start + 1 : end]):
            yield text
        pos = end


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
        title=page.title or html_title(page.content, found.get("title")),
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
