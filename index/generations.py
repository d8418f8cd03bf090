"""Index generations on disk, the atomic ``CURRENT`` pointer and the single-writer lock.

Layout under a data directory::

    DATA/CURRENT                      name of the generation being served
    DATA/.writer.lock                 flock'ed by the one process that builds
    DATA/generations/<gen>/manifest.json   written last: marks the generation complete
    DATA/generations/<gen>/chunks.sqlite
    DATA/generations/<gen>/keyword/
    DATA/generations/<gen>/chroma/    embedded Chroma only (server mode keeps a collection)

Readers only follow ``CURRENT``; a writer builds a new generation beside it and switches
the pointer with write-temp + fsync + ``os.replace`` + fsync of the directory, so a crash
at any moment leaves either the old or the new pointer, never a torn one.
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from index import chroma_store
from index.errors import IndexBusy, IndexCorrupt
from index.manifest import MANIFEST_NAME, read_manifest

#: The files and folders of one generation directory.
CHUNKS_FILE = "chunks.sqlite"
KEYWORD_DIR = "keyword"
CHROMA_DIR = "chroma"

logger = logging.getLogger(__name__)

CURRENT_NAME = "CURRENT"
LOCK_NAME = ".writer.lock"
GENERATIONS = "generations"


def generations_root(data_dir: Path) -> Path:
    return Path(data_dir) / GENERATIONS


def generation_dir(data_dir: Path, generation: str) -> Path:
    return generations_root(data_dir) / generation


def new_generation_name() -> str:
    """A fresh name that sorts by creation time (UTC, microseconds, random suffix)."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-" + secrets.token_hex(3)


def current_generation(data_dir: Path) -> str | None:
    """The generation ``CURRENT`` names, or None when nothing has been built yet."""
    try:
        name = (Path(data_dir) / CURRENT_NAME).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return name or None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def switch_current(data_dir: Path, generation: str) -> None:
    """Point ``CURRENT`` at ``generation`` atomically and durably."""
    data_dir = Path(data_dir)
    if not (generation_dir(data_dir, generation) / MANIFEST_NAME).is_file():
        raise IndexCorrupt(f"refusing to switch to incomplete generation {generation}")
    tmp = data_dir / (CURRENT_NAME + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(generation + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, data_dir / CURRENT_NAME)
    _fsync_dir(data_dir)
    logger.info("CURRENT → %s", generation)


class WriterLock:
    """The data directory's exclusive writer lock (``fcntl.flock``; released on exit or
    when the process dies, so a kill -9 never leaves it stuck)."""

    def __init__(self, data_dir: Path, timeout: float = 0.0) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                self._fd = fd
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise IndexBusy(f"another indexer holds {self.path}") from None
                time.sleep(0.1)

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


def kept_generations(data_dir: Path) -> set[str]:
    """CURRENT and the generation it replaced: the ones readers may still be using."""
    current = current_generation(data_dir)
    if current is None:
        return set()
    kept = {current}
    try:
        previous = read_manifest(generation_dir(data_dir, current)).previous_generation
    except IndexCorrupt:
        previous = None
    if previous:
        kept.add(previous)
    return kept


def cleanup_locked(data_dir: Path, chroma_url: str | None = None) -> list[str]:
    """Remove every generation but CURRENT and its predecessor, with their Chroma
    collections on a server. The caller must hold the :class:`WriterLock`."""
    root = generations_root(data_dir)
    if not root.is_dir():
        return []
    kept = kept_generations(data_dir)
    removed: list[str] = []
    client = None
    for gen_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if gen_dir.name in kept:
            continue
        if chroma_url is not None:
            client = client or chroma_store.open_client(chroma_store.ChromaLocation(url=chroma_url))
            chroma_store.drop_collection(client, chroma_store.collection_name(gen_dir.name))
        shutil.rmtree(gen_dir, ignore_errors=True)
        removed.append(gen_dir.name)
        logger.info("removed generation %s", gen_dir.name)
    for leftover in Path(data_dir).glob(CURRENT_NAME + ".tmp"):
        leftover.unlink(missing_ok=True)
    return removed


def cleanup(data_dir: Path, chroma_url: str | None = None, timeout: float = 0.0) -> list[str]:
    """Take the writer lock and remove incomplete and superseded generations."""
    with WriterLock(data_dir, timeout):
        return cleanup_locked(data_dir, chroma_url)
