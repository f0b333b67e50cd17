"""The report's figures, on the fixture conversations (hand counts in `tracker_fixture`)."""

from __future__ import annotations

import pytest

from refund_assistant.report.events import Event
from refund_assistant.report.metrics import UnansweredMessage, compute
from tests.unit.report.tracker_fixture import DAY_1, SCRIPT, in_window


def test_conversations_contained_and_resolved(events):
    r = in_window(events)
    # C1..C10 (C8 and C9 are one seller's two sessions); the day-4 one and the empty session out.
    assert r.conversations == 10
    # Handed off: C4, C5, C6, C8, C10.
    assert r.handed_off == 5
    # Contained: C1, C2, C3, C7, C9 (C9's carried-over slot is not a handoff).
    assert r.contained == 5
    assert r.contained_rate == pytest.approx(0.5)
    # Contained with 👍: C1, C9 (C6 has 👍 but was handed off).
    assert r.confirmed_resolved == 2
    assert r.confirmed_resolved_rate == pytest.approx(0.2)


def test_handoffs_by_reason(events):
    r = in_window(events)
    # One conversation each, the known reasons first, the unknown one after; C4's reset to None
    # and C9's carried-over value count nothing.
    assert r.handoffs_by_reason == {
        "seller_request": 1,
        "not_understood": 1,
        "overdue_review": 1,
        "violations": 1,
        "legal_threat": 1,
    }
    assert r.handoff_rate_for("violations") == pytest.approx(0.1)
    assert r.handoff_rate == pytest.approx(0.5)


def test_fallbacks_and_feedback(events):
    r = in_window(events)
    # m: C1 4 + C2 2 + C3 2 + C4 2 + C5 2 + C6 2 + C7 5 + C8 2 + C9 2 + C10 1 = 24.
    assert r.seller_messages == 24
    # nlu_fallback: C4 twice, C7 once.
    assert r.fallback_messages == 3
    assert r.fallback_rate == pytest.approx(3 / 24)
    # 👍: C1, C6, C9; 👎: C3.
    assert (r.helpful, r.not_helpful) == (3, 1)
    assert (r.helpful_share, r.not_helpful_share) == (pytest.approx(0.75), pytest.approx(0.25))


def test_topics_leave_out_conversation_mechanics(events):
    r = in_window(events)
    # ask_deposit_amount: C5, C7 typed, C7 button = 3; ask_how_to_apply: C1, C9 = 2; then one
    # each, by name. greet, goodbye, thank, 👍/👎 and nlu_fallback are mechanics.
    assert r.topics == [
        ("ask_deposit_amount", 3),
        ("ask_how_to_apply", 2),
        ("ask_bank_fees", 1),
        ("ask_documents", 1),
        ("ask_prerequisites", 1),
        ("ask_review_deadline", 1),
        ("ask_review_progress", 1),
        ("ask_review_time", 1),
        ("describe_store", 1),
        ("out_of_scope", 1),
        ("request_human", 1),
    ]


def test_unanswered_messages(events):
    r = in_window(events)
    # The deposit question typed in C5 and C7 (the button press and day 4 left out), then the
    # ones seen once, by text.
    assert [(u.text, u.count, u.category) for u in r.unanswered] == [
        ("how much is the deposit?", 2, "not covered by the guide"),
        (SCRIPT, 1, "not understood"),
        ("my refnd thingy is brokn??", 1, "not understood"),
        ("ugh where is my money", 1, "not understood"),
        ("what's the weather in hangzhou?", 1, "off-topic"),
    ]


def test_unanswered_messages_are_masked_again():
    # Stored texts are masked already; one that was not still leaves the report masked.
    events = [
        Event(
            "s",
            "user",
            DAY_1.timestamp(),
            "nlu_fallback",
            data={"text": "Refund to 4111 1111 1111 1111 or  mail ME@example.com"},
        ),
    ]
    assert compute(events).unanswered == [
        UnansweredMessage("refund to [card number] or mail [email]", 1, "not understood"),
    ]


def test_daily_trend(events):
    r = in_window(events)
    # Day 1: C1, C2, C8 (C8 handed off). Day 2: C3, C4, C5, C10 (C4, C5, C10 handed off; C4's
    # two fallbacks). Day 3: C6, C7, C9 (C6 handed off; C7's fallback).
    assert [
        (d.day.isoformat(), d.conversations, d.handed_off, d.fallback_messages) for d in r.daily
    ] == [
        ("2024-05-06", 3, 1, 0),
        ("2024-05-07", 4, 3, 2),
        ("2024-05-08", 3, 1, 1),
    ]


def test_without_a_window_every_conversation_counts(events):
    r = compute(events)
    # Plus the day-4 conversation: handed off (seller_request), 3 more messages, one fallback, 👎.
    assert (r.conversations, r.handed_off, r.seller_messages, r.fallback_messages) == (11, 6, 27, 4)
    assert r.handoffs_by_reason["seller_request"] == 2
    assert (r.helpful, r.not_helpful) == (3, 2)
    assert r.unanswered[0] == UnansweredMessage(
        "how much is the deposit?", 3, "not covered by the guide"
    )
    assert [d.day.isoformat() for d in r.daily] == [
        "2024-05-06",
        "2024-05-07",
        "2024-05-08",
        "2024-05-09",
    ]


def test_a_typed_yes_or_no_to_the_feedback_question_counts_as_feedback():
    def user(text, intent, ts):
        return Event("s1", "user", ts, intent, None, {"text": text})

    def bot(response, ts):
        return Event("s1", "bot", ts, None, None, {"metadata": {"utter_action": response}})

    events = [
        Event("s1", "action", 1.0, None, "action_session_start", {}),
        user("which documents?", "ask_documents", 2.0),
        bot("utter_ask_feedback", 3.0),
        user("yes", "affirm", 4.0),  # 👍
        user("yes", "affirm", 5.0),  # not after the question: just a yes
        user("how long is the review", "ask_review_time", 6.0),
        bot("utter_ask_feedback", 7.0),
        user("no", "deny", 8.0),  # 👎
    ]
    report = compute(events)
    assert (report.helpful, report.not_helpful) == (1, 1)
