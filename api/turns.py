"""One question as a turn of a conversation: the glue between ``QAService`` and the
conversation store that ``POST /ask`` and ``POST /ask/stream`` share."""

from __future__ import annotations

from typing import Annotated, Protocol

from fastapi import Depends, Request

from api.conversations import ConversationStore
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


def turn_project(answer: Answer, trace: Trace) -> str | None:
    """The one project this turn was about (what a follow-up may leave out), if any."""
    question = trace.question
    if question is not None and len(question.projects) == 1:
        return question.projects[0].name
    return answer.context_project


def answer_turn(service: Answers, store: ConversationStore, body: AskRequest) -> AskResponse:
    """Answer ``body`` within its conversation (a new one when the id is missing, unknown or
    expired), passing the project of earlier turns as context, and record the turn."""
    conversation = store.resolve(body.conversation_id)
    trace = Trace()
    answer = service.ask(body.question, report=body.report, trace=trace, context_project=conversation.project)
    response = answer_out(answer, conversation.id, service.report_years)
    response.conversation_reset = conversation.reset
    store.record_turn(conversation.id, body.question, response.model_dump(mode="json"),
                      turn_project(answer, trace))
    return response
