"""Structured logs: one JSON object per line with request id and latency; the access log
never carries the query string, and a question appears only as a short hash."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from api_fakes import FakeService, fake_app
from fastapi.testclient import TestClient

from api.logging import JsonFormatter, RequestIdFilter, question_ref

pytestmark = pytest.mark.unit

SECRET_QUESTION = "Hur mycket tjänade Eva Exempel på Alfaprojektet förra året?"


def test_formatter_writes_one_json_object_with_the_known_fields() -> None:
    record = logging.LogRecord("rapport.access", logging.INFO, __file__, 1, "GET %s", ("/x",), None)
    record.request_id, record.status, record.latency_ms = "r-1", 200, 1.5
    line = JsonFormatter().format(record)
    assert "\n" not in line
    data = json.loads(line)
    assert data["message"] == "GET /x" and data["level"] == "info" and data["logger"] == "rapport.access"
    assert (data["request_id"], data["status"], data["latency_ms"]) == ("r-1", 200, 1.5)
    assert data["ts"].endswith("+00:00")


def test_question_ref_is_short_stable_and_not_the_question() -> None:
    ref = question_ref(SECRET_QUESTION)
    assert ref == question_ref(SECRET_QUESTION + "  ") and ref != question_ref("Annan fråga?")
    assert len(ref) == 12 and "Eva" not in ref


def test_requests_log_json_with_ids_and_no_question(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    client = TestClient(fake_app(tmp_path, FakeService()))
    caplog.set_level(logging.DEBUG)
    caplog.handler.addFilter(RequestIdFilter())  # as configure_logging's handler has
    resp = client.post("/ask", json={"question": SECRET_QUESTION})
    client.get("/no-such-page", params={"q": SECRET_QUESTION})
    # Only our own loggers: the test client itself logs whole URLs.
    ours = [r for r in caplog.records if r.name.split(".")[0] in {"api", "qa", "rapport", "index"}]
    lines = [json.loads(JsonFormatter().format(r)) for r in ours]
    access = [d for d in lines if d["logger"] == "rapport.access"]
    first = access[0]
    assert first["request_id"] == resp.headers["x-request-id"]
    assert (first["method"], first["path"], first["status"]) == ("POST", "/ask", 200)
    assert isinstance(first["latency_ms"], float)
    assert (access[1]["path"], access[1]["status"], access[1]["code"]) == ("/no-such-page", 404, "not_found")
    answered = next(d for d in lines if d["message"].startswith("answered"))
    assert answered["question_ref"] == question_ref(SECRET_QUESTION)
    assert answered["request_id"] == resp.headers["x-request-id"]
    everything = "\n".join(JsonFormatter().format(r) for r in ours)
    assert "Eva" not in everything and "tj" not in everything.lower().replace("tjänst", "")
