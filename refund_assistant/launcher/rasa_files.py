"""The endpoints and credentials files `rasa run` reads, filled in from the settings.

Why generated: the committed `endpoints.yml` and `credentials.yml` hold no secrets and no
machine-specific ports; the launcher writes a copy with the ports actually used, the database
(TRACKER_DB_URL, else SQLite in var/), the Redis lock store, the REST channel's token and the
Telegram channel with its webhook secret to `.run/`, readable by the owner only, and removes it
when it stops. Secrets reach the Rasa server only through these files, never its command line.
"""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path
from typing import Any

import yaml

from refund_assistant.settings import PROJECT_ROOT, Settings, SettingsError

TELEGRAM_CHANNEL = "channels.telegram.TelegramInput"
REST_CHANNEL = "channels.rest.RestInput"
RUN_DIR = PROJECT_ROOT / ".run"


def render_endpoints(settings: Settings, run_dir: Path = RUN_DIR) -> Path:
    """endpoints.yml with the action server URL matching the port actually used, and the
    database the action server files tickets in."""
    endpoints = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text())
    endpoints["action_endpoint"]["url"] = f"{settings.actions_url}/webhook"
    endpoints["tracker_store"] = {
        "type": endpoints["tracker_store"]["type"],
        "url": settings.database_url,
        # only this server writes its conversations unless several share a lock store
        "remember_conversations": not settings.lock_store_url,
    }
    if settings.lock_store_url:
        endpoints["lock_store"] = redis_lock_store(settings.lock_store_url)
    return _write_private(run_dir / f"endpoints-{settings.rasa_port}.yml", endpoints)


def redis_lock_store(url: str) -> dict[str, str | int | bool]:
    """Rasa's Redis lock store settings from a redis://[:password@]host[:port][/db] URL, so
    several Rasa servers handle one conversation's messages one at a time, in order."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("redis", "rediss"):
        raise SettingsError(f"LOCK_STORE_URL must be a redis:// URL, not {url!r}")
    settings: dict[str, str | int | bool] = {
        "type": "redis",
        "url": parsed.hostname or "localhost",
        "port": parsed.port or 6379,
        "db": int(parsed.path.strip("/") or 0),
    }
    if parsed.password:
        settings["password"] = parsed.password
    if parsed.scheme == "rediss":
        settings["use_ssl"] = True
    return settings


def render_credentials(settings: Settings, run_dir: Path = RUN_DIR) -> Path:
    """credentials.yml, plus the REST token (REST_TOKEN) and the Telegram channel when they are
    configured."""
    credentials = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text()) or {}
    if settings.rest_token:
        credentials[REST_CHANNEL] = {
            **(credentials.get(REST_CHANNEL) or {}),
            "token": settings.rest_token,
        }
    if settings.telegram:
        credentials[TELEGRAM_CHANNEL] = {
            "access_token": settings.telegram.token,
            "verify": settings.telegram.bot_name,
            "webhook_url": settings.telegram.webhook_url,
            "api_base_url": settings.telegram.api_url,
            "webhook_secret": settings.telegram.webhook_secret,
        }
    return _write_private(run_dir / f"credentials-{settings.rasa_port}.yml", credentials)


def remove_rendered(settings: Settings, run_dir: Path = RUN_DIR) -> None:
    """The rendered files may hold the database password, the REST token or Telegram's token
    and webhook secret."""
    for name in (f"endpoints-{settings.rasa_port}.yml", f"credentials-{settings.rasa_port}.yml"):
        (run_dir / name).unlink(missing_ok=True)


def _write_private(target: Path, content: dict[str, Any]) -> Path:
    """Owner only from the first byte (it may hold a password or a token): created with mode
    0600 rather than chmod-ed after writing, and a leftover file is made private first."""
    target.parent.mkdir(exist_ok=True)
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(yaml.safe_dump(content, sort_keys=False))
    return target
