"""The `newsweave eval` command: score a JSON brief (or a fresh brief of some pages) against gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from newsweave.errors import InputError
from newsweave.terminal import terminal_safe


@click.command("eval")
@click.argument("brief", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--gold",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The gold file (the format of ../shared/eval/stories/*/gold.json).",
)
@click.option(
    "--pages",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the gold page files (NNN.txt), read by the summary check. "
    "Default: pages/ next to the gold file, when there is one.",
)
@click.option(
    "--run",
    "inputs",
    multiple=True,
    metavar="INPUT",
    help="Brief these inputs first (as `newsweave brief INPUT --format json` does) and score "
    "that brief; instead of BRIEF. Repeatable.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every score and every per-item verdict to this JSON file.",
)
@click.pass_context
def evaluate(
    ctx: click.Context,
    brief: Path | None,
    gold: Path,
    pages: Path | None,
    inputs: tuple[str, ...],
    json_out: Path | None,
) -> None:
    """Score the JSON BRIEF against hand-labelled gold stories and print the table.

    Measures: stories and events (pairwise and B-cubed F1), publication dates, quotes,
    conflicts, lineage, timeline and summary; the last line is a one-line summary.
    """
    from newsweave.evaluate import evaluate_brief, load_brief, load_gold, render_table

    if (brief is None) == (not inputs):
        raise InputError("give a JSON brief or --run INPUT, not both or neither")
    gold_data = load_gold(gold)
    if pages is None and (gold.parent / "pages").is_dir():
        pages = gold.parent / "pages"
    if brief is not None:
        brief_data, name = load_brief(brief), str(brief)
    else:
        quiet = bool(ctx.obj and ctx.obj.get("quiet"))
        brief_data, name = _brief_of(inputs, quiet), " ".join(inputs)
    result = evaluate_brief(brief_data, gold_data, pages)
    if json_out is not None:
        record = {"brief": name, "gold": str(gold.resolve()), **result}
        try:
            json_out.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n", "utf-8")
        except OSError as exc:
            raise InputError(f"cannot write {json_out}: {exc.strerror}") from exc
    click.echo(terminal_safe(render_table(result, name)))  # brief text shown, never obeyed
    missing = result["mapping"]["gold_pages"] - result["mapping"]["gold_pages_in_brief"]
    if missing:
        click.echo(
            f"newsweave: warning: {missing} gold pages are not in the brief "
            "(scored as singletons, undated, without quotes)",
            err=True,
        )


def _brief_of(inputs: tuple[str, ...], quiet: bool) -> dict[str, Any]:
    """The JSON brief of `inputs` with the defaults of `newsweave brief` (no summary endpoint)."""
    from newsweave.analyze import make_brief
    from newsweave.jobs import analyze_store, ingest
    from newsweave.render import render
    from newsweave.store import MEMORY, open_store
    from newsweave.ui import ConsoleUI

    ui = ConsoleUI(quiet=quiet)
    with open_store(MEMORY) as store:
        summary = ingest(store, inputs, ui.progress())
        if store.count("pages") == 0:
            raise InputError(f"no usable pages in the input ({len(summary.dropped)} dropped)")
        result = analyze_store(store, ui.progress())
        dropped = summary.dropped + result.report.dropped
        brief = make_brief(result.articles, result.stories, dropped)
    data: dict[str, Any] = json.loads(render(brief, "json"))
    return data
