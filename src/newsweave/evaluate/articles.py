"""Per-page facts of a brief against the gold: publication dates and attributed quotes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from .match import at_word_start, folded

DATE_ROWS = (
    "determinable",
    "determinable, stamped",
    "determinable, not stamped",
    "not determinable",
    "all",
)


def score_dates(brief: dict[str, Any], gold: dict[str, Any], page_of: dict[str, str]) -> dict:
    """Each gold page's `published` answer: right, wrong or abstained, in rows by kind of page.

    Right when the day is one of the gold's acceptable days (else its `published`). Pages whose
    own text fixes the day (gold `published` set) are "determinable", split by a store stamp.
    The answer for a page is that of the first brief article mapped to it.
    """
    answer: dict[str, Any] = {}
    for article in brief.get("articles", []):
        page = page_of.get(str(article.get("id")))
        if page is not None:
            answer.setdefault(page, article.get("published"))
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    verdicts = {}
    for page in sorted(gold["pages"]):
        truth = gold["pages"][page]
        got = answer.get(page)
        ok = truth.get("published_acceptable") or (
            [truth["published"]] if truth.get("published") else []
        )
        verdict = "abstained" if not got else "right" if str(got)[:10] in ok else "wrong"
        verdicts[page] = {
            "published": got,
            "acceptable": ok,
            "gold_published": truth.get("published"),
            "stamped": bool(truth.get("has_store_date_stamp")),
            "verdict": verdict,
        }
        names = ["all"]
        if truth.get("published") is None:
            names.append("not determinable")
        else:
            stamped = truth.get("has_store_date_stamp")
            names += ["determinable", f"determinable, {'stamped' if stamped else 'not stamped'}"]
        for name in names:
            rows[name][verdict] += 1
    return {
        "rows": {name: _date_row(rows[name]) for name in DATE_ROWS if name in rows},
        "pages": verdicts,
    }


def _date_row(counts: Counter[str]) -> dict[str, Any]:
    pages = sum(counts.values())
    answered = counts["right"] + counts["wrong"]
    return {
        "pages": pages,
        "answered": answered,
        "right": counts["right"],
        "wrong": counts["wrong"],
        "abstained": counts["abstained"],
        "coverage": answered / pages if pages else 0.0,
        "accuracy": counts["right"] / answered if answered else None,
        "abstention": counts["abstained"] / pages if pages else 0.0,
    }


def speaker_keys(quote: dict[str, Any]) -> list[str]:
    """The words that identify a gold quote's speaker: its `speaker_keys`, else the surname of
    `speaker` and the capitalised aliases in brackets ("Ana Ruiz (mayor / Ruiz-Vell)")."""
    if quote.get("speaker_keys"):
        return [folded(k) for k in quote["speaker_keys"] if k.strip()]
    name, _, aliases = (quote.get("speaker") or "").partition("(")
    keys = re.findall(r"[\w'-]+", folded(name))[-1:]
    for alias in re.split(r"[/,;]", aliases.rstrip(")")):
        alias = alias.strip()
        if alias[:1].isupper():
            keys.append(folded(alias).split()[-1])
    return keys


def score_quotes(brief: dict[str, Any], gold: dict[str, Any], page_of: dict[str, str]) -> dict:
    """Each gold quote on each of its pages: extracted, with the right speaker, wrong or none.

    A brief quote (or a variant of it) of that page counts when its text contains the gold
    fragment (both folded). Right: one of them has a speaker with a gold key at a word start.
    """
    said: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for story in brief.get("stories", []):
        for quote in story.get("quotes") or []:
            for q in [quote, *(quote.get("variants") or [])]:
                page = page_of.get(str(q.get("article")))
                if page:
                    said[page].append((folded(q.get("text") or ""), q.get("speaker")))
    pairs = []
    counts: Counter[str] = Counter()
    for story_id, story in gold["stories"].items():
        for gq in story.get("quotes") or []:
            fragment, keys = folded(gq["contains"]), speaker_keys(gq)
            for page in gq["pages"]:
                found = [speaker for text, speaker in said.get(page, []) if fragment in text]
                speakers = [str(s) for s in found if s and str(s).strip()]
                right = any(at_word_start(k, folded(s)) for s in speakers for k in keys)
                verdict = (
                    "not extracted"
                    if not found
                    else "right"
                    if right
                    else "wrong"
                    if speakers
                    else "unattributed"
                )
                counts[verdict] += 1
                pairs.append(
                    {
                        "story": story_id,
                        "page": page,
                        "speaker": gq["speaker"],
                        "contains": gq["contains"],
                        "verdict": verdict,
                        "brief_speakers": sorted(set(speakers)),
                    }
                )
    total = len(pairs)
    extracted = total - counts["not extracted"]
    attributed = counts["right"] + counts["wrong"]
    return {
        "pairs_total": total,
        "extracted": extracted,
        "right": counts["right"],
        "wrong": counts["wrong"],
        "unattributed": counts["unattributed"],
        "not_extracted": counts["not extracted"],
        "extracted_rate": extracted / total if total else 0.0,
        "right_rate": counts["right"] / total if total else 0.0,
        "right_of_extracted": counts["right"] / extracted if extracted else 0.0,
        "right_of_attributed": counts["right"] / attributed if attributed else 0.0,
        "pairs": pairs,
    }
