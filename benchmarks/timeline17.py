"""Timeline17's PTB-tokenised article text back to plain prose, for the benchmarks that read it.

`../shared/eval/timelines/` (Timeline17, research use) stores each article tokenised the Penn
Treebank way ("do n't", `` '' for quotes, -LRB- for "(", a space before punctuation, "#" for
the pound sign). `benchmarks/real_conflicts.py` labels offsets into `detokenise`'s output, so
its result must not change without relabelling that set.
"""

from __future__ import annotations

import re
from pathlib import Path

TIMELINES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "timelines"

_JOIN_LEFT = re.compile(
    r""" (n't|'s|'re|'ve|'m|'ll|'d|'|[,.;:?!%)\]}]|\.\.\.)(?=[\s"]|$)""", re.IGNORECASE
)
_SENTENCE_END = re.compile(r'(?<=[.!?])"? (?=["A-Z])')


def detokenise(text: str) -> str:
    """PTB-tokenised text back to plain text ("do n't" -> "don't", `` '' -> quotes, no space before ",")."""
    text = (
        text.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
    )
    text = text.replace("-LCB-", "{").replace("-RCB-", "}")
    text = re.sub(r"`` ?", '"', text)
    text = re.sub(r" ?''", '"', text)
    text = re.sub(r"([(\[{$#]) ", r"\1", text)
    for _ in range(2):
        text = _JOIN_LEFT.sub(r"\1", text)
    text = re.sub(r"(\d) (?=\.\d)", r"\1", text)  # "7 .5" split by the tokeniser
    text = re.sub(r"(\d) ,(?=\d{3}\b)", r"\1,", text)  # "19 ,000"
    text = re.sub(r"#(?=\s?\d)", "\u00a3", text)  # the tokenised text writes the pound sign as "#"
    text = re.sub(r"([$\u00a3]\d[\d.,]*) (bn|m)\b", r"\1\2", text)  # "$3.5 bn" -> "$3.5bn"
    return re.sub(r"[ \t]+", " ", text).strip()


def sentence_lines(text: str) -> str:
    """Detokenised text with one sentence a line, as paragraphs of a page."""
    return "\n".join(s.strip() for s in _SENTENCE_END.split(text) if s.strip())
