"""The SSRF guard: which hosts newsweave may fetch from, and at which address.

A URL is refused when it cannot be parsed, when its scheme is not http(s), when it
carries credentials, or when any address its host resolves to is not globally
reachable (`ipaddress`'s `is_global`, plus multicast, reserved and the 6to4 relay
block). Addresses that wrap an IPv4 address (IPv4-mapped, IPv4-compatible, 6to4,
NAT64 and Teredo) are judged by the address they wrap as well. The host is
resolved once; the fetcher connects to the address that was checked (so a name
that answers differently the second time, DNS rebinding, gains nothing). The
check runs again for every redirect.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsweave.errors import InputError

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Blocks Python's is_global still calls global but that reach no public web server.
_NOT_PUBLIC = (
    ipaddress.ip_network("192.88.99.0/24"),  # 6to4 relay anycast (deprecated)
    ipaddress.ip_network("fec0::/10"),  # site-local (deprecated)
)
_HOST_NAME = re.compile(r"[a-z0-9_.-]{1,253}")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class FetchRefused(InputError):
    """A URL that newsweave will not fetch, and why."""


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL's host, port and the one address the fetcher may connect to."""

    scheme: str
    host: str
    port: int
    address: str


def resolve(host: str, port: int) -> list[str]:
    """Every IP address `host` resolves to (DNS), as strings."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchRefused(f"cannot resolve host {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def ascii_host(host: str) -> str:
    """The host as sent on the wire: lower case, IDNA-encoded, IPv6 without brackets."""
    host = host.strip("[]").lower()
    if ":" in host:
        try:
            return str(ipaddress.IPv6Address(host.split("%")[0]))
        except ValueError:
            raise FetchRefused(f"refused: host {host!r} is not a valid address") from None
    try:
        name = host.encode("ascii").decode() if host.isascii() else host.encode("idna").decode()
    except UnicodeError as exc:
        raise FetchRefused(f"refused: host {host!r} is not a valid name ({exc})") from None
    if not _HOST_NAME.fullmatch(name):
        raise FetchRefused(f"refused: host {host!r} is not a valid name")
    return name


def check_url(url: str, allow_private: bool = False, resolver: Resolver = resolve) -> Target:
    """The Target to connect to, or FetchRefused unless `url` is http(s) on a public address."""
    try:
        parts = urlsplit(url)
        port = parts.port
        hostname = parts.hostname
    except ValueError as exc:
        raise FetchRefused(f"refused: malformed URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise FetchRefused("refused: only http and https URLs are fetched")
    if not hostname:
        raise FetchRefused("refused: no host in the URL")
    if parts.username is not None or parts.password is not None:
        raise FetchRefused("refused: credentials in URLs are not sent")
    if port == 0:
        raise FetchRefused("refused: port 0 is not a valid port")
    port = port or (443 if parts.scheme == "https" else 80)
    host = ascii_host(hostname)
    addresses = resolver(host, port)
    if not addresses:
        raise FetchRefused(f"cannot resolve host {host!r}: no address")
    for address in addresses:
        why = not_public(address)
        if why and not allow_private:
            raise FetchRefused(
                f"refused: {host} resolves to {address}, "
                f"a {why} address (use --allow-private to fetch it anyway)"
            )
    return Target(parts.scheme, host, port, addresses[0].split("%")[0])


def not_public(address: str) -> str | None:
    """Why an IP address is not a public one ("loopback", "6to4 of a private"...), or None."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return "malformed"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # the same address, written as IPv6
    why = _kind(ip)
    if why:
        return why
    inner = _wrapped(ip)
    if inner is not None:
        wrapper, embedded = inner
        why = _kind(embedded)
        if why:
            return f"{wrapper} of a {why}"
    return None


def _wrapped(ip: IPAddress) -> tuple[str, ipaddress.IPv4Address] | None:
    """The IPv4 address an IPv6 one carries, with the name of the wrapping."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.sixtofour is not None:
        return "6to4 form", ip.sixtofour
    if ip.teredo is not None:
        return "Teredo form", ip.teredo[1]
    if ip in _NAT64 or ip in _IPV4_COMPATIBLE:
        return "IPv4-embedding form", ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _kind(ip: IPAddress) -> str | None:
    for kind, test in (
        ("unspecified", ip.is_unspecified),
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("reserved", ip.is_reserved),
        ("shared (carrier-grade NAT)", not ip.is_global),
        ("non-public", any(ip in net for net in _NOT_PUBLIC if net.version == ip.version)),
    ):
        if test:
            return kind
    return None
