"""Human- and machine-readable views of a parsed report, for ``rapport parse``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

from corpus.types import Chunk, Project, Report, Section, SectionKind


def _project_label(project: Project | None, title: str) -> str:
    if project is None:
        return title
    extras = [f"förkortning {project.abbreviation}"] if project.abbreviation else []
    if project.status_note:
        extras.append(project.status_note)
    if project.aliases:
        extras.append("även " + ", ".join(project.aliases))
    return title + (f" ({'; '.join(extras)})" if extras else "")


def _lines(
    section: Section, depth: int, counts: Counter[tuple[str, ...]], projects: dict[str, Project]
) -> Iterator[str]:
    indent = "  " * depth
    title = section.title
    if section.kind in (SectionKind.PROJECT, SectionKind.SUBPROJECT):
        title = _project_label(projects.get(section.title), title)
    n = counts.get(section.heading_path, 0)
    yield f"{indent}[{section.kind.value}] {title} — {section.section_type.value}, {n} chunk{'s' * (n != 1)}"
    if section.kind is SectionKind.PROJECT:
        for member in (p for p in projects.values() if p.parent == section.title):
            yield f"{indent}  [subproject] {_project_label(member, member.name)}"
    for child in section.children:
        yield from _lines(child, depth + 1, counts, projects)


def format_tree(report: Report, chunks: list[Chunk]) -> str:
    """The report's tree: chapters, projects (with status, abbreviation, aliases), subsections
    with their types and how many chunks each section's own text produced."""
    counts: Counter[tuple[str, ...]] = Counter(c.heading_path for c in chunks)
    projects = {p.name: p for p in report.projects}
    head = [
        f"{report.id}: {report.title}",
        f"år {report.year}"
        + (f", period {report.period}" if report.period else "")
        + f", {len(report.text)} tecken, {len(chunks)} chunks, "
        + f"{sum(p.parent is None for p in report.projects)} projekt",
    ]
    body = [line for s in report.sections for line in _lines(s, 0, counts, projects)]
    return "\n".join(head + body)


def chunks_as_json_lines(chunks: list[Chunk]) -> Iterator[str]:
    """One JSON object per chunk, with every field (sentences as [start, end] pairs)."""
    for c in chunks:
        yield json.dumps(
            {
                "id": c.id,
                "report_id": c.report_id,
                "project": c.project,
                "section_title": c.section_title,
                "section_type": c.section_type.value,
                "heading_path": list(c.heading_path),
                "start": c.start,
                "end": c.end,
                "page": c.page,
                "sentences": [[s.start, s.end] for s in c.sentences],
                "text": c.text,
            },
            ensure_ascii=False,
        )
