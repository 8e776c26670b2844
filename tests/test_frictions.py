"""The small frictions a new user meets on the command line, each fixed (invented pages)."""

from __future__ import annotations

import io
import json
import logging
import socket
from pathlib import Path

import click
import pytest
from rich.console import Console
from tests.helpers import run

from newsweave.clean.html import html_title
from newsweave.cli import cli
from newsweave.logs import setup_logging
from newsweave.model import Dropped
from newsweave.pipeline import RunReport, StageReport
from newsweave.ui import ConsoleUI

BODY = (
    "The Westmere harbour pier closed on Monday for three months of repairs, the council said, "
    "after engineers found corroded steel supports under the eastern end of the structure.\n"
    "Ferry services will move to the old quay while the work is done, and the council said "
    "fares would not change during the closure, which is expected to last until early summer."
)


def _page(folder: Path, name: str = "pier.jsonl", body: str = BODY) -> Path:
    record = {"title": "Westmere pier closes", "outlet": "Harbour Herald", "text": body}
    path = folder / name
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _captured(ui: ConsoleUI, width: int = 200) -> io.StringIO:
    buffer = io.StringIO()
    ui.console = Console(file=buffer, width=width, highlight=False, soft_wrap=True)
    return buffer


def test_exact_copies_are_one_line_with_a_count_and_listed_with_v(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(25):
        _page(pages, f"copy{i:02}.jsonl")
    code, _, err = run("ingest", "--db", str(tmp_path / "a.db"), str(pages))
    assert code == 0, err
    assert "duplicate of" not in err
    assert [line for line in err.splitlines() if "24 exact copies" in line] != []
    assert len(err.splitlines()) <= 3
    code, _, err = run("-v", "ingest", "--db", str(tmp_path / "b.db"), str(pages))
    assert code == 0 and err.count("duplicate of") == 24


def test_a_cut_article_is_reported_as_truncated_not_dropped() -> None:
    ui = ConsoleUI()
    out = _captured(ui)
    note = "text cut: 250,000 characters, over the 100,000-character cap; kept the first 99,990"
    ui.dropped([Dropped("long.txt", note, stage="clean"), Dropped("bad.txt", "empty page")])
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("truncated long.txt: 250,000 characters")
    assert lines[1] == "dropped bad.txt: empty page"


def test_the_stage_table_says_what_each_stage_read_and_wrote() -> None:
    ui = ConsoleUI()
    out = _captured(ui)
    stage = StageReport("cluster", 6, 2, inputs={"articles": 5, "copies": 1})
    stage.outputs = {"stories": 2}
    ui.report(RunReport([stage]))
    text = out.getvalue()
    assert "read" in text and "wrote" in text
    assert "5 articles, 1 copy group" in text and "2 stories" in text
    assert "│ 6 " not in text  # not a bare sum of unlike records


def test_stories_fit_80_columns() -> None:
    ui = ConsoleUI(width=80)
    buffer = io.StringIO()
    ui.out = Console(file=buffer, width=80, highlight=False)
    title = "Westmere harbour pier closes for three months of repairs after corroded supports found"
    outlets = [f"Harbour Herald Regional Edition {i}" for i in range(6)]
    row = {
        "id": "s0123456789a",
        "title": title,
        "articles": 9,
        "sources": 6,
        "events": 2,
        "first": "2025-04-01",
        "last": "2025-04-09",
        "outlets": outlets,
    }
    ui.stories_table([row, {**row, "id": "s2", "sources": 9, "first": None, "last": None}])
    lines = buffer.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "│" not in buffer.getvalue()  # no cramped table
    text = " ".join(" ".join(lines).split())
    assert title in text and "9 articles (6 independent)" in text and "undated" in text
    assert all(o in text for o in outlets)


def test_serve_on_a_busy_port_is_one_clear_line(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    db = tmp_path / "s.db"
    assert run("-q", "ingest", "--db", str(db), str(_page(tmp_path)))[0] == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run("serve", "--db", str(db), "--port", str(port))
    assert code == 2
    assert err.strip().splitlines() == [
        f"newsweave: error: port {port} on 127.0.0.1 is already in use (another server?): "
        "stop it or pick another port with --port"
    ]
    assert "serving" not in out + err


def _commands(group: click.Group) -> list[click.Command]:
    found: list[click.Command] = []
    for command in group.commands.values():
        found.append(command)
        if isinstance(command, click.Group):
            found += _commands(command)
    return found


def test_every_option_of_every_command_has_help() -> None:
    missing = [
        f"{command.name} {'/'.join(param.opts)}"
        for command in [cli, *_commands(cli)]
        for param in command.params
        if isinstance(param, click.Option) and not param.help and "--version" not in param.opts
    ]
    assert missing == []


def test_library_warnings_go_through_newsweave_logging() -> None:
    stream = io.StringIO()
    level = logging.getLogger().level
    try:
        setup_logging(verbose=0)
        (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "newsweave-cli"]
        handler.setStream(stream)  # type: ignore[attr-defined]
        logging.getLogger("trafilatura.core").warning("discarding data")
        logging.getLogger("htmldate").error("cannot parse")
        logging.getLogger("newsweave.clean").warning("a page looks odd")
        assert stream.getvalue().splitlines() == [
            "newsweave: error from htmldate: cannot parse",
            "newsweave: warning: a page looks odd",
        ]
        setup_logging(verbose=1)
        (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "newsweave-cli"]
        handler.setStream(stream)  # type: ignore[attr-defined]
        logging.getLogger("trafilatura.core").warning("discarding   data")
        assert (
            stream.getvalue().splitlines()[-1]
            == "newsweave: note from trafilatura: discarding data"
        )
        assert "WARNING" not in stream.getvalue()
    finally:
        for h in list(logging.getLogger().handlers):
            if h.get_name() == "newsweave-cli":
                logging.getLogger().removeHandler(h)
        logging.captureWarnings(False)
        logging.getLogger().setLevel(level)


def test_export_of_an_empty_table_says_what_to_run(tmp_path: Path) -> None:
    db = str(tmp_path / "e.db")
    assert run("-q", "ingest", "--db", db, str(_page(tmp_path)))[0] == 0
    code, out, err = run("export", "--db", db)
    assert code == 0 and out == ""
    assert f"run `newsweave analyze --db {db}` first" in err


@pytest.mark.parametrize(
    ("head", "body", "title"),
    [
        ("<title>Pier closes for repairs | Harbour Herald</title>", "", "Pier closes for repairs"),
        (
            '<meta property="og:title" content="Pier closes for repairs">',
            "",
            "Pier closes for repairs",
        ),
        ("", "<h1>Pier closes for repairs</h1>", "Pier closes for repairs"),
        ("", "", None),
    ],
)
def test_html_titles_come_from_the_markup_never_a_line_of_text(
    head: str, body: str, title: str | None
) -> None:
    html = (
        f"<html><head>{head}</head><body><div>HARBOUR HERALD Menu ☰ | News | Sport</div>"
        f"{body}<p>{BODY}</p></body></html>"
    )
    assert html_title(html) == title


def test_an_html_page_without_title_gets_its_h1_in_the_brief(tmp_path: Path) -> None:
    page = tmp_path / "pier.html"
    page.write_text(
        "<html><body><div class='top'>HARBOUR HERALD Menu ☰ | News | Sport</div>"
        "<h1>Westmere pier closes</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY.split("\n"))
        + "</body></html>",
        encoding="utf-8",
    )
    code, out, err = run("clean", str(page))
    assert code == 0, err
    assert json.loads(out)["title"] == "Westmere pier closes"


def test_the_brief_lists_a_cut_article_as_truncated_not_dropped() -> None:
    from newsweave.model import Brief
    from newsweave.render import render

    note = "text cut: 250,000 characters, over the 100,000-character cap; kept the first 99,990"
    brief = Brief([], [], dropped=[Dropped("long.txt", note, "clean"), Dropped("e.txt", "empty")])
    md = render(brief, "md")
    truncated, dropped = md.split("## Truncated")[1].split("## Dropped")
    assert "long.txt: 250,000 characters" in truncated and "long.txt" not in dropped
    assert "e.txt: empty" in dropped
    html = render(brief, "html")
    assert html.index("long.txt") < html.index("<h2>Dropped</h2>") < html.index("e.txt")


def test_html_title_stays_linear_on_unclosed_tags() -> None:
    for bad in ("<h1>" * 100_000, "<title>" * 100_000, "<h2>x" * 100_000, "<meta " * 100_000):
        assert html_title(bad) is None  # each in a single pass (was minutes with a naive regex)
