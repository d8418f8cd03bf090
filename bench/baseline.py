"""The plain LlamaIndex pipeline rapport-qa is compared with: ``SentenceSplitter`` chunks in a
``VectorStoreIndex`` on Chroma, the same embedding model, top 5, no LLM, ``no_text``.

``plain-default`` is LlamaIndex as shipped (1024 tiktoken tokens, 200 overlap). ``plain-e5``
is the one fix any careful user would make: chunk sizes counted with the embedding model's
own tokenizer so no chunk exceeds what e5 reads (400 tokens, 50 overlap).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VARIANTS = ("plain-default", "plain-e5")


@dataclass
class PlainPipeline:
    name: str
    engine: Any
    chunks: int
    ingest_s: float

    def ask(self, question: str) -> list[str]:
        """The top-5 source texts for ``question``, best first."""
        response = self.engine.query(question)
        return [n.node.get_content() for n in response.source_nodes]


def _splitter(variant: str, model_dir: str) -> Any:
    from llama_index.core.node_parser import SentenceSplitter

    if variant == "plain-default":
        return SentenceSplitter()
    import tokenizers

    from index.embedder import _tokenizer_file

    tok = tokenizers.Tokenizer.from_file(str(_tokenizer_file(Path(model_dir))))
    tok.no_truncation()
    return SentenceSplitter(chunk_size=400, chunk_overlap=50,
                            tokenizer=lambda text: tok.encode(text, add_special_tokens=False).ids)


def build_plain(variant: str, files: list[Path], embedder: Any, model_dir: str) -> PlainPipeline:
    """Index ``files`` the plain way; the time covers splitting, embedding and Chroma writes."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Document, Settings, StorageContext, VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    Settings.llm = None
    Settings.embed_model = embedder.as_llama_embedding()
    started = time.perf_counter()
    docs = [Document(text=f.read_text(encoding="utf-8"), metadata={"report": f.stem}) for f in files]
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.create_collection(f"plain-{uuid.uuid4().hex[:8]}", embedding_function=None)
    store = ChromaVectorStore(chroma_collection=collection)
    index = VectorStoreIndex.from_documents(
        docs, storage_context=StorageContext.from_defaults(vector_store=store),
        transformations=[_splitter(variant, model_dir)],
    )
    ingest_s = time.perf_counter() - started
    engine = index.as_query_engine(similarity_top_k=5, response_mode="no_text")
    return PlainPipeline(variant, engine, collection.count(), ingest_s)
