"""PostgreSQL and Redis from their Debian packages, started on free ports in a scratch folder.

Why: the production profile (two Rasa servers sharing a database and a lock store) is tested and
benchmarked on one machine; nothing is installed or configured system-wide.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from refund_assistant.launcher.local_bot import Bot, free_port, port_is_open, start_bot


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise FileNotFoundError(f"PostgreSQL's {name} not found: install Debian's postgresql")
    return found[-1]


def _as_postgres(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: drop to the postgres user when we are root."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _wait_for_port(port: int, what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_is_open(port):
            return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start on port {port}")


@contextmanager
def postgres() -> Iterator[str]:
    """A fresh PostgreSQL server; yields its SQLAlchemy URL."""
    folder = Path(tempfile.mkdtemp(prefix="refund-pg-"))
    data = folder / "data"
    port = free_port()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    subprocess.run(
        _as_postgres(
            [_postgres_bin("initdb"), "-D", str(data), "-U", "rasa", "--auth=trust", "-E", "UTF8"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    server = subprocess.Popen(
        _as_postgres(
            [
                _postgres_bin("postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                f"unix_socket_directories={folder}",
                "-c",
                "fsync=off",
            ]
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, "PostgreSQL")
        time.sleep(1)  # accepting TCP before it accepts logins
        subprocess.run(
            _as_postgres(
                [
                    _postgres_bin("createdb"),
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "-U",
                    "rasa",
                    "rasa",
                ]
            ),
            check=True,
        )
        yield f"postgresql://rasa@127.0.0.1:{port}/rasa"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def redis() -> Iterator[str]:
    """A fresh Redis server, nothing persisted; yields its URL."""
    redis_server = shutil.which("redis-server")
    if not redis_server:
        raise FileNotFoundError("redis-server not found: install Debian's redis-server")
    port = free_port()
    server = subprocess.Popen(
        [
            redis_server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port, "Redis")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def two_server_cluster() -> Iterator[tuple[str, Bot, Bot]]:
    """The production profile on one machine: two bots (each a Rasa server with its action
    server) sharing a PostgreSQL tracker store and a Redis lock store. Yields the database URL
    and both bots."""
    with postgres() as database, redis() as lock_store:
        env = {"TRACKER_DB_URL": database, "LOCK_STORE_URL": lock_store}
        first = start_bot(env=env)
        try:
            second = start_bot(env=env)
            try:
                yield database, first, second
            finally:
                second.stop()
        finally:
            first.stop()
