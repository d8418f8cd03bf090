"""``GET /health``: is an index loaded, which generation, model and reports."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StateDep
from api.schemas import ErrorResponse, HealthResponse, ReportHealth

router = APIRouter(tags=["health"])


@router.get("/health", response_model=HealthResponse, responses={503: {"model": ErrorResponse}})
def health(state: StateDep) -> HealthResponse:
    service = state.require_service()
    counts: dict[str, int] = {}
    for chunk in service.retriever.chunks.values():
        counts[chunk.report_id] = counts.get(chunk.report_id, 0) + 1
    return HealthResponse(
        status="ok",
        index_generation=state.generation or "",
        model=str(getattr(state.embedder, "model_id", "")),
        reports=[
            ReportHealth(id=r, year=y, chunks=counts.get(r, 0)) for r, y in service.report_years.items()
        ],
    )
