"""The Telegram channel end to end: the real bot (`scripts/serve.py`, as `make run` starts it) with
the Telegram environment variables set, talking to a fake Bot API on localhost. Updates are
POSTed to the webhook the way Telegram posts them; what the bot sends back is read from the fake
API's record. Expected texts and keyboards come from domain.yml."""

import itertools
import json
import time
import urllib.request
from typing import Any

import pytest

from channels.telegram import TelegramOutput
from refund_assistant.launcher.local_bot import MODEL, start_bot
from refund_assistant.telegram_messages import MESSAGE_LIMIT, telegram_length
from tests.integration.fake_telegram_api import FakeTelegramAPI
from tests.support import DOMAIN

pytestmark = pytest.mark.servers

TOKEN = "123456:TEST-TOKEN"
BOT_NAME = "refund_test_bot"
WEBHOOK_URL = "https://example.invalid/webhooks/telegram/webhook"
_ids = itertools.count(1000)


def response(name: str) -> dict[str, Any]:
    variations = DOMAIN["responses"][name]
    assert len(variations) == 1, f"{name} has variations; the test expects exactly one text"
    return variations[0]


def expected_message(name: str) -> dict[str, Any]:
    """What sendMessage should receive for a domain response: its text and a one-per-row
    inline keyboard of its buttons."""
    answer = response(name)
    message: dict[str, Any] = {"text": answer["text"]}
    if answer.get("buttons"):
        message["reply_markup"] = {
            "inline_keyboard": [
                [{"text": b["title"], "callback_data": b["payload"]}] for b in answer["buttons"]
            ]
        }
    return message


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def telegram_api():
    with FakeTelegramAPI(TOKEN, BOT_NAME) as api:
        yield api


@pytest.fixture(scope="module")
def telegram_bot(telegram_api):
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    bot = start_bot(
        env={
            "TELEGRAM_TOKEN": TOKEN,
            "TELEGRAM_BOT_NAME": BOT_NAME,
            "TELEGRAM_WEBHOOK_URL": WEBHOOK_URL,
            "TELEGRAM_API_URL": telegram_api.url,
        }
    )
    yield bot
    bot.stop()


@pytest.fixture
def chat(telegram_api, telegram_bot):
    """A fresh Telegram chat with the running bot."""
    return Chat(telegram_api, telegram_bot.url, chat_id=next(_ids))


