"""kill -9 of the indexer at random moments while a real server answers questions.

A real ``rapport serve`` runs on a copy of the session index. Each trial starts
``rapport index <a changed small report>`` and SIGKILLs it after a random delay, half of
the trials anywhere in the build (start-up, parsing, embedding, writing, switching) and
half once the new generation directory exists (the write/verify/switch window), while a
client thread keeps asking questions and reading ``/health``. After every trial: no
request got a 5xx or failed to connect, the served generation is the previous one or a
complete new one, the fixed questions give the same top-5 passages as before in that
generation, and at most the killed build's own directory is left over, which the next
build removes. Run by ``make reliability`` (not by ``make test``).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from live import Server, live_server

from index.generations import current_generation, generations_root, kept_generations
from index.manifest import MANIFEST_NAME

pytestmark = [pytest.mark.slow, pytest.mark.integration]

REPO = Path(__file__).resolve().parents[2]
RAPPORT = REPO / ".venv" / "bin" / "rapport"
TRIALS = int(os.environ.get("RAPPORT_KILL9_TRIALS", "10"))
MAX_DELAY = 20.0
QUESTIONS = (
    "Vem är projektledare för UngJobb Helsingborg?",
    "Hur mycket stöd får GON från Europeiska regionala utvecklingsfonden?",
    "Vad är Digilyftets totala budget efter revideringen?",
    "Vilka lärdomar drog Kompetensbron?",
    "Hur många deltagare har projekten haft?",
)
SMALL_REPORT = """# Rapport 2023 – Projektplattformen Östra kajen

## Bakgrund

Plattformen samlar stadsdelens projekt med stöd från Europeiska socialfonden. Rapporten
omfattar perioden januari 2023–december 2023.

## Projektstatus

### Cykelverkstaden Kajen

#### Fakta om projektet

Projektägare är Fritidsförvaltningen och projektledare är Karin Ekdahl. Projekttiden är
2022-01-01 – 2024-12-31. Projektets totala budget är 3 400 000 kr, varav 1 700 000 kr
finansieras av Europeiska socialfonden.

#### Läget just nu och resultat

