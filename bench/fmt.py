"""Number formatting and latency helpers shared by the benchmark report's sections."""

from __future__ import annotations

import statistics
from typing import Any

from bench.stats import percentile, summary

STAGES = ("question_analysis", "query_embedding", "vector_search", "lexical_search", "fusion",
          "answer_composition")


def fx(x: float | None, digits: int = 1) -> str:
    if x is None or x != x:
        return "–"
    return f"{x:,.{digits}f}".replace(",", " ")


def pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f} %"


def mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def med_p95(xs: list[float], digits: int = 1) -> str:
    if not xs:
        return "–"
    return f"{fx(statistics.median(xs), digits)} / {fx(percentile(xs, 95), digits)}"


def asks(passes: list[list[dict[str, Any]]], system: str = "rapport") -> list[dict[str, Any]]:
    return [row[system] for run in passes for row in run if system in row]


def latency_rows(inproc: dict[str, Any], system: str = "rapport") -> dict[str, list[float]]:
    return {
        "cold": [a["ms"] for a in asks([inproc["cold"]], system)],
        "uncached": [a["ms"] for a in asks(inproc["uncached"], system)],
        "cached": [a["ms"] for a in asks(inproc["cached"], system)],
    }


def lat_line(name: str, xs: list[float], per_run: list[list[float]] | None = None) -> str:
    s = summary(xs)
    runs = ""
    if per_run:
        p50s = [statistics.median(r) for r in per_run if r]
        runs = med_p95(p50s)
    return (f"| {name} | {s.get('n', 0)} | {fx(s.get('median'))} | {fx(s.get('p95'))} | "
            f"{fx(s.get('p99'))} | {fx(s.get('max'))} | {runs or '–'} |")


LAT_HEAD = ("| pass | asks | p50 ms | p95 ms | p99 ms | max ms | per-run p50: median / p95 ms |\n"
            "|---|---:|---:|---:|---:|---:|---:|")
