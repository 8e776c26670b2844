"""Quotations and their speakers on invented news pages, through `newsweave brief`.

`benchmarks/data/invented_quotes.json` holds short invented news pages (invented people,
places and outlets, written for this probe; no text of any shared page) in English, French,
German, Spanish, Italian, Portuguese, Dutch, Russian, Ukrainian and Polish. Each page is a
headline, sometimes a byline, and paragraphs written the way news pages quote people; it lists
the gold speaker of each quotation and the pattern it tests:

- `after`, `inverted`, `before`, `colon`, `dash`, `split`: the speaker named in the quote's
  sentence ('"...," Name said', '"...," said Name', 'Name said: "..."', 'Name: "..."',
  '"..." — Name', '"A," Name said, "B."');
- `pronoun`, `role`: "he said", "a-t-elle déclaré", "the chief inspector said" for a person
  named earlier; `according`: "according to Name", "selon", "laut", "según", "по словам";
- `org`: an organisation's statement; `partial`: a fragment quoted in running text;
  `multipara`: a quotation over paragraphs; `headline`: a quotation of the headline repeated
  in the body; `nested`: '"Bill told me ...," Barton said';
- traps, where the nearest name is not the speaker: `trap-inner` (a person named inside the
  quotation), `trap-next` (a name in the next sentence); `nobody`: a banner's words, with no
  speaker.

A gold quotation is *right* when a brief quote of its page holds its words and has a speaker
matching the gold one (a key at a word start, case and accents folded, as
`../shared/eval/stories/score.py` matches speakers: the surname unless the page lists keys),
*wrong* when its quotes have only other speakers, *unattributed* when they have none, *missing*
when no quote holds it. A `nobody` quotation (an unnamed speaker, a banner, a nickname) is
right when no quote holding it names someone: no speaker, an unnamed one, or no quote at all.

The set was written while the attribution rules were developed on it (in sample): it shows
which wordings the rules read and guards against regressions; it is no held-out figure (those
are `benchmarks/stories.py` on parts 2 and 3 of the stories set).

Pages written in a later round carry `"round"`: round 6 (`--round 6`) was written and scored
before the rules of that round were changed, and `--round 6-check` after them, scored once.

usage: python benchmarks/invented_quotes.py [--json OUT] [--verbose] [--round R]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "invented_quotes.json"
VERDICTS = ("right", "wrong", "unattributed", "missing")


def records(pages: list[dict]) -> list[dict]:
    """One JSON page a line, as a scraper writes them: url, outlet and the page's text."""
    return [
        {
            "url": f"https://{p['outlet']}/2025/06/{10 + n % 18:02d}/{p['id']}",
            "outlet": p["outlet"],
            "text": p["text"] + "\n",
        }
        for n, p in enumerate(pages)
    ]


def brief(lines: list[dict], folder: Path) -> dict:
    """The JSON brief of `lines`, made by the CLI in a fresh process with its defaults."""
    source, target = folder / "pages.jsonl", folder / "brief.json"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    command = [sys.executable, "-m", "newsweave.cli", "-q", "brief", str(source)]
    subprocess.run([*command, "--format", "json", "-o", str(target)], check=True)
    return json.loads(target.read_text())


def fold(text: str) -> str:
    """Lower case, accents off, one kind of quote mark and apostrophe, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def _keys(quote: dict) -> list[str]:
    if quote.get("keys"):
        return [fold(k) for k in quote["keys"]]
    return [fold(quote["speaker"]).split()[-1]]


def _at_word_start(key: str, speaker: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(key)}", speaker) is not None


def _names(speaker: str) -> bool:
    """Whether a speaker holds a name ("Tom Ekk"), not only a description ("a neighbour")."""
    words = speaker.split()
    while words and words[0].lower() in ("a", "an", "the", "one", "un", "une", "ein", "eine"):
        words = words[1:]
    return any(w[:1].isupper() for w in words)


def verdict(gold: dict, found: list[tuple[str, str | None]]) -> tuple[str, list[str]]:
    """The verdict on one gold quotation given the (text, speaker) quotes of its page."""
    words = fold(gold["contains"])
    held = [(t, s) for t, s in found if words in fold(t)]
    speakers = sorted({s for _, s in held if s})
    if gold["speaker"] is None:  # no one named: an unnamed description may stand, a name not
        return ("wrong" if any(_names(s) for s in speakers) else "right"), speakers
    if not held:
        return "missing", speakers
    if any(_at_word_start(k, fold(s)) for s in speakers for k in _keys(gold)):
        return "right", speakers
    return ("wrong" if speakers else "unattributed"), speakers


def page_quotes(result: dict) -> dict[str, list[tuple[str, str | None]]]:
    """The brief's quotes (variants included) by the URL of their article."""
    url_of = {a["id"]: a["url"] for a in result["articles"]}
    found: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for story in result["stories"]:
        for quote in story.get("quotes") or []:
            for q in [quote, *(quote.get("variants") or [])]:
                found[url_of.get(q["article"], "")].append((q["text"], q.get("speaker")))
    return found


def main() -> None:
    """Brief the invented pages, print right / wrong / unattributed by language and pattern."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, help="write the per-quotation results here")
    parser.add_argument("--verbose", action="store_true", help="print every quotation not right")
    parser.add_argument(
        "--round", help="only the pages of this round ('6', '6-check'); default: every page"
    )
    args = parser.parse_args()
    pages = json.loads(DATA.read_text())["pages"]
    if args.round:
        pages = [p for p in pages if str(p.get("round", "")) == args.round]
        if not pages:
            parser.error(f"no page of round {args.round!r} in {DATA}")
    lines = records(pages)
    with tempfile.TemporaryDirectory() as tmp:
        found = page_quotes(brief(lines, Path(tmp)))
    rows = []
    for page, line in zip(pages, lines, strict=True):
        for gold in page["quotes"]:
            mark, speakers = verdict(gold, found.get(line["url"], []))
            rows.append(
                {
                    "page": page["id"],
                    "language": page["language"],
                    "pattern": gold["pattern"],
                    "speaker": gold["speaker"],
                    "contains": gold["contains"],
                    "verdict": mark,
                    "brief_speakers": speakers,
                }
            )
    for label, key in (("language", "language"), ("pattern", "pattern")):
        groups: dict[str, Counter[str]] = defaultdict(Counter)
        for row in rows:
            groups[row[key]][row["verdict"]] += 1
        print(f"{label:12} {'n':>4} " + " ".join(f"{v:>12}" for v in VERDICTS))
        for name, counts in sorted(groups.items(), key=lambda g: -sum(g[1].values())):
            cells = " ".join(f"{counts[v]:12d}" for v in VERDICTS)
            print(f"{name:12} {sum(counts.values()):4d} {cells}")
        print()
    if args.verbose:
        for row in rows:
            if row["verdict"] != "right":
                print(
                    f"{row['verdict']:12} {row['page']:14} {row['pattern']:10} "
                    f"gold {row['speaker']!s:18} brief {row['brief_speakers']}  "
                    f"«{row['contains'][:40]}»"
                )
    totals = Counter(r["verdict"] for r in rows)
    print(
        f"quotations {len(rows)}: right {totals['right']} ({totals['right'] / len(rows):.2f}), "
        f"wrong {totals['wrong']}, unattributed {totals['unattributed']}, "
        f"missing {totals['missing']}"
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
