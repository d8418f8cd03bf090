"""Load: 20 concurrent clients for 60 s of mixed ``/ask`` and ``/lessons`` against a real
``rapport serve`` with default settings → every request answered 200 (the answer queue
absorbs the burst; nothing is rejected), the server's log is one JSON object per line with
request ids and latencies and without the questions, and ``/metrics`` counted the load.

Run by ``make reliability`` (not by ``make test``); ``RAPPORT_LOAD_CLIENTS`` and
``RAPPORT_LOAD_SECONDS`` change the size.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from live import Server, live_server

pytestmark = [pytest.mark.slow, pytest.mark.integration]

CLIENTS = int(os.environ.get("RAPPORT_LOAD_CLIENTS", "20"))
SECONDS = float(os.environ.get("RAPPORT_LOAD_SECONDS", "60"))
QUESTIONS = (
    "Vem är projektledare för UngJobb Helsingborg?",
    "Hur mycket stöd får GON från Europeiska regionala utvecklingsfonden?",
    "Vad är Digilyftets totala budget efter revideringen?",
    "Vilka lärdomar drog Kompetensbron?",
    "Hur många deltagare har projekten haft?",
    "Vilka projekt finansieras av Europeiska socialfonden?",
    "När slutar projektet Digilyftet?",
    "Finns det något projekt om rymdturism?",
)
LESSON_QUERIES = ("samverkan", "rekrytering av deltagare", "digitala verktyg", "språkstöd")






@pytest.fixture(scope="module")
def server(corpus_index: Path, model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("load")
    # The index is only read; conversations go to a database of our own.
    env = {**os.environ, "RAPPORT_DATA_DIR": str(corpus_index), "RAPPORT_EMBED_MODEL": str(model_dir),
           "RAPPORT_APP_DB": str(root / "app.sqlite"), "RAPPORT_LOG_LEVEL": "INFO"}
    with live_server(env, root / "server.log") as srv:
        yield srv


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"/ask": [], "/lessons": []})
    failures: list[str] = field(default_factory=list)

    def add(self, path: str, seconds: float, failure: str | None) -> None:
        with self.lock:
            self.latencies[path].append(seconds)
            if failure:
                self.failures.append(failure)


def _client_loop(url: str, number: int, until: float, results: Results) -> None:
    i = number
    with httpx.Client(base_url=url, timeout=120) as client:
        while time.monotonic() < until:
            i += 1
            path = "/lessons" if i % 3 == 0 else "/ask"
            started = time.perf_counter()
            failure = None
            try:
                if path == "/ask":
                    resp = client.post(path, json={"question": QUESTIONS[i % len(QUESTIONS)]})
                else:
                    resp = client.get(path, params={"q": LESSON_QUERIES[i % len(LESSON_QUERIES)]})
                if resp.status_code != 200:
                    failure = f"{path} {resp.status_code} {resp.text[:200]}"
            except httpx.HTTPError as exc:
                failure = f"{path} {type(exc).__name__}: {exc}"
            results.add(path, time.perf_counter() - started, failure)


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def test_concurrent_clients_get_no_errors(server: Server) -> None:
    results = Results()
    until = time.monotonic() + SECONDS
    threads = [threading.Thread(target=_client_loop, args=(server.url, n, until, results))
               for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=SECONDS + 300)
    total = sum(len(v) for v in results.latencies.values())
    summary = {path: {"n": len(v), "p50": round(_percentile(v, 50), 2), "p95": round(_percentile(v, 95), 2)}
               for path, v in results.latencies.items() if v}
    print(f"\nload: {CLIENTS} clients, {SECONDS:.0f} s, {total} requests, {summary}")
    assert not results.failures, f"{len(results.failures)} of {total} failed: {results.failures[:5]}"
    assert len(results.latencies["/ask"]) >= CLIENTS and results.latencies["/lessons"]

    metrics = httpx.get(server.url + "/metrics", timeout=30).text
    asked = sum(int(n) for n in re.findall(
        r'^rapport_http_requests_total\{method="POST",route="/ask",status="200"\} (\d+)$', metrics, re.M))
    assert asked >= len(results.latencies["/ask"])
    assert not re.search(r'rapport_http_errors_total\{route="/(ask|lessons)"', metrics)


def test_server_log_is_json_lines_without_questions(server: Server) -> None:
    httpx.post(server.url + "/ask", json={"question": QUESTIONS[0]}, timeout=120)
    time.sleep(0.5)
    lines = [line for line in server.log.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"ts", "level", "logger", "message"} <= r.keys() for r in records)
    access = [r for r in records if r["logger"] == "rapport.access"]
    fields = {"request_id", "method", "path", "status", "latency_ms"}
    assert access and all(fields <= r.keys() for r in access)
    assert any(r.get("question_ref") for r in records)
    text = "\n".join(lines)
    assert not any(q in text for q in QUESTIONS + LESSON_QUERIES)
