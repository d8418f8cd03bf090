"""Plain-JSON records of what the corpus layer extracts (projects, facts, figures), so the
index can store them without pickle and the QA layer can read them back as typed objects."""

from __future__ import annotations

import dataclasses
from typing import Any

from corpus.budget_table import StatedTotal
from corpus.types import Figure, Project, ProjectFacts, Sourced, Span


def _sourced_to_json(s: Sourced | None) -> dict[str, Any] | None:
    if s is None:
        return None
    out = {"value": s.value, "report_id": s.report_id, "start": s.span.start, "end": s.span.end,
           "sentence": s.sentence}
    return out | ({"unit": s.unit} if s.unit else {})


def _sourced_from_json(d: dict[str, Any] | None) -> Sourced | None:
    if d is None:
        return None
    return Sourced(d["value"], d["report_id"], Span(d["start"], d["end"]), d["sentence"], d.get("unit"))


def project_to_json(p: Project) -> dict[str, Any]:
    return {"name": p.name, "start": p.heading.start, "end": p.heading.end,
            "abbreviation": p.abbreviation, "status_note": p.status_note, "parent": p.parent,
            "aliases": list(p.aliases)}


def project_from_json(d: dict[str, Any]) -> Project:
    return Project(d["name"], Span(d["start"], d["end"]), d.get("abbreviation"), d.get("status_note"),
                   d.get("parent"), tuple(d.get("aliases", ())))


def facts_to_json(f: ProjectFacts) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in dataclasses.fields(f):
        value = getattr(f, field.name)
        if isinstance(value, Sourced) or (value is None and field.type.startswith("Sourced")):
            out[field.name] = _sourced_to_json(value)
        elif isinstance(value, list):
            out[field.name] = [_sourced_to_json(v) for v in value]
        else:
            out[field.name] = value
    return out


def facts_from_json(d: dict[str, Any]) -> ProjectFacts:
    kwargs: dict[str, Any] = {}
    for field in dataclasses.fields(ProjectFacts):
        if field.name not in d:
            continue
        value = d[field.name]
        if field.type.startswith("Sourced"):
            kwargs[field.name] = _sourced_from_json(value)
        elif field.type.startswith("list[Sourced]"):
            kwargs[field.name] = [_sourced_from_json(v) for v in value]
        else:
            kwargs[field.name] = value
    return ProjectFacts(**kwargs)


def figure_to_json(f: Figure) -> dict[str, Any]:
    d = dataclasses.asdict(f)
    d["span"] = [f.span.start, f.span.end]
    return d


def figure_from_json(d: dict[str, Any]) -> Figure:
    d = dict(d)
    start, end = d.pop("span")
    return Figure(span=Span(start, end), **d)


def stated_total_to_json(t: StatedTotal) -> dict[str, Any]:
    return {"kind": t.kind, "value": t.value, "qualifier": t.qualifier, "tolerance": t.tolerance,
            "source": _sourced_to_json(t.source)}


def stated_total_from_json(d: dict[str, Any]) -> StatedTotal:
    source = _sourced_from_json(d["source"])
    assert source is not None
    return StatedTotal(d["kind"], d["value"], d.get("qualifier"), d.get("tolerance", 0), source)
