"""Reading a conversation's events: what the bot said in its turn before the seller's message."""

from refund_assistant.conversation import previous_turn_responses
from tests.support import bot_event as bot
from tests.support import user_event as user


def test_previous_turn_is_what_the_bot_said_between_the_last_two_messages():
    events = [
        user("hi", "greet", 1.0),
        bot("utter_greet", timestamp=1.1),
        user("how long is the review", "ask_review_time", 2.0),
        bot("utter_review_time", timestamp=2.1),
        {"event": "action", "name": "action_offer_feedback"},
        bot("utter_ask_feedback", timestamp=2.2),
        {"event": "action", "name": "action_listen"},
        user("/ask_review_deadline", "ask_review_deadline", 3.0),
        bot("utter_personal_data_not_needed", timestamp=3.1),  # this turn: not counted
    ]
    assert previous_turn_responses(events) == {"utter_review_time", "utter_ask_feedback"}


def test_no_previous_turn_at_the_start_or_after_a_custom_text():
    assert previous_turn_responses([user("hi", "greet")]) == set()
    custom = {"event": "bot", "text": "free text", "metadata": {}}
    assert previous_turn_responses([user("a", "greet", 1.0), custom, user("b", "greet")]) == set()
