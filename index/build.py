"""The one writer: builds a complete new index generation and switches ``CURRENT`` to it.

A build takes the writer lock, removes what an earlier crash left, then writes a new
generation beside the one being served: unchanged reports are copied forward from the
CURRENT generation's chunk store with their vectors; only chunks whose embedded text
(a short context line "<project> – <section>: " plus the chunk text, hashed with the
model id) is not known are embedded. It then writes the keyword index, the Chroma
collection and the manifest, verifies that all stores agree, and only then switches
``CURRENT``. A crash at any point before the switch leaves the old generation serving.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from corpus.types import Chunk, Report
from index import chroma_store
from index.chunkstore import ChunkStore, StoredChunk, StoredReport
from index.errors import DuplicateReportId, IndexCorrupt, ReportNotIndexed
from index.generations import (
    CHROMA_DIR,
    CHUNKS_FILE,
    KEYWORD_DIR,
    WriterLock,
    cleanup_locked,
    current_generation,
    generation_dir,
    new_generation_name,
    switch_current,
)
from index.keyword import KeywordIndex
from index.manifest import (
    Manifest,
    ManifestReport,
    file_checksums,
    read_manifest,
    write_manifest,
)
from index.verify import verify_generation

logger = logging.getLogger(__name__)



class PassageEmbedder(Protocol):
    """What a build needs of ``index.embedder.Embedder``."""

    model_id: str
    dimension: int

    def embed_passages(
        self, texts: list[str], batch_size: int = 32, show_progress: bool = False
    ) -> np.ndarray: ...


@dataclass(slots=True)
class ReportInput:
    """A parsed report to index, with its chunks and the lead's opaque JSON.

    ``project_metadata`` maps a project name to extra chunk metadata for filtering
    (e.g. ``{"fund": "ESF", "owner": "Arbetsmarknadsförvaltningen"}``).
    """

    report: Report
    chunks: list[Chunk]
    facts_json: Any = None
    figures_json: Any = None
    project_metadata: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(slots=True)
class BuildResult:
    """What a build did: the generation it made, which reports changed, and its costs."""

    generation: str
    previous_generation: str | None
    reports_indexed: list[str]
    reports_removed: list[str]
    reports_kept: list[str]
    chunk_count: int
    embedded: int
    reused: int
    timings: dict[str, float]
    switched: bool = True


def context_line(chunk: Chunk) -> str:
    """The short context prefixed to a chunk before embedding and keyword indexing."""
    if chunk.project and chunk.project != chunk.section_title:
        return f"{chunk.project} – {chunk.section_title}: "
    return f"{chunk.section_title}: "


def embed_hash(model_id: str, text: str) -> str:
    """Hash of what is embedded and with which model: equal hash ⇒ reusable vector."""
    return hashlib.sha256(f"{model_id}\x1f{text}".encode()).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class IndexBuilder:
    """Adds, replaces and removes reports by building whole new generations.

    ``chroma_url`` (``http://host:port``) selects a Chroma server; otherwise each
    generation keeps an embedded Chroma folder. ``before_switch`` is called with the
    new generation's directory after everything is written and verified, just before
    ``CURRENT`` moves (tests use it to simulate a crash).
    """

    def __init__(
        self,
        data_dir: str | Path,
        embedder: PassageEmbedder,
        chroma_url: str | None = None,
        show_progress: bool = False,
        lock_timeout: float = 0.0,
        before_switch: Callable[[Path], None] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.embedder = embedder
        self.chroma_url = chroma_url
        self.show_progress = show_progress
        self.lock_timeout = lock_timeout
        self.before_switch = before_switch

    def add_reports(self, items: Sequence[ReportInput]) -> BuildResult:
        """Add or replace (as a whole) the given reports; other reports stay."""
        seen: set[str] = set()
        for item in items:
            rid = item.report.id
            if rid in seen:
                raise DuplicateReportId(f"report id {rid!r} given twice in one build")
            seen.add(rid)
            _check_chunks(item)
        return self._build(list(items), remove=set())

    def remove_reports(self, ids: Sequence[str]) -> BuildResult:
        """Remove the given reports (each must be indexed)."""
        return self._build([], remove=set(ids))

    def _build(self, items: list[ReportInput], remove: set[str]) -> BuildResult:
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        with WriterLock(self.data_dir, self.lock_timeout):
            cleanup_locked(self.data_dir, self.chroma_url)
            previous = current_generation(self.data_dir)
            old = self._open_previous(previous)
            try:
                known = set(old.report_ids()) if old else set()
                missing = sorted(remove - known)
                if missing:
                    raise ReportNotIndexed(f"not indexed: {', '.join(missing)}")
                if not remove and old is not None and _all_unchanged(old, items):
                    logger.info("nothing changed; CURRENT stays %s", previous)
                    return self._noop_result(previous, old, items, t0)
                generation = new_generation_name()
                writer = _GenerationWriter(self, generation, previous, old, timings)
                result = writer.write(items, remove, known)
            finally:
                if old is not None:
                    old.close()
            t = time.perf_counter()
            switch_current(self.data_dir, generation)
            cleanup_locked(self.data_dir, self.chroma_url)
            timings["switch_and_cleanup"] = time.perf_counter() - t
        timings["total"] = time.perf_counter() - t0
        logger.info("built generation %s: %d chunks, %d embedded, %d reused in %.1fs",
                    generation, result.chunk_count, result.embedded, result.reused, timings["total"])
        return result

    def _open_previous(self, previous: str | None) -> ChunkStore | None:
        if previous is None:
            return None
        path = generation_dir(self.data_dir, previous) / CHUNKS_FILE
        if not path.is_file():
            raise IndexCorrupt(f"CURRENT generation {previous} has no chunk store")
        return ChunkStore(path, readonly=True)

    def _noop_result(
        self, previous: str | None, old: ChunkStore, items: list[ReportInput], t0: float
    ) -> BuildResult:
        assert previous is not None
        manifest = read_manifest(generation_dir(self.data_dir, previous))
        indexed = {i.report.id for i in items}
        return BuildResult(
            generation=previous, previous_generation=manifest.previous_generation,
            reports_indexed=sorted(indexed),
            reports_removed=[], reports_kept=sorted(set(old.report_ids()) - indexed),
            chunk_count=manifest.chunk_count, embedded=0,
            reused=sum(len(i.chunks) for i in items),
            timings={"total": time.perf_counter() - t0}, switched=False,
        )


def _check_chunks(item: ReportInput) -> None:
    rid = item.report.id
    if not item.chunks:
        raise ValueError(f"report {rid!r} has no chunks to index")
    ids = [c.id for c in item.chunks]
    if len(set(ids)) != len(ids):
        raise ValueError(f"report {rid!r} has duplicate chunk ids")
    wrong = [c.id for c in item.chunks if c.report_id != rid]
    if wrong:
        raise ValueError(f"report {rid!r} has chunks of another report: {wrong[:3]}")


def _all_unchanged(old: ChunkStore, items: list[ReportInput]) -> bool:
    """True when every input equals what the CURRENT generation holds for it."""
    for item in items:
        stored = old.report(item.report.id)
        if stored is None or stored.report.content_hash != item.report.content_hash:
            return False
        if [c.chunk for c in old.chunks_of(item.report.id)] != item.chunks:
            return False
        if (stored.facts, stored.figures, stored.project_metadata) != (
            _jsonable(item.facts_json), _jsonable(item.figures_json), _jsonable(item.project_metadata)
        ):
            return False
    return True


def _jsonable(value: Any) -> Any:
    """``value`` as it reads back from JSON (tuples become lists), for comparisons."""
    import json

    return json.loads(json.dumps(value, ensure_ascii=False))


class _GenerationWriter:
    """Writes and verifies one new generation directory (everything but the switch)."""

    def __init__(
        self, builder: IndexBuilder, generation: str, previous: str | None,
        old: ChunkStore | None, timings: dict[str, float],
    ) -> None:
        self.b = builder
        self.generation = generation
        self.previous = previous
        self.old = old
        self.timings = timings
        self.dir = generation_dir(builder.data_dir, generation)

    def write(self, items: list[ReportInput], remove: set[str], known: set[str]) -> BuildResult:
        indexed = {i.report.id for i in items}
        kept = sorted(known - indexed - remove)
        if not kept and not items:
            raise ValueError("an index must hold at least one report; refusing to remove the last one")
        self.dir.mkdir(parents=True, exist_ok=False)
        t = time.perf_counter()
        entries = self._copy_forward(kept) + [self._new_entry(i) for i in items]
        embedded, reused = self._resolve_embeddings([sc for _, scs in entries for sc in scs])
        self.timings["embed"] = time.perf_counter() - t
        t = time.perf_counter()
        store = ChunkStore(self.dir / CHUNKS_FILE, readonly=False)
        try:
            for stored, scs in entries:
                store.add_report(stored, scs)
        finally:
            store.close()
        all_chunks = [sc for _, scs in entries for sc in scs]
        KeywordIndex.build([sc.chunk.id for sc in all_chunks], [sc.embed_text for sc in all_chunks]
                           ).save(self.dir / KEYWORD_DIR)
        self.timings["chunkstore_and_keyword"] = time.perf_counter() - t
        t = time.perf_counter()
        location = self._write_vectors(entries)
        self.timings["chroma"] = time.perf_counter() - t
        manifest = self._write_manifest(entries, location)
        t = time.perf_counter()
        verify_generation(self.dir, manifest, self.b.chroma_url)
        if self.b.before_switch is not None:
            self.b.before_switch(self.dir)
        self.timings["verify"] = time.perf_counter() - t
        return BuildResult(
            generation=self.generation, previous_generation=self.previous,
            reports_indexed=sorted(indexed), reports_removed=sorted(remove), reports_kept=kept,
            chunk_count=len(all_chunks), embedded=embedded, reused=reused, timings=self.timings,
        )

    def _copy_forward(self, report_ids: list[str]) -> list[tuple[StoredReport, list[StoredChunk]]]:
        assert self.old is not None or not report_ids
        out = []
        for rid in report_ids:
            assert self.old is not None
            stored = self.old.report(rid)
            assert stored is not None
            out.append((stored, self.old.chunks_of(rid)))
        return out

    def _new_entry(self, item: ReportInput) -> tuple[StoredReport, list[StoredChunk]]:
        stored = StoredReport(item.report, _now(), item.facts_json, item.figures_json,
                              item.project_metadata)
        model_id = self.b.embedder.model_id
        empty = np.zeros(0, dtype=np.float32)
        chunks = []
        for c in item.chunks:
            text = context_line(c) + c.text
            chunks.append(StoredChunk(c, text, embed_hash(model_id, text), empty))
        return stored, chunks

    def _resolve_embeddings(self, chunks: list[StoredChunk]) -> tuple[int, int]:
        """Fill every chunk's vector: from the previous generation when its hash is known,
        else by embedding. Returns (embedded, reused)."""
        model_id = self.b.embedder.model_id
        for sc in chunks:
            # Copied-forward rows embedded with another model get a new hash and vector.
            sc.embed_hash = embed_hash(model_id, sc.embed_text)
        known = self.old.embeddings_for([sc.embed_hash for sc in chunks]) if self.old else {}
        dim = self.b.embedder.dimension
        todo: list[StoredChunk] = []
        for sc in chunks:
            vec = known.get(sc.embed_hash)
            if vec is not None and vec.shape == (dim,):
                sc.embedding = vec
            else:
                todo.append(sc)
        if todo:
            vecs = self.b.embedder.embed_passages(
                [sc.embed_text for sc in todo], batch_size=32, show_progress=self.b.show_progress
            )
            if vecs.shape != (len(todo), dim):
                raise ValueError(f"embedder returned shape {vecs.shape}, expected ({len(todo)}, {dim})")
            for sc, vec in zip(todo, vecs, strict=True):
                sc.embedding = np.asarray(vec, dtype=np.float32)
        return len(todo), len(chunks) - len(todo)

    def _write_vectors(
        self, entries: list[tuple[StoredReport, list[StoredChunk]]]
    ) -> chroma_store.ChromaLocation:
        if self.b.chroma_url is not None:
            location = chroma_store.ChromaLocation(url=self.b.chroma_url)
        else:
            location = chroma_store.ChromaLocation(path=str(self.dir / CHROMA_DIR))
        client = chroma_store.open_client(location)
        collection = chroma_store.create_collection(client, chroma_store.collection_name(self.generation))
        nodes = [
            chroma_store.make_node(sc.chunk.id, sc.chunk.text, chunk_metadata(stored, sc.chunk), sc.embedding)
            for stored, scs in entries for sc in scs
        ]
        chroma_store.add_nodes(chroma_store.vector_store(collection), nodes)
        return location

    def _write_manifest(
        self, entries: list[tuple[StoredReport, list[StoredChunk]]], location: chroma_store.ChromaLocation
    ) -> Manifest:
        files = [CHUNKS_FILE] + sorted(
            str(p.relative_to(self.dir)) for p in (self.dir / KEYWORD_DIR).rglob("*") if p.is_file()
        )
        manifest = Manifest(
            generation=self.generation, model_id=self.b.embedder.model_id,
            dimension=self.b.embedder.dimension,
            chunk_count=sum(len(scs) for _, scs in entries),
            reports=[ManifestReport(s.report.id, s.report.year, len(scs), s.report.content_hash,
                                    s.report.title) for s, scs in entries],
            created_at=_now(), chroma_collection=chroma_store.collection_name(self.generation),
            chroma_location=location.describe(), checksums=file_checksums(self.dir, files),
            previous_generation=self.previous,
        )
        write_manifest(self.dir, manifest)
        return manifest


def chunk_metadata(stored: StoredReport, chunk: Chunk) -> dict[str, Any]:
    """Chroma metadata of a chunk: what retrieval may filter on."""
    meta: dict[str, Any] = {
        "report_id": chunk.report_id, "report_year": stored.report.year,
        "project": chunk.project, "section_title": chunk.section_title,
        "section_type": chunk.section_type.value, "heading_path": chunk.heading_path,
        "start": chunk.start, "end": chunk.end, "page": chunk.page,
    }
    extra = stored.project_metadata.get(chunk.project or "", {})
    meta.update({k: v for k, v in extra.items() if k not in meta})
    return meta
