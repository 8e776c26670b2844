"""The optional abstractive summary: a user-configured OpenAI-compatible endpoint writes it,
and every sentence it writes is checked against the sources it cites.

Off by default. The endpoint is whatever the user points it at (a local llama.cpp or vLLM
server, say): `POST {url}/v1/chat/completions`. The prompt numbers the story's central
source sentences and asks for sentences that cite them as [n]. A generated sentence is kept
only when its cited sentences hold its figures, its names and most of its words
(`support.check`); an uncited or unsupported sentence is dropped and reported.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from newsweave.errors import LLMError
from newsweave.model import Article, Dropped, Story, SummarySentence
from newsweave.safejson import loads as safe_loads
from newsweave.summarize.lead import SummaryConfig, summary_candidates
from newsweave.summarize.support import check
from newsweave.text import split_sentences

ENV_URL = "NEWSWEAVE_LLM_URL"
ENV_MODEL = "NEWSWEAVE_LLM_MODEL"
ENV_KEY = "NEWSWEAVE_LLM_KEY"
_CITATION = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_TRAILING = re.compile(r"([.!?])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)")
SYSTEM_PROMPT = (
    "You summarise a news story for a fact-checker. Use only the numbered source sentences. "
    "Write plain declarative sentences. End every sentence with the numbers of the source "
    "sentences that support it, in square brackets, like [2] or [1][4]. Add no fact, figure "
    "or name that the cited sources do not state."
)


@dataclass(frozen=True, slots=True)
class LLMConfig:
    """Where and how to ask for an abstractive summary, and how strictly to check it."""

    url: str  # base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8080
    model: str = "default"
    api_key: str | None = None
    timeout: float = 60.0  # seconds for one request
    max_answer_bytes: int = 1_000_000  # a longer answer is refused (LLMError)
    sources: int = 24  # numbered source sentences in the prompt
    sentences: int = 5  # asked-for summary length
    coverage: float = 0.6  # share of a sentence's content words its cited sources must hold
    temperature: float = 0.0

    @classmethod
    def from_env(cls, url: str | None = None, model: str | None = None) -> LLMConfig | None:
        """The configuration from arguments, else NEWSWEAVE_LLM_URL/_MODEL/_KEY; None when off."""
        url = url or os.environ.get(ENV_URL)
        if not url:
            return None
        return cls(
            url=url,
            model=model or os.environ.get(ENV_MODEL) or "default",
            api_key=os.environ.get(ENV_KEY) or None,
        )


@dataclass(frozen=True, slots=True)
class Source:
    """One numbered source sentence of the prompt."""

    number: int
    text: str
    article: str


def abstractive_summaries(
    stories: Sequence[Story],
    articles: Sequence[Article],
    config: LLMConfig,
    client: Any = None,
) -> tuple[list[Story], list[Dropped]]:
    """Each story with a generated, checked summary (its extractive one kept when none survives)."""
    import httpx

    from newsweave.cluster.offtopic import on_topic_text

    by_id = {a.id: replace(a, text=on_topic_text(a)) if a.offtopic else a for a in articles}
    out, dropped = [], []
    own = client is None
    client = client or httpx.Client(timeout=config.timeout)
    try:
        for story in stories:
            members = [by_id[a] for a in story.articles if a in by_id]
            summary, rejected = abstractive_summary(members, story.duplicates, config, client)
            dropped += rejected
            out.append(replace(story, summary=summary) if summary else story)
    finally:
        if own:
            client.close()
    return out, dropped


def abstractive_summary(
    articles: Sequence[Article],
    copies: Sequence[Sequence[str]],
    config: LLMConfig,
    client: Any,
) -> tuple[list[SummarySentence], list[Dropped]]:
    """Ask the endpoint for a cited summary of one story; keep the sentences the sources back."""
    sources = numbered_sources(articles, copies, config)
    if not sources:
        return [], []
    answer = complete(client, config, prompt(sources, config.sentences))
    return check_answer(answer, sources, config)


def numbered_sources(
    articles: Sequence[Article], copies: Sequence[Sequence[str]], config: LLMConfig
) -> list[Source]:
    """The story's lead sentences of original articles, numbered from 1 for citation."""
    _, candidates = summary_candidates(articles, copies, SummaryConfig(lead=6))
    picked = sorted(candidates, key=lambda c: (c.position, c.article))[: config.sources]
    return [Source(i, c.text, c.article) for i, c in enumerate(picked, start=1)]


