"""Public request and response models of the HTTP API (API.md), kept apart from the
internal ``qa.types`` so the wire format can stay stable while internals change."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

FigureField = Literal[
    "total_budget", "eu_funding", "fund", "owner", "manager", "start_date", "end_date",
    "status", "participants", "goal", "outcome", "share", "count", "amount", "co_financing",
]


class AskRequest(BaseModel):
    """Body of ``POST /ask`` and ``POST /ask/stream``."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(..., min_length=1, max_length=2000, description="The question, in Swedish.")
    report: str | None = Field(None, max_length=200, description="Exact report id to restrict to.")
    conversation_id: str | None = Field(None, max_length=100, description="Continue a conversation.")

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("blank question")
        return value


class CitationOut(BaseModel):
    id: int
    report: str
    project: str | None
    section: str
    section_type: str
    text: str
    quote: str
    start: int
    end: int
    score: float
    quote_start: int | None = Field(None, description="Offset of `quote` in the report's text.")
    quote_end: int | None = None
    page: int | None = None
    report_year: int | None = None


class FigureOut(BaseModel):
    project: str | None
    field: FigureField
    value: int | float | str
    unit: str | None
    text: str
    citation: int | None
    label: str | None = None
    kind: str | None = None


class AskResponse(BaseModel):
    answer_id: str
    answer: str
    answerable: bool
    citations: list[CitationOut]
    figures: list[FigureOut]
    suggestions: list[CitationOut]
    conversation_id: str
    context_project: str | None = None
    notes: list[str] = Field(default_factory=list, description="Discrepancies and caveats, in Swedish.")
    conversation_reset: bool = Field(
        default=False,
        description="True when the given `conversation_id` was unknown or expired and a new one began.",
    )


class ReportHealth(BaseModel):
    id: str
    year: int | None
    chunks: int


class HealthResponse(BaseModel):
    status: Literal["ok"]
    index_generation: str
    model: str
    reports: list[ReportHealth]


class ErrorDetail(BaseModel):
    code: str
    message: str
    request_id: str


class ErrorResponse(BaseModel):
    error: ErrorDetail
