"""Settings come from the environment with their defaults, and a wrong value is refused with
the variable's name."""

import pytest

from refund_assistant.settings import (
    DEFAULT_SQLITE_PATH,
    TELEGRAM_SECRET_PATTERN,
    Settings,
    SettingsError,
)


def test_review_timezone_default():
    assert Settings.from_env({}).review_timezone == "Asia/Shanghai"


def test_review_timezone_blank_means_default():
    assert Settings.from_env({"REVIEW_TIMEZONE": "  "}).review_timezone == "Asia/Shanghai"


def test_review_timezone_from_env():
    assert (
        Settings.from_env({"REVIEW_TIMEZONE": "Europe/Moscow"}).review_timezone == "Europe/Moscow"
    )


def test_review_timezone_invalid():
    with pytest.raises(SettingsError, match=r"REVIEW_TIMEZONE.*Mars/Olympus"):
        Settings.from_env({"REVIEW_TIMEZONE": "Mars/Olympus"})


def test_defaults_when_nothing_is_set():
    settings = Settings.from_env({})
    assert (settings.host, settings.rasa_port, settings.actions_port, settings.web_port) == (
        "127.0.0.1",
        5005,
        5055,
        8080,
    )
    assert settings.api_token is None and settings.telegram is None
    assert settings.handoff_webhook_url is None and settings.lock_store_url is None
    assert settings.database_url == f"sqlite:///{DEFAULT_SQLITE_PATH}"


def test_values_from_the_environment():
    settings = Settings.from_env(
        {
            "TRACKER_DB_URL": " postgresql://u@h/db ",
            "RASA_PORT": "6005",
            "WIDGET_ORIGINS": "https://a.example, https://b.example",
            "HANDOFF_WEBHOOK_URL": "http://hooks/tickets",
        }
    )
    assert settings.database_url == "postgresql://u@h/db"
    assert settings.rasa_port == 6005 and settings.rasa_url == "http://127.0.0.1:6005"
    assert settings.widget_origins == ["https://a.example", "https://b.example"]
    assert settings.handoff_webhook_url == "http://hooks/tickets"


@pytest.mark.parametrize("value", ["http", "0", "70000", "-1"])
def test_a_port_must_be_a_port_number(value):
    with pytest.raises(SettingsError, match="RASA_PORT"):
        Settings.from_env({"RASA_PORT": value})


def test_telegram_needs_all_three_settings():
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_URL"):
        Settings.from_env({"TELEGRAM_TOKEN": "1:abc", "TELEGRAM_BOT_NAME": "b"})
    telegram = Settings.from_env(
        {
            "TELEGRAM_TOKEN": "1:abc",
            "TELEGRAM_BOT_NAME": "b",
            "TELEGRAM_WEBHOOK_URL": "https://x/webhook",
        }
    ).telegram
    assert telegram is not None
    assert (telegram.token, telegram.bot_name, telegram.api_url) == (
        "1:abc",
        "b",
        "https://api.telegram.org",
    )


TELEGRAM = {
    "TELEGRAM_TOKEN": "1:abc",
    "TELEGRAM_BOT_NAME": "b",
    "TELEGRAM_WEBHOOK_URL": "https://x/webhook",
}


def test_the_telegram_webhook_secret_is_taken_from_the_environment():
    secret = "Abc_123-" * 32  # 256 characters, Telegram's maximum
    telegram = Settings.from_env({**TELEGRAM, "TELEGRAM_WEBHOOK_SECRET": secret}).telegram
    assert telegram.webhook_secret == secret


def test_without_a_webhook_secret_each_start_makes_a_new_one_telegram_accepts():
    first = Settings.from_env(TELEGRAM).telegram.webhook_secret
    second = Settings.from_env({**TELEGRAM, "TELEGRAM_WEBHOOK_SECRET": "  "}).telegram
    assert first != second.webhook_secret
    for secret in (first, second.webhook_secret):
        assert TELEGRAM_SECRET_PATTERN.fullmatch(secret) and len(secret) >= 40


@pytest.mark.parametrize("secret", ["has space", "semi;colon", "ü", "x" * 257, "a/b", "a=b"])
def test_a_webhook_secret_telegram_would_refuse_stops_start_up(secret):
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_SECRET") as refused:
        Settings.from_env({**TELEGRAM, "TELEGRAM_WEBHOOK_SECRET": secret})
    assert secret not in str(refused.value)  # a secret is never echoed


def test_rest_token():
    assert Settings.from_env({}).rest_token is None
    assert Settings.from_env({"REST_TOKEN": " "}).rest_token is None
    assert Settings.from_env({"REST_TOKEN": " t0k3n "}).rest_token == "t0k3n"


def test_secrets_are_not_in_the_settings_repr():
    settings = Settings.from_env(
        {**TELEGRAM, "TELEGRAM_WEBHOOK_SECRET": "hook-secret", "REST_TOKEN": "rest-secret"}
    )
    assert "hook-secret" not in repr(settings) and "rest-secret" not in repr(settings)


def test_messages_in_progress_defaults_to_a_few_and_reads_the_environment():
    assert Settings.from_env({}).messages_in_progress == 4
    assert Settings.from_env({"MESSAGES_IN_PROGRESS": " 8 "}).messages_in_progress == 8


@pytest.mark.parametrize("value", ["0", "-1", "four", "2.5"])
def test_messages_in_progress_must_be_a_whole_number_of_at_least_one(value):
    with pytest.raises(SettingsError, match="MESSAGES_IN_PROGRESS"):
        Settings.from_env({"MESSAGES_IN_PROGRESS": value})


def test_the_feedback_pause_defaults_to_two_minutes_and_zero_turns_it_off():
    assert Settings.from_env({}).feedback_pause_seconds == 120
    assert Settings.from_env({"FEEDBACK_PAUSE_SECONDS": "0"}).feedback_pause_seconds == 0
    with pytest.raises(SettingsError, match="FEEDBACK_PAUSE_SECONDS"):
        Settings.from_env({"FEEDBACK_PAUSE_SECONDS": "-5"})
