"""The answering service: question → understanding → facts or retrieval → evidence →
cited Swedish answer.

One ``QAService`` per loaded index generation; built once (model and index loaded at
start) and shared between requests (no per-request mutable state on the object).
"""

from __future__ import annotations

import dataclasses
import logging
import re
import time
from dataclasses import dataclass, field

from corpus.fact_scope import phase_named
from corpus.types import SectionType
from qa.abstain import (
    FACT_QUALIFIERS,
    QUESTION_TERMS,
    AbstentionPolicy,
    Evidence,
    content_terms,
    gather_evidence,
    names_the_project,
    synonym_table,
    with_known_parts,
)
from qa.aggregate_answers import AggregateAnswerer
from qa.aggregates import open_listing
from qa.citebook import ChunkLocator
from qa.cofinancing import asks_cofinancing
from qa.compose import abstention_answer, extractive_answer, lessons_answer, mint_citations
from qa.counting import asks_share, count_first, count_opener, count_parts, counted_noun, part_of_people
from qa.declines import Asked, DeclineChecks, asks_spending
from qa.described import DescribedProject, apposed, describing_compound, describing_phrases
from qa.direct_answers import DirectAnswerer
from qa.entities import lowercase_words, widespread_words
from qa.everyday import GeneralSwedish
from qa.fact_answers import FACT_FIELDS, contributions, partner_fields
from qa.facts_table import FactsTable
from qa.fields import FieldTerms, asks_money
from qa.figure_index import FigureIndex
from qa.lessons import (
    ACROSS_CANDIDATES,
    LESSON_TYPES,
    QUANTITY,
    ThemeQuery,
    asked_across,
    asked_lesson_kinds,
    each_reports_best,
    newest_first,
    newest_reports,
    rank_across,
    spread_over_projects,
    told_in_prose,
)
from qa.protocols import Analyzer, Embeds, IndexView
from qa.quotes import TermWeights, canonical
from qa.retrieval import HybridRetriever, RetrievalConfig, Timings
from qa.scope import Scope, platform_names
from qa.themes import LESSON_THEMES
from qa.types import Answer, Filters, Passage, Question, new_answer_id
from qa.understanding import ASKS_COST, ASKS_PRICE, ProjectCatalog, normalise, spell_out_agencies, understand
from qa.unknown import name_pairs, unknown_theme_reason
from qa.vocabulary import AGGREGATE_WORDS, COVERAGE_SYNONYMS, FUND_WORDS, LISTING_WORDS, SECTION_WORDS

log = logging.getLogger(__name__)

_ASKS_PLAN = re.compile(r" (?:ska|skall|skulle|planera\w*) ")


@dataclass(slots=True)
class Trace:
    """Diagnostics of one answer (evaluation and benchmarks read these)."""

    question: Question | None = None
    passages: list[Passage] = field(default_factory=list)
    evidence: Evidence | None = None
    timings: Timings = field(default_factory=Timings)
    path: str = ""


