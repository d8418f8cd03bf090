"""Weighted reciprocal-rank fusion of ranked candidate lists.

Own code rather than LlamaIndex's ``QueryFusionRetriever`` because we fuse *ranked chunk
ids* from two stores that live outside LlamaIndex's retriever protocol (the keyword index
is ours) and because the weights are measured per configuration (docs/evaluation.md).
"""

from __future__ import annotations

from collections.abc import Sequence


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], weights: Sequence[float], *, k: int = 60
) -> list[tuple[str, float]]:
    """Fuse rankings (best first) into one list of ``(id, score)``, best first.

    ``score(id) = Σ weight_i / (k + rank_i(id))`` with 1-based ranks; ids absent from a
    ranking contribute nothing from it. Ties keep first-seen order, so the result is
    deterministic.

    >>> reciprocal_rank_fusion([["a", "b"], ["b", "c"]], [1.0, 1.0])[0][0]
    'b'
    """
    if len(rankings) != len(weights):
        raise ValueError(f"{len(rankings)} rankings but {len(weights)} weights")
    if k <= 0:
        raise ValueError(f"k must be positive, got {k}")
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    order = {item: i for i, item in enumerate(scores)}
    return sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))
