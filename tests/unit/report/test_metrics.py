"""The report's figures, on the fixture conversations (hand counts in `tracker_fixture`)."""

from __future__ import annotations

import pytest

from refund_assistant.report.conversations import split_conversations
from refund_assistant.report.events import Event
from refund_assistant.report.metrics import Figures, UnansweredMessage, compute
from tests.unit.report.language_events import language_events
from tests.unit.report.tracker_fixture import (
    CHINESE_QUESTION,
    CHINESE_QUESTION_2,
    DAY_1,
    RUSSIAN_QUESTION,
    SCRIPT,
    SPANISH_QUESTION,
    in_window,
)


def test_conversations_contained_and_resolved(events):
    r = in_window(events)
    # C1..C15 (C8 and C9 are one seller's two sessions); the day-4 one and the empty session out.
    assert r.conversations == 15
    # Handed off: C4, C5, C6, C8, C10.
    assert r.handed_off == 5
    # Contained = answered: C1, C2, C3, C7, C9, C15 (C9's carried-over slot is not a handoff).
    # The old definition counted every conversation without a handoff (15 - 5 = 10); C11..C14
    # were not handed off, but their sellers left unanswered, so they are not contained.
    assert r.contained == r.answered == 6
    assert r.contained_rate == pytest.approx(6 / 15)
    # Answered with a helpful: C1, C9 (C6 has a helpful but was handed off).
    assert r.confirmed_resolved == 2
    assert r.confirmed_resolved_rate == pytest.approx(2 / 15)


def test_every_conversation_is_answered_unanswered_or_handed_off(events):
    r = in_window(events)
    # Unanswered: C11 and C14 ended on "Did you mean…" (C14's goodbye after it changes nothing),
    # C12 on the out-of-scope reply, C13 on a Chinese question the NLU read as ask_bank_fees.
    assert r.unanswered_by_reason == {
        "not understood": 2,
        "off-topic": 1,
        "unsupported language": 1,
    }
    assert r.unanswered_conversations == 4
    # C7 ends on a not-covered question (then thanks): answered honestly, so answered. C15's
    # Spanish message was unsupported, but its last, Chinese with the slot "zh", was answered.
    assert (r.answered, r.unanswered_conversations, r.handed_off) == (6, 4, 5)
    assert r.answered + r.unanswered_conversations + r.handed_off == r.conversations
    assert (r.answered_rate, r.unanswered_rate, r.handoff_rate) == (
        pytest.approx(6 / 15),
        pytest.approx(4 / 15),
        pytest.approx(5 / 15),
    )
    assert r.unanswered_rate_for("not understood") == pytest.approx(2 / 15)


def test_the_language_slot_decides_instead_of_the_script(events):
    by_seller = {c.sender_id: c for c in split_conversations(events)}
    # No slot: the script decides, Russian is unsupported whatever intent the NLU guessed.
    (russian,) = by_seller["seller-n"].messages
    assert (russian.text, russian.language, russian.in_unsupported_language) == (
        RUSSIAN_QUESTION,
        None,
        True,
    )
    # The tagger's "en" after each typed message, none after the button press.
    assert [m.language for m in by_seller["seller-a"].messages] == ["en", "en", None, "en"]
    # The slot set while the bot answers a message counts for that message: Spanish ("es") is
    # unsupported though written in Latin letters, Chinese ("zh") is supported.
    spanish, chinese_2 = by_seller["seller-p"].messages
    assert (spanish.text, spanish.language, spanish.in_unsupported_language) == (
        SPANISH_QUESTION,
        "es",
        True,
    )
    assert (chinese_2.text, chinese_2.language, chinese_2.in_unsupported_language) == (
        CHINESE_QUESTION_2,
        "zh",
        False,
    )


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
    assert r.handoff_rate_for("violations") == pytest.approx(1 / 15)
    assert r.handoff_rate == pytest.approx(5 / 15)


