"""Does a source back a sentence? A lexical, entailment-style check with no model weights.

A sentence is supported by evidence when the evidence holds every figure it states, every
name it mentions, and most of its content words (cut to six letters, so "withdrawal" meets
"withdrawing"). Used to cite every supporting article in the extractive summary and to drop
generated sentences their cited sources do not back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.summarize.dating import keys

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[,.]\d+)*")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]+")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether evidence supports a sentence, how much of it, and why not."""

    supported: bool
    coverage: float
    reason: str = ""


def numbers(text: str) -> set[str]:
    """The figures in `text`, normalised: "2,000" and "2000" are the same figure."""
    found = set()
    for raw in _NUMBER.findall(text):
        value = raw.replace(",", "")
        found.add(value.rstrip("0").rstrip(".") if "." in value else value)
    return found


def names(text: str) -> set[str]:
    """Key words of the capitalised words inside a sentence (its first word left out)."""
    return {k for word in _NAME.findall(text) for k in keys(word)}


def check(sentence: str, evidence: str, coverage: float = 0.6) -> Verdict:
    """Whether `evidence` backs `sentence`: its figures, its names and `coverage` of its words."""
    own = keys(sentence)
    if not own:
        return Verdict(False, 0.0, "no content words to check")
    found = keys(evidence)
    share = len(own & found) / len(own)
    missing_figures = numbers(sentence) - numbers(evidence)
    if missing_figures:
        listed = ", ".join(sorted(missing_figures))
        return Verdict(False, share, f"figure {listed} not in the cited sources")
    missing_names = names(sentence) - found
    if missing_names:
        listed = ", ".join(sorted(missing_names))
        return Verdict(False, share, f"name {listed} not in the cited sources")
    if share < coverage:
        return Verdict(False, share, f"only {share:.0%} of its content words in the cited sources")
    return Verdict(True, share)
