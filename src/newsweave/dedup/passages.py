"""Shared passages: the word runs two articles have in common outside quotations.

Copying shows in the prose a writer wraps around facts, not in whom they quote: two
independent reports of one press conference repeat the same quotes and names. So:

- quoted speech ("...", “...”, «...», „...“) and embedded social posts are masked, and no
  run crosses a mask, a paragraph or a sentence gap;
- a token is *prose* when the text writes it in lower case (not a name, not a number);
  shared prose is the measure of copying, shared names and figures are not.

A translation shares neither prose nor stop words with its original, only what no
translator changes: figures and names. `anchors` lists those in text order, for
`lineage`'s translation measure.

`candidate_pairs` finds the pairs worth comparing from postings of word shingles (each
shingle lists the articles that contain it), so a story of n articles is not compared
n * n times; a very common shingle only links each article to the next one that has it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsweave.extract.names import fold
from newsweave.text import MONTH_PATTERN, WEEKDAY_PATTERN, stem, stop_words

# quoted speech; an unclosed quote runs to the end of its paragraph at most
_QUOTED = re.compile(
    r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)|«[^»\n]*(?:»|$)|„[^“”\n]*(?:[“”]|$)", re.M
)
# an embedded post: "... — Name (@handle) March 26, 2024" or a pic.twitter.com link
_POST = re.compile(
    r"^.*(?:\(@\w+\)\s+\w+ \d{1,2}, \d{4}|pic\.twitter\.com/\S+|https?://t\.co/\S+).*$", re.M
)
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|\n+")
# a number (its thousands written "3,200", "3.200" or "3 200" alike), or a run of letters
_ANCHOR = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+(?!\d)|\d+|[^\W\d_]+")
_CALENDAR = re.compile(rf"(?:{MONTH_PATTERN}|{WEEKDAY_PATTERN})", re.I)  # translated, not kept
# what may stand between a sentence's end and its first word
_OPENERS = " \t\"“‘'(«„[-–—"
# languages that capitalise every noun: their capitalised words are not all names
NOUN_CAPITALS = frozenset(["de", "lb"])


@dataclass(frozen=True, slots=True)
class Tokens:
    """An article's unquoted words, lower-cased, with which of them are prose."""

    words: tuple[str, ...]  # "" marks a break: a mask, a paragraph end
    prose: tuple[bool, ...]  # written in lower case in the text (not a name, not a number)
    segments: tuple[tuple[int, int], ...]  # the runs of words between breaks, [start, end)
    text: str

    @property
    def length(self) -> int:
        """How many words (breaks not counted)."""
        return sum(end - start for start, end in self.segments)

    def passages(self, runs: list[tuple[int, int]]) -> list[str]:
        """The text of each run of words [start, end) as written (spaces collapsed)."""
        spans = [m.span() for m in _TOKEN.finditer(_masked(self.text))] if runs else []
        return [" ".join(self.text[spans[s][0] : spans[e - 1][1]].split()) for s, e in runs]


def tokens(text: str) -> Tokens:
    """The words of `text` outside quotations and embedded posts; masks become breaks."""
    raw = _TOKEN.findall(_masked(text))
    words = tuple("" if t[0] == "\n" else t.lower() for t in raw)
    segments, start = [], 0
    for i, word in enumerate((*words, "")):
        if not word:
            if i > start:
                segments.append((start, i))
            start = i + 1
    return Tokens(words, tuple(t.islower() for t in raw), tuple(segments), text)


def _masked(text: str) -> str:
    """`text` with quotations and embedded posts blanked out (same length: offsets hold)."""
    return _POST.sub(_blank, _QUOTED.sub(_blank, text))


def _blank(match: re.Match[str]) -> str:
    return "\n" * len(match.group())


def shingle_positions(found: Tokens, size: int) -> list[tuple[int, int]]:
    """(start, hash) of every run of `size` words that crosses no break, in text order."""
    words = found.words
    return [
        (i, hash(words[i : i + size]))
        for start, end in found.segments
        for i in range(start, end - size + 1)
    ]


def shingles(found: Tokens, size: int) -> set[int]:
    """The hashes of every run of `size` words that crosses no break."""
    return {key for _, key in shingle_positions(found, size)}