def test_fallbacks_and_feedback(events):
    r = in_window(events)
    # m: C1 4 + C2 2 + C3 2 + C4 2 + C5 2 + C6 2 + C7 5 + C8 2 + C9 2 + C10 1 = 24,
    # + C11 2 + C12 2 + C13 1 + C14 2 + C15 2 = 33.
    assert r.seller_messages == 33
    # nlu_fallback: C4 twice, C7, C11, C14, C15 once.
    assert r.fallback_messages == 6
    assert r.fallback_rate == pytest.approx(6 / 33)
    # helpful: C1, C6, C9; not helpful: C3.
    assert (r.helpful, r.not_helpful) == (3, 1)
    assert (r.helpful_share, r.not_helpful_share) == (pytest.approx(0.75), pytest.approx(0.25))


def test_topics_leave_out_conversation_mechanics(events):
    r = in_window(events)
    # ask_deposit_amount: C5, C7 typed, C7 button = 3; ask_review_time: C2, C11, C15 = 3;
    # ask_bank_fees: C3, C13 (the intent the NLU gave the Russian message) = 2; ask_how_to_apply:
    # C1, C9 = 2; out_of_scope: C7, C12 = 2; then one each, by name. greet, goodbye, thank,
    # feedback and nlu_fallback are mechanics.
    assert r.topics == [
        ("ask_deposit_amount", 3),
        ("ask_review_time", 3),
        ("ask_bank_fees", 2),
        ("ask_how_to_apply", 2),
        ("out_of_scope", 2),
        ("ask_documents", 1),
        ("ask_prerequisites", 1),
        ("ask_review_deadline", 1),
        ("ask_review_progress", 1),
        ("describe_store", 1),
        ("request_human", 1),
    ]


def test_unanswered_messages(events):
    r = in_window(events)
    # The deposit question typed in C5 and C7 (the button press and day 4 left out), then the
    # ones seen once, by text (code point order). The not-covered question stays listed though
    # its conversations count as answered. The Spanish message is listed as its language slot
    # says "es", though the NLU gave it nlu_fallback; C13's Russian message by its script, though
    # the NLU gave it ask_bank_fees; C15's Chinese message (slot "zh") is not listed.
    assert [(u.text, u.count, u.category) for u in r.unanswered] == [
        ("how much is the deposit?", 2, "not covered by the guide"),
        (SCRIPT, 1, "not understood"),
        ("can i pay to make it faster?", 1, "not understood"),
        ("can you recommend a good phone?", 1, "off-topic"),
        ("is the refnd stuck", 1, "not understood"),
        ("my refnd thingy is brokn??", 1, "not understood"),
        ("ugh where is my money", 1, "not understood"),
        ("what's the weather in hangzhou?", 1, "off-topic"),
        (SPANISH_QUESTION.lower(), 1, "unsupported language"),
        (RUSSIAN_QUESTION.lower(), 1, "unsupported language"),
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
    # Day 1: C1, C2 answered, C13 unanswered, C8 handed off. Day 2: C3 answered, C11, C14
    # unanswered, C4, C5, C10 handed off; fallbacks: C4's two, C11's, C14's. Day 3: C7, C9, C15
    # answered, C12 unanswered, C6 handed off; fallbacks: C7's, C15's.
    assert [
        (
            d.day.isoformat(),
            d.conversations,
            d.answered,
            d.unanswered,
            d.handed_off,
            d.fallback_messages,
        )
        for d in r.daily
    ] == [
        ("2024-05-06", 4, 2, 1, 1, 0),
        ("2024-05-07", 6, 1, 2, 3, 4),
        ("2024-05-08", 5, 3, 1, 1, 2),
    ]
    assert sum(d.answered for d in r.daily) == r.answered
    assert sum(d.unanswered for d in r.daily) == r.unanswered_conversations


def test_without_a_window_every_conversation_counts(events):
    r = compute(events)
    # Plus the day-4 conversation: handed off (seller_request), 3 more messages, one fallback,
    # one not helpful.
    assert (r.conversations, r.handed_off, r.seller_messages, r.fallback_messages) == (16, 6, 36, 7)
    assert (r.answered, r.unanswered_conversations) == (6, 4)
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
        user("yes", "affirm", 4.0),  # helpful
        user("yes", "affirm", 5.0),  # not after the question: just a yes
        user("how long is the review", "ask_review_time", 6.0),
        bot("utter_ask_feedback", 7.0),
        user("no", "deny", 8.0),  # not helpful
    ]
    report = compute(events)
    assert (report.helpful, report.not_helpful) == (1, 1)


def _user(text, intent, ts, sender="s1"):
    return Event(sender, "user", ts, intent, None, {"text": text})


