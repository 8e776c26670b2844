"""The command line: the main job, the step-by-step commands, and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.helpers import run

from newsweave.cli import cli
from newsweave.render import validate_brief

ROOT = Path(__file__).resolve().parent.parent


def test_brief_of_the_example_is_valid_json(examples: Path) -> None:
    code, out, _ = run("-q", "brief", str(examples), "--format", "json")
    assert code == 0
    data = json.loads(out)
    validate_brief(data)
    assert len(data["articles"]) == 10
    assert len(data["stories"]) >= 2


def test_brief_picks_the_format_from_the_output_suffix(examples: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    code, _, err = run("brief", str(examples), "-o", str(out))
    assert code == 0
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert "wrote html brief" in err


def test_ingest_twice_stores_each_page_once(examples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    assert run("ingest", "--db", db, str(examples))[0] == 0
    code, _, err = run("ingest", "--db", db, str(examples))
    assert code == 0
    assert "0 stored, 10 already stored" in err


def test_step_by_step_commands(examples: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    run("ingest", "--db", db, str(examples))
    code, _, err = run("analyze", "--db", db)
    assert code == 0 and "stories" in err
    code, out, _ = run("stories", "--db", db, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and sum(r["articles"] for r in rows) == 10
    story = rows[0]["id"]
    code, out, _ = run("show", story[:6], "--db", db, "--format", "json")
    assert code == 0
    shown = json.loads(out)
    validate_brief(shown)
    assert [s["id"] for s in shown["stories"]] == [story]
    code, out, _ = run("export", "--db", db, "--what", "articles")
    assert code == 0 and len(out.splitlines()) == 10


def test_clean_explain_marks_every_line(examples: Path) -> None:
    page = next(examples.glob("*.txt"))
    code, out, _ = run("clean", "--explain", str(page))
    assert code == 0
    lines = [line for line in out.splitlines() if not line.startswith("==")]
    assert lines and all(re.match(r"^[+-] \[", line) for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", "no/such/folder"], "no such file or folder"),
        (["stories", "--db", "no-such.db"], "no store at no-such.db"),
        (["show", "zzz", "--db", ":memory:"], "no single story matches"),
    ],
)
def test_errors_are_one_line_with_a_non_zero_exit(args: list[str], message: str) -> None:
    code, _, err = run(*args)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_only_bad_input_is_an_error_the_user_must_act_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run("brief", str(tmp_path))
    assert code != 0
    assert "empty" in err and "no usable pages" in err


def test_stdin_is_an_input() -> None:
    text = (
        b"Harbour ferry service resumes after storm\n\n"
        + b"The ferry between Tidewater and Gull Island sailed again on Monday after three days of storms kept it in port, the operator said. "
        * 3
    )
    code, out, _ = run("-q", "brief", "-", "--format", "json", input=text)
    assert code == 0
    assert json.loads(out)["articles"][0]["source"] == "-"


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for name in cli.commands:
        assert f"newsweave {name}" in readme, name


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("newsweave, version")


def test_ingest_refuses_a_loopback_url_without_the_flag(tmp_path: Path) -> None:
    code, _, err = run(
        "ingest", "--db", str(tmp_path / "n.db"), "--url", "http://127.0.0.1:9/private"
    )
    assert code == 2  # every URL refused: a failure the shell can see (issue 25)
    assert "loopback address" in err and "--allow-private" in err
    assert "0 stored" in err and "every URL was refused" in err


def test_ingest_needs_something_to_read(tmp_path: Path) -> None:
    code, _, err = run("ingest", "--db", str(tmp_path / "n.db"))
    assert code == 2 and "nothing to ingest" in err


def test_entities_option_picks_the_entity_backend(examples: Path) -> None:
    code, out, _ = run("-q", "brief", str(examples), "--format", "json", "--entities", "none")
    assert code == 0
    data = json.loads(out)
    assert all(not a["entities"] for a in data["articles"])
    code, out, _ = run("-q", "brief", str(examples), "--format", "json", "--entities", "lexical")
    assert any(a["entities"] for a in json.loads(out)["articles"])


def test_lineage_shows_copies_and_independent_sources(tmp_path: Path) -> None:
    from tests.cluster.fixtures import BRIDGE

    db, pages = str(tmp_path / "n.db"), tmp_path / "pages.jsonl"
    rows = [
        {"url": f"https://{host}/bridge", "outlet": host, "text": BRIDGE}
        for host in ("marrowbymercury.example", "pellanledger.example")
    ]
    groups = tmp_path / "groups.json"
    groups.write_text(json.dumps({"one group": ["marrowbymercury.example"]}))
    pages.write_text("\n".join(json.dumps(r) for r in rows))
    run("ingest", "--db", db, str(pages))
    assert run("analyze", "--db", db, "--outlet-groups", str(groups))[0] == 0
    (row,) = [json.loads(line) for line in run("stories", "--db", db, "--json")[1].splitlines()]
    assert (row["articles"], row["sources"]) == (2, 1)
    code, out, _ = run("lineage", row["id"], "--db", db)
    assert code == 0 and "2 articles, 1 independent source" in out
    assert "verbatim" in out and "identical text" in out and "one source each" in out
    data = json.loads(run("lineage", row["id"], "--db", db, "--json")[1])
    assert data["independent_sources"] == 1 and data["relations"][0]["kind"] == "verbatim"
    assert len(data["groups"]) == 1 and len(data["groups"][0]["articles"]) == 2


def test_stage_counts_are_written_with_real_plurals() -> None:
    from newsweave.ui import _counts

    assert _counts({"stories": 1, "articles": 1}) == "1 story, 1 article"
    assert _counts({"stories": 2, "copies": 3}) == "2 stories, 3 copy groups"
