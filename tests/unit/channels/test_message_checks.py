"""What every channel accepts, checked without servers: strict JSON with limits (deep, huge,
binary, wrongly encoded bodies are refused with a clear reason, never an exception), the REST
bearer token and the Telegram webhook secret."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refund_assistant.message_checks import (
    MAX_BODY_BYTES,
    MAX_JSON_DEPTH,
    InvalidJSON,
    Refusal,
    check_bearer_token,
    check_sender,
    check_telegram_secret,
    load_json,
    read_json_object,
    read_metadata,
)


def refusal_of(data):
    with pytest.raises(InvalidJSON) as caught:
        load_json(data)
    return caught.value.refusal


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# --- load_json -----------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [b"[" * 10_000, b'{"a":' * 10_000, "[" * 100_000])
def test_ten_thousand_levels_are_refused_not_a_recursion_error(body):
    refusal = refusal_of(body)
    assert (refusal.status, refusal.error) == (400, "invalid_json")
    assert str(MAX_JSON_DEPTH) in refusal.detail


def test_nesting_up_to_the_limit_is_accepted():
    assert load_json(nested(MAX_JSON_DEPTH)) == json.loads(nested(MAX_JSON_DEPTH))
    assert refusal_of(nested(MAX_JSON_DEPTH + 1)).error == "invalid_json"
    deep_object = '{"a":' * (MAX_JSON_DEPTH + 1) + "1" + "}" * (MAX_JSON_DEPTH + 1)
    assert refusal_of(deep_object).error == "invalid_json"


def test_a_body_over_the_size_limit_is_refused_before_parsing():
    at_limit = b'"' + b"a" * (MAX_BODY_BYTES - 2) + b'"'
    assert load_json(at_limit) == "a" * (MAX_BODY_BYTES - 2)
    refusal = refusal_of(at_limit + b" ")
    assert (refusal.status, refusal.error) == (413, "body_too_large")
    assert str(MAX_BODY_BYTES) in refusal.detail
    # a str is measured in UTF-8 bytes, as it would be sent
    assert refusal_of('"' + "é" * (MAX_BODY_BYTES // 2) + '"').error == "body_too_large"


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe\x00binary\x9c junk",  # not UTF-8
        '{"message": "é"}'.encode("utf-16"),  # JSON in another encoding
        '{"message": "é"}'.encode("latin-1"),
        '{"message": "hi"}'.encode("utf-8-sig"),  # a byte order mark
        b'{"message": "\\ud800"}',  # a lone surrogate
        b'{"\\udc00": 1}',
        b'{"message": NaN}',
        b"[Infinity]",
        b"1" * 5000,  # an integer Python will not convert
        b"",
        b"{not json",
    ],
)
def test_wrongly_encoded_or_malformed_json_is_refused(body):
    refusal = refusal_of(body)
    assert (refusal.status, refusal.error) == (400, "invalid_json")
    assert refusal.detail


def test_an_invalid_json_error_is_a_value_error():
    # python-engineio and python-socketio catch ValueError from their JSON module
    with pytest.raises(ValueError):
        load_json("[" * 5000)


@given(st.binary(max_size=3000))
def test_any_bytes_parse_or_are_refused(body):
    try:
        load_json(body)
    except InvalidJSON as error:
        assert 400 <= error.refusal.status < 500 and error.refusal.detail


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_json_within_the_limits_is_read_as_python_would(value):
    text = json.dumps(value)
    assert load_json(text) == json.loads(text)
    assert load_json(text.encode()) == json.loads(text)


def test_read_json_object_wants_an_object():
    assert read_json_object(b'{"a": 1}', "{...}") == {"a": 1}
    refusal = read_json_object(b"[1, 2]", '{"sender": "..."}')
    assert refusal == Refusal(
        400, "invalid_json", 'The body must be a JSON object: {"sender": "..."}.'
    )
    assert read_json_object(b"[" * 5000, "{...}").detail.endswith("Expected {...}.")
    assert read_json_object(b" " * (MAX_BODY_BYTES + 1), "{...}").status == 413


# --- senders, session ids, metadata --------------------------------------------------------------


@pytest.mark.parametrize("sender", ["s", "seller-42", 42, "x" * 128])
def test_good_senders(sender):
    assert check_sender(sender) is None


@pytest.mark.parametrize(
    "sender", [None, True, 1.5, ["s"], {"id": 1}, "", "   ", "x" * 129, "a\x00b", "\ud800"]
)
def test_bad_senders(sender):
    assert check_sender(sender).error == "invalid_sender"
    assert check_sender(sender, field="session_id").error == "invalid_session_id"


@pytest.mark.parametrize(
    "metadata, expected",
    [
        (None, None),
        ({}, {}),
        ({"page": "faq"}, {"page": "faq"}),
        ('{"page": "faq"}', {"page": "faq"}),
    ],
)
def test_metadata_is_an_object_or_a_json_text_of_one(metadata, expected):
    assert read_metadata(metadata) == expected


@pytest.mark.parametrize("metadata", ["x", "[1]", "[" * 5000, 42, ["a"], True])
def test_other_metadata_is_refused(metadata):
    assert read_metadata(metadata) == Refusal(
        400, "invalid_metadata", "`metadata` must be a JSON object."
    )


# --- who may send --------------------------------------------------------------------------------


def test_without_a_configured_token_rest_is_open():
    assert check_bearer_token(None, None) is None
    assert check_bearer_token("Bearer anything", None) is None


@pytest.mark.parametrize(
    "header", ["Bearer s3cret-token", "bearer s3cret-token", "BEARER   s3cret-token  "]
)
def test_the_right_bearer_token_passes(header):
    assert check_bearer_token(header, "s3cret-token") is None


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "Bearer",
        "Bearer ",
        "Bearer s3cret-toke",
        "Bearer s3cret-token-and-more",
        "Basic s3cret-token",
        "s3cret-token",
        "Bearer sécret",  # non-ASCII: compared as bytes, not a TypeError
        "Bearer \udcff",
    ],
)
def test_a_missing_or_wrong_bearer_token_is_401(header):
    refusal = check_bearer_token(header, "s3cret-token")
    assert (refusal.status, refusal.error) == (401, "unauthorized")
    assert "Authorization" in refusal.detail


def test_the_telegram_secret_header_must_match():
    assert check_telegram_secret("abc_DEF-123", "abc_DEF-123") is None
    for header in (None, "", "abc_DEF-12", "abc_DEF-1234", "ABC_DEF-123", "ü"):
        refusal = check_telegram_secret(header, "abc_DEF-123")
        assert (refusal.status, refusal.error) == (403, "forbidden")
        assert "X-Telegram-Bot-Api-Secret-Token" in refusal.detail
        assert "abc_DEF-123" not in refusal.detail
