"""Fetching pages from URLs, only when the user asks, politely and safely.

Each URL (and each redirect hop) passes the SSRF guard, which resolves the host
once; the connection goes to that checked address and nowhere else (a pinned
network backend), so DNS rebinding gains nothing. Every request has a total
deadline (connect, headers and body together, enforced on each socket read).
Bodies are decoded here, at most one content encoding, and cut off at a cap
counted on the decoded bytes, so compression bombs stop at the cap. robots.txt
is respected (longest match) and fails closed when it cannot be read.
Requests to one host are spaced out by a delay and never run in parallel. A URL
that cannot be fetched for any reason is a Dropped record with the reason.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from newsweave import __version__
from newsweave.errors import MissingExtraError
from newsweave.ingest.guard import FetchRefused, Resolver, Target, check_url, resolve
from newsweave.ingest.robots import MAX_BYTES as ROBOTS_MAX_BYTES
from newsweave.ingest.robots import Robots
from newsweave.model import Dropped, Page

USER_AGENT = f"newsweave/{__version__} (news brief builder; fetches only URLs its user gave)"
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 65_536


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Tunables of URL fetching."""

    timeout: float = 15.0  # seconds one connect or read may wait
    deadline: float = 60.0  # seconds one request may take in all (connect, headers, body)
    max_bytes: int = 5_000_000  # decoded bytes of one response
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
        from newsweave.ingest.pinned import PinnedBackend

        self.config = config or FetchConfig()
        self._resolver = resolver
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, Robots] = {}
        self._backend = PinnedBackend()
        if transport is None:
            transport = httpx.HTTPTransport(trust_env=False)
            transport._pool._network_backend = self._backend  # connect only where checked
        self._client = httpx.Client(
            timeout=self.config.timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.config.user_agent, "Accept-Encoding": "gzip, deflate"},
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
        current, status, headers, body = self._follow(url, robots=True)
        if status >= 400:
            raise FetchRefused(
                f"answered HTTP {status}"
                + (f" (after redirects, at {current})" if current != url else "")
            )
        return current, headers.get("content-type", ""), body

    def _follow(
        self, url: str, robots: bool, max_bytes: int | None = None
    ) -> tuple[str, int, dict[str, str], bytes]:
        """GET `url`, following at most `max_redirects` redirects, each hop checked again."""
        current = url
        for _ in range(self.config.max_redirects + 1):
            target = check_url(current, self.config.allow_private, self._resolver)
            if robots:
                self._check_robots(current, target)
            status, headers, body = self._get(current, target, max_bytes)
            if status in _REDIRECTS and "location" in headers:
                try:
                    current = urljoin(current, headers["location"])
                except ValueError as exc:
                    raise FetchRefused(f"malformed redirect ({exc})") from None
                continue
            return current, status, headers, body
        raise FetchRefused(f"more than {self.config.max_redirects} redirects")

    def _get(
        self, url: str, target: Target, max_bytes: int | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        import httpx

        limit = self.config.max_bytes if max_bytes is None else max_bytes
        self._wait_for_host(target)
        deadline = time.monotonic() + self.config.deadline
        self._backend.pin(target, deadline)
        try:
            with self._client.stream("GET", url) as response:
                headers = {key.lower(): value for key, value in response.headers.items()}
                if response.status_code in _REDIRECTS or response.status_code >= 400:
                    return response.status_code, headers, b""
                decoder = _Decoder(headers.get("content-encoding", ""), limit)
                for chunk in response.iter_raw(_CHUNK):
                    decoder.feed(chunk)
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("total deadline")
                return response.status_code, headers, decoder.finish()
        except _TooBig:
            raise FetchRefused(f"response is over the {limit / 1_000_000:.1f} MB limit") from None
        except httpx.TimeoutException:
            raise FetchRefused(
                f"timed out (more than {self.config.deadline:g} s in all, "
                f"or {self.config.timeout:g} s without data)"
            ) from None
        except zlib.error as exc:
            raise FetchRefused(f"corrupt compressed response ({exc})") from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, UnicodeError) as exc:
            raise FetchRefused(f"{type(exc).__name__}: {exc}") from None
        finally:
            self._backend.unpin()

    def _wait_for_host(self, target: Target) -> None:
        host = f"{target.host}:{target.port}"
        last = self._last.get(host)
        if last is not None:
            wait = self.config.delay - (time.monotonic() - last)
            if wait > 0:
                self._sleep(wait)
        self._last[host] = time.monotonic()

    def _check_robots(self, url: str, target: Target) -> None:
        if not self.config.respect_robots:
            return
        root = f"{target.scheme}://{urlsplit(url).netloc}"
        if root not in self._robots:
            self._robots[root] = self._load_robots(root)
        rules = self._robots[root]
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if rules.denied is not None:
            raise FetchRefused(f"robots.txt of {target.host} {rules.denied}, so nothing is fetched")
        if not rules.allowed(path):
            raise FetchRefused(f"robots.txt of {target.host} disallows it")

    def _load_robots(self, root: str) -> Robots:
        """The host's rules; 4xx allows all; anything else that fails refuses all (RFC 9309)."""
        try:
            _, status, _, body = self._follow(
                root + "/robots.txt", robots=False, max_bytes=ROBOTS_MAX_BYTES
            )
        except FetchRefused as exc:
            return Robots(denied=f"could not be read ({exc})")
        if status in _REDIRECTS:
            return Robots(denied="redirects without a location")
        if status >= 500 or status == 429:
            return Robots(denied=f"answered HTTP {status}")
        if status >= 400:
            return Robots()  # no robots.txt: everything is allowed
        return Robots.parse(body.decode("utf-8", "replace"), self.config.user_agent)


