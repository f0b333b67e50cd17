"""Supervising the servers: start them, start again one that dies, stop them all together.

Why: a seller-facing bot is several processes that must come up in order. One Ctrl-C or
SIGTERM stops every one of them; a server that dies is started again (sellers get an apology
meanwhile, see addons/rasa_server.py), unless it keeps dying, when everything stops rather than
limp along.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

from refund_assistant.settings import PROJECT_ROOT

STARTUP_TIMEOUT_SECONDS = 180


@dataclass
class Server:
    name: str
    command: list[str]
    env: dict[str, str]
    process: subprocess.Popen[bytes]
    restarts: list[float] = field(default_factory=list)


@dataclass
class Servers:
    """The processes started: restarted when one dies, stopped together at the end."""

    servers: list[Server] = field(default_factory=list)
    max_restarts: int = 5  # within restart_window seconds; more means a crash loop: give up
    restart_window: float = 120.0

    @property
    def processes(self) -> list[subprocess.Popen[bytes]]:
        return [server.process for server in self.servers]

    def start(self, name: str, command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        process = self._spawn(command, env)
        self.servers.append(Server(name, command, env, process))
        return process

    @staticmethod
    def _spawn(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, start_new_session=True)

    def restart_exited(self) -> list[str]:
        """Starts again every server that died; RuntimeError if one keeps dying."""
        restarted = []
        now = time.monotonic()
        for server in self.servers:
            if server.process.poll() is None:
                continue
            server.restarts = [t for t in server.restarts if now - t < self.restart_window]
            if len(server.restarts) >= self.max_restarts:
                raise RuntimeError(
                    f"the {server.name} keeps stopping (exit code "
                    f"{server.process.returncode}); giving up"
                )
            server.restarts.append(now)
            print(
                f"The {server.name} stopped (exit code {server.process.returncode}); "
                "starting it again.",
                file=sys.stderr,
                flush=True,
            )
            server.process = self._spawn(server.command, server.env)
            restarted.append(server.name)
        return restarted

    def stop(self, grace_seconds: float = 15) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace_seconds
        for process in self.processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def first_exited(self) -> subprocess.Popen[bytes] | None:
        return next((p for p in self.processes if p.poll() is not None), None)


def wait_until_up(url: str, servers: Servers, timeout: float = STARTUP_TIMEOUT_SECONDS) -> None:
    """Polls `url` until it answers; fails early if any server has already died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if servers.first_exited() is not None:
            raise RuntimeError(f"a server exited while waiting for {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up within {timeout:.0f} s")
