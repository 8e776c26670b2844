"""Helpers shared by test modules."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
import pytest
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


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make files and folders unwritable for the test, even to root (the immutable flag).

    Skips the test when this machine cannot make them so.
    """
    root = os.geteuid() == 0
    done: list[Path] = []
    try:
        for path in paths:
            if root:
                if shutil.which("chattr") is None:
                    pytest.skip("running as root without chattr: cannot make a file read-only")
                if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
                    pytest.skip(f"cannot set the immutable flag on {path} here")
            else:
                path.chmod(0o555 if path.is_dir() else 0o444)
            done.append(path)
        yield
    finally:
        for path in reversed(done):
            if root:
                subprocess.run(["chattr", "-i", str(path)], check=True)
            else:
                path.chmod(0o755 if path.is_dir() else 0o644)
