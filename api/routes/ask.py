"""``POST /ask``: one question, one cited answer (a turn of a conversation)."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import ServiceDep
from api.schemas import AskRequest, AskResponse, ErrorResponse
from api.turns import GateDep, StoreDep, answer_turn

router = APIRouter(tags=["ask"])

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorResponse} for code in (404, 413, 422, 503)
}


@router.post("/ask", response_model=AskResponse, responses=ERRORS)
def ask(body: AskRequest, service: ServiceDep, store: StoreDep, gate: GateDep) -> AskResponse:
    """Answer a Swedish question from the indexed reports, with citations and figures.
    A follow-up in the same ``conversation_id`` may leave out the project it is about."""
    return answer_turn(service, store, body, gate)
