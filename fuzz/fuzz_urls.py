"""Fuzz URL handling: the SSRF guard, robots.txt rules, the content decoder and whole fetches.

Run: python fuzz/fuzz_urls.py -max_total_time=600 /tmp/corpus_urls fuzz/seeds/urls
No network: the resolver is a stub and the HTTP transport an httpx.MockTransport that
answers with fuzzed status, headers and body. Any exception other than the documented
refusal is a crash; a URL that passes the guard must resolve to a public address only.
"""

from __future__ import annotations

import ipaddress
import sys

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    import httpx

    from newsweave.ingest.fetch import FetchConfig, Fetcher, _Decoder, _TooBig, fetch_pages
    from newsweave.ingest.guard import FetchRefused, check_url, not_public
    from newsweave.ingest.robots import Robots
    from newsweave.model import Dropped, Page

_STATE: dict[str, object] = {}


def _address(raw: bytes) -> str:
    return str(ipaddress.ip_address(raw if len(raw) in (4, 16) else raw.ljust(4, b"\0")[:4]))


def _handler(request: httpx.Request) -> httpx.Response:
    status, headers, body = _STATE["answer"]  # type: ignore[misc]
    if request.url.path == "/robots.txt":
        return httpx.Response(status, stream=httpx.ByteStream(body))
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(body))


_FETCHER = Fetcher(
    FetchConfig(delay=0.0, max_bytes=20_000, max_redirects=3),
    transport=httpx.MockTransport(_handler),
    resolver=lambda host, port: [str(_STATE["address"])],
)


def test_one_input(data: bytes) -> None:
    """One fuzz input: a URL, an address, an HTTP answer and robots.txt text."""
    fdp = atheris.FuzzedDataProvider(data)
    url = fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 80))
    address = _address(fdp.ConsumeBytes(fdp.PickValueInList([4, 16])))
    try:
        target = check_url(url, resolver=lambda host, port: [address])
        assert not_public(target.address) is None, (url, address)
    except FetchRefused:
        pass
    robots = Robots.parse(fdp.ConsumeUnicodeNoSurrogates(200), "newsweave/1.0")
    assert robots.allowed("/" + fdp.ConsumeUnicodeNoSurrogates(20)) in (True, False)
    coding = fdp.PickValueInList(["", "gzip", "deflate", "gzip, gzip", "identity", "br"])
    try:
        decoder = _Decoder(coding, 5000)
        decoder.feed(fdp.ConsumeBytes(200))
        assert len(decoder.finish()) <= 5000
    except (FetchRefused, _TooBig):
        pass
    except Exception as exc:  # zlib.error is turned into a refusal by the fetcher
        assert type(exc).__name__ == "error", exc
    status = fdp.PickValueInList([200, 200, 301, 302, 404, 429, 500, 503, 999, 100])
    headers = [
        (fdp.PickValueInList(["Location", "Content-Type", "Content-Encoding", "X"]),
         fdp.ConsumeUnicodeNoSurrogates(40).encode("utf-8"))
        for _ in range(fdp.ConsumeIntInRange(0, 3))
    ]  # fmt: skip
    _STATE["answer"] = (status, headers, fdp.ConsumeBytes(fdp.remaining_bytes()))
    _STATE["address"] = address
    _FETCHER._robots.clear()
    for item in fetch_pages([url or "http://news.example/"], fetcher=_FETCHER):
        assert isinstance(item, Page) or (isinstance(item, Dropped) and item.reason), item


def main() -> None:
    """Start libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
