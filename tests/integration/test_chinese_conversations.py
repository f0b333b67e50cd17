"""Chinese over REST, as a seller meets it: answered in the language they write in, switched
when they switch, kept for "ok" and buttons, Traditional for Traditional, and the store check
and the review dates from Chinese messages."""

import re

import pytest

from refund_assistant.languages import has_chinese
from refund_assistant.response_variants import for_language
from tests.support import DOMAIN

pytestmark = pytest.mark.servers


def chinese(name):
    return for_language(DOMAIN["responses"][name], "zh")[0]["text"]


def english(name):
    return for_language(DOMAIN["responses"][name], "en")[0]["text"]


def test_a_chinese_question_gets_the_chinese_answer_and_english_switches_back(bot):
    sender = "zh-switch"
    assert bot.texts(sender, "保证金审核要多久？") == [chinese("utter_review_time")]
    assert bot.texts(sender, "how long does the review take?") == [english("utter_review_time")]
    assert bot.texts(sender, "deposit 退款审核要几天") == [chinese("utter_review_time")]


def test_ok_and_buttons_keep_the_language(bot):
    sender = "zh-keep"
    bot.texts(sender, "你好")
    replies = bot.texts(sender, "/ask_documents")
    assert replies == [chinese("utter_documents")]
    assert all(has_chinese(text) for text in bot.texts(sender, "ok"))


def test_traditional_characters_get_traditional_replies(bot):
    [reply] = bot.texts("zh-hant", "保證金審核要多久？")
    assert "審核" in reply and "审核" not in reply and "7到15個工作日" in reply


def test_a_chinese_store_description_gets_the_verdict_in_one_reply(bot):
    replies = bot.texts(
        "zh-store", "店铺已经注销了，没有未完成的订单，也没有违规和纠纷，能退保证金吗"
    )
    assert replies[0] == chinese("utter_refund_eligible")


def test_a_chinese_blocker_is_named_at_once(bot):
    not_yet, offer = bot.texts("zh-blocker", "还有两个订单没发货，现在能申请退保证金吗")
    assert not_yet.startswith("根据您提供的情况，现在还不能申请")
    assert chinese("utter_blocker_pending_orders") in not_yet
    assert offer == chinese("utter_offer_check_rest")


def test_a_chinese_date_gets_the_seller_s_own_window_in_chinese(bot):
    sender = "zh-date"
    replies = bot.texts(sender, "我的退款申请什么时候能审核完")
    assert replies[0] == chinese("utter_review_time")
    window = bot.texts(sender, "我是三天前提交的")[0]
    assert (
        re.match(r"您于\d{4}年\d{1,2}月\d{1,2}日提交了申请", window) and "7到15个工作日" in window
    )
