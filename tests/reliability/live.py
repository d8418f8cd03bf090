"""A real ``rapport serve`` subprocess on a free loopback port, for the reliability tests."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

RAPPORT = Path(sys.executable).parent / "rapport"


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    env: dict[str, str]

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(env: dict[str, str], log: Path, start_timeout: float = 180) -> Iterator[Server]:
    """Start the server, wait until ``/health`` answers 200, stop it (SIGTERM) afterwards."""
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen([str(RAPPORT), "serve", "--host", "127.0.0.1", "--port", str(port)],
                                   env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    srv = Server(f"http://127.0.0.1:{port}", process, log, env)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            assert process.poll() is None, srv.log_tail()
            try:
                if httpx.get(srv.url + "/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not start:\n" + srv.log_tail()
            time.sleep(0.5)
        yield srv
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
