"""The bot as a seller meets it over REST: the real servers that `make run` starts."""

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
    assert "cancelled" in bot.texts(sender, "am I eligible?")[-1]
    assert (
        "pending"
        in bot.texts(sender, "I closed my shop last month but a buyer opened a dispute")[-1]
    )
    assert "violation" in bot.texts(sender, "no")[-1]
    texts = bot.texts(sender, "not sure")
    assert "seller backend" in texts[0] and "violation" in texts[-1]
    assert "open buyer dispute" in bot.texts(sender, "no")[-1]
    assert "Good news" in bot.texts(sender, "actually the dispute was closed yesterday")[-1]
    assert bot.texts(sender, "yes")[-1].startswith("Step 1 of 5")


def test_review_window_for_a_date_in_the_message(bot):
    """The dates themselves are checked against hand counts in tests/unit/review/test_window.py; here,
    that the window for a date in the message reaches the seller, whatever today is."""
    from datetime import timedelta

    from actions.review_actions import show, today
    from refund_assistant.review.window import review_window

    submitted = today() - timedelta(days=20)
    window = review_window(submitted, today())
    text = bot.texts(
        "rest-review", f"I applied on {submitted.isoformat()}, when will the review be done?"
    )[0]
    assert show(submitted) in text and show(window.earliest) in text and show(window.latest) in text
    assert f"Working days so far: {window.working_days_passed}" in text


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
