"""Output safety: renderers escape page text and link targets; files stay where they are put."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from tests.helpers import run

from newsweave.model import (
    Article,
    Brief,
    Change,
    Claim,
    CopyRelation,
    Discrepancy,
    DiscrepancyValue,
    Dropped,
    Entity,
    Event,
    Figure,
    Quote,
    Story,
    SummarySentence,
    TimelineEntry,
)
from newsweave.render import render_html, render_markdown

EVIL = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
    '"><svg onload=alert(4)> ![x](javascript:alert(5)) <a href="javascript:alert(6)">a</a> '
    "[r]: javascript:alert(7) `code` *em* &lt;b&gt;"
)
BAD_URLS = [
    "javascript:alert(8)",
    " JaVaScRiPt:alert(9)",
    "java\tscript:alert(10)",
    "data:text/html,<script>alert(11)</script>",
    "vbscript:msgbox(12)",
    'http://example.org/" onmouseover="alert(13)',
    "http://example.org/)[x](javascript:alert(14)",
]


def hostile_brief() -> Brief:
    """A brief whose every page-derived field carries markup, and bad URLs."""
    ids = [f"{n:064x}" for n in range(1, len(BAD_URLS) + 1)]
    articles = [
        Article(
            id=aid,
            source=f"{EVIL} src{n}",
            text=f"{EVIL}\n\nSecond {EVIL}",
            title=f"Title {EVIL}",
            outlet=f"Outlet {EVIL}",
            credits=[EVIL],
            authors=[EVIL],
            published="2024-06-12",
            url=url,
            standfirst=EVIL,
        )
        for n, (aid, url) in enumerate(zip(ids, BAD_URLS, strict=True))
    ]
    a, b = ids[0], ids[1]
    story = Story(
        id="f" * 64,
        title=f"Story {EVIL}",
        articles=ids,
        events=[Event("e1", EVIL, "2024-06-12", [a, b])],
        timeline=[TimelineEntry("2024-06-12", EVIL, [a]), TimelineEntry(EVIL, EVIL, [b])],
        quotes=[Quote(EVIL, EVIL, a, sentence=EVIL)],
        figures=[Figure(3.0, EVIL, EVIL, a, sentence=EVIL, unit=EVIL)],
        discrepancies=[
            Discrepancy(
                EVIL,
                [
                    DiscrepancyValue("3", EVIL, [a], wording={a: EVIL}, sentences={a: EVIL}),
                    DiscrepancyValue(EVIL, EVIL, [b], wording={b: EVIL}, sentences={b: EVIL}),
                ],
            )
        ],  # fmt: skip
        summary=[SummarySentence(EVIL, [a, b], article=a)],
        duplicates=[[a, b]],
        lineage=[CopyRelation(a, b, "verbatim", [EVIL])],
        entities=[Entity(EVIL, "PERSON", [EVIL], [EVIL], 2, [a])],
        claims=[Claim(EVIL, [a], wording={a: EVIL})],
    )
    return Brief(
        articles=articles,
        stories=[story],
        dropped=[Dropped(EVIL, EVIL)],
        changes=[Change("new-fact", EVIL, story.id, [a], before=EVIL, after=EVIL)],
        since=EVIL,
    )


class _Tags(HTMLParser):
    """Every tag with its attributes, and the text inside <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _scheme(value: str) -> str:
    """The scheme a browser would see: control characters and spaces removed, lower case."""
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned.split("/", 1)[0] else ""


def test_html_report_has_no_live_markup_from_pages() -> None:
    out = render_html(hostile_brief())
    parser = _Tags()
    parser.feed(out)
    names = {tag for tag, _ in parser.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "form"}, names
    assert "svg" not in names or "onload" not in out.replace("onload=alert(4)&gt;", "")
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                assert _scheme(value) in ("", "http", "https"), (tag, name, value)


