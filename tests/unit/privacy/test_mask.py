"""Masking personal data before it is stored (refund_assistant/privacy): placeholders, masking
a masked text changes nothing, event JSON, junk and huge inputs.

No Rasa needed: plain functions on strings and event-like dicts."""

import re

import pytest
from hypothesis import given, settings

import refund_assistant.privacy.mask as mask_module
from refund_assistant.privacy import (
    KINDS,
    PLACEHOLDERS,
    find_personal_data,
    mask_personal_data,
    mask_value,
)
from tests.unit.privacy.cases import NEGATIVES, POSITIVES, TEXTS


def test_placeholders_cover_every_kind():
    assert set(PLACEHOLDERS) == set(KINDS)
    assert len(set(PLACEHOLDERS.values())) == len(KINDS)


def test_placeholders_are_never_found_again():
    text = " ".join(PLACEHOLDERS.values())
    assert find_personal_data(text) == []
    assert mask_personal_data(text) == text


@pytest.mark.parametrize("text", [p[0] for p in POSITIVES] + NEGATIVES)
def test_masking_is_idempotent(text):
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once
    assert find_personal_data(once) == []


def test_mask_value_masks_a_rasa_event_and_leaves_the_rest():
    text = "refund to 4111 1111 1111 1111, call 13800138000"
    event = {
        "event": "user",
        "timestamp": 1760000000.5,
        "text": text,
        "message_id": "0123456789abcdef0123456789abcdef",
        "input_channel": "rest",
        "metadata": {"notes": ["li@shop.cn", 7, None, True]},
        "parse_data": {
            "text": text,
            "intent": {"name": "ask_refund_account", "confidence": 0.93},
            "entities": [{"entity": "number", "value": "13800138000", "start": 37, "end": 48}],
            "intent_ranking": [{"name": "ask_refund_account", "confidence": 0.93}],
        },
    }
    original = repr(event)
    masked = mask_value(event)
    assert repr(event) == original  # the input is not changed
    expected_text = "refund to [card number], call [phone]"
    assert masked["text"] == expected_text
    assert masked["parse_data"]["text"] == expected_text
    assert masked["parse_data"]["entities"][0]["value"] == "[phone]"
    assert masked["parse_data"]["entities"][0]["start"] == 37
    assert masked["parse_data"]["intent"] == {"name": "ask_refund_account", "confidence": 0.93}
    assert masked["metadata"] == {"notes": ["[email]", 7, None, True]}
    assert masked["timestamp"] == 1760000000.5
    assert masked["message_id"] == event["message_id"]  # an identifier, not seller text
    assert masked["event"] == "user"


def test_mask_value_handles_tuples_and_plain_values():
    assert mask_value(("13800138000", 3)) == ("[phone]", 3)
    assert mask_value(42) == 42
    assert mask_value(None) is None
    assert mask_value(b"13800138000") == b"13800138000"
    assert mask_value({"message_id": "13800138000"}, keep_keys=frozenset()) == {
        "message_id": "[phone]"
    }


@pytest.mark.parametrize(
    "junk",
    [
        bytes(range(256)).decode("latin-1"),
        "\x00\x01\x02 4111 1111 1111 1111 \x7f",
        "\ud800\udfff 13800138000 \udc80",  # lone surrogates, as from errors="surrogateescape"
        "\u200b1\u200b3\u200b8\u200b0\u200b0\u200b1\u200b3\u200b8\u200b0\u200b0\u200b0",
        "😀" * 1000 + "13800138000",
        "@" * 500 + "." * 500,
        "+" * 300 + "(" * 300 + "-" * 300,
        "\ue000" * 20 + "2026-10-19",
    ],
)
def test_junk_never_raises(junk):
    masked = mask_personal_data(junk)
    assert isinstance(masked, str)
    assert mask_personal_data(masked) == masked


def test_text_that_keeps_changing_ends_with_every_digit_and_at_replaced(monkeypatch):
    monkeypatch.setattr(mask_module, "MAX_MASK_PASSES", 0)
    masked = mask_personal_data("card 4111 1111 1111 1111, mail li@shop.cn, on 2026-10-19, ２")
    assert masked == "card #### #### #### ####, mail li#shop.cn, on ####-##-##, #"
    assert find_personal_data(masked) == []


def test_a_100_kb_message_is_masked():
    sentence = (
        "Shop closed 2026-10-19, 2 orders still shipping; refund to 4111 1111 1111 1111 "
        "or account 6222021234567890121, call +86 138 0013 8000, mail li@shop.cn. "
    )
    text = sentence * (100_000 // len(sentence) + 1)
    masked = mask_personal_data(text)
    assert "4111" not in masked and "6222021234567890121" not in masked
    assert "0013" not in masked and "li@shop.cn" not in masked
    assert masked.count("2026-10-19") == text.count("2026-10-19")


@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "1 " * 50_000,
        "a" * 99_000 + "@example.com",
        "a@" * 50_000,
        "DE89 " * 20_000,
        "(1" * 50_000,
        "13800138000 " * 8_000,
    ],
    ids=[
        "digits",
        "spaced-digits",
        "long-local-part",
        "many-ats",
        "iban-starts",
        "parens",
        "phones",
    ],
)
def test_pathological_100_kb_inputs_are_masked_completely(text):
    """How long these take is measured by bench/measure_masking.py, not asserted here."""
    masked = mask_personal_data(text)
    assert find_personal_data(masked) == []
    assert mask_personal_data(masked) == masked
    assert not re.search(r"\d{8}", masked.replace(" ", ""))


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_mask_never_raises_and_returns_a_string(text):
    assert isinstance(mask_personal_data(text), str)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_mask_is_idempotent(text):
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_masked_output_contains_no_finding(text):
    assert find_personal_data(mask_personal_data(text)) == []
