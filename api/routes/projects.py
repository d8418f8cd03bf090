"""``GET /projects``, ``GET /projects/{id}``, ``GET /figures``: the facts table with
provenance (every value with its report, span and source sentence)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from fastapi import APIRouter, Query

from api.deps import ServiceDep
from api.schemas import ErrorResponse
from corpus.records import figure_to_json
from corpus.types import ProjectFacts, Sourced
from qa.errors import NotFound
from qa.service import QAService

router = APIRouter(tags=["facts"])


def project_id(name: str) -> str:
    """URL-safe id of a project name ("Språkstegen 3.0" → "sprakstegen-3-0")."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def _source(s: Sourced | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "value": s.value,
        "report": s.report_id,
        "start": s.span.start,
        "end": s.span.end,
        "text": s.sentence,
    }


def project_out(f: ProjectFacts, service: QAService) -> dict[str, Any]:
    single = (*ProjectFacts.SINGLE, "original_total_budget")
    sources: dict[str, Any] = {name: _source(getattr(f, name)) for name in single}
    for name in ProjectFacts.MULTIPLE:
        sources[name] = [_source(s) for s in getattr(f, name)]
    value = {name: (getattr(f, name).value if getattr(f, name) is not None else None) for name in single}
    return {
        "id": project_id(f.project),
        "name": f.project,
        "report": f.report_id,
        "report_year": service.report_years.get(f.report_id),
        "abbreviation": f.abbreviation,
        "parent": f.parent,
        **value,
        "managers": [m.value for m in f.managers],
        "former_managers": [m.value for m in f.former_managers],
        "co_financiers": [c.value for c in f.co_financiers],
        "ended_year": f.ended_year,
        "budget_revised": f.budget_revised,
        "sources": sources,
        "discrepancies": [d for d in service.facts.discrepancies if d.get("project") == f.project],
    }


@router.get("/projects")
def projects(service: ServiceDep, report: str | None = Query(None, max_length=200)) -> dict[str, Any]:
    """Every project's facts (newest report first per field), with their sources."""
    scope = (report,) if report else ()
    rows = sorted(service.facts.rows(scope), key=lambda f: f.project)
    return {
        "projects": [project_out(f, service) for f in rows],
        "discrepancies": service.facts.discrepancies,
    }


@router.get("/projects/{project}", responses={404: {"model": ErrorResponse}})
def project(project: str, service: ServiceDep) -> dict[str, Any]:
    """One project by id (or exact name), with its record in every report."""
    match = next((f for f in service.facts.rows() if project in (project_id(f.project), f.project)), None)
    if match is None:
        raise NotFound("Projektet finns inte i rapporterna.")
    out = project_out(match, service)
    out["history"] = [project_out(f, service) for f in service.facts.history(match.project)]
    return out


@router.get("/figures")
def figures(
    service: ServiceDep,
    project: str | None = Query(None, max_length=300),
    field: str | None = Query(None, max_length=40),
) -> dict[str, Any]:
    """Result figures read from the reports, filtered by project (id or name) and field."""
    out = []
    for fig in service.figure_index.all():
        if project and project not in (fig.project, project_id(fig.project or "")):
            continue
        if field and fig.field != field:
            continue
        out.append(figure_to_json(fig))
    return {"figures": out}
