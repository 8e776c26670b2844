"""The `newsweave run` command: a sharded run on an engine, Parquet out, optionally a store."""

from __future__ import annotations

import os

import click

from newsweave.errors import InputError

ENGINE_CHOICES = ("auto", "serial", "local", "ray")


@click.command(name="run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False),
    help="Output folder: articles/, stories/, lineage/, dropped/ (Parquet) and report.json.",
)
@click.option(
    "--engine",
    default="auto",
    show_default=True,
    help="serial, local (process pool) or ray; auto: local for more than one shard, else serial.",
)
@click.option("--workers", type=click.IntRange(0), default=0, help="Processes or CPUs (0: all).")
@click.option(
    "--ray-address",
    help="Ray cluster to join ('auto', 'ray://head:10001'); default: start a local Ray.",
)
@click.option(
    "--retries",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Tries more for a failing shard before it is reported and skipped.",
)
@click.option(
    "--entities",
    type=click.Choice(["auto", "spacy", "lexical", "none"]),
    help="Entity backend of the extract stage. Default: auto (spaCy when installed).",
)
@click.option("--db", help="Also load the results (and the raw pages) into this SQLite store.")
@click.pass_context
def run(
    ctx: click.Context,
    inputs: tuple[str, ...],
    out: str,
    engine: str,
    workers: int,
    ray_address: str | None,
    retries: int,
    entities: str | None,
    db: str | None,
) -> None:
    """Analyse INPUTS sharded, one shard per file (a WARC file is the unit), on an engine.

    The same stages as `newsweave brief`, run per shard (clean, extract, near-duplicate
    signatures) and per bucket (duplicate groups, stories by language and time window, the
    story stages), with Parquet between them. Finished shards are skipped on a re-run; a
    failing shard is retried, then reported, and the run goes on without it.
    """
    from newsweave.engines import ENGINES, ScaleConfig, get_engine, load_store, run_job
    from newsweave.engines.shards import list_shards
    from newsweave.ui import ConsoleUI

    if engine not in (*ENGINES, "auto"):
        raise InputError(f"unknown engine {engine!r}: choose one of auto, {', '.join(ENGINES)}")
    missing = [p for p in inputs if not os.path.exists(p)]
    if missing:
        raise InputError(f"no such file or folder: {missing[0]}")
    if ray_address and engine not in ("ray", "auto"):
        raise InputError(f"--ray-address needs --engine ray, not {engine}")
    if engine == "auto":
        many = len(list_shards(list(inputs))) > 1 and (workers or os.cpu_count() or 1) > 1
        engine = "ray" if ray_address else "local" if many else "serial"
    config = ScaleConfig(
        workers=workers,
        retries=retries,
        ray_address=ray_address,
        keep_pages=db is not None,
        entities=entities,
    )
    ui = ConsoleUI(quiet=ctx.obj["quiet"] if ctx.obj else False)
    runner = get_engine(engine, config)
    try:
        report = run_job(list(inputs), out, runner, config, ui.progress())
    finally:
        runner.close()
    done = len(report.shards) - len(report.failed)
    for shard in report.failed:
        ui.console.print(
            f"[red]failed shard[/] {shard.path} after {shard.attempts} attempts: {shard.error}",
            markup=True,
            highlight=False,
        )
    ui.say(
        f"{engine}: {done} of {len(report.shards)} shards, {report.articles} articles, "
        f"{report.stories} stories, {report.dropped} dropped, in {report.seconds['total']:.1f} s; "
        f"wrote {out}"
    )
    if db:
        from newsweave.store import open_store

        with open_store(db) as store:
            load_store(out, store)
        ui.say(f"loaded the results into {db}")
