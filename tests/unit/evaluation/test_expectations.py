"""The end-to-end verdict on hand-made replies rendered from the real domain: each rule of
`refund_assistant.evaluation.expectations`, with the replies that must pass and the ones that
must fail (wrong topic, a fallback, asking a fact the seller stated, a missing blocker)."""

import re
from datetime import date, timedelta

import pytest
import yaml

from refund_assistant.evaluation.expectations import (
    REFERENCE_DAY,
    Judge,
    LabelledMessage,
    expected_window_response,
    rule_answers,
)
from refund_assistant.evaluation.replies import ReplyMatcher
from refund_assistant.facts import Fact
from refund_assistant.review.window import ReviewStatus, review_window
from refund_assistant.settings import PROJECT_ROOT
from tests.support import DOMAIN

RULES = [yaml.safe_load(p.read_text()) for p in sorted((PROJECT_ROOT / "data/rules").glob("*.yml"))]
ANSWERS = rule_answers(RULES)
JUDGE = Judge(ReplyMatcher(DOMAIN["responses"]), ANSWERS)
WINDOWS = ["utter_review_window_not_yet_due", "utter_review_window_in_window",
           "utter_review_window_overdue", "utter_review_window_just_closed"]  # fmt: skip


def render(name, **values):
    text = DOMAIN["responses"][name][0]["text"]
    return re.sub(r"\{([^{}\s]+)\}", lambda m: str(values.get(m.group(1), "X")), text)


def not_eligible(*blockers):
    return render("utter_refund_not_eligible", blockers="\n".join(render(b) for b in blockers))


def msg(intent, text="some message", **extra):
    return LabelledMessage.from_dict({"id": "t-1", "text": text, "intent": intent, **extra})


def judge(message, *names, texts=(), window=None):
    """Judges replies given as response names (rendered) plus any raw texts."""
    return JUDGE.judge(
        message, [render(n, ticket_id="RA-7KQ2MX") for n in names] + list(texts), window
    )


def test_rule_answers_are_read_from_the_rules_files():
    assert ANSWERS["ask_documents"] == {"utter_documents"}
    assert ANSWERS["ask_buyer_refund"] == {"utter_buyer_refund"}
    assert ANSWERS["out_of_scope"] == {"utter_out_of_scope"}
    assert ANSWERS["greet"] == {"utter_greet"}
    assert ANSWERS["thank"] == {"utter_you_are_welcome"}
    assert "utter_anything_else" in ANSWERS["stop"]  # from an `or:` of intents
    assert "request_human" not in ANSWERS  # answered by a custom action
    assert "check_eligibility" not in ANSWERS  # answered by a form


def test_rule_answers_take_only_a_response_right_after_the_intent():
    docs = [{"rules": [
        {"steps": [{"or": [{"intent": "a"}, {"intent": "b"}]}, {"action": "utter_ab"}]},
        {"steps": [{"intent": "c"}, {"action": "action_x"}, {"action": "utter_late"}]},
        {"steps": [{"intent": "d"}]},
    ]}, None, {"version": "3.1"}]  # fmt: skip
    assert rule_answers(docs) == {"a": {"utter_ab"}, "b": {"utter_ab"}}


def test_faq_needs_its_rule_response_and_may_add_the_feedback_question():
    result = judge(msg("ask_documents"), "utter_documents", "utter_ask_feedback")
    assert result.correct and result.kind == "ok"
    assert result.responses == ("utter_documents", "utter_ask_feedback")
    wrong = judge(msg("ask_documents"), "utter_file_requirements", "utter_ask_feedback")
    assert not wrong.correct and wrong.kind == "wrong_response"
    assert wrong.expected == "utter_documents"


def test_not_covered_question_needs_its_own_reply():
    assert judge(msg("ask_deposit_amount"), "utter_deposit_amount").correct
    assert not judge(msg("ask_deposit_amount"), "utter_deposit_balance").correct


def test_out_of_scope_is_declined_and_an_in_scope_question_must_not_be():
    result = judge(msg("out_of_scope"), "utter_out_of_scope")
    assert result.correct and result.declined
    assert not judge(msg("out_of_scope"), "utter_whole_process").correct
    result = judge(msg("ask_review_time"), "utter_out_of_scope")
    assert not result.correct and result.declined and result.kind == "declined_in_scope"


@pytest.mark.parametrize(
    "intent, response",
    [("greet", "utter_greet"), ("goodbye", "utter_goodbye"), ("thank", "utter_you_are_welcome"),
     ("bot_challenge", "utter_iamabot"), ("ask_capabilities", "utter_capabilities")],
)  # fmt: skip
def test_conversation_intents_get_their_rule_response(intent, response):
    assert judge(msg(intent), response).correct
    assert not judge(msg(intent), "utter_out_of_scope").correct


