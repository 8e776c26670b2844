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
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations, compress
from operator import sub

import numpy as np

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
_QUOTE_MARKS = ("“", '"', "«", "„")  # what each quotation `_QUOTED` finds opens with
_POST_MARKS = ("(@", "pic.twitter.com/", "://t.co/")  # one of these is in every post `_POST` finds
_LETTER = re.compile(r"[^\W_]")  # what a word starts and ends with
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# `_WORD` in ASCII text, where a letter or digit is [A-Za-z0-9] (possessive: no backtracking)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]++(?:['-][A-Za-z0-9]++)*+")
_JOINERS = "'-"  # the ASCII characters that join two runs of letters and digits into one word
# a byte table keeping ASCII letters, digits and joiners, and making every other byte a space
_ASCII_SPACED = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) in _JOINERS) else 32 for c in range(256)
)
_LOOSE_JOINERS = tuple(f"{x}{y}" for x in " " + _JOINERS for y in _JOINERS) + tuple(
    f"{x} " for x in _JOINERS
)  # a joiner next to a space or to another joiner
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
    segments: tuple[tuple[int, int], ...]  # the runs of words between breaks, [start, end)
    text: str
    places: tuple[tuple[int, int], ...] = ()  # each segment's [start, end) in `text`
    masked: str = ""  # `text` with its quotations blanked out (same length)

    @property
    def prose(self) -> tuple[bool, ...]:
        """Per word, whether the text writes it in lower case (not a name, not a number).

        Read from the text when first asked for (remembered for the last 512 texts): only
        the texts of a candidate pair or a rewrite comparison need it.
        """
        return _prose(self.text)

    @property
    def length(self) -> int:
        """How many words (breaks not counted)."""
        return sum(end - start for start, end in self.segments)

    def passages(self, runs: list[tuple[int, int]]) -> list[str]:
        """The text of each run of words [start, end) as written (spaces collapsed)."""
        text, masked = self.text, ""
        firsts = [start for start, _ in self.segments]
        found = []
        for start, end in runs:  # a run lies inside one segment
            k = bisect_right(firsts, start) - 1
            begin, stop = self.places[k]
            if (start, end) == self.segments[k]:  # all of it: from its first letter to its last
                begin = _LETTER.search(text, begin, stop).start()  # type: ignore[union-attr]
                while not _LETTER.match(text, stop - 1):
                    stop -= 1
            else:  # read the segment's words again
                masked = masked or self.masked or _masked(text)
                spans = [m.span() for m in _WORD.finditer(masked, begin, stop)]
                begin, stop = spans[start - firsts[k]][0], spans[end - 1 - firsts[k]][1]
            found.append(" ".join(text[begin:stop].split()))
        return found


@lru_cache(maxsize=512)
def tokens(text: str) -> Tokens:
    """The words of `text` outside quotations and embedded posts; masks become breaks.

    Remembered for the last 512 texts: the copy, rewrite, translation and wire passes of a
    story each read its articles' words.
    """
    masked = _masked(text)
    # Lower-casing the whole text first gives the same words, already lower-cased: every
    # character but two lower-cases to one character of its own kind (letter or digit,
    # joiner, other), so the words' bounds do not move. The two: "İ" lower-cases to two
    # characters, and "Σ" to "σ" or "ς" by what follows it (which may lie past the word).
    folded = "İ" not in masked and "Σ" not in masked
    words: list[str] = []
    segments, places = [], []
    at = 0
    parts = (masked.lower() if folded else masked).split("\n")
    for k, part in enumerate(parts):
        if k and (parts[k - 1] or k == 1):  # a run of line ends is one break
            words.append("")
        if part and (raw := _line_words(part)):
            segments.append((len(words), len(words) + len(raw)))
            places.append((at, at + len(part)))
            words.extend(raw if folded else map(str.lower, raw))
        at += len(part) + 1
    return Tokens(tuple(words), tuple(segments), text, tuple(places), masked)


@lru_cache(maxsize=512)
def _prose(text: str) -> tuple[bool, ...]:
    """`Tokens.prose` of `text`: per word (False per break), whether it is written in lower case."""
    found = tokens(text)
    masked = found.masked or _masked(text)
    flags = [False] * len(found.words)
    for (start, end), (begin, stop) in zip(found.segments, found.places, strict=True):
        flags[start:end] = map(str.islower, _line_words(masked[begin:stop]))
    return tuple(flags)


def _line_words(line: str) -> list[str]:
    """The words of one line as written: `_WORD`'s matches, found faster in ASCII.

    In an ASCII line with every other character but letters, digits and joiners made a
    space, the words are the runs between spaces, as long as no joiner stands loose (next
    to a space, another joiner or an end of the line); else `_ASCII_WORD` finds them.
    """
    if not line.isascii():
        return _WORD.findall(line)
    spaced = line.encode().translate(_ASCII_SPACED).decode()
    if ("'" in spaced or "-" in spaced) and (
        spaced[0] in _JOINERS
        or spaced[-1] in _JOINERS
        or any(pair in spaced for pair in _LOOSE_JOINERS)
    ):
        return _ASCII_WORD.findall(line)
    return spaced.split()


def _masked(text: str) -> str:
    """`text` with quotations and embedded posts blanked out (same length: offsets hold)."""
    if any(mark in text for mark in _QUOTE_MARKS):  # each quotation opens with one of these
        text = _QUOTED.sub(_blank, text)
    if any(mark in text for mark in _POST_MARKS):  # the post pattern is slow to search for
        text = _POST.sub(_blank, text)
    return text


def _blank(match: re.Match[str]) -> str:
    return "\n" * len(match.group())