def test_html_report_links_only_http_sources() -> None:
    out = render_html(hostile_brief())
    parser = _Tags()
    parser.feed(out)
    hrefs = [v for tag, attrs in parser.tags if tag == "a" for k, v in attrs if k == "href"]
    external = [h for h in hrefs if h and not h.startswith("#")]
    assert all(h.startswith(("http://", "https://")) for h in external), external
    for tag, attrs in parser.tags:  # a quote inside a URL must not open a new attribute
        if tag == "a":
            assert {k for k, _ in attrs} <= {"href", "rel", "class", "id", "title"}, attrs


def test_markdown_brief_has_no_links_or_html_from_pages() -> None:
    out = render_markdown(hostile_brief())
    assert not re.search(r"(?<!\\)<\s*(script|img|svg|a|iframe)\b", out, re.I), "raw HTML survived"
    # a live Markdown link or image is an unescaped "](" ; its target must be internal or http(s)
    for target in re.findall(r"(?<!\\)\]\(\s*<?([^)\s>]*)", out):
        assert target.startswith(("#", "http://", "https://")), target
    for target in re.findall(r"(?m)^\s{0,3}(?<!\\)\[[^\]\n]+(?<!\\)\]:\s*(\S+)", out):
        assert target.startswith(("#", "http://", "https://")), target
    assert not re.search(r"(?<!\\)<\s*(javascript|data|vbscript):", out, re.I), "autolink survived"


# -- files --------------------------------------------------------------------
PAGE = (
    "Home | News\n\n"
    "Harbour gates fail ../../../../etc/passwd ..\\..\\boot.ini /tmp/owned\n\n"
    "The harbour gates at Vell failed on Monday after a week of rain, and about 400 homes "
    "in the lower town were flooded, the harbour master said at a briefing.\n\n"
    "Crews expect to repair the gates by Friday, the council said on Tuesday morning.\n"
)


def _files(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def hostile_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    record = {"url": "javascript:alert(1)", "title": "../../../../tmp/owned", "text": PAGE}
    (folder / "page.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return folder


def test_brief_writes_only_the_chosen_file(tmp_path: Path, hostile_inputs: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    before = _files(tmp_path)
    for fmt in ("md", "html", "json"):
        code, _, err = run("-q", "brief", str(hostile_inputs), "-o", str(out / f"b.{fmt}"))
        assert code == 0, err
    assert _files(tmp_path) - before == {out / "b.md", out / "b.html", out / "b.json"}


def test_export_writes_only_the_chosen_file(tmp_path: Path, hostile_inputs: Path) -> None:
    db = tmp_path / "s.db"
    assert run("-q", "ingest", "--db", str(db), str(hostile_inputs))[0] == 0
    before = _files(tmp_path)
    for what in ("pages", "articles", "stories"):
        code, _, err = run(
            "-q", "export", "--db", str(db), "--what", what, "-o", str(tmp_path / what)
        )
        assert code == 0, err
    new = {p for p in _files(tmp_path) - before if not p.name.startswith("s.db")}
    assert new == {tmp_path / "pages", tmp_path / "articles", tmp_path / "stories"}


@pytest.mark.parametrize("target", ["missing/dir/brief.md", "."])
def test_unwritable_output_is_one_line_error(
    tmp_path: Path, hostile_inputs: Path, target: str
) -> None:
    code, _, err = run("-q", "brief", str(hostile_inputs), "-o", str(tmp_path / target))
    assert code != 0 and "Traceback" not in err, err
    assert "error" in err.strip().splitlines()[-1].lower(), err


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "..", "a/../../b.jsonl", "/abs/x.jsonl", "x\x00y", "é" * 200]
)
def test_shard_folders_stay_inside_the_output_folder(tmp_path: Path, name: str) -> None:
    shards = pytest.importorskip("newsweave.engines.shards")
    folder = Path(shards.shard_folder(tmp_path, name))
    assert folder.parent == tmp_path / "_shards"
    assert folder.resolve().is_relative_to((tmp_path / "_shards").resolve())
    assert len(folder.name) < 100
