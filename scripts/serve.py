"""Starts everything `make run` promises, in the foreground, and stops all of it together.

A seller-facing bot is several servers (Rasa, the action server, the demo page) that must come
up in order and agree on ports. One Ctrl-C or SIGTERM stops every process started here. A server
that dies is started again (sellers get an apology meanwhile, see addons/rasa_server.py), unless
it keeps dying, in which case everything stops rather than limp along.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))  # run as a script, it still imports the project's modules

from actions.database import database_url  # noqa: E402
VENV_BIN = PROJECT_ROOT / ".venv" / "bin"
DEFAULT_MODEL = PROJECT_ROOT / "models" / "refund-assistant.tar.gz"
STARTUP_TIMEOUT_SECONDS = 180
TELEGRAM_CHANNEL = "channels.telegram.TelegramInput"


@dataclass
class Settings:
    """Where the servers listen, read from the environment with safe defaults."""

    host: str = "127.0.0.1"
    rasa_port: int = 5005
    actions_port: int = 5055
    web_port: int = 8080
    api_token: Optional[str] = None
    model: Path = DEFAULT_MODEL
    telegram: Optional[Dict[str, str]] = None
    widget_origins: List[str] = field(default_factory=list)

    @classmethod
    def from_env(cls, env: Dict[str, str]) -> "Settings":
        return cls(
            host=env.get("BIND_HOST", cls.host),
            rasa_port=int(env.get("RASA_PORT", cls.rasa_port)),
            actions_port=int(env.get("ACTIONS_PORT", cls.actions_port)),
            web_port=int(env.get("WEB_PORT", cls.web_port)),
            api_token=env.get("RASA_API_TOKEN") or None,
            model=Path(env.get("RASA_MODEL", DEFAULT_MODEL)),
            telegram=telegram_credentials(env),
            widget_origins=env.get("WIDGET_ORIGINS", "").replace(",", " ").split(),
        )

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"


def telegram_credentials(env: Dict[str, str]) -> Optional[Dict[str, str]]:
    """The Telegram channel's settings, or None when TELEGRAM_TOKEN is unset (channel off)."""
    if not env.get("TELEGRAM_TOKEN"):
        return None
    missing = [name for name in ("TELEGRAM_BOT_NAME", "TELEGRAM_WEBHOOK_URL") if not env.get(name)]
    if missing:
        raise SystemExit(f"TELEGRAM_TOKEN is set but {', '.join(missing)} is not.")
    return {
        "access_token": env["TELEGRAM_TOKEN"],
        "verify": env["TELEGRAM_BOT_NAME"],
        "webhook_url": env["TELEGRAM_WEBHOOK_URL"],
        "api_base_url": env.get("TELEGRAM_API_URL", "https://api.telegram.org"),
    }


@dataclass
class Server:
    name: str
    command: List[str]
    env: Dict[str, str]
    process: subprocess.Popen
    restarts: List[float] = field(default_factory=list)


@dataclass
class Servers:
    """The processes started: restarted when one dies, stopped together at the end."""

    servers: List[Server] = field(default_factory=list)
    max_restarts: int = 5  # within restart_window seconds; more means a crash loop: give up
    restart_window: float = 120.0

    @property
    def processes(self) -> List[subprocess.Popen]:
        return [server.process for server in self.servers]

    def start(self, name: str, command: List[str], env: Dict[str, str]) -> subprocess.Popen:
        process = self._spawn(command, env)
        self.servers.append(Server(name, command, env, process))
        return process

    @staticmethod
    def _spawn(command: List[str], env: Dict[str, str]) -> subprocess.Popen:
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, start_new_session=True)

    def restart_exited(self) -> List[str]:
        """Starts again every server that died; RuntimeError if one keeps dying."""
        restarted = []
        now = time.monotonic()
        for server in self.servers:
            if server.process.poll() is None:
                continue
            server.restarts = [t for t in server.restarts if now - t < self.restart_window]
            if len(server.restarts) >= self.max_restarts:
                raise RuntimeError(f"the {server.name} keeps stopping (exit code "
                                   f"{server.process.returncode}); giving up")
            server.restarts.append(now)
            print(f"The {server.name} stopped (exit code {server.process.returncode}); "
                  "starting it again.", file=sys.stderr, flush=True)
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

    def first_exited(self) -> Optional[subprocess.Popen]:
        return next((p for p in self.processes if p.poll() is not None), None)


