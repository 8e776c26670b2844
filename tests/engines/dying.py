"""Shard functions whose worker process dies, for the engine tests (importable by workers)."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from newsweave.engines.shards import ShardResult, ShardTask, process_shard


def killed_on(shard: Any) -> Any:
    """A shard function: the worker of a shard whose name starts with 'die' kills itself."""
    if str(shard).startswith("die"):
        os.kill(os.getpid(), signal.SIGKILL)
    return f"done {shard}"


def first_shard_kills_its_worker(task: ShardTask) -> ShardResult:
    """process_shard, except that the first shard's worker process exits at once, always."""
    if task.index == 0:
        os._exit(3)
    return process_shard(task)


def second_try_survives(task: ShardTask) -> ShardResult:
    """process_shard, except that the first try of the first shard kills its worker."""
    flag = Path(task.folder).parent / f"tried-{task.index}"
    if task.index == 0 and not flag.exists():
        flag.parent.mkdir(parents=True, exist_ok=True)
        flag.write_text("once", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGKILL)
    return process_shard(task)
