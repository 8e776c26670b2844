"""Fetching URLs: the SSRF guard, redirects, size caps, robots.txt, feeds (all on 127.0.0.1)."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from newsweave.ingest.fetch import FetchConfig, Fetcher, fetch_pages, read_url_list
from newsweave.ingest.guard import FetchRefused, check_url
from newsweave.model import Dropped, Page

ARTICLE = (
    "<html><head><title>Lantern festival returns to Brackwater</title></head><body><article>"
    "<h1>Lantern festival returns to Brackwater</h1><p>The Brackwater lantern festival returned on "
    "Saturday after a two-year pause, with about 4,000 visitors on the quay, organisers said.</p>"
    "</article></body></html>"
)
BOMB = gzip.compress(b"A" * 30_000_000)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private\n"),
            "/page.html": (200, "text/html; charset=utf-8", ARTICLE.encode()),
            "/private/page.html": (200, "text/html", ARTICLE.encode()),
            "/feed.xml": (200, "application/rss+xml", _feed(port).encode()),
        }
        if self.path == "/loop":
            self._send(302, "text/plain", b"", location="/loop")
        elif self.path == "/moved":
            self._send(301, "text/plain", b"", location="/page.html")
        elif self.path == "/bomb":
            self._send(200, "text/html", BOMB, encoding="gzip")
        elif self.path in routes:
            self._send(*routes[self.path])
        else:
            self._send(404, "text/plain", b"not here")

    def _send(
        self,
        status: int,
        ctype: str,
        body: bytes,
        location: str | None = None,
        encoding: str | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        self.wfile.write(body)


def _feed(port: int) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Brackwater Bugle</title>'
        f"<item><title>Lanterns</title><link>http://127.0.0.1:{port}/page.html</link>"
        "<description>Short teaser.</description><pubDate>Sat, 01 Mar 2025 10:00:00 GMT</pubDate></item>"
        "</channel></rss>"
    )


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def local(**overrides: object) -> FetchConfig:
    settings: dict[str, object] = {"allow_private": True, "delay": 0.0, "timeout": 5.0, **overrides}
    return FetchConfig(**settings)  # type: ignore[arg-type]


def test_loopback_is_refused_without_the_flag(server: str) -> None:
    (item,) = fetch_pages([server + "/page.html"], FetchConfig(delay=0.0))
    assert isinstance(item, Dropped)
    assert "loopback address" in item.reason and "--allow-private" in item.reason


def test_page_is_fetched_with_the_flag(server: str) -> None:
    (item,) = fetch_pages([server + "/page.html"], local())
    assert isinstance(item, Page)
    assert item.kind == "html" and item.url == server + "/page.html"
    assert "lantern festival" in item.content.lower()


def test_redirects_are_followed_and_limited(server: str) -> None:
    moved, loop = fetch_pages([server + "/moved", server + "/loop"], local(max_redirects=3))
    assert isinstance(moved, Page) and moved.url == server + "/page.html"
    assert isinstance(loop, Dropped) and "more than 3 redirects" in loop.reason


def test_gzip_bomb_is_cut_off_at_the_cap(server: str) -> None:
    (item,) = fetch_pages([server + "/bomb"], local(max_bytes=1_000_000))
    assert isinstance(item, Dropped) and "over the 1.0 MB limit" in item.reason


def test_robots_txt_is_respected(server: str) -> None:
    (item,) = fetch_pages([server + "/private/page.html"], local())
    assert isinstance(item, Dropped) and "robots.txt" in item.reason


def test_http_errors_are_dropped_with_the_status(server: str) -> None:
    (item,) = fetch_pages([server + "/missing"], local())
    assert isinstance(item, Dropped) and "HTTP 404" in item.reason


def test_feed_items_are_followed_only_when_asked(server: str) -> None:
    (entry,) = fetch_pages([server + "/feed.xml"], local())
    assert isinstance(entry, Page) and "teaser" in entry.content.lower()
    (followed,) = fetch_pages([server + "/feed.xml"], local(), follow=True)
    assert isinstance(followed, Page) and "4,000 visitors" in followed.content
    assert followed.published == "2025-03-01" and followed.outlet == "Brackwater Bugle"


def test_requests_to_one_host_are_spaced_by_the_delay(server: str) -> None:
    waits: list[float] = []
    with Fetcher(local(delay=5.0), sleep=waits.append) as fetcher:
        list(fetch_pages([server + "/page.html", server + "/page.html"], fetcher=fetcher))
    assert waits and all(0 < w <= 5.0 for w in waits)


@pytest.mark.parametrize(
    ("url", "address", "kind"),
    [
        ("http://metadata.example/latest", "169.254.169.254", "link-local"),
        ("http://intranet.example/", "10.1.2.3", "private"),
        ("http://home.example/", "192.168.0.10", "private"),
        ("http://v6.example/", "::1", "loopback"),
        ("http://mapped.example/", "::ffff:127.0.0.1", "loopback"),
    ],
)
def test_private_addresses_are_refused_after_resolution(url: str, address: str, kind: str) -> None:
    with pytest.raises(FetchRefused, match=f"a {kind} address"):
        check_url(url, resolver=lambda host, port: [address])


def test_non_http_schemes_are_refused() -> None:
    for url in ("file:///etc/passwd", "ftp://news.example/x", "javascript:alert(1)"):
        with pytest.raises(FetchRefused, match="only http and https"):
            check_url(url, allow_private=True)


def test_every_redirect_hop_is_checked_again() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example" and request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.url.host == "news.example":
            return httpx.Response(
                302, headers={"Location": "http://169.254.169.254/latest/meta-data"}
            )
        raise AssertionError("the metadata address must never be requested")

    addresses = {"news.example": ["93.184.216.34"], "169.254.169.254": ["169.254.169.254"]}
    fetcher = Fetcher(
        FetchConfig(delay=0.0),
        transport=httpx.MockTransport(handler),
        resolver=lambda h, p: addresses[h],
    )
    (item,) = fetch_pages(["http://news.example/story"], fetcher=fetcher)
    assert isinstance(item, Dropped) and "link-local" in item.reason


def test_url_list_skips_blank_lines_and_comments() -> None:
    assert read_url_list("# wanted\nhttp://a.example/1\n\n  http://b.example/2  \n") == [
        "http://a.example/1",
        "http://b.example/2",
    ]
