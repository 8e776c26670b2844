"""RSS and Atom feeds, read with feedparser: one Page per entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsweave.ingest.decode import Decoded
from newsweave.ingest.pages import iso_date, page_from_text, too_big
from newsweave.model import Dropped, Page

if TYPE_CHECKING:
    from newsweave.ingest import IngestConfig


def looks_like_feed(text: str) -> bool:
    """True if the start of `text` is an RSS, RDF or Atom document."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<?xml", "<rss", "<feed", "<rdf")) and any(
        tag in head for tag in ("<rss", "<feed", "<rdf:rdf")
    )


def parse_feed(data: bytes) -> Any:
    """Parse feed bytes with feedparser (bytes, never a URL: no network access); feedparser is
    imported here, when a feed is read, not at every start.

    feedparser reports most malformed feeds in `bozo_exception`, but some broken markup makes
    it raise (a `</link>` closed after its item, for one: KeyError 'links'); that becomes a
    result with no entries whose `bozo_exception` says what went wrong, so the file is
    dropped with a reason (or read as HTML) like any other feed that is not one.
    """
    import feedparser

    try:
        return feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - any failure inside the parser: not a feed
        failed = f"feedparser failed: {type(exc).__name__} {exc}"
        return feedparser.FeedParserDict(
            bozo=True, bozo_exception=failed, entries=[], feed=feedparser.FeedParserDict()
        )


def is_feed(parsed: Any) -> bool:
    """True if feedparser recognised a feed format or found entries."""
    return bool(parsed.get("version") or parsed.get("entries"))


def not_a_feed_reason(parsed: Any) -> str:
    """Why a parse result is not a feed, from feedparser's complaint."""
    problem = parsed.get("bozo_exception")
    return f"not an RSS or Atom feed ({problem})" if problem else "not an RSS or Atom feed"


def read_feed(parsed: Any, source: str, config: IngestConfig) -> Iterator[Page | Dropped]:
    """Yield one Page per entry of a parsed feed (content, else summary, as HTML)."""
    outlet = (parsed.feed.get("title") or "").strip() or None
    encoding = parsed.get("encoding") or "utf-8"
    if not parsed.entries:
        yield Dropped(source, "feed has no entries")
    for index, entry in enumerate(parsed.entries, 1):
        link = (entry.get("link") or "").strip() or None
        where = f"{source}#{link or index}"
        body, mime = _body(entry)
        if not body.strip():
            yield Dropped(where, f"feed entry {index}: no content or summary")
            continue
        size = len(body.encode("utf-8", "surrogatepass"))
        if size > config.max_bytes:
            yield Dropped(where, f"feed entry {index}: {too_big('entry', size, config.max_bytes)}")
            continue
        yield page_from_text(
            Decoded(body, encoding),
            where,
            "text" if mime == "text/plain" else "html",
            what="entry",
            url=link,
            title=(entry.get("title") or "").strip() or None,
            published=iso_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
        )


def _body(entry: Any) -> tuple[str, str]:
    """The longest content part, else the summary, with its MIME type."""
    parts = [part for part in entry.get("content") or [] if (part.get("value") or "").strip()]
    if parts:
        best = max(parts, key=lambda part: len(part["value"]))
        return best["value"], best.get("type") or "text/html"
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"
