"""newsweave: turn a pile of scraped news pages into sourced story briefs.

Importing the package stays light: stages import their heavy dependencies
(trafilatura, py3langid, datasketch, pyarrow, ...) only when they run.
"""

import logging as _logging
from importlib import metadata as _metadata

from newsweave.errors import NewsweaveError
from newsweave.model import Article, Brief, Dropped, Page, Story

try:
    __version__ = _metadata.version("newsweave")
except _metadata.PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+unknown"

_logging.getLogger(__name__).addHandler(_logging.NullHandler())

__all__ = ["Article", "Brief", "Dropped", "NewsweaveError", "Page", "Story", "__version__"]
