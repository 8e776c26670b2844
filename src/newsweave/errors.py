"""newsweave's exceptions: one base class and a small tree.

    NewsweaveError
    ├── InputError           a path, URL or argument the user gave cannot be used
    ├── StoreError           the SQLite store cannot be opened, read or migrated
    │   └── SchemaVersionError   the store was written by a newer newsweave
    ├── StageError           a stage was misconfigured or ordered wrongly
    ├── RenderError          a brief cannot be written in the asked format
    ├── LLMError             the configured summary endpoint failed (timeout, HTTP error, bad JSON)
    └── MissingExtraError    an optional component needs a `pip install` extra

A bad *document* is not an exception: stages report it as a `Dropped` record.
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base of every error newsweave raises on purpose."""

    exit_code = 1


class InputError(NewsweaveError):
    """A path, URL or argument given by the user cannot be used."""

    exit_code = 2


class StoreError(NewsweaveError):
    """The store cannot be opened, read, written or migrated."""


class SchemaVersionError(StoreError):
    """The store's schema is newer than this newsweave understands."""


class StageError(NewsweaveError):
    """A pipeline stage is misconfigured, or stages are in an impossible order."""


class RenderError(NewsweaveError):
    """A brief cannot be rendered in the requested format."""


class LLMError(NewsweaveError):
    """The user-configured summary endpoint timed out, failed or sent an unreadable answer."""


class MissingExtraError(NewsweaveError):
    """An optional component needs packages that are not installed."""

    def __init__(self, component: str, extra: str | None, missing: str) -> None:
        install = f"pip install 'newsweave[{extra}]'" if extra else f"pip install {missing}"
        super().__init__(f"{component} needs the '{missing}' package: {install}")
        self.component = component
        self.extra = extra
        self.missing = missing
