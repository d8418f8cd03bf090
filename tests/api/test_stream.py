"""``POST /ask/stream``: event order and payloads, keep-alives, errors before and during the
stream, a dropped client, CORS allowlist and security headers (fake answering service)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from api_fakes import FakeService, fake_app, parse_sse
from fastapi.testclient import TestClient

from api.routes.stream import OPEN_STREAMS, answer_events, word_groups
from api.schemas import AskResponse

pytestmark = pytest.mark.unit

QUESTION = "Hur stor var budgeten för Alfaprojektet?"


def test_word_groups_concatenate_to_the_text() -> None:
    text = "Budgeten var 5 000 000 kr [1].\n\nDet leddes av  Eva Exempel. "
    pieces = word_groups(text, size=3)
    assert "".join(pieces) == text
    assert len(pieces) == 4
    assert word_groups("") == []


def test_stream_events_match_ask(client: TestClient) -> None:
    resp = client.post("/ask/stream", json={"question": QUESTION})
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/event-stream")
    assert resp.headers["cache-control"] == "no-cache"
    assert resp.headers["x-accel-buffering"] == "no"
    events = [e for e in parse_sse(resp.text) if e[0] != ":"]
    names = [name for name, _ in events]
    assert names[0] == "meta" and names[-1] == "done"
    assert set(names[1:-1]) == {"delta"} and len(names) > 3  # the answer arrives in several pieces
    meta, done = events[0][1], events[-1][1]
    assert "".join(data["text"] for name, data in events if name == "delta") == done["answer"]
    for key in ("answer_id", "conversation_id", "citations", "figures", "suggestions", "answerable",
                "context_project"):
        assert meta[key] == done[key]
    AskResponse.model_validate(done)
    plain = client.post("/ask", json={"question": QUESTION}).json()
    assert {k: v for k, v in done.items() if k != "conversation_id"} == {
        k: v for k, v in plain.items() if k != "conversation_id"}


def test_keepalive_comments_while_computing(tmp_path: Path) -> None:
    app = fake_app(tmp_path, FakeService(delay=0.35), stream_keepalive_seconds=0.05)
    events = parse_sse(TestClient(app).post("/ask/stream", json={"question": QUESTION}).text)
    first_meta = [name for name, _ in events].index("meta")
    keepalives = [e for e in events[:first_meta] if e == (":", "keep-alive")]
    assert len(keepalives) >= 3


def test_validation_and_unknown_report_fail_before_the_stream(client: TestClient) -> None:
    resp = client.post("/ask/stream", json={"question": " "})
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] == "question_empty"
    resp = client.post("/ask/stream", json={"question": QUESTION, "report": "rapport_1999"})
    assert resp.status_code == 404
    assert resp.json()["error"]["code"] == "unknown_report"


def test_failure_while_computing_is_an_error_event(client: TestClient) -> None:
    resp = client.post("/ask/stream", json={"question": "krascha nu"})
    assert resp.status_code == 200
    events = [e for e in parse_sse(resp.text) if e[0] != ":"]
    assert [name for name, _ in events] == ["error"]
    error = events[0][1]["error"]
    assert error["code"] == "index_unavailable"
    assert set(error) == {"code", "message", "request_id"}
    assert error["request_id"] == resp.headers["x-request-id"]


def test_abstention_streams_suggestions(client: TestClient) -> None:
    events = dict((n, d) for n, d in parse_sse(client.post("/ask/stream", json={"question": "okänt?"}).text)
                  if n != ":" and n != "delta")
    assert events["meta"]["answerable"] is False
    assert events["meta"]["citations"] == [] and len(events["meta"]["suggestions"]) == 1


def test_closing_the_generator_stops_it() -> None:
    service = FakeService(delay=0.5)

    async def run() -> None:
        from api.limits import AnswerGate
        from api.schemas import AskRequest
        from api.turns import answer_turn

        before = OPEN_STREAMS.open
        store, body, gate = _NullStore(), {"question": QUESTION}, AnswerGate(1, 1.0)
        gen = answer_events(lambda: answer_turn(service, store, AskRequest.model_validate(body), gate),  # type: ignore[arg-type]
                            0.02, "r-test")
        assert await gen.__anext__() == ": keep-alive\n\n"
        assert OPEN_STREAMS.open == before + 1
        await gen.aclose()
        assert OPEN_STREAMS.open == before
        with pytest.raises(StopAsyncIteration):
            await gen.__anext__()

    asyncio.run(run())
    assert service.finished.wait(2)  # the worker's one computation ends; nothing else runs


class _NullStore:
    def resolve(self, conversation_id: str | None) -> object:
        from api.conversations import ConversationRef

        return ConversationRef("c-x", False, None)

    def record_turn(self, *args: object) -> None:
        return None


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[tuple[str, FakeService]]:
    """The fake-service app on a real uvicorn server (so a client can really hang up)."""
    service = FakeService(delay=1.0)
    app = fake_app(tmp_path, service, stream_keepalive_seconds=0.05)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}", service
    server.should_exit = True
    thread.join(5)


def test_dropped_connection_ends_the_stream(live_server: tuple[str, FakeService]) -> None:
    base, service = live_server
    before = OPEN_STREAMS.open
    with httpx.Client(base_url=base, timeout=5) as http, \
            http.stream("POST", "/ask/stream", json={"question": QUESTION}) as resp:
        lines = resp.iter_lines()
        assert next(lines) == ": keep-alive"
        assert OPEN_STREAMS.open == before + 1
    deadline = time.monotonic() + 0.8  # well before the answer (1 s) is ready
    while OPEN_STREAMS.open != before and time.monotonic() < deadline:
        time.sleep(0.02)
    assert OPEN_STREAMS.open == before
    assert not service.finished.is_set()


def test_cors_allowlist(tmp_path: Path, service: FakeService) -> None:
    app = fake_app(tmp_path, service, cors_origins=["https://intranet.example"])
    client = TestClient(app)
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    ok = client.options("/ask/stream", headers={"Origin": "https://intranet.example", **preflight})
    assert ok.headers["access-control-allow-origin"] == "https://intranet.example"
    bad = client.options("/ask/stream", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in bad.headers
    resp = client.post("/ask", json={"question": QUESTION}, headers={"Origin": "https://evil.example"})
    assert resp.status_code == 200 and "access-control-allow-origin" not in resp.headers
    resp = client.post("/ask", json={"question": QUESTION}, headers={"Origin": "https://intranet.example"})
    assert resp.headers["access-control-allow-origin"] == "https://intranet.example"


def test_security_headers_and_demo_page(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert '<script src="/static/widget.js" defer></script>' in page.text
    widget = client.get("/static/widget.js")
    assert widget.status_code == 200 and "javascript" in widget.headers["content-type"]
    assert "innerHTML =" not in widget.text and "insertAdjacentHTML" not in widget.text
    for resp in (page, widget, client.post("/ask", json={"question": QUESTION}), client.get("/nope")):
        assert resp.headers["x-content-type-options"] == "nosniff"
