"""JSON from untrusted text: size and nesting depth checked before parsing.

`json.loads` recurses once per nesting level, so `[[[[...` a few thousand deep
raises RecursionError, and what it returns may still be too deep for the code
that walks it. `loads` measures the depth first (strings are skipped, brackets
counted with numpy) and raises `JSONLimitError`, a ValueError, instead.
"""

from __future__ import annotations

import json
import re
from typing import Any

import numpy as np

MAX_DEPTH = 100
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = np.zeros(256, dtype=np.int64)
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


class JSONLimitError(ValueError):
    """JSON nested deeper, or longer, than the caller allows."""


def depth(text: str) -> int:
    """How deeply the arrays and objects of a JSON text nest (0 for a scalar)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text)) if "[" in text or "{" in text else ""
    if not brackets:
        return 0
    steps = _STEP[np.frombuffer(brackets.encode("ascii"), dtype=np.uint8)]
    return max(int(np.cumsum(steps).max()), 0)


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH, max_chars: int | None = None) -> Any:
    """`json.loads`, refusing text over `max_chars` or nested deeper than `max_depth`."""
    if isinstance(text, bytes | bytearray):
        text = text.decode("utf-8", "replace")
    if max_chars is not None and len(text) > max_chars:
        raise JSONLimitError(f"JSON is {len(text):,} characters, over the {max_chars:,} limit")
    found = depth(text)
    if found > max_depth:
        raise JSONLimitError(f"JSON nests {found} levels deep, over the limit of {max_depth}")
    try:
        return json.loads(text)
    except RecursionError:
        raise JSONLimitError(f"JSON nests too deeply (limit {max_depth})") from None
