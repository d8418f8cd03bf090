"""Minting citation numbers for an answer: one number per (chunk, quote) pair, in the
order the composer uses them, so ``[n]`` in the text and ``citations[n-1]`` agree."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from corpus.types import Chunk, Span
from qa.types import Citation, Passage


class ChunkLocator:
    """Finds the chunk that holds an offset of a report (a figure's or a fact's span)."""

    def __init__(self, chunks: Iterable[Chunk]):
        self._starts: dict[str, tuple[list[int], list[Chunk]]] = {}
        for chunk in sorted(chunks, key=lambda c: (c.report_id, c.start)):
            starts, ordered = self._starts.setdefault(chunk.report_id, ([], []))
            starts.append(chunk.start)
            ordered.append(chunk)

    def __call__(self, report_id: str, offset: int) -> Chunk | None:
        """The chunk of ``report_id`` whose span contains ``offset`` (None in a heading)."""
        starts, chunks = self._starts.get(report_id, ([], []))
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and chunks[i].start <= offset < chunks[i].end:
            return chunks[i]
        return None


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
