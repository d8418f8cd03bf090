from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.fusion import reciprocal_rank_fusion

pytestmark = pytest.mark.unit


def test_item_in_both_lists_wins() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "d"]], [1.0, 1.0])
    assert [i for i, _ in fused][:1] == ["b"]
    assert {i for i, _ in fused} == {"a", "b", "c", "d"}


def test_weight_zero_ignores_a_ranking() -> None:
    fused = reciprocal_rank_fusion([["a", "b"], ["c"]], [1.0, 0.0])
    assert [i for i, _ in fused][:2] == ["a", "b"]
    assert dict(fused)["c"] == 0.0


def test_weight_shifts_the_winner() -> None:
    assert reciprocal_rank_fusion([["a"], ["b"]], [1.0, 2.0])[0][0] == "b"
    assert reciprocal_rank_fusion([["a"], ["b"]], [2.0, 1.0])[0][0] == "a"


@pytest.mark.parametrize("rankings", [[], [[]], [[], []]])
def test_empty_inputs(rankings: list[list[str]]) -> None:
    assert reciprocal_rank_fusion(rankings, [1.0] * len(rankings)) == []


def test_bad_arguments_are_named() -> None:
    with pytest.raises(ValueError, match="2 rankings but 1 weights"):
        reciprocal_rank_fusion([["a"], ["b"]], [1.0])
    with pytest.raises(ValueError, match="k must be positive"):
        reciprocal_rank_fusion([["a"]], [1.0], k=0)


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), unique=True), min_size=1, max_size=3))
def test_scores_are_sorted_and_ids_unique(rankings: list[list[str]]) -> None:
    fused = reciprocal_rank_fusion(rankings, [1.0] * len(rankings))
    scores = [s for _, s in fused]
    assert scores == sorted(scores, reverse=True)
    assert len({i for i, _ in fused}) == len(fused) == len({x for r in rankings for x in r})
