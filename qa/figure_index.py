"""Result figures of the indexed reports, looked up for answers: the figures inside the
sentences an answer states, and the goal figure that best matches a question."""

from __future__ import annotations

from collections.abc import Iterable

from corpus.types import Figure
from qa.quotes import TermWeights, matched
from qa.types import Citation, FigureRef

Stated = list[tuple[Citation, list[tuple[int, int]]]]


class FigureIndex:
    def __init__(self, figures: Iterable[Figure]):
        self._by_report: dict[str, list[Figure]] = {}
        for fig in figures:
            self._by_report.setdefault(fig.report_id, []).append(fig)

    def all(self) -> list[Figure]:
        """Every figure, report by report."""
        return [fig for figs in self._by_report.values() for fig in figs]

    def in_statements(self, stated: Stated) -> list[FigureRef]:
        """The figures that stand inside the sentences an answer states."""
        out = []
        for c, spans in stated:
            for fig in self._by_report.get(c.passage.chunk.report_id, []):
                if any(a <= fig.span.start and fig.span.end <= b for a, b in spans):
                    out.append(as_ref(fig, c.id))
        return out

    def best_of_kind(
        self,
        kind: str,
        projects: tuple[str, ...],
        terms: set[str],
        said: list[tuple[int, int]],
        weights: TermWeights,
        like: frozenset[str] = frozenset(),
    ) -> Figure | None:
        """The ``kind`` ("goal" or "outcome") figure of ``projects`` whose label and sentence
        share the most (idf-weighted) question terms besides "mål", outside the sentences
        ``said``. Among equals, one of a field in ``like`` wins: the goal beside an outcome
        share is the goal share, not the count the same sentence starts with."""
        best, best_score = None, (0.0, False)
        for fig in self.all():
            if fig.project not in projects or fig.kind != kind:
                continue
            if any(a <= fig.span.start < b for a, b in said):
                continue
            hits = matched(terms, set(weights.passage(f"{fig.label} {fig.sentence}")))
            score = (sum(weights.idf(t) for t in hits if not t.startswith("mål")), fig.field in like)
            if score[0] > 0 and score > best_score:
                best, best_score = fig, score
        return best


def as_ref(fig: Figure, citation: int | None) -> FigureRef:
    return FigureRef(fig.project, fig.field, fig.value, fig.unit, fig.sentence, citation, fig.label, fig.kind)
