"""Bad input over REST and socket.io: a clear reply or a clear 4xx, never a 5xx, and the server
keeps serving."""

import json
import urllib.error
import urllib.request
import uuid

import pytest
import socketio

from refund_assistant.message_checks import MAX_MESSAGE_CHARS

pytestmark = pytest.mark.servers


def post(bot, body: bytes, content_type="application/json"):
    request = urllib.request.Request(
        f"{bot.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def post_json(bot, payload):
    return post(bot, json.dumps(payload).encode())


@pytest.mark.parametrize(
    "body, status, error",
    [
        (b"{not json", 400, "invalid_json"),
        (b"", 400, "invalid_json"),
        (b"\xff\xfe\x00binary\x9c junk", 400, "invalid_json"),
        (b'["a", "list"]', 400, "invalid_json"),
        (b'{"sender": "s"}', 400, "invalid_message"),
        (b'{"message": "hi"}', 400, "invalid_sender"),
        (b'{"sender": "s", "message": 42}', 400, "invalid_message"),
        (b'{"sender": "s", "message": ["hi"]}', 400, "invalid_message"),
        (b'{"sender": {"id": 1}, "message": "hi"}', 400, "invalid_sender"),
        (b'{"sender": "s", "message": "hi", "metadata": "x"}', 400, "invalid_metadata"),
        (b'{"sender": "s", "message": ""}', 400, "empty_message"),
        (b'{"sender": "s", "message": "   \\n\\t  "}', 400, "empty_message"),
        (b'{"sender": "s", "message": "\\u0000\\u0001\\u0002"}', 400, "empty_message"),
    ],
)
def test_malformed_requests_get_a_clear_4xx(bot, body, status, error):
    got_status, reply = post(bot, body)
    assert (got_status, reply["error"]) == (status, error)
    assert reply["detail"]


def test_a_100_kb_message_is_refused_with_the_limit(bot):
    status, reply = post_json(bot, {"sender": "huge", "message": "refund " * (100_000 // 7)})
    assert status == 413 and reply["error"] == "message_too_long"
    assert str(MAX_MESSAGE_CHARS) in reply["detail"]
    just_right = "how long does the review take? " + "x" * (MAX_MESSAGE_CHARS - 40)
    status, replies = post_json(bot, {"sender": "huge", "message": just_right})
    assert status == 200 and replies


@pytest.mark.parametrize(
    "message",
    [
        "how long\x00 does the\x07 review\x1b[31m take?",  # control characters
        "\u202eeverse \u200b zero width \ufeff",  # direction and invisible marks
        "😀😀😀🔥🔥",  # emoji only
        "ПРИВЕТ, как вернуть депозит?",  # Russian
        "我想退回保证金，怎么办？",  # Chinese
        "¿Cómo recupero mi depósito?",  # Spanish
        "<script>alert(1)</script>",
        "' OR 1=1; DROP TABLE events; --",
        "/",
        "/nonexistent_intent",
        '/ask_step{"step_number": [1, 2, {"x": null}]}',
        "a" * MAX_MESSAGE_CHARS,
    ],
)
def test_odd_text_gets_a_reply(bot, message):
    status, replies = post_json(bot, {"sender": f"odd-{uuid.uuid4().hex[:8]}", "message": message})
    assert status == 200
    assert replies and all(reply.get("text") for reply in replies)


def test_the_server_keeps_serving_after_all_that(bot):
    assert (
        "7 to 15 working days" in bot.texts("after-bad-input", "how long does the review take?")[0]
    )


async def test_socketio_refuses_bad_messages_and_carries_on(bot):
    client = socketio.AsyncClient()
    rejected, answers = [], []
    client.on("message_rejected", lambda data: rejected.append(data))
    client.on("bot_uttered", lambda data: answers.append(data))
    session = uuid.uuid4().hex
    await client.connect(bot.url, transports=["polling"], socketio_path="/socket.io")
    try:
        await client.emit("session_request", {"session_id": session})
        for data in (
            {"message": "", "session_id": session},
            {"message": "x" * (MAX_MESSAGE_CHARS + 1), "session_id": session},
            {"message": {"nested": 1}, "session_id": session},
            "not even an object",
        ):
            await client.emit("user_uttered", data)
        await client.emit("user_uttered", {"message": "hi", "session_id": session})
        for _ in range(200):
            if answers:
                break
            await client.sleep(0.1)
    finally:
        await client.disconnect()
    assert [r["error"] for r in rejected] == [
        "empty_message",
        "message_too_long",
        "invalid_message",
        "invalid_message",
    ]
    assert answers and answers[0]["text"].startswith("Hi!")
