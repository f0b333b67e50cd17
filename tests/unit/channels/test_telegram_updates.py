"""Which webhook bodies are Telegram updates the channel can hand to Rasa, and what in them is
the seller's text: checked without servers."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refund_assistant.message_checks import Refusal
from refund_assistant.telegram_messages import read_update, update_text

CHAT = {"id": 42, "type": "private"}


def body(update) -> bytes:
    return json.dumps(update).encode()


def message(**fields):
    return {"message_id": 1, "date": 1700000000, "chat": CHAT, **fields}


@pytest.mark.parametrize(
    "update, text",
    [
        ({"update_id": 1, "message": message(text="hi")}, "hi"),
        ({"update_id": 1, "edited_message": message(text="hi again")}, "hi again"),
        (
            {
                "update_id": 1,
                "callback_query": {"id": "q", "data": "/greet", "message": message(text="menu")},
            },
            "/greet",
        ),
        (
            {"update_id": 1, "message": message(location={"longitude": 1.5, "latitude": -2})},
            '{"lng": 1.5, "lat": -2}',
        ),
        # nothing to answer: Rasa's handler would ignore these or crash on them
        ({"update_id": 1}, None),
        ({"update_id": 1, "message": message(sticker={"file_id": "x"})}, None),
        ({"update_id": 1, "edited_message": message(caption="new caption")}, None),
        ({"update_id": 1, "callback_query": {"id": "q", "data": "/greet"}}, None),
        ({"update_id": 1, "callback_query": {"id": "q", "message": message(text="x")}}, None),
        ({"update_id": 1, "my_chat_member": {"chat": CHAT}}, None),
    ],
)
def test_updates_and_their_text(update, text):
    checked = read_update(body(update))
    assert checked == update
    assert update_text(checked) == text


def test_a_button_press_wins_over_a_message_as_in_rasa():
    update = {
        "update_id": 1,
        "message": message(text="typed"),
        "callback_query": {"id": "q", "data": "/pressed", "message": message()},
    }
    assert update_text(read_update(body(update))) == "/pressed"


@pytest.mark.parametrize(
    "update, detail",
    [
        ({"message": message(text="hi")}, "`update_id` must be an integer"),
        ({"update_id": "1", "message": message(text="hi")}, "`update_id`"),
        ({"update_id": True, "message": message(text="hi")}, "`update_id`"),
        ({"update_id": 1, "message": "hi"}, "`message` must be an object"),
        ({"update_id": 1, "message": {"text": "hi"}}, "`message.chat.id`"),
        ({"update_id": 1, "message": message(chat={"id": "42"}, text="hi")}, "`message.chat.id`"),
        ({"update_id": 1, "message": message(text=5)}, "`message.text` must be a string"),
        ({"update_id": 1, "message": message(text=["hi"])}, "`message.text`"),
        ({"update_id": 1, "edited_message": message(text={"a": 1})}, "`edited_message.text`"),
        ({"update_id": 1, "message": message(location={"longitude": "1"})}, "location"),
        ({"update_id": 1, "message": message(location=[1, 2])}, "location"),
        ({"update_id": 1, "callback_query": "press"}, "`callback_query`"),
        ({"update_id": 1, "callback_query": {"data": "/greet"}}, "string `id`"),
        ({"update_id": 1, "callback_query": {"id": "q", "data": 5}}, "`callback_query.data`"),
        (
            {"update_id": 1, "callback_query": {"id": "q", "data": "/x", "message": {"chat": 1}}},
            "`callback_query.message.chat.id`",
        ),
    ],
)
def test_wrongly_typed_updates_are_refused(update, detail):
    refusal = read_update(body(update))
    assert isinstance(refusal, Refusal)
    assert (refusal.status, refusal.error) == (400, "invalid_update")
    assert detail in refusal.detail


@pytest.mark.parametrize(
    "raw, error",
    [
        (b"", "invalid_json"),
        (b"[1]", "invalid_json"),
        (b'"{\\"update_id\\": 1}"', "invalid_json"),  # a JSON string, which Rasa would decode
        (b"[" * 10_000, "invalid_json"),
        (b"\xff\xfe", "invalid_json"),
        (b" " * 300_000, "body_too_large"),
    ],
)
def test_bodies_that_are_no_json_object_are_refused(raw, error):
    assert read_update(raw).error == error


@given(st.binary(max_size=2000) | st.text(max_size=500).map(str.encode))
def test_any_body_is_an_update_or_a_4xx(raw):
    update = read_update(raw)
    if isinstance(update, Refusal):
        assert 400 <= update.status < 500
    else:
        text = update_text(update)
        assert text is None or isinstance(text, str)