def test_request_human_is_any_handoff_but_a_failed_one():
    for response in ["utter_handoff_filed", "utter_handoff_delayed", "utter_handoff_already"]:
        assert judge(msg("request_human"), response).correct
    assert not judge(msg("request_human"), "utter_handoff_failed").correct
    assert not judge(msg("request_human"), "utter_iamabot").correct
    assert judge(msg("ask_something_new"), "utter_greet").kind == "no_rule"  # no rule answers it


@pytest.mark.parametrize("intent", ["ask_documents", "affirm", "check_eligibility", "ask_review_deadline"])  # fmt: skip
def test_a_did_you_mean_is_a_fallback_and_wrong(intent):
    result = judge(msg(intent), "utter_did_you_mean")
    assert result.fallback and not result.correct and result.kind == "fallback"


@pytest.mark.parametrize("intent", ["affirm", "deny", "unsure", "stop", "feedback_helpful", "feedback_not_helpful"])  # fmt: skip
def test_answers_are_right_unless_they_fall_back(intent):
    assert judge(msg(intent), "utter_anything_else").correct
    assert judge(msg(intent), "utter_ask_has_pending_orders").correct
    assert not judge(msg(intent), "utter_default").correct
    assert not judge(msg(intent), "utter_did_you_mean").correct


def test_no_reply_fails_and_unrecognised_texts_are_kept_as_none():
    result = judge(msg("affirm"))
    assert not result.correct and result.kind == "no_reply" and not result.fallback
    result = judge(msg("ask_documents"), "utter_documents", texts=["an unknown text"])
    assert result.correct and result.responses == ("utter_documents", None)


def test_start_walkthrough_needs_step_one():
    assert judge(msg("start_walkthrough"), "utter_step_1").correct
    result = judge(msg("start_walkthrough"), "utter_step_2")
    assert not result.correct and result.kind == "wrong_step"


@pytest.mark.parametrize("text, number", [("tell me the third step", 3), ("what is step 2", 2),
                                          ("whats the 1st step", 1), ("STEP 5?", 5)])  # fmt: skip
def test_ask_step_needs_the_step_named_in_the_text(text, number):
    assert judge(msg("ask_step", text), f"utter_step_{number}").correct
    other = 1 if number != 1 else 2
    assert not judge(msg("ask_step", text), f"utter_step_{other}").correct


def test_ask_step_without_a_number_takes_any_step():
    assert judge(msg("ask_step", "what happens in that step?"), "utter_step_4").correct
    assert not judge(msg("ask_step", "what happens in that step?"), "utter_tips").correct


@pytest.mark.parametrize("intent", ["next_step", "previous_step"])
def test_next_and_previous_take_any_step_or_an_end(intent):
    for name in ["utter_step_3", "utter_walkthrough_done", "utter_walkthrough_at_start"]:
        assert judge(msg(intent), name).correct
    assert not judge(msg(intent), "utter_whole_process").correct


@pytest.mark.parametrize("intent", ["check_eligibility", "describe_store"])
def test_without_facts_the_bot_must_ask_about_one(intent):
    assert judge(msg(intent), "utter_ask_store_cancelled").correct
    result = judge(msg(intent), "utter_prerequisites", "utter_ask_feedback")
    assert not result.correct and result.kind == "no_question_for_unknown_fact"


def test_asking_about_a_stated_fact_fails():
    message = msg("check_eligibility", facts={"store_cancelled": True, "has_pending_orders": False})
    assert judge(message, "utter_ask_has_violations").correct
    result = judge(message, "utter_ask_store_cancelled")
    assert not result.correct and result.kind == "asked_stated_fact"
    assert "utter_ask_store_cancelled" in result.expected


def test_a_stated_blocker_must_be_in_the_verdict():
    message = msg("check_eligibility", facts={"has_disputes": True})
    assert judge(message, texts=[not_eligible("utter_blocker_disputes")]).correct
    assert judge(message, "utter_blocker_disputes").correct  # sent on its own also counts
    result = judge(message, "utter_ask_store_cancelled")
    assert not result.correct and result.kind == "missing_blocker"
    wrong = judge(message, texts=[not_eligible("utter_blocker_pending_orders")])
    assert not wrong.correct and wrong.kind == "missing_blocker"


def test_every_stated_blocker_must_be_named():
    message = msg("describe_store", facts={"store_cancelled": False, "has_pending_orders": True})
    both = not_eligible("utter_blocker_store_not_cancelled", "utter_blocker_pending_orders")
    assert judge(message, texts=[both]).correct
    assert not judge(message, texts=[not_eligible("utter_blocker_pending_orders")]).correct


def test_false_facts_that_do_not_block_need_no_blocker():
    message = msg("describe_store", facts={"has_violations": False, "has_disputes": False})
    assert judge(message, "utter_ask_store_cancelled").correct
    assert not judge(message, "utter_ask_has_disputes").correct


