"""Guard tests: `import newsweave` stays light, and the public API matches __all__."""

from __future__ import annotations

import subprocess
import sys
import types

import newsweave

HEAVY = (
    "torch",
    "spacy",
    "sklearn",
    "trafilatura",
    "datasketch",
    "pyarrow",
    "sentence_transformers",
)


def test_import_newsweave_loads_no_heavy_library() -> None:
    code = "import sys, newsweave, newsweave.model, newsweave.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert not loaded & set(HEAVY)


def test_public_api_matches_all() -> None:
    public = {
        name
        for name in dir(newsweave)
        if not name.startswith("_") and not isinstance(getattr(newsweave, name), types.ModuleType)
    }
    assert set(newsweave.__all__) - {"__version__"} == public
