"""The conversation store's behaviour on every database it supports: SQLite and a real
PostgreSQL server that this module starts (``initdb`` + ``pg_ctl`` on a loopback port) and
stops; the PostgreSQL cases skip with a reason when the server binaries are missing."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy
from api_fakes import FakeService, fake_app
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError

from api.config import Settings
from api.conversations import ConversationStore, question_hash

pytestmark = pytest.mark.integration

StoreFactory = Callable[..., ConversationStore]


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _answer(answer_id: str, text: str = "Svar [1].") -> dict[str, object]:
    return {"answer_id": answer_id, "answer": text, "answerable": True,
            "citations": [{"id": 1, "text": "Utdrag ur Malmö stads rapport – åäö"}], "context_project": None}


# -- a throw-away PostgreSQL server ------------------------------------------------------
def _postgres_bin() -> Path | None:
    """Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<major>/bin."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl and shutil.which("initdb") else None


def _as_server_user() -> tuple[list[str], int | None]:
    """Command prefix that runs the server as a non-root user (initdb refuses root), and
    that user's uid for chown; no prefix when we are not root."""
    if os.geteuid() != 0:
        return [], None
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no 'postgres' user to run the server as")
    return ["runuser", "-u", "postgres", "--"], user.pw_uid


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """Base URL (no database) of a PostgreSQL server running for this test session."""
    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found (apt-get install postgresql)")
    prefix, uid = _as_server_user()
    root = Path(tempfile.mkdtemp(prefix="rapport-pg-"))
    if uid is not None:
        os.chown(root, uid, -1)
    data, port = root / "data", _free_port()
    subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "rapport", "--auth=trust",
                    "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data)]
    subprocess.run([*pg_ctl, "-l", str(root / "server.log"), "-w", "-t", "60", "start",
                    "-o", f"-k {root} -p {port} -h 127.0.0.1"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://rapport@127.0.0.1:{port}"
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _new_postgres_database(base_url: str) -> str:
    name = "t_" + uuid.uuid4().hex[:12]
    admin = sqlalchemy.create_engine(f"{base_url}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as db:
        db.execute(sqlalchemy.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{base_url}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'app.sqlite'}"
    return _new_postgres_database(request.getfixturevalue("postgres_url"))


@pytest.fixture
def make_store(db_url: str) -> Iterator[StoreFactory]:
    """Stores on the test's database (several stand for workers on several hosts)."""
    stores: list[ConversationStore] = []

    def make(ttl_seconds: int = 60, clock: Callable[[], float] = time.time) -> ConversationStore:
        store = ConversationStore(db_url, ttl_seconds=ttl_seconds, clock=clock)
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()


# -- behaviour ---------------------------------------------------------------------------
def test_unknown_id_starts_a_new_conversation(make_store: StoreFactory) -> None:
    store = make_store()
    fresh = store.resolve(None)
    assert fresh.id.startswith("c-") and not fresh.reset and fresh.project is None
    assert store.resolve(fresh.id) == fresh
    other = store.resolve("c-doesnotexist")
    assert other.reset and other.id != "c-doesnotexist"


def test_conversations_expire_and_their_turns_are_purged(make_store: StoreFactory) -> None:
    clock = Clock()
    store = make_store(clock=clock)
    conv = store.resolve(None)
    store.record_turn(conv.id, "Vem ledde Alfaprojektet?", _answer("a-1"), "Alfaprojektet")
    clock.now += 59
    assert store.resolve(conv.id).project == "Alfaprojektet"
    clock.now += 59
    assert not store.resolve(conv.id).reset
    clock.now += 61
    again = store.resolve(conv.id)
    assert again.reset and again.id != conv.id and again.project is None
    assert store.turns(conv.id) == []  # cascaded from the expired conversation
    assert store.answer("a-1") is not None  # answers stay for feedback


def test_turns_keep_a_hash_an_excerpt_and_the_last_project(make_store: StoreFactory) -> None:
    store = make_store()
    conv = store.resolve(None)
    long_question = "Vem ledde Alfaprojektet i Malmö? " + "å" * 500
    store.record_turn(conv.id, long_question, _answer("a-1"), "Alfaprojektet")
    store.record_turn(conv.id, "Vad handlar rapporten om?", _answer("a-2"), None)
    turns = store.turns(conv.id)
    assert [t["seq"] for t in turns] == [1, 2]
    assert turns[0]["question_hash"] == question_hash(long_question)
    assert turns[0]["question_excerpt"] == long_question[:200]
    assert turns[0]["project"] == "Alfaprojektet" and turns[1]["project"] is None
    assert store.resolve(conv.id).project == "Alfaprojektet"
    stored = store.answer("a-1")
    assert stored is not None and stored.question == long_question and stored.answerable is True
    assert stored.conversation_id == conv.id
    assert stored.citations == [{"id": 1, "text": "Utdrag ur Malmö stads rapport – åäö"}]
    assert store.answer("a-unknown") is None


def test_feedback_is_stored_with_the_answer_it_rates(make_store: StoreFactory) -> None:
    store = make_store()
    conv = store.resolve(None)
    store.record_turn(conv.id, "Vem ledde Alfaprojektet?", _answer("a-1"), "Alfaprojektet")
    first = store.add_feedback("a-1", 1, None)
    second = store.add_feedback("a-1", -1, "Fel projekt")
    assert first is not None and second is not None and second > first
    assert store.add_feedback("a-unknown", 1, None) is None
    rows = store.feedback("a-1")
    assert [(r["id"], r["rating"], r["comment"]) for r in rows] == [
        (first, 1, None), (second, -1, "Fel projekt")]
    assert rows[0]["question"] == "Vem ledde Alfaprojektet?" and rows[0]["answer"] == "Svar [1]."
    assert "Malmö" in rows[0]["citations"]
    with pytest.raises(IntegrityError):
        store.add_feedback("a-1", 5, None)
    assert len(store.feedback("a-1")) == 2


def test_an_answer_given_again_is_replaced_and_keeps_its_feedback(make_store: StoreFactory) -> None:
    store = make_store()
    conv = store.resolve(None)
    store.record_turn(conv.id, "Första frågan?", _answer("a-1", "Gammalt svar."), None)
    store.add_feedback("a-1", 1, None)
    store.record_turn(conv.id, "Andra frågan?", _answer("a-1", "Nytt svar."), None)
    stored = store.answer("a-1")
    assert stored is not None and stored.answer == "Nytt svar." and stored.question == "Andra frågan?"
    assert [r["answer"] for r in store.feedback("a-1")] == ["Nytt svar."]


def test_workers_sharing_the_database_share_conversations(make_store: StoreFactory) -> None:
    host_a, host_b = make_store(), make_store()
    conv = host_a.resolve(None)
    host_a.record_turn(conv.id, "Vem ledde Alfaprojektet?", _answer("a-1"), "Alfaprojektet")
    follow = host_b.resolve(conv.id)
    assert not follow.reset and follow.project == "Alfaprojektet"
    host_b.record_turn(conv.id, "Och budgeten?", _answer("a-2"), None)
    assert [t["seq"] for t in host_a.turns(conv.id)] == [1, 2]
    assert host_b.add_feedback("a-1", -1, "Fel") is not None
    assert [r["comment"] for r in host_a.feedback("a-1")] == ["Fel"]


def test_concurrent_turns_from_several_workers_get_distinct_seqs(make_store: StoreFactory) -> None:
    workers = [make_store() for _ in range(3)]
    conv = workers[0].resolve(None)
    errors: list[BaseException] = []

    def ask(index: int, store: ConversationStore) -> None:
        try:
            for n in range(8):
                store.record_turn(conv.id, f"Fråga {index}.{n}?", _answer(f"a-{index}-{n}"), None)
        except BaseException as exc:  # collected: an exception in a thread would be lost
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(i, s)) for i, s in enumerate(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [t["seq"] for t in workers[1].turns(conv.id)] == list(range(1, 25))


def test_workers_starting_together_on_an_empty_database_all_start(db_url: str) -> None:
    stores: list[ConversationStore] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            stores.append(ConversationStore(db_url, ttl_seconds=60))
        except BaseException as exc:  # collected: an exception in a thread would be lost
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == [] and len(stores) == 4
        conv = stores[0].resolve(None)
        assert stores[3].resolve(conv.id) == conv
    finally:
        for store in stores:
            store.close()


def test_the_app_follows_a_conversation_across_hosts(db_url: str, tmp_path: Path) -> None:
    """Two app instances (hosts) on one database: a follow-up asked of the other host still
    knows the project, and feedback given there rates the first host's answer."""
    service = FakeService()
    apps = [fake_app(tmp_path / name, service, app_db_url=db_url) for name in ("a", "b")]
    host_a, host_b = (TestClient(app) for app in apps)
    first = host_a.post("/ask", json={"question": "Vem ledde Alfaprojektet?"}).json()
    follow = host_b.post("/ask", json={"question": "Och hur stor var budgeten?",
                                       "conversation_id": first["conversation_id"]}).json()
    assert follow["conversation_reset"] is False and follow["context_project"] == "Alfaprojektet"
    assert service.calls[-1]["context_project"] == "Alfaprojektet"
    resp = host_b.post("/feedback", json={"answer_id": first["answer_id"], "rating": "up"})
    assert resp.status_code == 201
    assert [r["rating"] for r in apps[0].state.conversations.feedback(first["answer_id"])] == [1]
    for app in apps:
        app.state.conversations.close()


def test_settings_name_the_database() -> None:
    default = Settings(data_dir=Path("/srv/rapport"))
    assert default.app_db_target == "sqlite:////srv/rapport/app.sqlite"
    assert Settings(data_dir=Path("/srv/rapport"), app_db=Path("/var/lib/app.db")).app_db_target == \
        "sqlite:////var/lib/app.db"
    url = "postgresql+psycopg://rapport@db/rapport"
    assert Settings(data_dir=Path("/srv/rapport"), app_db_url=url).app_db_target == url
