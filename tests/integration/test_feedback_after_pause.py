"""A quiet seller on the widget is asked whether the answer helped, after a pause
(addons/feedback_after_pause.py), over a real socket.io connection to the real servers: once,
only after an answer, and never when the seller wrote again meanwhile. A REST client is never
sent anything it did not ask for."""

import asyncio
import time
import uuid

import pytest
import yaml

from refund_assistant.launcher.local_bot import MODEL, start_bot
from refund_assistant.settings import PROJECT_ROOT
from tests.integration.test_socketio_protocol import WidgetClient

pytestmark = pytest.mark.servers

PAUSE = 3
QUESTION = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["responses"][
    "utter_ask_feedback"
][0]["text"]


@pytest.fixture(scope="module")
def quick_bot():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    bot = start_bot(env={"FEEDBACK_PAUSE_SECONDS": str(PAUSE)})
    yield bot
    bot.stop()


async def replies_within(client: WidgetClient, seconds: float) -> list[tuple[float, str]]:
    """Everything the bot pushes in the next `seconds`, with when it came."""
    received, deadline = [], time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        try:
            reply = await asyncio.wait_for(client.replies.get(), left)
        except asyncio.TimeoutError:
            break
        received.append((time.monotonic(), reply.get("text", "")))
    return received


async def test_a_quiet_seller_is_asked_once_after_the_pause(quick_bot):
    session_id = uuid.uuid4().hex
    async with WidgetClient(quick_bot.url) as client:
        await client.start_session(session_id)
        answer = await client.say(session_id, "how long does the review take?")
        answered_at = time.monotonic()
        assert "7 to 15 working days" in answer[0]["text"]
        pushed = await replies_within(client, 2 * PAUSE + 3)
        assert [text for _, text in pushed] == [QUESTION]
        assert pushed[0][0] - answered_at >= PAUSE - 1.6  # not before the pause (say() waits 1.5 s)
        # a typed yes is the feedback
        thanks = await client.say(session_id, "yes")
        assert thanks and QUESTION not in thanks[0]["text"]
        assert await replies_within(client, PAUSE + 2) == []


async def test_a_seller_who_writes_again_within_the_pause_is_asked_once_after_the_last_answer(
    quick_bot,
):
    session_id = uuid.uuid4().hex
    async with WidgetClient(quick_bot.url) as client:
        await client.start_session(session_id)
        await client.say(session_id, "how long does the review take?")
        second = await client.say(session_id, "what documents do I need?")
        assert second
        pushed = await replies_within(client, 2 * PAUSE + 3)
    assert [text for _, text in pushed] == [QUESTION]


async def test_no_question_after_a_greeting(quick_bot):
    session_id = uuid.uuid4().hex
    async with WidgetClient(quick_bot.url) as client:
        await client.start_session(session_id)
        await client.say(session_id, "hi")
        assert await replies_within(client, PAUSE + 3) == []
