"""Second-stage re-ranking without a cross-encoder: how much of the question's content the
best sentence window of each candidate covers (idf-weighted), blended with the fused rank
and an optional per-passage bonus (cross-project lessons prefer lesson sections).

As a general second stage it lowered R@1/MRR and stays a measured configuration
(docs/evaluation.md); cross-project lesson answers use it (qa/lessons.py), where it
measured better.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from qa.quotes import TermWeights, best_quote
from qa.types import Passage


def rerank(
    passages: list[Passage],
    terms: set[str],
    weights: TermWeights,
    *,
    weight: float = 0.5,
    depth: int = 20,
    bonus: Callable[[Passage, float], float] | None = None,
) -> list[Passage]:
    """Re-order the first ``depth`` passages by ``rank_score + weight * sentence_coverage
    + bonus(passage, sentence_coverage)``.

    ``rank_score`` is 1 for the first passage falling linearly to 0 at ``depth``, so the
    blend is independent of the fusion's score scale.
    """
    if len(passages) < 2 or (bonus is None and (weight <= 0 or not terms)):
        return passages
    head, tail = passages[:depth], passages[depth:]
    total = sum(weights.idf(t) for t in terms) or 1.0
    scored = []
    for i, p in enumerate(head):
        coverage = best_quote(p.chunk, terms, weights).score / total if terms else 0.0
        rank_score = 1.0 - i / max(len(head), 1)
        extra = bonus(p, coverage) if bonus else 0.0
        scored.append((rank_score + weight * coverage + extra, -i, p))
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return [replace(p, score=s) for s, _, p in scored] + tail
