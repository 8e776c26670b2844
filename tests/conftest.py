"""Shared fixtures: the ../shared folder (seeds and eval data) and small invented articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSWEAVE_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples" / "pages"


def require_shared(*parts: str) -> Path:
    """The path under ../shared; skip when absent, fail instead when NEWSWEAVE_REQUIRE_SHARED=1."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("NEWSWEAVE_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is missing, and NEWSWEAVE_REQUIRE_SHARED=1")
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture
def seeds() -> Path:
    """The five real seed pages in ../shared/seeds."""
    return require_shared("seeds")


@pytest.fixture
def examples() -> Path:
    """The bundled example pages."""
    return EXAMPLES
