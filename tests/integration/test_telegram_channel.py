"""The Telegram channel end to end: the real bot (`scripts/serve.py`, as `make run` starts it) with
the Telegram environment variables set, talking to a fake Bot API on localhost. Updates are
POSTed to the webhook the way Telegram posts them, with the secret the bot registered; what the
bot sends back is read from the fake API's record. Expected texts and keyboards come from
domain.yml. No TELEGRAM_WEBHOOK_SECRET is set, so the bot generates its secret, as by default."""

import itertools
import json
import sqlite3
import time
import urllib.error
import urllib.request
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from channels.telegram import TelegramOutput
from refund_assistant.launcher.local_bot import MODEL, start_bot
from refund_assistant.message_checks import (
    MAX_BODY_BYTES,
    MAX_MESSAGE_CHARS,
    TELEGRAM_SECRET_HEADER,
)
from refund_assistant.response_variants import for_language
from refund_assistant.settings import TELEGRAM_SECRET_PATTERN
from refund_assistant.telegram_messages import MESSAGE_LIMIT, telegram_length
from tests.integration.fake_telegram_api import FakeTelegramAPI
from tests.integration.hostile_bodies import (
    deep_json,
    huge_json,
    json_values,
    non_ascii_text,
    wrongly_encoded,
)
from tests.support import DOMAIN

pytestmark = pytest.mark.servers


def short_id(value):
    """A readable test id for a (possibly huge) body."""
    return repr(value)[:40] if isinstance(value, bytes) else None


TOKEN = "123456:TEST-TOKEN"
BOT_NAME = "refund_test_bot"
WEBHOOK_URL = "https://example.invalid/webhooks/telegram/webhook"
_ids = itertools.count(1000)


def response(name: str, language: str = "en") -> dict[str, Any]:
    """The response's one variation for `language` (on any channel but the terminal chat)."""
    variations = [
        v for v in for_language(DOMAIN["responses"][name], language) if not v.get("channel")
    ]
    assert len(variations) == 1, f"{name} has variations; the test expects exactly one text"
    return dict(variations[0])


def expected_message(name: str) -> dict[str, Any]:
    return expected_message_in(name, "en")


def expected_message_in(name: str, language: str) -> dict[str, Any]:
    """What sendMessage should receive for a domain response in `language`: its text and a
    one-per-row inline keyboard of its buttons."""
    answer = response(name, language)
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
            "FEEDBACK_PAUSE_SECONDS": "0",  # nothing sent later that "sends nothing" would see
        }
    )
    yield bot
    bot.stop()


@pytest.fixture(scope="module")
def webhook_secret(telegram_api, telegram_bot) -> str:
    """The secret the bot registered with setWebhook, which Telegram sends with every update."""
    return telegram_api.calls("setWebhook")[0]["secret_token"]


@pytest.fixture
def chat(telegram_api, telegram_bot, webhook_secret):
    """A fresh Telegram chat with the running bot."""
    return Chat(telegram_api, telegram_bot.url, chat_id=next(_ids), secret=webhook_secret)


