"""Metadata found in page text: credits, bylines, contacts, title, outlet, language."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

AGENCIES = {
    "afp": "AFP",
    "agence france-presse": "AFP",
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "dpa": "dpa",
    "yonhap": "Yonhap",
    "yonhap news": "Yonhap",
    "yonhap news agency": "Yonhap",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "tass": "TASS",
    "efe": "EFE",
    "ansa": "ANSA",
    "upi": "UPI",
    "pti": "PTI",
    "ians": "IANS",
    "ani": "ANI",
    "bloomberg": "Bloomberg",
    "kna": "KNA",
    "epd": "epd",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
}
_NAME = r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3}"
# "(AFP, Reuters)", "dh/wd (AFP, Reuters)", "(AP)", "ng/rc (dpa, AFP)"
_CREDIT = rf"(?:dpa|epd|kna|afp|ap|{_NAME})"
CREDIT_LINE = re.compile(
    rf"^(?:[a-z]{{1,4}}(?:/[a-z]{{1,4}})+\s*)?\(({_CREDIT}(?:\s*[,/;]\s*{_CREDIT})*)\)\.?$"
)
PROVENANCE = re.compile(
    r"^(?:this (?:post|article|story|piece) (?:appeared|was (?:first |originally )?published)"
    r"(?: first)? (?:on|at|in|by)|originally published (?:on|at|by)|source:|via)\s+"
    r"(\S+?)[.!]?$",
    re.IGNORECASE,
)
BYLINE = re.compile(
    rf"^(?i:by|written by|von|par|por)\s+({_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)"
    r"(?:\s*[,|–—-]\s*.{0,40})?$",
)
# "By Jane Roe, Chief Reporter": a job title after the name is not a second author
ROLE = re.compile(
    r"(?i)\b(?:reporter|correspondent|editor|writer|columnist|staff|contributor|journalist|"
    r"photographer|producer|analyst|bureau|desk|chief|senior|political|reporters)\b"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]?\s*)*(?:\d{4}\s*)?([\w.& -]{2,40}?)"
    r"(?:[.,|](?:\s|$)|\s+all rights|$)",
    re.IGNORECASE,
)
_GENERIC_TEXT = """
news related other top latest more share comments comment views editor editors home menu
search subscribe follow popular weekly best login sign read you world business opinion
video photos sport sports the
"""
GENERIC = frozenset(_GENERIC_TEXT.split())


def credit_of(text: str) -> list[str] | None:
    """Agency/provenance names if this line is a credit line, else None."""
    if len(text) > 120:
        return None
    m = CREDIT_LINE.match(text) if text[-1] in ")." else None
    if m:
        names = [n.strip() for n in re.split(r"[,/;]", m.group(1)) if n.strip()]
        return [AGENCIES.get(n.lower(), n) for n in names]
    m = PROVENANCE.match(text) if text[:1] in "TtOoSsVv" else None
    if m:
        return [m.group(1).rstrip(".")]
    return None


AGENCY_STRIP = " .:-–—"  # stripped from a line before it is looked up in AGENCIES


def agency_line(text: str) -> str | None:
    """The agency named by a short standalone line such as "Yonhap News"."""
    return AGENCIES.get(text.strip(AGENCY_STRIP).lower())


def byline_of(text: str) -> list[str] | None:
    """Author names if this line is a byline ("By Jane Roe and John Doe")."""
    if len(text) > 90 or text[:1] not in "BbWwVvPp":
        return None
    m = BYLINE.match(text)
    if not m:
        return None
    names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", m.group(1)) if n.strip()]
    return [n for n in names if not ROLE.search(n)]


def contact_of(text: str) -> str | None:
    """The e-mail address if this line is only a contact address."""
    m = EMAIL.search(text) if "@" in text else None
    if m and len(text.split()) <= 4:
        return m.group(0)
    return None


def is_headline(text: str, nwords: int) -> bool:
    """A line that could be a headline: a few words, not ending like a sentence fragment."""
    return 3 <= nwords <= 30 and not text.endswith((":", ",", "…", "...")) and len(text) < 250


@lru_cache(maxsize=4096)
def outlet_from_url(url: str | None) -> str | None:
    """The site's host name without "www." (e.g. "cnn.com"); cached, as each page asks thrice."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    return host or None


def outlet_from_text(lines: list[str]) -> str | None:
    """An outlet named by boilerplate: a copyright line or a repeated brand token."""
    for text in reversed(lines):
        if "©" in text or "copyright" in text.lower():
            m = COPYRIGHT.search(text)
            if m:
                name = m.group(1).strip(" .-–")
                if name and not name.isdigit() and len(name.split()) <= 4:
                    return name
    seen: dict[str, int] = {}
    for text in lines:
        words = text.split()
        if 1 <= len(words) <= 3:
            token = words[0].strip(".:,")
            low = token.lower()
            if len(token) >= 4 and low not in GENERIC and token.isalpha() and not token.isupper():
                seen[low] = seen.get(low, 0) + 1
                if seen[low] >= 2:
                    return token
    return None


LANGUAGE_PREFIX = 400  # characters of clean text read; on the clean text (no menus) of 256
# pages of the extraction set, stories part1 and the seeds, 300 gave the language of the whole
# text on every page, and the cost grows with the length (0.47 ms a page at 1,000, 0.17 at 400)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of a clean text's first characters (py3langid, imported lazily, its
    model loaded through `language_model`); None for very short text."""
    if len(text) < 20:
        return None
    from .language_model import identifier

    return str(identifier().classify(text[:LANGUAGE_PREFIX])[0])