class Chat:
    def __init__(self, api: FakeTelegramAPI, rasa_url: str, chat_id: int) -> None:
        self.api = api
        self.webhook = f"{rasa_url}/webhooks/telegram/webhook"
        self.chat_id = chat_id
        self.user = {"id": chat_id, "is_bot": False, "first_name": "Seller"}
        self.chat = {"id": chat_id, "type": "private", "first_name": "Seller"}

    def post(self, update: dict[str, Any]) -> str:
        """POSTs one Update like Telegram does; returns the webhook's answer."""
        request = urllib.request.Request(
            self.webhook,
            data=json.dumps({"update_id": next(_ids), **update}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as reply:
            assert reply.status == 200
            return reply.read().decode()

    def send_text(self, text: str) -> list[dict[str, Any]]:
        """The seller types `text`; returns what the bot sent to this chat in answer."""
        message: dict[str, Any] = {
            "message_id": next(_ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.user,
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._answers_to({"message": message})

    def press(self, data: str, query_id: str | None = None) -> list[dict[str, Any]]:
        """The seller presses an inline button whose callback_data is `data`."""
        shown = {
            "message_id": next(_ids),
            "date": int(time.time()),
            "chat": self.chat,
            "from": self.api.bot_user(),
            "text": "an earlier answer",
        }
        query = {
            "id": query_id or f"query-{next(_ids)}",
            "from": self.user,
            "chat_instance": f"instance-{self.chat_id}",
            "message": shown,
            "data": data,
        }
        return self._answers_to({"callback_query": query})

    def _answers_to(self, update: dict[str, Any]) -> list[dict[str, Any]]:
        before = len(self.sent())
        assert self.post(update) == "success"
        return self.sent()[before:]

    def sent(self) -> list[dict[str, Any]]:
        """text and reply_markup of every sendMessage to this chat, in order."""
        return [
            {key: call[key] for key in ("text", "reply_markup") if key in call}
            for call in self.api.calls("sendMessage")
            if call["chat_id"] == str(self.chat_id)
        ]


# --- start-up ------------------------------------------------------------------------------------


def test_the_webhook_is_registered_with_the_configured_url_at_start(telegram_api, telegram_bot):
    assert telegram_api.calls("setWebhook") == [
        {"url": WEBHOOK_URL, "allowed_updates": ["message", "edited_message", "callback_query"]}
    ]
    assert telegram_api.webhook_url == WEBHOOK_URL


def test_the_webhook_route_is_up(telegram_bot):
    with urllib.request.urlopen(f"{telegram_bot.url}/webhooks/telegram/", timeout=10) as reply:
        assert json.loads(reply.read()) == {"status": "ok"}


# --- conversations -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["/start", f"/start@{BOT_NAME}"])
def test_start_is_answered_with_the_greeting_and_its_menu(chat, command):
    assert chat.send_text(command) == [expected_message("utter_greet")]


def test_a_question_gets_its_answer_with_one_button_per_row(chat):
    # A new chat's first answer is followed by the feedback question, with its own keyboard.
    assert chat.send_text("how long does the review take?") == [
        expected_message("utter_review_time"),
        expected_message("utter_ask_feedback"),
    ]


def test_a_button_press_sends_its_payload_and_is_acknowledged(chat, telegram_api):
    assert chat.press("/ask_documents", query_id="query-documents") == [
        expected_message("utter_documents"),
        expected_message("utter_ask_feedback"),
    ]
    assert chat.press("/feedback_helpful") == [expected_message("utter_feedback_thanks")]
    assert {"callback_query_id": "query-documents"} in telegram_api.calls("answerCallbackQuery")


def test_restart_starts_over_with_the_greeting(chat):
    chat.send_text("how long does the review take?")
    assert chat.send_text("/restart") == [expected_message("utter_greet")]


def test_the_greeting_keyboard_is_one_button_per_row(chat):
    (greeting,) = chat.send_text("/start")
    rows = greeting["reply_markup"]["inline_keyboard"]
    assert len(rows) == len(response("utter_greet")["buttons"]) > 1
    assert all(len(row) == 1 for row in rows)


# --- long answers --------------------------------------------------------------------------------


def long_answer() -> str:
    """Every plain reply text of the domain, one paragraph each: far over Telegram's limit."""
    texts = [
        v["text"]
        for vs in DOMAIN["responses"].values()
        for v in vs
        if "text" in v and "{" not in v["text"]
    ]
    text = "\n\n".join(t.strip() for t in texts)
    assert telegram_length(text) > 2 * MESSAGE_LIMIT
    return text


class RecordingOutput(TelegramOutput):
    """The channel's output with Telegram replaced by a list of what would be sent."""

    def __init__(self) -> None:
        super().__init__(TOKEN)
        self.sent: list[dict[str, Any]] = []

    async def send_message(self, chat_id, text, reply_markup=None, **kwargs) -> None:
        self.sent.append(
            {
                "chat_id": chat_id,
                "text": text,
                "reply_markup": reply_markup.to_python() if reply_markup else None,
            }
        )


async def test_a_long_answer_with_buttons_is_split_with_the_keyboard_on_the_last_part():
    text, buttons = long_answer(), response("utter_greet")["buttons"]
    output = RecordingOutput()
    await output.send_response("42", {"text": text, "buttons": buttons})
    assert len(output.sent) >= 3
    assert all(m["chat_id"] == "42" for m in output.sent)
    assert all(0 < telegram_length(m["text"]) <= MESSAGE_LIMIT for m in output.sent)
    assert "\n\n".join(m["text"] for m in output.sent) == text  # cut at paragraph breaks only
    assert [m["reply_markup"] is None for m in output.sent[:-1]] == [True] * (len(output.sent) - 1)
    assert output.sent[-1]["reply_markup"] == expected_message("utter_greet")["reply_markup"]


async def test_a_long_answer_without_buttons_is_split_the_same_way():
    text = long_answer()
    output = RecordingOutput()
    await output.send_response("42", {"text": text})
    assert "\n\n".join(m["text"] for m in output.sent) == text
    assert all(m["reply_markup"] is None for m in output.sent)


async def test_a_reply_that_fits_is_one_message_even_with_line_breaks_and_paragraphs():
    text = "Before you apply:\n- close the store\n- finish every order\n\nThen apply."
    output = RecordingOutput()
    await output.send_response("42", {"text": text})
    assert [m["text"] for m in output.sent] == [text]


async def test_a_long_answer_goes_through_the_bot_api_as_several_accepted_messages(telegram_api):
    chat_id = next(_ids)
    text, buttons = long_answer(), response("utter_documents")["buttons"]
    output = TelegramOutput(TOKEN, api_base_url=telegram_api.url)
    try:
        await output.send_response(str(chat_id), {"text": text, "buttons": buttons})
    finally:
        await output.session.close()
    sent = [c for c in telegram_api.calls("sendMessage") if c["chat_id"] == str(chat_id)]
    assert "\n\n".join(c["text"] for c in sent) == text
    assert ["reply_markup" in c for c in sent] == [False] * (len(sent) - 1) + [True]
    assert sent[-1]["reply_markup"] == expected_message("utter_documents")["reply_markup"]
