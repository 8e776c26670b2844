"""Per-line features of a flattened page, computed in plain Python for speed."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

BULLETS = ("•", "·", "◦", "▪", "* ", "- ", "– ")
_WORD = re.compile(r"\w+")
# boilerplate vocabulary, matched as single words or word pairs (faster than one big regex)
_BOILER_WORDS_TEXT = """
subscribe subscribers newsletter newsletters cookie cookies privacy copyright
advertisement advertising advertise sponsored comments comment menu search trending
recommended login signup unsubscribe download app share tweet facebook twitter instagram
linkedin whatsapp pinterest youtube email print previous next photo image credit getty
shutterstock related popular latest tags tag editor's editors pick disclaimer contact
careers skip navigation account register password gallery watch listen podcast
"""
_BOILER_WORDS = frozenset(_BOILER_WORDS_TEXT.split())
_BOILER_PAIRS = frozenset(
    tuple(p.split())
    for p in """sign in|sign up|log in|terms of|rights reserved|follow us|read more|more stories|
    more news|you may|may also|also like|most read|most popular|popular now|skip to|click here|
    email address|opt out|load more|back to|see also|top stories|weekly best|must reads|
    quick access|direct access|main content|exit mobile|mobile version|all rights|related stories|
    related articles|next article|read next|more from|leave a|about the""".replace("\n", "").split(
        "|"
    )
)
# lines that open a comment thread or a list of other stories
_MARKER_WORDS_TEXT = """
comments comment replies reply responses response related tags tag ago recommended
thoughts
"""
_MARKER_WORDS = frozenset(_MARKER_WORDS_TEXT.split())
_MARKER_PAIRS = frozenset(
    tuple(p.split())
    for p in """you might|you may|more from|read next|leave a|about the|other news|more news|
    latest news|top stories|more stories|related stories|latest stories|other stories""".replace(
        "\n", ""
    ).split("|")
)
_LINK_ENDS = ("»", "›", "...", "…", "|")


def _has(lw: list[str], words: frozenset[str], pairs: frozenset[tuple[str, ...]]) -> bool:
    if not words.isdisjoint(lw):
        return True
    return any((a, b) in pairs for a, b in zip(lw, lw[1:], strict=False))


def _linky(text: str, low: str) -> bool:
    return (
        text.endswith(_LINK_ENDS)
        or "read more" in low
        or "http" in low
        or "www." in low
        or "@" in text
    )


_CAP = re.compile(r"\b[A-Z]")
_DIGIT = re.compile(r"\b\d")
_END_PUNCT = frozenset(".!?\"”’')")
_STOP_TEXT = """
a about after all also an and are as at be been but by can could did do for from had has
have he her his how i if in into is it its more most my no not of on one or our out said
say says she so than that the their them then there these they this to up was we were
what when which who will with would you your de la le les des et en du un une el los las
y por con para del que der die das und ist nicht mit den von zu il di che per non è em
os as um uma no na
"""
STOP = frozenset(_STOP_TEXT.split())

_NAMES_TEXT = """
bias log_words long20 short3 bullet indent end_punct colon_end stop_ratio cap_ratio
digit_ratio boiler linky dup_page rel_pos in_main dist_main topic_sim prev_words next_words
win_long win_bullet title_like commas quote marker markers_before gap_main
"""
NAMES = _NAMES_TEXT.split()


@dataclass(slots=True)
class Line:
    """One non-blank input line with the cheap facts the scorer and rules need."""

    index: int  # position in the page's list of non-blank lines
    raw: str
    text: str  # stripped, bullet removed
    words: list[str]
    bullet: bool
    indent: int
    key: str  # casefolded, whitespace-normalised text


def split_lines(content: str) -> list[Line]:
    """Split a flattened page into non-blank lines (one block per line)."""
    out: list[Line] = []
    for raw in content.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        bullet = stripped.startswith(BULLETS)
        text = stripped.lstrip("•·◦▪*-– ").strip() if bullet else stripped
        if not text:
            continue
        indent = len(raw) - len(raw.lstrip())
        key = " ".join(text.casefold().split())
        out.append(Line(len(out), raw, text, _WORD.findall(text), bullet, indent, key))
    return out


def main_span(lines: list[Line]) -> tuple[int, int]:
    """The contiguous run of lines with the most prose (max-sum subarray of a line gain)."""
    best, best_span, cur, start = 0.0, (0, -1), 0.0, 0
    for i, line in enumerate(lines):
        n = len(line.words)
        gain = (n - 12.0) if not line.bullet else -6.0
        if n >= 25:
            gain += 10.0
        if cur <= 0:
            cur, start = 0.0, i
        cur += gain
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def topic_vocab(lines: list[Line]) -> Counter[str]:
    """Content words of the page's long lines, counted once per line."""
    vocab: Counter[str] = Counter()
    for line in lines:
        if len(line.words) >= 15 and not line.bullet:
            vocab.update({w.lower() for w in line.words if len(w) > 3} - STOP)
    return vocab


