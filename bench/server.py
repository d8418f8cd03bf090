"""A real server in a subprocess (the documented ``rapport serve`` command) and the HTTP
clients that measure it: start-up, sequential latency and concurrent throughput."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.stats import vm_rss_mb

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in map(int, kids):
            out += [kid, *_children(kid)]
    return out


@dataclass
class Server:
    """``rapport serve --host 127.0.0.1 --port P --workers N`` over ``data_dir``."""

    data_dir: Path
    workers: int = 1
    port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0

    def command(self) -> list[str]:
        rapport = str(Path(sys.executable).with_name("rapport"))
        return [rapport, "serve", "--host", HOST, "--port", str(self.port), "--workers", str(self.workers)]

    def start(self) -> None:
        env = dict(os.environ, RAPPORT_DATA_DIR=str(self.data_dir), RAPPORT_LOG_LEVEL="WARNING",
                   RAPPORT_APP_DB=str(self.data_dir / f"bench-app-{self.port}.sqlite"))
        self.started_at = time.perf_counter()
        self.proc = subprocess.Popen(self.command(), env=env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Seconds from process start until ``/health`` answers 200."""
        assert self.proc is not None
        while time.perf_counter() - self.started_at < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}")
            try:
                conn = http.client.HTTPConnection(HOST, self.port, timeout=5)
                conn.request("GET", "/health")
                if conn.getresponse().status == 200:
                    return time.perf_counter() - self.started_at
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError("server did not become healthy")

    def worker_rss_mb(self) -> list[float]:
        """RSS of each process that answers requests (the workers; the process itself if 1)."""
        assert self.proc is not None
        kids = [k for k in _children(self.proc.pid) if _is_python(k)]
        pids = kids if self.workers > 1 and kids else [self.proc.pid]
        return [vm_rss_mb(p) for p in pids]

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def _is_python(pid: int) -> bool:
    """A Python process that is not multiprocessing's resource tracker."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except OSError:
        return False
    return "python" in argv[0] and not any("resource_tracker" in a for a in argv)


class Client:
    """One keep-alive connection that posts questions to ``/ask``."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=120)

    def ask(self, question: str) -> tuple[int, float, dict[str, Any] | None]:
        body = json.dumps({"question": question})
        started = time.perf_counter()
        try:
            self.conn.request("POST", "/ask", body=body, headers={"Content-Type": "application/json"})
            resp = self.conn.getresponse()
            data = resp.read()
            ms = (time.perf_counter() - started) * 1000
            return resp.status, ms, json.loads(data) if resp.status == 200 else None
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=120)
            return 0, (time.perf_counter() - started) * 1000, None


def sequential(port: int, questions: list[str]) -> tuple[list[float], int]:
    """Latency of each question asked in turn by one client; the error count."""
    client = Client(port)
    out, errors = [], 0
    for q in questions:
        status, ms, _ = client.ask(q)
        out.append(ms)
        errors += status != 200
    return out, errors


def throughput(port: int, questions: list[str], clients: int, requests: int) -> dict[str, Any]:
    """``requests`` questions shared out to ``clients`` concurrent connections."""
    lock = threading.Lock()
    queue = list(reversed([questions[i % len(questions)] for i in range(requests)]))
    latencies: list[float] = []
    errors = [0]

    def run() -> None:
        client = Client(port)
        while True:
            with lock:
                if not queue:
                    return
                q = queue.pop()
            status, ms, _ = client.ask(q)
            with lock:
                latencies.append(ms)
                errors[0] += status != 200

    threads = [threading.Thread(target=run) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    return {"clients": clients, "requests": requests, "seconds": elapsed, "rps": requests / elapsed,
            "errors": errors[0], "latencies": latencies}
