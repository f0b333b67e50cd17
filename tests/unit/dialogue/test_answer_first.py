"""Answer first, then ask: the general answer comes before the bot's own question."""

from refund_assistant.dialogue.answer_first import before_date_question, before_store_questions
from tests.support import DOMAIN

NOTHING: set[str] = set()


def test_a_review_question_without_a_date_gets_the_rule_first():
    assert before_date_question("ask_review_deadline", False, False, NOTHING) == (
        "utter_review_time"
    )


def test_no_rule_with_a_date_once_asked_or_for_other_messages():
    assert before_date_question("ask_review_deadline", True, False, NOTHING) is None
    assert before_date_question("ask_review_deadline", False, True, NOTHING) is None
    assert before_date_question("inform_date", False, False, NOTHING) is None


def test_no_rule_right_after_the_bot_stated_it():
    for said in ("utter_review_time", "utter_review_progress", "utter_step_4"):
        assert before_date_question("ask_review_deadline", False, False, {said}) is None


def test_a_fresh_check_that_will_ask_states_the_conditions_first():
    assert before_store_questions({}, {}, False, NOTHING) == "utter_store_check_conditions"
    stated = {"store_cancelled": True, "has_pending_orders": False}
    assert before_store_questions({}, stated, False, NOTHING) == "utter_store_check_conditions"


def test_no_conditions_mid_check_on_resuming_at_a_blocker_or_right_after_the_list():
    assert before_store_questions({}, {}, True, NOTHING) is None  # a question is open
    assert (
        before_store_questions({"has_disputes": True}, {"has_disputes": True}, False, NOTHING)
        is None
    )
    assert before_store_questions({}, {"has_pending_orders": True}, False, NOTHING) is None
    assert before_store_questions({}, {}, False, {"utter_prerequisites"}) is None
    everything = {
        "store_cancelled": True,
        "has_pending_orders": False,
        "has_violations": False,
        "has_disputes": False,
    }
    assert before_store_questions({}, everything, False, NOTHING) is None  # nothing to ask


def test_the_answers_are_domain_responses():
    assert {"utter_review_time", "utter_store_check_conditions"} <= set(DOMAIN["responses"])
