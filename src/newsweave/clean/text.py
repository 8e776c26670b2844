"""The flattened-text path: score every line, keep the body, lift metadata out of the rest."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress

import numpy as np

from newsweave.model import Article, Dropped, Page

from . import meta
from .config import CleanConfig, LineVerdict
from .dates import publication_date, stamp_date, strip_stamp
from .features import STOP, Line, PageWords, hash_words, parse_batch, parse_pages
from .scorer import logits_batch, rule_logits

_TRUNCATED = re.compile(r"(?:\.{3,}|…)\s*$")
_WORD = re.compile(r"\w+")
# photo captions and credits: "In this Dec. 1, 2019, file photo, ...", "... (AP Photo/Ann Lee)",
# "... (Image: GETTY)", "Photo: Ann Lee, AP"
# (each form starts with one of the lookahead's characters: checked first, a search does not
# try every form at every position; tests/clean/test_regex_lookaheads.py holds them to that)
CAPTION = re.compile(
    r"""(?ix)(?=[itp(])(?:
    ^(?:in\ )?this\b.{0,80}\d.{0,40}\bphoto(?:graph)?\b  # dated, as agencies write them
    | \((?:[\w.]+\ ){0,2}photo\b  # (AP Photo/..., (File photo), (Photo by ...
    | \(image:\ [^)]*\)\s*$
    | ^photo:\s
    )"""
)

# the labels over ads and sponsored blocks, in a few languages
_AD_LABEL = re.compile(
    r"""(?x)\W*(?:advertisement|advert|ad|sponsored(?:\ content)?|anzeige|publicidade|publicidad
    |publicité|pubblicità|реклама|(?:story|article|content)\ continues\ below(?:\ advertisement)?
    |continue\ reading\ below)\W*$"""
)


@dataclass(slots=True)
class Analysis:
    """What the text path decided about one page.

    `why[i]` is the reason a rule gave for line i, or None where the model's score decided;
    `verdicts()` spells every line out (for --explain), which the cleaner itself never needs.
    """

    lines: list[Line]
    keep: list[bool]
    why: list[str | None]
    probs: list[float]
    title: str | None = None
    standfirst: str | None = None
    credits: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)

    def verdicts(self) -> list[LineVerdict]:
        """Every line with kept/dropped and the reason."""
        out = []
        for line, kept, why, p in zip(self.lines, self.keep, self.why, self.probs, strict=True):
            reason = why or (f"body (score {p:.2f})" if kept else f"boilerplate (score {p:.2f})")
            out.append(LineVerdict(line.raw.rstrip(), kept, reason))
        return out


def site_key(page: Page) -> str | None:
    """The key that groups pages of one site for cross-page context."""
    return page.outlet or meta.outlet_from_url(page.url)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())  # same as Line.key


def _add(items: list[str], new: list[str]) -> None:
    for item in new:
        if item not in items:
            items.append(item)


Scored = tuple[list[Line], np.ndarray, PageWords]  # a page's lines, their body logits, words
_BATCH_PAGES = 32  # pages whose features are computed together
_BATCH_CHARS = 1_000_000  # ... up to about this many characters


def score_pages(contents: Sequence[str], config: CleanConfig) -> list[Scored]:
    """Lines and body logits of text pages, computed in batches (numpy calls per batch)."""
    out: list[Scored] = []
    start = 0
    while start < len(contents):
        end, size = start, 0
        while end < len(contents) and end - start < _BATCH_PAGES and size < _BATCH_CHARS:
            size += len(contents[end])
            end += 1
        batch = parse_batch(contents[start:end])
        parsed = batch.pages
        if config.use_model:
            z = logits_batch(batch.rows, batch.words, batch.bounds)
            zs = [z[a:b] for a, b in zip(batch.bounds[:-1], batch.bounds[1:], strict=True)]
        else:
            zs = [rule_logits(p.rows) for p in parsed]
        out.extend((p.lines, z, p.words) for p, z in zip(parsed, zs, strict=True))
        start = end
    return out


def analyse(
    page: Page,
    config: CleanConfig,
    site_counts: Mapping[str, int] | None = None,
    scored: Scored | None = None,
) -> Analysis:
    """Decide keep/drop for every non-blank line of a text page, with reasons.

    `scored` is the page's entry from `score_pages` when it was computed in a batch.
    """
    lines, z, words = scored or score_pages([page.content], config)[0]
    cut = math.log(config.threshold / (1.0 - config.threshold))
    keep = (z > cut).tolist()
    probs = (1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))).tolist()
    why: list[str | None] = [None] * len(lines)
    res = Analysis(lines, keep, why, probs)
    _repetitive(lines, words, keep, why, _FILLER_MAX_SHARE)
    if lines and sum(len(lines[i].text) for i, k in enumerate(keep) if k) < config.min_chars:
        _repetitive(lines, words, keep, why, _REPEAT_MAX_SHARE)
        _fallback(lines, z, keep, why, config)
    _fill_holes(lines, z, keep, why, config)
    items = _intro_lists(lines, z, keep, why)
    _captions_and_ads(lines, keep, why)
    start = _first_strong(lines, keep)
    _metadata_lines(lines, keep, why, start, res, site_counts, config)
    _after_closing_credit(lines, keep, why)
    title_line = _title_and_standfirst(page, lines, words, keep, why, start, res)
    _off_topic(lines, words, keep, why, res.title, title_line)
    _trim(lines, keep, why, items, probs)
    _dedupe(lines, keep, why)
    return res


def _metadata_lines(
    lines: list[Line],
    keep: list[bool],
    why: list[str | None],
    start: int,
    res: Analysis,
    site_counts: Mapping[str, int] | None,
    config: CleanConfig,
) -> None:
    """Credits, bylines, contact e-mails and site-wide repeated lines become metadata."""
    # candidates: hinted lines, short agency lines above the body, lines the site repeats
    cands = [line.index for line in lines if line.hint]
    agency_of, strip = meta.AGENCIES.get, meta.AGENCY_STRIP  # keys are casefolded already
    agencies = {
        line.index: agency
        for line in lines[: start + 1]
        if line.nw <= 4 and (agency := agency_of(line.key.strip(strip)))
    }
    cands += agencies
    repeated: dict[int, int] = {}  # line -> pages of the site that have it
    if site_counts:
        for line in lines:
            if line.nw <= 20 and (count := site_counts.get(line.key, 0)) >= config.site_repeat:
                repeated[line.index] = count
        cands += repeated

    def drop(i: int, reason: str) -> None:
        keep[i] = False
        why[i] = reason

    for i in sorted(set(cands)):
        line = lines[i]
        text = line.text
        if line.nw > 20:
            continue
        if line.hint and (credits := meta.credit_of(text)) is not None:
            _add(res.credits, credits)
            drop(i, "credit: " + ", ".join(credits))
        elif line.hint and (authors := meta.byline_of(text)) is not None:
            _add(res.authors, authors)
            drop(i, "byline: " + (", ".join(authors) or "no name"))
        elif line.hint and (mail := meta.contact_of(text)) is not None:
            _add(res.credits, [mail])
            drop(i, "contact e-mail")
        elif i in agencies:
            _add(res.credits, [agencies[i]])
            drop(i, f"credit: {agencies[i]}")
        elif i in repeated:
            drop(i, f"repeated on {repeated[i]} pages of the site")


def _fill_holes(
    lines: list[Line], z: np.ndarray, keep: list[bool], why: list[str | None], config: CleanConfig
) -> None:
    """Keep a sentence-like paragraph the model nearly kept between body lines, or as the lead."""
    floor = math.log(config.hole_threshold / (1.0 - config.hole_threshold))
    n = len(lines)
    first = next((i for i, k in enumerate(keep) if k), n)
    for i in np.flatnonzero(z > floor).tolist():
        if keep[i] or not _sentence(lines[i]):
            continue
        above, below = any(keep[max(0, i - 2) : i]), any(keep[i + 1 : min(n, i + 3)])
        lead = below and i < first  # the lead paragraph just above the first body line
        if (above and below) or (lead and lines[i].nw >= 15):
            keep[i] = True
            where = "between body lines" if above and below else "lead paragraph"
            why[i] = f"body, {where} (score {_p(float(z[i])):.2f})"


_LIST_FLOOR = -4.0  # a list item scoring below this logit (p = 0.018) is not one
_LIST_MAX = 50  # lines a list may run on for after the line that introduces it


def _intro_lists(
    lines: list[Line], z: np.ndarray, keep: list[bool], why: list[str | None]
) -> set[int]:
    """Keep the list that a kept paragraph introduces ("The tour dates are:"): its short items
    read as boilerplate to the model. The list ends at a long line, a sentence the model kept
    (the body goes on), a line a rule dropped, or one the model is sure is boilerplate.

    Returns the lines it kept, and the lines that introduce them.
    """
    n = len(lines)
    items: set[int] = set()
    for i in [i for i in compress(range(n - 1), keep) if lines[i].text[-1] == ":"]:
        if lines[i].nw < 4 or not keep[i]:
            continue
        for j in range(i + 1, min(n, i + 1 + _LIST_MAX)):
            item = lines[j]
            if keep[j]:  # an item the model kept, unless the body goes on
                if item.nw >= 20 or item.text[-1] in ".!?":
                    break
                continue
            if item.nw >= 20 or item.text.endswith(":") or why[j] or z[j] < _LIST_FLOOR:
                break
            keep[j], why[j] = True, f"body, in the list that line {i + 1} introduces"
            items.update((i, j))
    return items


_TOPIC_GAP = 3  # kept lines at most this many lines apart are one block
_TOPIC_MIN_SHARED = 2  # the article's blocks share this many words with the title, at least
_TOPIC_MAX_SHARE = 0.2  # a block with at most this share of its words in the article ...
_TOPIC_PROSE = 15  # ... that holds a paragraph this long is about another story


@lru_cache(maxsize=1)
def _stop_hashes() -> frozenset[int]:
    return frozenset(hash_words(sorted(STOP)).tolist())


def _off_topic(
    lines: list[Line],
    words: PageWords,
    keep: list[bool],
    why: list[str | None],
    title: str | None,
    title_line: int | None,
) -> None:
    """Drop blocks of kept lines about other stories (teasers and "more from" boxes after the
    body, written as prose, so the model keeps them).

    The article is the blocks that share words with the title (`title_line` on the page, or
    given with the page). A block that shares none, has few words in common with the article
    and holds a paragraph is another story. Tables and lists (no paragraph) stay: their items
    rarely repeat the title's words.
    """
    kept = np.flatnonzero(keep)
    if title is None or len(kept) < 2:
        return
    breaks = np.diff(kept) > _TOPIC_GAP + 1
    if not breaks.any():
        return
    stop = _stop_hashes()
    if title_line is None:
        title_set = set(hash_words([w for w in _WORD.findall(title) if len(w) > 3]).tolist())
    else:
        a, b = np.searchsorted(words.line, [title_line, title_line + 1]).tolist()
        title_set = set(words.hashes[a:b][words.length[a:b] > 3].tolist())
    title_set -= stop
    if len(title_set) < _TOPIC_MIN_SHARED:
        return
    block = np.full(len(lines), -1)
    block[kept] = np.concatenate(([0], np.cumsum(breaks)))
    word_block = block[words.line]
    sel = (word_block >= 0) & (words.length > 3)
    hashes, word_block = words.hashes[sel], word_block[sel]
    blocks = [set(hashes[word_block == b].tolist()) - stop for b in range(int(block.max()) + 1)]
    shared = [len(b & title_set) for b in blocks]
    if max(shared) < _TOPIC_MIN_SHARED:
        return
    article = set().union(*(b for b, n in zip(blocks, shared, strict=True) if n))
    for b, (found, n) in enumerate(zip(blocks, shared, strict=True)):
        if n or len(found & article) > _TOPIC_MAX_SHARE * len(found):
            continue
        members = kept[block[kept] == b].tolist()
        if any(lines[i].nw >= _TOPIC_PROSE for i in members):
            for i in members:
                keep[i], why[i] = False, "another story: shares no word with the title"


def _captions_and_ads(lines: list[Line], keep: list[bool], why: list[str | None]) -> None:
    """Drop kept photo captions and credits (they read as prose to the model) and ad labels."""
    for i in compress(range(len(lines)), keep):
        line = lines[i]
        key = line.key
        if ("photo" in key or "image:" in key) and CAPTION.search(line.text):
            keep[i], why[i] = False, "photo caption"
        elif line.nw <= 5 and _AD_LABEL.match(line.key):
            keep[i], why[i] = False, "advertisement label"


_REPEAT_MIN_WORDS = 50  # a line this long ...
_REPEAT_MAX_SHARE = 0.1  # ... with at most this share of distinct words is not prose (weak pages)
_FILLER_MAX_SHARE = 0.05  # on any page: a handful of words over and over (not a repeated sentence)


def _repetitive(
    lines: list[Line],
    words: PageWords,
    keep: list[bool],
    why: list[str | None],
    share: float,
) -> None:
    """Drop long lines whose distinct words are at most `share` of their words (filler, spam).

    Run on every page with `_FILLER_MAX_SHARE` (a few words over and over: the model can score
    such a line as body when its words are the page's topic words), and on a weak page,
    before the fallback, with the looser `_REPEAT_MAX_SHARE` (there such a line would be the
    best there is). Only lines of `_REPEAT_MIN_WORDS` words or more are counted.
    """
    long = [line.index for line in lines if line.nw >= _REPEAT_MIN_WORDS]
    if not long:
        return
    bounds = np.searchsorted(
        words.line, np.array([long, np.add(long, 1)])
    )  # words are in line order
    for i, a, b in zip(long, bounds[0].tolist(), bounds[1].tolist(), strict=True):
        limit = share * (b - a)
        head = a + 2 * int(limit) + 2  # prose shows more than `limit` distinct words by here
        if head < b and len(set(words.hashes[a:head].tolist())) > limit:
            continue  # the whole line has at least as many
        distinct = len(set(words.hashes[a:b].tolist()))  # np.unique costs more on a line
        if distinct <= limit:
            keep[i] = False
            why[i] = f"repeats {distinct} distinct word(s) over {b - a} words: not prose"


_CLUELESS = math.log(0.2 / 0.8)  # a weak page whose best line scores below p = 0.2 ...
_PROSE_WORDS = 30  # ... falls back to its best paragraph of prose this long


def _fallback(
    lines: list[Line], z: np.ndarray, keep: list[bool], why: list[str | None], config: CleanConfig
) -> None:
    """No confident body: keep the best-scored line and its close-scoring neighbours, and the
    sentences of prose next to them that the model does not rule out (`_prose_neighbour`).

    Where even the best line is unlikely body, the model has no idea what the page is, and a
    plain rule decides instead: the best-scored paragraph of prose, with its prose neighbours.
    Lines a rule already dropped (see `_repetitive`) stay dropped.
    """
    scores = [-math.inf if reason else s for s, reason in zip(z.tolist(), why, strict=True)]
    if max(scores, default=-math.inf) == -math.inf:
        return
    best = max(range(len(lines)), key=lambda i: (scores[i], len(lines[i].text)))
    near = scores  # the scores of the lines that may join the best one
    if scores[best] < _CLUELESS:
        prose = [
            line.nw >= _PROSE_WORDS and _sentence(line) and s > -math.inf
            for line, s in zip(lines, scores, strict=True)
        ]
        if any(prose):
            best = max(range(len(lines)), key=lambda i: (prose[i], scores[i]))
            near = [
                s if _sentence(line) else -math.inf for line, s in zip(lines, scores, strict=True)
            ]
    floor = scores[best] - config.fallback_margin
    lo = hi = best
    while lo > 0 and (near[lo - 1] > floor or _prose_neighbour(lines[lo - 1], scores[lo - 1])):
        lo -= 1
    while hi + 1 < len(lines) and (
        near[hi + 1] > floor or _prose_neighbour(lines[hi + 1], scores[hi + 1])
    ):
        hi += 1
    for i in range(lo, hi + 1):
        if lines[i].nw >= 3 and why[i] is None:
            keep[i] = True
            why[i] = f"body, low confidence (score {_p(scores[i]):.2f}; best of a weak page)"


_NEIGHBOUR_FLOOR = math.log(0.1 / 0.9)  # a prose neighbour of a weak page's best line ...


def _prose_neighbour(line: Line, score: float) -> bool:
    """Whether a line next to a weak page's kept lines joins them whatever their scores: a
    sentence of prose the model does not rule out (a short page's lead paragraph, whose words
    the model has no context for)."""
    return _sentence(line) and score > _NEIGHBOUR_FLOOR


def _p(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_ENDS = '.!?"”’)'  # how a line that ends a sentence ends


def _sentence(line: Line) -> bool:
    return line.nw >= 10 and line.text[-1] in _ENDS


def _first_strong(lines: list[Line], keep: list[bool]) -> int:
    """Index of the first kept, sentence-like line of ten words or more."""
    return next((i for i, k in enumerate(keep) if k and _sentence(lines[i])), len(lines))


def _after_closing_credit(lines: list[Line], keep: list[bool], why: list[str | None]) -> None:
    """Everything after a credit line that closes a body (3+ kept lines above) is not body."""
    credits = [i for i, reason in enumerate(why) if reason and reason.startswith("credit")]
    for i in credits:  # (the first one with 3 kept lines above it, itself dropped)
        if not keep[i] and sum(keep[:i]) >= 3:
            for j in range(i + 1, len(lines)):
                if keep[j]:
                    keep[j], why[j] = False, f"after the closing credit line {i + 1}"
            return


def _trim(
    lines: list[Line], keep: list[bool], why: list[str | None], items: set[int], probs: list[float]
) -> None:
    """Drop short kept lines before the first and after the last paragraph of the body,
    except the `items` of a list the body introduces and the article's own closing sentences:
    short sentences the model is sure of, right after the body ("Schools stayed closed.")."""
    kept = [i for i, k in enumerate(keep) if k and lines[i].nw >= 10]
    if not kept:
        return
    for i in range(kept[0]):
        if keep[i]:
            keep[i], why[i] = False, "short line above the body"
    closing = True  # still in the run of closing sentences right after the body
    for i in range(kept[-1] + 1, len(lines)):
        closing = closing and keep[i] and _closing_sentence(lines[i], probs[i])
        if keep[i] and i not in items and not closing:
            keep[i], why[i] = False, "short line below the body"


_CLOSING_P = 0.8  # a short line after the body stays when the model is this sure it is body


def _closing_sentence(line: Line, prob: float) -> bool:
    """A short closing sentence of the article: capitalised, four words or more, ending as a
    sentence ends, no credit or contact line, and scored body with confidence."""
    return (
        prob >= _CLOSING_P
        and line.nw >= 4
        and not line.hint
        and line.text[:1].isupper()
        and line.text[-1] in _ENDS
    )


def _title_and_standfirst(
    page: Page,
    lines: list[Line],
    words: PageWords,
    keep: list[bool],
    why: list[str | None],
    start: int,
    res: Analysis,
) -> int | None:
    """Pick the title (unless the page gives one) and the standfirst under it; drop both from
    the body, with the title's copies. Returns the title's line, if it is on the page."""
    title_idx: int | None = None
    if page.title:
        res.title = page.title.strip()
    else:
        title_idx = _pick_title(lines, words, keep, why, start)
        if title_idx is not None:
            res.title = lines[title_idx].text
    if res.title:
        key = _norm(res.title)
        for i, line in enumerate(lines):
            if line.key == key:
                keep[i] = False
                why[i] = "title" if title_idx in (None, i) else "duplicate of the title"
                title_idx = i if title_idx is None else title_idx
    if title_idx is None:
        return None
    # standfirst: a sentence-like line right under the title, above the body
    for i in range(title_idx + 1, min(start, len(lines))):
        line = lines[i]
        if (why[i] or "").startswith(("title", "duplicate", "credit", "byline")):
            continue
        sentence_like = line.nw >= 8 and not line.bullet
        if (
            sentence_like
            and not _TRUNCATED.search(line.text)
            and (not keep[i] or line.text[-1] not in ".!?")
        ):
            res.standfirst = line.text
            keep[i], why[i] = False, "standfirst"
        break
    return title_idx


_TITLE_BODY_CHARS = 5000  # characters of the body whose words a title candidate is scored by
# never a headline: a byline, a reading time, a photo credit
_NOT_A_HEADLINE = re.compile(
    r"""(?ix)(?=[bwvp\d/])(?:^(?:by|written\ by|von|par|por)\s+[A-Z]
    | \b\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b
    | \bvia\s+(?:reuters|afp|ap|getty|epa|anadolu)\b
    | /\s*(?:handout|getty|reuters|afp|ap|epa|pool)\b)"""
)
_MENU_MARKS = re.compile(r"[|▾›»☰•\[\]\t]")  # menus, breadcrumbs, table rows
_MASTHEAD = re.compile(
    r"(?i)\b(?:since|est\.?|founded in)\s+1[6-9]\d\d\b|\bnewspaper\b|\bserving\b"
)


def _pick_title(
    lines: list[Line], words: PageWords, keep: list[bool], why: list[str | None], start: int
) -> int | None:
    """The headline above the body: a repeated line first, else the line most about the body.

    Menu, breadcrumb and masthead lines, cookie notices and long standfirst-like lines lose.
    """
    candidates = []
    for line in lines[:start]:
        if line.bullet or not 3 <= line.nw <= 30:  # the cheap part of is_headline first
            continue
        if not meta.is_headline(line.text, line.nw) or line.text[-1] == ".":
            continue
        if _NOT_A_HEADLINE.search(line.text) or CAPTION.search(line.text):
            continue
        reason = why[line.index]
        if reason is None or reason.startswith("body"):
            candidates.append(line.index)
    if not candidates:
        return None
    body, size = [], 0  # the body's first _TITLE_BODY_CHARS characters, in whole lines
    for i in compress(range(start, len(lines)), keep[start:]):
        if lines[i].nw >= 10:
            body.append(i)
            size += len(lines[i].key) + 1
            if size >= _TITLE_BODY_CHARS:
                break
    in_body = np.zeros(len(lines), dtype=bool)
    in_body[body] = True
    long_word = words.length > 3  # only these count, in candidates and in the body
    body_words = set(words.hashes[in_body[words.line] & long_word].tolist())
    is_candidate = np.zeros(len(lines), dtype=bool)
    is_candidate[candidates] = True
    sel = is_candidate[words.line] & long_word
    content_of: dict[int, set[int]] = {i: set() for i in candidates}
    for i, h in zip(words.line[sel].tolist(), words.hashes[sel].tolist(), strict=True):
        content_of[i].add(h)
    seen: dict[str, int] = {}
    best, best_score = None, 0.0
    for i in candidates:
        content = content_of[i]
        shared = len(body_words.intersection(content))
        if shared < 2:
            continue
        line = lines[i]
        if _MENU_MARKS.search(line.text) or _MASTHEAD.search(line.text):
            continue
        if line.key in seen:  # a headline printed twice (e.g. once lower-cased) is the title
            return seen[line.key]
        seen[line.key] = i
        score = shared / len(content) - (0.3 if line.nw > 18 else 0.0)
        if score > best_score:
            best, best_score = i, score
    return best


def _dedupe(lines: list[Line], keep: list[bool], why: list[str | None]) -> None:
    """Drop repeated body lines and truncated teasers of a kept paragraph."""
    kept = [i for i, k in enumerate(keep) if k]
    kept_keys = [lines[i].key for i in kept]
    for i, line in enumerate(lines):
        if line.nw >= 5 and line.text.endswith(("...", "…")):
            stem = _TRUNCATED.sub("", line.key).rstrip(". ")
            pairs = zip(kept, kept_keys, strict=True)
            j = next((j for j, t in pairs if j != i and t.startswith(stem)), None)
            if j is not None:
                keep[i], why[i] = False, f"truncated copy of line {j + 1}"
    counts = Counter(kept_keys)
    if len(counts) == len(kept_keys):
        return
    seen: dict[str, int] = {}
    for i, key in zip(kept, kept_keys, strict=True):
        if counts[key] < 2 or not keep[i] or "\t" in lines[i].raw:  # table rows repeat
            continue
        if key in seen:
            keep[i], why[i] = False, f"duplicate of line {seen[key] + 1}"
        else:
            seen[key] = i


def build_article(page: Page, res: Analysis, config: CleanConfig) -> Article | Dropped:
    """Assemble the Article (or a Dropped with the reason) from a page's analysis."""
    parts: list[str] = []
    body_lines: list[str] = []
    prev_bullet = False
    top = res.lines[0].raw if res.lines else ""
    stamped = stamp_date(top) is not None  # the store's "date YYYY-MM-DD" stamp is not text
    for i, (line, kept) in enumerate(zip(res.lines, res.keep, strict=True)):
        if not kept:
            continue
        line_text = strip_stamp(line.text) if stamped and i == 0 else line.text
        if not line_text:
            continue
        body_lines.append(line_text)
        if line.bullet:
            item = "• " + line_text
            if prev_bullet:
                parts[-1] += "\n" + item
            else:
                parts.append(item)
        else:
            parts.append(line_text)
        prev_bullet = line.bullet
    text = "\n\n".join(parts)
    headline = res.title
    short = False
    if len(text) < config.min_chars:
        headline = _short_headline(res, body_lines)
        short = headline is not None
    if len(text) < config.min_chars and not short:
        return Dropped(
            page.source,
            f"no article body: {len(text)} characters kept from {len(res.lines)} lines "
            f"(minimum {config.min_chars})",
            stage="clean",
        )
    published, inferred = page.published, False
    basis = "declared" if published else None
    span: list[str] = []
    if not published and config.infer_dates:
        # the lines above the body's first full paragraph that are not body: a standfirst
        # kept above a byline and its date line does not hide them
        first = next(
            (i for i, k in enumerate(res.keep) if k and res.lines[i].nw >= _PARAGRAPH_WORDS),
            next((i for i, k in enumerate(res.keep) if k), 0),
        )
        header = [
            raw.strip()
            for raw, kept in (
                (ln.raw, k) for ln, k in zip(res.lines[:first], res.keep[:first], strict=True)
            )
            if not kept and raw.strip()[:1] != "•"
        ]
        found = publication_date(
            header, _head(body_lines, config.max_chars or _DATE_SCAN), page.url, top
        )
        span, basis = found.range, found.basis
        published = found.day.isoformat() if found.day else None
        inferred = published is not None  # found in the text: see `published_basis` for how
    outlet = (
        page.outlet
        or meta.outlet_from_url(page.url)
        or meta.outlet_from_text(
            [line.text for line, k in zip(res.lines, res.keep, strict=True) if not k]
        )
    )
    return Article(
        id=page.id,
        source=page.source,
        text=text,
        title=strip_stamp(headline) if stamped and headline else headline,
        outlet=outlet,
        credits=res.credits,
        authors=res.authors,
        published=published,
        published_inferred=inferred,
        language=meta.detect_language(text) if config.detect_language else None,
        url=page.url,
        standfirst=res.standfirst,
        published_range=span,
        published_basis=basis,
        short=short,
    )


_SHORT_SENTENCE = re.compile(r"^\W?[A-Z0-9].*\w.*[.!?][\"”’)]?$")
_LONG_WORD = re.compile(r"\w{4,}")


def _short_headline(res: Analysis, body: list[str]) -> str | None:
    """The headline of a real short article, or None: a body under the minimum is kept when
    it is one or two full sentences (five words or more each) under a headline (the title
    found, else the line just above the body: 4-20 words, no final period, sharing a word)."""
    if not body or len(body) > 2:
        return None
    if not all(len(line.split()) >= 5 and _SHORT_SENTENCE.match(line) for line in body):
        return None
    if res.title:
        return res.title
    first = next((i for i, k in enumerate(res.keep) if k), 0)
    above = next((ln for ln in reversed(res.lines[:first]) if ln.text.strip()), None)
    if above is None or not 4 <= above.nw <= 20 or above.text.rstrip()[-1:] in ".|:":
        return None
    shared = {w.lower() for w in _LONG_WORD.findall(above.text)} & {
        w.lower() for line in body for w in _LONG_WORD.findall(line)
    }
    return above.text.strip() if shared else None


_PARAGRAPH_WORDS = 20  # a kept line this long starts the body proper (for the date header)
_DATE_SCAN = 100_000  # characters of body read for dates when the text is not capped


def _head(texts: list[str], limit: int) -> list[str]:
    """The leading texts up to about `limit` characters (the last one cut)."""
    out, used = [], 0
    for text in texts:
        if used + len(text) > limit:
            out.append(text[: max(0, limit - used)])
            break
        out.append(text)
        used += len(text) + 1
    return out


def site_counts(
    pages: list[Page], scored: Mapping[int, Scored] | None = None
) -> dict[str, Counter[str]]:
    """Per site: on how many text pages each normalised line occurs (sites with 2+ pages).

    `scored` maps id(page) to its `score_pages` entry, so pages are not split twice.
    """
    by_site: dict[str, list[Page]] = {}
    for page in pages:
        key = site_key(page)
        if key and page.kind != "html":
            by_site.setdefault(key, []).append(page)
    out: dict[str, Counter[str]] = {}
    for key, group in by_site.items():
        if len(group) < 2:
            continue
        counter: Counter[str] = Counter()
        for page in group:
            found = (scored or {}).get(id(page))
            lines = found[0] if found else parse_pages([page.content])[0][0]
            counter.update({line.key for line in lines})
        out[key] = counter
    return out
