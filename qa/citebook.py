"""Minting citation numbers for an answer: one number per (chunk, quote) pair, in the
order the composer uses them, so ``[n]`` in the text and ``citations[n-1]`` agree."""

from __future__ import annotations

from collections.abc import Callable

from corpus.types import Chunk, Span
from qa.types import Citation, Passage


class CiteBook:
    def __init__(self, chunk_at: Callable[[str, int], Chunk | None]):
        self._chunk_at = chunk_at
        self._by_key: dict[tuple[str, int, int], Citation] = {}
        self.citations: list[Citation] = []

    def cite_span(self, report_id: str, span: Span, score: float = 1.0) -> int | None:
        """Cite the chunk that contains ``span``; the quote is the whole sentence(s) of
        the chunk that the span touches, so a figure's citation shows its sentence."""
        chunk = self._chunk_at(report_id, span.start)
        if chunk is None:
            return None
        touched = [
            s for s in chunk.sentences if s.start < max(span.end, span.start + 1) and span.start < s.end
        ]
        if touched:
            start, end = touched[0].start, touched[-1].end
        else:
            start, end = max(span.start, chunk.start), min(span.end, chunk.end)
        return self.cite(Passage(chunk, score), start, end)

    def text_at(self, report_id: str, span: Span) -> str | None:
        """The report's own words at ``span`` (None when no chunk holds it whole)."""
        chunk = self._chunk_at(report_id, span.start)
        if chunk is None or span.end > chunk.end:
            return None
        return chunk.text[span.start - chunk.start : span.end - chunk.start]

    def cite(self, passage: Passage, start: int, end: int) -> int:
        key = (passage.chunk.id, start, end)
        if key in self._by_key:
            return self._by_key[key].id
        chunk = passage.chunk
        quote = chunk.text[start - chunk.start : end - chunk.start]
        cit = Citation(len(self.citations) + 1, passage, quote, start, end)
        self._by_key[key] = cit
        self.citations.append(cit)
        return cit.id

    def cited_chunk_ids(self) -> set[str]:
        return {c.passage.chunk.id for c in self.citations}
