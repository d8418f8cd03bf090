"""``GET /metrics``: this worker's metrics in the Prometheus text format."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse

from api.limits import AnswerGate
from api.metrics import CONTENT_TYPE, Gauge, Metrics
from api.routes.stream import OPEN_STREAMS
from api.security import require_metrics_access
from api.state import AppState

router = APIRouter(tags=["metrics"])


def index_gauges(state: AppState) -> list[Gauge]:
    """What is being served: generation and model (an info metric), chunks and reports."""
    state.refresh()
    service = state.service
    if service is None:
        return [Gauge("rapport_index_loaded", "1 when an index generation is loaded.", 0)]
    model = str(getattr(state.embedder, "model_id", ""))
    return [
        Gauge("rapport_index_loaded", "1 when an index generation is loaded.", 1),
        Gauge("rapport_index_info", "The index generation served and its embedding model.", 1,
              {"generation": state.generation or "", "model": model}),
        Gauge("rapport_index_chunks", "Chunks in the served index generation.",
              len(service.retriever.chunks)),
        Gauge("rapport_index_reports", "Reports in the served index generation.", len(service.report_years)),
    ]


def answer_gauges(gate: AnswerGate) -> list[Gauge]:
    return [
        Gauge("rapport_answers_running", "Answer computations running now.", gate.running),
        Gauge("rapport_answers_waiting", "Questions waiting for an answer slot.", gate.waiting),
        Gauge("rapport_answers_capacity", "Answer computations allowed at once.", gate.capacity),
        Gauge("rapport_answer_streams_open", "Open /ask/stream responses.", OPEN_STREAMS.open),
    ]


@router.get("/metrics", response_class=PlainTextResponse, include_in_schema=False,
            dependencies=[Depends(require_metrics_access)])
def metrics(request: Request) -> PlainTextResponse:
    """Requests, latency, errors, the index served and the answer queue, for Prometheus."""
    registry: Metrics = request.app.state.metrics
    gauges = index_gauges(request.app.state.rapport) + answer_gauges(request.app.state.answer_gate)
    return PlainTextResponse(registry.render(gauges), media_type=CONTENT_TYPE)
