"""``GET /metrics``: valid Prometheus text with requests by route and status, a cumulative
latency histogram, errors by code, and the index served (generation, chunk count)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from api_fakes import FakeService, fake_app
from fastapi.testclient import TestClient

from api.config import Settings
from api.main import create_app

SAMPLE = re.compile(r'^([a-z_]+)(\{(?:[a-z_]+="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|\+Inf|NaN)$')
LABEL = re.compile(r'([a-z_]+)="((?:[^"\\]|\\.)*)"')


def parse(text: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """Samples by metric name; fails on any line that is not valid exposition format, and
    on a sample whose family has no ``# TYPE`` line before it."""
    typed: set[str] = set()
    out: dict[str, list[tuple[dict[str, str], float]]] = {}
    assert text.endswith("\n")
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            typed.add(line.split()[2])
            continue
        if line.startswith("# HELP "):
            continue
        match = SAMPLE.match(line)
        assert match, f"not a Prometheus sample: {line!r}"
        name = match.group(1)
        family = re.sub(r"_(bucket|sum|count)$", "", name)
        assert name in typed or family in typed, f"sample before its TYPE: {line!r}"
        labels = dict(LABEL.findall(match.group(2) or ""))
        out.setdefault(name, []).append((labels, float(match.group(3))))
    return out


def value(samples: dict[str, list[tuple[dict[str, str], float]]], name: str, **labels: str) -> float:
    found = [v for lab, v in samples.get(name, []) if all(lab.get(k) == x for k, x in labels.items())]
    assert len(found) == 1, (name, labels, samples.get(name))
    return found[0]


@pytest.mark.unit
def test_requests_errors_and_latency_are_counted(tmp_path: Path) -> None:
    client = TestClient(fake_app(tmp_path, FakeService()))
    for _ in range(3):
        assert client.post("/ask", json={"question": "Vad är Alfaprojektet?"}).status_code == 200
    assert client.post("/ask", json={"question": ""}).status_code == 422
    assert client.get("/no/such/page-12345").status_code == 404
    assert client.post("/ask", content=b"x" * 70_000).status_code == 413
    resp = client.get("/metrics")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/plain; version=0.0.4")
    samples = parse(resp.text)
    assert value(samples, "rapport_http_requests_total", method="POST", route="/ask", status="200") == 3
    assert value(samples, "rapport_http_requests_total", method="POST", route="/ask", status="422") == 1
    assert value(samples, "rapport_http_errors_total", route="/ask", code="question_empty") == 1
    assert value(samples, "rapport_http_errors_total", route="unmatched", code="not_found") == 1
    assert value(samples, "rapport_http_errors_total", code="payload_too_large") == 1
    assert "page-12345" not in resp.text  # raw paths never become labels
    buckets = [(float(lab["le"]), v) for lab, v in samples["rapport_http_request_duration_seconds_bucket"]
               if lab["route"] == "/ask"]
    counts = [v for _, v in sorted(buckets)]
    assert counts == sorted(counts), "buckets must be cumulative"
    assert counts[-1] == value(samples, "rapport_http_request_duration_seconds_count", route="/ask") == 4
    assert value(samples, "rapport_http_request_duration_seconds_sum", route="/ask") > 0
    assert value(samples, "rapport_index_loaded") == 0
    assert value(samples, "rapport_answers_running") == 0
    assert value(samples, "rapport_answers_capacity") == 4


@pytest.mark.integration
def test_index_generation_and_chunks_are_exposed(
    corpus_index: Path, tmp_path: Path, model_dir: Path, embedder: Any
) -> None:
    settings = Settings(data_dir=corpus_index, embed_model=str(model_dir), app_db=tmp_path / "app.sqlite")
    with TestClient(create_app(settings, embedder=embedder)) as client:
        health = client.get("/health").json()
        samples = parse(client.get("/metrics").text)
    assert value(samples, "rapport_index_loaded") == 1
    assert value(samples, "rapport_index_info", generation=health["index_generation"]) == 1
    assert value(samples, "rapport_index_chunks") == sum(r["chunks"] for r in health["reports"]) > 0
    assert value(samples, "rapport_index_reports") == len(health["reports"])
