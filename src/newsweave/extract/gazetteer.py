"""Word lists shipped as documented data files under `extract/data/` (one entry a line)."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=8)
def load(name: str) -> frozenset[str]:
    """The entries of `extract/data/<name>.txt`; '#' lines are comments."""
    text = files("newsweave.extract").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def countries() -> frozenset[str]:
    """Country names in English (`data/countries.txt`)."""
    return load("countries")
