"""Near-duplicate detection and copy lineage: which articles are copies of which."""

from newsweave.dedup.lineage import (
    LineageConfig,
    copy_relations,
    find_rewrites,
    independent_sources,
    lineage_groups,
    pick_original,
)
from newsweave.dedup.minhash import DedupConfig, duplicate_groups

__all__ = [
    "DedupConfig",
    "LineageConfig",
    "copy_relations",
    "duplicate_groups",
    "find_rewrites",
    "independent_sources",
    "lineage_groups",
    "pick_original",
]
