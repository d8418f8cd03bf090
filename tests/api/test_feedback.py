"""``POST /feedback``: stored with the question, answer and citations; unknown answers 404."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.unit


def _rows(data_dir: Path) -> list[sqlite3.Row]:
    with sqlite3.connect(data_dir / "app.sqlite") as db:
        db.row_factory = sqlite3.Row
        return db.execute("SELECT f.rating, f.comment, a.question, a.answer, a.citations FROM feedback f "
                          "JOIN answers a USING (answer_id) ORDER BY f.id").fetchall()


def test_feedback_is_stored_with_the_answer(client: TestClient, tmp_path: Path) -> None:
    answer = client.post("/ask", json={"question": "Vem ledde Alfaprojektet?"}).json()
    resp = client.post("/feedback", json={"answer_id": answer["answer_id"], "rating": "up"})
    assert resp.status_code == 201
    assert resp.json()["status"] == "stored" and resp.json()["rating"] == 1
    resp = client.post("/feedback", json={"answer_id": answer["answer_id"], "rating": -1,
                                          "comment": "  Fel projekt  "})
    assert resp.status_code == 201
    rows = _rows(tmp_path)
    assert [(r["rating"], r["comment"]) for r in rows] == [(1, None), (-1, "Fel projekt")]
    assert rows[0]["question"] == "Vem ledde Alfaprojektet?"
    assert rows[0]["answer"] == answer["answer"]
    assert '"quote"' in rows[0]["citations"] and "Eva Exempel" in rows[0]["citations"]


def test_streamed_answers_can_be_rated(client: TestClient) -> None:
    body = client.post("/ask/stream", json={"question": "Vem ledde Betaprojektet?"}).text
    answer_id = body.split('"answer_id": "', 1)[1].split('"', 1)[0]
    assert client.post("/feedback", json={"answer_id": answer_id, "rating": "down"}).status_code == 201


def test_unknown_answer_is_404_in_the_canonical_shape(client: TestClient) -> None:
    resp = client.post("/feedback", json={"answer_id": "a-nonexistent", "rating": "up"})
    assert resp.status_code == 404
    error = resp.json()["error"]
    assert error["code"] == "unknown_answer" and error["message"] and error["request_id"]


@pytest.mark.parametrize("body", [
    {"answer_id": "a-1", "rating": "great"},
    {"answer_id": "a-1", "rating": 5},
    {"answer_id": "a-1"},
    {"answer_id": "a-1", "rating": "up", "extra": 1},
])
def test_invalid_feedback_is_422(client: TestClient, body: dict[str, object]) -> None:
    resp = client.post("/feedback", json=body)
    assert resp.status_code == 422
    assert resp.json()["error"]["code"] in {"invalid_request", "invalid_json"}
