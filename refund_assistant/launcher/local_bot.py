"""The real bot, exactly as `make run` starts it, on free ports with a database of its own.

Why in the product: the server tests, the benchmarks and the cluster profile all need a whole
running bot that does not collide with one a developer has running; one definition keeps them
measuring and testing the same thing.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from refund_assistant.settings import DEFAULT_MODEL, PROJECT_ROOT

MODEL = DEFAULT_MODEL


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Bot:
    process: subprocess.Popen[bytes]
    rasa_port: int
    actions_port: int
    output: Path
    web_port: int = 8080
    rest_token: str | None = None  # REST_TOKEN of the bot, sent as a bearer token

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        """The demo seller-help page with the chat widget (scripts/web_server.py)."""
        return f"http://127.0.0.1:{self.web_port}"

    def say(self, sender: str, message: str, timeout: float = 30) -> list[dict[str, Any]]:
        """Sends one message over the REST channel and returns the bot's replies."""
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(
            f"{self.url}/webhooks/rest/webhook",
            data=body,
            headers={
                "Content-Type": "application/json",
                **({"Authorization": f"Bearer {self.rest_token}"} if self.rest_token else {}),
            },
        )
        with urllib.request.urlopen(request, timeout=timeout) as response:
            replies: list[dict[str, Any]] = json.loads(response.read())
            return replies

    def texts(self, sender: str, message: str) -> list[str]:
        return [reply.get("text", "") for reply in self.say(sender, message)]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


def start_bot(env: dict[str, str] | None = None, timeout: float = 240) -> Bot:
    """Runs the launcher in its own process group and waits for its "is running" line."""
    rasa_port, actions_port, web_port = free_port(), free_port(), free_port()
    output = PROJECT_ROOT / "results" / f"serve-{rasa_port}.log"
    output.parent.mkdir(exist_ok=True)
    full_env = {
        **os.environ,
        "RASA_PORT": str(rasa_port),
        "ACTIONS_PORT": str(actions_port),
        "WEB_PORT": str(web_port),
        "TF_CPP_MIN_LOG_LEVEL": "2",
        # each test bot gets its own database, never the one `make run` uses
        "TRACKER_DB_URL": f"sqlite:///{output.with_suffix('.db')}",
        **(env or {}),
    }
    log = output.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "refund_assistant.launcher.cli"],
        cwd=PROJECT_ROOT,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    bot = Bot(process, rasa_port, actions_port, output, web_port, full_env.get("REST_TOKEN"))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if "is running" in output.read_text():
            return bot
        if process.poll() is not None:
            raise RuntimeError(f"the launcher exited early:\n{output.read_text()[-3000:]}")
        time.sleep(0.5)
    bot.stop()
    raise RuntimeError(f"the bot did not start in {timeout} s:\n{output.read_text()[-3000:]}")


def port_is_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0
