"""Property tests for the hostile-input parsers of issue 25 (fast: small `max_examples`).

The SSRF guard and URL handling, robots.txt rules, the bounded content decoder, depth-checked
JSON, WARC headers, terminal escaping, file-name display and the store round trip of any text.
No test opens a network connection: resolvers are stubs.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import ipaddress
import json
import zlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.clean.html import _stripped_lines
from newsweave.ingest import IngestConfig
from newsweave.ingest.fetch import _Decoder, _TooBig
from newsweave.ingest.files import display_path
from newsweave.ingest.guard import FetchRefused, check_url, not_public
from newsweave.ingest.jsonl import read_jsonl
from newsweave.ingest.robots import Robots, _matches
from newsweave.ingest.warc import read_warc
from newsweave.model import Dropped, Page
from newsweave.safejson import JSONLimitError, depth, loads
from newsweave.store import open_store
from newsweave.terminal import json_safe, terminal_safe

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ipv4 = st.integers(0, 2**32 - 1).map(lambda n: str(ipaddress.IPv4Address(n)))
ipv6 = st.integers(0, 2**128 - 1).map(lambda n: str(ipaddress.IPv6Address(n)))
url_parts = st.sampled_from(
    ["http://", "https://", "ftp://", "[", "]", ":", "@", "/", "?", "#", "%", "::1", "127.0.0.1",
     "news.example", ":80", ":99999", ":-1", "\x00", " ", "\ud800", "é", "xn--", "..", "\\"]
)  # fmt: skip
urls = st.lists(url_parts | st.text(max_size=6), max_size=10).map("".join)


@FAST
@given(st.one_of(ipv4, ipv6))
def test_not_public_agrees_with_is_global_and_unwraps(address: str) -> None:
    ip = ipaddress.ip_address(address)
    why = not_public(address)
    if not ip.is_global:
        assert why is not None
    if why is None:  # passing addresses are global and so is any IPv4 address they wrap
        assert ip.is_global and not ip.is_multicast
        if isinstance(ip, ipaddress.IPv6Address):
            for inner in (ip.ipv4_mapped, ip.sixtofour):
                assert inner is None or inner.is_global


@FAST
@given(urls, st.one_of(ipv4, ipv6))
def test_check_url_only_ever_refuses_or_returns_a_public_target(url: str, address: str) -> None:
    try:
        target = check_url(url, resolver=lambda host, port: [address])
    except FetchRefused as exc:
        assert str(exc)
        return
    assert target.address == address and not_public(address) is None
    assert target.scheme in ("http", "https") and 0 < target.port < 65536


@FAST
@given(st.text(max_size=300), st.text(max_size=40))
def test_robots_rules_never_crash(text: str, path: str) -> None:
    assert Robots.parse(text, "newsweave/1.0").allowed("/" + path) in (True, False)


@FAST
@given(st.text(alphabet="/ab*$.?=", min_size=1, max_size=12))
def test_a_disallowed_path_is_refused_unless_a_longer_allow_matches(path: str) -> None:
    path = "/" + path.replace("*", "").replace("$", "")
    robots = Robots.parse(f"User-agent: *\nDisallow: {path}\n", "newsweave")
    assert not robots.allowed(path) and not robots.allowed(path + "x")
    longer = Robots.parse(f"User-agent: *\nDisallow: {path}\nAllow: {path}x\n", "newsweave")
    assert longer.allowed(path + "x") and not longer.allowed(path)


@FAST
@given(st.text(alphabet="ab*", max_size=8), st.text(alphabet="ab", max_size=12))
def test_wildcard_matching_agrees_with_fnmatch(pattern: str, path: str) -> None:
    import fnmatch

    expected = fnmatch.fnmatchcase(path, pattern.replace("[", "") + "*")
    assert _matches(pattern, path) == expected


@FAST
@given(st.binary(max_size=3000), st.sampled_from(["", "gzip", "deflate", "identity"]))
def test_the_decoder_never_returns_more_than_the_cap(raw: bytes, coding: str) -> None:
    limit = 5000
    body = {"gzip": gzip.compress, "deflate": zlib.compress}.get(coding, lambda b: b)(raw * 4)
    decoder = _Decoder(coding, limit)
    try:
        for start in range(0, len(body), 517):
            decoder.feed(body[start : start + 517])
        out = decoder.finish()
    except _TooBig:
        assert len(raw) * 4 > limit
        return
    assert out == raw * 4


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["gzip", "deflate", "br", "gzip, gzip"]))
def test_the_decoder_on_garbage_raises_only_known_errors(body: bytes, coding: str) -> None:
    try:
        decoder = _Decoder(coding, 10_000)
        decoder.feed(body)
        assert len(decoder.finish()) <= 10_000
    except (FetchRefused, _TooBig, zlib.error):
        pass


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=30,
)


def _depth(value: Any) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@FAST
@given(json_values)
def test_json_depth_is_measured_exactly(value: Any) -> None:
    text = json.dumps(value)
    assert depth(text) == _depth(value)
    if _depth(value) <= 3:
        assert loads(text, max_depth=3) == value
    else:
        with pytest.raises(JSONLimitError):
            loads(text, max_depth=3)


@FAST
@given(st.text(max_size=200) | st.text(alphabet='[]{}",:\\1', max_size=200))
def test_safe_json_raises_only_value_errors(text: str) -> None:
    with contextlib.suppress(ValueError):
        loads(text)


header_line = st.sampled_from(
    [b"WARC/1.0", b"WARC-Type: response", b"WARC-Type: resource", b"Content-Length: 10",
     b"Content-Length: -5", b"Content-Length: x", b"Content-Type: text/html; charset=undefined",
     b"WARC-Target-URI: http://a.example/", b"HTTP/1.1 200 OK", b"", b" continued", b"\x00",
     b"Content-Encoding: gzip", b"Transfer-Encoding: chunked"]
) | st.binary(max_size=20)  # fmt: skip


@SLOW
@given(st.lists(header_line, max_size=20), st.binary(max_size=60), st.booleans())
def test_warc_headers_of_any_shape_end_as_pages_or_dropped(
    lines: list[bytes], body: bytes, gz: bool
) -> None:
    data = b"\r\n".join(lines) + b"\r\n\r\n" + body
    data = gzip.compress(data) if gz else data
    items = list(read_warc(io.BytesIO(data), "x.warc", IngestConfig(max_bytes=2000)))
    assert items and all(isinstance(i, Page | Dropped) for i in items)
    assert all(i.reason for i in items if isinstance(i, Dropped))


@SLOW
@given(st.lists(json_values.map(lambda v: json.dumps({"text": json.dumps(v), "x": v})), max_size=5))
def test_jsonl_lines_of_any_nesting_end_as_pages_or_dropped(lines: list[str]) -> None:
    data = ("\n".join(lines) + "\n").encode()
    items = list(read_jsonl(io.BytesIO(data), "x.jsonl", IngestConfig()))
    assert all(isinstance(i, Page | Dropped) for i in items)


@FAST
@given(st.text(max_size=100))
def test_terminal_text_has_no_control_characters(text: str) -> None:
    shown = terminal_safe(text)
    assert not any(
        (ord(c) < 32 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u2066"
        for c in shown
    )
    assert json.loads(json_safe(json.dumps(text, ensure_ascii=False))) == text


@FAST
@given(st.binary(min_size=1, max_size=30))
def test_file_names_of_any_bytes_display_as_utf8(name: bytes) -> None:
    import os

    shown = display_path(os.fsdecode(name))
    shown.encode("utf-8")  # never raises
    if name.isascii():
        assert shown == name.decode()


@FAST
@given(st.text(max_size=300) | st.text(alphabet="<>/p!-abscript &;", max_size=300))
def test_stripped_html_keeps_no_tags(html: str) -> None:
    for line in _stripped_lines(html, 0):
        line.encode("utf-8", "surrogatepass")
        assert line == line.strip() and line


@SLOW
@given(st.text(max_size=50), st.text(max_size=50), st.text(max_size=30))
def test_any_text_round_trips_through_the_store(content: str, title: str, source: str) -> None:
    with open_store(":memory:") as store:
        store.add_pages(
            [Page(id="p", source=source, content=content or "x", kind="text", title=title)]
        )
        store.add_dropped([Dropped(source, content or "why")])
        (page,) = store.pages()
        page.content.encode("utf-8")  # never raises: lone surrogates were replaced
        assert page.title is not None
        assert len(page.content) == len(content or "x")
        (dropped,) = store.dropped()
        dropped.source.encode("utf-8")
