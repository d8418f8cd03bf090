"""In-process evaluation: the shared scorer's metrics plus retrieval diagnostics per
retrieval configuration (``rapport eval QUESTIONS.jsonl``)."""

from __future__ import annotations

import json
import math
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.matching import quote_found, value_found
from qa.rerank import rerank
from qa.retrieval import RetrievalConfig
from qa.service import QAService, Trace
from qa.types import Answer, Filters

CONFIGS = {
    "lexical": RetrievalConfig(dense_weight=0.0, lexical_weight=1.0),
    "dense": RetrievalConfig(dense_weight=1.0, lexical_weight=0.0),
    "hybrid": RetrievalConfig(),
}


def load_questions(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class ItemResult:
    item: dict[str, Any]
    answer: Answer
    latency_ms: float
    path: str
    values: list[bool] = field(default_factory=list)
    quotes: list[bool] = field(default_factory=list)


def score_item(item: dict[str, Any], answer: Answer, k: int = 5) -> tuple[list[bool], list[bool]]:
    figures = [{"value": f.value} for f in answer.figures]
    values = [
        value_found(v, answer.text, figures, item.get("alternatives"))
        for v in item.get("expected_values", [])
    ]
    texts = [c.passage.chunk.text for c in answer.citations[:k]]
    quotes = [quote_found(q, texts) for q in item.get("gold_quotes", [])]
    return values, quotes


def run_answers(service: QAService, items: list[dict[str, Any]]) -> list[ItemResult]:
    out = []
    for item in items:
        trace = Trace()
        t0 = time.perf_counter()
        answer = service.ask(item["question"], trace=trace)
        ms = (time.perf_counter() - t0) * 1000
        res = ItemResult(item, answer, ms, trace.path)
        res.values, res.quotes = score_item(item, answer)
        out.append(res)
    return out


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def summarise(results: list[ItemResult]) -> dict[str, dict[str, Any]]:
    """Per type and overall: value_acc, recall@5, abstention accuracy, false abstention."""
    groups: dict[str, list[ItemResult]] = defaultdict(list)
    for r in results:
        groups[r.item.get("type", "?")].append(r)
        groups["overall"].append(r)
    table = {}
    for name, rs in groups.items():
        val = [float(all(r.values)) for r in rs if r.values]
        rec = [float(q) for r in rs for q in r.quotes]
        unans = [float(not r.answer.answerable) for r in rs if r.item.get("answerable") is False]
        fa = [float(not r.answer.answerable) for r in rs if r.item.get("answerable", True)]
        lat = sorted(r.latency_ms for r in rs)
        table[name] = {
            "n": len(rs),
            "value_acc": _mean(val),
            "recall@5": _mean(rec),
            "abst_acc": _mean(unans),
            "false_abst": _mean(fa),
            "p50_ms": lat[len(lat) // 2] if lat else None,
        }
    return table


def retrieval_diagnostics(
    service: QAService, items: list[dict[str, Any]], rerank_weights: tuple[float, ...] = (0.25, 0.5, 1.0)
) -> dict[str, dict[str, float]]:
    """recall@1/5/10 and MRR of gold passages for each retrieval configuration
    (lexical, dense, hybrid, and hybrid + re-rank at each of ``rerank_weights``)."""
    out = {}
    configs: list[tuple[str, RetrievalConfig, float]] = [(n, c, 0.0) for n, c in CONFIGS.items()]
    configs += [(f"hybrid+rerank({w})", CONFIGS["hybrid"], w) for w in rerank_weights]
    for name, cfg, weight in configs:
        ranks: list[int | None] = []
        for item in items:
            golds = item.get("gold_quotes") or []
            if not golds:
                continue
            reports = (item["report"],) if item.get("report") in service.report_years else ()
            passages = service.retriever.retrieve(
                item["question"], Filters(report_ids=reports), 20, config=cfg
            )
            if weight:
                passages = rerank(
                    passages, service.content_terms(item["question"]), service.weights, weight=weight
                )
            passages = passages[:10]
            texts = [p.chunk.text for p in passages]
            for q in golds:
                ranks.append(next((i + 1 for i, t in enumerate(texts) if quote_found(q, [t])), None))
        n = max(len(ranks), 1)
        out[name] = {
            "recall@1": sum(1 for r in ranks if r and r <= 1) / n,
            "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
            "recall@10": sum(1 for r in ranks if r and r <= 10) / n,
            "mrr": sum(1 / r for r in ranks if r) / n,
            "quotes": float(len(ranks)),
        }
    return out


def overall_score(row: dict[str, Any]) -> float:
    parts = [
        row["value_acc"],
        row["recall@5"],
        row["abst_acc"],
        None if row["false_abst"] is None else 1 - row["false_abst"],
    ]
    vals = [p for p in parts if p is not None and not math.isnan(p)]
    return sum(vals) / len(vals) if vals else 0.0
