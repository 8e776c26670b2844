"""Guard tests: the declared dependencies and package data match the code and the tree."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "newsweave"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _imported_roots() -> set[str]:
    """The top-level names of every module that src/newsweave imports, anywhere in a file."""
    roots: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                roots |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                roots.add(node.module.split(".")[0])
    return roots


def test_every_package_data_pattern_matches_a_file() -> None:
    patterns = _pyproject()["tool"]["setuptools"]["package-data"]["newsweave"]
    for pattern in patterns:
        assert any(p.is_file() for p in PACKAGE.glob(pattern)), f"no file matches {pattern}"


def test_training_only_libraries_are_not_runtime_dependencies() -> None:
    runtime = " ".join(_pyproject()["project"]["dependencies"]).lower()
    assert "sklearn" not in _imported_roots()
    assert "scikit-learn" not in runtime


def test_every_extra_is_imported_by_the_package() -> None:
    # an extra that installs a library nothing in src/ imports is a promise without code
    imported = _imported_roots()
    library_of = {"web": "starlette", "nlp": "spacy", "ray": "ray", "fuzz": None, "test": None}
    for extra in _pyproject()["project"]["optional-dependencies"]:
        assert extra in library_of, f"extra [{extra}]: say which library of src/ it powers"
        if library_of[extra]:
            assert library_of[extra] in imported, extra


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("the tests (the command CI runs, `.ci/run`):\n\n```sh\n", 1)[1]
    command = block.split("```", 1)[0].strip().splitlines()
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    at = ci.index(command[0])  # the command's lines, in a row, in .ci/run
    assert ci[at : at + len(command)] == command
    assert "venv" in command[0]  # never the system Python
