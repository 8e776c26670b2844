"""`newsweave eval`: score a JSON brief against hand-labelled gold stories.

    evaluate_brief(brief, gold, pages_dir) -> dict   every measure and every per-item verdict
    render_table(result, name)             -> str    the table `newsweave eval` prints
    load_gold(path) / load_brief(path)     -> dict   read and check the two JSON files

The gold format is that of the `stories` evaluation sets: `pages` ({"NNN.txt": {url, story,
event, published, published_acceptable, has_store_date_stamp}}) and `stories` ({id: {pages,
quotes, conflicts, false_conflict_traps, copies, timeline}}). Brief articles are matched to
gold pages by URL, by source file name, or by line of a pages.jsonl (`match.map_articles`).
Measures: stories and events (pairwise and B-cubed P/R/F1, ARI), publication dates, quotes,
conflicts, lineage, timeline and summary; each function's docstring defines its measure.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsweave.errors import InputError

from .articles import score_dates, score_quotes
from .clusters import score_clusters
from .conflicts import score_conflicts
from .lineage import score_lineage
from .match import map_articles
from .report import per_story, render_table, summary_line
from .summary import score_summary
from .timeline import score_timeline

__all__ = ["evaluate_brief", "load_brief", "load_gold", "render_table"]


def evaluate_brief(
    brief: dict[str, Any], gold: dict[str, Any], pages_dir: Path | None = None
) -> dict[str, Any]:
    """Every measure of `brief` against `gold`; `pages_dir` holds the gold page files (NNN.txt),
    read only to check that summary sentences are in the articles they cite."""
    page_of, mapping = map_articles(brief, gold["pages"])
    res: dict[str, Any] = {"mapping": mapping}
    res["clusters"] = score_clusters(brief, gold, page_of)
    res["dates"] = score_dates(brief, gold, page_of)
    res["quotes"] = score_quotes(brief, gold, page_of)
    res["conflicts"] = score_conflicts(brief, gold, page_of)
    res["lineage"] = score_lineage(brief, gold, page_of)
    res["timeline"] = score_timeline(brief, gold, page_of)
    res["summary"] = score_summary(brief, page_of, pages_dir)
    res["per_story"] = per_story(brief, gold, page_of, res)
    res["summary_line"] = summary_line(res)
    return res


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read the {what} {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"the {what} {path} is not JSON: {exc}") from exc


def load_brief(path: Path) -> dict[str, Any]:
    """A JSON brief (`newsweave brief --format json`), checked to hold articles and stories."""
    brief = _read_json(path, "brief")
    if not isinstance(brief, dict) or not isinstance(brief.get("articles"), list):
        raise InputError(f"{path} is not a JSON brief: it has no list of articles")
    if not isinstance(brief.get("stories", []), list):
        raise InputError(f"{path} is not a JSON brief: its stories are not a list")
    return brief


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file, checked for the fields every measure reads."""
    gold = _read_json(path, "gold file")
    if not isinstance(gold, dict) or not isinstance(gold.get("pages"), dict):
        raise InputError(f"{path} is not a gold file: it has no `pages` object")
    if not isinstance(gold.get("stories"), dict):
        raise InputError(f"{path} is not a gold file: it has no `stories` object")
    for name, page in gold["pages"].items():
        if not isinstance(page, dict) or not {"story", "event"} <= page.keys():
            raise InputError(f"{path}: gold page {name} lacks its story or event")
    pages = set(gold["pages"])
    for sid, story in gold["stories"].items():
        if not isinstance(story, dict) or not isinstance(story.get("pages"), list):
            raise InputError(f"{path}: gold story {sid} has no list of pages")
        unknown = sorted(set(story["pages"]) - pages)
        if unknown:
            raise InputError(f"{path}: gold story {sid} lists pages not in `pages`: {unknown[:3]}")
    return gold
