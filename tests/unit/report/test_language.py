"""The report's language rules: the tagger's `language` slot decides; where it set none for a
message, the script tells an unsupported language (not Latin, not Chinese) apart."""

from __future__ import annotations

import pytest

from refund_assistant.report.language import (
    CHINESE,
    ENGLISH,
    LANGUAGE_GROUPS,
    OTHER_LANGUAGE,
    REPLY_LANGUAGES,
    conversation_language,
    in_unsupported_language,
    mostly_unsupported_script,
    primary_code,
)


@pytest.mark.parametrize(
    "text",
    [
        "Когда вернут депозит?",  # Russian (Cyrillic)
        "متى سيتم رد الوديعة",  # Arabic
        "เงินมัดจำจะคืนเมื่อไหร่",  # Thai
        "デポジットはいつ返金されますか",  # Japanese
        "返金はいつ",  # 2 kanji, 3 kana: with kana, the kanji count as Japanese too
        "депозиты deposit",  # 8 Cyrillic letters, 7 Latin ones
        "вернут [card number]",  # the masking placeholder is not the seller's English
    ],
)
def test_mostly_in_a_script_the_bot_does_not_read(text):
    assert mostly_unsupported_script(text)


@pytest.mark.parametrize(
    "text",
    [
        "押金什么时候退回？",  # Chinese (Simplified) is read now
        "保證金什麼時候退？",  # and Traditional
        "好的",  # a Chinese acknowledgement, for which the tagger sets no language
        "押金 deposit 什么时候退回",  # mixed Chinese and English
        "退款到[card number]",
        "How long does the review take?",
        "déjà vu, ça coûte combien ?",  # accented Latin letters are Latin
        "¿Cuándo me devuelven el depósito?",  # Spanish: Latin script, not caught by the script
        "ＨＥＬＬＯ",  # fullwidth Latin
        "депозит deposit",  # a tie is not a majority
        "12345 ?!",  # no letters at all
        "👍",
        "",
    ],
)
def test_latin_and_chinese_are_read(text):
    assert not mostly_unsupported_script(text)


def test_primary_code():
    assert [primary_code(v) for v in ("zh-CN", "zh_Hans", " ZH ", "en", "es-419")] == [
        "zh",
        "zh",
        "zh",
        "en",
        "es",
    ]


def test_the_bot_answers_in_english_and_chinese():
    assert REPLY_LANGUAGES == {"en", "zh"}
    # Words, in the order the report lists them; no emoji, no Chinese characters to need a font.
    assert LANGUAGE_GROUPS == ("English", "Chinese", "other (unsupported)")
    assert all(group.isascii() for group in LANGUAGE_GROUPS)


def test_the_language_slot_set_for_a_message_decides_instead_of_the_script():
    assert not in_unsupported_language("押金什么时候退回？", "zh")
    assert not in_unsupported_language("押金什么时候退回？", None)  # Chinese: read either way
    assert not in_unsupported_language("押金什么时候退回？", "zh-CN")
    assert in_unsupported_language("Когда вернут депозит?", None)
    assert in_unsupported_language("¿Cuándo me devuelven el depósito?", "es")
    assert not in_unsupported_language("How long?", "en")
    assert in_unsupported_language("How long?", "ru")
    # An empty value is no value: the script decides.
    assert not in_unsupported_language("How long?", "")
    assert in_unsupported_language("Когда?", "")


@pytest.mark.parametrize(
    "slot, texts, unsupported, language",
    [
        # The slot's last value decides.
        ("zh", ["hello"], False, CHINESE),
        ("zh_TW", [], False, CHINESE),
        ("en", ["押金什么时候退回？"], False, ENGLISH),
        ("en", ["Когда?"], True, ENGLISH),
        ("es", ["¿Cuándo?"], True, OTHER_LANGUAGE),
        # No value (stored before the tagger, or nothing it recognised): the tagger's rule on the
        # messages, the last language found.
        (None, ["how long is the review", "押金什么时候退回？", "ok"], False, CHINESE),
        (None, ["押金什么时候退回？", "thanks a lot"], False, ENGLISH),
        (None, ["Когда вернут депозит?"], True, OTHER_LANGUAGE),
        (None, ["hello", "Когда вернут депозит?"], True, ENGLISH),
        # Nothing found: English, the bot's default, unless a message was unsupported.
        (None, ["/greet", "ok", "好的"], False, ENGLISH),
        (None, [], False, ENGLISH),
        (None, ["ok", "شكرا"], True, OTHER_LANGUAGE),
    ],
)
def test_conversation_language(slot, texts, unsupported, language):
    assert conversation_language(slot, texts, unsupported) == language
