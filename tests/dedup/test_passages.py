"""The shared-passage measures equal their simple definitions on invented texts.

`passages` finds words, shingles, candidate pairs and shared runs by faster routes than
the plain ones (lower-casing a text once, splitting ASCII lines, sorted postings in an
array, C-level scans); each is checked here against the plain definition it replaces.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.cluster.fixtures import ADS, BRIDGE, BRIDGE_REWRITE, CHOIR

from newsweave.dedup import lineage
from newsweave.dedup.passages import (
    _POST,
    _QUOTED,
    _WORD,
    _line_words,
    candidate_pairs,
    overlap,
    shingle_keys,
    shingles,
    tokens,
)

# pieces of invented text: words in several scripts and cases, joiners standing loose or
# inside words, quotation marks, line ends, and the letters whose lower case is unusual
PIECES = [
    "the ", "Harbour ", "board ", "said ", "ferry ", "Tolvey's ", "well-known ", "don’t ",
    "crossing ", "2,400 ", "x_y ", "--", " - ", "'", "’", "-", "'tis ", "a'-b ", "Ärger ",
    "ÖFFNUNG ", "straße ", "İzmir ", "ıssız ", "ΟΔΟΣ", "Σ ", "ΟΔΟΣ.Α ", "Ǆemal ", "ﬁrst ",
    "\u0307", "“quoted words” ", '"more quoted" ', "«cité» ", "„zitiert“ ", "(@handle) ",
    ". ", ", ", "; ", "\n", "\n\n", "\t", "\x00", "_",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
ASCII_LINES = st.text(alphabet="abXY09 _'-.,;:!?()\t\x00\x7f", max_size=40)


def _blank(match: re.Match[str]) -> str:
    return "\n" * len(match.group())


def plain_tokens(text: str) -> tuple[list[str], list[bool], list[tuple[int, int]]]:
    """Words, prose flags and segments: each line's pattern matches, lower-cased one by one."""
    masked = _POST.sub(_blank, _QUOTED.sub(_blank, text))
    words: list[str] = []
    prose: list[bool] = []
    segments = []
    parts = masked.split("\n")
    for k, part in enumerate(parts):
        if k and (parts[k - 1] or k == 1):
            words.append("")
            prose.append(False)
        raw = _WORD.findall(part)
        if raw:
            segments.append((len(words), len(words) + len(raw)))
            words += [w.lower() for w in raw]
            prose += [w.islower() for w in raw]
    return words, prose, segments


def plain_shingles(words: Sequence[str], segments: list[tuple[int, int]], size: int) -> list[int]:
    """The hash of each run of `size` words inside one segment, in order."""
    return [hash(tuple(words[i : i + size])) for s, e in segments for i in range(s, e - size + 1)]


def plain_candidate_pairs(
    keys: Sequence[Sequence[int]], min_shared: int, max_postings: int
) -> list[tuple[int, int]]:
    """Per shingle, its holders paired all (or as a chain past `max_postings`); pairs counted."""
    holders: dict[int, list[int]] = defaultdict(list)
    for index, found in enumerate(keys):
        for key in sorted(set(found)):
            holders[key].append(index)
    counts: Counter[tuple[int, int]] = Counter()
    for members in holders.values():
        if len(members) > max_postings:
            counts.update(zip(members, members[1:], strict=False))
        else:
            counts.update(combinations(members, 2))
    return sorted(pair for pair, n in counts.items() if n >= min_shared)


def plain_runs(
    words: Sequence[str], segments: list[tuple[int, int]], shared: set[int], size: int
) -> list[tuple[int, int]]:
    """Runs of words inside shared shingles: hits merged while they overlap or touch."""
    hits = [
        i
        for s, e in segments
        for i in range(s, e - size + 1)
        if hash(tuple(words[i : i + size])) in shared
    ]
    runs: list[list[int]] = []
    for i in hits:
        if runs and i <= runs[-1][1]:
            runs[-1][1] = i + size
        else:
            runs.append([i, i + size])
    return [(s, e) for s, e in runs]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_tokens_equal_the_pattern_read_line_by_line(text: str) -> None:
    found = tokens.__wrapped__(text)
    words, prose, segments = plain_tokens(text)
    assert list(found.words) == words
    assert list(found.prose) == prose
    assert list(found.segments) == segments


