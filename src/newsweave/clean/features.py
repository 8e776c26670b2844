"""Per-line features of a flattened page, computed for the whole page at once with numpy.

The page's lines are joined and turned into one array of code points. Words are runs of word
characters; each word gets a 64-bit hash of its lower-cased letters, so stop words,
boilerplate words and word pairs are array lookups, and per-line counts are `bincount`s.
No Python code runs per word, and only a little per line (in `split_lines`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress
from operator import sub
from typing import NamedTuple

import numpy as np

BULLETS = ("•", "·", "◦", "▪", "* ", "- ", "– ")
_WORD = re.compile(r"\w+")
_BULLET_CHARS = "•·◦▪*-– "
_BULLET_MARKS = "•·◦▪"  # bullets alone; "*", "-" and "–" only with a space after them
_BULLET_FIRST = frozenset(_BULLET_CHARS.strip())
_FEATURE_CHARS = 2000  # characters of a line read for its features (long lines are prose)
_PREFIX = 100  # characters of a line read for capitals and digits
PREFIX_WORDS = 20  # words of a line read for its topic words (and the scorer's bag of words)

# boilerplate vocabulary, matched as single words or word pairs
_BOILER_WORDS = """
subscribe subscribers newsletter newsletters cookie cookies privacy copyright
advertisement advertising advertise sponsored comments comment menu search trending
recommended login signup unsubscribe download app share tweet facebook twitter instagram
linkedin whatsapp pinterest youtube email print previous next photo image credit getty
shutterstock related popular latest tags tag editor editors pick disclaimer contact
careers skip navigation account register password gallery watch listen podcast
"""
_BOILER_PAIRS = """sign in|sign up|log in|terms of|rights reserved|follow us|read more|
more stories|more news|you may|may also|also like|most read|most popular|popular now|skip to|
click here|email address|opt out|load more|back to|see also|top stories|weekly best|must reads|
quick access|direct access|main content|exit mobile|mobile version|all rights|related stories|
related articles|next article|read next|more from|leave a|about the"""
# lines that open a comment thread or a list of other stories
_MARKER_WORDS = """
comments comment replies reply responses response related tags tag ago recommended
thoughts comentários comentarios kommentare commentaires commenti relacionadas relacionados
recomendados
"""
_MARKER_PAIRS = """you might|you may|more from|read next|leave a|about the|other news|more news|
latest news|top stories|more stories|related stories|latest stories|other stories|
leia também|veja também|lesen sie|voir aussi|lire aussi|pode gostar|puede interesar|
mais lidas|más leídas|mais lidos|más leído|también te"""
_STOP_WORDS = """
a about after all also an and are as at be been but by can could did do for from had has
have he her his how i if in into is it its more most my no not of on one or our out said
say says she so than that the their them then there these they this to up was we were
what when which who will with would you your de la le les des et en du un une el los las
y por con para del que der die das und ist nicht mit den von zu il di che per non è em
os as um uma no na
"""
STOP = frozenset(_STOP_WORDS.split())
_LINK_WORDS = "http https www"
_LINK_PAIRS = "read more"
# words of a comment header ("Ann wrote:", "Ann said...", "2 days ago", "Reply", "3 votes",
# "Posted by: Ann | 3 May 2012 10:30 PM", "Permalink"), and "at 10:30"
_HEAD_WORDS = """said says wrote writes dice disse schrieb écrit ago reply responder antworten
répondre vote votes like likes posted am pm permalink trackback"""
_AT_WORDS = "at um às à las"
# first words of byline and provenance lines ("By Ann Lee", "This story first appeared on")
_META_WORDS = "by written von par por this originally source via"
# word flags (bits; the same bits shifted by 8 mark a word pair)
_F_STOP, _F_BOILER, _F_MARKER, _F_LINK, _F_HEAD, _F_AT, _F_META = (1 << i for i in range(7))

COMMENT_HEAD_FORMS = (
    r"\b(?:said|says|wrote|writes|dice|disse|schrieb|a écrit)[^\S\n]*(?::|\.\.\.|…)[^\S\n]*$"
    r"|\b\d{1,2}:\d\d(?::\d\d)?[^\S\n]*[ap]\.?m\b|^posted[^\S\n]+by\b|\b(?:permalink|trackback)\b"
    r"|\b\d+[^\S\n]*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)[^\S\n]+ago\b"
    r"|\b(?:at|um|às|à|a las)[^\S\n]+\d{1,2}:\d\d"
    r"|^(?:reply|responder|antworten|répondre)$|\bvotes?\b|\blikes?[^\S\n]*$"
)
# every form starts at a word boundary (a "^" before a letter is one) with one of these
# characters: checking that first finds the same matches without trying each form everywhere
_COMMENT_HEAD = re.compile(rf"(?im)\b(?=[sdwaptuvlrà\d])(?:{COMMENT_HEAD_FORMS})")
_END_PUNCT = ".!?\"”’')"
_LINK_ENDS = "»›…|"

_NAMES_TEXT = """
bias log_words long20 short3 bullet indent end_punct colon_end stop_ratio cap_ratio
digit_ratio boiler linky dup_page rel_pos in_main dist_main topic_sim prev_words next_words
win_long win_bullet title_like commas quote marker markers_before gap_main
comment_head comments_before
"""
NAMES = _NAMES_TEXT.split()


class Line(NamedTuple):
    """One non-blank input line with the cheap facts the scorer and rules need."""

    index: int  # type: ignore[assignment]  # position in the page's list of non-blank lines
    raw: str
    text: str  # stripped, bullet removed
    bullet: bool
    indent: int
    key: str  # casefolded, whitespace-normalised text
    nw: int  # number of words (in its first _FEATURE_CHARS characters)
    hint: bool = False  # may be a credit, byline, provenance or contact line

    @property
    def words(self) -> list[str]:
        """The line's casefolded words (computed on each call: hold the result)."""
        return _WORD.findall(self.key)


