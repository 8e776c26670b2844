"""Fetching pages from URLs, only when the user asks, politely and safely.

Each URL (and each redirect hop) passes the SSRF guard; responses are read as a
stream and cut off at a size cap counted after decompression, so gzip bombs stop
at the cap; robots.txt is respected; requests to one host are spaced out by a
delay and never run in parallel.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsweave import __version__
from newsweave.errors import MissingExtraError
from newsweave.ingest.guard import FetchRefused, Resolver, check_url, resolve
from newsweave.model import Dropped, Page

USER_AGENT = f"newsweave/{__version__} (news brief builder; fetches only URLs its user gave)"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Tunables of URL fetching."""

    timeout: float = 15.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    delay: float = 1.0  # seconds between two requests to the same host
    allow_private: bool = False
    respect_robots: bool = True
    user_agent: str = USER_AGENT


class _TooBig(Exception):
    pass


class Fetcher:
    """Fetches URLs one at a time, remembering per-host robots.txt rules and request times."""

    def __init__(
        self,
        config: FetchConfig | None = None,
        transport: Any = None,
        resolver: Resolver = resolve,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        try:
            import httpx
        except ImportError as exc:
            raise MissingExtraError("fetching URLs", None, "httpx") from exc
        self.config = config or FetchConfig()
        self._resolver = resolver
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._client = httpx.Client(
            timeout=self.config.timeout,
            follow_redirects=False,
            headers={"User-Agent": self.config.user_agent},
            transport=transport,
        )

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> tuple[str, str, bytes]:
        """GET `url` through the guard, following redirects; return (final URL, content type, body)."""
        current = url
        for _ in range(self.config.max_redirects + 1):
            check_url(current, self.config.allow_private, self._resolver)
            self._check_robots(current)
            status, headers, body = self._get(current)
            if status in (301, 302, 303, 307, 308) and "location" in headers:
                current = urljoin(current, headers["location"])
                continue
            if status >= 400:
                raise FetchRefused(
                    f"answered HTTP {status}"
                    + (f" (after redirects, at {current})" if current != url else "")
                )
            return current, headers.get("content-type", ""), body
        raise FetchRefused(f"more than {self.config.max_redirects} redirects")

    def _get(self, url: str) -> tuple[int, dict[str, str], bytes]:
        import httpx

        self._wait_for_host(url)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code in (301, 302, 303, 307, 308) or response.status_code >= 400:
                    return response.status_code, dict(response.headers), b""
                for chunk in response.iter_bytes():  # decompressed: bombs stop at the cap
                    size += len(chunk)
                    if size > self.config.max_bytes:
                        raise _TooBig
                    chunks.append(chunk)
                return response.status_code, dict(response.headers), b"".join(chunks)
        except _TooBig:
            cap = self.config.max_bytes / 1_000_000
            raise FetchRefused(f"response is over the {cap:.1f} MB limit") from None
        except httpx.HTTPError as exc:
            raise FetchRefused(f"{type(exc).__name__}: {exc}") from exc

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = self.config.delay - (time.monotonic() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _check_robots(self, url: str) -> None:
        if not self.config.respect_robots:
            return
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        rules = self._robots[root]
        if rules is not None and not rules.can_fetch(self.config.user_agent, url):
            raise FetchRefused(f"robots.txt of {parts.netloc} disallows it")

    def _load_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        robots_url = root + "/robots.txt"
        try:
            check_url(robots_url, self.config.allow_private, self._resolver)
            status, _, body = self._get(robots_url)
        except FetchRefused:
            return None
        if status >= 400 or status in (301, 302, 303, 307, 308):
            return None  # no robots.txt: everything is allowed
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser


def fetch_pages(
    urls: Iterable[str],
    config: FetchConfig | None = None,
    follow: bool = False,
    fetcher: Fetcher | None = None,
) -> Iterator[Page | Dropped]:
    """Fetch each URL into Pages; with `follow`, a feed's item links are fetched too."""
    from newsweave.ingest import IngestConfig
    from newsweave.ingest.files import read_bytes

    config = config or FetchConfig()
    own = fetcher is None
    fetcher = fetcher or Fetcher(config)
    ingest_config = IngestConfig(max_bytes=config.max_bytes)
    try:
        for url in urls:
            try:
                final, content_type, body = fetcher.fetch(url)
            except FetchRefused as exc:
                yield Dropped(url, str(exc))
                continue
            for item in read_bytes(
                body, url, _format(content_type), ingest_config, what="response"
            ):
                if isinstance(item, Page) and follow and item.url and item.source != url:
                    yield from _follow(item, fetcher, ingest_config)
                elif isinstance(item, Page):
                    yield replace(item, url=item.url or final)
                else:
                    yield item
    finally:
        if own:
            fetcher.close()


def _follow(entry: Page, fetcher: Fetcher, config: Any) -> Iterator[Page | Dropped]:
    """Replace a feed entry by the page its link points to (falling back to the entry)."""
    from newsweave.ingest.files import read_bytes

    assert entry.url is not None
    try:
        final, content_type, body = fetcher.fetch(entry.url)
    except FetchRefused as exc:
        yield Dropped(entry.url, str(exc))
        return
    for item in read_bytes(body, entry.url, _format(content_type), config, what="response"):
        if isinstance(item, Page):
            yield replace(
                item,
                url=item.url or final,
                title=item.title or entry.title,
                published=item.published or entry.published,
                outlet=item.outlet or entry.outlet,
            )
        else:
            yield item


def _format(content_type: str) -> str | None:
    kind = content_type.split(";")[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if kind in ("application/rss+xml", "application/atom+xml"):
        return "feed"
    if kind == "text/plain":
        return "text"
    return None  # sniff it


def read_url_list(text: str) -> list[str]:
    """URLs from a text file: one per line; blank lines and lines starting with # are skipped."""
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
