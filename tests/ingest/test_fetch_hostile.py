"""Hostile networks: DNS rebinding, non-global ranges, bombs, trickling servers, robots, bad URLs.

Only 127.0.0.1 is ever connected to: other names are answered by stubbed resolvers, and
`socket.create_connection` is replaced so that any other address is recorded and refused.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsweave.cli import main
from newsweave.ingest.fetch import FetchConfig, Fetcher, fetch_pages
from newsweave.ingest.guard import FetchRefused, check_url
from newsweave.model import Dropped, Page

ARTICLE = (
    b"<html><head><title>Kiln fair opens in Osterbrook</title></head><body><article>"
    b"<p>The Osterbrook kiln fair opened on Friday with 60 potters on the green, the "
    b"organisers said, and runs until Sunday evening.</p></article></body></html>"
)
SECRET = b"<html><body><p>internal admin page: the secret token is 42</p></body></html>"

NOT_GLOBAL = [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.9",
    "192.168.0.10",
    "169.254.169.254",
    "100.64.0.1",
    "100.100.100.200",
    "192.88.99.1",
    "198.18.0.1",
    "192.0.2.1",
    "0.0.0.0",
    "224.0.0.1",
    "240.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fec0::1",
    "ff02::1",
    "2001:db8::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:100.100.100.200",
    "2002:7f00:1::",
    "2002:a00:1::1",
    "2002:a9fe:a9fe::",
    "2002:6464:64c8::",
    "2001:0:4136:e378:8000:63bf:80ff:fffe",
    "64:ff9b::7f00:1",
    "::7f00:1",
]


class Handler(BaseHTTPRequestHandler):
    hits: list[str] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        Handler.hits.append(self.path)
        if self.path == "/secret":
            self._send(200, SECRET)
        elif self.path == "/page.html":
            self._send(200, ARTICLE)
        elif self.path == "/trickle-body":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self._trickle(b"<p>" + b"x" * 99_997)
        elif self.path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self._trickle(b"X-Slow: " + b"y" * 5_000 + b"\r\n\r\n")
        else:
            self._send(404, b"not here")

    def _trickle(self, data: bytes) -> None:
        try:
            for i in range(len(data)):
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield int(httpd.server_address[1])
    httpd.shutdown()


@pytest.fixture
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse (and record) every connection to an address other than 127.0.0.1."""
    real = socket.create_connection
    attempts: list[str] = []

    def connect(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        host, port = address
        if host != "127.0.0.1":
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            host = str(infos[0][4][0])
        attempts.append(host)
        if host != "127.0.0.1":
            raise ConnectionRefusedError(f"test: no connection to {host}")
        return real((host, port), *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", connect)
    return attempts


def _rebinding_dns(monkeypatch: pytest.MonkeyPatch, first: str) -> list[str]:
    """socket.getaddrinfo for rebind.example: `first` once, then 127.0.0.1."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        answer = first if not asked else "127.0.0.1"
        asked.append(answer)
        family = socket.AF_INET6 if ":" in answer else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (answer, int(port)))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_dns_rebinding_cannot_reach_loopback(
    server: int, monkeypatch: pytest.MonkeyPatch, only_loopback: list[str]
) -> None:
    asked = _rebinding_dns(monkeypatch, "93.184.216.34")
    Handler.hits.clear()
    config = FetchConfig(delay=0.0, respect_robots=False, timeout=5.0)
    (item,) = fetch_pages([f"http://rebind.example:{server}/secret"], config)
    assert isinstance(item, Dropped)
    assert "/secret" not in Handler.hits  # the internal page was never requested
    assert asked == ["93.184.216.34"]  # resolved once, and connected to that checked address
    assert only_loopback == ["93.184.216.34"]


def test_rebinding_with_robots_on_is_still_refused(
    server: int, monkeypatch: pytest.MonkeyPatch, only_loopback: list[str]
) -> None:
    _rebinding_dns(monkeypatch, "93.184.216.34")
    Handler.hits.clear()
    config = FetchConfig(delay=0.0, timeout=5.0)
    (item,) = fetch_pages([f"http://rebind.example:{server}/secret"], config)
    assert isinstance(item, Dropped)
    assert "/secret" not in Handler.hits
    assert "127.0.0.1" not in only_loopback


def test_connection_goes_to_the_checked_address(server: int, only_loopback: list[str]) -> None:
    answers = iter([["127.0.0.1"], ["10.9.9.9"]])
    fetcher = Fetcher(
        FetchConfig(delay=0.0, allow_private=True, respect_robots=False),
        resolver=lambda host, port: next(answers),
    )
    (item,) = fetch_pages([f"http://pinned.example:{server}/page.html"], fetcher=fetcher)
    assert isinstance(item, Page) and "kiln fair" in item.content
    assert only_loopback == ["127.0.0.1"]


@pytest.mark.parametrize("address", NOT_GLOBAL)
def test_every_non_global_address_is_refused(address: str) -> None:
    with pytest.raises(FetchRefused, match="use --allow-private"):
        check_url("http://host.example/", resolver=lambda host, port: [address])


@pytest.mark.parametrize("address", NOT_GLOBAL)
def test_a_redirect_into_each_non_global_address_is_refused(address: str) -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url.host))
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://inside.example/admin"})
        return _response(200, content=SECRET, headers={"Content-Type": "text/html"})

    addresses = {"news.example": ["93.184.216.34"], "inside.example": [address]}
    fetcher = Fetcher(
        FetchConfig(delay=0.0, respect_robots=False),
        transport=httpx.MockTransport(handler),
        resolver=lambda host, port: addresses[host],
    )
    (item,) = fetch_pages(["http://news.example/story"], fetcher=fetcher)
    assert isinstance(item, Dropped) and "use --allow-private" in item.reason
    assert requested == ["news.example"]


def test_one_non_global_answer_among_several_refuses_the_host() -> None:
    with pytest.raises(FetchRefused, match="loopback"):
        check_url("http://multi.example/", resolver=lambda h, p: ["93.184.216.34", "127.0.0.1"])


def test_public_addresses_pass_including_mapped_and_6to4_forms() -> None:
    for address in ("93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34", "2002:5db8:d822::"):
        target = check_url("https://pub.example/x", resolver=lambda h, p, a=address: [a])
        assert target.address == address and target.port == 443


def _response(status: int, content: bytes, headers: Any = None) -> httpx.Response:
    """A streamed response, as a real transport gives (not pre-read like content=...)."""
    return httpx.Response(status, stream=httpx.ByteStream(content), headers=headers)


def _mock_fetcher(handler: Callable[[httpx.Request], httpx.Response], **config: Any) -> Fetcher:
    settings: dict[str, Any] = {"delay": 0.0, "respect_robots": False, **config}
    return Fetcher(
        FetchConfig(**settings),
        transport=httpx.MockTransport(handler),
        resolver=lambda host, port: ["93.184.216.34"],
    )


def _one(fetcher: Fetcher, url: str = "http://news.example/a") -> Page | Dropped:
    (item,) = fetch_pages([url], fetcher=fetcher)
    return item


def test_two_layers_of_gzip_are_refused_before_decoding() -> None:
    bomb = gzip.compress(gzip.compress(b"A" * 20_000_000))
    fetcher = _mock_fetcher(
        lambda r: _response(200, content=bomb, headers={"Content-Encoding": "gzip, gzip"})
    )
    item = _one(fetcher)
    assert isinstance(item, Dropped) and "more than one content encoding" in item.reason


def test_repeated_content_encoding_headers_count_as_layers() -> None:
    bomb = gzip.compress(gzip.compress(b"A" * 1_000))
    headers = [("Content-Encoding", "gzip"), ("Content-Encoding", "gzip")]
    item = _one(_mock_fetcher(lambda r: _response(200, content=bomb, headers=headers)))
    assert isinstance(item, Dropped) and "more than one content encoding" in item.reason


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_a_single_layer_bomb_stops_at_the_decoded_cap(coding: str) -> None:
    raw = b"A" * 30_000_000
    body = gzip.compress(raw) if coding == "gzip" else zlib.compress(raw)
    fetcher = _mock_fetcher(
        lambda r: _response(200, content=body, headers={"Content-Encoding": coding}),
        max_bytes=1_000_000,
    )
    item = _one(fetcher)
    assert isinstance(item, Dropped) and "over the 1.0 MB limit" in item.reason


def test_an_encoded_page_under_the_cap_is_decoded() -> None:
    for coding, body in (("gzip", gzip.compress(ARTICLE)), ("deflate", zlib.compress(ARTICLE))):
        fetcher = _mock_fetcher(
            lambda r, b=body, c=coding: _response(
                200, content=b, headers={"Content-Encoding": c, "Content-Type": "text/html"}
            )
        )
        item = _one(fetcher)
        assert isinstance(item, Page) and "kiln fair" in item.content


def test_unknown_content_encoding_is_refused() -> None:
    fetcher = _mock_fetcher(
        lambda r: _response(200, content=b"xx", headers={"Content-Encoding": "br"})
    )
    item = _one(fetcher)
    assert isinstance(item, Dropped) and "unsupported content encoding" in item.reason


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-headers"])
def test_a_trickling_server_is_cut_off_at_the_total_deadline(server: int, path: str) -> None:
    config = FetchConfig(delay=0.0, allow_private=True, respect_robots=False, deadline=1.0)
    started = time.monotonic()
    (item,) = fetch_pages([f"http://127.0.0.1:{server}{path}"], config)
    assert isinstance(item, Dropped) and "timed out" in item.reason
    assert time.monotonic() - started < 8  # each byte came within the 15 s read timeout


MALFORMED = [
    "http://[::1",
    "http://news.example:99999/",
    "http://news.example:port/",
    "http://news.example:0/",
    "http://",
    "http://user:pw@news.example/",
    "https://news.example\x00evil/",
    "http://exa mple.example/",
    "http://xn--/",
    "gopher://news.example/",
    "",
]


def test_malformed_urls_are_dropped_and_pages_around_them_kept() -> None:
    fetcher = _mock_fetcher(
        lambda r: _response(200, content=ARTICLE, headers={"Content-Type": "text/html"})
    )
    urls = ["http://news.example/first", *MALFORMED, "http://news.example/last"]
    items = list(fetch_pages(urls, fetcher=fetcher))
    assert len(items) == len(urls)
    assert isinstance(items[0], Page) and isinstance(items[-1], Page)
    for url, item in zip(MALFORMED, items[1:-1], strict=True):
        assert isinstance(item, Dropped), url
        assert item.source == url and item.reason


@pytest.mark.parametrize(
    "location", ["http://[bad", "http://news.example:70000/", "http://x:y/", "http://\ud800/"]
)
def test_a_malformed_redirect_is_dropped(location: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": location.encode("utf-8", "replace")})

    item = _one(_mock_fetcher(handler))
    assert isinstance(item, Dropped) and item.reason


def _robots_fetcher(robots: Callable[[], httpx.Response]) -> tuple[Fetcher, list[str]]:
    pages: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return robots()
        pages.append(request.url.path)
        return _response(200, content=ARTICLE, headers={"Content-Type": "text/html"})

    return _mock_fetcher(handler, respect_robots=True), pages


@pytest.mark.parametrize(
    ("robots", "why"),
    [
        (lambda: httpx.Response(503), "HTTP 503"),
        (lambda: httpx.Response(500), "HTTP 500"),
        (lambda: httpx.Response(302, headers={"Location": "http://10.0.0.1/robots.txt"}), "read"),
        (lambda: _response(200, content=b"#" * 600_000), "read"),
        (lambda: (_ for _ in ()).throw(httpx.ReadTimeout("slow")), "read"),
    ],
)
def test_robots_txt_fails_closed(robots: Callable[[], httpx.Response], why: str) -> None:
    fetcher, pages = _robots_fetcher(robots)
    item = _one(fetcher)
    assert isinstance(item, Dropped) and "robots.txt" in item.reason and why in item.reason
    assert pages == []


def test_missing_robots_txt_allows_everything() -> None:
    fetcher, pages = _robots_fetcher(lambda: httpx.Response(404))
    assert isinstance(_one(fetcher), Page) and pages == ["/a"]


def test_robots_txt_longest_match_wins() -> None:
    text = b"User-agent: *\nDisallow: /news\nAllow: /news/public\n"
    fetcher, pages = _robots_fetcher(lambda: _response(200, content=text))
    allowed = _one(fetcher, "http://news.example/news/public/1")
    refused = _one(fetcher, "http://news.example/news/2")
    assert isinstance(allowed, Page)
    assert isinstance(refused, Dropped) and "disallows" in refused.reason


def test_robots_rules_patterns_and_agent_groups() -> None:
    from newsweave.ingest.robots import Robots

    robots = Robots.parse(
        "User-agent: other\nDisallow: /\n\nUser-agent: newsweave\nDisallow: /*.pdf$\n"
        "Disallow: /tmp/\nAllow: /tmp/ok\n\nUser-agent: *\nDisallow: /everything\n",
        "newsweave/1.0 (test)",
    )
    assert robots.allowed("/a.html") and robots.allowed("/everything")
    assert not robots.allowed("/files/x.pdf") and robots.allowed("/files/x.pdf?v=1")
    assert not robots.allowed("/tmp/x") and robots.allowed("/tmp/ok/x")
    assert Robots.parse("User-agent: *\nDisallow:\n", "newsweave").allowed("/x")
    assert not Robots(denied="answered HTTP 503").allowed("/")


def test_cli_exits_non_zero_when_every_url_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "s.db")
    with pytest.raises(SystemExit) as exit_info:
        main(["-q", "ingest", "--url", "http://[::1", "--url", "ftp://x.example/", "--db", db])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "every URL" in err


def test_cli_keeps_pages_read_before_a_malformed_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "local.txt"
    page.write_text("A story about the Osterbrook kiln fair, which opened on Friday.\n")
    db = str(tmp_path / "s.db")
    with pytest.raises(SystemExit):
        main(["-q", "ingest", str(page), "--url", "http://news.example:99999/", "--db", db])
    assert "Traceback" not in capsys.readouterr().err
    from newsweave.store import open_store

    with open_store(db) as store:
        assert store.count("pages") == 1
