"""Bad input over REST and socket.io: a clear reply or a clear 4xx, never a 5xx, and the server
keeps serving. (Telegram's webhook: test_telegram_channel.py.)"""

import asyncio
import contextlib
import json
import urllib.error
import urllib.request
import uuid

import aiohttp
import pytest
import socketio

from refund_assistant.message_checks import MAX_BODY_BYTES, MAX_JSON_DEPTH, MAX_MESSAGE_CHARS

pytestmark = pytest.mark.servers


def short_id(value):
    """A readable test id for a (possibly huge) body."""
    return repr(value)[:40] if isinstance(value, bytes) else None


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
        # deep: Python's JSON parser raised RecursionError, a 500
        (b"[" * 10_000, 400, "invalid_json"),
        (b'{"sender": "s", "message": ' * 5_000, 400, "invalid_json"),
        (
            b'{"sender": "s", "message": "hi", "metadata": '
            + b'{"a": ' * MAX_JSON_DEPTH
            + b"1"
            + b"}" * (MAX_JSON_DEPTH + 1),
            400,
            "invalid_json",
        ),
        # huge: refused before parsing
        (b"[" + b"1," * MAX_BODY_BYTES + b"1]", 413, "body_too_large"),
        (
            json.dumps({"sender": "s", "message": "a" * MAX_BODY_BYTES}).encode(),
            413,
            "body_too_large",
        ),
        # wrongly encoded
        ('{"sender": "s", "message": "dépôt"}'.encode("utf-16"), 400, "invalid_json"),
        ('{"sender": "s", "message": "dépôt"}'.encode("latin-1"), 400, "invalid_json"),
        (b'{"sender": "s", "message": "\\ud800 lone"}', 400, "invalid_json"),
        (b'{"sender": "\\udfff", "message": "hi"}', 400, "invalid_json"),
        (b'{"sender": "s", "message": NaN}', 400, "invalid_json"),
        # wrongly typed
        (b'{"sender": "s", "message": "hi", "metadata": [1]}', 400, "invalid_metadata"),
        (b'{"sender": "a\\u0000b", "message": "hi"}', 400, "invalid_sender"),
        (b'"{\\"sender\\": \\"s\\", \\"message\\": \\"hi\\"}"', 400, "invalid_json"),
    ],
    ids=short_id,
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


def test_nesting_within_the_limit_and_metadata_as_json_text_are_answered(bot):
    deep_metadata = {"a": 1}
    for _ in range(MAX_JSON_DEPTH - 3):
        deep_metadata = {"a": deep_metadata}
    for metadata in (deep_metadata, json.dumps({"page": "faq"})):
        status, replies = post_json(
            bot, {"sender": "deep-ok", "message": "hi", "metadata": metadata}
        )
        assert status == 200 and replies[0]["text"].startswith("Hi!")


def test_the_server_keeps_serving_after_all_that(bot):
    assert (
        "7 to 15 working days" in bot.texts("after-bad-input", "how long does the review take?")[0]
    )


@contextlib.asynccontextmanager
async def socket_client(url: str, **handlers):
    """A python-socketio client over long-polling with `handlers` for the server's events."""
    http = aiohttp.ClientSession()
    client = socketio.AsyncClient(reconnection=False, handle_sigint=False, http_session=http)
    for event, handler in handlers.items():
        client.on(event, handler)
    await client.connect(url, transports=["polling"], socketio_path="/socket.io")
    try:
        yield client
    finally:
        # disconnect() waits for the open long-poll, up to 30 s; the DISCONNECT is sent by then
        try:
            await asyncio.wait_for(client.disconnect(), 2)
        except asyncio.TimeoutError:
            pass
        await http.close()


async def test_socketio_refuses_bad_messages_and_carries_on(bot):
    rejected, answers = [], []
    session = uuid.uuid4().hex
    async with socket_client(
        bot.url, message_rejected=rejected.append, bot_uttered=answers.append
    ) as client:
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
    assert [r["error"] for r in rejected] == [
        "empty_message",
        "message_too_long",
        "invalid_message",
        "invalid_message",
    ]
    assert answers and answers[0]["text"].startswith("Hi!")


async def test_socketio_refuses_malformed_packets_and_the_connection_stays_open(bot):
    """Packets python-socketio cannot decode: deep ones used to raise RecursionError inside it,
    and every undecodable packet was dropped with a traceback and no answer."""
    rejected, confirmed = [], []
    async with socket_client(
        bot.url,
        message_rejected=lambda data: rejected.append(data["error"]),
        session_confirm=confirmed.append,
    ) as client:
        for raw in (
            '2["user_uttered",' + "[" * 10_000,  # deep socket.io event
            "[" * 10_000,  # deep Engine.IO message: not a socket.io packet at all
            b"\xff\x00 binary junk",
            '2{"not": "an event"}',
            '2["user_uttered",{"message":"\\ud800","session_id":"s"}]',  # lone surrogate
            '2["session_request",{"session_id":{"nested":1}}]',
        ):
            await client.eio.send(raw)
        await client.emit("session_request", {"session_id": "still-open"})
        for _ in range(200):
            if confirmed:
                break
            await client.sleep(0.1)
    assert rejected == [
        "invalid_json",
        "invalid_packet",
        "invalid_packet",
        "invalid_packet",
        "invalid_json",
        "invalid_session_id",
    ]
    assert confirmed == ["still-open"]


async def test_socketio_survives_a_polling_body_that_is_not_utf8(bot):
    """python-engineio decodes a long-polling POST as UTF-8 before socket.io sees it; a body that
    is not is dropped there (logged), and the session carries on."""
    async with aiohttp.ClientSession() as http:
        base = f"{bot.url}/socket.io/?EIO=4&transport=polling"
        async with http.get(base) as opened:
            sid = json.loads((await opened.text())[1:])["sid"]
        url = f"{base}&sid={sid}"
        async with http.post(url, data="40") as connect:
            assert connect.status == 200
        async with http.get(url) as connected:
            assert (await connected.text()).startswith("40")
        async with http.post(url, data=b"\xff\xfe42[\x9c]") as junk:
            assert junk.status == 200
        async with http.post(url, data='42["session_request",{"session_id":"after-junk"}]') as ok:
            assert ok.status == 200
        async with http.get(url) as answer:
            assert await answer.text() == '42["session_confirm","after-junk"]'