def prompt(sources: Sequence[Source], sentences: int) -> str:
    """The user message: the numbered sources and the task."""
    lines = "\n".join(f"[{s.number}] {s.text}" for s in sources)
    return (
        f"Source sentences:\n{lines}\n\n"
        f"Write a summary of at most {sentences} sentences, each ending with its citations."
    )


def complete(client: Any, config: LLMConfig, user: str) -> str:
    """The endpoint's answer to one chat request; LLMError for timeouts, errors and bad JSON."""
    import httpx

    base = config.url.rstrip("/")
    url = f"{base}/chat/completions" if base.endswith("/v1") else f"{base}/v1/chat/completions"
    headers = {"Authorization": f"Bearer {config.api_key}"} if config.api_key else {}
    body = {
        "model": config.model,
        "temperature": config.temperature,
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": user},
        ],
    }
    try:
        with client.stream("POST", url, json=body, headers=headers, timeout=config.timeout) as r:
            status = r.status_code
            raw = _read_capped(r, config.max_answer_bytes)
    except httpx.TimeoutException as exc:
        raise LLMError(
            f"the summary endpoint {url} did not answer in {config.timeout:g} s"
        ) from exc
    except httpx.HTTPError as exc:
        raise LLMError(f"cannot reach the summary endpoint {url}: {exc}") from exc
    if raw is None:
        raise LLMError(
            f"the summary endpoint {url} sent more than {config.max_answer_bytes:,} bytes"
        )
    if status != 200:
        text = raw[:200].decode("utf-8", "replace")
        raise LLMError(f"the summary endpoint {url} answered HTTP {status}: {text}")
    try:
        content = safe_loads(raw)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMError(f"the summary endpoint {url} sent no chat completion JSON") from exc
    if not isinstance(content, str):
        raise LLMError(f"the summary endpoint {url} sent no text in its answer")
    return content


def _read_capped(response: Any, limit: int) -> bytes | None:
    """The decoded body, or None once it passes `limit` bytes (never held whole)."""
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
    return b"".join(parts)


def check_answer(
    answer: str, sources: Sequence[Source], config: LLMConfig
) -> tuple[list[SummarySentence], list[Dropped]]:
    """Split the answer into sentences and keep those their cited sources support."""
    by_number = {s.number: s for s in sources}
    kept: list[SummarySentence] = []
    dropped: list[Dropped] = []
    answer = _TRAILING.sub(r"\2\1", answer)  # "… ended. [2]" -> "… ended [2]."
    for line in answer.splitlines():
        for raw in split_sentences(line.strip().lstrip("-•* ")):
            cited = [int(n) for group in _CITATION.findall(raw) for n in re.split(r"[,;]", group)]
            text = _CITATION.sub("", raw).strip()
            if not text:
                continue
            known = [by_number[n] for n in dict.fromkeys(cited) if n in by_number]
            reason = ""
            if not cited:
                reason = "cites no source"
            elif not known:
                reason = f"cites sources that do not exist: {sorted(set(cited))}"
            else:
                verdict = check(text, " ".join(s.text for s in known), config.coverage)
                reason = verdict.reason
            if reason:
                dropped.append(
                    Dropped(
                        f"generated summary: {text[:120]}", f"unsupported: {reason}", "summarize"
                    )
                )
                continue
            kept.append(
                SummarySentence(
                    text=text, sources=sorted({s.article for s in known}), generated=True
                )
            )
    return kept, dropped