_new_line = partial(tuple.__new__, Line)  # a Line from a tuple of its fields, with no Python call


# ---------------------------------------------------------------- code points and words
# character classes (bits of one table lookup per character)
_C_WORD, _C_END, _C_LINK_END, _C_COMMA, _C_QUOTE, _C_COLON, _C_AT, _C_DOT, _C_SPACE = (
    1 << i for i in range(9)
)
_C_ODD_SPACE = 1 << 9  # whitespace other than " " and "\n"
_C_CLOSE = 1 << 10  # ")"


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """Per BMP code point: its class bits, and a random 64-bit number for its lower case.

    Built with string methods over all 65,536 code points at once (a loop over them cost
    every process about 0.03 s).
    """
    points = np.arange(0x10000, dtype=np.uint32)
    points[0xD800:0xE000] = ord(" ")  # surrogates: not characters
    chars = _text_of(points)
    cls = np.where(_codes(re.sub(r"\W", "\0", chars)) != 0, np.uint16(_C_WORD), np.uint16(0))
    cls[_codes(re.sub(r"[^\S\n ]", "\0", chars)) == 0] = _C_ODD_SPACE
    cls[0] = 0  # NUL: neither a word character nor a space
    cls[ord(" ")] = _C_SPACE
    cls[0xFFFF] = 0  # code points above the BMP are clipped to this one: not word characters
    for marks, bit in (
        (_END_PUNCT, _C_END),
        (_LINK_ENDS, _C_LINK_END),
        (",", _C_COMMA),
        ('"“', _C_QUOTE),
        (":", _C_COLON),
        ("@", _C_AT),
        (".", _C_DOT),
        (")", _C_CLOSE),
    ):
        for c in marks:
            cls[ord(c)] |= bit
    rand = np.random.default_rng(20261122).integers(1, 2**63, size=0x10000, dtype=np.uint64)
    return cls, rand[_lower_of(chars)]


