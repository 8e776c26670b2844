"""`newsweave run`: help, errors, Parquet output and loading into a store."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run


def test_help_names_the_engines() -> None:
    from click.testing import CliRunner

    from newsweave.cli import cli

    result = CliRunner().invoke(cli, ["run", "--help"])
    code, out = result.exit_code, result.stdout
    assert code == 0
    assert "--engine" in out and "ray" in out and "--out" in out


def test_unknown_engine_and_missing_input_are_one_line_errors(
    warcs: list[str], tmp_path: Path
) -> None:
    code, _, err = run("run", "--engine", "spark", warcs[0], "--out", str(tmp_path))
    assert code == 2 and "unknown engine 'spark'" in err and "Traceback" not in err
    code, _, err = run("run", str(tmp_path / "nope.warc"), "--out", str(tmp_path))
    assert code == 2 and "no such file or folder" in err


def test_run_writes_parquet_and_loads_the_store(warcs: list[str], tmp_path: Path) -> None:
    db = tmp_path / "nw.db"
    code, _, err = run(
        "run", "--engine", "serial", *warcs, "--out", str(tmp_path / "out"), "--db", str(db)
    )
    assert code == 0, err
    assert "9 articles, 2 stories" in err
    code, out, _ = run("stories", "--db", str(db), "--json")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = run("export", "--what", "pages", "--db", str(db))
    assert len(out.splitlines()) == 9
