"""newsweave: turn a pile of scraped news pages into sourced story briefs.

Importing the package stays light: stages import their heavy dependencies
(trafilatura, py3langid, datasketch, pyarrow, ...) only when they run.
"""

import logging as _logging

from newsweave.errors import NewsweaveError
from newsweave.model import Article, Brief, Dropped, Page, Story

_logging.getLogger(__name__).addHandler(_logging.NullHandler())


def __getattr__(name: str) -> str:
    """`__version__`, read from the installed package's metadata when first asked for (the
    metadata machinery costs a command that never shows the version about 0.02 s)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("newsweave")
    except metadata.PackageNotFoundError:  # running from a source tree
        version = "0.0.0+unknown"
    globals()["__version__"] = version
    return version


__all__ = ["Article", "Brief", "Dropped", "NewsweaveError", "Page", "Story", "__version__"]