def action_server_command(settings: Settings) -> List[str]:
    return [str(VENV_BIN / "rasa"), "run", "actions", "--actions", "actions",
            "--port", str(settings.actions_port)]


# `rasa`, with an apology when the action server is unreachable (addons/rasa_server.py).
RASA_COMMAND = [str(VENV_BIN / "python"), "-m", "addons.rasa_server"]


def rasa_server_command(settings: Settings, endpoints: Path, credentials: Path) -> List[str]:
    command = [
        *RASA_COMMAND, "run",
        "--model", str(settings.model),
        "--endpoints", str(endpoints),
        "--credentials", str(credentials),
        "--interface", settings.host,
        "--port", str(settings.rasa_port),
        # The widget's page (web_server.py) is another origin: socket.io's HTTP long-polling
        # fallback is a cross-origin XHR that the browser blocks without CORS (websockets are not
        # subject to CORS). Sites embedding the widget are added with WIDGET_ORIGINS.
        "--cors", settings.web_url, *settings.widget_origins,
    ]
    if settings.api_token:
        command += ["--enable-api", "--auth-token", settings.api_token]
    return command


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


def render_endpoints(settings: Settings, run_dir: Path, env: Dict[str, str]) -> Path:
    """endpoints.yml with the action server URL matching the port actually used, and the
    database the action server uses too (TRACKER_DB_URL, else SQLite in var/)."""
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"{settings.actions_url}/webhook"
    # The same database the action server files handoff tickets in (actions/database.py).
    endpoints["tracker_store"] = {"type": endpoints["tracker_store"]["type"], "url": database_url(env)}
    lock_store = (env.get("LOCK_STORE_URL") or "").strip()
    if lock_store:
        endpoints["lock_store"] = redis_lock_store(lock_store)
    run_dir.mkdir(exist_ok=True)
    target = run_dir / f"endpoints-{settings.rasa_port}.yml"  # one per server on this machine
    target.write_text(yaml.safe_dump(endpoints, sort_keys=False))
    target.chmod(0o600)  # it may hold the database password
    return target


