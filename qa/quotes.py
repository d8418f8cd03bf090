"""Choosing the supporting sentence(s) inside a retrieved chunk.

A citation's ``quote`` is the sentence (or adjacent pair) of its chunk that shares the
most question terms, weighted so rare terms count more; the span is exact, so the widget
can highlight it and a reader can check it against the report.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from corpus.types import Chunk

Analyze = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    score: float


class TermWeights:
    """Inverse document frequency of stemmed terms over the indexed chunks."""

    def __init__(self, analyze: Analyze, texts: Iterable[str]):
        self.analyze = analyze
        df: dict[str, int] = {}
        n = 0
        for text in texts:
            n += 1
            for term in set(analyze(text)):
                df[term] = df.get(term, 0) + 1
        self.n = max(n, 1)
        self.df = df

    def idf(self, term: str) -> float:
        return math.log(1 + self.n / (1 + self.df.get(term, 0)))

    def known(self, term: str) -> bool:
        return term in self.df


def sentence_spans(chunk: Chunk) -> list[tuple[int, int]]:
    """The chunk's sentence spans in absolute offsets (the whole chunk if none recorded)."""
    spans = [(s.start, s.end) for s in chunk.sentences]
    return spans or [(chunk.start, chunk.end)]


def best_quote(chunk: Chunk, query_terms: set[str], weights: TermWeights, max_sentences: int = 2) -> Quote:
    """The best-supported sentence of ``chunk`` for the query, extended by a following
    sentence that also supports it (up to ``max_sentences``)."""
    spans = sentence_spans(chunk)

    def text_of(span: tuple[int, int]) -> str:
        return chunk.text[span[0] - chunk.start : span[1] - chunk.start]

    scores = []
    for span in spans:
        terms = set(weights.analyze(text_of(span)))
        scores.append(sum(weights.idf(t) for t in terms & query_terms))
    best = max(range(len(spans)), key=lambda i: (scores[i], -i))
    last = best
    while last + 1 < len(spans) and last - best + 1 < max_sentences and scores[last + 1] > 0:
        last += 1
    start, end = spans[best][0], spans[last][1]
    return Quote(chunk.text[start - chunk.start : end - chunk.start], start, end, scores[best])
