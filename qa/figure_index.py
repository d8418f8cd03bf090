"""Result figures of the indexed reports, looked up for answers: the figures inside the
sentences an answer states, and the goal figure that best matches a question."""

from __future__ import annotations

from collections.abc import Iterable

from corpus.types import Figure
from qa.citebook import ChunkLocator
from qa.quotes import TermWeights, matched
from qa.types import Citation, FigureRef, Passage

Stated = list[tuple[Citation, list[tuple[int, int]]]]


class FigureIndex:
    def __init__(self, figures: Iterable[Figure], chunk_at: ChunkLocator, weights: TermWeights):
        self.chunk_at = chunk_at
        self.weights = weights
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
        like: frozenset[str] = frozenset(),
    ) -> Figure | None:
        """The ``kind`` ("goal" or "outcome") figure of ``projects`` whose label and sentence
        share the most (idf-weighted) question terms besides "mål", outside the sentences
        ``said``. Among equals, one of a field in ``like`` wins: the goal beside an outcome
        share is the goal share, not the count the same sentence starts with."""
        best, best_score = None, (False, 0.0, False)
        for fig in self.all():
            if fig.project not in projects or fig.kind != kind:
                continue
            if any(a <= fig.span.start < b for a, b in said):
                continue
            hits = matched(terms, set(self.weights.passage(f"{fig.label} {fig.sentence}")))
            # "… 37 procent, gått vidare … Målet var 40 procent.": the same field right after
            # a stated sentence is its goal, though it repeats none of the question's words.
            after = fig.field in like and any(0 <= fig.span.start - b <= _RIGHT_AFTER for _, b in said)
            weight = sum(self.weights.idf(t) for t in hits if not t.startswith("mål"))
            score = (after, weight, fig.field in like)
            if (after or score[1] > 0) and score > best_score:
                best, best_score = fig, score
        return best


    def add_of_kind(
        self,
        kind: str,
        text: str,
        projects: tuple[str, ...],
        terms: set[str],
        citations: list[Citation],
        stated: Stated,
        figures: list[FigureRef],
    ) -> str:
        """``text`` for a question that also asks for the goal ("… och vad var målet?") or
        the outcome ("Nådde X sina mål …?"): with the asked projects' figure of that kind
        that best matches the question and its sentence (cited, the figure added), unless
        the answer states one already."""
        if any(f.kind == kind for f in figures):
            return text
        said = [span for _, spans in stated for span in spans]
        like = frozenset(f.field for f in figures)
        best = self.best_of_kind(kind, projects, terms, said, like)
        chunk = self.chunk_at(best.report_id, best.span.start) if best else None
        if best is None or chunk is None:
            return text
        touched = [sn for sn in chunk.sentences if sn.start <= best.span.start < sn.end]
        start, end = (touched[0].start, touched[0].end) if touched else (best.span.start, best.span.end)
        same = next((c for c in citations if c.passage.chunk.id == chunk.id and c.quote_start == start), None)
        if same is not None:  # the sentence is already quoted: only the figure is new
            figures.append(as_ref(best, same.id))
            return text
        quote = chunk.text[start - chunk.start : end - chunk.start]
        cit = Citation(len(citations) + 1, Passage(chunk, 1.0), quote, start, end)
        citations.append(cit)
        figures.append(as_ref(best, cit.id))
        label = "Målet" if kind == "goal" else "Resultatet"
        return f"{text}\n{label}: {' '.join(quote.replace('*', '').split())} [{cit.id}]"


# Characters between a stated sentence's end and a figure "right after" it.
_RIGHT_AFTER = 40


def as_ref(fig: Figure, citation: int | None) -> FigureRef:
    return FigureRef(fig.project, fig.field, fig.value, fig.unit, fig.sentence, citation, fig.label, fig.kind)
