"""Loading the model and index generations into the app state (start-up and hot swap)."""

from __future__ import annotations

import logging

from api.state import AppState
from qa import errors as qe
from qa.retrieval import RetrievalConfig
from qa.service import QAService

log = logging.getLogger(__name__)


def load_embedder(state: AppState) -> None:
    """Load the embedding model once per process (one torch thread)."""
    from index.embedder import load_embedder as _load

    state.embedder = _load(state.settings.embed_model)


def load_generation(state: AppState) -> None:
    """(Re)open the index when ``CURRENT`` names a generation other than the loaded one.

    In-flight requests keep the service object they already hold, so a swap never fails
    them; a generation that cannot be opened leaves the previous one serving.
    """
    from index.errors import IndexVersionMismatch, NoIndex
    from index.generations import current_generation
    from index.store import IndexReader
    from qa.index_view import SnapshotView

    settings = state.settings
    current = current_generation(settings.data_dir)
    if current is None:
        if state.service is None:
            state.load_error = qe.IndexUnavailable()
        return
    if current == state.generation and state.service is not None:
        return
    if state.embedder is None:
        load_embedder(state)
    assert state.embedder is not None
    try:
        reader = IndexReader.open(
            settings.data_dir,
            state.embedder.model_id,  # type: ignore[attr-defined]
            chroma_url=settings.chroma_url,
        )
    except IndexVersionMismatch as exc:
        log.error("index generation %s does not match this code: %s", current, exc)
        state.load_error = qe.IndexVersionMismatchError()
        state.service = None
        return
    except NoIndex:
        state.load_error = qe.IndexUnavailable()
        return
    view = SnapshotView(reader.snapshot())
    state.service = QAService(
        view,
        state.embedder,  # type: ignore[arg-type]
        view.analyzer,
        top_k=settings.top_k,
        retrieval=RetrievalConfig(candidates=settings.retrieval_k),
    )
    state.reader = reader
    state.generation = reader.generation
    state.load_error = None
    log.info("serving index generation %s", reader.generation)
