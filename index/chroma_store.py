"""Chroma access through LlamaIndex's ``ChromaVectorStore``: one collection per generation.

Chroma is always handed precomputed vectors (``embeddings=`` on add,
``query_embedding`` on query); it must never embed anything itself, because without
vectors it tries to download its own ONNX model.

Scores: collections use cosine space (``hnsw:space = cosine``), where Chroma's distance
is ``1 − cos``; ``ChromaVectorStore`` reports ``exp(−distance)`` = ``e^(cos − 1)``.
:func:`score_to_cosine` turns that back into the cosine similarity (``1 + ln score``),
which is what :func:`query` returns, so thresholds can be stated as plain cosines.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np

if TYPE_CHECKING:
    from llama_index.core.schema import TextNode
    from llama_index.vector_stores.chroma import ChromaVectorStore

logger = logging.getLogger(__name__)

COLLECTION_PREFIX = "rapport_"
_ADD_BATCH = 1000


@dataclass(frozen=True, slots=True)
class ChromaLocation:
    """Where a generation's vectors live: an embedded folder or a server URL."""

    path: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if (self.path is None) == (self.url is None):
            raise ValueError("give exactly one of a Chroma path or a Chroma URL")

    def describe(self) -> str:
        return self.url if self.url is not None else f"file:{self.path}"


def parse_chroma_url(url: str) -> tuple[str, int, bool]:
    """``http://host:port`` → (host, port, ssl); the port defaults to 8000 (443 for https)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ValueError(f"not a Chroma server URL (expected http://host:port): {url!r}")
    ssl = parsed.scheme == "https"
    return parsed.hostname, parsed.port or (443 if ssl else 8000), ssl


def open_client(location: ChromaLocation) -> Any:
    """A Chroma client for ``location``: ``PersistentClient`` or ``HttpClient``, no telemetry."""
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    if location.url is not None:
        host, port, ssl = parse_chroma_url(location.url)
        return chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=settings)
    assert location.path is not None
    Path(location.path).mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=location.path, settings=settings)


def collection_name(generation: str) -> str:
    """The collection holding ``generation``'s vectors."""
    return f"{COLLECTION_PREFIX}{generation}"


def create_collection(client: Any, name: str) -> Any:
    """A fresh, empty cosine-space collection (a leftover of a crashed build is dropped)."""
    drop_collection(client, name)
    return client.create_collection(
        name=name, metadata={"hnsw:space": "cosine"}, embedding_function=None
    )


def open_collection(client: Any, name: str) -> Any:
    """An existing collection (raises if it does not exist)."""
    return client.get_collection(name=name, embedding_function=None)


def drop_collection(client: Any, name: str) -> bool:
    """Delete collection ``name`` if it exists; True when something was deleted."""
    existing = {c if isinstance(c, str) else c.name for c in client.list_collections()}
    if name not in existing:
        return False
    client.delete_collection(name=name)
    logger.info("dropped Chroma collection %s", name)
    return True


def vector_store(collection: Any) -> ChromaVectorStore:
    """LlamaIndex's vector store over ``collection`` (usable by LlamaIndex retrievers)."""
    from llama_index.vector_stores.chroma import ChromaVectorStore

    return ChromaVectorStore(chroma_collection=collection)


def make_node(chunk_id: str, text: str, metadata: dict[str, Any], embedding: np.ndarray) -> TextNode:
    """A ``TextNode`` whose id is the chunk id, carrying its precomputed embedding.

    Chroma metadata values must be str, int, float or bool: None becomes "" and
    tuples/lists are joined with " > ".
    """
    from llama_index.core.schema import TextNode

    flat: dict[str, Any] = {}
    for key, value in metadata.items():
        if value is None:
            flat[key] = ""
        elif isinstance(value, list | tuple):
            flat[key] = " > ".join(str(v) for v in value)
        else:
            flat[key] = value
    return TextNode(
        id_=chunk_id,
        text=text,
        metadata=flat,
        embedding=[float(x) for x in embedding],
        excluded_embed_metadata_keys=list(flat),
        excluded_llm_metadata_keys=list(flat),
    )


def add_nodes(store: ChromaVectorStore, nodes: Sequence[TextNode]) -> None:
    """Add nodes (with embeddings) in batches."""
    for i in range(0, len(nodes), _ADD_BATCH):
        store.add(list(nodes[i : i + _ADD_BATCH]))


def score_to_cosine(score: float) -> float:
    """Cosine similarity from ``ChromaVectorStore``'s score ``e^(cos − 1)``."""
    if score <= 0.0:
        return -1.0
    return 1.0 + math.log(score)


def where_filters(where: dict[str, Any] | None) -> Any:
    """LlamaIndex ``MetadataFilters`` for ``{key: value}`` (equality) or ``{key: [values]}``
    (any of), all ANDed; None for no filter."""
    if not where:
        return None
    from llama_index.core.vector_stores import FilterOperator, MetadataFilter, MetadataFilters

    filters: list[MetadataFilter | MetadataFilters] = []
    for key, value in where.items():
        if isinstance(value, list | tuple | set | frozenset):
            filters.append(MetadataFilter(key=key, value=list(value), operator=FilterOperator.IN))
        else:
            filters.append(MetadataFilter(key=key, value=value, operator=FilterOperator.EQ))
    return MetadataFilters(filters=filters)


def query(
    store: ChromaVectorStore, query_vec: np.ndarray, k: int, where: dict[str, Any] | None = None
) -> list[tuple[str, float]]:
    """The ``k`` nearest chunk ids to ``query_vec`` with their cosine similarity."""
    from llama_index.core.vector_stores import VectorStoreQuery

    count = store.client.count()
    k = min(k, count)
    if k <= 0:
        return []
    result = store.query(
        VectorStoreQuery(
            query_embedding=[float(x) for x in query_vec],
            similarity_top_k=k,
            filters=where_filters(where),
        )
    )
    ids = result.ids or []
    sims = result.similarities or []
    return [(cid, score_to_cosine(s)) for cid, s in zip(ids, sims, strict=True)]


def all_ids(collection: Any) -> set[str]:
    """Every id stored in ``collection`` (for verification)."""
    return set(collection.get(include=[])["ids"])
