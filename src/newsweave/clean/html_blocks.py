"""An HTML page as the text blocks a reader sees, each with the page region it sits in.

`page_blocks` walks the parsed page once (no recursion, so deep nesting is safe) and cuts its
text at block-level elements and line breaks. A block's region comes from the innermost
element whose tag, class, id or role names one: a menu, a footer, related links, a cookie
notice, share buttons... It is how `explain_page` can show an HTML page the way it shows a
text page: every block, kept or struck through, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLOCK = """address article aside blockquote body br dd details dialog div dl dt fieldset
figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary
table tbody td tfoot th thead tr ul"""
BLOCK_TAGS = frozenset(_BLOCK.split())
SKIP_TAGS = frozenset(("head", "script", "style", "noscript", "template", "svg", "math", "iframe"))
_TAG_REGIONS = {
    "nav": "menu",
    "footer": "footer",
    "aside": "sidebar",
    "form": "form",
    "figcaption": "caption",
    "button": "button",
    "time": "date line",
}
_ROLE_REGIONS = {
    "navigation": "menu",
    "contentinfo": "footer",
    "banner": "page header",
    "complementary": "sidebar",
    "search": "form",
}
# words in class or id -> region; the first listed that matches wins
_WORD_REGIONS = (
    (re.compile(r"cookie|consent|gdpr"), "cookie notice"),
    (re.compile(r"breadcrumb"), "menu"),
    (re.compile(r"\bmenu|\bnav(?:bar|igation)?\b|\bnav[-_]"), "menu"),
    (
        re.compile(
            r"related|recommend|more[-_]?(?:stories|news|from)|popular|trending|most[-_]read"
        ),
        "related links",
    ),
    (re.compile(r"share|social"), "share buttons"),
    (re.compile(r"comment"), "comments"),
    (re.compile(r"newsletter|subscri|sign[-_]?up|paywall|register"), "sign-up offer"),
    (re.compile(r"\bads?\b|advert|sponsor|promo|banner[-_]ad"), "advertising"),
    (re.compile(r"footer"), "footer"),
    (re.compile(r"(?:site|page|masthead)[-_]?header|\bmasthead\b|\blogo\b"), "page header"),
    (re.compile(r"caption"), "caption"),
    (re.compile(r"byline|author"), "byline"),
    (re.compile(r"sidebar|widget"), "sidebar"),
)


@dataclass(slots=True)
class Block:
    """A run of page text between block boundaries, where it sits, and how much is link text."""

    text: str
    region: str | None  # "menu", "footer", ... ; None in plain content
    link_chars: int = 0
    tag: str = ""  # the block element it came from ("h1", "p", "li"...)


def region_of(tag: str, attrs: dict[str, str]) -> str | None:
    """The region an element names by its tag, role, class or id; None when it names none."""
    words = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
    if words.strip():
        for pattern, region in _WORD_REGIONS:
            if pattern.search(words):
                return region
    role = attrs.get("role", "").lower()
    if role in _ROLE_REGIONS:
        return _ROLE_REGIONS[role]
    return _TAG_REGIONS.get(tag)
    return None


class _Collector:
    """Text pieces gathered into blocks: a boundary ends the current block."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.current = Block("", None)

    def add(self, text: str | None, region: str | None, tag: str, in_link: bool) -> None:
        if not text:
            return
        if not text.strip():
            self.parts.append(" ")
            return
        if not any(p.strip() for p in self.parts):
            self.current = Block("", region, 0, tag)
        self.parts.append(text)
        if in_link:
            self.current.link_chars += len(text.strip())

    def boundary(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text:
            self.current.text = text
            self.blocks.append(self.current)
        self.parts = []
        self.current = Block("", None)


def page_blocks(html: str) -> list[Block]:
    """The visible text of an HTML page as blocks, in reading order, each with its region."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html  # type: ignore[import-untyped,unused-ignore]

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    out = _Collector()
    regions: list[str | None] = [None]
    tags = [""]
    links = 0
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in SKIP_TAGS or not tag:
                walker.skip_subtree()
                regions.append(regions[-1])
                tags.append(tags[-1])
                continue
            attrs = {str(k): str(v) for k, v in el.attrib.items()}
            if tag in BLOCK_TAGS:
                out.boundary()
            regions.append(region_of(tag, attrs) or regions[-1])
            tags.append(tag if tag in BLOCK_TAGS else tags[-1])
            links += tag == "a"
            out.add(el.text, regions[-1], tags[-1], links > 0)
        else:
            skipped = tag in SKIP_TAGS or not tag
            regions.pop()
            tags.pop()
            if tag == "a" and links:
                links -= 1
            if tag in BLOCK_TAGS and not skipped:
                out.boundary()
            out.add(el.tail, regions[-1], tags[-1], links > 0)
    out.boundary()
    return out.blocks