def post_raw(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    """(status, body) of one POST, whatever the status."""
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            return reply.status, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Chat:
    def __init__(self, api: FakeTelegramAPI, rasa_url: str, chat_id: int, secret: str) -> None:
        self.api = api
        self.webhook = f"{rasa_url}/webhooks/telegram/webhook"
        self.chat_id = chat_id
        self.secret = secret
        self.user = {"id": chat_id, "is_bot": False, "first_name": "Seller"}
        self.chat = {"id": chat_id, "type": "private", "first_name": "Seller"}

    def post(self, update: dict[str, Any]) -> str:
        """POSTs one Update like Telegram does, with the webhook's secret; returns the answer."""
        status, answer = post_raw(
            self.webhook,
            json.dumps({"update_id": next(_ids), **update}).encode(),
            {TELEGRAM_SECRET_HEADER: self.secret},
        )
        assert status == 200, answer
        return answer.decode()

    def text_update(self, text: str) -> dict[str, Any]:
        return {
            "update_id": next(_ids),
            "message": {
                "message_id": next(_ids),
                "date": int(time.time()),
                "chat": self.chat,
                "from": self.user,
                "text": text,
            },
        }

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


def test_the_webhook_is_registered_with_the_url_and_a_new_secret_at_start(
    telegram_api, telegram_bot, webhook_secret
):
    assert telegram_api.calls("setWebhook")[0] == {
        "url": WEBHOOK_URL,
        "secret_token": webhook_secret,
        "allowed_updates": ["message", "edited_message", "callback_query"],
    }
    assert telegram_api.webhook_url == WEBHOOK_URL
    # generated with secrets.token_urlsafe: Telegram's alphabet, 256 bits
    assert TELEGRAM_SECRET_PATTERN.fullmatch(webhook_secret) and len(webhook_secret) >= 43


def test_the_webhook_route_is_up(telegram_bot):
    with urllib.request.urlopen(f"{telegram_bot.url}/webhooks/telegram/", timeout=10) as reply:
        assert json.loads(reply.read()) == {"status": "ok"}


# --- conversations -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["/start", f"/start@{BOT_NAME}"])
def test_start_is_answered_with_the_greeting_and_its_menu(chat, command):
    assert chat.send_text(command) == [expected_message("utter_greet")]


def test_a_question_gets_its_answer_with_one_button_per_row(chat):
    # The feedback question waits until the seller seems done (thanks, goodbye, a verdict).
    assert chat.send_text("how long does the review take?") == [
        expected_message("utter_review_time")
    ]


def test_a_chinese_question_gets_the_chinese_answer(chat):
    assert chat.send_text("保证金审核要多久？") == [expected_message_in("utter_review_time", "zh")]


def test_a_button_press_sends_its_payload_and_is_acknowledged(chat, telegram_api):
    assert chat.press("/ask_documents", query_id="query-documents") == [
        expected_message("utter_documents")
    ]
    assert chat.press("/feedback_helpful") == [expected_message("utter_feedback_thanks")]
    assert {"callback_query_id": "query-documents"} in telegram_api.calls("answerCallbackQuery")


def test_restart_starts_over_with_the_greeting(chat):
    chat.send_text("how long does the review take?")
    assert chat.send_text("/restart") == [expected_message("utter_greet")]


def user_events(bot, sender_id: int) -> list[dict[str, Any]]:
    """The seller's messages as the bot's tracker store holds them, in order."""
    with sqlite3.connect(bot.output.with_suffix(".db")) as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id",
            (str(sender_id),),
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


def test_start_carries_the_sellers_telegram_language_and_other_messages_do_not(chat, telegram_bot):
    """The language tagger reads `language_code` for a message with no language of its own;
    typed questions and button presses carry none, so their own text decides."""
    chat.user["language_code"] = "zh-hans"
    chat.send_text("/start")
    chat.send_text("how long does the review take?")
    chat.press("/feedback_helpful")
    stored = [
        (event["text"], (event.get("metadata") or {}).get("language_code"))
        for event in user_events(telegram_bot, chat.chat_id)
    ]
    assert stored == [
        ("/greet", "zh-hans"),
        ("how long does the review take?", None),
        ("/feedback_helpful", None),
    ]


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


# --- only Telegram may post updates ---------------------------------------------------------------


def events_of(bot, sender_id: int) -> int:
    """How many events the tracker store holds for a conversation (the bot's own database)."""
    with sqlite3.connect(bot.output.with_suffix(".db")) as db:
        (count,) = db.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (str(sender_id),)
        ).fetchone()
    return count


def forged_headers(secret: str) -> list[dict[str, str]]:
    return [
        {},
        {TELEGRAM_SECRET_HEADER: ""},
        {TELEGRAM_SECRET_HEADER: "guessed"},
        {TELEGRAM_SECRET_HEADER: secret[:-1]},
        {TELEGRAM_SECRET_HEADER: secret + "x"},
        {TELEGRAM_SECRET_HEADER: secret.swapcase()},
        {"X-Telegram-Bot-Api-Secret": secret},  # the right secret under another header
    ]


