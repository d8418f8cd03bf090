"""The read side of the index, as the question answering uses it.

:class:`IndexReader` serves the generation ``CURRENT`` names. Everything of one
generation (manifest, chunk store, keyword index, Chroma collection) is bundled in an
immutable :class:`IndexSnapshot`; :meth:`IndexReader.reload_if_changed` opens a newer
generation completely and then swaps the snapshot in one assignment, so a request
that took the old snapshot (``reader.snapshot()``) finishes on the old generation and
never sees a mix. Use one snapshot per request when several calls must agree.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from corpus.types import Chunk, Report
from index import chroma_store
from index.analyzer import SwedishAnalyzer
from index.chunkstore import ChunkStore
from index.errors import NoIndex
from index.generations import CHROMA_DIR, CHUNKS_FILE, KEYWORD_DIR, current_generation, generation_dir
from index.keyword import KeywordIndex
from index.manifest import Manifest, load_manifest
from index.vectors import VectorMatrix

if TYPE_CHECKING:
    from llama_index.vector_stores.chroma import ChromaVectorStore

logger = logging.getLogger(__name__)


class IndexSnapshot:
    """One generation opened for reading: all lookups and searches of a request."""

    def __init__(self, gen_dir: Path, manifest: Manifest, chroma_url: str | None) -> None:
        self.generation = manifest.generation
        self.manifest = manifest
        self._store = ChunkStore(gen_dir / CHUNKS_FILE, readonly=True)
        self._db_lock = threading.Lock()
        self._chunks: dict[str, Chunk] = {sc.chunk.id: sc.chunk for sc in self._store.iter_chunks()}
        self._by_report: dict[str, list[str]] = {}
        for chunk in self._chunks.values():
            self._by_report.setdefault(chunk.report_id, []).append(chunk.id)
        self._reports = self._store.report_summaries()
        self.keyword = KeywordIndex.load(gen_dir / KEYWORD_DIR)
        client = chroma_store.open_client(_location(gen_dir, manifest, chroma_url))
        collection = chroma_store.open_collection(client, manifest.chroma_collection)
        self.vector_store: ChromaVectorStore = chroma_store.vector_store(collection)
        # Queries run on an in-memory copy (exact and ~40× faster; see index.vectors).
        self.vectors = VectorMatrix.from_collection(collection)

    def reports(self) -> list[dict[str, Any]]:
        """Each report: id, title, year, period, source_name, content_hash, indexed_at, chunks."""
        return [dict(r) for r in self._reports]

    def report_ids(self) -> list[str]:
        return [r["id"] for r in self._reports]

    def report_years(self) -> dict[str, int | None]:
        """Each report's year (as read from the report), by id."""
        return {r["id"]: r["year"] for r in self._reports}

    def report(self, report_id: str) -> Report | None:
        """The parsed report (text, sections, projects) as it was indexed."""
        with self._db_lock:
            stored = self._store.report(report_id)
        return stored.report if stored else None

    def project_metadata(self, report_id: str) -> dict[str, dict[str, Any]]:
        """The per-project metadata given at index time (e.g. fund, owner)."""
        with self._db_lock:
            stored = self._store.report(report_id)
        return stored.project_metadata if stored else {}

    def chunk(self, chunk_id: str) -> Chunk | None:
        return self._chunks.get(chunk_id)

    def chunks(self, ids: list[str]) -> list[Chunk]:
        """The chunks with these ids, in the given order (unknown ids are skipped)."""
        return [self._chunks[i] for i in ids if i in self._chunks]

    def all_chunks(self) -> list[Chunk]:
        """Every chunk, by report and document order."""
        return list(self._chunks.values())

    def chunk_ids_of(self, report_id: str) -> set[str]:
        """Ids of one report's chunks (e.g. as ``allowed_ids`` for keyword search)."""
        return set(self._by_report.get(report_id, ()))

    def report_text(self, report_id: str) -> str | None:
        """The normalised text that all offsets of the report refer to."""
        with self._db_lock:
            text = self._store.report_field(report_id, "text")
        return str(text) if text is not None else None

    def facts_json(self, report_id: str) -> Any:
        return self._json_field(report_id, "facts")

    def figures_json(self, report_id: str) -> Any:
        return self._json_field(report_id, "figures")

    def _json_field(self, report_id: str, column: str) -> Any:
        with self._db_lock:
            raw = self._store.report_field(report_id, column)
        return json.loads(raw) if raw is not None else None

    def vector_search(
        self, query_vec: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """Nearest chunks by cosine similarity; ``where`` filters on chunk metadata
        (``{"report_id": "rapport_2019"}``, ``{"section_type": ["challenges", "status"]}``)."""
        return self.vectors.search(query_vec, k, where)

    def keyword_search(
        self, query: str, k: int, allowed_ids: AbstractSet[str] | None = None
    ) -> list[tuple[str, float]]:
        """BM25 (Swedish) best chunks with their scores."""
        return self.keyword.search(query, k, allowed_ids)


def _location(gen_dir: Path, manifest: Manifest, chroma_url: str | None) -> chroma_store.ChromaLocation:
    """Where this generation's vectors are: its own folder when built embedded (wherever
    the data directory is mounted now), else the Chroma server (the configured URL wins
    over the one recorded, so workers on other hosts can name it their way)."""
    if manifest.chroma_location.startswith("file:"):
        return chroma_store.ChromaLocation(path=str(gen_dir / CHROMA_DIR))
    return chroma_store.ChromaLocation(url=chroma_url or manifest.chroma_location)


def open_snapshot(data_dir: Path, model_id: str, chroma_url: str | None = None) -> IndexSnapshot:
    """Open the CURRENT generation (``NoIndex`` / ``IndexVersionMismatch`` otherwise)."""
    generation = current_generation(data_dir)
    if generation is None:
        raise NoIndex(f"no index generation in {data_dir}")
    gen_dir = generation_dir(data_dir, generation)
    manifest = load_manifest(gen_dir, model_id)
    return IndexSnapshot(gen_dir, manifest, chroma_url)


class IndexReader:
    """The served index: the current snapshot plus a cheap check for a newer generation.

    Read methods delegate to the current snapshot; take ``snapshot()`` once per request
    when several calls must see the same generation.
    """

    def __init__(self, data_dir: Path, model_id: str, chroma_url: str | None, snap: IndexSnapshot) -> None:
        self.data_dir = data_dir
        self.model_id = model_id
        self.chroma_url = chroma_url
        self._snap = snap
        self._reload_lock = threading.Lock()

    @classmethod
    def open(
        cls, data_dir: str | Path, embedder_model_id: str, chroma_url: str | None = None
    ) -> IndexReader:
        data = Path(data_dir).resolve()
        return cls(data, embedder_model_id, chroma_url, open_snapshot(data, embedder_model_id, chroma_url))

    def snapshot(self) -> IndexSnapshot:
        return self._snap

    @property
    def generation(self) -> str:
        return self._snap.generation

    @property
    def manifest(self) -> Manifest:
        return self._snap.manifest

    @property
    def vector_store(self) -> ChromaVectorStore:
        return self._snap.vector_store

    @property
    def analyzer(self) -> SwedishAnalyzer:
        """The keyword index's analyzer (query terms as the index sees them)."""
        return self._snap.keyword.analyzer

    def reload_if_changed(self) -> bool:
        """Switch to the generation CURRENT names if it is newer; True when switched.

        Raises what :func:`open_snapshot` raises (the old snapshot stays in place then).
        """
        if current_generation(self.data_dir) in (None, self._snap.generation):
            return False
        with self._reload_lock:
            latest = current_generation(self.data_dir)
            if latest in (None, self._snap.generation):
                return False
            new = open_snapshot(self.data_dir, self.model_id, self.chroma_url)
            old, self._snap = self._snap.generation, new
        logger.info("switched index generation %s → %s", old, new.generation)
        return True

    def reports(self) -> list[dict[str, Any]]:
        return self._snap.reports()

    def report_years(self) -> dict[str, int | None]:
        return self._snap.report_years()

    def report(self, report_id: str) -> Report | None:
        return self._snap.report(report_id)

    def chunk(self, chunk_id: str) -> Chunk | None:
        return self._snap.chunk(chunk_id)

    def chunks(self, ids: list[str]) -> list[Chunk]:
        return self._snap.chunks(ids)

    def all_chunks(self) -> list[Chunk]:
        return self._snap.all_chunks()

    def report_text(self, report_id: str) -> str | None:
        return self._snap.report_text(report_id)

    def facts_json(self, report_id: str) -> Any:
        return self._snap.facts_json(report_id)

    def figures_json(self, report_id: str) -> Any:
        return self._snap.figures_json(report_id)

    def vector_search(
        self, query_vec: np.ndarray, k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        return self._snap.vector_search(query_vec, k, where)

    def keyword_search(
        self, query: str, k: int, allowed_ids: AbstractSet[str] | None = None
    ) -> list[tuple[str, float]]:
        return self._snap.keyword_search(query, k, allowed_ids)
