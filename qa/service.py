"""The answering service: question → understanding → retrieval → evidence → cited answer.

One ``QAService`` per loaded index generation; it is built once (model and index loaded
at start) and is safe to share between requests (no per-request mutable state).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from corpus.types import Chunk, SectionType
from qa.abstain import AbstentionPolicy, Evidence, content_terms, gather_evidence
from qa.compose import abstention_answer, extractive_answer, lessons_answer, mint_citations
from qa.errors import UnknownReport
from qa.quotes import TermWeights
from qa.retrieval import HybridRetriever, RetrievalConfig, Timings
from qa.types import Answer, Filters, Passage, ProjectRef, Question
from qa.understanding import ProjectCatalog, normalise, understand

log = logging.getLogger(__name__)

LESSON_TYPES = (SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES)


class IndexView(Protocol):
    """What the service reads from an index generation (``index.store.IndexReader``)."""

    def all_chunks(self) -> list[Chunk]: ...

    def report_years(self) -> dict[str, int | None]: ...

    def project_refs(self) -> list[ProjectRef]: ...

    def vector_search(
        self, query_vec: np.ndarray, k: int, where: dict[str, object] | None = None
    ) -> list[tuple[str, float]]: ...

    def keyword_search(
        self, query: str, k: int, allowed_ids: set[str] | None = None
    ) -> list[tuple[str, float]]: ...


class Embeds(Protocol):
    def embed_query(self, text: str) -> np.ndarray: ...


@dataclass(slots=True)
class Trace:
    """Diagnostics of one answer (evaluation and benchmarks read these)."""

    question: Question | None = None
    passages: list[Passage] = field(default_factory=list)
    evidence: Evidence | None = None
    timings: Timings = field(default_factory=Timings)
    path: str = ""


def new_answer_id() -> str:
    return "a-" + uuid.uuid4().hex[:8]


class QAService:
    def __init__(
        self,
        index: IndexView,
        embedder: Embeds,
        analyze: Callable[[str], list[str]],
        *,
        top_k: int = 5,
        retrieval: RetrievalConfig | None = None,
        policy: AbstentionPolicy | None = None,
    ):
        self.index = index
        self.top_k = top_k
        self.retriever = HybridRetriever(index, embedder, retrieval)
        self.report_years = index.report_years()
        self.catalog = ProjectCatalog(index.project_refs())
        self.weights = TermWeights(analyze, (c.text for c in self.retriever.chunks.values()))
        self.policy = policy or AbstentionPolicy()

    # -- scope -----------------------------------------------------------------
    def _report_scope(self, q: Question, report: str | None) -> tuple[str, ...]:
        if report is not None:
            if report not in self.report_years:
                raise UnknownReport(report)
            return (report,)
        if q.year is not None:
            named = tuple(r for r, y in self.report_years.items() if y == q.year)
            if named and "rapport" in normalise(q.text):
                return named
        return ()

    def _project_scope(self, q: Question) -> tuple[str, ...]:
        names: list[str] = []
        for ref in q.projects:
            names.append(ref.name)
            # A group's text covers its sub-projects and vice versa.
            names += [r.name for r in self.catalog.refs if r.parent == ref.name]
            if ref.parent:
                names.append(ref.parent)
        return tuple(dict.fromkeys(names))

    # -- answering -------------------------------------------------------------
    def ask(self, text: str, report: str | None = None, trace: Trace | None = None) -> Answer:
        trace = trace if trace is not None else Trace()
        q = understand(text, self.catalog)
        q.report_id = report
        trace.question = q
        reports = self._report_scope(q, report)
        is_lesson = any(t in LESSON_TYPES for t in q.section_types)
        filters = Filters(report_ids=reports, projects=self._project_scope(q),
                          section_types=tuple(q.section_types) if is_lesson else ())
        k = self.top_k * 3 if is_lesson and not q.projects else self.top_k
        passages = self.retriever.retrieve(text, filters, k, timings=trace.timings)
        if len(passages) < self.top_k and (filters.projects or filters.section_types):
            # The filters came from our reading of the question; never let them starve it.
            wider = Filters(report_ids=reports)
            extra = self.retriever.retrieve(text, wider, self.top_k, timings=trace.timings)
            have = {p.chunk.id for p in passages}
            passages += [p for p in extra if p.chunk.id not in have]
        trace.passages = passages
        name_terms = {t for ref in q.projects for t in self.weights.analyze(ref.name)}
        terms = content_terms(self.weights.analyze(text), name_terms)
        evidence = gather_evidence(terms, passages, self.weights)
        trace.evidence = evidence
        query_terms = set(self.weights.analyze(text))
        if not passages or not self.policy.answerable(evidence):
            trace.path = "abstain"
            suggestions = mint_citations(passages[: self.top_k], query_terms, self.weights)
            return Answer(new_answer_id(), abstention_answer(), False, suggestions=suggestions)
        if is_lesson and not q.projects:
            trace.path = "lessons"
            chosen = _spread_over_projects(passages, self.top_k * 2)
            citations = mint_citations(chosen, query_terms, self.weights)
            return Answer(new_answer_id(), lessons_answer(q, citations), True, citations)
        trace.path = "extractive"
        citations = mint_citations(passages[: self.top_k], query_terms, self.weights)
        return Answer(new_answer_id(), extractive_answer(citations), True, citations)


def _spread_over_projects(passages: list[Passage], limit: int) -> list[Passage]:
    """Keep relevance order but make sure every project with a relevant passage appears
    before any project gets a second one."""
    first: list[Passage] = []
    rest: list[Passage] = []
    seen: set[str | None] = set()
    for p in passages:
        (rest if p.chunk.project in seen else first).append(p)
        seen.add(p.chunk.project)
    return (first + rest)[:limit]