def candidate_pairs(
    shingle_sets: Sequence[set[int]], min_shared: int, max_postings: int
) -> list[tuple[int, int]]:
    """Index pairs (i < j) that share at least `min_shared` shingles, from shingle postings.

    A shingle in at most `max_postings` articles pairs them all; one in more (a set phrase,
    or a wire story run everywhere) only pairs each article with the next that has it, so
    the work per shingle stays linear and a widely copied text still links up as a chain.
    The result is sorted.
    """
    postings: dict[int, list[int]] = {}
    for index, found in enumerate(shingle_sets):
        for key in found:
            postings.setdefault(key, []).append(index)
    counts: Counter[tuple[int, int]] = Counter()
    for members in postings.values():
        if len(members) > max_postings:
            counts.update(zip(members, members[1:], strict=False))
        elif len(members) > 1:
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


def overlap(
    a: Tokens,
    b: Tokens,
    size: int,
    at_a: list[tuple[int, int]] | None = None,
    at_b: list[tuple[int, int]] | None = None,
) -> Overlap:
    """The runs of at least `size` words that `a` and `b` share (quotations masked).

    `at_a` and `at_b` are the texts' `shingle_positions`, when the caller has them already.
    """
    at_a = shingle_positions(a, size) if at_a is None else at_a
    at_b = shingle_positions(b, size) if at_b is None else at_b
    mask_a = _covered(len(a.words), at_a, {key for _, key in at_b}, size)
    mask_b = _covered(len(b.words), at_b, {key for _, key in at_a}, size)
    passages = sorted(a.passages(_runs(mask_a)), key=len, reverse=True)
    span_a, span_b = _span(mask_a), _span(mask_b)
    return Overlap(
        covered_a=sum(mask_a) / max(a.length, 1),
        covered_b=sum(mask_b) / max(b.length, 1),
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


def prose_words(text: str, language: str = "en") -> list[str]:
    """The stemmed prose content words of `text` outside quotations, in order.

    Content words are the prose words not in `language`'s stop words (`text.stop_words`),
    and in a language that capitalises its nouns (German) its capitalised words too;
    an elided function word is cut off its word ("l'accord", "dell'anno" -> "accord", "anno").
    """
    stops = stop_words(language)
    nouns = language in NOUN_CAPITALS  # capitalised words are mostly nouns, not names: keep them
    found = tokens(text)
    content = []
    for word, prose in zip(found.words, found.prose, strict=True):
        if not (prose or (nouns and word.isalpha())):
            continue
        head, mark, tail = word.replace("’", "'").partition("'")
        if mark and len(tail) > 1 and (head in stops or head + mark in stops):
            word = tail
        if word not in stops:
            content.append(stem(word))
    return content


def anchors(text: str, language: str | None = None) -> list[str]:
    """The figures and names of `text` outside quotations, in order: what a translation keeps.

    An anchor is a number, digits only ("17,000", "17.000", "17 000" and "17000" alike; a
    decimal "2.3" or "2,3" gives "2", "3"), or a word
    written with a capital inside a sentence (a name), folded to lower case without
    accents; a sentence's first word counts when the text also capitalises it inside a
    sentence. Stop words (English and `language`'s) and month and weekday names (which
    translation changes) are left out.
    """
    stops = stop_words("en") | stop_words(language)
    masked = _masked(text)
    found: list[tuple[str, bool]] = []  # (anchor, starts a sentence)
    for match in _ANCHOR.finditer(masked):
        word = match.group()
        if word[0].isdigit():
            found.append(("".join(c for c in word if c.isdigit()), False))
            continue
        if not word[0].isupper() or len(word) < 2 or _CALENDAR.fullmatch(word):
            continue
        key = fold(word)
        if key in stops:
            continue
        before = masked[max(0, match.start() - 12) : match.start()].rstrip(_OPENERS)
        found.append((key, not before or before[-1] in ".!?:;\n"))
    inside = {key for key, first in found if not first}
    return [key for key, first in found if not first or key in inside]


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


def _covered(
    length: int, positions: list[tuple[int, int]], theirs: set[int], size: int
) -> list[bool]:
    mask = [False] * length
    for i, key in positions:
        if key in theirs:
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
