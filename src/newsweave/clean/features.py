"""Per-line features of a flattened page: a few Python passes per page, then numpy columns."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

BULLETS = ("•", "·", "◦", "▪", "* ", "- ", "– ")
_WORD = re.compile(r"\w+")
_BULLET_CHARS = "•·◦▪*-– "
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
thoughts comentários comentarios kommentare commentaires commenti relacionadas relacionados
relacionadas recomendados
"""
_MARKER_WORDS = frozenset(_MARKER_WORDS_TEXT.split())
_MARKER_PAIRS = frozenset(
    tuple(p.split())
    for p in """you might|you may|more from|read next|leave a|about the|other news|more news|
    latest news|top stories|more stories|related stories|latest stories|other stories|
    leia também|veja também|lesen sie|voir aussi|lire aussi|pode gostar|puede interesar|
    mais lidas|más leídas|mais lidos|más leído|también te""".replace("\n", "").split("|")
)
_COMMENT_HEAD = re.compile(
    r"(?im)(?:\b(?:said|says|wrote|writes|dice|disse|schrieb|a écrit)[^\S\n]*:[^\S\n]*$"
    r"|\b\d+[^\S\n]*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)[^\S\n]+ago\b"
    r"|\b(?:at|um|às|à|a las)[^\S\n]+\d{1,2}:\d\d"
    r"|^(?:reply|responder|antworten|répondre)$|\bvotes?\b|\blikes?[^\S\n]*$)"
)
_LINK_ENDS = ("»", "›", "...", "…", "|")