def test_all_four_facts_fine_needs_the_good_news():
    facts = {"store_cancelled": True, "has_pending_orders": False,
             "has_violations": False, "has_disputes": False}  # fmt: skip
    message = msg("check_eligibility", facts=facts)
    assert judge(message, "utter_refund_eligible").correct
    result = judge(message, "utter_prerequisites")
    assert not result.correct and result.kind == "missing_verdict"
    assert judge(message, "utter_ask_store_cancelled").kind == "asked_stated_fact"


def test_facts_on_another_intent_are_ignored():
    message = msg("ask_account_access", facts={"store_cancelled": True})
    assert judge(message, "utter_account_access").correct


@pytest.mark.parametrize("window", WINDOWS)
def test_dated_review_question_takes_any_window_when_no_type_is_expected(window):
    result = judge(msg("ask_review_deadline", submitted="2026-11-03"), window)
    assert result.correct and result.window_type_ok is None


def test_dated_review_question_needs_the_expected_window_type():
    message = msg("ask_review_deadline", submitted="2026-11-03")
    right = judge(message, "utter_review_window_overdue", window="utter_review_window_overdue")
    assert right.correct and right.window_type_ok is True
    wrong = judge(message, "utter_review_window_in_window", window="utter_review_window_overdue")
    assert not wrong.correct and wrong.kind == "wrong_window_type" and wrong.window_type_ok is False


def test_dated_review_question_answered_without_a_window_fails():
    message = msg("ask_review_deadline", submitted="2026-11-03")
    for names in [
        ("utter_review_time",),
        ("utter_ask_submission_date",),
        ("utter_submission_date_future",),
    ]:
        result = judge(message, *names)
        assert not result.correct and result.kind == "no_review_window"


def test_undated_review_question_answered_first_or_asked():
    message = msg("ask_review_deadline", "when will my review be done")
    asked = judge(message, "utter_ask_submission_date")
    assert asked.correct and asked.answered_first is False
    both = judge(message, "utter_review_time", "utter_ask_submission_date")
    assert both.correct and both.answered_first is True
    late = judge(message, "utter_ask_submission_date", "utter_review_time")
    assert late.correct and late.answered_first is False
    assert judge(message, "utter_review_time").answered_first is True
    wrong = judge(message, "utter_review_progress")
    assert not wrong.correct and wrong.answered_first is False


def test_inform_date_with_a_date_takes_a_window_or_a_date_reply():
    message = msg("inform_date", "on the 12th", submitted="2026-11-12", relative=True)
    assert judge(message, "utter_review_window_in_window").correct
    assert judge(message, "utter_submission_date_future", texts=[]).correct
    assert not judge(message, "utter_ask_submission_date").correct
    assert not judge(message, "utter_did_you_mean").correct
    assert judge(msg("inform_date", "a while ago"), "utter_ask_submission_date").correct
    assert not judge(msg("inform_date", "a while ago"), "utter_did_you_mean").correct


def test_labels_are_read_with_facts_dates_and_context():
    message = LabelledMessage.from_dict({
        "id": "x", "text": "t", "intent": "describe_store", "context": ["a", "b"],
        "facts": {"has_disputes": True}, "submitted": date(2026, 11, 2), "tags": ["short"],
    })  # fmt: skip
    assert message.facts == {Fact.HAS_DISPUTES: True}
    assert message.context == ("a", "b") and message.tags == ("short",)
    assert message.submitted == date(2026, 11, 2) and not message.relative
    with pytest.raises(ValueError):
        msg("describe_store", facts={"has_unicorns": True})
    with pytest.raises(ValueError):
        msg("inform_date", submitted="30/11/2026")
    # relative dates move with today, absolute ones do not
    later = REFERENCE_DAY + timedelta(days=5)
    relative = msg("inform_date", submitted="2026-11-27", relative=True)
    absolute = msg("inform_date", submitted="2026-11-27")
    assert relative.submission_on(REFERENCE_DAY) == date(2026, 11, 27)
    assert relative.submission_on(later) == date(2026, 12, 2)
    assert absolute.submission_on(later) == date(2026, 11, 27)
    assert msg("inform_date").submission_on(later) is None


def test_expected_window_follows_the_review_rules():
    today = date(2026, 11, 30)
    assert expected_window_response(date(2026, 11, 27), today) == "utter_review_window_not_yet_due"
    assert expected_window_response(date(2026, 11, 16), today) == "utter_review_window_in_window"
    assert expected_window_response(date(2026, 10, 20), today) == "utter_review_window_overdue"
    assert expected_window_response(date(2026, 12, 1), today) is None  # future
    assert expected_window_response(date(2025, 11, 1), today) is None  # over a year old

    today = date(2026, 11, 29)  # a Sunday: just closed = overdue without a missed working day
    for offset in range(10, 40):
        submitted = today - timedelta(days=offset)
        window = review_window(submitted, today)
        if window.status is ReviewStatus.OVERDUE and window.overdue_by == 0:
            assert expected_window_response(submitted, today) == "utter_review_window_just_closed"
            return
    pytest.fail("no submission date found whose window closed on the Friday before")
