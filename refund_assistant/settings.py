"""Every environment setting Refund Assistant reads, with its default, in one place.

Why: the launcher, the action server (tickets, review dates), the Rasa-server plug-ins and the
report run in different processes but must agree (one database for conversations and tickets,
one review time zone). Each reads `Settings.from_env()` here; nothing else reads `os.environ`.
The README's "Settings" table lists the same names.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytz

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = PROJECT_ROOT / "models" / "refund-assistant.tar.gz"
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "conversations.db"
DEFAULT_REVIEW_TIMEZONE = "Asia/Shanghai"  # AliExpress reviews on Beijing time
DEFAULT_TELEGRAM_API_URL = "https://api.telegram.org"

DATABASE_URL_ENV = "TRACKER_DB_URL"
REVIEW_TIMEZONE_ENV = "REVIEW_TIMEZONE"
TELEGRAM_REQUIRED_WITH_TOKEN = ("TELEGRAM_BOT_NAME", "TELEGRAM_WEBHOOK_URL")
TELEGRAM_SECRET_ENV = "TELEGRAM_WEBHOOK_SECRET"
# What setWebhook accepts as secret_token: https://core.telegram.org/bots/api#setwebhook
TELEGRAM_SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class SettingsError(ValueError):
    """A setting holds a value the assistant cannot run with; the message names the variable."""


def new_webhook_secret() -> str:
    """A random secret_token for Telegram's setWebhook: 256 bits as URL-safe base64, whose
    alphabet (A-Z a-z 0-9 _ -) is exactly the one Telegram allows; 43 characters."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class TelegramSettings:
    token: str
    bot_name: str
    webhook_url: str
    api_url: str = DEFAULT_TELEGRAM_API_URL
    # TELEGRAM_WEBHOOK_SECRET, else a new one each start: Telegram sends it with every update,
    # and the channel refuses updates without it (forged ones). Kept out of repr and logs.
    webhook_secret: str = field(default_factory=new_webhook_secret, repr=False)


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"  # BIND_HOST
    rasa_port: int = 5005  # RASA_PORT
    actions_port: int = 5055  # ACTIONS_PORT
    web_port: int = 8080  # WEB_PORT
    api_token: str | None = None  # RASA_API_TOKEN: the Rasa HTTP API is off without it
    # REST_TOKEN: when set, the REST channel needs `Authorization: Bearer <it>`
    rest_token: str | None = field(default=None, repr=False)
    model: Path = DEFAULT_MODEL  # RASA_MODEL
    database_url_setting: str | None = None  # TRACKER_DB_URL, else SQLite in var/
    handoff_webhook_url: str | None = None  # HANDOFF_WEBHOOK_URL: tickets only stored without
    review_timezone: str = DEFAULT_REVIEW_TIMEZONE  # REVIEW_TIMEZONE
    widget_origins: list[str] = field(default_factory=list)  # WIDGET_ORIGINS
    lock_store_url: str | None = None  # LOCK_STORE_URL: Redis lock store for several servers
    # MESSAGES_IN_PROGRESS: messages one Rasa server handles at once; the rest wait in order
    messages_in_progress: int = 4
    # FEEDBACK_PAUSE_SECONDS: a quiet seller on the widget or Telegram is asked whether the
    # answer helped after this long; 0 turns it off
    feedback_pause_seconds: int = 120
    telegram: TelegramSettings | None = None  # TELEGRAM_*: the channel is off without a token

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """The settings in `env` (default: this process's environment); blank counts as unset."""
        env = os.environ if env is None else env

        def get(name: str) -> str | None:
            return (env.get(name) or "").strip() or None

        return cls(
            host=get("BIND_HOST") or cls.host,
            rasa_port=_port(env, "RASA_PORT", cls.rasa_port),
            actions_port=_port(env, "ACTIONS_PORT", cls.actions_port),
            web_port=_port(env, "WEB_PORT", cls.web_port),
            api_token=get("RASA_API_TOKEN"),
            rest_token=get("REST_TOKEN"),
            model=Path(get("RASA_MODEL") or DEFAULT_MODEL),
            database_url_setting=get(DATABASE_URL_ENV),
            handoff_webhook_url=get("HANDOFF_WEBHOOK_URL"),
            review_timezone=_timezone(get(REVIEW_TIMEZONE_ENV) or DEFAULT_REVIEW_TIMEZONE),
            widget_origins=(get("WIDGET_ORIGINS") or "").replace(",", " ").split(),
            lock_store_url=get("LOCK_STORE_URL"),
            messages_in_progress=_whole(env, "MESSAGES_IN_PROGRESS", cls.messages_in_progress),
            feedback_pause_seconds=_whole(
                env, "FEEDBACK_PAUSE_SECONDS", cls.feedback_pause_seconds, minimum=0
            ),
            telegram=_telegram(get),
        )

    @property
    def database_url(self) -> str:
        """SQLAlchemy URL of the database for conversations and handoff tickets."""
        if self.database_url_setting:
            return self.database_url_setting
        DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def actions_url(self) -> str:
        return f"http://{self.host}:{self.actions_port}"

    @property
    def web_url(self) -> str:
        return f"http://{self.host}:{self.web_port}"


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    value = (env.get(name) or "").strip()
    if not value:
        return default
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise SettingsError(f"{name} must be a port number (1-65535), not {value!r}")
    return int(value)


def _whole(env: Mapping[str, str], name: str, default: int, minimum: int = 1) -> int:
    value = (env.get(name) or "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < minimum:
        raise SettingsError(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return int(value)


def _timezone(name: str) -> str:
    """A typo in the deployment fails loudly instead of shifting every "today" by hours."""
    try:
        pytz.timezone(name)
    except pytz.UnknownTimeZoneError:
        raise SettingsError(
            f"{REVIEW_TIMEZONE_ENV}: unknown time zone {name!r}: use an IANA name such as "
            f"{DEFAULT_REVIEW_TIMEZONE!r}"
        ) from None
    return name


def _telegram(get) -> TelegramSettings | None:  # type: ignore[no-untyped-def]
    token = get("TELEGRAM_TOKEN")
    if not token:
        return None
    missing = [name for name in TELEGRAM_REQUIRED_WITH_TOKEN if not get(name)]
    if missing:
        raise SettingsError(f"TELEGRAM_TOKEN is set but {', '.join(missing)} is not.")
    return TelegramSettings(
        token=token,
        bot_name=get("TELEGRAM_BOT_NAME"),
        webhook_url=get("TELEGRAM_WEBHOOK_URL"),
        api_url=get("TELEGRAM_API_URL") or DEFAULT_TELEGRAM_API_URL,
        webhook_secret=_webhook_secret(get(TELEGRAM_SECRET_ENV)),
    )


def _webhook_secret(value: str | None) -> str:
    """The configured secret, checked against Telegram's rules (setWebhook would refuse it at
    start-up with a less helpful message), else a new random one."""
    if value is None:
        return new_webhook_secret()
    if not TELEGRAM_SECRET_PATTERN.fullmatch(value):
        raise SettingsError(
            f"{TELEGRAM_SECRET_ENV} must be 1 to 256 characters from A-Z, a-z, 0-9, _ and -."
        )
    return value
