"""The unsupported-language rule: by script until a `language` slot says otherwise."""

from __future__ import annotations

import pytest

from refund_assistant.report.language import (
    in_unsupported_language,
    mostly_non_latin,
    primary_code,
)


@pytest.mark.parametrize(
    "text",
    [
        "押金什么时候退回？",  # Chinese
        "Когда вернут депозит?",  # Russian (Cyrillic)
        "متى سيتم رد الوديعة",  # Arabic
        "เงินมัดจำจะคืนเมื่อไหร่",  # Thai
        "デポジットはいつ返金されますか",  # Japanese
        "押金 deposit 什么时候退回",  # 8 Han letters, 7 Latin ones
        "退款到[card number]",  # the masking placeholder is not the seller's English
    ],
)
def test_mostly_non_latin_letters(text):
    assert mostly_non_latin(text)


@pytest.mark.parametrize(
    "text",
    [
        "How long does the review take?",
        "déjà vu, ça coûte combien ?",  # accented Latin letters are Latin
        "¿Cuándo me devuelven el depósito?",  # Spanish: Latin script, not caught by the script
        "ＨＥＬＬＯ",  # fullwidth Latin
        "my deposit 押金",  # 9 Latin letters, 2 Han ones
        "押金abcd",  # a tie is not a majority
        "12345 ?!",  # no letters at all
        "",
    ],
)
def test_not_mostly_non_latin_letters(text):
    assert not mostly_non_latin(text)


def test_primary_code():
    assert [primary_code(v) for v in ("zh-CN", "zh_Hans", " ZH ", "en", "es-419")] == [
        "zh",
        "zh",
        "zh",
        "en",
        "es",
    ]


def test_the_language_slot_decides_instead_of_the_script():
    assert in_unsupported_language("押金什么时候退回？", None)
    assert not in_unsupported_language("押金什么时候退回？", "zh-CN")
    assert in_unsupported_language("¿Cuándo me devuelven el depósito?", "es")
    assert not in_unsupported_language("How long?", "en")
    assert in_unsupported_language("How long?", "ru")
    # An empty value is no value: the script decides.
    assert not in_unsupported_language("How long?", "")
