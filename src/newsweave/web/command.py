"""The `newsweave serve` command; starlette and uvicorn are imported only when it runs."""

from __future__ import annotations

import errno
import ipaddress
import os
import socket

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
def serve(db: str, host: str, port: int) -> None:
    """Browse the stored stories in a web browser (read-only; needs the [web] extra)."""
    for module in ("starlette", "jinja2", "uvicorn"):
        try:
            __import__(module)
        except ImportError as exc:
            raise MissingExtraError("the web UI", "web", module) from exc
    import uvicorn

    from newsweave.web.app import create_app

    app = create_app(db)
    if not is_loopback(host):
        click.echo(
            f"newsweave: warning: serving on {host}, not only this machine: anyone who can "
            "reach it can read the store (there is no login)",
            err=True,
        )
    check_port(host, port)
    click.echo(f"newsweave: serving {db} at http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
