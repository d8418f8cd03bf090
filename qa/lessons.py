"""Lessons learned across projects: success factors and challenges, spread so that every
project with a relevant passage is reached, not only the best-matching one."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from corpus.types import Chunk, SectionType
from qa.compose import mint_citations
from qa.question_text import has_phrase
from qa.quotes import TermWeights
from qa.rerank import rerank
from qa.retrieval import HybridRetriever, Timings
from qa.types import Citation, Filters, Passage, Question
from qa.understanding import ASKS_COST
from qa.vocabulary import ALL_PROJECTS_WORDS, LIST_WORDS, in_fund

if TYPE_CHECKING:
    from qa.service import QAService

LESSON_TYPES = (SectionType.SUCCESS_FACTORS, SectionType.CHALLENGES)
#: Candidates a cross-project lesson question ranks (several per project of two reports).
ACROSS_CANDIDATES = 40
#: And each report's own best, when several are indexed (10, 20 and 30 measured: recall@5
#: over all held-out sets 0.663, 0.671, 0.671).
PER_REPORT_CANDIDATES = 20
#: … for at most this many reports, the newest (each is one more search per question).
PER_REPORT_SEARCHES = 3
#: Rank bonus of a passage of the kinds asked for, and weight of its best sentence's
#: coverage of the question (measured on all four question sets, docs/evaluation.md).
TYPE_BONUS = 0.5
COVERAGE_WEIGHT = 0.25
#: Rank penalty of a project's opening passage (its facts and introduction) when the
#: project has parts of its own: there its lessons are in the parts (measured over 65
#: sets: lesson recall@5 0.625 -> 0.631 at 0.6, 0.629 at 0.3; no question lost).
OPENING_PENALTY = 0.6


#: Whether each report's lesson sections are searched on their own too.
LESSON_SEARCH = True
#: Whether a cross-project question's keyword search also looks for its themes' other words.
EXPAND_THEMES = True


class ThemeQuery:
    """The question with the other words of each theme it touches ("upphandling": "anbud",
    "överprövning"): a lesson told in the report's words shares none with the question.
    The themes' stems are computed once, not per question."""

    def __init__(self, groups: tuple[tuple[str, ...], ...], analyze: Callable[[str], list[str]]):
        self.analyze = analyze
        self.groups = [({t for w in g for t in analyze(w)}, g) for g in groups]

    def __call__(self, text: str) -> str | None:
        stems = set(self.analyze(text))
        extra = [w for group_stems, words in self.groups if stems & group_stems for w in words]
        return f"{text} {' '.join(dict.fromkeys(extra))}" if extra and EXPAND_THEMES else None

    def stems(self, text: str) -> set[str]:
        """The stems of every theme ``text`` touches: a passage telling the lesson in the
        theme's other words ("uppsökande arbete på kvällstid" for "få tag på folk") covers
        the question's topic as much as one repeating its words."""
        if not EXPAND_THEMES:
            return set()
        stems = set(self.analyze(text))
        return {t for group_stems, _ in self.groups if stems & group_stems for t in group_stems}


QUANTITY = re.compile(r"\bhur (?:många|mycket|stor|stort|långt)\b")
# "Hur hög var arbetslösheten …?": a measure asked, not an experience.
_MEASURE = re.compile(r" hur (?:många|mycket|stor\w*|hög\w*|låg\w*|lång\w*|länge|ofta|gammal\w*|dyr\w*) ")


_WHAT_HAPPENS = (" vad händer ", " vad hände ", " vad har hänt ", " vad kan hända ", " hur har det gått ",
                 " hur går det ", " hur gick det ")


