"""Cross-source comparison: where sources disagree."""

from newsweave.compare.discrepancies import CompareConfig, find_discrepancies

__all__ = ["CompareConfig", "find_discrepancies"]
