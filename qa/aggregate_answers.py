"""Cross-project questions ("Hur många ESF-projekt …?", "Vilka projekt slutar i år?")
answered from the facts table, report by report.

Cross-project figures belong to one report. Without one named, the question is about the
newest report of the platform its words point at, else of each indexed platform, answered
platform by platform, newest first (their projects are not one population). The report's
own statement of the selection or total is quoted beside what the facts add up to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from corpus.types import Chunk, Span
from qa.aggregates import ReportSentence, aggregate
from qa.fact_answers import Composed, FactComposer
from qa.facts_table import FactsTable
from qa.scope import Scope
from qa.types import Passage, Question


class AggregateAnswerer:
    def __init__(
        self,
        scope: Scope,
        facts: FactsTable,
        reports_meta: dict[str, dict[str, Any]],
        chunks: Iterable[Chunk],
    ):
        self.scope = scope
        self.facts = facts
        self.reports_meta = reports_meta
        self.report_years: dict[str, int | None] = {rid: m.get("year") for rid, m in reports_meta.items()}
        # Each report's own overview chunks (no project's), in document order.
        self._overview: dict[str, list[Chunk]] = {}
        for chunk in sorted(chunks, key=lambda c: (c.report_id, c.start)):
            if chunk.project is None:
                self._overview.setdefault(chunk.report_id, []).append(chunk)

    def compose(
        self, q: Question, reports: tuple[str, ...], passages: list[Passage], composer: FactComposer
    ) -> Composed | None:
        """The aggregate's sentences and figures (citations minted by ``composer``), or None
        when the question is not an aggregate the facts can compute."""
        groups = [reports] if reports else [self.scope.implied_report(q)]
        if not groups[0]:
            current = self.scope.current_reports()
            groups = [(r,) for r in sorted(current, key=self.scope.recency, reverse=True)]
        combined = Composed()
        for group in groups:
            year = max((self.report_years.get(r) or 0 for r in group), default=0) or None
            own = self._overview_sentences(group, passages) if len(group) == 1 else iter(())
            out = aggregate(q, self.facts.leaves(group), composer, year, self.facts.stated_totals(group), own)
            if out is None or not out.sentences:
                continue
            if len(groups) > 1:
                title = self.reports_meta.get(group[0], {}).get("title") or group[0]
                out.sentences[0] = f"Enligt {title}: {out.sentences[0]}"
            combined.sentences += out.sentences
            combined.figures += out.figures
        return combined if combined.sentences else None

    def _overview_sentences(
        self, reports: tuple[str, ...], passages: list[Passage]
    ) -> Iterator[ReportSentence]:
        """Sentences of the reports' own overview sections (no project's), the retrieved
        ones first: where a report states its cross-project counts and totals. Lazy: most
        aggregates read none or stop at the first match."""
        ranked = [p.chunk for p in passages]
        rest = [c for r in reports for c in self._overview.get(r, ())]
        seen: set[str] = set()
        for chunk in (*ranked, *rest):
            if chunk.id in seen or chunk.project is not None or chunk.report_id not in reports:
                continue
            seen.add(chunk.id)
            off = chunk.start
            for s in chunk.sentences:
                text = chunk.text[s.start - off : s.end - off]
                yield ReportSentence(chunk.report_id, Span(s.start, s.end), text)
