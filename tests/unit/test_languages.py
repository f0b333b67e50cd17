"""The seller's language from one message: which one carries it, and which have none."""

import pytest

from refund_assistant.languages import (
    ChineseScript,
    Language,
    chinese_script,
    language_from_code,
    message_language,
    script_from_code,
    to_simplified,
    to_traditional,
)

EN, ZH = Language.ENGLISH, Language.CHINESE


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("保证金怎么退？", ZH),
        ("审核要多久", ZH),
        ("審核要多久", ZH),
        ("deposit 退款怎么申请", ZH),
        ("我的store已经closed了", ZH),
        ("seller center里面保证金在哪", ZH),
        ("我11月3号提交的", ZH),
        ("how do I get my deposit back", EN),
        ("HOW LONG IS THE REVIEW???", EN),
        ("thx", EN),
        ("How do I apply for the 保证金 refund?", EN),
        ("my account is [card number], when is the refund?", EN),
    ],
)
def test_the_language_that_carries_the_message(text, language):
    assert message_language(text) is language


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "OK!",
        "okay",
        "好的",
        "好",
        "嗯嗯",
        "👍",
        "3",
        "2026-11-03",
        "11/3",
        "Nov 3rd",
        "",
        "  ",
    ]
    + ["today", "yesterday"]  # what the date question's buttons send, in both languages
    + ["/ask_review_time", "/start", "[phone]", "これは日本語です", "Привет"],
)
def test_messages_with_no_language_of_their_own_keep_the_conversations(text):
    assert message_language(text) is None


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("保证金怎么退", ChineseScript.SIMPLIFIED),
        ("保證金怎麼退", ChineseScript.TRADITIONAL),
        ("店铺已经注销了", ChineseScript.SIMPLIFIED),
        ("店鋪已經註銷了", ChineseScript.TRADITIONAL),
        ("my store", None),
    ],
)
def test_simplified_or_traditional(text, script):
    assert chinese_script(text) is script


def test_conversion_both_ways():
    assert to_simplified("審核要多久") == "审核要多久"
    assert to_traditional("审核要多久") == "審核要多久"


@pytest.mark.parametrize(
    ("code", "language", "script"),
    [
        ("zh-CN", ZH, ChineseScript.SIMPLIFIED),
        ("zh-hans", ZH, ChineseScript.SIMPLIFIED),
        ("zh", ZH, ChineseScript.SIMPLIFIED),
        ("zh-TW", ZH, ChineseScript.TRADITIONAL),
        ("zh_HK", ZH, ChineseScript.TRADITIONAL),
        ("zh-Hant-TW", ZH, ChineseScript.TRADITIONAL),
        ("en-GB", EN, None),
        ("EN", EN, None),
        ("ru", None, None),
        ("", None, None),
        (None, None, None),
    ],
)
def test_a_clients_language_code(code, language, script):
    assert language_from_code(code) is language
    assert script_from_code(code) is script
