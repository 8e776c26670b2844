"""Tunables and small records of the cleaning stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class CleanConfig:
    """Settings for `clean_page` / `clean_pages`, passed whole."""

    threshold: float = 0.5  # keep a line when the model's body probability is above this
    min_chars: int = 80  # an article with less body text than this is dropped
    hole_threshold: float = 0.3  # ... or above this for a sentence between body lines
    fallback_margin: float = 2.0  # weak page: keep lines scoring within this logit of the best
    use_model: bool = True  # False: rule-only scoring (no model.json)
    site_context: bool = True  # clean_pages: drop lines repeated across pages of a site
    site_repeat: int = 3  # ... when seen on at least this many pages of the site
    window: int = 256  # clean_pages buffers this many pages for cross-page context
    favor_precision: bool = True  # trafilatura setting for HTML pages
    refine_html: bool = True  # run newsweave's line rules over what trafilatura keeps
    detect_language: bool = True
    infer_dates: bool = True
    max_chars: int = 100_000  # longer article text is cut at a paragraph boundary (0: no cap)


@dataclass(slots=True)
class LineVerdict:
    """One input line or block, whether it was kept in the body, and why."""

    text: str
    kept: bool
    reason: str
