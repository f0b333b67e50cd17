"""What the channels hand to Rasa as a message's metadata, checked without a Rasa server: the
widget's language goes through the socket.io channel as it was sent, and the Telegram channel
adds the seller's Telegram language to bare commands only. The language tagger reads both
(addons/language_tagger.py)."""

from types import SimpleNamespace
from typing import Any

import pytest
from rasa.core.channels.channel import UserMessage

from channels.socketio import REJECTED_EVENT, SessionSocketIOInput
from channels.telegram import TelegramInput

# --- socket.io (the website widget) -------------------------------------------------------------


class SocketIOChannel:
    """The channel as credentials.yml configures it, with Rasa replaced by a list of the
    UserMessages it would get and socket.io's emit by a list of what would be sent."""

    def __init__(self) -> None:
        self.channel = SessionSocketIOInput(
            user_message_evt="user_uttered", bot_message_evt="bot_uttered", session_persistence=True
        )
        self.received: list[UserMessage] = []
        self.emitted: list[tuple[str, Any]] = []

        async def on_new_message(message: UserMessage) -> None:
            self.received.append(message)

        self.channel.blueprint(on_new_message)
        sio = self.channel.sio

        async def emit(event: str, data: Any = None, *args: Any, **kwargs: Any) -> None:
            self.emitted.append((event, data))

        sio.emit = emit  # type: ignore[method-assign]
        self.handle = sio.handlers["/"]["user_uttered"]

    async def utter(self, data: Any) -> None:
        await self.handle("socket-1", data)


@pytest.fixture
def socketio_channel() -> SocketIOChannel:
    return SocketIOChannel()


@pytest.mark.parametrize(
    "metadata, expected",
    [
        ({"language": "zh-CN"}, {"language": "zh-CN"}),
        ({"language": "en"}, {"language": "en"}),
        ('{"language": "zh-TW"}', {"language": "zh-TW"}),  # a JSON text, as Rasa accepts it
    ],
)
async def test_the_widgets_language_reaches_rasa_as_message_metadata(
    socketio_channel, metadata, expected
):
    await socketio_channel.utter({"message": "ok", "session_id": "s1", "metadata": metadata})
    (message,) = socketio_channel.received
    assert (message.text, message.sender_id, message.metadata) == ("ok", "s1", expected)
    assert message.input_channel == "socketio"
    assert socketio_channel.emitted == []


async def test_a_message_without_metadata_reaches_rasa_with_none(socketio_channel):
    """The widget sends its language with the first message only; the others carry nothing,
    so their own text (or the conversation so far) decides."""
    await socketio_channel.utter({"message": "审核要多久？", "session_id": "s1"})
    (message,) = socketio_channel.received
    assert (message.text, message.metadata) == ("审核要多久？", {})


async def test_metadata_that_is_not_an_object_is_refused_and_never_reaches_rasa(socketio_channel):
    await socketio_channel.utter({"message": "ok", "session_id": "s1", "metadata": ["zh-CN"]})
    assert socketio_channel.received == []
    assert socketio_channel.emitted == [
        (
            REJECTED_EVENT,
            {"error": "invalid_metadata", "detail": "`metadata` must be a JSON object."},
        )
    ]


# --- Telegram -----------------------------------------------------------------------------------


def telegram_channel() -> TelegramInput:
    return TelegramInput.from_credentials(
        {
            "access_token": "123456:UNIT-TOKEN",
            "verify": "unit_bot",
            "webhook_url": "https://bot.example.com/webhooks/telegram/webhook",
            "webhook_secret": "s3cret_Value-1",
        }
    )


def update_with(text: str) -> dict[str, Any]:
    sender = {"id": 7, "is_bot": False, "first_name": "Seller", "language_code": "zh-hans"}
    chat = {"id": 7, "type": "private"}
    return {
        "update_id": 1,
        "message": {"message_id": 1, "chat": chat, "from": sender, "text": text},
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        ("/start", {"language_code": "zh-hans"}),
        ("/restart", {"language_code": "zh-hans"}),
        ("how long does the review take?", None),
        ("ok", None),
    ],
)
def test_telegram_metadata_is_the_language_code_of_a_bare_command(text, expected):
    """Rasa's webhook handler asks `get_metadata` for every update it passes on."""
    request = SimpleNamespace(parsed_json=update_with(text))
    assert telegram_channel().get_metadata(request) == expected  # type: ignore[arg-type]


def test_telegram_metadata_of_a_request_without_an_update_is_none():
    assert telegram_channel().get_metadata(SimpleNamespace(parsed_json=None)) is None  # type: ignore[arg-type]
