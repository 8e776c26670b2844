"""The `newsweave serve` command; starlette and uvicorn are imported only when it runs."""

from __future__ import annotations

import errno
import ipaddress
import json
import os
import socket
from collections.abc import Iterable

import click

from newsweave.errors import InputError, MissingExtraError
from newsweave.store import DEFAULT_DB


def is_loopback(host: str) -> bool:
    """Whether `host` only listens on this machine (localhost, 127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_port(host: str, port: int) -> None:
    """InputError, in one line, when `port` on `host` cannot be listened on (in use, not ours)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"cannot listen on {host}: {exc.strerror}") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        if os.name != "nt":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise InputError(
                    f"port {port} on {host} is already in use (another server?): "
                    f"stop it or pick another port with --port"
                ) from exc
            raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc


LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
SETTINGS_VARIABLE = "NEWSWEAVE_SERVE_SETTINGS"  # how `serve --workers N` configures its workers


def host_name(value: str) -> str:
    """A host as the Host header check compares it: lower case, no port, brackets or end dot."""
    value = value.strip().lower()
    if value.startswith("["):  # [::1] or [::1]:8000
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:  # name:port (a bare IPv6 address has several colons)
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def allowed_hosts(bound: str, names: Iterable[str] = ()) -> frozenset[str]:
    """The Host header values `serve` answers: the bound address, the names given, and
    localhost / 127.0.0.1 / ::1 when it listens on this machine (or on every address)."""
    allowed = {host_name(bound), *(host_name(n) for n in names)}
    if is_loopback(bound) or bound in ("0.0.0.0", "::", "[::]", ""):
        allowed.update(LOOPBACK_NAMES)
    return frozenset(a for a in allowed if a)


@click.command()
@click.option("--db", "db", default=DEFAULT_DB, show_default=True, help="SQLite store file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on.",
)
@click.option(
    "--allowed-host",
    "allowed",
    multiple=True,
    metavar="NAME",
    help="Also answer requests whose Host header names NAME (repeatable). Requests for any "
    "other name are refused, so a web page cannot read the store by DNS rebinding. The bound "
    "address is always allowed, and localhost and 127.0.0.1 when bound there.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Server processes (each answers requests on its own core).",
)
def serve(db: str, host: str, port: int, allowed: tuple[str, ...], workers: int) -> None:
    """Browse the stored stories in a web browser (read-only; needs the [web] extra).

    Pages only read the store, so a store whose file or folder is read-only can be served
    (a store you may write, made by an older newsweave, is upgraded first).
    """
    for module in ("starlette", "jinja2", "uvicorn"):
        try:
            __import__(module)
        except ImportError as exc:
            raise MissingExtraError("the web UI", "web", module) from exc
    import uvicorn

    from newsweave.web.app import create_app

    hosts = allowed_hosts(host, allowed)
    app = create_app(db, hosts)
    if not is_loopback(host):
        click.echo(
            f"newsweave: warning: serving on {host}, not only this machine: anyone who can "
            "reach it can read the store (there is no login); requests must name one of "
            f"{', '.join(sorted(hosts))} (add names with --allowed-host)",
            err=True,
        )
    check_port(host, port)
    click.echo(f"newsweave: serving {db} at http://{host}:{port}/ (Ctrl+C stops)", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # each worker process builds its own app from the same settings
    os.environ[SETTINGS_VARIABLE] = json.dumps({"db": db, "hosts": sorted(hosts)})
    uvicorn.run(
        "newsweave.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