def redis_lock_store(url: str) -> Dict[str, object]:
    """Rasa's Redis lock store settings from a redis://[:password@]host[:port][/db] URL, so
    several Rasa servers handle one conversation's messages one at a time, in order."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("redis", "rediss"):
        raise SystemExit(f"LOCK_STORE_URL must be a redis:// URL, not {url!r}")
    settings: Dict[str, object] = {"type": "redis", "url": parsed.hostname or "localhost",
                                   "port": parsed.port or 6379,
                                   "db": int(parsed.path.strip("/") or 0)}
    if parsed.password:
        settings["password"] = parsed.password
    if parsed.scheme == "rediss":
        settings["use_ssl"] = True
    return settings


def render_credentials(settings: Settings, run_dir: Path) -> Path:
    """credentials.yml, plus the Telegram channel when it is configured."""
    credentials = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text()) or {}
    if settings.telegram:
        credentials[TELEGRAM_CHANNEL] = settings.telegram
    run_dir.mkdir(exist_ok=True)
    target = run_dir / f"credentials-{settings.rasa_port}.yml"
    target.write_text(yaml.safe_dump(credentials, sort_keys=False))
    target.chmod(0o600)  # it may hold the Telegram token
    return target


def web_server_command(settings: Settings) -> List[str]:
    return [sys.executable, str(PROJECT_ROOT / "scripts" / "web_server.py"),
            "--host", settings.host, "--port", str(settings.web_port),
            "--rasa-url", settings.rasa_url]


def start_all(settings: Settings, servers: Servers) -> None:
    env = dict(os.environ, SANIC_HOST=settings.host)
    run_dir = PROJECT_ROOT / ".run"
    endpoints = render_endpoints(settings, run_dir, env)
    credentials = render_credentials(settings, run_dir)
    servers.start("action server", action_server_command(settings), env)
    servers.start("Rasa server", rasa_server_command(settings, endpoints, credentials), env)
    servers.start("web page server", web_server_command(settings), env)
    wait_until_up(f"{settings.actions_url}/health", servers)
    wait_until_up(f"{settings.rasa_url}/", servers)
    wait_until_up(f"{settings.web_url}/", servers)


def print_where_to_chat(settings: Settings) -> None:
    rest = f"{settings.rasa_url}/webhooks/rest/webhook"
    telegram = (f"on, webhook {settings.telegram['webhook_url']}" if settings.telegram
                else "off (set TELEGRAM_TOKEN, TELEGRAM_BOT_NAME, TELEGRAM_WEBHOOK_URL)")
    print(
        "\nRefund Assistant is running.\n"
        f"  Chat in the browser: {settings.web_url}/\n"
        f"  Chat over REST:  POST {rest}\n"
        f"    curl -s {rest} -H 'Content-Type: application/json' \\\n"
        "      -d '{\"sender\": \"me\", \"message\": \"how do I get my deposit back?\"}'\n"
        f"  Rasa HTTP API:   {'on (token from RASA_API_TOKEN)' if settings.api_token else 'off (set RASA_API_TOKEN to enable it)'}\n"
        f"  Telegram:        {telegram}\n"
        f"  Action server:   {settings.actions_url}\n"
        "Press Ctrl-C to stop everything.\n",
        flush=True,
    )


def chat_in_terminal(settings: Settings, servers: Servers) -> int:
    """`make shell`: the action server in the background, `rasa shell` in the foreground."""
    env = dict(os.environ, SANIC_HOST=settings.host)
    endpoints = render_endpoints(settings, PROJECT_ROOT / ".run", env)
    servers.start("action server", action_server_command(settings), env)
    wait_until_up(f"{settings.actions_url}/health", servers)
    shell = [*RASA_COMMAND, "shell", "--model", str(settings.model),
             "--endpoints", str(endpoints), "--port", str(settings.rasa_port)]
    return subprocess.call(shell, cwd=PROJECT_ROOT, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description="Start the Rasa and action servers.")
    parser.add_argument("--shell", action="store_true", help="chat in the terminal instead")
    args = parser.parse_args()
    settings = Settings.from_env(dict(os.environ))
    if not settings.model.exists():
        print(f"No trained model at {settings.model}: run `make train` first.", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _interrupt)
    if args.shell:
        servers = Servers()
        try:
            return chat_in_terminal(settings, servers)
        except KeyboardInterrupt:
            return 0
        finally:
            servers.stop()

    servers = Servers()
    try:
        start_all(settings, servers)
        print_where_to_chat(settings)
        while True:
            servers.restart_exited()
            time.sleep(0.5)
    except KeyboardInterrupt:
        return 0
    except RuntimeError as error:
        print(f"Could not start Refund Assistant: {error}", file=sys.stderr)
        return 1
    finally:
        print("Stopping all servers...", flush=True)
        servers.stop()
        for name in (f"endpoints-{settings.rasa_port}.yml", f"credentials-{settings.rasa_port}.yml"):
            (PROJECT_ROOT / ".run" / name).unlink(missing_ok=True)  # they may hold secrets


def _interrupt(_signum, _frame) -> None:
    """SIGTERM stops everything the same way Ctrl-C does."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
