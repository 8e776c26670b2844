"""How `newsweave eval` matches a brief to its gold: article to page, text to text, number to number.

These are the gold format's own definitions (the `stories` evaluation sets), kept apart from the
analysis stages' text helpers on purpose: a scorer must not move when the analysis is tuned.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from typing import Any
from urllib.parse import unquote

# one kind of quote, apostrophe, dash and space
_UNIFY = str.maketrans(
    {
        **dict.fromkeys("\u2019\u2018\u201a\u201b\u2032`\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        "\u2044": "/",
        **dict.fromkeys("\u00a0\u2009\u202f\u2007", " "),
        "\u200b": "",
    }
)
_SPACES = re.compile(r"\s+")


def normal(text: str | None) -> str:
    """NFKC text with one kind of quote, dash and space, casefolded, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "").translate(_UNIFY)
    return _SPACES.sub(" ", text).strip().casefold()


def folded(text: str | None) -> str:
    """`normal` text without accents: how names and key words are compared."""
    decomposed = unicodedata.normalize("NFKD", normal(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def at_word_start(key: str, text: str) -> bool:
    """Whether `key` occurs in `text` where a word starts (both already folded)."""
    return re.search(r"(?<![a-z0-9])" + re.escape(key), text) is not None


_SCALES = {
    **dict.fromkeys(("thousand", "k"), 1e3),
    **dict.fromkeys(("million", "millions", "mn", "m", "mio"), 1e6),
    **dict.fromkeys(("billion", "billions", "bn", "b", "milliard", "milliards", "mrd"), 1e9),
    **dict.fromkeys(("trillion", "tn"), 1e12),
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}  # fmt: skip
_SCALE = (
    r"(?:\s*-?\s*(thousand|millions?|billions?|milliards?|trillion|mrd|mio|bn|mn|tn|[kmb])"
    r"(?![a-z]))?"
)
_DIGITS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:(?:,| )\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d.,])|\d+(?:\.\d+)?)"
    r"(?:\s*(\d)/(\d)(?!\d))?" + _SCALE
)
_SPELLED = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"((?:\s|-)+and(?:\s|-)+a(?:\s|-)+half)?(?![a-z])" + _SCALE
)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def numbers_in(text: Any) -> list[float]:
    """Every number a short value states: '20,000', '$8 billion', '6 1/2', 'six-and-a-half'.

    '2.000' gives both 2.0 and 2000 (a German thousands separator or a decimal point).
    """
    text = normal(str(text or "").replace("\u00bd", " 1/2"))
    found: list[float] = []
    for m in _DIGITS.finditer(text):
        digits, scale = m.group(1), _SCALES.get(m.group(4) or "", 1.0)
        if _DOTTED_THOUSANDS.fullmatch(digits):
            readings = [float(digits), float(digits.replace(".", ""))]
        else:
            readings = [float(digits.replace(",", "").replace(" ", ""))]
        fraction = int(m.group(2)) / int(m.group(3)) if m.group(2) and int(m.group(3)) else 0.0
        found += [(value + fraction) * scale for value in readings]
    for m in _SPELLED.finditer(text):
        value = _NUMBER_WORDS[m.group(1)] + (0.5 if m.group(2) else 0.0)
        found.append(value * _SCALES.get(m.group(3) or "", 1.0))
    return found


def same_number(a: float, b: float) -> bool:
    """Equal up to a relative millionth."""
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def url_key(url: str) -> str:
    """A URL without its scheme, "www.", trailing "/" and %-escapes, lower-cased."""
    key = unquote(str(url or "")).strip().lower()
    key = re.sub(r"^[a-z]+://", "", key)
    return key.removeprefix("www.").rstrip("/")


_JSONL_LINE = re.compile(r"\.jsonl:(\d+)$")


def map_articles(brief: dict[str, Any], pages: dict[str, Any]) -> tuple[dict[str, str], dict]:
    """Each brief article id -> its gold page file, with counts of how each was matched.

    Tried in order: the article's url equals a page's url (exactly, else by `url_key`); the
    basename of its `source` is a page file; its `source` ends in ".jsonl:N" (line N of
    pages.jsonl is page file N-1, zero-padded to three digits).
    """
    by_url = {v["url"]: k for k, v in pages.items() if v.get("url")}
    by_key = {url_key(v["url"]): k for k, v in pages.items() if v.get("url")}
    page_of: dict[str, str] = {}
    how: Counter[str] = Counter()
    unmatched, repeated = 0, 0
    seen: set[str] = set()
    for article in brief.get("articles", []):
        url, source = article.get("url"), str(article.get("source") or "")
        line = _JSONL_LINE.search(source)
        candidates = [
            ("url", by_url.get(url) if url else None),
            ("url (normalised)", by_key.get(url_key(url)) if url else None),
            (
                "source file name",
                os.path.basename(source) if os.path.basename(source) in pages else None,
            ),
            ("jsonl line", f"{int(line.group(1)) - 1:03d}.txt" if line else None),
        ]
        found = next(((h, p) for h, p in candidates if p is not None and p in pages), None)
        if found is None:
            unmatched += 1
            continue
        if found[1] in seen:
            repeated += 1
        seen.add(found[1])
        page_of[str(article.get("id"))] = found[1]
        how[found[0]] += 1
    info = {
        "brief_articles": len(brief.get("articles", [])),
        "mapped": len(page_of),
        "mapped_by": dict(sorted(how.items())),
        "unmatched_articles": unmatched,
        "gold_pages": len(pages),
        "gold_pages_in_brief": len(seen),
        "pages_with_several_articles": repeated,
    }
    return page_of, info
