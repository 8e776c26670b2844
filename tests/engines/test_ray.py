"""The Ray Data engine on a local two-CPU Ray: the same output as the serial engine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsweave.engines import get_engine, read_output, run_job
from newsweave.model import to_dict


def test_ray_run_equals_the_serial_run(
    ray_local: Any, warcs: list[str], serial_output: Path, tmp_path: Path
) -> None:
    engine = get_engine("ray")
    report = run_job(warcs, tmp_path / "out", engine)
    engine.close()
    assert ray_local.is_initialized()  # an engine leaves a Ray it did not start running
    assert {s.status for s in report.shards} == {"done"}
    ray_out = read_output(tmp_path / "out")
    serial = read_output(serial_output)
    for mine, theirs in zip(ray_out, serial, strict=True):
        assert [to_dict(r) for r in mine] == [to_dict(r) for r in theirs]
    assert [s.duplicates for s in ray_out[1]] == [s.duplicates for s in serial[1]]
