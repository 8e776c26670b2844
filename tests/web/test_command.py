"""`newsweave serve`: lazy imports, the missing-extra error and the bind warning."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsweave.errors import MissingExtraError
from newsweave.web.command import is_loopback, serve


def test_command_imports_without_web_libraries() -> None:
    code = (
        "import sys\n"
        "for m in ('starlette', 'uvicorn', 'jinja2'): sys.modules[m] = None\n"
        "import newsweave.web.command\n"
        "assert not {'starlette', 'uvicorn'} & {m for m in sys.modules if sys.modules[m]}\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_extra_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)
    result = CliRunner().invoke(serve, ["--db", "x.db"])
    assert isinstance(result.exception, MissingExtraError)
    assert "pip install 'newsweave[web]'" in str(result.exception)
    assert "'starlette'" in str(result.exception)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.0.0.2", True), ("localhost", True), ("::1", True),
     ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.5", False),
     ("example.com", False)],
)  # fmt: skip
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(("host", "warned"), [("127.0.0.1", False), ("0.0.0.0", True)])
def test_serve_warns_when_not_loopback(
    monkeypatch: pytest.MonkeyPatch, example_db: str, host: str, warned: bool
) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    pytest.importorskip("starlette")
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    result = CliRunner().invoke(serve, ["--db", example_db, "--host", host, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": host, "port": 8123, "log_level": "warning"}]
    assert ("warning: serving on" in result.stderr) is warned
