"""When the bot asks "Did this answer your question?": when the seller seems done, once per
answered question, never inside a form."""

from refund_assistant.dialogue.feedback import should_ask, should_ask_after_a_pause
from tests.support import bot_event as bot
from tests.support import user_event as user

SESSION_START = {"event": "action", "name": "action_session_start"}


def asks(*events, form_active=False):
    return should_ask([SESSION_START, *events], form_active=form_active)


def test_thanks_after_an_answer_asks():
    assert asks(
        user("how long is the review", "ask_review_time"),
        bot("utter_review_time"),
        user("thanks", "thank"),
        bot("utter_you_are_welcome"),
    )


def test_thanks_with_nothing_answered_does_not_ask():
    assert not asks(user("hi", "greet"), bot("utter_greet"), user("thx", "thank"))
    assert not asks(user("what's the weather", "out_of_scope"), bot("utter_out_of_scope"))
    assert not asks(user("asdf", "nlu_fallback"), bot("utter_ask_rephrase"), user("bye", "goodbye"))


def test_asked_once_per_answer():
    asked = [
        user("how long is the review", "ask_review_time"),
        bot("utter_review_time"),
        user("thanks", "thank"),
        bot("utter_ask_feedback"),
    ]
    assert not asks(*asked, user("bye", "goodbye"), bot("utter_goodbye"))
    assert asks(
        *asked,
        user("what documents", "ask_documents"),
        bot("utter_documents"),
        user("bye", "goodbye"),
    )


def test_the_end_of_a_walkthrough_counts_its_steps_as_answers():
    assert asks(
        user("walk me through it", "start_walkthrough"),
        bot("utter_step_1"),
        user("next", "next_step"),
        bot("utter_walkthrough_done"),
    )


def test_never_inside_a_form_or_after_an_answer_that_asks_its_own_question():
    answered = [user("can I get it back", "check_eligibility"), bot("utter_ask_store_cancelled")]
    assert not asks(*answered, form_active=True)
    assert not asks(user("the whole process?", "ask_whole_process"), bot("utter_whole_process"))


def test_a_previous_session_does_not_count():
    assert not should_ask(
        [user("review time", "ask_review_time"), bot("utter_review_time"), SESSION_START],
        form_active=False,
    )


def test_a_verdict_that_offers_something_is_not_followed_by_the_question():
    """Asking "Shall I walk you through the steps?" then "Did this answer...?" would make a yes
    ambiguous: the offers `yes_no` answers are left alone."""
    checked = [user("can I apply", "check_eligibility")]
    for offer in ("utter_refund_eligible", "utter_review_window_overdue", "utter_offer_check_rest"):
        assert not should_ask([SESSION_START, *checked], form_active=False, just_sent=[offer])
    assert should_ask([SESSION_START, *checked], form_active=False, just_sent=["utter_x"])


QUESTIONS = {"utter_ask_which_step", "utter_did_you_mean"}


def asks_after_a_pause(*events, busy=False):
    return should_ask_after_a_pause([SESSION_START, *events], busy, QUESTIONS.__contains__)


def test_a_quiet_seller_is_asked_after_an_answer_to_their_question():
    assert asks_after_a_pause(
        user("how long is the review", "ask_review_time"), bot("utter_review_time")
    )


def test_not_after_an_answer_that_asks_something_back_or_offers_something():
    assert not asks_after_a_pause(user("show me a step", "ask_step"), bot("utter_ask_which_step"))
    # "Shall I walk you through the steps?" waits for a yes or no
    assert not asks_after_a_pause(
        user("the whole process?", "ask_whole_process"), bot("utter_whole_process")
    )


def test_not_when_the_last_message_asked_for_nothing_to_rate():
    answered = [user("how long is the review", "ask_review_time"), bot("utter_review_time")]
    assert not asks_after_a_pause(*answered, user("hi", "greet"), bot("utter_greet"))
    assert not asks_after_a_pause(
        *answered, user("asdf", "nlu_fallback"), bot("utter_did_you_mean")
    )


def test_not_twice_and_not_inside_a_form_or_the_walkthrough():
    answered = [user("how long is the review", "ask_review_time"), bot("utter_review_time")]
    assert not asks_after_a_pause(*answered, bot("utter_ask_feedback"))
    assert not asks_after_a_pause(*answered, busy=True)
