"""The SSRF guard: which hosts newsweave may fetch from.

A URL is refused when its scheme is not http(s), or when any address its host
resolves to is loopback, private, link-local (cloud metadata lives there),
multicast, reserved or unspecified, unless the user allowed private addresses.
The check runs again for every redirect.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from newsweave.errors import InputError

Resolver = Callable[[str, int], list[str]]


class FetchRefused(InputError):
    """A URL that newsweave will not fetch, and why."""


def resolve(host: str, port: int) -> list[str]:
    """Every IP address `host` resolves to (DNS), as strings."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchRefused(f"cannot resolve host {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, allow_private: bool = False, resolver: Resolver = resolve) -> None:
    """Raise FetchRefused unless `url` is http(s) on a public address (or private is allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused("refused: only http and https URLs are fetched")
    if not parts.hostname:
        raise FetchRefused("refused: no host in the URL")
    if parts.username or parts.password:
        raise FetchRefused("refused: credentials in URLs are not sent")
    if allow_private:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for address in resolver(parts.hostname, port):
        why = _private_kind(address)
        if why:
            raise FetchRefused(
                f"refused: {parts.hostname} resolves to {address}, "
                f"a {why} address (use --allow-private to fetch it anyway)"
            )


def _private_kind(address: str) -> str | None:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind, test in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("reserved", ip.is_reserved),
        ("unspecified", ip.is_unspecified),
    ):
        if test:
            return kind
    return None
