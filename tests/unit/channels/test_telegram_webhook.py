"""The Telegram channel registers its webhook with a secret, checked against the fake Bot API
(no Rasa server): aiogram 2.15 cannot send `secret_token`, so the channel calls setWebhook
itself, and its errors must name neither the bot token nor the secret."""

import pytest
from rasa.shared.exceptions import RasaException

from channels.telegram import ALLOWED_UPDATES, TelegramInput
from refund_assistant.settings import TELEGRAM_SECRET_PATTERN
from tests.integration.fake_telegram_api import FakeTelegramAPI

TOKEN = "123456:UNIT-TOKEN"
WEBHOOK_URL = "https://bot.example.com/webhooks/telegram/webhook"


@pytest.fixture
def api():
    with FakeTelegramAPI(TOKEN, "unit_bot") as fake:
        yield fake


def channel(api_url, token=TOKEN, **credentials):
    return TelegramInput.from_credentials(
        {
            "access_token": token,
            "verify": "unit_bot",
            "webhook_url": WEBHOOK_URL,
            "api_base_url": api_url,
            **credentials,
        }
    )


async def test_set_webhook_sends_the_secret_and_the_handled_update_types(api):
    await channel(api.url, webhook_secret="s3cret_Value-1").register_webhook()
    assert api.calls("setWebhook") == [
        {"url": WEBHOOK_URL, "secret_token": "s3cret_Value-1", "allowed_updates": ALLOWED_UPDATES}
    ]
    assert (api.webhook_url, api.webhook_secret) == (WEBHOOK_URL, "s3cret_Value-1")


async def test_credentials_without_a_secret_still_get_one(api):
    first, second = channel(api.url), channel(api.url)
    await first.register_webhook()
    assert api.webhook_secret == first.webhook_secret != second.webhook_secret
    assert TELEGRAM_SECRET_PATTERN.fullmatch(first.webhook_secret)


async def test_a_refused_set_webhook_names_neither_the_token_nor_the_secret(api):
    wrong = channel(api.url, token="999:WRONG-TOKEN", webhook_secret="s3cret_Value-1")
    with pytest.raises(RasaException, match="Unauthorized") as refused:
        await wrong.register_webhook()
    assert "WRONG-TOKEN" not in str(refused.value) and "s3cret" not in str(refused.value)


async def test_an_unreachable_bot_api_is_a_clear_error():
    unreachable = channel("http://127.0.0.1:9", webhook_secret="s3cret_Value-1")
    with pytest.raises(RasaException, match="Failed to set channel webhook") as refused:
        await unreachable.register_webhook()
    assert TOKEN not in str(refused.value) and "s3cret" not in str(refused.value)