def _slot(name, value, ts, sender="s1"):
    return Event(sender, "slot", ts, None, None, {"name": name, "value": value})


def _start(ts, sender="s1"):
    return Event(sender, "action", ts, None, "action_session_start", {})


def test_the_outcome_is_read_from_the_last_message_before_the_sign_offs():
    events = [
        # A fallback in the middle, then answered, then thanks and a typed "no" to the feedback
        # question: answered (the "no" is feedback, a sign-off, not an unanswered message).
        _start(1.0, "a"),
        _user("refnd??", "nlu_fallback", 2.0, "a"),
        _user("how long is the review", "ask_review_time", 3.0, "a"),
        Event("a", "bot", 4.0, None, None, {"metadata": {"utter_action": "utter_ask_feedback"}}),
        _user("no", "deny", 5.0, "a"),
        _user("thanks", "thank", 6.0, "a"),
        # Off-topic, then bye and a helpful: unanswered, off-topic; not confirmed resolved.
        _start(1.0, "b"),
        _user("best phone?", "out_of_scope", 2.0, "b"),
        _user("/feedback_helpful", "feedback_helpful", 3.0, "b"),
        _user("bye", "goodbye", 4.0, "b"),
        # Only a sign-off: nothing was left unanswered.
        _start(1.0, "c"),
        _user("thanks", "thank", 2.0, "c"),
        # A Russian message the NLU took for a goodbye is no sign-off: unsupported language.
        _start(1.0, "d"),
        _user("когда вернут депозит", "goodbye", 2.0, "d"),
        # A question the guide does not cover, last: answered (honestly), and listed.
        _start(1.0, "e"),
        _user("how much is the deposit", "ask_deposit_amount", 2.0, "e"),
    ]
    r = compute(events)
    assert (r.conversations, r.answered, r.handed_off) == (5, 3, 0)
    assert r.unanswered_by_reason == {
        "not understood": 0,
        "off-topic": 1,
        "unsupported language": 1,
    }
    assert r.confirmed_resolved == 0
    assert [(u.text, u.category) for u in r.unanswered] == [
        ("best phone?", "off-topic"),
        ("how much is the deposit", "not covered by the guide"),
        ("refnd??", "not understood"),
        ("когда вернут депозит", "unsupported language"),
    ]


def test_a_handoff_wins_over_an_unanswered_last_message():
    events = [
        _start(1.0),
        _user("???", "nlu_fallback", 2.0),
        _slot("handoff_reason", "not_understood", 3.0),
    ]
    r = compute(events)
    assert (r.answered, r.unanswered_conversations, r.handed_off) == (0, 0, 1)


def test_a_message_takes_the_language_set_for_it_not_one_carried_over():
    events = [
        # Carried over by the session start: the conversation's language until changed, but not
        # set for any message, so the Russian one is judged by its script.
        _start(1.0),
        _slot("language", "en", 1.5),
        _user(RUSSIAN_QUESTION, "ask_review_time", 2.0),
        # Reset while the bot answers this message: no value, so the script decides (Latin).
        _user("how long is the review", "ask_review_time", 3.0),
        _slot("language", None, 3.5),
        # Set twice before the next message: the last value counts. A region or script subtag
        # counts by its language: zh_TW is Chinese, supported.
        _user(CHINESE_QUESTION, "ask_review_time", 4.0),
        _slot("language", "en", 4.3),
        _slot("language", "zh_TW", 4.5),
        # A button press is in no language, whatever the slot says.
        _user("/ask_documents", "ask_documents", 6.0),
        _slot("language", "es", 6.5),
    ]
    (conversation,) = split_conversations(events)
    assert [(m.language, m.in_unsupported_language) for m in conversation.messages] == [
        (None, True),
        (None, False),
        ("zh_TW", False),
        ("es", False),
    ]
    # The conversation's language is the slot's last value: "es", not one the bot answers in.
    assert (conversation.language, conversation.language_group) == ("es", "other (unsupported)")
    r = compute(events)
    assert r.answered == 1
    assert [(u.text, u.category) for u in r.unanswered] == [
        (RUSSIAN_QUESTION.lower(), "unsupported language")
    ]


# --- by language -------------------------------------------------------------------------------


