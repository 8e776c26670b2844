"""Near-duplicate detection, copy lineage and independent sources."""

from newsweave.dedup.independence import (
    IndependenceConfig,
    independent_count,
    load_outlet_groups,
    outlet_key,
    source_groups,
    wire_agencies,
)
from newsweave.dedup.lineage import (
    LineageConfig,
    copy_relations,
    find_rewrites,
    find_translations,
    independent_sources,
    lineage_groups,
    pick_original,
)
from newsweave.dedup.minhash import DedupConfig, duplicate_groups

__all__ = [
    "DedupConfig",
    "IndependenceConfig",
    "LineageConfig",
    "copy_relations",
    "duplicate_groups",
    "find_rewrites",
    "find_translations",
    "independent_count",
    "independent_sources",
    "lineage_groups",
    "load_outlet_groups",
    "outlet_key",
    "pick_original",
    "source_groups",
    "wire_agencies",
]
