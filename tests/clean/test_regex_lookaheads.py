"""The cleaner's regexes that start with a first-letter lookahead find what they did without it.

The lookaheads (`\\b(?=[...])` before an alternation of words) only make searching faster; a
missing letter would silently lose matches, so each pattern is compared with the pattern
without its lookahead on random texts full of the words, their case variants and the
characters that case-insensitive matching treats specially (long s, the Kelvin sign, dotted
and dotless i, digits of other scripts).
"""

from __future__ import annotations

import random
import re

import pytest

from newsweave.clean import dates, features
from newsweave.clean import text as clean_text
from newsweave.text import MONTH_PATTERN

WORDS = [
    *MONTH_PATTERN.split("|"),
    *[
        "said",
        "says",
        "wrote",
        "writes",
        "dice",
        "disse",
        "schrieb",
        "écrit",
        "posted",
        "by",
        "permalink",
        "trackback",
    ],
    *[
        "min",
        "minute",
        "minutes",
        "hours",
        "hrs",
        "days",
        "weeks",
        "months",
        "years",
        "ago",
        "at",
        "um",
        "às",
        "à",
        "las",
        "reply",
    ],
    *[
        "responder",
        "antworten",
        "répondre",
        "vote",
        "votes",
        "like",
        "likes",
        "first",
        "published",
        "publié",
    ],
    *[
        "publicado",
        "veröffentlicht",
        "erschienen",
        "updated",
        "modified",
        "mis",
        "jour",
        "aktualisiert",
        "last",
    ],
    *[
        "of",
        "de",
        "on",
        "le",
        "el",
        "am",
        "pm",
        "a.m",
        "p.m",
        "st",
        "nd",
        "rd",
        "th",
        "er",
        "today",
        "tonight",
        "this",
        "morning",
    ],
    "10:30",
    "9:05:12",
    "2023",
    "1999",
    "17",
    "5",
    "٣",
    "x",
    "Brindle",
]
PHRASES = [
    "{m} 5, 2023",
    "{m}. 17 2021",
    "{m} 2020",
    "{m} of 1999",
    "{m} de 2019",
    "said:",
    "wrote...",
    "3 days ago",
    "at 10:30",
    "a las 9:05",
    "10:30 pm",
    "Published on",
    "first posted",
    "Last updated",
    "mis à jour",
    "Posted by",
    "Reply",
    "2 votes",
    "likes",
    "By Ann Lee",
    "written by",
    "von",
    "Par",
    "5 min read",
    "3-minute read",
    "via Reuters",
    "/ Handout",
    "/getty",
    "In this May 5, 2023, photo",
    "this file photograph",
    "(AP Photo/Ann Lee)",
    "(File photo)",
    "(Image: GETTY)",
    "Photo: ",
]
ODD = ["ſ", "K", "İ", "ı", "À", "É", "ß", "ﬅ", "_", "٣"]
GAPS = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", ", ", ": ", "...", "…", ". ", "-", "/", ""]


def _word(rng: random.Random) -> str:
    if rng.random() < 0.3:
        word = rng.choice(PHRASES).format(m=rng.choice(MONTH_PATTERN.split("|")))
    else:
        word = rng.choice(WORDS)
    roll = rng.random()
    if roll < 0.25:
        word = word.upper()
    elif roll < 0.5:
        word = word.capitalize()
    if rng.random() < 0.2 and word:  # a special character in place of one letter
        at = rng.randrange(len(word))
        word = word[:at] + rng.choice(ODD) + word[at + 1 :]
    return word


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(_word(rng) + rng.choice(GAPS) for _ in range(rng.randrange(1, 14)))
        for _ in range(count)
    ]


def _without(pattern: re.Pattern[str], lookahead: str) -> re.Pattern[str]:
    assert lookahead in pattern.pattern
    return re.compile(pattern.pattern.replace(lookahead, "", 1), pattern.flags)


CASES = [
    (dates.MDY, dates._MON_AHEAD),
    (dates.MY, dates._MON_AHEAD),
    (dates._PUBLISHED, "(?=[fpve])"),
    (dates._UPDATED, "(?=[luma])"),
    (features._COMMENT_HEAD, r"\b(?=[sdwaptuvlrà\d])"),
    (clean_text.CAPTION, "(?=[itp(])"),
    (clean_text._NOT_A_HEADLINE, r"(?=[bwvp\d/])"),
]


@pytest.mark.parametrize("pattern,lookahead", CASES, ids=lambda c: getattr(c, "pattern", c)[:20])
def test_a_lookahead_changes_no_match(pattern: re.Pattern[str], lookahead: str) -> None:
    plain = _without(pattern, lookahead)
    texts = _texts(len(lookahead), 4000)
    hits = 0
    for text in texts:
        got = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], text
        hits += bool(got)
    assert hits > 100  # the texts do exercise the pattern


def test_the_comment_head_pattern_is_its_forms_behind_the_lookahead() -> None:
    assert features._COMMENT_HEAD.pattern.endswith(f"(?:{features.COMMENT_HEAD_FORMS})")
    old = re.compile(f"(?im)(?:{features.COMMENT_HEAD_FORMS})")
    for text in _texts(7, 3000):
        assert [m.start() for m in features._COMMENT_HEAD.finditer(text)] == [
            m.start() for m in old.finditer(text)
        ], text
