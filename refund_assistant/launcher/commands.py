"""The command lines of the three servers `make run` starts.

Why here: the launcher, the tests that start the real bot and the benchmarks must start the
servers exactly as production does; one definition keeps them from drifting apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from refund_assistant.settings import PROJECT_ROOT, Settings

VENV_BIN = Path(sys.executable).parent
# `rasa`, with an apology when the action server is unreachable (addons/rasa_server.py).
RASA_COMMAND = [sys.executable, "-m", "addons.rasa_server"]
WEB_SERVER_SCRIPT = PROJECT_ROOT / "scripts" / "web_server.py"


def action_server_command(settings: Settings) -> list[str]:
    return [
        str(VENV_BIN / "rasa"),
        "run",
        "actions",
        "--actions",
        "actions",
        "--port",
        str(settings.actions_port),
    ]


def rasa_server_command(settings: Settings, endpoints: Path, credentials: Path) -> list[str]:
    command = [
        *RASA_COMMAND,
        "run",
        "--model",
        str(settings.model),
        "--endpoints",
        str(endpoints),
        "--credentials",
        str(credentials),
        "--interface",
        settings.host,
        "--port",
        str(settings.rasa_port),
        # The widget's page (web_server.py) is another origin: socket.io's HTTP long-polling
        # fallback is a cross-origin XHR that the browser blocks without CORS (websockets are not
        # subject to CORS). Sites embedding the widget are added with WIDGET_ORIGINS.
        "--cors",
        settings.web_url,
        *settings.widget_origins,
    ]
    if settings.api_token:
        command += ["--enable-api", "--auth-token", settings.api_token]
    return command


def rasa_shell_command(settings: Settings, endpoints: Path) -> list[str]:
    return [
        *RASA_COMMAND,
        "shell",
        "--model",
        str(settings.model),
        "--endpoints",
        str(endpoints),
        "--port",
        str(settings.rasa_port),
    ]


def web_server_command(settings: Settings) -> list[str]:
    return [
        sys.executable,
        str(WEB_SERVER_SCRIPT),
        "--host",
        settings.host,
        "--port",
        str(settings.web_port),
        "--rasa-url",
        settings.rasa_url,
    ]
