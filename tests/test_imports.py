"""Guard tests: `import newsweave` stays light, and the public API matches __all__."""

from __future__ import annotations

import json
import subprocess
import sys
import types

import pytest

import newsweave

HEAVY = (
    "torch",
    "spacy",
    "sklearn",
    "trafilatura",
    "datasketch",
    "pyarrow",
    "sentence_transformers",
)


def test_import_newsweave_loads_no_heavy_library() -> None:
    code = "import sys, newsweave, newsweave.model, newsweave.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert not loaded & set(HEAVY)


def test_the_version_is_read_only_when_asked_for() -> None:
    code = "import sys, newsweave.cli; print('importlib.metadata' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
    shown = subprocess.run(
        [sys.executable, "-c", "from newsweave.cli import main; main()", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout == f"newsweave, version {newsweave.__version__}\n"
    assert newsweave.__version__ and isinstance(newsweave.__version__, str)
    with pytest.raises(AttributeError):
        newsweave.no_such_name  # noqa: B018


def test_public_api_matches_all() -> None:
    public = {
        name
        for name in dir(newsweave)
        if not name.startswith("_") and not isinstance(getattr(newsweave, name), types.ModuleType)
    }
    assert set(newsweave.__all__) - {"__version__"} == public


def test_clean_command_loads_only_what_cleaning_needs(tmp_path) -> None:
    page = tmp_path / "page.txt"
    body = "The council of Brindlemoor voted on Tuesday to open a new library by the river. " * 3
    page.write_text(f"Brindlemoor opens a library\n\n{body}\n", encoding="utf-8")
    code = (
        "import sys\nfrom newsweave.cli import main\ntry:\n    main(sys.argv[1:])\n"
        "except SystemExit:\n    pass\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "-q", "clean", str(page)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["title"] == "Brindlemoor opens a library"
    loaded = set(done.stderr.split())
    for package in ("dedup", "cluster", "engines", "extract", "web", "evaluate", "summarize"):
        assert f"newsweave.{package}" not in loaded
    # libraries a plain UTF-8 text file does not need (each costs a process 0.01-0.02 s)
    for module in ("numpy.ma", "email.utils", "charset_normalizer"):
        assert module not in loaded


def test_lazy_commands_are_listed_and_run() -> None:
    from click.testing import CliRunner

    from newsweave.cli import LAZY_COMMANDS, cli

    listed = CliRunner().invoke(cli, ["--help"])
    assert listed.exit_code == 0
    for name in LAZY_COMMANDS:
        assert f"  {name} " in listed.output
        shown = CliRunner().invoke(cli, [name, "--help"])
        assert shown.exit_code == 0 and f"Usage: cli {name}" in shown.output
