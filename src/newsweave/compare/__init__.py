"""Cross-source comparison: claims and their independent support, and where sources disagree."""

from newsweave.compare.claims import find_claims
from newsweave.compare.discrepancies import (
    CompareConfig,
    compare_figures,
    find_discrepancies,
    lineage_roots,
    note_disputes,
)
from newsweave.compare.quantities import QuantityConfig, format_number
from newsweave.compare.similarity import Similarity, SimilarityConfig

__all__ = [
    "CompareConfig",
    "QuantityConfig",
    "Similarity",
    "SimilarityConfig",
    "compare_figures",
    "find_claims",
    "find_discrepancies",
    "format_number",
    "lineage_roots",
    "note_disputes",
]
