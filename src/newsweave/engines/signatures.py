"""Near-duplicate keys of one article, computed per document so grouping needs no texts.

The keys reproduce `newsweave.dedup.duplicate_groups` exactly: the same words, the same
shingles, the same datasketch MinHash (`DedupConfig.num_perm`, `seed`) and the same LSH
banding (`MinHashLSH(threshold, num_perm)` picks b bands of r rows). Two articles share a
key when their normalised texts are equal (the "x" key) or when one band of their
signatures is equal, which is exactly when `duplicate_groups` links them. Connected
components over shared keys are therefore the same groups; `tests/engines` checks it.
"""

from __future__ import annotations

import hashlib
from typing import Any

from newsweave.dedup import DedupConfig
from newsweave.dedup.minhash import shingles
from newsweave.model import Article
from newsweave.text import words


class SignatureMaker:
    """Makes the exact-text key and the LSH band keys of articles under one DedupConfig."""

    def __init__(self, config: DedupConfig | None = None) -> None:
        from datasketch import MinHash, MinHashLSH

        self.config = config or DedupConfig()
        lsh = MinHashLSH(threshold=self.config.threshold, num_perm=self.config.num_perm)
        self.bands, self.rows = lsh.b, lsh.r
        # One MinHash, copied per article: building its permutations costs more than hashing.
        self._template: Any = MinHash(num_perm=self.config.num_perm, seed=self.config.seed)

    def keys(self, article: Article) -> list[bytes]:
        """The article's keys: b"x" + text digest, then one key per LSH band."""
        tokens = words(article.text)
        digest = hashlib.sha1(" ".join(tokens).encode()).digest()
        signature = self._template.copy()
        signature.update_batch([s.encode() for s in shingles(tokens, self.config.shingle)])
        values = signature.hashvalues
        out = [b"x" + digest]
        for band in range(self.bands):
            chunk = values[band * self.rows : (band + 1) * self.rows].tobytes()
            out.append(bytes([band]) + hashlib.blake2b(chunk, digest_size=15).digest())
        return out
