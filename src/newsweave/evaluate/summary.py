"""The brief's summary sentences: cited, and found in the text of an article they cite."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .match import normal


def _contained(sentence: str, texts: list[str]) -> bool:
    """Every piece of `sentence` between ellipses is in one of `texts`."""
    parts = [p.strip(" .") for p in re.split(r"\u2026|\.\.\.", sentence)]
    parts = [p for p in parts if len(p) >= 3] or [sentence]
    return any(all(p in t for p in parts) for t in texts)


def score_summary(brief: dict[str, Any], page_of: dict[str, str], pages_dir: Path | None) -> dict:
    """Summary sentences with at least one cited article, and those whose text (normalised,
    split at ellipses) is in a cited article's brief text or page file (`pages_dir`)."""
    article_text = {
        str(a.get("id")): normal(a.get("text") or "") for a in brief.get("articles", [])
    }
    page_text: dict[str, str] = {}

    def read_page(page: str) -> str:
        if page not in page_text:
            try:
                page_text[page] = (
                    normal((pages_dir / page).read_text(encoding="utf-8")) if pages_dir else ""
                )
            except OSError:
                page_text[page] = ""
        return page_text[page]

    rows = []
    for story in brief.get("stories", []):
        for sentence in story.get("summary") or []:
            cited = [str(i) for i in sentence.get("sources") or []]
            texts = [article_text.get(i, "") for i in cited]
            texts += [read_page(page_of[i]) for i in cited if i in page_of]
            text = normal(sentence.get("text") or "")
            supported = bool(cited) and bool(text) and _contained(text, [t for t in texts if t])
            rows.append(
                {
                    "brief_story": story.get("id"),
                    "text": sentence.get("text"),
                    "cited": len(cited),
                    "supported": supported,
                    "generated": sentence.get("generated"),
                }
            )
    n = len(rows)
    cited_n = sum(1 for r in rows if r["cited"])
    supported_n = sum(1 for r in rows if r["supported"])
    return {
        "sentences": n,
        "cited": cited_n,
        "supported": supported_n,
        "cited_share": cited_n / n if n else 0.0,
        "supported_share": supported_n / n if n else 0.0,
        "rows": rows,
    }