class _Decoder:
    """Decodes at most one content encoding, stopping at `limit` decoded bytes."""

    def __init__(self, header: str, limit: int) -> None:
        codings = [c.strip().lower() for c in header.split(",")]
        codings = [c for c in codings if c not in ("", "identity")]
        if len(codings) > 1:
            raise FetchRefused(f"refused: more than one content encoding ({', '.join(codings)})")
        self._coding = codings[0] if codings else None
        if self._coding not in (None, "gzip", "x-gzip", "deflate"):
            raise FetchRefused(f"refused: unsupported content encoding {self._coding!r}")
        self._z = self._new()
        self._limit = limit
        self._size = 0
        self._parts: list[bytes] = []
        self._started = False

    def _new(self, raw_deflate: bool = False) -> Any:
        if self._coding is None:
            return None
        if self._coding == "deflate":
            return zlib.decompressobj(-zlib.MAX_WBITS if raw_deflate else zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS | 16)

    def feed(self, data: bytes) -> None:
        """Decode one raw chunk, keeping the output; raise _TooBig past the limit."""
        if self._z is None:
            self._keep(data)
            return
        if not self._started and self._coding == "deflate" and data:
            self._started = True
            try:  # servers send deflate with and without the zlib wrapper
                zlib.decompressobj().decompress(data[:2])
            except zlib.error:
                self._z = self._new(raw_deflate=True)
        while data:
            self._keep(self._z.decompress(data, self._limit - self._size + 1))
            data = self._z.unconsumed_tail
            if self._z.eof:
                data, self._z = self._z.unused_data, self._new()
                if self._coding == "deflate":
                    return  # trailing bytes after a deflate stream are ignored

    def _keep(self, out: bytes) -> None:
        self._size += len(out)
        if self._size > self._limit:
            raise _TooBig
        if out:
            self._parts.append(out)

    def finish(self) -> bytes:
        """The decoded body."""
        if self._z is not None:
            self._keep(self._z.flush())
        return b"".join(self._parts)


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
            except Exception as exc:  # a bad URL or server is data, never a crash
                yield Dropped(url, fetch_failure(exc))
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
    except Exception as exc:  # a bad URL or server is data, never a crash
        yield Dropped(entry.url, fetch_failure(exc))
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


def fetch_failure(exc: Exception) -> str:
    """The Dropped reason for a URL that could not be fetched."""
    if isinstance(exc, FetchRefused):
        return str(exc)
    return f"cannot fetch: {type(exc).__name__}: {exc}"


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
