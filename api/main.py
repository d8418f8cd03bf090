"""The FastAPI application: ``create_app(settings)``."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

import index  # noqa: F401  (sets the offline environment before any model library loads)
from api.config import Settings, get_settings
from api.conversations import ConversationStore
from api.errors import install_error_handlers
from api.headers import SecurityHeadersMiddleware
from api.limits import AnswerGate, RateLimiter, rate_limit
from api.loading import load_embedder
from api.metrics import Metrics
from api.middleware import RequestContextMiddleware
from api.routes import ask, feedback, health, lessons, metrics, pages, projects, reports, stream
from api.schemas import ErrorResponse
from api.security import require_widget
from api.state import AppState

log = logging.getLogger(__name__)

#: Errors any widget-facing endpoint may answer (documented in the OpenAPI schema).
WIDGET_ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 413, 422, 429, 503)
}


def create_app(settings: Settings | None = None, embedder: object | None = None) -> FastAPI:
    """Build the app; the model and index load once, in the lifespan. ``embedder`` lets
    an embedding model already in memory be shared (tests, the in-process CLI)."""
    settings = settings or get_settings()
    state = AppState(settings, embedder=embedder)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if state.embedder is None:
            load_embedder(state)
        state.refresh()
        yield
        app.state.conversations.close()

    # OpenAPI docs pages load assets from a CDN; the schema stays at /openapi.json.
    app = FastAPI(title="rapport-qa", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.rapport = state
    app.state.conversations = ConversationStore(settings.app_db_target, settings.conversation_ttl_seconds)
    app.state.metrics = Metrics()
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
    app.state.answer_gate = AnswerGate(settings.max_concurrent_answers, settings.queue_timeout_seconds)
    install_error_handlers(app, settings.max_question_chars)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["content-type", "x-api-key", "authorization"],
        )
    # Uploads have their own limit; the route itself answers 413 at exactly that size, the
    # slack only covers multipart framing so its message (with the limit) is the one seen.
    app.add_middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes,
                       metrics=app.state.metrics,
                       path_limits={"/reports": settings.max_upload_bytes + 64 * 1024})
    app.add_middleware(SecurityHeadersMiddleware)
    for module in (ask, stream, feedback, projects, lessons):
        app.include_router(module.router, dependencies=[Depends(rate_limit), Depends(require_widget)],
                           responses=WIDGET_ERRORS)
    app.include_router(reports.router, dependencies=[Depends(rate_limit)],
                       responses={429: {"model": ErrorResponse}})
    for module in (health, pages, metrics):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC_DIR), name="static")
    return app