def asked_across(q: Question, norm: str, counted: bool) -> bool:
    """Whether a question that names no project asks across the projects, to be answered
    per project: "projekten", "alla projekt"; advice asked of no one in particular ("Vad bör
    man tänka på när …?"); an experience asked with no fact or quantity ("Vad händer när
    projektledaren slutar mitt i?", "Hur har det gått att …"). ``norm`` is the normalised
    question, ``counted`` whether it counts something."""
    if any(has_phrase(norm, w) for w in (*ALL_PROJECTS_WORDS, *LIST_WORDS)):
        return True
    if has_phrase(norm, "man") and not QUANTITY.search(norm):
        return True
    # "Vad händer när projektledaren slutar?": a fact's word names the situation, not the ask.
    fields = () if norm.startswith(_WHAT_HAPPENS) else q.fields
    return norm.startswith((" vad ", " hur ")) and not (
        fields or counted or _MEASURE.match(norm) or ASKS_COST.search(norm) or "plattform" in norm)


def rank_across(
    passages: list[Passage],
    wanted: set[SectionType],
    terms: set[str],
    weights: TermWeights,
    told_in_prose: frozenset[str] = frozenset(),
    asked: frozenset[str] = frozenset(),
) -> list[Passage]:
    """Order candidates of a cross-project lesson question: the asked kinds of section first
    unless another passage is much closer, and a passage whose one sentence covers the
    question's terms before one that merely shares them across its text.

    A hard filter on the section type lost lessons reports state elsewhere (a gender
    imbalance told under results), and the fused rank alone let passages sharing one
    term ("rekrytera personal") outrank the ones about the question. A lesson passage none
    of whose sentences shares a word of the topic gets no bonus: it had filled the first
    citations of questions on topics its report does not treat. A project ``told_in_prose``
    (no lesson sections at all) tells its lessons in its other passages, which get the
    bonus too. ``asked`` ("advice" or "difficulty", see ``asked_lesson_kinds``) keeps the
    bonus from a section titled only for the other kind: "Vilket strul har projekten haft?"
    is answered under "Hinder", not "Råd till andra". A project's opening passage ranks
    lower where the project has parts (``OPENING_PENALTY``)."""
    def bonus(p: Passage, coverage: float) -> float:
        kind = p.chunk.section_type in wanted or p.chunk.project in told_in_prose
        # Of challenges, advice when advice is asked and difficulties when they are.
        other = bool(asked) and _title_kinds(p.chunk.section_title) == {"advice", "difficulty"} - asked
        given = TYPE_BONUS if kind and not other and (coverage > 0 or not terms) else 0.0
        return given - (OPENING_PENALTY if _opening(p, told_in_prose) else 0.0)

    return rerank(passages, terms, weights, weight=COVERAGE_WEIGHT, depth=len(passages), bonus=bonus)


def _opening(p: Passage, told_in_prose: frozenset[str]) -> bool:
    """Whether a passage is a project's own opening text (facts, introduction) while the
    project tells the rest under parts: "Ägare: X; Projektledare: Y; …" with the project's
    aim matched a lesson question's wording better than the lesson itself."""
    c = p.chunk
    own = c.project is not None and c.section_title == c.project
    return own and c.section_type is SectionType.BACKGROUND and c.project not in told_in_prose


# Titles and questions of advice ("Råd till andra", "Tips", "Att tänka på", "göra annorlunda")
# and of difficulties ("Hinder", "Svårigheter", "Problem", "strul").
_ADVICE = re.compile(r"(?i)\b(?:råd|tips|lärdom\w*|tänka på|annorlunda|rekommend\w*|ta[r]? med|"
                     r"nästa ansökan)")
_DIFFICULTY = re.compile(r"(?i)\b(?:hinder|svår\w*|problem\w*|utmaning\w*|motgång\w*|strul\w*|krångl\w*|"
                         r"gick snett|gått fel|skav\w*)")


def _title_kinds(title: str) -> set[str]:
    return {k for k, rx in (("advice", _ADVICE), ("difficulty", _DIFFICULTY)) if rx.search(title)}


def asked_lesson_kinds(question: str) -> frozenset[str]:
    """Whether a lesson question asks for advice or for difficulties (empty: both or neither)."""
    kinds = _title_kinds(question)
    return frozenset(kinds) if len(kinds) == 1 else frozenset()


