"""Event streams in English, Chinese and an unsupported language, as the report reads them from
the `events` table, with the language tagger's slots set as the live bot sets them. Shared by the
figures' tests and the page's."""

from __future__ import annotations

from refund_assistant.report.events import Event
from tests.unit.report.tracker_fixture import RUSSIAN_QUESTION


def _start(ts, sender):
    return Event(sender, "action", ts, None, "action_session_start", {})


def _user(text, intent, ts, sender):
    return Event(sender, "user", ts, intent, None, {"text": text})


def _slot(name, value, ts, sender):
    return Event(sender, "slot", ts, None, None, {"name": name, "value": value})


def _bot(ts, sender, response="utter_answer"):
    return Event(sender, "bot", ts, None, None, {"metadata": {"utter_action": response}})


def language_events():
    """Eight conversations of seven sellers, in English, Chinese and Russian; the tagger's slots
    set as the live bot sets them (after each typed message with a language of its own)."""
    return [
        # ZH1: Traditional Chinese, answered, helpful, then "好的" (no language of its own: the
        # tagger sets nothing). Chinese, answered, confirmed resolved. m=3.
        _start(1.0, "zh1"),
        _user("保證金什麼時候退？", "ask_refund_time", 2.0, "zh1"),
        _slot("language", "zh", 2.1, "zh1"),
        _slot("chinese_script", "traditional", 2.2, "zh1"),
        _bot(3.0, "zh1"),
        _user("/feedback_helpful", "feedback_helpful", 4.0, "zh1"),
        _user("好的", "thank", 5.0, "zh1"),
        # ZH2: Chinese, asks for a person. Handed off (seller_request). m=1.
        _start(1.0, "zh2"),
        _user("我要人工客服", "request_human", 2.0, "zh2"),
        _slot("language", "zh", 2.1, "zh2"),
        _slot("handoff_ticket", "RA-ZH2345", 2.5, "zh2"),
        _slot("handoff_reason", "seller_request", 2.6, "zh2"),
        # ZH3: Chinese, not understood, the seller leaves. Unanswered (not understood). m=1.
        _start(1.0, "zh3"),
        _user("这个到底怎么弄啊", "nlu_fallback", 2.0, "zh3"),
        _slot("language", "zh", 2.1, "zh3"),
        _bot(3.0, "zh3", "utter_did_you_mean"),
        # ZH4: the same seller the next day: the session start carries "zh" over, and "好的"
        # sets nothing, so the conversation is Chinese. Answered (only a sign-off). m=1.
        _start(90000.0, "zh3"),
        _slot("language", "zh", 90000.5, "zh3"),
        _user("好的", "thank", 90001.0, "zh3"),
        # EN1: English, answered, not helpful. English, answered, not confirmed resolved. m=2.
        _start(1.0, "en1"),
        _user("how long is the review", "ask_review_time", 2.0, "en1"),
        _slot("language", "en", 2.1, "en1"),
        _bot(3.0, "en1"),
        _user("/feedback_not_helpful", "feedback_not_helpful", 4.0, "en1"),
        # EN2: English, handed off for violations. m=1.
        _start(1.0, "en2"),
        _user("my store has a penalty record", "describe_store", 2.0, "en2"),
        _slot("language", "en", 2.1, "en2"),
        _slot("handoff_reason", "violations", 2.6, "en2"),
        # EN3: English, then Arabic, for which the tagger sets nothing: the conversation stays
        # English (the slot's last value), unanswered for an unsupported language. m=2.
        _start(1.0, "en3"),
        _user("hello", "greet", 2.0, "en3"),
        _slot("language", "en", 2.1, "en3"),
        _user("متى سيتم رد الوديعة", "ask_review_time", 3.0, "en3"),
        # RU1: only Russian, no slot ever set: other (unsupported), unanswered. m=1.
        _start(1.0, "ru1"),
        _user(RUSSIAN_QUESTION, "ask_review_time", 2.0, "ru1"),
        _bot(3.0, "ru1"),
    ]
