"""Verifying a freshly written index generation before ``CURRENT`` may point at it."""

from __future__ import annotations

from pathlib import Path

from index import chroma_store
from index.chunkstore import ChunkStore
from index.errors import IndexCorrupt
from index.generations import CHROMA_DIR, CHUNKS_FILE, KEYWORD_DIR
from index.keyword import KeywordIndex
from index.manifest import Manifest, verify_checksums


def verify_generation(gen_dir: Path, manifest: Manifest, chroma_url: str | None) -> None:
    """Check a written generation: checksums, the same ids in all three stores, and a
    vector and a keyword query per report that find that report's first chunk."""
    verify_checksums(gen_dir, manifest)
    store = ChunkStore(gen_dir / CHUNKS_FILE, readonly=True)
    try:
        ids = store.chunk_ids()
        keyword = KeywordIndex.load(gen_dir / KEYWORD_DIR)
        location = (chroma_store.ChromaLocation(url=chroma_url) if chroma_url
                    else chroma_store.ChromaLocation(path=str(gen_dir / CHROMA_DIR)))
        collection = chroma_store.open_collection(chroma_store.open_client(location),
                                                  manifest.chroma_collection)
        if set(keyword.ids) != ids or chroma_store.all_ids(collection) != ids:
            raise IndexCorrupt(f"generation {manifest.generation}: chunk ids differ between stores")
        vstore = chroma_store.vector_store(collection)
        for rid in store.report_ids():
            first = store.chunks_of(rid)[0]
            own = {sc.chunk.id for sc in store.chunks_of(rid)}
            hits = chroma_store.query(vstore, first.embedding, 3, {"report_id": rid})
            if not hits or hits[0][0] not in own:
                raise IndexCorrupt(f"generation {manifest.generation}: vector query for {rid} failed")
            if not keyword.search(first.embed_text, 3, allowed_ids=own):
                raise IndexCorrupt(f"generation {manifest.generation}: keyword query for {rid} failed")
    finally:
        store.close()
