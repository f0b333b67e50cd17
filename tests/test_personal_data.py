"""Masking of personal data that sellers paste into the chat (actions/personal_data.py).

No Rasa needed: plain functions on strings and event-like dicts."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import iban, luhn
from stdnum.cn import uscc

from actions.personal_data import (
    KINDS,
    PLACEHOLDERS,
    Finding,
    contains_personal_data,
    find_personal_data,
    mask_personal_data,
    mask_value,
)

# Sample values, checked against the libraries below so the tests cannot drift into testing
# invalid numbers.
VALID_CARDS = [
    "4111 1111 1111 1111",
    "5500-0000-0000-0004",
    "4111111111111111",
    "6222 0212 3456 7890 128",  # 19-digit UnionPay (ICBC prefix)
    "6228480012345671",  # 16-digit UnionPay (ABC prefix)
]
VALID_IBANS = [
    "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432",
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91ABNA0417164300",
]
VALID_USCC = "91350100M000100Y43"
LUHN_INVALID_16 = "1234 5678 9012 3456"
LUHN_INVALID_19 = "6222021234567890121"


def _digits(text):
    return re.sub(r"\D", "", text)


def _kinds(text):
    return [finding.kind for finding in find_personal_data(text)]


def test_the_sample_values_are_what_they_claim_to_be():
    for card in VALID_CARDS:
        assert luhn.is_valid(_digits(card)), card
    for number in VALID_IBANS:
        assert iban.is_valid(number), number
    assert uscc.is_valid(VALID_USCC)
    assert not luhn.is_valid(_digits(LUHN_INVALID_16))
    assert not luhn.is_valid(LUHN_INVALID_19)
    assert not uscc.is_valid("91350100M000100Y44")


def test_placeholders_cover_every_kind():
    assert set(PLACEHOLDERS) == set(KINDS)
    assert len(set(PLACEHOLDERS.values())) == len(KINDS)


POSITIVES = [
    # card numbers (Luhn-valid, 13-19 digits, grouped or not)
    ("Please send the refund to my card 4111 1111 1111 1111, thanks", "card_number", "4111 1111 1111 1111"),
    ("card: 5500-0000-0000-0004 (Mastercard)", "card_number", "5500-0000-0000-0004"),
    ("my visa is 4111111111111111.", "card_number", "4111111111111111"),
    ("退款请打到我的卡号 6222 0212 3456 7890 128 谢谢", "card_number", "6222 0212 3456 7890 128"),
    ("农行卡6228480012345671", "card_number", "6228480012345671"),
    ("step 3 4111 1111 1111 1111", "card_number", "4111 1111 1111 1111"),
    # IBANs (validated)
    ("My IBAN is DE89 3704 0044 0532 0130 00, can the deposit go there?", "iban", "DE89 3704 0044 0532 0130 00"),
    ("wire it to GB82WEST12345698765432 please", "iban", "GB82WEST12345698765432"),
    ("iban: de89370400440532013000", "iban", "de89370400440532013000"),
    ("FR14 2004 1010 0505 0001 3M02 606 is our French account", "iban", "FR14 2004 1010 0505 0001 3M02 606"),
    ("NL91ABNA0417164300.", "iban", "NL91ABNA0417164300"),
    # e-mail addresses
    ("my email is john.doe@example.com", "email", "john.doe@example.com"),
    ("联系邮箱：13800138000@qq.com", "email", "13800138000@qq.com"),
    ("write to shop-owner+refunds@mail.example.co.uk.", "email", "shop-owner+refunds@mail.example.co.uk"),
    ("E-mail: Li.Wei_88@163.com thanks", "email", "Li.Wei_88@163.com"),
    # phone numbers
    ("call me on +86 138 0013 8000 after 6pm", "phone", "+86 138 0013 8000"),
    ("my phone +86 138-0013-8000", "phone", "+86 138-0013-8000"),
    ("请打我电话13800138000谢谢", "phone", "13800138000"),
    ("or 138 0013 8000", "phone", "138 0013 8000"),
    ("my russian number +7 912 345-67-89", "phone", "+7 912 345-67-89"),
    ("US office: +1 (415) 555-2671", "phone", "+1 (415) 555-2671"),
    ("US office: (415) 555-2671", "phone", "(415) 555-2671"),
    ("call 8 (912) 345-67-89", "phone", "8 (912) 345-67-89"),
    ("0086 138 0013 8000 is my WeChat", "phone", "0086 138 0013 8000"),
    ("电话：010-6552 9988", "phone", "010-6552 9988"),
    ("London: +44 20 7946 0958", "phone", "+44 20 7946 0958"),
    # unified social credit codes (validated)
    ("统一社会信用代码：91350100M000100Y43，请查收", "credit_code", VALID_USCC),
    ("our USCC is 91350100M000100Y43.", "credit_code", VALID_USCC),
    # bank accounts: long digit runs that are nothing more specific
    ("my account number is 6222 0212 3456 7890 121", "bank_account", "6222 0212 3456 7890 121"),
    ("工行账号6222021234567890121", "bank_account", LUHN_INVALID_19),
    ("account 40817810099910004312 at Sberbank", "bank_account", "40817810099910004312"),
    ("Luhn-invalid 1234 5678 9012 3456 is still masked", "bank_account", LUHN_INVALID_16),
    ("acct 12345678.", "bank_account", "12345678"),
    ("refund for order 8123456789012345 please", "bank_account", "8123456789012345"),
    ("refund request for order number 8123456789", "bank_account", "8123456789"),
    ("account 6217-0012-3456-7890", "bank_account", "6217-0012-3456-7890"),
]


@pytest.mark.parametrize("text,kind,value", POSITIVES, ids=[p[0][:40] for p in POSITIVES])
def test_personal_data_is_found_and_masked(text, kind, value):
    start = text.index(value)
    assert find_personal_data(text) == [Finding(kind, start, start + len(value))]
    assert contains_personal_data(text)
    masked = mask_personal_data(text)
    assert masked == text[:start] + PLACEHOLDERS[kind] + text[start + len(value) :]
    assert value not in masked


def test_a_message_with_several_kinds_masks_them_all_in_order():
    text = (
        "Hi, shop closed 2026-10-19. Refund to 4111 1111 1111 1111 or IBAN GB82WEST12345698765432, "
        "call +86 138 0013 8000, mail li@shop.cn, USCC 91350100M000100Y43, acct 6222021234567890121."
    )
    assert _kinds(text) == ["card_number", "iban", "phone", "email", "credit_code", "bank_account"]
    assert mask_personal_data(text) == (
        "Hi, shop closed 2026-10-19. Refund to [card number] or IBAN [IBAN], "
        "call [phone], mail [email], USCC [credit code], acct [bank account]."
    )


def test_full_width_digits_and_letters_from_chinese_input_methods_are_caught():
    assert mask_personal_data("卡号６２２２ ０２１２ ３４５６ ７８９０ １２８") == "卡号[card number]"
    assert mask_personal_data("电话１３８００１３８０００") == "电话[phone]"
    assert mask_personal_data("邮箱ｌｉ＠ｓｈｏｐ．ｃｎ") == "邮箱[email]"


def test_an_invalid_iban_or_credit_code_still_loses_its_long_digit_runs():
    masked = mask_personal_data("IBAN DE89 3704 0044 0532 0130 01")
    assert "0532" not in masked
    masked = mask_personal_data("code 91350100M000100Y44")
    assert "91350100" not in masked


def test_a_number_next_to_an_iban_is_masked_with_it():
    assert mask_personal_data("DE89 3704 0044 0532 0130 00 12 items") == "[IBAN] items"


def test_two_numbers_side_by_side_are_two_findings():
    assert mask_personal_data("4111111111111111 13800138000") == "[card number] [phone]"


NEGATIVES = [
    "I applied on 2026-10-19, when will I hear back?",
    "My store was closed on 19.10.2026",
    "I applied on 02/11",
    "submitted 2026/10/19 at 10:30",
    "on 10/19/2026 or 19-10-2026 or 10-19-2026",
    "deadline 20261019",
    "from 2026-10-19 to 2026-11-02",
    "2026-10-19 2026-11-02",
    "I sold there 2019-2024",
    "2026年10月19日申请的",
    "2 orders still shipping",
    "it takes 7 to 15 working days",
    "what is step 3?",
    "it's been 40 days and no answer",
    "1234",
    "order #12345 shipped",
    "my deposit is 10000 yuan",
    "the refund was ¥12,345.00, not ¥10,000",
    "they sent 12345678.50 USD instead",
    "Rasa 3.6.21 on Python 3.10",
    "open 10:00-18:00, Monday to Friday",
    "how do I get my deposit back?",
    "",
    "😀 谢谢！",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_dates_counts_steps_and_short_numbers_stay_untouched(text):
    assert find_personal_data(text) == []
    assert not contains_personal_data(text)
    assert mask_personal_data(text) == text


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
    import actions.personal_data as personal_data

    monkeypatch.setattr(personal_data, "MAX_MASK_PASSES", 0)
    masked = mask_personal_data("card 4111 1111 1111 1111, mail li@shop.cn, on 2026-10-19, ２")
    assert masked == "card #### #### #### ####, mail li#shop.cn, on ####-##-##, #"
    assert find_personal_data(masked) == []


def test_non_strings_are_not_personal_data():
    assert find_personal_data(None) == []
    assert mask_personal_data(None) is None


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
    ids=["digits", "spaced-digits", "long-local-part", "many-ats", "iban-starts", "parens", "phones"],
)
def test_pathological_100_kb_inputs_finish(text):
    masked = mask_personal_data(text)
    assert mask_personal_data(masked) == masked


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)

FRAGMENTS = st.sampled_from(
    VALID_CARDS
    + VALID_IBANS
    + [VALID_USCC, LUHN_INVALID_16, LUHN_INVALID_19, "+86 138 0013 8000", "13800138000"]
    + ["li@shop.cn", "2026-10-19", "19.10.2026", "02/11", "step 3", "40 days", "¥", ".50"]
    + list(PLACEHOLDERS.values())
    + [" ", "-", "(", ")", "+", "@", ".", "x", "DE", "账号", "１", "\u00a0"]
)
NUMBERISH_TEXT = st.lists(
    st.one_of(FRAGMENTS, st.text(alphabet="0123456789 -+()@./aZ", max_size=12)), max_size=25
).map("".join)
TEXTS = st.one_of(ANY_TEXT, NUMBERISH_TEXT)


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


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_property_findings_are_sorted_non_overlapping_and_in_bounds(text):
    findings = find_personal_data(text)
    position = 0
    for finding in findings:
        assert finding.kind in KINDS
        assert position <= finding.start < finding.end <= len(text)
        position = finding.end
    assert contains_personal_data(text) == bool(findings)
    assert (mask_personal_data(text) == text) == (not findings)
