"""Hybrid retrieval: dense (e5 via Chroma) + Swedish keyword search, fused by weighted RRF.

The retriever holds an in-memory view of the current index generation's chunks (a few
MB even at 100× the shipped corpus) so filters and passage assembly cost no store
round-trips on the hot path.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from corpus.types import Chunk
from qa.fusion import reciprocal_rank_fusion
from qa.types import Filters, Passage

log = logging.getLogger(__name__)


class Reader(Protocol):
    """What retrieval needs from an index generation (``index.store.IndexReader``)."""

    def all_chunks(self) -> list[Chunk]: ...

    def vector_search(
        self, query_vec: np.ndarray, k: int, where: dict[str, object] | None = None
    ) -> list[tuple[str, float]]: ...

    def keyword_search(
        self, query: str, k: int, allowed_ids: AbstractSet[str] | None = None
    ) -> list[tuple[str, float]]: ...


class QueryEmbedder(Protocol):
    def embed_query(self, text: str) -> np.ndarray: ...


@dataclass(frozen=True, slots=True)
class RetrievalConfig:
    """Which retrievers run and how they are weighted (measured in docs/evaluation.md)."""

    dense_weight: float = 1.0
    lexical_weight: float = 0.5
    rrf_k: int = 60
    candidates: int = 30

    @property
    def name(self) -> str:
        if self.lexical_weight == 0:
            return "dense"
        if self.dense_weight == 0:
            return "lexical"
        return "hybrid"


@dataclass(slots=True)
class Timings:
    """Per-stage wall time of one retrieval, in milliseconds (for benchmarks and logs)."""

    stages: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.stages[stage] = self.stages.get(stage, 0.0) + (now - started) * 1000
        return now


class HybridRetriever:
    """Retrieve passages for a query under metadata filters."""

    def __init__(self, reader: Reader, embedder: QueryEmbedder, config: RetrievalConfig | None = None):
        self.reader = reader
        self.embedder = embedder
        self.config = config or RetrievalConfig()
        self._chunks = {c.id: c for c in reader.all_chunks()}
        # Questions reuse a few filter combinations; the scan is O(chunks) (2 ms at 100×).
        self._allowed = functools.lru_cache(maxsize=1024)(self._scan_allowed)

    @property
    def chunks(self) -> dict[str, Chunk]:
        return self._chunks

    def _scan_allowed(self, filters: Filters) -> frozenset[str] | None:
        if filters.where() is None:
            return None
        return frozenset(cid for cid, c in self._chunks.items() if filters.admits(c))

    def retrieve(
        self,
        query: str,
        filters: Filters | None = None,
        k: int = 10,
        *,
        config: RetrievalConfig | None = None,
        timings: Timings | None = None,
        lexical_query: str | None = None,
    ) -> list[Passage]:
        """The ``k`` best passages for ``query``, best first. ``lexical_query``, when
        given, is what keyword search looks for instead (the question without the name of
        the project the filter already holds to: a name's rare words would outweigh what
        is asked in every passage of the project)."""
        cfg = config or self.config
        filters = filters or Filters()
        t = timings or Timings()
        started = time.perf_counter()
        allowed = self._allowed(filters)
        if allowed is not None and not allowed:
            return []
        n = max(cfg.candidates, k)
        dense: list[tuple[str, float]] = []
        lexical: list[tuple[str, float]] = []
        if cfg.dense_weight > 0:
            vec = self.embedder.embed_query(query)
            started = t.add("query_embedding", started)
            dense = self.reader.vector_search(vec, n, filters.where())
            started = t.add("vector_search", started)
        if cfg.lexical_weight > 0:
            lexical = self.reader.keyword_search(lexical_query or query, n, allowed)
            started = t.add("lexical_search", started)
        fused = reciprocal_rank_fusion(
            [[i for i, _ in dense], [i for i, _ in lexical]],
            [cfg.dense_weight, cfg.lexical_weight],
            k=cfg.rrf_k,
        )
        dense_scores, lexical_scores = dict(dense), dict(lexical)
        out = [
            Passage(self._chunks[cid], score, dense_scores.get(cid), lexical_scores.get(cid))
            for cid, score in fused
            if cid in self._chunks
        ]
        t.add("fusion", started)
        return out[:k]
