"""The real `advice serve` for tests: started as a user starts it, in its own process
group, on a free port; stopped with SIGTERM and its log returned."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support import ADVICE

WAIT = 20.0  # seconds: a bound for a slow machine, not an expectation


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    def __init__(self, proc: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.proc, self.port, self.log = proc, port, log

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def raw(self, request: bytes) -> bytes:
        """Send bytes as they are (what http.client would refuse to send); the status line."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            s.sendall(request)
            return s.recv(65536).split(b"\r\n", 1)[0]

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request("GET", path, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", errors="replace")
        finally:
            conn.close()


@contextmanager
def serving(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`advice serve --port P ARGS` until the block ends; the log stays in cwd."""
    port = free_port()
    log = cwd / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [ADVICE, "serve", "--port", str(port), *args],
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, **(env or {})},
        )
    served = Served(proc, port, log)
    try:
        deadline = time.monotonic() + WAIT
        while "open http" not in served.text():
            assert proc.poll() is None, served.text()
            assert time.monotonic() < deadline, served.text()
            time.sleep(0.05)
        yield served
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
