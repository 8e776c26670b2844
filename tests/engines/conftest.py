"""Fixtures of the engine tests: small WARC shards made here, and one local Ray per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.engines.fixtures import make_warcs

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")


@pytest.fixture(scope="session")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Three small WARC files of invented pages (two stories, two near-copies)."""
    return [str(p) for p in make_warcs(tmp_path_factory.mktemp("warcs"))]


@pytest.fixture(scope="session")
def serial_output(warcs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The serial engine's output folder for `warcs` (computed once per session)."""
    from newsweave.engines import get_engine, run_job

    out = tmp_path_factory.mktemp("serial") / "out"
    run_job(warcs, out, get_engine("serial"))
    return out


@pytest.fixture(scope="session")
def ray_local() -> Iterator[Any]:
    """A local Ray with two CPUs for the whole session; skipped when ray is not installed."""
    ray = pytest.importorskip("ray")
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
