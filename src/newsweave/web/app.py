"""The Starlette app: routes, templates, security headers and clear error pages."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

import anyio.to_thread
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave import __version__
from newsweave.errors import InputError, NewsweaveError
from newsweave.render.dates import human_date
from newsweave.render.markdown import http_url
from newsweave.store import MEMORY, open_store
from newsweave.web.command import LOOPBACK_NAMES, SETTINGS_VARIABLE, host_name
from newsweave.web.routes import ROUTES, NotFound
from newsweave.web.views import cited

STATIC = Path(__file__).with_name("static")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


def create_app(db_path: str, hosts: Iterable[str] = LOOPBACK_NAMES) -> Starlette:
    """The web UI and JSON API over the store at `db_path` (opened read-only per request).

    Only requests whose Host header names one of `hosts` are answered (the others get a
    400), so a page on another site cannot read the store through DNS rebinding. A store
    this user may write is upgraded to the current schema first; a read-only one must be
    current already.
    """
    if db_path == MEMORY or not Path(db_path).is_file():
        raise InputError(
            f"no store at {db_path}: run `newsweave brief PATH... --db {db_path}` first"
        )
    writable = os.access(db_path, os.W_OK) and os.access(
        os.path.dirname(os.path.abspath(db_path)), os.W_OK
    )
    open_store(db_path, readonly=not writable).close()  # migrate, or check it is current
    app = Starlette(
        lifespan=_few_threads,
        routes=[*ROUTES, Mount("/static", StaticFiles(directory=STATIC), name="static")],
        middleware=[
            Middleware(TrustedHosts, hosts=frozenset(host_name(h) for h in hosts)),
            Middleware(SecurityHeaders),
        ],
        exception_handlers={
            HTTPException: _http_error,
            NotFound: _not_found,
            NewsweaveError: _newsweave_error,
        },
    )
    app.state.db_path = db_path
    app.state.templates = _templates()
    return app


THREADS = 4  # pages rendered at once per process (more only fight over the GIL)


@asynccontextmanager
async def _few_threads(app: Starlette) -> AsyncIterator[None]:
    """Run the page functions in at most THREADS threads of this process.

    The work is mostly Python, so extra threads add no speed; with anyio's default of 40,
    forty renders fight over the GIL with the event loop, which then accepts and answers
    late, and some requests wait seconds under load. Requests beyond THREADS wait their
    turn in order instead.
    """
    anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
    yield


def app_from_environment() -> Starlette:
    """The app of one `serve --workers N` process, from the settings `serve` left for it."""
    settings = json.loads(os.environ[SETTINGS_VARIABLE])
    return create_app(settings["db"], settings["hosts"])


class TrustedHosts:
    """ASGI middleware that refuses requests whose Host header is not an allowed name."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 400 when the Host header is missing or names another host."""
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        raw = Headers(scope=scope).get("host", "")
        if host_name(raw) in self.hosts:
            await self.app(scope, receive, send)
            return
        message = (
            f"refused: this server does not answer to the host name {raw[:100]!r} "
            "(start `newsweave serve` with --allowed-host NAME to allow a name)"
        )
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        response = (
            JSONResponse({"error": message, "status": 400}, status_code=400)
            if scope["path"].startswith("/api/")
            else PlainTextResponse(message, status_code=400)
        )
        await SecurityHeaders(response)(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware that adds the strict CSP and friends to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _templates() -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("newsweave.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # the package's templates do not change while it serves
    )
    env.globals.update(
        version=__version__,
        story_url=lambda sid: f"/stories/{quote(sid, safe='')}",
        article_url=lambda aid: f"/articles/{quote(aid, safe='')}",
        entity_url=lambda kind, name: f"/entities/{kind}/{quote(name, safe='')}",
    )
    env.filters["http_url"] = http_url
    env.filters["human_date"] = human_date
    env.filters["cited"] = cited
    return Jinja2Templates(env=env)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, title: str, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    context = {"title": title, "message": message, "status": status}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error(request, 404, "Not found", str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        message = f"no page at {request.url.path}: start from the story list at /"
        return _error(request, 404, "Not found", message)
    return _error(request, exc.status_code, "Error", str(exc.detail))


async def _newsweave_error(request: Request, exc: Exception) -> Response:
    status = 400 if isinstance(exc, InputError) else 500
    return _error(request, status, "Bad request" if status == 400 else "Error", str(exc))
