"""Acceptance: the quote ledger of real briefs holds no title, nickname or scare quote.

Runs `newsweave brief` on each part of ../shared/eval/stories and checks every ledger entry
(and variant): a quote of one to three words is a title or a nickname when it is written in
title case or follows "called", "dubbed", "known as"..., and then it must not be in the ledger.
"""

from __future__ import annotations

import json
import re

import pytest
from tests.conftest import require_shared
from tests.helpers import run

_NAMING = re.compile(
    r"\b(?:called|dubbed|named|nicknamed|known\s+as|so-called|titled|entitled)\s*[“\"‘'«„]?$",
    re.IGNORECASE,
)


def _is_title_or_nickname(text: str, article_text: str) -> bool:
    words = text.split()
    if len(words) > 3:
        return False
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return True
    at = article_text.find(text)
    return at > 0 and bool(_NAMING.search(article_text[max(0, at - 30) : at]))


@pytest.mark.acceptance
@pytest.mark.parametrize("part", ["part1", "part2", "part3"])
def test_no_title_or_nickname_in_the_quote_ledger(part: str) -> None:
    pages = require_shared("eval", "stories", part, "pages.jsonl")
    code, out, _ = run("-q", "brief", str(pages), "--format", "json", "--entities", "lexical")
    assert code == 0
    brief = json.loads(out)
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    quotes = [
        (entry["text"], entry["article"])
        for story in brief["stories"]
        for q in story["quotes"]
        for entry in [q, *q["variants"]]
    ]
    assert quotes
    bad = [t for t, article in quotes if _is_title_or_nickname(t, texts.get(article, ""))]
    assert bad == []
