"""The socket.io channel the website widget uses, spoken by a plain python-socketio client.

With `session_persistence: true` a client asks for a session (`session_request`), Rasa confirms
it (`session_confirm`) and puts the socket in that session's room; every reply (`bot_uttered`)
goes to the room. Stock Rasa 3.6 never awaits the room join with python-socketio 5.10 or later,
so a reply would never arrive and these tests would time out; channels/socketio.py fixes that.

The client here uses HTTP long-polling: python-engineio's asyncio websocket transport needs
aiohttp 3.10 or later (`aiohttp.ClientWSTimeout`) and Rasa 3.6 pins aiohttp 3.9. The events are
the same on both transports; the browser tests (test_widget_browser.py) use the websocket.
"""

import asyncio
import uuid

import aiohttp
import pytest
import socketio

pytestmark = pytest.mark.servers

REPLY_TIMEOUT = 30


class WidgetClient:
    """What the widget does, in Python: one socket, one session id, the bot's replies queued."""

    def __init__(self, url: str):
        self.url = url
        self.confirmed: asyncio.Queue[str] = asyncio.Queue()
        self.replies: asyncio.Queue[dict] = asyncio.Queue()

    async def __aenter__(self) -> "WidgetClient":
        self.http = aiohttp.ClientSession()
        self.sio = socketio.AsyncClient(
            reconnection=False, handle_sigint=False, http_session=self.http
        )
        self.sio.on("session_confirm", self.confirmed.put_nowait)
        self.sio.on("bot_uttered", self.replies.put_nowait)
        await self.sio.connect(self.url, transports=["polling"], wait_timeout=10)
        return self

    async def __aexit__(self, *exc) -> None:
        # A polling client's disconnect waits for its open long-poll request, up to 30 s; the
        # DISCONNECT has been sent by then, so stop waiting and close the HTTP session instead.
        try:
            await asyncio.wait_for(self.sio.disconnect(), 2)
        except asyncio.TimeoutError:
            pass
        finally:
            await self.http.close()

    async def start_session(self, session_id: str) -> str:
        await self.sio.emit("session_request", {"session_id": session_id})
        return await asyncio.wait_for(self.confirmed.get(), REPLY_TIMEOUT)

    async def say(self, session_id: str, message: str) -> list[dict]:
        """Sends a message; returns the replies up to the one with buttons or a short pause."""
        await self.sio.emit("user_uttered", {"message": message, "session_id": session_id})
        replies = [await asyncio.wait_for(self.replies.get(), REPLY_TIMEOUT)]
        while True:  # Rasa sends a long answer as several messages, one per paragraph
            try:
                replies.append(await asyncio.wait_for(self.replies.get(), 1.5))
            except asyncio.TimeoutError:
                return replies


async def test_session_is_confirmed_and_the_bot_answers(bot):
    session_id = uuid.uuid4().hex
    async with WidgetClient(bot.url) as client:
        assert await client.start_session(session_id) == session_id
        replies = await client.say(session_id, "hi")
    assert replies and all(isinstance(reply.get("text"), str) for reply in replies)
    assert replies[0]["text"].strip()


async def test_answer_carries_its_buttons_as_quick_replies(bot):
    session_id = uuid.uuid4().hex
    async with WidgetClient(bot.url) as client:
        await client.start_session(session_id)
        replies = await client.say(session_id, "how do I get my deposit back?")
    text = "\n".join(reply["text"] for reply in replies)
    assert "Capital management" in text
    titles = [button["title"] for button in replies[-1]["quick_replies"]]
    assert "Walk me through the steps" in titles


async def test_a_new_connection_with_the_same_session_id_continues_the_dialogue(bot):
    session_id = uuid.uuid4().hex
    async with WidgetClient(bot.url) as first:
        await first.start_session(session_id)
        replies = await first.say(session_id, "/start_walkthrough")
    assert replies[0]["text"].startswith("Step 1 of 5")

    # As after a page reload or a server restart: a new socket, the stored session id.
    async with WidgetClient(bot.url) as second:
        assert await second.start_session(session_id) == session_id
        replies = await second.say(session_id, "/next_step")
    assert replies[0]["text"].startswith("Step 2 of 5")


async def test_a_session_id_must_be_a_short_string_and_a_number_is_taken_as_its_digits(bot):
    async with WidgetClient(bot.url) as client:
        rejected: asyncio.Queue[dict] = asyncio.Queue()
        client.sio.on("message_rejected", rejected.put_nowait)
        for bad in ({"id": 1}, ["x"], "x" * 129, "a\x00b"):
            await client.sio.emit("session_request", {"session_id": bad})
            refusal = await asyncio.wait_for(rejected.get(), REPLY_TIMEOUT)
            assert refusal["error"] == "invalid_session_id" and refusal["detail"]
        assert client.confirmed.empty()
        # the room used to be joined as the number while replies went to its string: none arrived
        number = int(uuid.uuid4().int % 10**12)
        assert await client.start_session(number) == str(number)
        replies = await client.say(number, "hi")
    assert replies[0]["text"].startswith("Hi!")
