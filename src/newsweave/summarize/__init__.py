"""Story summaries and timelines."""

from newsweave.summarize.lead import summarize
from newsweave.summarize.timeline import build_timeline

__all__ = ["build_timeline", "summarize"]
