"""Server-side memory of the chat: conversations with their turns, every answer given
(so feedback can be stored with the question, answer and citations it rates) and the
feedback itself, in one SQLite file next to the index (stdlib ``sqlite3``).

Conversations expire ``ttl_seconds`` after their last turn; an expired or unknown id is
never revived, the caller starts a new conversation instead.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Questions are kept only this long in the turn log (the full text lives with the answer).
QUESTION_EXCERPT_CHARS = 200

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    question_hash TEXT NOT NULL,
    question_excerpt TEXT NOT NULL,
    answer_id TEXT NOT NULL,
    project TEXT,
    context_project TEXT,
    created REAL NOT NULL,
    PRIMARY KEY (conversation_id, seq)
);
CREATE TABLE IF NOT EXISTS answers (
    answer_id TEXT PRIMARY KEY,
    conversation_id TEXT,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answerable INTEGER NOT NULL,
    citations TEXT NOT NULL,
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    answer_id TEXT NOT NULL REFERENCES answers(answer_id),
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT,
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations(updated);
"""


@dataclass(frozen=True, slots=True)
class ConversationRef:
    """The conversation a question belongs to; ``reset`` when the asked-for id was unknown
    or expired and a new one was started; ``project`` is what earlier turns were about."""

    id: str
    reset: bool
    project: str | None


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    answer_id: str
    conversation_id: str | None
    question: str
    answer: str
    answerable: bool
    citations: list[dict[str, Any]]


def new_conversation_id() -> str:
    return "c-" + uuid.uuid4().hex[:16]


def question_hash(question: str) -> str:
    return hashlib.sha256(question.strip().encode("utf-8")).hexdigest()[:16]


class ConversationStore:
    """Conversations, turns, answers and feedback in SQLite; safe to share between threads
    (one short-lived connection per operation, writes serialised by a lock)."""

    def __init__(self, path: Path, ttl_seconds: int, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self._write_lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys=ON")
        try:
            with db:
                yield db
        finally:
            db.close()

    # -- conversations -----------------------------------------------------------
    def resolve(self, conversation_id: str | None) -> ConversationRef:
        """The live conversation ``conversation_id`` (its clock restarted: a question is
        activity), or a new one (``reset`` when an id was given but is unknown or expired).
        Expired conversations are purged on the way."""
        now = self.clock()
        with self._write_lock, self._connect() as db:
            db.execute("DELETE FROM conversations WHERE updated < ?", (now - self.ttl_seconds,))
            if conversation_id:
                row = db.execute("SELECT id FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
                if row is not None:
                    db.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation_id))
                    return ConversationRef(conversation_id, False, self._last_project(db, conversation_id))
            new_id = new_conversation_id()
            db.execute("INSERT INTO conversations (id, created, updated) VALUES (?, ?, ?)",
                       (new_id, now, now))
        if conversation_id:
            log.info("conversation %s unknown or expired; started %s", conversation_id[:40], new_id)
        return ConversationRef(new_id, bool(conversation_id), None)

    @staticmethod
    def _last_project(db: sqlite3.Connection, conversation_id: str) -> str | None:
        row = db.execute(
            "SELECT project FROM turns WHERE conversation_id = ? AND project IS NOT NULL "
            "ORDER BY seq DESC LIMIT 1", (conversation_id,),
        ).fetchone()
        return str(row["project"]) if row else None

    def record_turn(self, conversation_id: str, question: str, answer: dict[str, Any],
                    project: str | None) -> None:
        """Store one question/answer turn (``answer`` is the public /ask response) and the
        project it was about, and keep the conversation alive."""
        now = self.clock()
        with self._write_lock, self._connect() as db:
            seq = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM turns WHERE conversation_id = ?",
                             (conversation_id,)).fetchone()[0]
            db.execute(
                "INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (conversation_id, seq, question_hash(question), question.strip()[:QUESTION_EXCERPT_CHARS],
                 answer["answer_id"], project, answer.get("context_project"), now),
            )
            db.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation_id))
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                (answer["answer_id"], conversation_id, question, answer["answer"], int(answer["answerable"]),
                 json.dumps(answer.get("citations", []), ensure_ascii=False), now),
            )

    def turns(self, conversation_id: str) -> list[dict[str, Any]]:
        """The turns of a conversation, oldest first (for inspection and tests)."""
        with self._connect() as db:
            rows = db.execute("SELECT * FROM turns WHERE conversation_id = ? ORDER BY seq",
                              (conversation_id,)).fetchall()
        return [dict(r) for r in rows]

    # -- answers and feedback ------------------------------------------------------
    def answer(self, answer_id: str) -> StoredAnswer | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM answers WHERE answer_id = ?", (answer_id,)).fetchone()
        if row is None:
            return None
        return StoredAnswer(row["answer_id"], row["conversation_id"], row["question"], row["answer"],
                            bool(row["answerable"]), json.loads(row["citations"]))

    def add_feedback(self, answer_id: str, rating: int, comment: str | None) -> int | None:
        """Store feedback on a given answer; None when no such answer was ever given."""
        with self._write_lock, self._connect() as db:
            if db.execute("SELECT 1 FROM answers WHERE answer_id = ?", (answer_id,)).fetchone() is None:
                return None
            cur = db.execute("INSERT INTO feedback (answer_id, rating, comment, created) VALUES (?, ?, ?, ?)",
                             (answer_id, rating, comment, self.clock()))
            return int(cur.lastrowid or 0)

    def feedback(self, answer_id: str) -> list[dict[str, Any]]:
        """Feedback rows for an answer, joined with the question, answer and citations."""
        with self._connect() as db:
            rows = db.execute(
                "SELECT f.id, f.answer_id, f.rating, f.comment, f.created, a.question, a.answer, a.citations "
                "FROM feedback f JOIN answers a USING (answer_id) WHERE f.answer_id = ? ORDER BY f.id",
                (answer_id,),
            ).fetchall()
        return [dict(r) for r in rows]
