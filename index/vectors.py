"""A generation's vectors held in memory for exact cosine search.

Chroma stays the store of record (builds write to it, verification queries it, a Chroma
server shares one copy between hosts), but a query through it costs milliseconds of
client overhead for a few hundred vectors (docs/benchmarks.md: ~4 ms through LlamaIndex's
``ChromaVectorStore``, ~1 ms bare) while a matrix product over the same vectors costs
~0.1 ms. A generation never changes after its ``CURRENT`` switch, so a copy taken when
it is opened can never go stale; it costs 1.5 KB per chunk (15 MB at 100× the shipped
corpus). The search is exact, so it also never misses what an approximate HNSW walk would.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

#: Chroma returns at most this many records per ``get`` page on some servers.
_PAGE = 5000


class VectorMatrix:
    """Unit vectors by chunk id, with the chunk metadata Chroma holds for ``where`` filters."""

    def __init__(self, ids: Sequence[str], matrix: np.ndarray, metadatas: Sequence[Mapping[str, Any]]):
        if len(ids) != len(matrix) or len(ids) != len(metadatas) or (len(ids) and matrix.ndim != 2):
            raise ValueError("ids, vectors and metadata differ in length")
        self.ids = list(ids)
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        self._metadatas = [dict(m or {}) for m in metadatas]
        self._rows_by_key: dict[str, dict[Any, np.ndarray]] = {}

    @classmethod
    def from_collection(cls, collection: Any) -> VectorMatrix:
        """Everything in a Chroma collection, read page by page."""
        ids: list[str] = []
        vectors: list[Any] = []
        metadatas: list[Mapping[str, Any]] = []
        total = collection.count()
        for offset in range(0, total, _PAGE):
            got = collection.get(include=["embeddings", "metadatas"], limit=_PAGE, offset=offset)
            ids += got["ids"]
            vectors += list(got["embeddings"])
            metadatas += got["metadatas"] or [{}] * len(got["ids"])
        matrix = np.asarray(vectors, dtype=np.float32) if vectors else np.empty((0, 0), np.float32)
        return cls(ids, matrix, metadatas)

    def __len__(self) -> int:
        return len(self.ids)

    def search(
        self, query_vec: np.ndarray, k: int, where: Mapping[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """The ``k`` rows most similar to ``query_vec`` as (id, cosine), best first.

        ``where`` has Chroma's simple form: ``{key: value}`` or ``{key: [any of]}``, ANDed.
        """
        if k <= 0 or not self.ids:
            return []
        scores = self.matrix @ np.asarray(query_vec, dtype=np.float32)
        rows = self._admitted(where)
        if rows is not None:
            scores = scores[rows]
        k = min(k, len(scores))
        if k == 0:
            return []
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        chosen = rows[top] if rows is not None else top
        return [(self.ids[r], float(s)) for r, s in zip(chosen, scores[top], strict=True)]

    def _admitted(self, where: Mapping[str, Any] | None) -> np.ndarray | None:
        """Row numbers that pass ``where`` (None: all rows)."""
        if not where:
            return None
        mask = np.ones(len(self.ids), dtype=bool)
        for key, wanted in where.items():
            values = wanted if isinstance(wanted, list | tuple | set | frozenset) else (wanted,)
            index = self._rows(key)
            key_mask = np.zeros(len(self.ids), dtype=bool)
            for value in values:
                key_mask[index.get(value, _NO_ROWS)] = True
            mask &= key_mask
        return np.flatnonzero(mask)

    def _rows(self, key: str) -> dict[Any, np.ndarray]:
        """Rows by metadata value for one key, built on first use (filters reuse few keys)."""
        index = self._rows_by_key.get(key)
        if index is None:
            grouped: dict[Any, list[int]] = {}
            for row, meta in enumerate(self._metadatas):
                if key in meta:
                    grouped.setdefault(meta[key], []).append(row)
            index = {value: np.asarray(rows, dtype=np.intp) for value, rows in grouped.items()}
            self._rows_by_key[key] = index
        return index


_NO_ROWS = np.empty(0, dtype=np.intp)
