"""Internal ``qa.types.Answer`` → public ``AskResponse`` (the wire format of API.md)."""

from __future__ import annotations

from api.schemas import AskResponse, CitationOut, FigureOut
from qa.types import Answer, Citation


def citation_out(c: Citation, report_years: dict[str, int | None]) -> CitationOut:
    chunk = c.passage.chunk
    return CitationOut(
        id=c.id,
        report=chunk.report_id,
        project=chunk.project,
        section=chunk.section_title,
        section_type=str(chunk.section_type),
        text=chunk.text,
        quote=c.quote,
        start=chunk.start,
        end=chunk.end,
        score=round(float(c.passage.score), 6),
        quote_start=c.quote_start,
        quote_end=c.quote_end,
        page=chunk.page,
        report_year=report_years.get(chunk.report_id),
    )


def answer_out(answer: Answer, conversation_id: str, report_years: dict[str, int | None]) -> AskResponse:
    return AskResponse(
        answer_id=answer.answer_id,
        answer=answer.text,
        answerable=answer.answerable,
        citations=[citation_out(c, report_years) for c in answer.citations],
        figures=[
            FigureOut(
                project=f.project,
                field=f.field,
                value=f.value,
                unit=f.unit,
                text=f.text,
                citation=f.citation,
                label=f.label,
                kind=f.kind,
            )
            for f in answer.figures
        ],
        suggestions=[citation_out(c, report_years) for c in answer.suggestions],
        conversation_id=conversation_id,
        context_project=answer.context_project,
        notes=answer.notes,
    )
