"""The benchmark's own arithmetic and the synthetic corpus it scales with."""

from __future__ import annotations

import pytest

from bench.quality import text_metrics, within_budget
from bench.stats import percentile, summary
from bench.synth import synth_report

pytestmark = pytest.mark.unit


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 50) == 3.0
    assert percentile([0.0, 10.0], 95) == pytest.approx(9.5)
    assert summary([5.0, 1.0, 3.0])["median"] == 3.0


def test_budget_cuts_texts_in_rank_order() -> None:
    assert within_budget(["abcde", "fghij", "klm"], 7) == ["abcde", "fg"]
    assert within_budget(["abc"], 0) == []


def test_text_metrics_match_quotes_and_values_like_the_scorer() -> None:
    item = {"gold_quotes": ["budget är 4 512 300 kr"], "expected_values": [4512300]}
    texts = ["Inget här.", "Projektets totala budget är 4 512 300 kr, varav"]
    m = text_metrics(item, texts)
    assert m["quotes"] == [True]
    assert m["values_in_text"] == [True]
    assert m["budget_quotes"][500] == [True]
    assert text_metrics(item, texts[:1])["quotes"] == [False]


def test_synthetic_report_is_reproducible_and_parsed_into_projects() -> None:
    from corpus.facts import extract_project_facts
    from corpus.reading import parse_report

    rid, text = synth_report(7, 20_000)
    assert synth_report(7, 20_000) == (rid, text)
    assert 17_000 <= len(text) <= 30_000
    report = parse_report(rid, text)
    facts = extract_project_facts(report)
    assert len(report.projects) >= 2
    assert all(f.total_budget is not None and f.owner is not None for f in facts)
