"""Conversations: the SQLite store (TTL, turns, last project) and follow-ups through /ask
and /ask/stream that take the project from earlier turns."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from api_fakes import FakeService, parse_sse
from fastapi.testclient import TestClient

from api.conversations import ConversationStore, question_hash

pytestmark = pytest.mark.unit


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _answer(answer_id: str) -> dict[str, object]:
    return {"answer_id": answer_id, "answer": "Svar [1].", "answerable": True,
            "citations": [{"id": 1, "text": "Utdrag"}], "context_project": None}


def test_unknown_id_starts_a_new_conversation(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "app.sqlite", ttl_seconds=60)
    fresh = store.resolve(None)
    assert fresh.id.startswith("c-") and not fresh.reset and fresh.project is None
    assert store.resolve(fresh.id) == fresh
    other = store.resolve("c-doesnotexist")
    assert other.reset and other.id != "c-doesnotexist"


def test_conversations_expire_after_the_ttl(tmp_path: Path) -> None:
    clock = Clock()
    store = ConversationStore(tmp_path / "app.sqlite", ttl_seconds=60, clock=clock)
    conv = store.resolve(None)
    store.record_turn(conv.id, "Vem ledde Alfaprojektet?", _answer("a-1"), "Alfaprojektet")
    clock.now += 59
    assert store.resolve(conv.id).project == "Alfaprojektet"  # activity keeps it alive …
    clock.now += 59
    assert not store.resolve(conv.id).reset
    clock.now += 61  # … silence expires it
    again = store.resolve(conv.id)
    assert again.reset and again.id != conv.id and again.project is None
    assert store.turns(conv.id) == []  # purged
    assert store.answer("a-1") is not None  # answers stay for feedback


def test_turns_keep_a_hash_and_excerpt_and_the_last_project(tmp_path: Path) -> None:
    store = ConversationStore(tmp_path / "app.sqlite", ttl_seconds=60)
    conv = store.resolve(None)
    long_question = "Vem ledde Alfaprojektet? " + "x" * 500
    store.record_turn(conv.id, long_question, _answer("a-1"), "Alfaprojektet")
    store.record_turn(conv.id, "Vad handlar rapporten om?", _answer("a-2"), None)
    turns = store.turns(conv.id)
    assert [t["seq"] for t in turns] == [1, 2]
    assert turns[0]["question_hash"] == question_hash(long_question)
    assert len(turns[0]["question_excerpt"]) == 200
    # A turn about no single project keeps the earlier project as context.
    assert store.resolve(conv.id).project == "Alfaprojektet"
    stored = store.answer("a-1")
    assert stored is not None and stored.question == long_question and stored.citations[0]["text"] == "Utdrag"


def test_follow_up_takes_the_project_from_context(client: TestClient, service: FakeService) -> None:
    first = client.post("/ask", json={"question": "Vem ledde Alfaprojektet?"}).json()
    assert first["context_project"] is None and first["conversation_reset"] is False
    follow = client.post("/ask", json={"question": "Och hur stor var budgeten?",
                                       "conversation_id": first["conversation_id"]}).json()
    assert service.calls[-1]["context_project"] == "Alfaprojektet"
    assert follow["context_project"] == "Alfaprojektet"
    assert follow["conversation_id"] == first["conversation_id"]
    # A question that names another project moves the context to it.
    client.post("/ask", json={"question": "Vem ledde Betaprojektet?",
                              "conversation_id": first["conversation_id"]})
    events = parse_sse(client.post("/ask/stream", json={
        "question": "Vilka utmaningar hade de?", "conversation_id": first["conversation_id"]}).text)
    meta = next(data for name, data in events if name == "meta")
    assert meta["context_project"] == "Betaprojektet"


def test_without_conversation_there_is_no_context(client: TestClient, service: FakeService) -> None:
    client.post("/ask", json={"question": "Vem ledde Alfaprojektet?"})
    alone = client.post("/ask", json={"question": "Och hur stor var budgeten?"}).json()
    assert service.calls[-1]["context_project"] is None and alone["context_project"] is None


def test_unknown_conversation_id_is_said_in_the_response(client: TestClient, tmp_path: Path) -> None:
    resp = client.post("/ask", json={"question": "Och budgeten?", "conversation_id": "c-gone"}).json()
    assert resp["conversation_reset"] is True and resp["conversation_id"] != "c-gone"
    with sqlite3.connect(tmp_path / "app.sqlite") as db:
        (count,) = db.execute("SELECT COUNT(*) FROM turns WHERE conversation_id = ?",
                              (resp["conversation_id"],)).fetchone()
    assert count == 1
