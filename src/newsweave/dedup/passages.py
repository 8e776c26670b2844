"""Shared passages: the word runs two articles have in common outside quotations.

Copying shows in the prose a writer wraps around facts, not in whom they quote: two
independent reports of one press conference repeat the same quotes and names. So:

- quoted speech ("...", “...”, «...», „...“) and embedded social posts are masked, and no
  run crosses a mask, a paragraph or a sentence gap;
- a token is *prose* when the text writes it in lower case (not a name, not a number);
  shared prose is the measure of copying, shared names and figures are not.

`candidate_pairs` finds the pairs worth comparing from postings of word shingles (each
shingle lists the articles that contain it), so a story of n articles is not compared
n * n times; very common shingles (set phrases) are left out of the postings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.text import STOP_WORDS, stem

# quoted speech; an unclosed quote runs to the end of its paragraph at most
_QUOTED = re.compile(
    r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)|«[^»\n]*(?:»|$)|„[^“”\n]*(?:[“”]|$)", re.M
)
# an embedded post: "... — Name (@handle) March 26, 2024" or a pic.twitter.com link
_POST = re.compile(
    r"^.*(?:\(@\w+\)\s+\w+ \d{1,2}, \d{4}|pic\.twitter\.com/\S+|https?://t\.co/\S+).*$", re.M
)
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|\n")


@dataclass(frozen=True, slots=True)
class Tokens:
    """An article's unquoted words, lower-cased, with which of them are prose."""

    words: tuple[str, ...]
    prose: tuple[bool, ...]  # written in lower case in the text (not a name, not a number)
    spans: tuple[tuple[int, int], ...]  # each word's character offsets in `text`
    text: str

    def passage(self, start: int, end: int) -> str:
        """The text of words start..end-1 as written (punctuation kept, spaces collapsed)."""
        return " ".join(self.text[self.spans[start][0] : self.spans[end - 1][1]].split())


def tokens(text: str) -> Tokens:
    """The words of `text` outside quotations and embedded posts; masks become breaks."""
    masked = _POST.sub(_blank, _QUOTED.sub(_blank, text))  # same length: offsets hold
    words: list[str] = []
    prose: list[bool] = []
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(masked):
        token = match.group()
        if token == "\n":
            if words and not words[-1].startswith("\x00"):
                words.append(f"\x00{match.start()}")  # unique: no shingle spans a break
                prose.append(False)
                spans.append(match.span())
            continue
        words.append(token.lower())
        prose.append(token.islower())
        spans.append(match.span())
    return Tokens(tuple(words), tuple(prose), tuple(spans), text)


def _blank(match: re.Match[str]) -> str:
    return "\n" * len(match.group())


def shingles(words: Sequence[str], size: int) -> list[int]:
    """Hashes of every run of `size` words that crosses no break, in text order."""
    return [
        hash(words[i : i + size])  # type: ignore[arg-type]
        for i in range(len(words) - size + 1)
        if not any(w.startswith("\x00") for w in words[i : i + size])
    ]


def candidate_pairs(
    shingle_sets: Sequence[set[int]], min_shared: int, max_postings: int
) -> list[tuple[int, int]]:
    """Index pairs (i < j) that share at least `min_shared` shingles, from shingle postings.

    A shingle found in more than `max_postings` articles is a set phrase and is skipped,
    which bounds the work per shingle; the result is sorted.
    """
    postings: dict[int, list[int]] = {}
    for index, found in enumerate(shingle_sets):
        for key in found:
            postings.setdefault(key, []).append(index)
    counts: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if 1 < len(members) <= max_postings:
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    counts[(i, j)] += 1
    return sorted(pair for pair, n in counts.items() if n >= min_shared)


@dataclass(frozen=True, slots=True)
class Overlap:
    """What two articles' unquoted words share: coverage, shared prose and the passages."""

    covered_a: float  # share of a's words inside shared runs
    covered_b: float
    prose: int  # prose words inside shared runs (the smaller count of the two sides)
    starts_a: float  # where the shared runs begin and end in each text, as shares of its length
    ends_a: float
    starts_b: float
    ends_b: float
    passages: tuple[str, ...]  # the shared runs as a's words, longest first


def overlap(a: Tokens, b: Tokens, size: int) -> Overlap:
    """The runs of at least `size` words that `a` and `b` share (quotations masked)."""
    mask_a, mask_b = _covered(a.words, b.words, size), _covered(b.words, a.words, size)
    runs = _runs(mask_a)
    passages = sorted((a.passage(s, e) for s, e in runs), key=len, reverse=True)
    span_a, span_b = _span(mask_a), _span(mask_b)
    return Overlap(
        covered_a=sum(mask_a) / max(_length(a.words), 1),
        covered_b=sum(mask_b) / max(_length(b.words), 1),
        prose=min(
            sum(p for p, m in zip(a.prose, mask_a, strict=True) if m),
            sum(p for p, m in zip(b.prose, mask_b, strict=True) if m),
        ),
        starts_a=span_a[0],
        ends_a=span_a[1],
        starts_b=span_b[0],
        ends_b=span_b[1],
        passages=tuple(passages),
    )


def prose_words(text: str) -> list[str]:
    """The stemmed prose content words of `text` outside quotations, in order."""
    found = tokens(text)
    return [
        stem(w) for w, p in zip(found.words, found.prose, strict=True) if p and w not in STOP_WORDS
    ]


def ordered_overlap(a: Sequence[str], b: Sequence[str]) -> int:
    """The longest common subsequence of two word lists: overlap that keeps word order."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _covered(words: Sequence[str], other: Sequence[str], size: int) -> list[bool]:
    theirs = set(shingles(other, size))
    mask = [False] * len(words)
    for i in range(len(words) - size + 1):
        window = words[i : i + size]
        if hash(window) in theirs and not any(w.startswith("\x00") for w in window):  # type: ignore[arg-type]
            mask[i : i + size] = [True] * size
    return mask


def _runs(mask: Sequence[bool]) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, on in enumerate([*mask, False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _span(mask: Sequence[bool]) -> tuple[float, float]:
    hits = [i for i, on in enumerate(mask) if on]
    if not hits:
        return 1.0, 0.0
    return hits[0] / len(mask), (hits[-1] + 1) / len(mask)


def _length(words: Sequence[str]) -> int:
    return sum(not w.startswith("\x00") for w in words)
