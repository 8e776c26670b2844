"""The abstractive mode against a fake OpenAI-compatible endpoint on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from tests.helpers import run

from newsweave.errors import LLMError
from newsweave.model import Article
from newsweave.summarize.abstractive import (
    LLMConfig,
    abstractive_summary,
    check_answer,
    numbered_sources,
)

HARBOUR = (
    "The Tollmouth harbour board voted on Monday to close the old ferry terminal by the end "
    "of the year.\n"
    "Board chair Ines Varga said the terminal's 1962 pier could no longer carry modern ferries.\n"
    "About 1,200 passengers a day use the terminal, according to the board."
)
ANSWER = (
    "The Tollmouth harbour board voted to close the old ferry terminal by the end of the "
    "year [1]. About 1,200 passengers a day use the terminal [3].\n"
    "About 5,000 passengers a day use the terminal [3].\n"
    "The mayor welcomed the decision.\n"
    "Board chair Ines Varga resigned [9]."
)


class Handler(BaseHTTPRequestHandler):
    answers: dict[str, tuple[int, bytes]] = {}
    requests: list[dict] = []

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Handler.requests.append({"path": self.path, "body": body})
        if self.path.startswith("/slow"):
            time.sleep(1.5)
        status, payload = Handler.answers.get(self.path.split("/v1")[0] or "/", (404, b"{}"))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def chat(content: str) -> bytes:
    return json.dumps(
        {"choices": [{"message": {"role": "assistant", "content": content}}]}
    ).encode()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    Handler.answers = {
        "/": (200, chat(ANSWER)),
        "/broken": (500, b"model not loaded"),
        "/garbled": (200, b"<html>not json</html>"),
        "/slow": (200, chat(ANSWER)),
        "/deep": (200, b'{"choices": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        "/huge": (200, chat("word " * 400_000)),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def harbour() -> list[Article]:
    return [Article(id="h1", source="h1.txt", text=HARBOUR, published="2025-05-05")]


def test_supported_sentences_are_kept_and_the_rest_reported(endpoint: str) -> None:
    config = LLMConfig(url=endpoint, model="fake")
    with httpx.Client() as client:
        kept, dropped = abstractive_summary(harbour(), [], config, client)
    assert [s.text for s in kept] == [
        "The Tollmouth harbour board voted to close the old ferry terminal by the end of the year.",
        "About 1,200 passengers a day use the terminal.",
    ]
    assert all(s.generated and s.sources == ["h1"] and s.article == "" for s in kept)
    reasons = [d.reason for d in dropped]
    assert all(d.stage == "summarize" for d in dropped)
    assert any("5000" in r for r in reasons)
    assert any("cites no source" in r for r in reasons)
    assert any("do not exist" in r for r in reasons)
    request = Handler.requests[-1]
    assert request["path"] == "/v1/chat/completions" and request["body"]["model"] == "fake"
    assert "[1] The Tollmouth harbour board" in request["body"]["messages"][1]["content"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/broken", "HTTP 500"),
        ("/garbled", "no chat completion"),
        ("/deep", "no chat completion"),  # was RecursionError
        ("/huge", "more than 1,000,000 bytes"),  # was read whole, with no cap
    ],
)
def test_endpoint_failures_are_clear_errors(endpoint: str, path: str, message: str) -> None:
    config = LLMConfig(url=endpoint + path + "/v1")
    with httpx.Client() as client, pytest.raises(LLMError, match=message):
        abstractive_summary(harbour(), [], config, client)


def test_a_slow_endpoint_times_out(endpoint: str) -> None:
    config = LLMConfig(url=endpoint + "/slow", timeout=0.3)
    with httpx.Client() as client, pytest.raises(LLMError, match="did not answer"):
        abstractive_summary(harbour(), [], config, client)


def test_citations_after_the_full_stop_still_count() -> None:
    sources = numbered_sources(harbour(), [], LLMConfig(url="http://127.0.0.1:9"))
    kept, dropped = check_answer(
        "About 1,200 passengers a day use the terminal. [3]", sources, LLMConfig(url="x")
    )
    assert len(kept) == 1 and not dropped


def test_off_by_default_and_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSWEAVE_LLM_URL", raising=False)
    assert LLMConfig.from_env() is None
    monkeypatch.setenv("NEWSWEAVE_LLM_URL", "http://127.0.0.1:8080")
    monkeypatch.setenv("NEWSWEAVE_LLM_MODEL", "tiny")
    config = LLMConfig.from_env()
    assert config is not None and config.url.endswith(":8080") and config.model == "tiny"


def test_cli_brief_with_llm_url(endpoint: str, tmp_path: Path) -> None:
    page = tmp_path / "harbour.txt"
    page.write_text("Harbour board votes to close ferry terminal\n\n" + HARBOUR, encoding="utf-8")
    code, out, err = run("-q", "brief", str(page), "--format", "json", "--llm-url", endpoint)
    assert code == 0, err
    data = json.loads(out)
    summary = data["stories"][0]["summary"]
    assert summary and all(s["generated"] for s in summary)
    assert any("unsupported" in d["reason"] for d in data["dropped"])
    code, _, err = run("-q", "brief", str(page), "--llm-url", endpoint + "/broken")
    assert code == 1 and "HTTP 500" in err
