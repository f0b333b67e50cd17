"""`make run` and `make shell`: start everything in the foreground, stop all of it together.

`refund-assistant-serve` starts the action server, the Rasa server and the demo page, waits
until each answers, prints where to chat, and supervises them until Ctrl-C or SIGTERM.
`refund-assistant-serve --shell` chats in the terminal instead.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from types import FrameType

from refund_assistant.launcher.commands import (
    action_server_command,
    rasa_server_command,
    rasa_shell_command,
    web_server_command,
)
from refund_assistant.launcher.processes import Servers, wait_until_up
from refund_assistant.launcher.rasa_files import (
    remove_rendered,
    render_credentials,
    render_endpoints,
)
from refund_assistant.settings import PROJECT_ROOT, Settings, SettingsError


def server_env(settings: Settings) -> dict[str, str]:
    return dict(os.environ, SANIC_HOST=settings.host)


def start_all(settings: Settings, servers: Servers) -> None:
    env = server_env(settings)
    endpoints = render_endpoints(settings)
    credentials = render_credentials(settings)
    servers.start("action server", action_server_command(settings), env)
    servers.start("Rasa server", rasa_server_command(settings, endpoints, credentials), env)
    servers.start("web page server", web_server_command(settings), env)
    wait_until_up(f"{settings.actions_url}/health", servers)
    wait_until_up(f"{settings.rasa_url}/", servers)
    wait_until_up(f"{settings.web_url}/", servers)


def print_where_to_chat(settings: Settings) -> None:
    rest = f"{settings.rasa_url}/webhooks/rest/webhook"
    telegram = (
        f"on, webhook {settings.telegram.webhook_url}"
        if settings.telegram
        else "off (set TELEGRAM_TOKEN, TELEGRAM_BOT_NAME, TELEGRAM_WEBHOOK_URL)"
    )
    api = (
        "on (token from RASA_API_TOKEN)"
        if settings.api_token
        else "off (set RASA_API_TOKEN to enable it)"
    )
    print(
        "\nRefund Assistant is running.\n"
        f"  Chat in the browser: {settings.web_url}/\n"
        f"  Chat over REST:  POST {rest}\n"
        f"    curl -s {rest} -H 'Content-Type: application/json' \\\n"
        '      -d \'{"sender": "me", "message": "how do I get my deposit back?"}\'\n'
        f"  Rasa HTTP API:   {api}\n"
        f"  Telegram:        {telegram}\n"
        f"  Action server:   {settings.actions_url}\n"
        "Press Ctrl-C to stop everything.\n",
        flush=True,
    )


def chat_in_terminal(settings: Settings, servers: Servers) -> int:
    """The action server in the background, `rasa shell` in the foreground."""
    env = server_env(settings)
    endpoints = render_endpoints(settings)
    servers.start("action server", action_server_command(settings), env)
    wait_until_up(f"{settings.actions_url}/health", servers)
    return subprocess.call(rasa_shell_command(settings, endpoints), cwd=PROJECT_ROOT, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description="Start the Rasa and action servers.")
    parser.add_argument("--shell", action="store_true", help="chat in the terminal instead")
    args = parser.parse_args()
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"Could not start Refund Assistant: {error}", file=sys.stderr)
        return 2
    if not settings.model.exists():
        print(f"No trained model at {settings.model}: run `make train` first.", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, _interrupt)
    servers = Servers()
    if args.shell:
        try:
            return chat_in_terminal(settings, servers)
        except KeyboardInterrupt:
            return 0
        finally:
            servers.stop()
    try:
        start_all(settings, servers)
        print_where_to_chat(settings)
        while True:
            servers.restart_exited()
            time.sleep(0.5)
    except KeyboardInterrupt:
        return 0
    except (RuntimeError, SettingsError) as error:
        print(f"Could not start Refund Assistant: {error}", file=sys.stderr)
        return 1
    finally:
        print("Stopping all servers...", flush=True)
        servers.stop()
        remove_rendered(settings)


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM stops everything the same way Ctrl-C does."""
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