# page-level passes: one regex call per page, "\n" tokens mark the line ends
_CAPDIG_NL = re.compile(r"\b[A-Z0-9]|\n")
_PREFIX = 100  # characters of a line read for capitals and digits
_PREFIX_WORDS = 20  # words of a line read for its topic words
_NO_DIGITS = str.maketrans("", "", "0123456789 ")
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
comment_head comments_before
"""
NAMES = _NAMES_TEXT.split()


@dataclass(slots=True)
class Line:
    """One non-blank input line with the cheap facts the scorer and rules need."""

    index: int  # position in the page's list of non-blank lines
    raw: str
    text: str  # stripped, bullet removed
    words: list[str]  # casefolded \w+ tokens
    bullet: bool
    indent: int
    key: str  # casefolded, whitespace-normalised text


def _per_line(pattern: re.Pattern[str], joined: str) -> list[str]:
    """Matches of a "...|\\n" pattern over "\\n"-joined lines, concatenated per line."""
    return " ".join(pattern.findall(joined)).split("\n")


def _matches(pattern: re.Pattern[str], texts: list[str], which: list[int], n: int) -> np.ndarray:
    """1.0 for each line of `which` where a (multiline) pattern matches: one pass per page."""
    out = np.zeros(n)
    if not which:
        return out
    sub = [texts[i] for i in which]
    ends = np.cumsum([len(t) + 1 for t in sub])
    starts = [m.start() for m in pattern.finditer("\n".join(sub))]
    if starts:
        out[np.asarray(which)[np.searchsorted(ends, starts, side="right")]] = 1.0
    return out


def split_lines(content: str) -> list[Line]:
    """Split a flattened page into non-blank lines (one block per line)."""
    out: list[Line] = []
    append = out.append
    findall = _WORD.findall
    for raw in content.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        bullet = stripped.startswith(BULLETS)
        text = stripped.lstrip(_BULLET_CHARS).strip() if bullet else stripped
        if not text:
            continue
        key = text.casefold()
        if "  " in key or "\t" in key or "\xa0" in key or "\u3000" in key or "\u2003" in key:
            key = " ".join(key.split())
        append(Line(len(out), raw, text, findall(key), bullet, len(raw) - len(raw.lstrip()), key))
    return out


def main_span(lines: list[Line]) -> tuple[int, int]:
    """The contiguous run of lines with the most prose (max-sum subarray of a line gain)."""
    n = len(lines)
    if not n:
        return (0, -1)
    nw = np.fromiter((len(line.words) for line in lines), dtype=float, count=n)
    bullet = np.fromiter((line.bullet for line in lines), dtype=bool, count=n)
    gain = np.where(bullet, -6.0, nw - 12.0) + np.where(nw >= 25, 10.0, 0.0)
    c = np.concatenate(([0.0], np.cumsum(gain)))  # c[j + 1] = sum of gain[: j + 1]
    low = np.minimum.accumulate(c[:-1])  # lowest prefix sum before each line
    cur = c[1:] - low  # Kadane's running sum, restarted where it fell to zero or below
    end = int(cur.argmax())
    if cur[end] <= 0:
        return (0, -1)
    # the run starts after the last prefix that reached the low
    starts = np.flatnonzero(c[: end + 1] <= low[end])
    return (int(starts[-1]), end)


def _window_sum(x: np.ndarray, before: int, after: int) -> np.ndarray:
    """Sum of x over [i - before, i + after], clipped to the page."""
    n = len(x)
    c = np.concatenate(([0.0], np.cumsum(x)))
    idx = np.arange(n)
    return c[np.minimum(idx + after + 1, n)] - c[np.maximum(idx - before, 0)]


def featurize(lines: list[Line]) -> np.ndarray:
    """One feature row per line (columns in the order of `NAMES`), as a float matrix."""
    n = len(lines)
    if not n:
        return np.zeros((0, len(NAMES)))
    lo, hi = main_span(lines)
    stop_in = STOP.__contains__
    texts = [line.text for line in lines]
    keys = [line.key for line in lines]
    words = [line.words for line in lines]
    nw_l = [len(w) for w in words]
    # capitals and digits opening a word: one regex pass over the page
    # (over the first _PREFIX characters of each line: long lines are prose either way)
    capdig = _per_line(_CAPDIG_NL, "\n".join([t[:_PREFIX] for t in texts]))
    caps_l = [len(c.translate(_NO_DIGITS)) for c in capdig]
    digits_l = [len(c) - c.count(" ") - k for c, k in zip(capdig, caps_l, strict=True)]
    pref_l = [
        k if len(t) <= _PREFIX else min(k, 1 + t.count(" ", 0, _PREFIX))
        for t, k in zip(texts, nw_l, strict=True)
    ]
    stops_l = [sum(map(stop_in, w)) for w in words]
    ends = [t[-1] for t in texts]
    bw, bp, mw, mp = _BOILER_WORDS, _BOILER_PAIRS, _MARKER_WORDS, _MARKER_PAIRS
    boiler = [
        k < 40 and (not bw.isdisjoint(w) or not bp.isdisjoint(zip(w, w[1:], strict=False)))
        for w, k in zip(words, nw_l, strict=True)
    ]
    marker_l = [
        k < 15 and (not mw.isdisjoint(w) or not mp.isdisjoint(zip(w, w[1:], strict=False)))
        for w, k in zip(words, nw_l, strict=True)
    ]
    linky = [
        t.endswith(_LINK_ENDS) or "read more" in k or "http" in k or "www." in k or "@" in t
        for t, k in zip(texts, keys, strict=True)
    ]
    sets = [set(w[:_PREFIX_WORDS]).difference(STOP) for w in words]
    bullets_l = [line.bullet for line in lines]
    vocab: Counter[str] = Counter()
    for c, k, b in zip(sets, nw_l, bullets_l, strict=True):
        if k >= 15 and not b:
            vocab.update(c)
    common = {w for w, c in vocab.items() if c > 1}
    anyv = set(vocab)
    shared_l = [
        len(c & (common if (k >= 15 and not b) else anyv)) / len(c) if c else 0.0
        for c, k, b in zip(sets, nw_l, bullets_l, strict=True)
    ]
    counts = Counter(keys)
    fl = np.array(
        [
            bullets_l,
            [line.indent > 0 for line in lines],
            [e in _END_PUNCT for e in ends],
            [e == ":" for e in ends],
            boiler,
            linky,
            ["“" in t or '"' in t for t in texts],
            marker_l,
            [e in ".:" for e in ends],
            [t.count(",") for t in texts],
        ],
        dtype=float,
    ).T
    commas_l = fl[:, 9]
    nw = np.asarray(nw_l, dtype=float)
    bullet, marker = fl[:, 0], fl[:, 7]
    inv = np.divide(1.0, nw, out=np.zeros(n), where=nw > 0)
    pref = np.asarray(pref_l, dtype=float)
    pinv = np.divide(1.0, pref, out=np.zeros(n), where=pref > 0)
    caps = np.asarray(caps_l, dtype=float) * pinv
    logw = np.log1p(nw)
    longs = (nw >= 20).astype(float)
    idx = np.arange(n)
    span = np.minimum(idx + 4, n) - np.maximum(idx - 3, 0)
    short = (nw < 10).astype(float)
    cum_short = np.concatenate(([0.0], np.cumsum(short)))
    cum_marker = np.concatenate(([0.0], np.cumsum(marker)))
    inside = (idx >= lo) & (idx <= hi)
    before, after = idx < lo, idx > hi
    dist = np.where(before, (lo - idx) / 20.0, np.where(after, (idx - hi) / 20.0, 0.0))
    hi1 = min(hi + 1, n)
    gap = np.where(
        before,
        cum_short[min(lo, n)] - cum_short[idx],
        np.where(after, cum_short[idx] - cum_short[hi1], 0.0),
    )
    mb = np.where(after, cum_marker[idx] - cum_marker[hi1], 0.0)
    dup = np.asarray([counts[line.key] > 1 for line in lines], dtype=float)
    heads = [
        i
        for i, (k, t) in enumerate(zip(nw_l, texts, strict=True))
        if k < 15 and (":" in t or "ago" in t or "vote" in t or "like" in t or k == 1)
    ]
    chead = _matches(_COMMENT_HEAD, texts, heads, n)
    cb = np.concatenate(([0.0], np.cumsum(chead)[:-1]))
    ends = fl[:, 2]
    out = np.empty((n, len(NAMES)))
    out[:, 0] = 1.0
    out[:, 1] = logw
    out[:, 2] = longs
    out[:, 3] = nw <= 3
    out[:, 4] = bullet
    out[:, 5] = fl[:, 1]
    out[:, 6] = ends
    out[:, 7] = fl[:, 3]
    out[:, 8] = np.asarray(stops_l, dtype=float) * inv
    out[:, 9] = np.minimum(caps, 1.0)
    out[:, 10] = np.asarray(digits_l, dtype=float) * pinv
    out[:, 11] = fl[:, 4]
    out[:, 12] = fl[:, 5]
    out[:, 13] = dup
    out[:, 14] = idx / n
    out[:, 15] = inside
    out[:, 16] = np.minimum(dist, 3.0)
    out[:, 17] = shared_l
    out[:, 18] = np.concatenate(([0.0], logw[:-1]))
    out[:, 19] = np.concatenate((logw[1:], [0.0]))
    out[:, 20] = _window_sum(longs, 3, 3) / span
    out[:, 21] = _window_sum(bullet, 3, 3) / span
    out[:, 22] = (nw >= 3) & (nw <= 20) & (caps > 0.6) & (fl[:, 8] == 0)
    out[:, 23] = np.minimum(np.asarray(commas_l, dtype=float), 5.0) / 5.0
    out[:, 24] = fl[:, 6]
    out[:, 25] = marker
    out[:, 26] = np.minimum(mb, 3.0) / 3.0
    out[:, 27] = np.log1p(gap)
    out[:, 28] = chead
    out[:, 29] = np.log1p(np.minimum(cb, 20.0))
    return out
