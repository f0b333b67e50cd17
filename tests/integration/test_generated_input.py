"""Property-based, over the real servers: whatever text arrives, the NLU-to-action path answers
it, never with a server error; whatever body arrives (deeply nested, huge, binary, wrongly typed
or wrongly encoded), REST answers it with a clear 4xx and socket.io with `message_rejected`, and
both still answer a normal message afterwards. (Telegram's webhook faces the same bodies in
test_telegram_channel.py, which runs a bot with the Telegram channel on.)"""

import json
import queue
import threading
import urllib.error
import urllib.request
import uuid

import pytest
import socketio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refund_assistant.message_checks import MAX_BODY_BYTES, MAX_MESSAGE_CHARS
from tests.integration.hostile_bodies import (
    deep_json,
    huge_json,
    json_values,
    non_ascii_text,
    wrongly_encoded,
)

pytestmark = pytest.mark.servers

# Reproducible runs against a real server: no deadline, the same examples every run.
HOSTILE = settings(
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)

seller_text = st.one_of(
    st.text(max_size=300),  # any unicode, control characters and surrogates excluded by JSON
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=200),
    st.lists(
        st.sampled_from(
            [
                "deposit",
                "refund",
                "store",
                "closed",
                "no",
                "yes",
                "dispute",
                "2 orders",
                "step",
                "next",
                "back",
                "review",
                "applied",
                "yesterday",
                "40 days",
                "iban",
                "@",
                "+86",
                "4111 1111 1111 1111",
                "不",
                "депозит",
                "?",
                "!",
                "/",
                "{",
                "}",
                '"',
            ]
        ),
        max_size=25,
    ).map(" ".join),
    st.text(min_size=MAX_MESSAGE_CHARS - 5, max_size=MAX_MESSAGE_CHARS + 5),
)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=seller_text, turn=st.integers(min_value=0, max_value=3))
def test_any_text_gets_an_answer_or_a_clear_refusal(bot, text, turn):
    body = json.dumps({"sender": f"generated-{turn}", "message": text}).encode()
    request = urllib.request.Request(
        f"{bot.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = json.loads(response.read())
            assert replies and all(reply.get("text") for reply in replies), (text, replies)
    except urllib.error.HTTPError as error:
        assert 400 <= error.code < 500, (text, error.code)
        assert json.loads(error.read())["detail"]


# --- REST: any body ------------------------------------------------------------------------------

rest_bodies = st.one_of(
    deep_json().map(str.encode),
    # within the depth limit: accepted, and must not trip anything that walks it later
    st.integers(1, 28).map(
        lambda depth: (
            '{"sender": "deep-ok", "message": "hi", "metadata": '
            + '{"a": ' * depth
            + "1"
            + "}" * depth
            + "}"
        ).encode()
    ),
    huge_json().map(str.encode),
    st.binary(max_size=2_000),
    st.fixed_dictionaries(
        {"sender": json_values | st.just("typed"), "message": json_values | seller_text},
        optional={"metadata": json_values},
    ).map(lambda body: json.dumps(body).encode()),
    json_values.map(lambda value: json.dumps(value).encode()),
    non_ascii_text().flatmap(lambda text: wrongly_encoded({"sender": "encoded", "message": text})),
)


def post_rest(bot, body: bytes):
    request = urllib.request.Request(
        f"{bot.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@settings(HOSTILE, max_examples=60)
@given(body=rest_bodies)
def test_any_rest_body_gets_an_answer_or_a_clear_4xx(bot, body):
    status, reply = post_rest(bot, body)
    if status == 200:
        assert reply and all(message.get("text") for message in reply), (body[:200], reply)
    else:
        assert 400 <= status < 500, (body[:200], status)
        assert reply["error"] and reply["detail"], reply
        if len(body) > MAX_BODY_BYTES:
            assert (status, reply["error"]) == (413, "body_too_large")


def test_rest_answers_normally_after_the_generated_bodies(bot):
    assert (
        "7 to 15 working days" in bot.texts("after-generated", "how long does the review take?")[0]
    )


# --- socket.io: any packet -----------------------------------------------------------------------


class RawSocket:
    """One socket.io connection (HTTP long-polling, as the widget's fallback) that can send raw
    packets; every event the server sends lands in `events`, in order."""

    def __init__(self, url: str) -> None:
        self.events: queue.Queue = queue.Queue()
        self.client = socketio.Client(reconnection=False, handle_sigint=False)
        for name in ("message_rejected", "bot_uttered", "session_confirm"):
            self.client.on(name, lambda data, name=name: self.events.put((name, data)))
        self.client.connect(url, transports=["polling"], wait_timeout=10)

    def send_raw(self, packet: str | bytes) -> None:
        """An Engine.IO message as is: for socket.io, "2" + JSON is an event."""
        self.client.eio.send(packet)

    def next_event(self):
        return self.events.get(timeout=60)  # a guard against hanging, not a measured limit

    def close(self) -> None:
        # disconnect() sends DISCONNECT at once, then waits for the open long-poll (up to 30 s)
        threading.Thread(target=self.client.disconnect, daemon=True).start()


@pytest.fixture(scope="module")
def raw_socket(bot):
    connection = RawSocket(bot.url)
    yield connection
    connection.close()


def event(name: str, *args) -> str:
    return "2" + json.dumps([name, *args])


SESSION = "generated-socket"


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


not_an_object = st.text(max_size=50).filter(lambda text: not _is_json_object(text))
not_text = json_values.filter(lambda value: not isinstance(value, str))
# Each packet with the `message_rejected` errors it may get; every one gets exactly one answer.
socket_packets = st.one_of(
    deep_json().map(lambda deep: ('2["user_uttered",' + deep, {"invalid_json"})),
    deep_json().map(lambda deep: (deep, {"invalid_packet"})),  # not even a socket.io packet
    st.integers(MAX_MESSAGE_CHARS + 1, 3 * MAX_BODY_BYTES).map(
        lambda size: (
            event("user_uttered", {"message": "a" * size, "session_id": SESSION}),
            {"message_too_long", "body_too_large"},
        )
    ),
    st.binary(min_size=1, max_size=500).map(lambda raw: (raw, {"invalid_packet"})),
    not_text.map(
        lambda message: (
            event("user_uttered", {"message": message, "session_id": SESSION}),
            {"invalid_message"},
        )
    ),
    json_values.filter(lambda value: not isinstance(value, dict)).map(
        lambda data: (event("user_uttered", data), {"invalid_message"})
    ),
    not_text.filter(lambda value: value is not None and not isinstance(value, int)).map(
        lambda session: (
            event("user_uttered", {"message": "hi", "session_id": session}),
            {"invalid_session_id"},
        )
    ),
    st.one_of(
        not_text.filter(lambda v: v is not None and not isinstance(v, dict)), not_an_object
    ).map(
        lambda metadata: (
            event("user_uttered", {"message": "hi", "session_id": SESSION, "metadata": metadata}),
            {"invalid_metadata"},
        )
    ),
    # JSON sent as a string inside JSON (encoded twice), and lone surrogates
    seller_text.map(
        lambda text: (
            event("user_uttered", json.dumps({"message": text, "session_id": SESSION})),
            {"invalid_message"},
        )
    ),
    st.just(('2["user_uttered",{"message":"\\ud800","session_id":"s"}]', {"invalid_json"})),
    st.sampled_from(["2{}", "2[]", '2{"user_uttered": 1}', "2[", "9", "2-1[]"]).map(
        lambda raw: (raw, {"invalid_packet", "invalid_json"})
    ),
)


@settings(HOSTILE, max_examples=50)
@given(packet=socket_packets)
def test_any_socketio_packet_is_rejected_with_a_reason(raw_socket, packet):
    raw, errors = packet
    raw_socket.send_raw(raw)
    name, data = raw_socket.next_event()
    assert name == "message_rejected", (raw[:200], name, data)
    assert data["error"] in errors and data["detail"], (raw[:200], data)


def test_the_same_socket_still_chats_after_the_generated_packets(raw_socket):
    session = uuid.uuid4().hex
    raw_socket.client.emit("session_request", {"session_id": session})
    assert raw_socket.next_event() == ("session_confirm", session)
    raw_socket.client.emit("user_uttered", {"message": "hi", "session_id": session})
    name, data = raw_socket.next_event()
    assert name == "bot_uttered" and data["text"].startswith("Hi!")