Verkstaden har tagit emot {participants} deltagare som lagar cyklar åt boende i området.
"""






def _top5(client: httpx.Client, question: str) -> list[tuple[str, int, int]]:
    resp = client.post("/ask", json={"question": question})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    return [(c["report"], c["start"], c["end"]) for c in body["citations"] + body["suggestions"]][:5]


def _answers(client: httpx.Client) -> tuple[str, dict[str, list[tuple[str, int, int]]]]:
    """The served generation and the fixed questions' top-5 passages, asked twice around
    a ``/health`` check so both belong to one generation."""
    for _ in range(5):
        gen = client.get("/health").json()["index_generation"]
        answers = {q: _top5(client, q) for q in QUESTIONS}
        if client.get("/health").json()["index_generation"] == gen:
            return gen, answers
    raise AssertionError("the generation kept changing while no build ran")


@pytest.fixture(scope="module")
def server(corpus_index: Path, model_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("kill9")
    data = root / "data"
    shutil.copytree(corpus_index, data)
    env = {**os.environ, "RAPPORT_DATA_DIR": str(data), "RAPPORT_EMBED_MODEL": str(model_dir),
           "RAPPORT_APP_DB": str(root / "app.sqlite"), "RAPPORT_LOG_LEVEL": "WARNING"}
    with live_server(env, root / "server.log") as srv:
        yield srv


@dataclass
class Traffic:
    """A client thread asking questions and reading ``/health`` until stopped."""

    url: str
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(timeout=120)

    def _run(self) -> None:
        i = 0
        with httpx.Client(base_url=self.url, timeout=60) as client:
            while not self._stop.is_set():
                i += 1
                try:
                    if i % 3 == 0:
                        resp = client.get("/health")
                    else:
                        resp = client.post("/ask", json={"question": QUESTIONS[i % len(QUESTIONS)]})
                    self.requests += 1
                    if resp.status_code >= 500:
                        self.failures.append(f"{resp.status_code} {resp.text[:300]}")
                except httpx.HTTPError as exc:
                    self.failures.append(f"{type(exc).__name__}: {exc}")


def _index_process(server: Server, report: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([str(RAPPORT), "index", str(report)], env=server.env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def _generation_dirs(data: Path) -> set[str]:
    root = generations_root(data)
    return {p.name for p in root.iterdir() if p.is_dir()} if root.is_dir() else set()


def _write_report(path: Path, trial: int) -> None:
    path.write_text(SMALL_REPORT.format(participants=40 + trial), encoding="utf-8")


def _run_build(server: Server, report: Path, data: Path) -> tuple[float, float]:
    """One build to completion: (total seconds, seconds from its generation dir on)."""
    before = _generation_dirs(data)
    started = time.monotonic()
    proc = _index_process(server, report)
    appeared = None
    while proc.poll() is None:
        if appeared is None and _generation_dirs(data) - before:
            appeared = time.monotonic()
        time.sleep(0.02)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    assert proc.returncode == 0, stderr
    ended = time.monotonic()
    return ended - started, ended - (appeared or started)


def test_kill9_during_reindex_never_loses_the_served_index(server: Server) -> None:
    data = Path(server.env["RAPPORT_DATA_DIR"])
    report = data.parent / "kajen_2023.md"
    rng = random.Random(int(os.environ.get("RAPPORT_KILL9_SEED", "9")))
    client = httpx.Client(base_url=server.url, timeout=60)
    seen: dict[str, dict[str, list[tuple[str, int, int]]]] = {}

    def check_answers() -> str:
        gen, answers = _answers(client)
        assert gen == current_generation(data)
        assert seen.setdefault(gen, answers) == answers, f"answers changed within generation {gen}"
        return gen

    check_answers()
    _write_report(report, 0)
    full, writing = _run_build(server, report, data)  # also adds the report every trial changes
    check_answers()
    outcomes: list[str] = []
    for trial in range(1, TRIALS + 1):
        _write_report(report, trial)
        before_gen = current_generation(data)
        before_dirs = _generation_dirs(data)
        traffic = Traffic(server.url)
        traffic.start()
        proc = _index_process(server, report)
        if trial % 2:
            time.sleep(rng.uniform(0, min(full, MAX_DELAY)))
        else:  # inside the write / verify / switch window of this build
            while proc.poll() is None and not _generation_dirs(data) - before_dirs:
                time.sleep(0.01)
            time.sleep(rng.uniform(0, min(writing, MAX_DELAY)))
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        time.sleep(1.0)
        traffic.stop()
        assert not traffic.failures, (traffic.failures[:5], server.log_tail())
        assert traffic.requests > 0
        gen = check_answers()
        switched = gen != before_gen
        assert not switched or (generations_root(data) / gen / MANIFEST_NAME).is_file()
        # Beside CURRENT and its predecessor at most one directory: what the last killed
        # build left (a build removes earlier leftovers as soon as it holds the lock).
        strays = _generation_dirs(data) - kept_generations(data)
        assert len(strays) <= 1, strays
        outcomes.append(f"{'finished' if finished else 'killed'}/{'switched' if switched else 'kept'}"
                        f"/{len(strays)} left")
    _write_report(report, TRIALS + 1)
    _run_build(server, report, data)  # the next build cleans up what the crashes left
    assert _generation_dirs(data) == kept_generations(data), _generation_dirs(data)
    assert not (data / "CURRENT.tmp").exists()
    check_answers()
    killed = sum(o.startswith("killed") for o in outcomes)
    print(f"kill -9 trials (build {full:.1f}s, write phase {writing:.1f}s): {outcomes}")
    assert killed >= TRIALS // 2, outcomes
    client.close()