def shingle_keys(found: Tokens, size: int) -> list[int]:
    """The hash of every run of `size` words that crosses no break, in text order."""
    words = found.words
    keys: list[int] = []
    for start, end in found.segments:
        keys.extend(map(hash, zip(*(words[start + k : end] for k in range(size)), strict=False)))
    return keys


def shingle_starts(found: Tokens, size: int) -> list[int]:
    """Where each of `shingle_keys` begins: the index of its first word."""
    return list(chain.from_iterable(range(s, e - size + 1) for s, e in found.segments))


def shingles(found: Tokens, size: int) -> set[int]:
    """The hashes of every run of `size` words that crosses no break."""
    return set(shingle_keys(found, size))


def candidate_pairs(
    shingle_keys: Sequence[Collection[int]], min_shared: int, max_postings: int
) -> list[tuple[int, int]]:
    """Index pairs (i < j) that share at least `min_shared` shingles, from shingle postings.

    `shingle_keys` holds each article's shingles (repeats count once). A shingle in at most
    `max_postings` articles pairs them all; one in more (a set phrase, or a wire story run
    everywhere) only pairs each article with the next that has it, so the work per
    shingle stays linear and a widely copied text still links up as a chain. The result
    is sorted.
    """
    sizes = [len(keys) for keys in shingle_keys]
    total, n = sum(sizes), len(sizes)
    if not total:
        return []
    # the postings, as runs of one shingle in all (shingle, holder) entries sorted by shingle
    keys = np.fromiter(chain.from_iterable(shingle_keys), np.int64, total)
    holders = np.repeat(np.arange(n, dtype=np.int64), sizes)
    order = np.argsort(keys)
    keys, holders = keys[order], holders[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    runs = np.diff(starts, append=total)
    # a run of two (most shared shingles) pairs its two holders, unless they are one article
    two = starts[runs == 2]
    low = np.minimum(holders[two], holders[two + 1])
    high = np.maximum(holders[two], holders[two + 1])
    apart = low != high
    codes, shared = np.unique(low[apart] * n + high[apart], return_counts=True)  # pair i*n+j
    counts = dict(zip(codes.tolist(), shared.tolist(), strict=True))
    # longer runs are mostly held by the same few: count each set of holders once
    more = runs > 2
    held = holders.tolist() if more.any() else []
    lists = Counter(
        frozenset(held[start : start + run])
        for start, run in zip(starts[more].tolist(), runs[more].tolist(), strict=True)
    )
    for members, many in lists.items():
        ordered = sorted(members)
        if len(ordered) > max_postings:
            pairs: Iterable[tuple[int, int]] = zip(ordered, ordered[1:], strict=False)
        else:
            pairs = combinations(ordered, 2)
        for i, j in pairs:
            counts[i * n + j] = counts.get(i * n + j, 0) + many
    return sorted(divmod(code, n) for code, many in counts.items() if many >= min_shared)


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
    runs_a: tuple[tuple[int, int], ...]  # the shared runs of words [start, end) in a
    source_a: Tokens  # a's words, which the passages are read from

    @property
    def passages(self) -> tuple[str, ...]:
        """The shared runs as a's text has them, longest first (read when asked for)."""
        return tuple(sorted(self.source_a.passages(list(self.runs_a)), key=len, reverse=True))


def overlap(
    a: Tokens,
    b: Tokens,
    size: int,
    keys_a: list[int] | None = None,
    keys_b: list[int] | None = None,
    shared: set[int] | None = None,
) -> Overlap:
    """The runs of at least `size` words that `a` and `b` share (quotations masked).

    `keys_a` and `keys_b` are the texts' `shingle_keys`, and `shared` the shingles they
    have in common, when the caller has them already.
    """
    keys_a = shingle_keys(a, size) if keys_a is None else keys_a
    keys_b = shingle_keys(b, size) if keys_b is None else keys_b
    if shared is None:
        shared = set(keys_a).intersection(keys_b)
    runs_a, runs_b = _covered(a, keys_a, shared, size), _covered(b, keys_b, shared, size)
    return Overlap(
        covered_a=sum(e - s for s, e in runs_a) / max(a.length, 1),
        covered_b=sum(e - s for s, e in runs_b) / max(b.length, 1),
        prose=min(_prose_in(a, runs_a), _prose_in(b, runs_b)),
        starts_a=runs_a[0][0] / len(a.words) if runs_a else 1.0,
        ends_a=runs_a[-1][1] / len(a.words) if runs_a else 0.0,
        starts_b=runs_b[0][0] / len(b.words) if runs_b else 1.0,
        ends_b=runs_b[-1][1] / len(b.words) if runs_b else 0.0,
        runs_a=tuple(runs_a),
        source_a=a,
    )


def _prose_in(found: Tokens, runs: list[tuple[int, int]]) -> int:
    """How many of the words in `runs` are prose."""
    if not runs:
        return 0
    prose = found.prose
    return sum(sum(prose[start:end]) for start, end in runs)


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


def _covered(found: Tokens, keys: list[int], shared: set[int], size: int) -> list[tuple[int, int]]:
    """The runs [start, end) of words inside the shingles in `shared`, in text order
    (`keys`: the text's `shingle_keys`)."""
    if shared.issuperset(keys):  # all shared (a verbatim copy): every segment with a shingle
        return [(start, end) for start, end in found.segments if end - start >= size]
    hits = list(compress(shingle_starts(found, size), map(shared.__contains__, keys)))
    if not hits:
        return []
    # a gap: the next shingle in `shared` begins past the end of the one before (segments
    # are apart by a break, so a run never crosses one)
    gaps = compress(range(1, len(hits)), map(size.__lt__, map(sub, hits[1:], hits)))
    bounds = [0, *gaps, len(hits)]
    return [(hits[b], hits[e - 1] + size) for b, e in zip(bounds, bounds[1:], strict=False)]