def test_a_forged_update_is_refused_and_the_bot_sends_nothing(
    chat, telegram_api, telegram_bot, webhook_secret
):
    calls_before = telegram_api.all_calls
    for headers in forged_headers(webhook_secret):
        for update in (
            chat.text_update("how long does the review take?"),
            {
                "update_id": next(_ids),
                "callback_query": {
                    "id": f"forged-{next(_ids)}",
                    "from": chat.user,
                    "message": chat.text_update("x")["message"],
                    "data": "/ask_documents",
                },
            },
        ):
            status, answer = post_raw(chat.webhook, json.dumps(update).encode(), headers)
            assert status == 403, headers
            assert json.loads(answer)["error"] == "forbidden"
    assert telegram_api.all_calls == calls_before  # no sendMessage, not even getMe
    assert events_of(telegram_bot, chat.chat_id) == 0  # nothing reached the tracker
    # the same update with the secret is answered, and stored
    assert chat.send_text("how long does the review take?")
    assert events_of(telegram_bot, chat.chat_id) > 0


def test_the_set_webhook_route_needs_the_secret_and_keeps_it(
    telegram_api, telegram_bot, webhook_secret
):
    url = f"{telegram_bot.url}/webhooks/telegram/set_webhook"
    registered = len(telegram_api.calls("setWebhook"))
    try:  # Rasa's route re-registered the webhook, without the secret, for anyone
        urllib.request.urlopen(url, timeout=30)
        raise AssertionError("set_webhook answered without the secret")
    except urllib.error.HTTPError as error:
        assert error.code == 403
    assert len(telegram_api.calls("setWebhook")) == registered
    request = urllib.request.Request(url, headers={TELEGRAM_SECRET_HEADER: webhook_secret})
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.read() == b"Webhook setup successful"
    assert telegram_api.calls("setWebhook")[-1]["secret_token"] == webhook_secret
    assert telegram_api.webhook_secret == webhook_secret


# --- bad bodies: a clear 4xx, never a 500 ---------------------------------------------------------


