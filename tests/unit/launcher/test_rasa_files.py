"""What `make run` hands to Rasa, from the environment: databases, lock store, channels."""

import pytest
import yaml

from refund_assistant.launcher import commands, rasa_files
from refund_assistant.settings import (
    DEFAULT_SQLITE_PATH,
    TELEGRAM_SECRET_PATTERN,
    Settings,
    SettingsError,
)


def rendered(tmp_path, env):
    settings = Settings.from_env(env)
    endpoints = yaml.safe_load(rasa_files.render_endpoints(settings, tmp_path).read_text())
    credentials = yaml.safe_load(rasa_files.render_credentials(settings, tmp_path).read_text())
    return settings, endpoints, credentials


def test_defaults_sqlite_no_lock_store_no_telegram(tmp_path):
    settings, endpoints, credentials = rendered(tmp_path, {})
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:5055/webhook"
    assert endpoints["tracker_store"] == {
        "type": "addons.remembering_tracker_store.RememberingTrackerStore",
        "url": f"sqlite:///{DEFAULT_SQLITE_PATH}",
        "remember_conversations": True,
    }
    assert "lock_store" not in endpoints
    assert set(credentials) == {"channels.rest.RestInput", "channels.socketio.SessionSocketIOInput"}
    assert settings.host == "127.0.0.1" and settings.api_token is None


def test_production_settings(tmp_path):
    env = {
        "TRACKER_DB_URL": "postgresql://rasa:secret@db.internal:5433/rasa",
        "LOCK_STORE_URL": "redis://:pw@redis.internal:6380/2",
        "ACTIONS_PORT": "6055",
        "RASA_PORT": "6005",
    }
    settings, endpoints, _ = rendered(tmp_path, env)
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:6055/webhook"
    assert endpoints["tracker_store"]["url"] == env["TRACKER_DB_URL"]
    # a seller's next message may reach the other server: read every conversation afresh
    assert endpoints["tracker_store"]["remember_conversations"] is False
    assert endpoints["lock_store"] == {
        "type": "redis",
        "url": "redis.internal",
        "port": 6380,
        "db": 2,
        "password": "pw",
    }
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["credentials-6005.yml", "endpoints-6005.yml"]
    assert all((tmp_path / f).stat().st_mode & 0o077 == 0 for f in files)  # owner only
    rasa_files.remove_rendered(settings, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_telegram_is_added_only_when_configured(tmp_path):
    env = {
        "TELEGRAM_TOKEN": "1:abc",
        "TELEGRAM_BOT_NAME": "refund_bot",
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/webhooks/telegram/webhook",
    }
    settings, _, credentials = rendered(tmp_path, env)
    assert credentials[rasa_files.TELEGRAM_CHANNEL] == {
        "access_token": "1:abc",
        "verify": "refund_bot",
        "webhook_url": "https://bot.example.com/webhooks/telegram/webhook",
        "api_base_url": "https://api.telegram.org",
        "webhook_secret": settings.telegram.webhook_secret,  # generated: none was set
    }
    assert TELEGRAM_SECRET_PATTERN.fullmatch(settings.telegram.webhook_secret)
    with pytest.raises(SettingsError, match="TELEGRAM_WEBHOOK_URL"):
        Settings.from_env({"TELEGRAM_TOKEN": "1:abc", "TELEGRAM_BOT_NAME": "b"})


def test_the_telegram_webhook_secret_reaches_the_channel_through_the_private_file(tmp_path):
    env = {
        "TELEGRAM_TOKEN": "1:abc",
        "TELEGRAM_BOT_NAME": "refund_bot",
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.com/webhooks/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": "s3cret_From-env",
    }
    settings, _, credentials = rendered(tmp_path, env)
    assert credentials[rasa_files.TELEGRAM_CHANNEL]["webhook_secret"] == "s3cret_From-env"
    path = tmp_path / f"credentials-{settings.rasa_port}.yml"
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_rest_token_is_added_only_when_set(tmp_path):
    _, _, open_rest = rendered(tmp_path, {})
    assert open_rest[rasa_files.REST_CHANNEL] is None  # credentials.yml as committed
    _, _, with_token = rendered(tmp_path, {"REST_TOKEN": "t0k3n"})
    assert with_token[rasa_files.REST_CHANNEL] == {"token": "t0k3n"}
    assert set(with_token) == set(open_rest)


def test_a_leftover_readable_file_is_made_private_before_the_secrets_are_written(tmp_path):
    settings = Settings.from_env({"REST_TOKEN": "t0k3n"})
    leftover = tmp_path / f"credentials-{settings.rasa_port}.yml"
    leftover.write_text("old")
    leftover.chmod(0o644)
    rasa_files.render_credentials(settings, tmp_path)
    assert leftover.stat().st_mode & 0o777 == 0o600
    assert "t0k3n" in leftover.read_text()


def test_the_api_is_on_only_with_a_token(tmp_path):
    off = commands.rasa_server_command(Settings(), tmp_path / "e.yml", tmp_path / "c.yml")
    on = commands.rasa_server_command(
        Settings(api_token="t0ken"), tmp_path / "e.yml", tmp_path / "c.yml"
    )
    assert "--enable-api" not in off
    assert on[on.index("--enable-api") :] == ["--enable-api", "--auth-token", "t0ken"]
    assert off[off.index("--interface") + 1] == "127.0.0.1"


def test_a_lock_store_url_must_be_redis():
    with pytest.raises(SettingsError, match="redis://"):
        rasa_files.redis_lock_store("http://example.com")