def featurize(lines: list[Line]) -> list[list[float]]:
    """One feature row per line, in the order of `NAMES`."""
    n = len(lines)
    if not n:
        return []
    counts = Counter(line.key for line in lines)
    lo, hi = main_span(lines)
    vocab = topic_vocab(lines)
    common = {w for w, c in vocab.items() if c > 1}
    anyv = set(vocab)
    nwords = [len(line.words) for line in lines]
    longs = [1.0 if w >= 20 else 0.0 for w in nwords]
    bullets = [1.0 if line.bullet else 0.0 for line in lines]
    lowered = [[w.lower() for w in ln.words] for ln in lines]
    markers = [
        1.0 if nw < 15 and _has(lw, _MARKER_WORDS, _MARKER_PAIRS) else 0.0
        for lw, nw in zip(lowered, nwords, strict=True)
    ]
    short = [1.0 if w < 10 else 0.0 for w in nwords]
    cum_marker = [0.0]
    cum_short = [0.0]
    for m, sh in zip(markers, short, strict=True):
        cum_marker.append(cum_marker[-1] + m)
        cum_short.append(cum_short[-1] + sh)
    rows: list[list[float]] = []
    log1p = math.log1p
    for i, line in enumerate(lines):
        nw = nwords[i]
        text = line.text
        inv = 1.0 / nw if nw else 0.0
        lw = lowered[i]
        stops = len([w for w in lw if w in STOP])
        content = {w for w in lw if len(w) > 3} - STOP
        vs = common if (nw >= 15 and not line.bullet) else anyv
        shared = len(content & vs)
        caps = len(_CAP.findall(text))
        end = text[-1]
        a, b = max(0, i - 3), min(n, i + 4)
        span = b - a
        if lo <= i <= hi:
            dist, gap, mb = 0.0, 0.0, 0.0
        elif i < lo:
            dist, gap, mb = (lo - i) / 20.0, cum_short[lo] - cum_short[i], 0.0
        else:
            dist = (i - hi) / 20.0
            gap = cum_short[i] - cum_short[hi + 1]
            mb = cum_marker[i] - cum_marker[hi + 1]
        boiler = 1.0 if nw < 40 and _has(lw, _BOILER_WORDS, _BOILER_PAIRS) else 0.0
        rows.append(
            [
                1.0,
                log1p(nw),
                longs[i],
                1.0 if nw <= 3 else 0.0,
                bullets[i],
                1.0 if line.indent > 0 else 0.0,
                1.0 if end in _END_PUNCT else 0.0,
                1.0 if end == ":" else 0.0,
                stops * inv,
                min(caps * inv, 1.0),
                len(_DIGIT.findall(text)) * inv,
                boiler,
                1.0 if _linky(text, line.key) else 0.0,
                1.0 if counts[line.key] > 1 else 0.0,
                i / n,
                1.0 if lo <= i <= hi else 0.0,
                min(dist, 3.0),
                shared / len(content) if content else 0.0,
                log1p(nwords[i - 1]) if i else 0.0,
                log1p(nwords[i + 1]) if i + 1 < n else 0.0,
                sum(longs[a:b]) / span,
                sum(bullets[a:b]) / span,
                1.0 if 3 <= nw <= 20 and caps * inv > 0.6 and end not in ".:" else 0.0,
                min(text.count(","), 5) / 5.0,
                1.0 if ("“" in text or '"' in text) else 0.0,
                markers[i],
                min(mb, 3.0) / 3.0,
                log1p(gap),
            ]
        )
    return rows
