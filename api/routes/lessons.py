"""``GET /lessons``: lessons learned across projects, grouped by project, each lesson the
exact sentence(s) with its citation."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query

from api.deps import ServiceDep
from api.presenters import citation_out
from corpus.types import SectionType
from qa.lessons import lessons as find_lessons

router = APIRouter(tags=["lessons"])

KINDS: dict[str, tuple[SectionType, ...]] = {
    "success": (SectionType.SUCCESS_FACTORS,),
    "challenge": (SectionType.CHALLENGES,),
    "any": (SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES),
}


@router.get("/lessons")
def lessons(
    service: ServiceDep,
    q: str = Query(..., min_length=1, max_length=2000, description="What the lessons should be about."),
    type: Literal["success", "challenge", "any"] = Query("any"),  # noqa: A002 - API name
    project: str | None = Query(None, max_length=300),
    fund: Literal["ESF", "ESF+", "ERUF"] | None = Query(None),
    limit: int = Query(20, ge=1, le=50),
) -> dict[str, Any]:
    """Lessons grouped by project, most relevant project first."""
    projects = (project,) if project else ()
    cits = find_lessons(service, q, KINDS[type], projects, fund, limit)
    groups: dict[str, dict[str, Any]] = {}
    for c in cits:
        chunk = c.passage.chunk
        key = chunk.project or ""
        group = groups.setdefault(key, {"project": chunk.project, "lessons": []})
        group["lessons"].append(
            {
                "text": c.quote,
                "type": str(chunk.section_type),
                "citation": citation_out(c, service.report_years).model_dump(),
            }
        )
    return {"query": q, "type": type, "groups": list(groups.values())}