def _codes(text: str) -> np.ndarray:
    """The code points of `text` (surrogates kept)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _text_of(codes: np.ndarray) -> str:
    """The text of code points (no surrogates among them)."""
    return codes.astype("<u4").tobytes().decode("utf-32-le")


def _lower_of(chars: str) -> np.ndarray:
    """Per character of `chars`, by position: the code point of its lower case where that is
    one other character, else the position. Lower-cased 256 characters at a time; a block
    where a character lower-cases to two ("İ") goes character by character."""
    lower = np.arange(len(chars))
    for at in range(0, len(chars), 256):
        block = chars[at : at + 256]
        low = block.lower()
        if len(low) == len(block):
            same = lower[at : at + len(block)]
            lower[at : at + len(block)] = np.where(_codes(low) != _codes(block), _codes(low), same)
            continue
        for i, c in enumerate(block, at):
            low = c.lower()
            if low != c and len(low) == 1:
                lower[i] = ord(low)
    return lower


@dataclass(slots=True)
class _Words:
    """The words of a "\\n"-joined page: where each starts, its line, and its hash."""

    cls: np.ndarray  # class bits per character
    line_of: np.ndarray  # line number per character
    line_start: np.ndarray  # character index where each line starts
    line_end: np.ndarray  # ... and ends (exclusive)
    starts: np.ndarray  # character index where each word starts
    first: np.ndarray  # code point that opens each word
    line: np.ndarray  # line number of each word
    hashes: np.ndarray  # uint64 hash of each word's lower-cased characters (see _words)
    length: np.ndarray  # characters in each word


def _words(joined: str) -> _Words:
    cls_tab, rand_tab = _tables()
    codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = np.minimum(codes, 0xFFFF, dtype=np.intp)  # an index array numpy need not convert
    cls = np.take(cls_tab, bmp)  # np.take: faster than indexing, on big arrays
    is_word = (cls & _C_WORD) > 0
    nl = np.flatnonzero(codes == 10)
    # each line's characters, and the "\n" before it (np.repeat is faster than a cumsum)
    sizes = np.diff(np.concatenate(([0], nl, [len(codes)])))
    line_of = np.repeat(np.arange(len(nl) + 1), sizes)
    line_start = np.concatenate(([0], nl + 1))
    line_end = np.concatenate((nl, [len(codes)]))
    start_flag = is_word.copy()
    start_flag[1:] &= ~is_word[:-1]
    starts = np.flatnonzero(start_flag)
    wc = np.flatnonzero(is_word)  # the word characters, in order
    if not len(wc):
        empty = np.zeros(0, dtype=np.int64)
        hashes = np.zeros(0, dtype=np.uint64)
        return _Words(cls, line_of, line_start, line_end, empty, empty, empty, hashes, empty)
    # where each word begins among the word characters, and ends
    first = np.flatnonzero(np.take(start_flag, wc))
    last = np.append(first[1:], len(wc)) - 1
    # a word's hash: the sum of its letters' random numbers (case-blind), plus its first
    # three and last letters' numbers scaled, so anagrams ("could" and "cloud", "three" and
    # "there") differ unless they share all four
    rand = np.take(rand_tab, np.take(bmp, wc))
    hashes = np.add.reduceat(rand, first)
    hashes += rand[first] * np.uint64(0x9E3779B97F4A7C15)
    hashes += rand[np.minimum(first + 1, last)] * np.uint64(0xD6E8FEB86659FD93)
    hashes += rand[np.minimum(first + 2, last)] * np.uint64(0xA0761D6478BD642F)
    hashes += rand[last] * np.uint64(0xC2B2AE3D27D4EB4F)
    return _Words(
        cls,
        line_of,
        line_start,
        line_end,
        starts,
        codes[starts],
        line_of[starts],
        hashes,
        last - first + 1,
    )


def hash_words(words: list[str]) -> np.ndarray:
    """The case-blind 64-bit hash of each word, as the page features compute it.

    Each item must be one word (a run of word characters); one that is not adds or loses
    hashes, which callers check by the length of the result.
    """
    return _words("\n".join(words)).hashes


class HashTable:
    """A fixed hash table from 64-bit word hashes to numbers, looked up for many at once.

    Small tables get a size with no two keys in one slot (one probe per lookup); larger ones
    use linear probing in a table two to four times their size (most lookups probe one slot).
    """

    def __init__(self, items: dict[int, float] | dict[int, int], dtype: type = np.int64) -> None:
        keys = np.asarray(sorted(items), dtype=np.uint64)
        low = max(8, int(len(keys)).bit_length() + 1)
        for bits in range(low, 17):  # the smallest size with no two keys in one slot
            homes = np.sort(keys >> np.uint64(64 - bits))  # (np.unique would import numpy.ma)
            if (homes[1:] != homes[:-1]).all():
                break
        else:
            bits = low
        self.shift = np.uint64(64 - bits)
        mask = (1 << bits) - 1
        self.mask = np.intp(mask)
        self.empty = np.uint64(0) if 0 not in items else np.uint64(1)  # a key of no word
        empty = int(self.empty)
        table: list[int] = [empty] * (1 << bits)
        values: list[float] = [0] * (1 << bits)
        self.probes = 1
        for key in keys.tolist():
            slot, step = key >> (64 - bits), 0
            while table[(slot + step) & mask] != empty:
                step += 1
            table[(slot + step) & mask] = key
            values[(slot + step) & mask] = items[key]
            self.probes = max(self.probes, step + 1)
        self.keys = np.asarray(table, dtype=np.uint64)
        self.values: np.ndarray = np.asarray(values, dtype=dtype)

    def __call__(self, query: np.ndarray) -> np.ndarray:
        """The value of each hash in `query` (zero for hashes not in the table)."""
        home = (query >> self.shift).astype(np.intp)
        found = np.take(self.keys, home)
        hit = found == query
        out = np.where(hit, np.take(self.values, home), 0).astype(self.values.dtype, copy=False)
        if self.probes > 1:  # probe on only where the home slot holds another key
            todo = np.flatnonzero(~hit & (found != self.empty))
            for step in range(1, self.probes):
                if not len(todo):
                    break
                slot = (home[todo] + step) & self.mask
                found = self.keys[slot]
                hit = found == query[todo]
                out[todo[hit]] = self.values[slot[hit]]
                todo = todo[~hit & (found != self.empty)]
        return out


@lru_cache(maxsize=1)
def _vocab() -> tuple[HashTable, HashTable]:
    """Lookup tables of the known words and word pairs, with their flag bits."""
    flags: dict[int, int] = {}
    for words, bit in (
        (_STOP_WORDS, _F_STOP),
        (_BOILER_WORDS, _F_BOILER),
        (_MARKER_WORDS, _F_MARKER),
        (_LINK_WORDS, _F_LINK),
        (_HEAD_WORDS, _F_HEAD),
        (_AT_WORDS, _F_AT),
        (_META_WORDS, _F_META),
    ):
        for h in hash_words(words.split()).tolist():
            flags[h] = flags.get(h, 0) | bit
    pairs: dict[int, int] = {}
    for text, bit in (
        (_BOILER_PAIRS, _F_BOILER),
        (_MARKER_PAIRS, _F_MARKER),
        (_LINK_PAIRS, _F_LINK),
    ):
        listed = text.replace("\n", "").split("|")
        w = _words("\n".join(listed))  # each pair's words, hashed in one pass
        first = np.searchsorted(w.line, np.arange(len(listed)))  # of each pair (line)
        for key in _pair_hash(w.hashes[first], w.hashes[first + 1]).tolist():
            pairs[key] = pairs.get(key, 0) | bit
    return HashTable(flags), HashTable(pairs)


def _pair_hash(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a * np.uint64(0x9E3779B97F4A7C15) + (b ^ np.uint64(0x5BD1E995))


# ---------------------------------------------------------------- lines
def split_lines(content: str) -> list[Line]:
    """Split a flattened page into non-blank lines (one block per line)."""
    return parse_page(content)[0]


class PageWords(NamedTuple):
    """The words of one page: hash, line (index into the page's lines), length and rank
    (0 for the first word of its line) of each."""

    hashes: np.ndarray
    line: np.ndarray
    length: np.ndarray
    rank: np.ndarray


class Parsed(NamedTuple):
    """A page's non-blank lines, their feature rows, and its words."""

    lines: list[Line]
    rows: np.ndarray
    words: PageWords


def parse_page(content: str) -> tuple[list[Line], np.ndarray]:
    """The page's non-blank lines and their feature rows (one pass over the page)."""
    parsed = parse_pages([content])[0]
    return parsed.lines, parsed.rows


def _page_lines(content: str) -> tuple[list[str], list[str], list[bool]]:
    """Raw non-blank lines, their text (stripped, bullet removed) and bullet flags."""
    every = content.splitlines()
    every_stripped = list(map(str.strip, every))
    raws = list(compress(every, every_stripped))
    stripped = list(filter(None, every_stripped))
    # the same as s.startswith(BULLETS), faster: most lines fail the first test
    bullets = [s[0] in _BULLET_FIRST and (s[0] in _BULLET_MARKS or s[1:2] == " ") for s in stripped]
    if not any(bullets):
        return raws, stripped, bullets
    texts = stripped.copy()
    for i in compress(range(len(texts)), bullets):
        texts[i] = texts[i].lstrip(_BULLET_CHARS).strip()
    if "" in texts:  # a bullet with nothing after it
        raws, bullets = list(compress(raws, texts)), list(compress(bullets, texts))
        texts = list(filter(None, texts))
    return raws, texts, bullets


class Batch(NamedTuple):
    """Several pages parsed together: each page, and the rows and words of all of them
    (`words.line` numbers the batch's lines; page p holds lines bounds[p]:bounds[p + 1])."""

    pages: list[Parsed]
    rows: np.ndarray
    words: PageWords
    bounds: np.ndarray


def parse_pages(contents: Sequence[str]) -> list[Parsed]:
    """Lines and feature rows of many pages, computed together (numpy calls are per batch)."""
    return parse_batch(contents).pages


def parse_batch(contents: Sequence[str]) -> Batch:
    """Parse pages together; the batch-wide arrays let the scorer skip rejoining them."""
    raws: list[str] = []
    texts: list[str] = []
    bullets: list[bool] = []
    bounds = [0]
    for content in contents:
        r, t, b = _page_lines(content)
        raws += r
        texts += t
        bullets += b
        bounds.append(len(texts))
    n = len(texts)
    if not n:
        none = np.zeros(0, dtype=np.int64)
        no_words = PageWords(none.astype(np.uint64), none, none, none)
        no_rows = np.zeros((0, len(NAMES)))
        empty = Parsed([], no_rows, no_words)
        return Batch([empty for _ in contents], no_rows, no_words, np.asarray(bounds))
    joined = "\n".join(texts)
    feature_text = _feature_text(texts, joined)
    w = _words(feature_text)
    keys = joined.lower().split("\n") if joined.isascii() else [t.casefold() for t in texts]
    for i in _odd_space_lines(w, feature_text is not joined, texts):
        keys[i] = " ".join(keys[i].split())
    nw = np.bincount(w.line, minlength=n)[:n]
    indents = list(map(sub, map(len, raws), map(len, map(str.lstrip, raws))))
    rank = np.arange(len(w.line)) - (np.cumsum(nw) - nw)[w.line]  # of each word in its line
    x, hint = _features(texts, keys, bullets, indents, w, rank, nw, np.asarray(bounds))
    nws, hints = nw.tolist(), hint.tolist()
    out = []
    word_bounds = np.searchsorted(w.line, bounds).tolist()  # words are in line order
    for p, (s, e) in enumerate(zip(bounds, bounds[1:], strict=False)):
        ws, we = word_bounds[p], word_bounds[p + 1]
        words = PageWords(w.hashes[ws:we], w.line[ws:we] - s, w.length[ws:we], rank[ws:we])
        lines = list(
            map(
                _new_line,
                zip(
                    range(e - s),
                    raws[s:e],
                    texts[s:e],
                    bullets[s:e],
                    indents[s:e],
                    keys[s:e],
                    nws[s:e],
                    hints[s:e],
                    strict=True,
                ),
            )
        )
        out.append(Parsed(lines, x[s:e], words))
    return Batch(out, x, PageWords(w.hashes, w.line, w.length, rank), np.asarray(bounds))


def _odd_space_lines(w: _Words, cut: bool, texts: list[str]) -> list[int]:
    """Lines whose key needs its whitespace normalised (tabs, no-break or double spaces)."""
    odd = (w.cls & _C_ODD_SPACE) > 0
    space = (w.cls & _C_SPACE) > 0
    odd[1:] |= space[1:] & space[:-1]
    marked = np.zeros(len(w.line_start), dtype=bool)
    marked[w.line_of[odd]] = True
    found = set(np.flatnonzero(marked).tolist())
    if cut:  # lines cut for their features may hide odd spaces past the cut
        found.update(i for i, t in enumerate(texts) if len(t) > _FEATURE_CHARS)
    return sorted(found)


def _feature_text(texts: list[str], joined: str) -> str:
    """The lines joined by "\\n", each cut to _FEATURE_CHARS (keeping its last character)."""
    cap = _FEATURE_CHARS
    if len(joined) <= cap or max(map(len, texts)) <= cap:
        return joined
    return "\n".join([t if len(t) <= cap else t[: cap - 1] + t[-1] for t in texts])


def main_span(lines: list[Line]) -> tuple[int, int]:
    """The contiguous run of lines with the most prose (max-sum subarray of a line gain)."""
    n = len(lines)
    if not n:
        return (0, -1)
    nw = np.fromiter((line.nw for line in lines), dtype=float, count=n)
    bullet = np.fromiter((line.bullet for line in lines), dtype=bool, count=n)
    lo, hi = main_spans(nw, bullet, np.asarray([0, n]))
    return (int(lo[0]), int(hi[0]))


def main_spans(
    nw: np.ndarray, bullet: np.ndarray, bounds: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The main run of each page (page p holds lines bounds[p]:bounds[p + 1]) as its first
    and last line; (first line, first line - 1) for a page with none. All pages at once.

    Kadane's algorithm on prefix sums: a line's run starts after the lowest prefix sum above
    it, and the best run ends where the sum minus that low is highest.
    """
    n, starts, sizes = len(nw), bounds[:-1], np.diff(bounds)
    lo, hi = starts.copy(), starts - 1
    if not n:
        return lo, hi
    page = np.repeat(np.arange(len(sizes)), sizes)
    gain = np.where(bullet, -6.0, nw - 12.0) + np.where(nw >= 25, 10.0, 0.0)
    c = np.concatenate(([0.0], np.cumsum(gain)))  # whole numbers: exact in float64
    base = c[starts][page]
    above = c[:-1] - base  # the page's prefix sum before each line ...
    upto = c[1:] - base  # ... and after it
    # the lowest prefix before each line on its page; each page is shifted below the last,
    # so a running minimum over all lines never reaches back into an earlier page
    shift = page * (2.0 * np.abs(gain).sum() + 2.0)
    low = np.minimum.accumulate(above - shift) + shift
    cur = upto - low
    full = np.flatnonzero(sizes > 0)
    best = np.full(len(sizes), -np.inf)
    best[full] = np.maximum.reduceat(cur, starts[full])
    top = np.flatnonzero(cur == best[page])
    first = top[np.concatenate(([True], page[top][1:] != page[top][:-1]))]  # first of ties
    end = hi.copy()
    end[page[first]] = first
    run = np.flatnonzero(best > 0)
    if not len(run):
        return lo, hi
    # the run starts at the last line, up to its end, whose prefix above reached the low
    idx = np.arange(n)
    at_low = (above <= low[end[page]]) & (idx <= end[page])  # end < first line: no run
    last = np.maximum.reduceat(np.where(at_low, idx, -1), starts[full])
    last_of = np.zeros(len(sizes), dtype=int)
    last_of[full] = last
    lo[run], hi[run] = last_of[run], end[run]
    return lo, hi


def _window_sum(
    x: np.ndarray, before: int, after: int, ps: np.ndarray, pe: np.ndarray
) -> np.ndarray:
    """Sum of x over [i - before, i + after], clipped to the line's page [ps, pe)."""
    c = np.concatenate(([0.0], np.cumsum(x)))
    idx = np.arange(len(x))
    return c[np.minimum(idx + after + 1, pe)] - c[np.maximum(idx - before, ps)]


def _count(mask: np.ndarray, line: np.ndarray, n: int) -> np.ndarray:
    """Per line, how many of the items (characters or words) in `mask` it holds."""
    return np.bincount(line[mask], minlength=n)[:n].astype(float)


def _topic_share(w: _Words, page: np.ndarray, content: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """Share of each line's first content words that other prose lines of the page use.

    Prose lines (15+ words, no bullet) count a word shared when another prose line has it;
    other lines when any prose line has it.
    """
    n = len(prose)
    if not content.any():
        return np.zeros(n)
    # words of different pages differ; one key per word of a line: the word's hash in the
    # high bits, its line in the low ones, so a plain sort of the keys orders (word, line)
    # pairs (the hashes lose `bits` low bits: two words then collide with odds of 2**-40)
    bits = np.uint64(max(1, n.bit_length()))
    salted = w.hashes[content] + page[content].astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    keys = np.sort((salted >> bits << bits) | w.line[content].astype(np.uint64))
    hs, ls = keys >> bits, (keys & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.intp)
    new_word = np.empty(len(hs), dtype=bool)
    new_word[0] = True
    new_word[1:] = hs[1:] != hs[:-1]
    first = np.empty(len(keys), dtype=bool)
    first[0] = True
    first[1:] = keys[1:] != keys[:-1]
    word = (np.cumsum(new_word) - 1)[first]  # one entry per (word, line)
    pl = ls[first]
    in_prose = prose[pl]
    df = np.bincount(word[in_prose], minlength=int(word[-1]) + 1)
    shared = np.where(in_prose, df[word] > 1, df[word] >= 1)
    total = np.bincount(pl, minlength=n)
    return np.divide(_count(shared, pl, n), total, out=np.zeros(n), where=total > 0)


def _comment_heads(texts: list[str], candidates: np.ndarray) -> np.ndarray:
    """1.0 for each candidate line that looks like a comment header (searched line by line: a
    search stops at a line's first match, and most candidates have one)."""
    out = np.zeros(len(texts))
    search = _COMMENT_HEAD.search
    out[[i for i in np.flatnonzero(candidates).tolist() if search(texts[i])]] = 1.0
    return out


def _features(
    texts: list[str],
    keys: list[str],
    bullets: list[bool],
    indents: list[int],
    w: _Words,
    rank: np.ndarray,
    nwi: np.ndarray,
    bounds: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows of the lines of one or more pages (page p holds bounds[p]:bounds[p + 1]),
    and which lines may be metadata lines (credits, bylines, provenance, contacts)."""
    n = len(texts)
    sizes = np.diff(bounds)
    page_of = np.repeat(np.arange(len(sizes)), sizes)  # page of each line
    ps, pe = bounds[:-1][page_of], bounds[1:][page_of]  # its page's first and end line
    words, pairs = _vocab()
    flags = words(w.hashes)
    if len(flags) > 1:  # word pairs within a line
        pair = pairs(_pair_hash(w.hashes[:-1], w.hashes[1:]))
        flags[:-1] |= np.where(w.line[1:] == w.line[:-1], pair << 8, 0)
    nw = nwi.astype(float)

    def has(bits: int) -> np.ndarray:
        return _count((flags & (bits | bits << 8)) > 0, w.line, n) > 0

    cls = w.cls
    # the few characters counted per line (one pass over all characters, then only these)
    marks = np.flatnonzero((cls & (_C_AT | _C_COLON | _C_COMMA | _C_QUOTE)) > 0)
    mark_cls, mark_line = cls[marks], w.line_of[marks]

    def chars(bit: int) -> np.ndarray:
        return _count((mark_cls & bit) > 0, mark_line, n)

    last = cls[w.line_end - 1]
    dot = (last & _C_DOT) > 0
    dots = (
        dot
        & (cls[np.maximum(w.line_end - 2, w.line_start)] & _C_DOT > 0)
        & (cls[np.maximum(w.line_end - 3, w.line_start)] & _C_DOT > 0)
        & (w.line_end - w.line_start >= 3)
    )
    colon_end = (last & _C_COLON) > 0
    at = chars(_C_AT) > 0
    linky = ((last & _C_LINK_END) > 0) | dots | has(_F_LINK) | at
    stops = _count((flags & _F_STOP) > 0, w.line, n)
    marker = ((nw < 15) & has(_F_MARKER)).astype(float)
    # capitals and digits opening a word, within the first _PREFIX characters of a line
    in_pref = (w.starts - w.line_start[w.line]) < _PREFIX
    pref = _count(in_pref, w.line, n)
    caps = _count(in_pref & (w.first >= 65) & (w.first <= 90), w.line, n)
    digits = _count(in_pref & (w.first >= 48) & (w.first <= 57), w.line, n)
    # topic words: the first PREFIX_WORDS words of a line that are not stop words
    bullet = np.array(bullets, dtype=bool)
    shared = _topic_share(
        w, page_of[w.line], ((flags & _F_STOP) == 0) & (rank < PREFIX_WORDS), (nw >= 15) & ~bullet
    )
    dup = np.zeros(n, dtype=bool)
    for s, e in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        counts = Counter(keys[s:e])
        if len(counts) < e - s:
            dup[s:e] = np.fromiter(map(counts.__getitem__, keys[s:e]), dtype=int, count=e - s) > 1
    colons = chars(_C_COLON) > 0
    chead = _comment_heads(texts, (nw < 15) & (has(_F_HEAD) | (colons & has(_F_AT))))

    lo, hi = main_spans(nw, bullet, bounds)
    lo, hi = lo[page_of], hi[page_of]
    inv = np.divide(1.0, nw, out=np.zeros(n), where=nw > 0)
    pinv = np.divide(1.0, pref, out=np.zeros(n), where=pref > 0)
    cap_ratio = caps * pinv
    logw = np.log1p(nw)
    longs = (nw >= 20).astype(float)
    idx = np.arange(n)
    span = np.minimum(idx + 4, pe) - np.maximum(idx - 3, ps)
    cum_short = np.concatenate(([0.0], np.cumsum(nw < 10)))
    cum_marker = np.concatenate(([0.0], np.cumsum(marker)))
    before, after = idx < lo, idx > hi
    dist = np.where(before, (lo - idx) / 20.0, np.where(after, (idx - hi) / 20.0, 0.0))
    hi1 = hi + 1
    gap = np.where(
        before,
        cum_short[lo] - cum_short[idx],
        np.where(after, cum_short[idx] - cum_short[hi1], 0.0),
    )
    mb = np.where(after, cum_marker[idx] - cum_marker[hi1], 0.0)
    cum_chead = np.concatenate(([0.0], np.cumsum(chead)))
    cb = cum_chead[idx] - cum_chead[ps]  # comment headers above the line, on its page
    bulletf = bullet.astype(float)
    out = np.empty((n, len(NAMES)))
    out[:, 0] = 1.0
    out[:, 1] = logw
    out[:, 2] = longs
    out[:, 3] = nw <= 3
    out[:, 4] = bulletf
    out[:, 5] = np.array(indents) > 0
    out[:, 6] = (last & _C_END) > 0
    out[:, 7] = colon_end
    out[:, 8] = stops * inv
    out[:, 9] = np.minimum(cap_ratio, 1.0)
    out[:, 10] = digits * pinv
    out[:, 11] = (nw < 40) & has(_F_BOILER)
    out[:, 12] = linky
    out[:, 13] = dup
    out[:, 14] = (idx - ps) / (pe - ps)
    out[:, 15] = (idx >= lo) & (idx <= hi)
    out[:, 16] = np.minimum(dist, 3.0)
    out[:, 17] = shared
    out[:, 18] = np.where(idx > ps, np.concatenate(([0.0], logw[:-1])), 0.0)
    out[:, 19] = np.where(idx < pe - 1, np.concatenate((logw[1:], [0.0])), 0.0)
    out[:, 20] = _window_sum(longs, 3, 3, ps, pe) / span
    out[:, 21] = _window_sum(bulletf, 3, 3, ps, pe) / span
    out[:, 22] = (nw >= 3) & (nw <= 20) & (cap_ratio > 0.6) & ~(dot | colon_end)
    out[:, 23] = np.minimum(chars(_C_COMMA), 5.0) / 5.0
    out[:, 24] = chars(_C_QUOTE) > 0
    out[:, 25] = marker
    out[:, 26] = np.minimum(mb, 3.0) / 3.0
    out[:, 27] = np.log1p(gap)
    out[:, 28] = chead
    out[:, 29] = np.log1p(np.minimum(cb, 20.0))
    closing = (last & _C_CLOSE) > 0
    closing |= dot & ((cls[np.maximum(w.line_end - 2, w.line_start)] & _C_CLOSE) > 0)
    opener = (flags & _F_META) > 0
    opener &= w.starts == w.line_start[w.line]  # the line's first word, at its first character
    hint = closing | at | (_count(opener, w.line, n) > 0)
    return out, hint
