"""Server-side memory of the chat: conversations with their turns, every answer given
(so feedback can be stored with the question, answer and citations it rates) and the
feedback itself, in one SQL database named by a SQLAlchemy URL: a SQLite file next to the
index by default, or a server (PostgreSQL) that API workers on several hosts share.

Conversations expire ``ttl_seconds`` after their last turn; an expired or unknown id is
never revived, the caller starts a new conversation instead.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

#: Questions are kept only this long in the turn log (the full text lives with the answer).
QUESTION_EXCERPT_CHARS = 200

metadata = MetaData()

conversations = Table(
    "conversations", metadata,
    Column("id", Text, primary_key=True),
    Column("created", Float, nullable=False),
    Column("updated", Float, nullable=False),
    Index("conversations_updated", "updated"),
)

turns_table = Table(
    "turns", metadata,
    Column("conversation_id", Text, ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("question_hash", Text, nullable=False),
    Column("question_excerpt", Text, nullable=False),
    Column("answer_id", Text, nullable=False),
    Column("project", Text),
    Column("context_project", Text),
    Column("created", Float, nullable=False),
)

# No foreign key to conversations: answers outlive them so late feedback still finds them.
answers = Table(
    "answers", metadata,
    Column("answer_id", Text, primary_key=True),
    Column("conversation_id", Text),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("answerable", Integer, nullable=False),
    Column("citations", Text, nullable=False),
    Column("created", Float, nullable=False),
)

feedback_table = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("answer_id", Text, ForeignKey("answers.answer_id"), nullable=False),
    Column("rating", Integer, CheckConstraint("rating IN (-1, 1)", name="feedback_rating"), nullable=False),
    Column("comment", Text),
    Column("created", Float, nullable=False),
    sqlite_autoincrement=True,
)


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
    """Conversations, turns, answers and feedback in a SQL database; safe to share between
    threads (pooled connections, one transaction per operation) and, on a database server,
    between processes and hosts.

    ``db`` is a SQLAlchemy URL (``postgresql+psycopg://user@host/db``, ``sqlite:///…``) or
    the path of a SQLite file."""

    def __init__(self, db: str | Path, ttl_seconds: int, clock: Callable[[], float] = time.time) -> None:
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        # Writers in this process take turns: SQLite would otherwise answer "database is
        # locked" under load; on a server it only spares the database some lock waits.
        self._write_lock = threading.Lock()
        self.engine = make_engine(db)
        _create_tables(self.engine)

    def close(self) -> None:
        """Close the pooled connections."""
        self.engine.dispose()

    # -- conversations -----------------------------------------------------------
    def resolve(self, conversation_id: str | None) -> ConversationRef:
        """The live conversation ``conversation_id`` (its clock restarted: a question is
        activity), or a new one (``reset`` when an id was given but is unknown or expired).
        Expired conversations are purged on the way."""
        now = self.clock()
        with self._write_lock, self.engine.begin() as db:
            db.execute(delete(conversations).where(conversations.c.updated < now - self.ttl_seconds))
            if conversation_id:
                touched = db.execute(update(conversations).where(conversations.c.id == conversation_id)
                                     .values(updated=now))
                if touched.rowcount:
                    return ConversationRef(conversation_id, False, self._last_project(db, conversation_id))
            new_id = new_conversation_id()
            db.execute(insert(conversations).values(id=new_id, created=now, updated=now))
        if conversation_id:
            log.info("conversation %s unknown or expired; started %s", conversation_id[:40], new_id)
        return ConversationRef(new_id, bool(conversation_id), None)

    @staticmethod
    def _last_project(db: Connection, conversation_id: str) -> str | None:
        project = db.execute(
            select(turns_table.c.project)
            .where(turns_table.c.conversation_id == conversation_id, turns_table.c.project.is_not(None))
            .order_by(turns_table.c.seq.desc()).limit(1)
        ).scalar_one_or_none()
        return None if project is None else str(project)

    def record_turn(self, conversation_id: str, question: str, answer: dict[str, Any],
                    project: str | None) -> None:
        """Store one question/answer turn (``answer`` is the public /ask response) and the
        project it was about, and keep the conversation alive."""
        now = self.clock()
        with self._write_lock, self.engine.begin() as db:
            # Touching the conversation first locks its row on a server, so workers on other
            # hosts recording a turn of the same conversation wait instead of taking the same seq.
            db.execute(update(conversations).where(conversations.c.id == conversation_id).values(updated=now))
            seq = db.execute(select(func.coalesce(func.max(turns_table.c.seq), 0) + 1)
                             .where(turns_table.c.conversation_id == conversation_id)).scalar_one()
            db.execute(insert(turns_table).values(
                conversation_id=conversation_id, seq=seq, question_hash=question_hash(question),
                question_excerpt=question.strip()[:QUESTION_EXCERPT_CHARS], answer_id=answer["answer_id"],
                project=project, context_project=answer.get("context_project"), created=now,
            ))
            self._put_answer(db, conversation_id, question, answer, now)

    @staticmethod
    def _put_answer(db: Connection, conversation_id: str, question: str, answer: dict[str, Any],
                    now: float) -> None:
        """Insert or replace the answer row (update first: feedback may already refer to it)."""
        values = {"conversation_id": conversation_id, "question": question, "answer": answer["answer"],
                  "answerable": int(answer["answerable"]), "created": now,
                  "citations": json.dumps(answer.get("citations", []), ensure_ascii=False)}
        answer_id = answer["answer_id"]
        replaced = db.execute(update(answers).where(answers.c.answer_id == answer_id).values(values))
        if not replaced.rowcount:
            db.execute(insert(answers).values(answer_id=answer_id, **values))

    def turns(self, conversation_id: str) -> list[dict[str, Any]]:
        """The turns of a conversation, oldest first (for inspection and tests)."""
        with self.engine.connect() as db:
            rows = db.execute(select(turns_table).where(turns_table.c.conversation_id == conversation_id)
                              .order_by(turns_table.c.seq)).mappings().all()
        return [dict(r) for r in rows]

    # -- answers and feedback ------------------------------------------------------
    def answer(self, answer_id: str) -> StoredAnswer | None:
        with self.engine.connect() as db:
            row = db.execute(select(answers).where(answers.c.answer_id == answer_id)).mappings().first()
        if row is None:
            return None
        return StoredAnswer(row["answer_id"], row["conversation_id"], row["question"], row["answer"],
                            bool(row["answerable"]), json.loads(row["citations"]))

    def add_feedback(self, answer_id: str, rating: int, comment: str | None) -> int | None:
        """Store feedback on a given answer; None when no such answer was ever given."""
        with self._write_lock, self.engine.begin() as db:
            known = db.execute(select(answers.c.answer_id).where(answers.c.answer_id == answer_id)).first()
            if known is None:
                return None
            new_id = db.execute(insert(feedback_table).values(
                answer_id=answer_id, rating=rating, comment=comment, created=self.clock(),
            ).returning(feedback_table.c.id)).scalar_one()
            return int(new_id)

    def feedback(self, answer_id: str) -> list[dict[str, Any]]:
        """Feedback rows for an answer, joined with the question, answer and citations."""
        f, a = feedback_table, answers
        query = (select(f.c.id, f.c.answer_id, f.c.rating, f.c.comment, f.c.created,
                        a.c.question, a.c.answer, a.c.citations)
                 .select_from(f.join(a, f.c.answer_id == a.c.answer_id))
                 .where(f.c.answer_id == answer_id).order_by(f.c.id))
        with self.engine.connect() as db:
            rows = db.execute(query).mappings().all()
        return [dict(r) for r in rows]


def make_engine(db: str | Path) -> Engine:
    """An engine for a URL or SQLite file path; SQLite files get their directory created,
    WAL (readers do not block the writer) and enforced foreign keys (for the turn purge)."""
    url = make_url(f"sqlite:///{db}" if isinstance(db, Path) else db)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 10})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _create_tables(engine: Engine, attempts: int = 10) -> None:
    """Create the missing tables. Workers starting together on an empty database race to
    create them; a loser fails once a winner commits, and then finds that table made (it
    can lose once per table, so there are more attempts than tables × workers need)."""
    for attempt in range(1, attempts + 1):
        try:
            metadata.create_all(engine)
            return
        except DBAPIError:
            if attempt == attempts:
                raise
            log.info("creating the conversation tables raced another worker; checking again")
            time.sleep(0.02 * attempt)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
