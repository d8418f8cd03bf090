"""The project's `Embedder` behind LlamaIndex's embedding interface.

LlamaIndex calls `_get_query_embedding` for questions and `_get_text_embedding(s)` for
nodes; they map to the query and passage prefixes, so retrievers built with
`Settings.embed_model = embedder.as_llama_embedding()` embed exactly like our own code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

if TYPE_CHECKING:
    from index.embedder import Embedder


class LlamaEmbedding(BaseEmbedding):
    """A LlamaIndex embedding that delegates to an already loaded `Embedder`."""

    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder, embed_batch_size: int = 32) -> None:
        super().__init__(model_name=embedder.model_id, embed_batch_size=embed_batch_size)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "RapportEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.embed_query(query).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.embed_passages([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed_passages(texts, batch_size=self.embed_batch_size).tolist()
