"""Rate limit (token bucket per key or client → 429 with Retry-After, off by default) and the
answer queue (waits its turn; 503 ``overloaded`` with Retry-After only on timeout)."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from api_fakes import FakeService, fake_app, parse_sse
from fastapi.testclient import TestClient

from api.config import Settings
from api.limits import AnswerGate, Overloaded, RateLimiter
from api.security import key_digest

pytestmark = pytest.mark.unit

QUESTION = {"question": "Vad är Alfaprojektet?"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_bucket_refills_and_counts_callers_apart() -> None:
    clock = Clock()
    limiter = RateLimiter(3, clock=clock)
    assert [limiter.retry_after("a") for _ in range(3)] == [None, None, None]
    assert limiter.retry_after("a") == 20  # one token per 20 s at 3 a minute
    assert limiter.retry_after("b") is None
    clock.now += 20
    assert limiter.retry_after("a") is None
    assert limiter.retry_after("a") == 20


def test_burst_and_off() -> None:
    clock = Clock()
    limiter = RateLimiter(60, burst=2, clock=clock)
    assert [limiter.retry_after("a") for _ in range(3)] == [None, None, 1]
    off = RateLimiter(0, clock=clock)
    assert all(off.retry_after("a") is None for _ in range(1000))


def test_defaults_queue_and_do_not_rate_limit(tmp_path: Path) -> None:
    settings = Settings()
    assert settings.rate_limit_per_minute == 0 or settings.rate_limit_per_minute >= 600
    assert settings.max_concurrent_answers >= 1 and settings.queue_timeout_seconds >= 10
    client = TestClient(fake_app(tmp_path, FakeService()))
    statuses = {client.post("/ask", json=QUESTION).status_code for _ in range(60)}
    assert statuses == {200}


def test_rate_limited_requests_get_429_with_retry_after(tmp_path: Path) -> None:
    widget_key = "wdg-rate-limit-test-key-0123456789"
    client = TestClient(fake_app(tmp_path, FakeService(), rate_limit_per_minute=2,
                                 widget_api_keys=[key_digest(widget_key)]))
    assert [client.post("/ask", json=QUESTION).status_code for _ in range(2)] == [200, 200]
    resp = client.get("/lessons", params={"q": "samverkan"})
    assert resp.status_code == 429
    assert resp.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(resp.headers["Retry-After"]) <= 30
    # A valid key is its own caller; a made-up key is counted as the client address.
    assert client.post("/ask", json=QUESTION, headers={"X-API-Key": widget_key}).status_code == 200
    assert client.post("/ask", json=QUESTION, headers={"X-API-Key": "made-up"}).status_code == 429
    assert client.get("/health").status_code == 503  # not limited (no index in this app)


def test_gate_queues_then_times_out() -> None:
    gate = AnswerGate(1, timeout=0.2)
    release = threading.Event()

    def hold() -> None:
        with gate.slot():
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    while gate.running == 0:
        time.sleep(0.01)
    started = time.perf_counter()
    with pytest.raises(Overloaded) as caught, gate.slot():
        pass
    assert time.perf_counter() - started >= 0.19
    assert caught.value.status_code == 503 and int(caught.value.headers["Retry-After"]) >= 1
    # A waiter that gets its turn within the timeout is served, not rejected.
    threading.Timer(0.05, release.set).start()
    gate.timeout = 2.0
    with gate.slot():
        assert gate.running == 1
    holder.join()
    assert gate.running == 0 and gate.waiting == 0


def _concurrent(client: TestClient, n: int, path: str = "/ask") -> list[Any]:
    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(lambda i: client.post(path, json={"question": f"Fråga {i}?"}), range(n)))


def test_ask_waits_for_a_slot_rather_than_failing(tmp_path: Path) -> None:
    service = FakeService(delay=0.3)
    client = TestClient(fake_app(tmp_path, service, max_concurrent_answers=1, queue_timeout_seconds=10))
    started = time.perf_counter()
    assert [r.status_code for r in _concurrent(client, 3)] == [200, 200, 200]
    assert time.perf_counter() - started >= 0.85  # one at a time


def test_queue_timeout_gives_503_overloaded_with_retry_after(tmp_path: Path) -> None:
    service = FakeService(delay=1.0)
    client = TestClient(fake_app(tmp_path, service, max_concurrent_answers=1, queue_timeout_seconds=0.2))
    responses = _concurrent(client, 2)
    assert sorted(r.status_code for r in responses) == [200, 503]
    busy = next(r for r in responses if r.status_code == 503)
    assert busy.json()["error"]["code"] == "overloaded"
    assert int(busy.headers["Retry-After"]) >= 1


def test_stream_reports_overload_as_an_error_event(tmp_path: Path) -> None:
    service = FakeService(delay=1.0)
    client = TestClient(fake_app(tmp_path, service, max_concurrent_answers=1, queue_timeout_seconds=0.2,
                                 stream_keepalive_seconds=0.05))
    with ThreadPoolExecutor(1) as pool:
        slow = pool.submit(client.post, "/ask", json=QUESTION)
        while not service.calls:
            time.sleep(0.01)
        events = parse_sse(client.post("/ask/stream", json=QUESTION).text)
        assert slow.result().status_code == 200
    assert events[-1][0] == "error" and events[-1][1]["error"]["code"] == "overloaded"


def test_key_guessing_on_admin_endpoints_is_rate_limited(tmp_path: Path) -> None:
    client = TestClient(fake_app(tmp_path, FakeService(), rate_limit_per_minute=2))
    statuses = [client.get("/reports", headers={"X-API-Key": f"guess-{i}"}).status_code for i in range(3)]
    assert statuses == [401, 401, 429]
