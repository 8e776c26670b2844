"""The Starlette app: routes, templates, security headers and clear error pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave import __version__
from newsweave.errors import InputError, NewsweaveError
from newsweave.render.dates import human_date
from newsweave.render.markdown import http_url
from newsweave.store import MEMORY
from newsweave.web.routes import ROUTES, NotFound
from newsweave.web.views import numbered

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


def create_app(db_path: str) -> Starlette:
    """The web UI and JSON API over the store at `db_path` (opened anew for each request)."""
    if db_path == MEMORY or not Path(db_path).is_file():
        raise InputError(
            f"no store at {db_path}: run `newsweave brief PATH... --db {db_path}` first"
        )
    app = Starlette(
        routes=[*ROUTES, Mount("/static", StaticFiles(directory=STATIC), name="static")],
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={
            HTTPException: _http_error,
            NotFound: _not_found,
            NewsweaveError: _newsweave_error,
        },
    )
    app.state.db_path = db_path
    app.state.templates = _templates()
    return app


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
    )
    env.globals.update(
        version=__version__,
        story_url=lambda sid: f"/stories/{quote(sid, safe='')}",
        article_url=lambda aid: f"/articles/{quote(aid, safe='')}",
        entity_url=lambda kind, name: f"/entities/{kind}/{quote(name, safe='')}",
    )
    env.filters["http_url"] = http_url
    env.filters["human_date"] = human_date
    env.filters["numbered"] = numbered
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
