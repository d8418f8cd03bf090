"""The corpus pipeline's types, named once: Report → Section → Chunk, ProjectFacts, Figure.

Every object that carries text also carries the character span it came from in the
report's *normalised* text (see ``corpus.reading``), so any citation or figure can be
traced back to the exact characters of its source.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class SectionType(StrEnum):
    """What kind of content a section holds; drives retrieval filters and answer style."""

    FACTS = "facts"
    STATUS = "status"
    SUCCESS_FACTORS = "success_factors"
    CHALLENGES = "challenges"
    IMPLEMENTATION = "implementation"
    BACKGROUND = "background"
    SUMMARY = "summary"


class SectionKind(StrEnum):
    """A section's place in the tree."""

    CHAPTER = "chapter"
    PROJECT = "project"
    SUBPROJECT = "subproject"
    SUBSECTION = "subsection"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` in a report's normalised text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")


@dataclass(slots=True)
class Section:
    """A node of the section tree.

    ``heading`` is the heading line as written; ``title`` the normalised title (for a
    project: the project name without a trailing "– avslutat 2019"). ``body`` spans the
    text after the heading up to the next heading of the same or a higher level, children
    included.
    """

    title: str
    kind: SectionKind
    section_type: SectionType
    heading: Span | None
    body: Span
    heading_path: tuple[str, ...]
    project: str | None = None
    children: list[Section] = field(default_factory=list)

    def walk(self) -> list[Section]:
        """This section and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass(slots=True)
class Project:
    """A project (or sub-project) as the report names it.

    ``status_note`` keeps what was stripped from the heading ("avslutat 2019");
    ``abbreviation`` is one the text defines ("Grön omställning i Syd (GOS)").
    """

    name: str
    heading: Span
    abbreviation: str | None = None
    status_note: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(slots=True)
class Report:
    """A parsed report. ``text`` is the normalised text all offsets refer to."""

    id: str
    title: str
    year: int | None
    text: str
    sections: list[Section]
    projects: list[Project]
    period: str | None = None
    source_name: str | None = None
    page_starts: tuple[int, ...] = ()

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def all_sections(self) -> list[Section]:
        out: list[Section] = []
        for s in self.sections:
            out.extend(s.walk())
        return out

    def page_at(self, offset: int) -> int | None:
        """1-based page number of ``offset`` when the source had pages (PDF), else None."""
        if not self.page_starts:
            return None
        page = 0
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i
        return page + 1


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or whole bullet) inside a chunk, with absolute offsets."""

    start: int
    end: int


@dataclass(slots=True)
class Chunk:
    """A retrieval unit: sentence-aligned, inside one subsection, sized in model tokens."""

    id: str
    report_id: str
    project: str | None
    section_title: str
    section_type: SectionType
    heading_path: tuple[str, ...]
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    page: int | None = None

    @staticmethod
    def make_id(report_id: str, heading_path: tuple[str, ...], text: str) -> str:
        """Stable id: a hash of report id, heading path and text (same input → same id)."""
        h = hashlib.sha256()
        for part in (report_id, "\x1f".join(heading_path), text):
            h.update(part.encode("utf-8"))
            h.update(b"\x1e")
        return "c-" + h.hexdigest()[:20]

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Sourced:
    """A value together with where it was read: report, span and the sentence it stands in."""

    value: object
    report_id: str
    span: Span
    sentence: str
    #: The currency of an amount stated in another one than kronor ("euro"); None otherwise.
    unit: str | None = None


@dataclass(slots=True)
class ProjectFacts:
    """Facts about one project; each field keeps its source (``Sourced``) or is None."""

    report_id: str
    project: str
    abbreviation: str | None = None
    parent: str | None = None
    owner: Sourced | None = None
    managers: list[Sourced] = field(default_factory=list)
    former_managers: list[Sourced] = field(default_factory=list)
    start_date: Sourced | None = None
    end_date: Sourced | None = None
    original_end_date: Sourced | None = None
    status: Sourced | None = None
    ended_year: int | None = None
    total_budget: Sourced | None = None
    eu_funding: Sourced | None = None
    fund: Sourced | None = None
    budget_revised: bool = False
    co_financiers: list[Sourced] = field(default_factory=list)

    #: The fields that hold one ``Sourced`` value, and those that hold a list of them.
    SINGLE = (
        "owner",
        "start_date",
        "end_date",
        "original_end_date",
        "status",
        "total_budget",
        "eu_funding",
        "fund",
        "eu_share",
    )
    MULTIPLE = ("managers", "former_managers", "co_financiers")

    def sources(self) -> list[Sourced]:
        """Every stated fact's source, single fields first."""
        out = [s for name in self.SINGLE if (s := getattr(self, name)) is not None]
        return out + [s for name in self.MULTIPLE for s in getattr(self, name)]

    original_total_budget: Sourced | None = None
    #: The EU grant as a percentage of the budget, where the report gives no amount for it.
    eu_share: Sourced | None = None


@dataclass(slots=True)
class Figure:
    """A number read from the text: what it measures, its unit, and its source sentence.

    ``field`` is one of API.md's figure fields (``participants``, ``goal``, ``outcome``,
    ``share``, ``count``, ``amount``, ``total_budget`` …); ``label`` a short normalised
    description ("deltagare till arbete"); ``kind`` "goal", "outcome" or None.
    """

    report_id: str
    project: str | None
    field: str
    value: int | float | str
    unit: str
    label: str
    span: Span
    sentence: str
    kind: str | None = None
