"""Publication dates on HTML pages: newsweave's product path beside htmldate's extensive mode.

Pages with a known publication day, from the shared extraction sets:
  * `extraction-more/readability/`: the `datePublished` label (Readability.js's expected
    metadata; 33 pages);
  * `extraction/`: pages whose URL states the day (`/2019/11/19/`), the URL being the label
    (both methods read URLs, so this part checks that nothing overrides a URL's day).

Each page goes through `newsweave.clean.clean_page` (HTML path, default settings: the date
`newsweave brief` gives) and, in the same run, `htmldate.find_date(html, url=...,
original_date=True, extensive_search=True)`, `htmldate` in its fast mode
(`extensive_search=False`) and trafilatura's metadata date (which newsweave preferred before). A page is right when the day
equals the label, wrong when another day is given, abstained when none is.

Usage:
    python benchmarks/pubdates.py [--shared ../shared/eval]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path

import htmldate

from newsweave.clean import clean_page
from newsweave.clean.dates import url_date
from newsweave.model import Article, Page

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval"


def labelled_pages(shared: Path) -> list[tuple[str, str, str, str]]:
    """(set, page id, url, label day) of every HTML page whose publication day is known."""
    out = []
    readability = shared / "extraction-more" / "readability"
    truth = json.loads((readability / "ground-truth.json").read_text("utf-8"))
    for name, row in sorted(truth.items()):
        if row.get("datePublished") and row.get("fixture") != "True":
            out.append(("readability", name, row.get("url") or "", row["datePublished"][:10]))
    extraction = shared / "extraction"
    truth = json.loads((extraction / "ground-truth.json").read_text("utf-8"))
    for name, row in sorted(truth.items()):
        day = url_date(row.get("url"))[0]
        if day is not None:
            out.append(("extraction", name, row["url"], day.isoformat()))
    return out


def read_html(shared: Path, which: str, name: str) -> str:
    """The raw page."""
    folder = shared / ("extraction-more/readability" if which == "readability" else "extraction")
    with gzip.open(folder / "html" / f"{name}.html.gz", "rt", encoding="utf-8") as f:
        return f.read()


def newsweave_date(html: str, url: str) -> str | None:
    """The publication day newsweave's product path gives the page."""
    page = Page(id="p", source="p.html", content=html, url=url or None, kind="html")
    result = clean_page(page)
    return result.published if isinstance(result, Article) else None


def htmldate_date(extensive: bool) -> Callable[[str, str], str | None]:
    """htmldate's original-date search, extensive or fast."""

    def find(html: str, url: str) -> str | None:
        try:
            found = htmldate.find_date(
                html, url=url or None, original_date=True, extensive_search=extensive
            )
        except (ValueError, TypeError):
            return None
        return found[:10] if found else None

    return find


def trafilatura_date(html: str, url: str) -> str | None:
    """trafilatura's metadata date (what newsweave's HTML path preferred before)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    found = getattr(doc, "date", None) if doc is not None else None
    return str(found)[:10] if found else None


def main(argv: list[str] | None = None) -> int:
    """Score each method on every labelled page and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT)
    args = ap.parse_args(argv)
    if not (args.shared / "extraction").is_dir():
        print(f"no extraction sets under {args.shared}", file=sys.stderr)
        return 2
    methods = {
        "newsweave clean_page (product path)": newsweave_date,
        "htmldate extensive_search=True": htmldate_date(True),
        "htmldate extensive_search=False": htmldate_date(False),
        "trafilatura metadata date": trafilatura_date,
    }
    pages = labelled_pages(args.shared)
    rows: dict[tuple[str, str], dict[str, int]] = {}
    for which, name, url, label in pages:
        html = read_html(args.shared, which, name)
        for method, find in methods.items():
            got = find(html, url)
            verdict = "abstained" if not got else "right" if got == label else "wrong"
            for part in (which, "all"):
                row = rows.setdefault((part, method), {"right": 0, "wrong": 0, "abstained": 0})
                row[verdict] += 1
    print(
        f"{'set':12s} {'method':38s} {'pages':>5s} {'right':>5s} {'wrong':>5s} {'abst':>5s} "
        f"{'accuracy':>8s} {'precision':>9s}"
    )
    for (part, method), row in sorted(rows.items(), key=lambda kv: kv[0][0] == "all"):
        n = sum(row.values())
        answered = row["right"] + row["wrong"]
        precision = row["right"] / answered if answered else 0.0
        print(
            f"{part:12s} {method:38s} {n:5d} {row['right']:5d} {row['wrong']:5d} "
            f"{row['abstained']:5d} {row['right'] / n:8.3f} {precision:9.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
