"""Near-duplicate detection: which articles are copies of which."""

from newsweave.dedup.minhash import DedupConfig, duplicate_groups

__all__ = ["DedupConfig", "duplicate_groups"]
