"""The in-memory exact vector search, alone and against Chroma on the real index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from index import chroma_store
from index.store import IndexReader
from index.vectors import VectorMatrix


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture
def small() -> VectorMatrix:
    rng = np.random.default_rng(7)
    matrix = _unit(rng.normal(size=(40, 8)).astype(np.float32))
    metas = [{"report_id": f"r{i % 2}", "section_type": ("status", "challenges", "facts")[i % 3]}
             for i in range(40)]
    return VectorMatrix([f"c{i}" for i in range(40)], matrix, metas)


def test_exact_order_and_cosines_match_a_full_sort(small: VectorMatrix) -> None:
    query = small.matrix[3] * 0.6 + small.matrix[11] * 0.4
    got = small.search(query, 7)
    scores = small.matrix @ query
    expected = sorted(range(40), key=lambda i: -scores[i])[:7]
    assert [cid for cid, _ in got] == [f"c{i}" for i in expected]
    assert [s for _, s in got] == pytest.approx([float(scores[i]) for i in expected])


def test_where_filters_are_anded_and_lists_mean_any_of(small: VectorMatrix) -> None:
    query = small.matrix[0]
    hits = small.search(query, 40, {"report_id": "r1", "section_type": ["status", "facts"]})
    rows = [int(cid[1:]) for cid, _ in hits]
    assert rows and all(i % 2 == 1 and i % 3 in (0, 2) for i in rows)
    assert len(rows) == sum(1 for i in range(40) if i % 2 == 1 and i % 3 in (0, 2))
    assert small.search(query, 5, {"report_id": "nowhere"}) == []
    assert small.search(query, 5, {"no_such_key": "x"}) == []


def test_k_larger_than_the_collection_and_k_zero(small: VectorMatrix) -> None:
    assert len(small.search(small.matrix[0], 1000)) == 40
    assert small.search(small.matrix[0], 0) == []
    empty = VectorMatrix([], np.empty((0, 0), np.float32), [])
    assert empty.search(small.matrix[0], 3) == []


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        VectorMatrix(["a", "b"], np.zeros((1, 4), np.float32), [{}, {}])


QUESTIONS = [
    "Vilka utmaningar hade projekten med att rekrytera deltagare?",
    "Hur stor budget har projektet?",
    "Vem är projektledare?",
    "Hur många deltagare fick arbete efter insatsen?",
    "Samverkan med Arbetsförmedlingen",
]


def test_same_hits_as_chroma_on_the_real_index(corpus_index: Path, embedder: Any) -> None:
    """Differential: the copy in memory answers as the Chroma collection it was read from
    (HNSW is exact at this size), with and without metadata filters."""
    snapshot = IndexReader.open(corpus_index, embedder.model_id).snapshot()
    assert len(snapshot.vectors) == len(snapshot.all_chunks())
    report = snapshot.report_ids()[0]
    for question in QUESTIONS:
        vec = embedder.embed_query(question)
        for where in (None, {"report_id": report}, {"section_type": ["challenges", "success_factors"]}):
            mine = snapshot.vector_search(vec, 10, where)
            theirs = chroma_store.query(snapshot.vector_store, vec, 10, where)
            assert [cid for cid, _ in mine] == [cid for cid, _ in theirs], (question, where)
            assert [s for _, s in mine] == pytest.approx([s for _, s in theirs], abs=1e-4)
