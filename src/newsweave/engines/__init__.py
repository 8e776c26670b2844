"""Engines: run newsweave's stages over shards (WARC files) serially, in a pool or on Ray.

    get_engine(name, config)   -> Engine      "serial" | "local" (process pool) | "ray"
    run_job(inputs, out, engine, config)      one shard per input file; Parquet out
    read_output(out), load_store(out, store)  read a finished run back, or into a store

An engine only decides where work runs (see `base.py` for the contract); the work is the
local path's own stages (`shards.py` per document, `grouping.py` per bucket).
"""

from __future__ import annotations

from newsweave.engines.base import Engine, ScaleConfig, bucket_of
from newsweave.engines.job import JobReport, load_store, read_output, run_job
from newsweave.errors import InputError

__all__ = [
    "ENGINES",
    "Engine",
    "JobReport",
    "ScaleConfig",
    "bucket_of",
    "get_engine",
    "load_store",
    "read_output",
    "run_job",
]

ENGINES = ("serial", "local", "ray")


def get_engine(name: str = "serial", config: ScaleConfig | None = None) -> Engine:
    """The engine called `name`; an unknown name is an InputError listing the known ones."""
    config = config or ScaleConfig()
    if name == "serial":
        from newsweave.engines.local import SerialEngine

        return SerialEngine()
    if name == "local":
        from newsweave.engines.local import PoolEngine

        return PoolEngine(config.workers, config.retries)
    if name == "ray":
        from newsweave.engines.ray_data import RayEngine

        return RayEngine(config.ray_address, config.workers)
    raise InputError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
