"""The bot as a seller meets it over REST: the real servers that `make run` starts."""

import json
import sqlite3
import time

import pytest

from refund_assistant.launcher.local_bot import port_is_open, start_bot

pytestmark = pytest.mark.servers


def test_answers_the_whole_process_with_follow_up_buttons(bot):
    replies = bot.say("rest-process", "how do I get my deposit back?")
    assert "Capital management" in replies[0]["text"]
    assert "7 to 15 working days" in replies[0]["text"]
    titles = [button["title"] for button in replies[0]["buttons"]]
    assert "Walk me through the steps" in titles


def test_walkthrough_next_back_and_jump(bot):
    assert bot.texts("rest-walk", "/start_walkthrough")[0].startswith("Step 1 of 5")
    assert bot.texts("rest-walk", "/next_step")[0].startswith("Step 2 of 5")
    assert bot.texts("rest-walk", "/previous_step")[0].startswith("Step 1 of 5")
    assert bot.texts("rest-walk", "what is step 3?")[0].startswith("Step 3 of 5")


def test_store_check_from_one_message_names_every_blocker(bot):
    texts = bot.texts(
        "rest-blocked",
        "my store is still open, 2 orders are shipping, I got a penalty and a buyer opened a dispute",
    )
    verdict = next(text for text in texts if "can't apply" in text)
    for blocker in (
        "hasn't been cancelled",
        "pending orders",
        "violation or penalty",
        "open buyer dispute",
    ):
        assert blocker in verdict
    # No procedure for violations in the guide: a person is offered.
    assert texts[-1].startswith("The guide has no procedure for violation")


def test_store_check_asks_only_what_is_unknown_and_takes_a_correction(bot):
    sender = "rest-check"
    texts = bot.texts(sender, "am I eligible?")
    # Answer first: the three conditions in one line, then the first question.
    assert texts[0].startswith("You can ask for your deposit back only when all three")
    assert texts[-1].startswith("Has your store been cancelled successfully?")
    texts = bot.texts(sender, "I closed my shop last month but a buyer opened a dispute")
    assert texts[0].startswith("Not yet") and "open buyer dispute" in texts[0]
    assert texts[-1].startswith("Shall I check the rest")
    assert "pending" in bot.texts(sender, "yes")[-1]
    assert "violation" in bot.texts(sender, "no")[-1]
    texts = bot.texts(sender, "not sure")
    assert "seller backend" in texts[0] and "violation" in texts[-1]
    verdict = bot.texts(sender, "no")
    assert "can't apply" in verdict[0] and "open buyer dispute" in verdict[0]
    assert "Good news" in bot.texts(sender, "actually the dispute was closed yesterday")[-1]
    assert bot.texts(sender, "yes")[-1].startswith("Step 1 of 5")


def test_one_blocker_in_a_question_is_answered_at_once_and_the_rest_checked_on_yes(bot):
    sender = "rest-not-yet"
    texts = bot.texts(
        sender, "I still have 2 pending orders in my store, can I get my deposit back already?"
    )
    assert len(texts) == 2
    not_yet, offer = texts
    assert not_yet.startswith("Not yet") and "Every order has to be finished first" in not_yet
    # what else must hold: the three facts the seller did not mention, not the orders again
    assert "cancelled successfully" in not_yet and "violation or penalty" in not_yet
    assert "no open buyer dispute" in not_yet and "no pending orders left" not in not_yet
    assert offer.startswith("Shall I check the rest")
    # A typed yes resumes the check with only the unknown facts: never the orders.
    assert bot.texts(sender, "yes")[-1].startswith("Has your store been cancelled")
    assert "violation" in bot.texts(sender, "yes")[-1]
    assert "open buyer dispute" in bot.texts(sender, "no")[-1]
    verdict, feedback = bot.texts(sender, "no")
    assert "can't apply" in verdict
    assert "pending orders" in verdict and "dispute" not in verdict
    # The final verdict is where a seller may be done: the feedback question follows it.
    assert feedback == "Did this answer your question?"


def test_not_yet_can_be_declined(bot):
    sender = "rest-decline"
    texts = bot.texts(
        sender, "there is a buyer dispute open on my store, will that stop my refund?"
    )
    assert texts[0].startswith("Not yet") and "open buyer dispute" in texts[0]
    assert texts[-1].startswith("Shall I check the rest")
    assert bot.texts(sender, "no")[-1].startswith("OK. Once that's sorted")


def test_a_store_meeting_every_condition_in_one_message_gets_the_verdict_in_one_reply(bot):
    texts = bot.texts(
        "rest-ready",
        "my store is cancelled, no pending orders, no violations and no disputes. can I apply?",
    )
    assert len(texts) == 1 and texts[0].startswith("Good news")


def test_review_window_for_a_date_in_the_message(bot):
    """The dates themselves are checked against hand counts in tests/unit/review/test_window.py; here,
    that the window for a date in the message reaches the seller, whatever today is."""
    from datetime import timedelta

    from actions.review_actions import today
    from refund_assistant.review.dates_shown import format_day as show
    from refund_assistant.review.window import review_window

    submitted = today() - timedelta(days=20)
    window = review_window(submitted, today())
    text = bot.texts(
        "rest-review", f"I applied on {submitted.isoformat()}, when will the review be done?"
    )[0]
    assert show(submitted) in text and show(window.earliest) in text and show(window.latest) in text
    assert f"Working days so far: {window.working_days_passed}" in text


def test_a_review_question_without_a_date_gets_the_rule_then_the_date_question(bot):
    texts = bot.texts("rest-review-rule", "when will my review be done?")
    assert len(texts) == 2
    assert "7 to 15 working days" in texts[0] and "seller backend" in texts[0]
    assert texts[1].startswith("When did you submit your refund application?")


def test_personal_data_with_a_question_gets_the_warning_then_the_answer(bot):
    sender = "rest-pii-question"
    texts = bot.texts(sender, "my account is 6222021234567890123, how long does the review take?")
    assert texts[0].startswith("Please don't send bank account")
    assert "7 to 15 working days" in texts[1]
    assert sum("Please don't send" in text for text in texts) == 1
    # Logged as an ordinary bot utterance, masked, in the conversation database.
    with sqlite3.connect(bot.output.with_suffix(".db")) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()
    events = [json.loads(data) for (data,) in rows]
    said = [(e.get("metadata") or {}).get("utter_action") for e in events if e["event"] == "bot"]
    assert said[:2] == ["utter_personal_data_not_needed", "utter_review_time"]
    assert "6222021234567890123" not in json.dumps(events)


def test_personal_data_alone_gets_the_warning_only(bot):
    texts = bot.texts("rest-pii-only", "my account number is 6222021234567890123")
    assert len(texts) == 1 and texts[0].startswith("Please don't send bank account")


def test_off_topic_and_not_covered_questions_are_declined_honestly(bot):
    assert "can't help with that" in bot.texts("rest-off", "what's the weather in Paris?")[0]
    assert "doesn't give deposit sizes" in bot.texts("rest-off", "how much is the deposit?")[0]


def test_sigterm_stops_every_server():
    running = start_bot()
    assert port_is_open(running.rasa_port) and port_is_open(running.actions_port)
    assert running.stop() == 0
    time.sleep(1)
    assert not port_is_open(running.rasa_port)
    assert not port_is_open(running.actions_port)
