"""Helpers shared by test modules."""

from __future__ import annotations

import click
from click.testing import CliRunner

from newsweave.cli import main


@click.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def _main(ctx: click.Context) -> None:
    main(ctx.args)


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    """Run the CLI through `main` (as the console script does); return code, stdout, stderr."""
    result = CliRunner().invoke(_main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
