"""Which webhook bodies are Telegram updates the channel can hand to Rasa, what in them is the
seller's text, and when the seller's Telegram language goes with it: checked without servers."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refund_assistant.message_checks import Refusal
from refund_assistant.telegram_messages import (
    LANGUAGE_CODE_KEY,
    command_metadata,
    is_bare_command,
    read_update,
    update_text,
)

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


# --- the seller's Telegram language ---------------------------------------------------------------


def typed(text, language_code="zh-hans", **fields):
    sender = {"id": 7, "is_bot": False, "first_name": "Seller", "language_code": language_code}
    return {"update_id": 1, "message": message(text=text, **{"from": sender}, **fields)}


@pytest.mark.parametrize(
    "text",
    [
        "/start",
        "/start@refund_test_bot",
        "/start deep-link_param-1",
        "  /start  ",
        "/restart",
        "/help",
    ],
)
def test_a_bare_command_carries_the_senders_language_code(text):
    update = read_update(body(typed(text)))
    assert (
        command_metadata(update) == {"language_code": "zh-hans"} == {LANGUAGE_CODE_KEY: "zh-hans"}
    )


@pytest.mark.parametrize("code", ["en", "zh-hans", "zh-TW", "zh_Hant", "pt-br"])
def test_the_language_code_is_passed_as_telegram_sent_it(code):
    assert command_metadata(typed("/start", language_code=code)) == {"language_code": code}


@pytest.mark.parametrize(
    "text",
    [
        "我的店铺已经关了，保证金怎么退？",
        "how long does the review take?",
        "ok",
        "好的",
        "👍",
        "/start 我想申请退款",  # words after the command: not a bare command
        "/start how do I get my deposit back",
        "please /start",
        "/",
        "/" + "x" * 33,
    ],
)
def test_an_ordinary_message_carries_no_language(text):
    """Its own text decides (or, with none, the conversation keeps its language)."""
    assert command_metadata(typed(text)) is None


@pytest.mark.parametrize(
    "update",
    [
        # a button press: the conversation keeps its language, whatever the Telegram app's
        {
            "update_id": 1,
            "callback_query": {
                "id": "q",
                "from": {"id": 7, "language_code": "en"},
                "data": "/greet",
                "message": message(text="menu"),
            },
        },
        {
            "update_id": 1,
            "edited_message": message(text="/start", **{"from": {"language_code": "zh"}}),
        },
        typed("/start", language_code=None),
        typed("/start", language_code=""),
        typed("/start", language_code=5),
        typed("/start", language_code="zh-hans; DROP TABLE"),
        {"update_id": 1, "message": message(text="/start")},  # no `from`
        {"update_id": 1, "message": message(text="/start", **{"from": "seller"})},
        {"update_id": 1, "message": message(sticker={"file_id": "x"})},
    ],
)
def test_no_language_without_a_typed_command_and_a_usable_code(update):
    assert command_metadata(update) is None


@pytest.mark.parametrize(
    "text",
    ["/start", "/start@refund_test_bot", "/help", "/start abc-DEF_1"],
)
def test_bare_commands(text):
    assert is_bare_command(text)


@pytest.mark.parametrize(
    "text", ["start", "/start 你好", "/开始", "/start@bot extra words", "", None]
)
def test_not_bare_commands(text):
    assert not is_bare_command(text)


# --- a typed message is never a button press -------------------------------------------------------

FEEDBACK_KEYBOARD = {
    "inline_keyboard": [
        [{"text": "👍 Yes", "callback_data": "/feedback_helpful"}],
        [{"text": "👎 No", "callback_data": "/feedback_not_helpful"}],
    ]
}
FEEDBACK_QUESTION = message(text="Did this answer your question?", reply_markup=FEEDBACK_KEYBOARD)


@pytest.mark.parametrize(
    "text",
    [
        "审核要多久？",
        "那我的保证金什么时候到账",
        "好的，谢谢",
        "👍",
        "👍 Yes",  # even a button's exact title, typed, is text for NLU: presses come as data
        "feedback_helpful",
    ],
)
def test_a_message_typed_after_the_feedback_question_is_its_text_not_a_press(text):
    """Only a press (callback_query.data, exactly as the button carries it) is a payload; a
    message typed after "Did this answer your question?" goes to Rasa as typed, also when it
    is a Telegram reply to the question, and carries no language metadata."""
    for update in (
        typed(text),
        typed(text, reply_to_message=FEEDBACK_QUESTION),
    ):
        checked = read_update(body(update))
        assert update_text(checked) == text
        assert command_metadata(checked) is None


def test_a_press_on_the_feedback_question_is_exactly_its_callback_data():
    press = {
        "update_id": 1,
        "callback_query": {
            "id": "q",
            "from": {"id": 7, "language_code": "zh-hans"},
            "message": FEEDBACK_QUESTION,
            "data": "/feedback_helpful",
        },
    }
    checked = read_update(body(press))
    assert update_text(checked) == "/feedback_helpful"
    assert command_metadata(checked) is None
