"""One question as a turn of a conversation: the glue between ``QAService`` and the
conversation store that ``POST /ask`` and ``POST /ask/stream`` share."""

from __future__ import annotations

import logging
import time
from typing import Annotated, Protocol

from fastapi import Depends, Request

from api.conversations import ConversationStore
from api.limits import AnswerGate, get_gate
from api.logging import question_ref
from api.presenters import answer_out
from api.schemas import AskRequest, AskResponse
from qa.service import Trace
from qa.types import Answer


class Answers(Protocol):
    """What a turn needs of ``QAService``."""

    report_years: dict[str, int | None]

    def ask(self, text: str, report: str | None = None, trace: Trace | None = None,
            context_project: str | None = None) -> Answer: ...


def get_store(request: Request) -> ConversationStore:
    store: ConversationStore = request.app.state.conversations
    return store


StoreDep = Annotated[ConversationStore, Depends(get_store)]
GateDep = Annotated[AnswerGate, Depends(get_gate)]

log = logging.getLogger(__name__)


def turn_project(answer: Answer, trace: Trace) -> str | None:
    """The one project this turn was about (what a follow-up may leave out), if any."""
    question = trace.question
    if question is not None and len(question.projects) == 1:
        return question.projects[0].name
    return answer.context_project


def answer_turn(service: Answers, store: ConversationStore, body: AskRequest,
                gate: AnswerGate) -> AskResponse:
    """Answer ``body`` within its conversation (a new one when the id is missing, unknown or
    expired), passing the project of earlier turns as context, and record the turn.

    The computation waits for a slot of ``gate`` (blocking: call it from a worker thread);
    when the wait times out, ``Overloaded`` (503 with ``Retry-After``)."""
    conversation = store.resolve(body.conversation_id)
    trace = Trace()
    with gate.slot():
        started = time.perf_counter()
        answer = service.ask(body.question, report=body.report, trace=trace,
                             context_project=conversation.project)
    log.info("answered %s", question_ref(body.question),
             extra={"question_ref": question_ref(body.question), "answerable": answer.answerable,
                    "citations": len(answer.citations),
                    "latency_ms": round((time.perf_counter() - started) * 1000, 1)})
    response = answer_out(answer, conversation.id, service.report_years)
    response.conversation_reset = conversation.reset
    store.record_turn(conversation.id, body.question, response.model_dump(mode="json"),
                      turn_project(answer, trace))
    return response