class QAService:
    def __init__(
        self,
        index: IndexView,
        embedder: Embeds,
        analyzer: Analyzer,
        *,
        top_k: int = 5,
        retrieval: RetrievalConfig | None = None,
        policy: AbstentionPolicy | None = None,
    ):
        self.top_k = top_k

        def analyze(text: str) -> list[str]:
            return [canonical(t) for t in analyzer.analyze(text)]

        self.retriever = HybridRetriever(index, embedder, retrieval)
        self.report_years = index.report_years()
        self.reports_meta = {r["id"]: r for r in index.reports()}
        chunks = self.retriever.chunks.values()
        self.ordinary_words = lowercase_words(c.text for c in chunks)
        widespread = widespread_words((c.report_id, c.project, c.text) for c in chunks)
        self.catalog = ProjectCatalog(index.project_refs(), self.ordinary_words | widespread)
        self.facts = FactsTable(
            index.project_facts(), self.report_years, index.stated_totals(), index.discrepancies()
        )
        self.scope = Scope(self.reports_meta, self.catalog, self.facts, analyze)
        self.weights = TermWeights(
            lambda t: list(analyzer.analyze(t)),
            lambda t: list(analyzer.analyze(t, decompound=True)),
            (c.text for c in self.retriever.chunks.values()),
            GeneralSwedish(),
        )
        # Stems of the words that ask for a field: they are the question's form, not content
        # a fact answer must also cover.
        self.fields = FieldTerms(analyze, self.weights.passage)
        self.form_terms = {t for w in QUESTION_TERMS for t in analyze(w)}
        self.fact_qualifiers = {t for w in FACT_QUALIFIERS for t in analyze(w)}
        # Words that name a kind of section are answered by the section's type, not its words.
        self.section_terms = {t for words in SECTION_WORDS.values() for w in words for t in analyze(w)}
        self.synonyms = synonym_table(COVERAGE_SYNONYMS, analyze)
        # Whether passages cover a question's theme also counts the looser theme words.
        self.theme_synonyms = synonym_table((*COVERAGE_SYNONYMS, *LESSON_THEMES), analyze)
        self.theme_query = ThemeQuery(LESSON_THEMES, self.weights.query)
        self.policy = policy or AbstentionPolicy()
        owners = {str(f.owner.value) for f in self.facts.rows() if f.owner}
        self.listing_terms = {t for w in (*LISTING_WORDS, *AGGREGATE_WORDS["list"]) for t in analyze(w)}
        chunks = self.retriever.chunks.values()
        # Owners, funds and the platform's own name ("i Siljansporten") select, they are no content.
        platforms = platform_names(c.text for c in chunks if c.project is None)
        funds = (w for ws in FUND_WORDS.values() for w in ws)
        self.metadata_terms = {t for phrase in (*owners, *platforms, *funds) for t in analyze(phrase)}
        self.told_in_prose = told_in_prose(chunks)
        self.chunk_at = ChunkLocator(chunks)
        self.figure_index = FigureIndex(index.figures(), self.chunk_at, self.weights)
        self.direct = DirectAnswerer(
            self.facts, self.catalog, self.weights, chunks, self.chunk_at, self.report_years,
            AggregateAnswerer(self.scope, self.facts, self.reports_meta, chunks), top_k,
        )
        self.described = DescribedProject(self.retriever, self.catalog, self.weights, self.report_years,
                                          self.synonyms)
        self.declines = DeclineChecks(
            self.facts, self.catalog, self.weights, self.synonyms, self.fields.all, self.report_years,
            self.ordinary_words, name_pairs(c.text for c in chunks),
        )

    # -- answering -------------------------------------------------------------
    def ask(
        self,
        text: str,
        report: str | None = None,
        trace: Trace | None = None,
        context_project: str | None = None,
    ) -> Answer:
        """Answer ``text``. ``context_project`` is the project earlier turns of a conversation
        were about; a follow-up that names no project of its own is read as about it."""
        trace = trace if trace is not None else Trace()
        started = time.perf_counter()
        text = spell_out_agencies(text)
        q = understand(text, self.catalog)
        q.report_id = report
        used_context = None
        if (
            not q.projects
            and context_project
            and q.aggregate is None
            and self.catalog.by_name(context_project)
        ):
            q.projects = [self.catalog.by_name(context_project)[0]]
            used_context = context_project
        described = None
        if q.projects and unknown_theme_reason(q.text, self.weights, self.catalog):
            q.projects = []  # "vätgasprojektet i hamnen": no indexed project, whatever names it shares
        if owned := self.scope.sole_owned(q):
            q.projects, described = self.catalog.by_name(owned[0])[:1], owned[1]
        elif not q.projects:
            terms = content_terms(self.weights.query(q.rest or q.text), self.form_terms)
            asked = self.fields.residual(terms) - self.fact_qualifiers  # "nu när den förre gått i pension"
            described = self.described.read_question(q, asked, self.scope.reports(q, report))
        trace.question = q
        stages = trace.timings.stages
        started = trace.timings.add("question_analysis", started)
        recorded = sum(stages.values())
        answer = self._answer(q, text, report, trace)
        # Composition: what answering spent outside the retrieval stages it recorded itself.
        spent = (time.perf_counter() - started) * 1000 - (sum(stages.values()) - recorded)
        stages["answer_composition"] = stages.get("answer_composition", 0.0) + spent
        answer.context_project = used_context
        if described and answer.answerable:
            # Say which project the description was read as, so a misreading shows.
            note = f"Frågan har tolkats som att ”{described}” avser {q.projects[0].name}."
            answer.text = f"{note} {answer.text}"
            answer.notes.append(note)
        return answer

    def _answer(self, q: Question, text: str, report: str | None, trace: Trace) -> Answer:
        reports = self.scope.reports(q, report)
        is_lesson = any(t in LESSON_TYPES for t in q.section_types)
        terms = content_terms(self.weights.query(q.rest or text), self.form_terms)
        if q.projects:
            terms = {t for t in terms if not names_the_project(t, (r.name for r in q.projects))}
            terms -= set(self.weights.query(apposed(q.rest)))
            # "fossilfria transportprojektet": a "-projekt" compound beside a named project
            # describes it; it is no content a passage must repeat.
            terms = {t for t in terms if not describing_compound(t)}
        content = self.fields.residual(terms) - self.metadata_terms - self.listing_terms
        if open_listing(q, bool(self.scope.projects(q)), content):
            q = dataclasses.replace(q, aggregate=None)
            trace.question = q
        counted = self.declines.counted_forms(counted_noun(text, self.weights.query))
        across = not q.projects and not q.aggregate and asked_across(q, normalise(text), bool(counted))
        passages = self._retrieve(q, reports, is_lesson or across, trace)
        passages = [p for p in passages if p.chunk.project not in q.excluded]
        # A part of a group of people is stated without the group's noun beside the number:
        # the report names the group its own way ("Av de inskrivna hade 97 fått ett arbete").
        people = part_of_people(text)
        asks_figure = bool(q.fields) or counted is not None
        newest = self.scope.newest_with(q) if not reports and asks_figure else ()
        if newest:
            # Facts and figures that changed are read where they were last reported; older
            # reports' passages stay available after them. Open questions keep relevance order.
            passages.sort(key=lambda p: p.chunk.report_id not in newest)
            reports = newest
        if (is_lesson or across) and not q.projects:
            # Across projects: lessons of the kinds asked (any kind when none is named) and
            # the report's summary, where it says what several projects share ("Gemensamt
            # för flera projekt är …"), first unless another passage is much closer.
            wanted = {*(q.section_types if is_lesson else LESSON_TYPES), SectionType.SUMMARY}
            topic = {t for t in terms if not any(t.startswith(w) for w in self.section_terms)} or terms
            topic = with_known_parts(topic, self.weights) | self.theme_query.stems(text)
            passages = rank_across(passages, wanted, topic, self.weights, self.told_in_prose,
                                   asked_lesson_kinds(text))
        elif q.section_types:
            # A question naming a kind of section is answered from such sections first.
            wanted = set(q.section_types)
            passages.sort(key=lambda p: p.chunk.section_type not in wanted)
        share = asks_share(text)
        phase = phase_named(text)
        if counted:
            # A count question is answered by a passage that states such a count.
            part = self.declines.count_predicate(text, terms, counted) if people else ()
            passages = count_first(passages, counted, self.weights.passage, share, part, people, phase)
        trace.passages = passages
        query_terms = with_known_parts(set(self.weights.query(text)), self.weights)
        fact_fields = [f for f in q.fields if f in FACT_FIELDS]
        priced: set[str] = set()  # what beyond the project a cost question asks the cost of
        if q.projects and not is_lesson and asks_cofinancing(text) and (
                answer := self.direct.cofinancing_answer(q, text, reports, passages, query_terms)):
            trace.path = "facts"
            return answer
        if q.projects and fact_fields and not is_lesson and not self.declines.asked_elsewhere(q, reports):
            rows = [r for ref in q.projects if (r := self.facts.project(ref.name, reports)) is not None]
            fact_fields = partner_fields(text, fact_fields, rows)
            # Words that say which project is meant ("Storsjöprojektet med våtmarkerna") and
            # when ("numera", "efter bytet") are nothing the facts must say.
            asks_cost = ASKS_COST.search(normalise(text)) is not None
            a_price = ASKS_PRICE.search(normalise(text)) is not None  # not "Hur mycket bidrar EU till …?"
            described = set(self.weights.query(describing_phrases(q.rest, a_price)))
            residual = self.fields.residual(terms) - described - self.fact_qualifiers
            residual -= self.scope.own_fund_terms(text, rows)  # "från omställningsfonden"
            if asks_cost and "co_financiers" in fact_fields and not any(contributions(r) for r in rows):
                # "Hur mycket medfinansierar X?": the partners' names are no answer to an amount.
                fact_fields = [f for f in fact_fields if f != "co_financiers"]
            if asks_spending(text):
                fact_fields = [f for f in fact_fields if f not in ("total_budget", "eu_funding")]
            no_grant = rows and all(r.eu_funding is None for r in rows)
            if {"eu_funding", "total_budget"} <= set(fact_fields) and no_grant:
                # "Hur mycket EU-pengar får X?": the budget is no answer to the grant asked.
                fact_fields = [f for f in fact_fields if f != "total_budget"]
            answer = self.direct.facts_answer(q, fact_fields, reports, passages, query_terms, residual)
            if answer is not None:
                trace.path = "facts"
                return answer
            priced = residual if asks_cost else set()
        elif fact_fields and not is_lesson and asks_money(text):
            # No project named ("Vad kostade laddstationen?"): priced is what it names beyond fund, owner.
            priced = self.fields.residual(terms) - self.metadata_terms
        passages = self.declines.amount_first(passages, priced)
        # Only who the project is for: "Hur många i målgruppen …" counts, and is answered below.
        alone = set(q.fields) == {"target_group"} and not (is_lesson or q.aggregate or counted)
        if alone and len(q.projects) == 1:
            answer = self.direct.target_group_answer(q.projects[0].name, reports, passages, query_terms)
            if answer is not None:
                trace.path = "facts"
                return answer
        if q.ambiguous and fact_fields and not q.aggregate:
            trace.path = "ambiguous"
            names = " eller ".join(f"”{r.name}”" for r in q.ambiguous)
            suggestions = mint_citations(passages[: self.top_k], query_terms, self.weights)
            text = f"Frågan kan gälla flera projekt. Menar du {names}?"
            return Answer(new_answer_id(), text, False, suggestions=suggestions)
        if q.aggregate and not q.projects and not is_lesson:
            answer = self.direct.aggregate_answer(q, reports, passages, query_terms)
            if answer is not None:
                trace.path = "aggregate"
                return answer
        if not q.projects and self.scope.projects(q):
            # Fund and owner words became a filter; passages need not repeat them.
            terms = {t for t in terms if t not in self.metadata_terms}
        typed = q.section_types and any(p.chunk.section_type in q.section_types for p in passages[:3])
        if typed:
            terms = {t for t in terms if not any(t.startswith(w) for w in self.section_terms)}
        # A cross-project answer cites a passage from each of many projects
        # (spread_over_projects below); its evidence is those passages, not the best three.
        wide = (is_lesson or across) and len(q.projects) != 1
        evidence = gather_evidence(
            terms, passages, self.weights, top_n=self.top_k * 2 if wide else 3,
            synonyms=self.theme_synonyms, field_terms=self.fields.all, short_is_form=wide,
        )
        if typed and passages and q.projects:
            top = passages[0].chunk
            hit = top.section_type in q.section_types and top.project in self.scope.projects(q)
            evidence = dataclasses.replace(evidence, section_hit=hit)
        decline = self.declines.check(q, text, terms, passages, Asked(counted, share, priced), reports)
        if decline.count_stated is not None:
            evidence = dataclasses.replace(evidence, states_count=decline.count_stated)
        reason = decline.reason
        trace.evidence = evidence
        if reason or not passages or not self.policy.answerable(evidence):
            trace.path = "abstain"
            suggestions = mint_citations(passages[: self.top_k], query_terms, self.weights)
            return Answer(new_answer_id(), abstention_answer(reason), False, suggestions=suggestions)
        if wide:
            trace.path = "lessons"
            chosen = newest_first(spread_over_projects(passages, self.top_k * 2), self.report_years)
            citations = mint_citations(chosen, query_terms, self.weights)
            return Answer(new_answer_id(), lessons_answer(q, citations), True, citations)
        trace.path = "extractive"
        # Of a part of a group of people, what the part did is what to quote.
        said = terms - counted if people and counted else terms
        # Quotes are chosen for what the question asks beyond the project's name, in the
        # report's words too ("fått jobb" is "fått ett arbete").
        said |= {s for t in said for s in self.synonyms.get(t, ())}
        # "Hur många ska nås?" asks the plan; "hur många …, och vad var målet?" opens with the outcome.
        planned = _ASKS_PLAN.search(normalise(q.rest or text)) is not None and "goal" not in q.fields
        opener = None if planned else count_opener(counted, share, self.weights.passage, people, phase)
        # … and quotes the sentence that states the count ("74 företag fått stöd"), not its neighbour.
        citations = mint_citations(passages[: self.top_k], said or query_terms, self.weights, prefer=opener)
        text, stated = extractive_answer(
            citations, said, self.weights, reports=reports, projects=self.scope.projects(q),
            # "Hur många företag har X lyckats nå?" asks a count, wherever it is stated.
            section_types=() if counted else tuple(q.section_types), opener=opener,
            counts=count_parts(q.text, self.weights.query, self.weights.passage, self.synonyms),
            facts=self.facts.sources((r.name for r in q.projects), fact_fields, reports),
        )
        figures = self.figure_index.in_statements(stated)
        asked = self.scope.projects(q)
        if "goal" in q.fields and q.projects:
            text = self.figure_index.add_of_kind("goal", text, asked, terms, citations, stated, figures)
        # "Hur många … och vad var målet?": the goal asked beside a quantity asks for the
        # outcome measured against it too.
        asks_quantity = "goal" in q.fields and QUANTITY.search(normalise(q.text)) is not None
        if ("outcome" in q.fields or asks_quantity) and q.projects:
            text = self.figure_index.add_of_kind("outcome", text, asked, terms, citations, stated, figures)
        return Answer(new_answer_id(), text, True, citations, figures)

    def _retrieve(
        self, q: Question, reports: tuple[str, ...], is_lesson: bool, trace: Trace
    ) -> list[Passage]:
        across = is_lesson and not q.projects
        filters = Filters(
            report_ids=reports,
            projects=self.scope.projects(q),
            # Named projects' lessons come from their lesson sections; lessons across
            # projects are ranked by section kind instead (qa.lessons.rank_across).
            section_types=tuple(q.section_types) if is_lesson and q.section_types and not across else (),
        )
        # Twice the citations asked for (room to re-order); across projects several per project.
        k = ACROSS_CANDIDATES if across else self.top_k * 2
        asked = q.rest if q.projects and filters.projects and q.rest.strip() else (
            self.theme_query(q.text) if across else None)
        passages = self.retriever.retrieve(q.text, filters, k, timings=trace.timings, lexical_query=asked)
        if across:
            newest = newest_reports(filters.report_ids or tuple(self.reports_meta), self.report_years)
            passages += each_reports_best(self.retriever, q.text, filters, newest, passages, asked,
                                          trace.timings)
        # The filters come from our reading of the question; never let them starve it:
        # widen step by step (the project's other sections, then everything).
        wider = [Filters(report_ids=reports, projects=filters.projects)]
        if q.projects or not filters.projects:
            # A fund or owner the question names is a hard restriction; names may be misread.
            wider.append(Filters(report_ids=reports))
        for step in wider:
            if len(passages) >= self.top_k or step.where() == filters.where():
                continue
            extra = self.retriever.retrieve(q.text, step, self.top_k, timings=trace.timings)
            have = {p.chunk.id for p in passages}
            passages += [p for p in extra if p.chunk.id not in have]
        return passages

    def content_terms(self, text: str) -> set[str]:
        """The question's content stems (project mentions and question-form words removed)."""
        q = understand(text, self.catalog)
        terms = content_terms(self.weights.query(q.rest or text), self.form_terms)
        return {t for t in terms if not names_the_project(t, [r.name for r in q.projects])}