def lessons(
    service: QAService,
    query: str,
    kinds: tuple[SectionType, ...] = LESSON_TYPES,
    projects: tuple[str, ...] = (),
    fund: str | None = None,
    limit: int = 20,
) -> list[Citation]:
    """Lesson passages (success factors and/or challenges) for ``query``, ranked by
    relevance but spread so every project with a relevant passage is reached."""
    if fund:
        rows = service.facts.rows()
        funded = {f.project for f in rows if f.fund is not None and in_fund(f.fund.value, fund)}
        projects = tuple(p for p in projects if p in funded) if projects else tuple(sorted(funded))
        if not projects:
            return []
    filters = Filters(projects=projects, section_types=kinds)
    passages = service.retriever.retrieve(query, filters, max(limit, service.top_k * 3))
    chosen = spread_over_projects(passages, limit)
    return mint_citations(chosen, set(service.weights.query(query)), service.weights)


def told_in_prose(chunks: Iterable[Chunk]) -> frozenset[str]:
    """Projects none of whose passages is a lesson section: their lessons are in the prose."""
    seen: set[str] = set()
    with_lessons: set[str] = set()
    for c in chunks:
        if c.project:
            seen.add(c.project)
            if c.section_type in LESSON_TYPES:
                with_lessons.add(c.project)
    return frozenset(seen - with_lessons)


def spread_over_projects(passages: list[Passage], limit: int) -> list[Passage]:
    """Keep relevance order but make sure every project with a relevant passage appears
    before any project gets a second one."""
    first: list[Passage] = []
    rest: list[Passage] = []
    seen: set[str | None] = set()
    for p in passages:
        (rest if p.chunk.project in seen else first).append(p)
        seen.add(p.chunk.project)
    return (first + rest)[:limit]


def newest_first(passages: list[Passage], report_years: Mapping[str, int | None]) -> list[Passage]:
    """The chosen passages of a cross-project answer, the newest report's first (relevance
    order within a report). Which passages are chosen is relevance's call; the order is
    recency's: an application writer reads this year's experiences before those of a
    report years old, and every citation still names its report."""
    return sorted(passages, key=lambda p: -(report_years.get(p.chunk.report_id) or 0))


def newest_reports(reports: tuple[str, ...], report_years: Mapping[str, int | None]) -> tuple[str, ...]:
    """Of several reports in scope, the newest few (``PER_REPORT_SEARCHES``); none of one."""
    if len(reports) < 2:
        return ()
    return tuple(sorted(reports, key=lambda r: -(report_years.get(r) or 0))[:PER_REPORT_SEARCHES])


def each_reports_best(
    retriever: HybridRetriever,
    query: str,
    filters: Filters,
    reports: tuple[str, ...],
    have: list[Passage],
    lexical_query: str | None,
    timings: Timings,
) -> list[Passage]:
    """Each of ``reports``' own best passages for a cross-project question, beyond those it
    ``have``: a long report's many projects would otherwise fill the candidates and a
    shorter one's lessons never be ranked. Only the newest few reports are searched, so the
    cost does not grow with the archive."""
    seen = {p.chunk.id for p in have}
    out: list[Passage] = []
    for rid in reports:
        own = dataclasses.replace(filters, report_ids=(rid,))
        # … and its lesson sections' own best: a lesson sentence in a short section is
        # outranked by long passages that repeat the topic's common words ("företagen").
        kinds = (own, dataclasses.replace(own, section_types=LESSON_TYPES)) if LESSON_SEARCH else (own,)
        for scope in kinds:
            found = retriever.retrieve(query, scope, PER_REPORT_CANDIDATES, timings=timings,
                                       lexical_query=lexical_query)
            out += [p for p in found if p.chunk.id not in seen]
            seen |= {p.chunk.id for p in found}
    return out

