"""The answering pipeline's types: Question → Passage → Citation/FigureRef → Answer.

Citation numbers are minted here, by the system, from retrieved passages only; an answer
can never cite something that was not retrieved.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from corpus.types import Chunk, SectionType

#: The sentinel sentence used whenever the reports do not answer (code and tests use it).
CANNOT_ANSWER = "Det framgår inte av rapporterna."


@dataclass(frozen=True, slots=True)
class ProjectRef:
    """A project as known to the index: its report, name and the names it goes by."""

    report_id: str
    name: str
    abbreviation: str | None = None
    aliases: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True, slots=True)
class Filters:
    """Metadata restrictions applied to every retriever."""

    report_ids: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    section_types: tuple[SectionType, ...] = ()

    def where(self) -> dict[str, object] | None:
        """Metadata filter for the vector store: ``{key: value}`` or ``{key: [any of]}``,
        all ANDed (None when unrestricted)."""
        where: dict[str, object] = {}
        for key, values in (
            ("report_id", self.report_ids),
            ("project", self.projects),
            ("section_type", tuple(str(s) for s in self.section_types)),
        ):
            if len(values) == 1:
                where[key] = values[0]
            elif values:
                where[key] = list(values)
        return where or None

    def admits(self, chunk: Chunk) -> bool:
        return (
            (not self.report_ids or chunk.report_id in self.report_ids)
            and (not self.projects or chunk.project in self.projects)
            and (not self.section_types or chunk.section_type in self.section_types)
        )


@dataclass(slots=True)
class Question:
    """What was understood of a question (pure result of ``qa.understanding``)."""

    text: str
    projects: list[ProjectRef] = field(default_factory=list)
    ambiguous: list[ProjectRef] = field(default_factory=list)
    unknown_project: str | None = None
    fields: list[str] = field(default_factory=list)
    section_types: list[SectionType] = field(default_factory=list)
    year: int | None = None
    aggregate: str | None = None
    report_id: str | None = None
    #: The question with its project mentions blanked out (what else it asks about).
    rest: str = ""
    #: Projects named only to be left out ("utöver i X").
    excluded: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Passage:
    """A retrieved chunk with its fused score and the per-retriever evidence."""

    chunk: Chunk
    score: float
    dense: float | None = None
    lexical: float | None = None
    report_year: int | None = None


@dataclass(slots=True)
class Citation:
    """A minted citation: number, the passage, and the supporting sentence(s) inside it."""

    id: int
    passage: Passage
    quote: str
    quote_start: int
    quote_end: int
    #: idf-weighted question terms the quote covers (0 for citations of facts).
    support: float = 0.0


@dataclass(slots=True)
class FigureRef:
    """A structured figure in an answer, pointing at the citation of its source sentence."""

    project: str | None
    field: str
    value: int | float | str
    unit: str | None
    text: str
    citation: int | None
    label: str | None = None
    kind: str | None = None


@dataclass(slots=True)
class Answer:
    answer_id: str
    text: str
    answerable: bool
    citations: list[Citation] = field(default_factory=list)
    figures: list[FigureRef] = field(default_factory=list)
    suggestions: list[Citation] = field(default_factory=list)
    context_project: str | None = None
    notes: list[str] = field(default_factory=list)


def new_answer_id() -> str:
    return "a-" + uuid.uuid4().hex[:8]
