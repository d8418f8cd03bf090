"""``POST /ask``: one question, one cited answer."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from api.deps import ServiceDep
from api.presenters import answer_out
from api.schemas import AskRequest, AskResponse, ErrorResponse

router = APIRouter(tags=["ask"])

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorResponse} for code in (404, 413, 422, 503)
}


@router.post("/ask", response_model=AskResponse, responses=ERRORS)
def ask(body: AskRequest, service: ServiceDep) -> AskResponse:
    """Answer a Swedish question from the indexed reports, with citations and figures."""
    answer = service.ask(body.question, report=body.report)
    conversation_id = body.conversation_id or "c-" + uuid.uuid4().hex[:12]
    return answer_out(answer, conversation_id, service.report_years)
