"""Finding personal data that sellers paste into the chat (refund_assistant/privacy): what is
found, with which kind and where, and what (dates, counts, amounts) is not.

No Rasa needed: plain functions on strings."""

import re

import pytest
from hypothesis import given, settings
from stdnum import iban, luhn
from stdnum.cn import uscc

from refund_assistant.privacy import (
    KINDS,
    PLACEHOLDERS,
    Finding,
    contains_personal_data,
    find_personal_data,
    mask_personal_data,
)
from tests.unit.privacy.cases import (
    LUHN_INVALID_16,
    LUHN_INVALID_19,
    NEGATIVES,
    POSITIVES,
    TEXTS,
    VALID_CARDS,
    VALID_IBANS,
    VALID_USCC,
)


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
    assert (
        mask_personal_data("卡号６２２２ ０２１２ ３４５６ ７８９０ １２８") == "卡号[card number]"
    )
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


@pytest.mark.parametrize("text", NEGATIVES)
def test_dates_counts_steps_and_short_numbers_stay_untouched(text):
    assert find_personal_data(text) == []
    assert not contains_personal_data(text)
    assert mask_personal_data(text) == text


def test_non_strings_are_not_personal_data():
    assert find_personal_data(None) == []
    assert mask_personal_data(None) is None


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------


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
