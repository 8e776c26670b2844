"""An httpcore network backend that connects only to the address the SSRF guard checked.

httpx would resolve a host again when it connects, and a hostile name server can
answer differently the second time (DNS rebinding). This backend never resolves:
the fetcher pins (host, port) to the checked address before each request, a
connection to any other host fails, and every socket read and write shares one
deadline, so a server that trickles bytes cannot hold a request past it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

import httpcore

from newsweave.ingest.guard import Target


class PinnedBackend(httpcore.NetworkBackend):
    """Connects (host, port) only to its pinned address, within the request's deadline."""

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self._pins: dict[tuple[str, int], str] = {}
        self.deadline: float | None = None

    def pin(self, target: Target, deadline: float) -> None:
        """Allow connecting to `target`'s host, at its checked address only, until `deadline`."""
        self._pins = {(target.host, target.port): target.address}
        self.deadline = deadline

    def unpin(self) -> None:
        """Forget the pin: no new connection until the next `pin`."""
        self._pins = {}
        self.deadline = None

    def remaining(self, timeout: float | None) -> float | None:
        """The smaller of `timeout` and the time left before the deadline."""
        if self.deadline is None:
            return timeout
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise httpcore.ReadTimeout("the request's total deadline has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        """Connect to the pinned address of (host, port), never to a freshly resolved one."""
        address = self._pins.get((host.strip("[]").lower(), port))
        if address is None:
            raise httpcore.ConnectError(f"{host}:{port} was not checked by the SSRF guard")
        stream = self._inner.connect_tcp(
            address, port, self.remaining(timeout), local_address, socket_options
        )
        return _DeadlineStream(stream, self)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        """Never: fetching goes over TCP only."""
        raise httpcore.ConnectError("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        """Sleep (httpcore's retry back-off)."""
        time.sleep(seconds)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose reads and writes wait no longer than the request's deadline."""

    def __init__(self, stream: httpcore.NetworkStream, backend: PinnedBackend) -> None:
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._backend.remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._backend.remaining(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(
            ssl_context, server_hostname, self._backend.remaining(timeout)
        )
        return _DeadlineStream(stream, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)