def message_update(**message: Any) -> dict[str, Any]:
    chat = {"id": 4242, "type": "private"}
    return {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": chat, **message}}


@pytest.mark.parametrize(
    "body, status, error",
    [
        (b"[" * 10_000, 400, "invalid_json"),
        (b'{"update_id": 1, "message": ' * 5_000, 400, "invalid_json"),
        (b"", 400, "invalid_json"),
        (b"[1, 2]", 400, "invalid_json"),
        (b"\xff\xfe binary", 400, "invalid_json"),
        (json.dumps(message_update(text="dépôt")).encode("utf-16"), 400, "invalid_json"),
        (
            b'{"update_id": 1, "message": {"chat": {"id": 1}, "text": "\\ud800"}}',
            400,
            "invalid_json",
        ),
        (b"[" + b"1," * MAX_BODY_BYTES + b"1]", 413, "body_too_large"),
        (
            json.dumps({"message": {"chat": {"id": 1}, "text": "hi"}}).encode(),
            400,
            "invalid_update",
        ),
        (json.dumps(message_update(text=5)).encode(), 400, "invalid_update"),
        (json.dumps(message_update(text="hi", date="yesterday")).encode(), 400, "invalid_update"),
        (json.dumps(message_update(text="hi", chat="me")).encode(), 400, "invalid_update"),
        (json.dumps({"update_id": 1, "callback_query": "press"}).encode(), 400, "invalid_update"),
        (
            json.dumps(message_update(text="a" * (MAX_MESSAGE_CHARS + 1))).encode(),
            413,
            "message_too_long",
        ),
    ],
    ids=short_id,
)
def test_bad_bodies_get_a_clear_4xx(
    telegram_bot, telegram_api, webhook_secret, body, status, error
):
    sent_before = len(telegram_api.calls("sendMessage"))
    got, answer = post_raw(
        f"{telegram_bot.url}/webhooks/telegram/webhook",
        body,
        {TELEGRAM_SECRET_HEADER: webhook_secret},
    )
    assert (got, json.loads(answer)["error"]) == (status, error)
    assert json.loads(answer)["detail"]
    assert len(telegram_api.calls("sendMessage")) == sent_before


@pytest.mark.parametrize(
    "update",
    [
        {"update_id": 1},  # Rasa's handler crashed: update.message is None
        message_update(sticker={"file_id": "abc"}),
        {"update_id": 1, "edited_message": message_update(caption="x")["message"]},
        {"update_id": 1, "callback_query": {"id": "q-inline", "data": "/greet"}},
    ],
)
def test_updates_with_nothing_to_answer_are_acknowledged(telegram_bot, webhook_secret, update):
    status, answer = post_raw(
        f"{telegram_bot.url}/webhooks/telegram/webhook",
        json.dumps(update).encode(),
        {TELEGRAM_SECRET_HEADER: webhook_secret},
    )
    assert (status, answer) == (200, b"success")


def test_a_get_on_the_webhook_is_405_not_500(telegram_bot, webhook_secret):
    request = urllib.request.Request(
        f"{telegram_bot.url}/webhooks/telegram/webhook",
        headers={TELEGRAM_SECRET_HEADER: webhook_secret},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 405
    assert json.loads(refused.value.read())["error"] == "method_not_allowed"


# --- generated bodies ------------------------------------------------------------------------------

GENERATED_CHAT = 7_000_000_001  # far from the chats above
_TEMPLATE = {
    "update_id": 1,
    "message": {
        "message_id": 1,
        "date": 1_700_000_000,
        "chat": {"id": GENERATED_CHAT, "type": "private"},
        "from": {"id": GENERATED_CHAT, "is_bot": False, "first_name": "Seller"},
        "text": "how long does the review take?",
    },
}
_PATHS = [
    ("update_id",),
    ("message",),
    ("message", "chat"),
    ("message", "chat", "id"),
    ("message", "text"),
    ("message", "date"),
    ("message", "from"),
    ("message", "entities"),
    ("message", "location"),
    ("message", "reply_to_message"),
    ("edited_message",),
    ("callback_query",),
]


def mutated(path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """The template update with the field at `path` set to `value`."""
    update = json.loads(json.dumps(_TEMPLATE))
    target = update
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return update


# a chat id that is a number would be a real conversation with some other chat: left out
mutation_values = json_values.filter(lambda v: not isinstance(v, int) or isinstance(v, bool))

telegram_bodies = st.one_of(
    deep_json().map(str.encode),
    huge_json(around='{"update_id": 1, "message": {"chat": {"id": 1}, "text": "%s"}}').map(
        str.encode
    ),
    st.binary(max_size=2_000),
    json_values.map(lambda value: json.dumps(value).encode()),
    st.tuples(st.sampled_from(_PATHS), mutation_values).map(
        lambda change: json.dumps(mutated(*change)).encode()
    ),
    non_ascii_text().flatmap(lambda text: wrongly_encoded(mutated(("message", "text"), text))),
)

GENERATED = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)


@GENERATED
@given(body=telegram_bodies)
def test_any_body_with_the_secret_gets_success_or_a_clear_4xx(telegram_bot, webhook_secret, body):
    status, answer = post_raw(
        f"{telegram_bot.url}/webhooks/telegram/webhook",
        body,
        {TELEGRAM_SECRET_HEADER: webhook_secret},
    )
    if status == 200:
        assert answer == b"success", (body[:200], answer)
    else:
        assert 400 <= status < 500, (body[:200], status, answer[:300])
        refusal = json.loads(answer)
        assert refusal["error"] and refusal["detail"]


@GENERATED
@given(
    body=telegram_bodies | st.just(json.dumps(_TEMPLATE).encode()),
    header=st.none() | st.text(alphabet="ABCabc012_-", max_size=300),
)
def test_any_body_without_the_secret_is_403_and_sends_nothing(
    telegram_bot, telegram_api, webhook_secret, body, header
):
    calls_before = len(telegram_api.all_calls)
    headers = {} if header is None or header == webhook_secret else {TELEGRAM_SECRET_HEADER: header}
    status, answer = post_raw(f"{telegram_bot.url}/webhooks/telegram/webhook", body, headers)
    assert status == 403 and json.loads(answer)["error"] == "forbidden"
    assert len(telegram_api.all_calls) == calls_before


def test_the_bot_still_answers_after_the_generated_bodies(chat):
    assert chat.send_text("how long does the review take?")[0] == expected_message(
        "utter_review_time"
    )


def test_the_webhook_secret_is_never_logged(telegram_bot, webhook_secret):
    assert webhook_secret not in telegram_bot.output.read_text(errors="replace")
