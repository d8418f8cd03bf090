"""Answers composed from what the index stores about projects, not from retrieved prose:
a project's facts, its target-group sentence, and aggregates across projects.

Each route returns None when it cannot answer, and the service falls back to retrieval.
Every route cites what it states first and then fills up to ``top_k`` citations with the
retrieved passages, so a reader can check the surroundings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from corpus.types import Chunk, ProjectFacts
from qa.aggregate_answers import AggregateAnswerer
from qa.citebook import ChunkLocator, CiteBook
from qa.cofinancing import cofinancing_lines, matching
from qa.fact_answers import Composed, FactComposer, fact_sentences
from qa.facts_table import FactsTable
from qa.quotes import TermWeights, best_quote, matched
from qa.target_group import as_read, newest_target_group_sentence
from qa.types import Answer, FigureRef, Passage, Question, new_answer_id
from qa.understanding import ProjectCatalog

#: Shortest question word that counts as met by a compound of the facts it heads.
_HEAD = 5


class DirectAnswerer:
    def __init__(
        self,
        facts: FactsTable,
        catalog: ProjectCatalog,
        weights: TermWeights,
        chunks: Iterable[Chunk],
        chunk_at: ChunkLocator,
        report_years: Mapping[str, int | None],
        aggregates: AggregateAnswerer,
        top_k: int,
    ):
        self.facts = facts
        self.catalog = catalog
        self.weights = weights
        self.chunks = list(chunks)
        self.chunk_at = chunk_at
        self.report_years = report_years
        self.aggregates = aggregates
        self.top_k = top_k

    def facts_answer(
        self,
        q: Question,
        fields: list[str],
        reports: tuple[str, ...],
        passages: list[Passage],
        query_terms: set[str],
        residual: set[str],
    ) -> Answer | None:
        """A composed fact answer, or None to fall back to retrieval: when facts are
        missing, or the question asks about more than the facts say (its remaining content
        words do not occur in the projects' fact sentences)."""
        out = Composed()
        rows: list[ProjectFacts] = []
        for ref in q.projects:
            facts = self.facts.project(ref.name, reports)
            parts = [r.name for r in self.catalog.refs if r.parent == ref.name]
            if parts and (facts is None or not any(getattr(facts, f, None) for f in fields)):
                # A group name: its facts are its sub-projects'; say which they are.
                names = list(dict.fromkeys(parts))
                out.sentences.append(f"{ref.name} består av flera delprojekt: {', '.join(names)}.")
                rows += [f for f in (self.facts.project(n, reports) for n in names) if f is not None]
            elif facts is not None:
                rows.append(facts)
        rows = list({f.project: f for f in rows}.values())
        if not rows:
            return None
        said = {t for f in rows for s in fact_sentences(f) for t in self.weights.passage(s)}
        # "Kultur och fritid" is met by "Kultur- och fritidsförvaltningen": a word that heads
        # a compound of the facts counts.
        unmet = residual - matched(residual, said)
        if any(len(t) < _HEAD or not any(w.startswith(t) for w in said) for t in unmet):
            return None
        book = CiteBook(self.chunk_at)
        composer = FactComposer(book)
        notes: list[str] = []
        for facts in rows:
            before = len(out.missing)
            composer.compose(facts, fields, out)
            for label in out.missing[before:]:
                out.sentences.append(f"Rapporten anger inte {label} för {facts.project}.")
            for name in fields:
                for d in self.facts.discrepancies_for(facts.project, name):
                    notes.append(str(d["message"]))
        if not out.figures and not book.citations:
            return None  # nothing the facts state (partners are stated without a figure)
        self._with_passages(book, passages, query_terms)
        text = " ".join(out.sentences + [f"Observera: {n}" for n in notes])
        return Answer(new_answer_id(), text, True, book.citations, out.figures, notes=notes)

    def target_group_answer(
        self, project: str, reports: tuple[str, ...], passages: list[Passage], query_terms: set[str]
    ) -> Answer | None:
        """The sentence of the project's newest report that says who it is for, quoted."""
        own = (c for c in self.chunks if c.project == project and (not reports or c.report_id in reports))
        found = newest_target_group_sentence(own, self.report_years)
        if found is None:
            return None
        chunk, sentence = found
        book = CiteBook(self.chunk_at)
        n = book.cite(Passage(chunk, 1.0), sentence.start, sentence.end)
        quote = as_read(chunk.text[sentence.start - chunk.start : sentence.end - chunk.start])
        self._with_passages(book, passages, query_terms)
        return Answer(new_answer_id(), f"Om målgruppen för {project} skriver rapporten: ”{quote}” [{n}]",
                      True, book.citations)

    def cofinancing_answer(
        self, q: Question, text: str, reports: tuple[str, ...], passages: list[Passage], query_terms: set[str]
    ) -> Answer | None:
        """The lines stating the co-financing of the financier asked about, quoted with the
        amount as a figure; None when no line states it (the question may still be answered
        by a partner's contribution, or declined)."""
        names = {r.name for r in q.projects}
        own = [c for c in self.chunks if c.project in names and (not reports or c.report_id in reports)]
        words = {w.casefold() for n in names for w in re.findall(r"\w+", n)}
        found = matching(cofinancing_lines(own), text, words)
        if not found:
            return None
        book = CiteBook(self.chunk_at)
        quotes, figures = [], []
        for line in found[:3]:
            n = book.cite(Passage(line.chunk, 1.0), line.start, line.end)
            quote = line.sentence
            quotes.append(f"”{quote}” [{n}]")
            figures.append(FigureRef(line.chunk.project, "co_financing", line.amount.value, line.amount.unit,
                                     quote, n, label=line.who or None))
        self._with_passages(book, passages, query_terms)
        projects = " och ".join(sorted({line.chunk.project or "" for line in found[:3]}))
        said = f"Om medfinansieringen i {projects} skriver rapporten: {' '.join(quotes)}"
        return Answer(new_answer_id(), said, True, book.citations, figures)

    def aggregate_answer(
        self, q: Question, reports: tuple[str, ...], passages: list[Passage], query_terms: set[str]
    ) -> Answer | None:
        book = CiteBook(self.chunk_at)
        out = self.aggregates.compose(q, reports, passages, FactComposer(book))
        if out is None:
            return None
        self._with_passages(book, passages, query_terms)
        return Answer(new_answer_id(), " ".join(out.sentences), True, book.citations, out.figures)

    def _with_passages(self, book: CiteBook, passages: list[Passage], query_terms: set[str]) -> None:
        """Add the retrieved passages after the stated ones, up to ``top_k`` in all."""
        for p in passages:
            if len(book.citations) >= self.top_k:
                break
            if p.chunk.id in book.cited_chunk_ids():
                continue
            quote = best_quote(p.chunk, query_terms, self.weights)
            book.cite(p, quote.start, quote.end)
