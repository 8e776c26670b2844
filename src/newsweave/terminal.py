"""Text bound for a terminal: control characters from pages shown, never obeyed.

A page title or a file name can carry escape sequences (ESC, the 8-bit CSI
U+009B, carriage returns, bidi overrides) that recolour, rewrite or hide what
the terminal shows. Every page-derived string the CLI prints passes through
`terminal_safe` (visible `\\x1b` escapes) or, for JSON, `json_safe` (`\\u001b`).
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """`text` with control characters written out as `\\xNN` or `\\uNNNN`."""
    return _CONTROL.sub(_visible, text)


def json_safe(text: str) -> str:
    """JSON text with the control characters json.dumps leaves raw escaped as `\\uNNNN`."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_line(data: Any) -> str:
    """`data` as one line of JSON (non-ASCII kept) that is safe to print."""
    return json_safe(json.dumps(data, ensure_ascii=False))


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"