def test_tokens_keep_the_letters_whose_lower_case_moves_a_word_bound() -> None:
    for text in ("İzmir harbour", "ΟΔΟΣ.Α ΟΔΟΣ", "Ǆemal ÖFFNUNG"):
        assert list(tokens(text).words) == plain_tokens(text)[0]
    assert tokens("İzmir").words == ("i̇zmir",)  # one word, not "i" and "zmir"
    assert tokens("ΟΔΟΣ.Α").words == ("οδος", "α")  # a final sigma where the word ends


@settings(max_examples=600, deadline=None)
@given(ASCII_LINES)
def test_ascii_lines_split_into_the_patterns_words(line: str) -> None:
    assert _line_words(line) == _WORD.findall(line)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_shingle_keys_hash_each_run_of_words_within_a_segment(text: str) -> None:
    words, _, segments = plain_tokens(text)
    for size in (1, 2, 6):
        assert shingle_keys(tokens(text), size) == plain_shingles(words, segments, size)
        assert shingles(tokens(text), size) == set(plain_shingles(words, segments, size))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(st.integers(-4, 30), max_size=25), max_size=12),
    st.integers(1, 4),
    st.integers(1, 6),
)
def test_candidate_pairs_count_shared_shingles_per_pair(
    keys: list[list[int]], min_shared: int, max_postings: int
) -> None:
    expected = plain_candidate_pairs(keys, min_shared, max_postings)
    assert candidate_pairs(keys, min_shared, max_postings) == expected
    assert candidate_pairs([set(k) for k in keys], min_shared, max_postings) == expected


def test_candidate_pairs_of_invented_articles_equal_the_plain_count() -> None:
    texts = [BRIDGE, BRIDGE + "\n" + ADS, BRIDGE_REWRITE, CHOIR, CHOIR + " " + BRIDGE]
    keys = [shingle_keys(tokens(t), 6) for t in texts]
    for min_shared, max_postings in ((1, 50), (3, 50), (3, 2)):
        got = candidate_pairs(keys, min_shared, max_postings)
        assert got == plain_candidate_pairs(keys, min_shared, max_postings)
    assert (0, 1) in candidate_pairs(keys, 3, 50)


@settings(max_examples=200, deadline=None)
@given(TEXTS, TEXTS, st.sampled_from(PIECES))
def test_overlap_runs_and_prose_equal_the_plain_runs(head: str, tail: str, piece: str) -> None:
    a, b = head + piece + tail, tail + piece + head  # sharing runs, in another order
    for size in (1, 3):
        got = overlap(tokens(a), tokens(b), size)
        wa, pa, sa = plain_tokens(a)
        wb, pb, sb = plain_tokens(b)
        shared = set(plain_shingles(wa, sa, size)) & set(plain_shingles(wb, sb, size))
        runs_a, runs_b = plain_runs(wa, sa, shared, size), plain_runs(wb, sb, shared, size)
        assert list(got.runs_a) == runs_a
        assert got.covered_a == sum(e - s for s, e in runs_a) / max(len(wa) - wa.count(""), 1)
        assert got.covered_b == sum(e - s for s, e in runs_b) / max(len(wb) - wb.count(""), 1)
        prose = min(sum(sum(pa[s:e]) for s, e in runs_a), sum(sum(pb[s:e]) for s, e in runs_b))
        assert got.prose == prose
        assert len(got.passages) == len(runs_a)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_a_text_shares_every_segment_with_itself(text: str) -> None:
    words, prose, segments = plain_tokens(text)
    got = overlap(tokens(text), tokens(text), 2)
    shared = set(plain_shingles(words, segments, 2))
    assert list(got.runs_a) == plain_runs(words, segments, shared, 2)
    assert got.prose == sum(sum(prose[s:e]) for s, e in got.runs_a)


def test_first_on_lines_are_found_whatever_the_letters_case() -> None:
    lines = [
        "This story first appeared on harbour-news.example.",
        "It was ORIGINALLY PUBLISHED BY www.tolvey-post.example",
        "fİrst ran in quay.example and orıginally ran at dock.example; firſt appeared on x.example",
        "First of all, the board met on Friday.",
        "",
    ]
    for text in lines:
        expected = frozenset(
            m.lower().rstrip(".").removeprefix("www.") for m in lineage._FIRST_ON.findall(text)
        )
        assert lineage._first_on.__wrapped__(text) == expected
    assert lineage._first_on.__wrapped__(lines[2]) == {"quay.example", "dock.example", "x.example"}