def _figures(**counts):
    unanswered = {"not understood": 0, "off-topic": 0, "unsupported language": 0}
    unanswered.update(counts.pop("unanswered", {}))
    handoffs = {"seller_request": 0, "not_understood": 0, "overdue_review": 0, "violations": 0}
    handoffs.update(counts.pop("handoffs", {}))
    zero = dict.fromkeys(
        ("answered", "confirmed_resolved", "fallback_messages", "helpful", "not_helpful"), 0
    )
    return Figures(
        **{**zero, **counts},
        unanswered_by_reason=unanswered,
        handed_off=sum(handoffs.values()),
        handoffs_by_reason=handoffs,
    )


def test_the_figures_by_language():
    r = compute(language_events())
    groups = [c.language_group for c in split_conversations(language_events())]
    assert sorted(groups) == ["Chinese"] * 4 + ["English"] * 3 + ["other (unsupported)"]
    assert list(r.by_language) == ["English", "Chinese", "other (unsupported)"]
    assert r.by_language["Chinese"] == _figures(
        conversations=4,
        answered=2,  # ZH1, ZH4
        unanswered={"not understood": 1},  # ZH3
        handoffs={"seller_request": 1},  # ZH2
        confirmed_resolved=1,  # ZH1
        seller_messages=6,
        fallback_messages=1,
        helpful=1,
    )
    assert r.by_language["English"] == _figures(
        conversations=3,
        answered=1,  # EN1
        unanswered={"unsupported language": 1},  # EN3's last message, in Arabic
        handoffs={"violations": 1},  # EN2
        seller_messages=5,
        not_helpful=1,
    )
    assert r.by_language["other (unsupported)"] == _figures(
        conversations=1, unanswered={"unsupported language": 1}, seller_messages=1
    )
    # Shares within each language.
    chinese = r.by_language["Chinese"]
    assert (chinese.answered_rate, chinese.handoff_rate, chinese.unanswered_rate) == (
        pytest.approx(2 / 4),
        pytest.approx(1 / 4),
        pytest.approx(1 / 4),
    )
    assert (chinese.fallback_rate, chinese.helpful_share) == (pytest.approx(1 / 6), 1.0)
    assert r.by_language["English"].not_helpful_share == 1.0
    assert r.by_language["other (unsupported)"].unanswered_rate == 1.0
    # The languages add up to the totals.
    assert (r.conversations, r.answered, r.unanswered_conversations, r.handed_off) == (8, 3, 3, 2)
    for name in ("conversations", "answered", "handed_off", "confirmed_resolved", "helpful"):
        assert sum(getattr(f, name) for f in r.by_language.values()) == getattr(r, name), name
    assert sum(f.seller_messages for f in r.by_language.values()) == r.seller_messages == 12


def test_the_fixture_by_language(events):
    r = in_window(events)
    # C15 is Chinese (the slot's last value, "zh"); C13 other (Russian, no slot); the other 13
    # English (C1 by its slot, the rest by the tagger's rule on their messages).
    assert {name: f.conversations for name, f in r.by_language.items()} == {
        "English": 13,
        "Chinese": 1,
        "other (unsupported)": 1,
    }
    english = r.by_language["English"]
    assert (english.answered, english.unanswered_conversations, english.handed_off) == (5, 3, 5)
    assert english.unanswered_by_reason == {
        "not understood": 2,
        "off-topic": 1,
        "unsupported language": 0,
    }
    assert english.handoffs_by_reason["legal_threat"] == 1
    assert (english.seller_messages, english.fallback_messages) == (30, 5)
    assert (english.helpful, english.not_helpful, english.confirmed_resolved) == (3, 1, 2)
    chinese = r.by_language["Chinese"]
    assert (chinese.answered, chinese.seller_messages, chinese.fallback_messages) == (1, 2, 1)
    # The unknown handoff reason is listed for every language, so the columns line up.
    assert chinese.handoffs_by_reason == dict.fromkeys(r.handoffs_by_reason, 0)
    other = r.by_language["other (unsupported)"]
    assert other.unanswered_by_reason["unsupported language"] == other.conversations == 1


def test_no_conversations_in_a_language_is_zero_not_an_error():
    r = compute([])
    assert all(f.conversations == 0 and f.answered_rate == 0 for f in r.by_language.values())
