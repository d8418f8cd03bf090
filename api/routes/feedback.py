"""``POST /feedback``: thumbs up or down on an answer, stored with its question, answer and
citations."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from api.schemas import ErrorResponse
from api.turns import StoreDep
from qa.errors import NotFound

router = APIRouter(tags=["feedback"])

RATINGS: dict[str | int, int] = {"up": 1, "down": -1, 1: 1, -1: -1}


class UnknownAnswer(NotFound):
    code = "unknown_answer"
    user_message = "Svaret som återkopplingen gäller finns inte (eller är för gammalt)."


class FeedbackRequest(BaseModel):
    """Body of ``POST /feedback``."""

    model_config = ConfigDict(extra="forbid")

    answer_id: str = Field(..., min_length=1, max_length=100)
    rating: Literal["up", "down", 1, -1] = Field(..., description="`up`/`down` (or 1/-1).")
    comment: str | None = Field(None, max_length=2000)


class FeedbackResponse(BaseModel):
    status: Literal["stored"]
    feedback_id: int
    answer_id: str
    rating: int


@router.post("/feedback", status_code=201, response_model=FeedbackResponse,
             responses={code: {"model": ErrorResponse} for code in (404, 413, 422)})
def feedback(body: FeedbackRequest, store: StoreDep) -> FeedbackResponse:
    """Store a rating (and optional comment) of an answer this service gave."""
    rating = RATINGS[body.rating]
    comment = body.comment.strip() if body.comment and body.comment.strip() else None
    feedback_id = store.add_feedback(body.answer_id, rating, comment)
    if feedback_id is None:
        raise UnknownAnswer(detail=f"feedback for unknown answer {body.answer_id[:40]}")
    return FeedbackResponse(status="stored", feedback_id=feedback_id, answer_id=body.answer_id, rating=rating)
