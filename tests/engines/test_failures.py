"""What a sharded run does when things go wrong: dead workers, changed inputs on a re-run,
an output folder it cannot write, a Ray cluster it cannot reach."""

from __future__ import annotations

import os
import socket
import time
from pathlib import Path

import pytest
from tests.engines import dying
from tests.helpers import read_only, run

from newsweave.engines import ScaleConfig, get_engine, read_output, run_job
from newsweave.engines.local import PoolEngine
from newsweave.errors import InputError, NewsweaveError


def _why(shard: str, tries: int, why: str) -> str:
    return f"failed {shard} after {tries}: {why}"


def test_a_dead_worker_fails_its_shard_not_the_others() -> None:
    engine = PoolEngine(workers=2, retries=1)
    shards = ["ok-1", "die-2", "ok-3", "ok-4", "ok-5"]
    results = sorted(engine.map_shards(dying.killed_on, shards, _why))
    assert results == sorted(
        ["done ok-1", "failed die-2 after 2: was killed by SIGKILL", "done ok-3",
         "done ok-4", "done ok-5"]
    )  # fmt: skip
    with pytest.raises(NewsweaveError, match="was killed by SIGKILL, 1 times"):
        list(PoolEngine(workers=1, retries=0).map_shards(dying.killed_on, ["die"]))


def test_a_dead_worker_is_a_reported_shard_in_a_run(
    warcs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.engines import job

    monkeypatch.setattr(job, "process_shard", dying.first_shard_kills_its_worker)
    engine = get_engine("local", ScaleConfig(workers=2, retries=1))
    try:
        report = run_job(warcs, tmp_path / "out", engine, ScaleConfig(workers=2, retries=1))
    finally:
        engine.close()
    status = {Path(s.path).name: (s.status, s.attempts) for s in report.shards}
    assert status == {
        "crawl-00.warc.gz": ("failed", 2),
        "crawl-01.warc.gz": ("done", 1),
        "crawl-02.warc.gz": ("done", 1),
    }
    assert "exit code 3" in (report.failed[0].error or "")
    _, _, dropped = read_output(tmp_path / "out")
    assert any(d.stage == "engine" and "exit code 3" in d.reason for d in dropped)
    assert report.articles == 6


def test_a_worker_that_dies_once_is_retried(
    warcs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.engines import job

    monkeypatch.setattr(job, "process_shard", dying.second_try_survives)
    engine = get_engine("local", ScaleConfig(workers=2, retries=1))
    try:
        report = run_job(warcs, tmp_path / "out", engine)
    finally:
        engine.close()
    assert {s.status for s in report.shards} == {"done"} and report.articles == 9


def test_resume_reruns_a_shard_whose_input_changed(warcs: list[str], tmp_path: Path) -> None:
    inputs = []
    for path in warcs:
        inputs.append(tmp_path / "in" / Path(path).name)
        inputs[-1].parent.mkdir(exist_ok=True)
        inputs[-1].write_bytes(Path(path).read_bytes())
    out = tmp_path / "out"
    first = run_job([str(p) for p in inputs], out, get_engine("serial"))
    assert {s.status for s in first.shards} == {"done"}
    # the same name now holds another shard's pages; another keeps its bytes, with a new mtime
    inputs[0].write_bytes(Path(warcs[2]).read_bytes())
    os.utime(inputs[1], (time.time() + 60, time.time() + 60))
    again = run_job([str(p) for p in inputs], out, get_engine("serial"))
    assert [s.status for s in again.shards] == ["done", "skipped", "skipped"]
    articles, _, _ = read_output(out)
    assert again.articles == len(articles) < first.articles  # shard 0 is now shard 2's copy


def test_an_unwritable_out_fails_before_any_work(
    warcs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.engines import job

    def no_work(task: object) -> None:
        raise AssertionError("a shard ran although --out cannot be written")

    monkeypatch.setattr(job, "process_shard", no_work)
    out = tmp_path / "locked"
    out.mkdir()
    with read_only(out):
        code, _, err = run("run", "--engine", "serial", *warcs, "--out", str(out))
    assert code == 2
    assert err.count("\n") == 1 and "cannot write in the output folder" in err
    assert str(out) in err and "Traceback" not in err


def _closed_loopback_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("form", ["ray://127.0.0.1:{port}", "127.0.0.1:{port}"])
def test_an_unreachable_ray_address_fails_fast_in_one_line(
    warcs: list[str], tmp_path: Path, form: str
) -> None:
    address = form.format(port=_closed_loopback_port())
    code, _, err = run("run", "--engine", "ray", "--ray-address", address, *warcs,
                       "--out", str(tmp_path / "out"))  # fmt: skip
    assert code == 2 and err.count("\n") == 1
    assert f"cannot reach the Ray cluster at {address}" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "_shards").exists()


def test_a_silent_ray_address_times_out_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.engines import ray_data

    asked: list[float] = []

    def silent(address: tuple[str, int], timeout: float) -> socket.socket:
        asked.append(timeout)
        raise TimeoutError("timed out")

    monkeypatch.setattr(ray_data.socket, "create_connection", silent)
    with pytest.raises(InputError, match=r"ray://127\.0\.0\.1 \(127\.0\.0\.1:10001\): timed out"):
        get_engine("ray", ScaleConfig(ray_address="ray://127.0.0.1"))
    assert asked and 0 < asked[0] <= 30
