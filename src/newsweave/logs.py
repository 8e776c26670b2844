"""The command line's log output: newsweave's own messages and those of the libraries it calls
(trafilatura, htmldate, Python warnings...) in one format, on standard error.

A library's warnings are newsweave's business, not the reader's: they are shown, marked with
the library's name, only with -v; its errors always.
"""

from __future__ import annotations

import logging

_HANDLER_NAME = "newsweave-cli"


class _Format(logging.Formatter):
    """`newsweave: warning: message`, or `newsweave: note from trafilatura: message`."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            message += "\n" + record.exc_text
        message = " ".join(message.split()) if not record.exc_text else message
        if _own(record):
            return f"newsweave: {record.levelname.lower()}: {message}"
        source = "python" if record.name == "py.warnings" else record.name.split(".")[0]
        level = "error" if record.levelno >= logging.ERROR else "note"
        return f"newsweave: {level} from {source}: {message}"


class _LibraryFilter(logging.Filter):
    """Let a library's records below ERROR through only when verbose."""

    def __init__(self, verbose: int) -> None:
        super().__init__()
        self.verbose = verbose

    def filter(self, record: logging.LogRecord) -> bool:
        return _own(record) or record.levelno >= logging.ERROR or self.verbose > 0


def _own(record: logging.LogRecord) -> bool:
    return record.name == "newsweave" or record.name.startswith("newsweave.")


def setup_logging(verbose: int = 0, quiet: bool = False) -> None:
    """Route every log record and Python warning through one handler in newsweave's format."""
    level = logging.ERROR if quiet else max(logging.WARNING - 10 * verbose, logging.DEBUG)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
    handler = logging.StreamHandler()
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(_Format())
    handler.addFilter(_LibraryFilter(verbose))
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
