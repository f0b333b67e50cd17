"""Custom actions run on trackers built by hand: the slots they set and the replies they send."""

from datetime import date

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions import review_actions
from actions.actions import ActionAnswerYesNo, ActionClarifyIntent, ActionShowStep
from actions.eligibility_actions import ActionAssessEligibility, ValidateEligibilityForm
from actions.review_actions import ActionEstimateReviewWindow, ValidateReviewDateForm
from refund_assistant.facts import FACTS
from tests.support import DOMAIN, bot_event, responses, run, slot_events, tracker, user_event

# --- the store check -------------------------------------------------------------------------


async def test_form_fills_every_fact_in_one_message_and_completes():
    t = tracker(
        "store cancelled, no orders left, no violations and no disputes",
        "describe_store",
        active_loop="eligibility_form",
    )
    messages, events = await run(ValidateEligibilityForm(), t)
    slots = slot_events(events)
    assert {k.value: slots[k.value] for k in FACTS} == {
        "store_cancelled": True,
        "has_pending_orders": False,
        "has_violations": False,
        "has_disputes": False,
    }
    assert messages == []


async def test_form_takes_the_explicit_fact_and_a_yes_button_for_the_asked_one():
    t = tracker(
        "/affirm",
        "affirm",
        slots={"requested_slot": "has_disputes"},
        active_loop="eligibility_form",
    )
    _, events = await run(ValidateEligibilityForm(), t)
    assert slot_events(events)["has_disputes"] is True

    t = tracker(
        "no, but 2 orders are still shipping",
        "deny",
        slots={"requested_slot": "has_violations"},
        active_loop="eligibility_form",
    )
    _, events = await run(ValidateEligibilityForm(), t)
    slots = slot_events(events)
    assert slots["has_violations"] is False and slots["has_pending_orders"] is True


async def test_not_sure_gives_the_hint_and_keeps_the_question_open():
    t = tracker(
        "not sure",
        "unsure",
        slots={"requested_slot": "has_violations"},
        active_loop="eligibility_form",
    )
    messages, events = await run(ValidateEligibilityForm(), t)
    assert responses(messages) == ["utter_hint_has_violations"]
    assert slot_events(events)["has_violations"] is None


async def test_verdict_names_every_blocker_in_one_reply():
    slots = {
        "store_cancelled": False,
        "has_pending_orders": True,
        "has_violations": True,
        "has_disputes": True,
    }
    messages, events = await run(ActionAssessEligibility(), tracker(slots=slots))
    # The guide has no procedure for violations, so a person is offered too.
    assert responses(messages) == ["utter_refund_not_eligible", "utter_offer_handoff_violations"]
    blockers = messages[0]["blockers"].split("\n")
    assert len(blockers) == 4 and all(line.startswith("•") for line in blockers)
    assert slot_events(events) == {
        "refund_eligible": False,
        "refund_blockers": ["store_not_cancelled", "pending_orders", "violations", "disputes"],
    }


async def test_verdict_eligible():
    slots = {
        "store_cancelled": True,
        "has_pending_orders": False,
        "has_violations": False,
        "has_disputes": False,
    }
    messages, events = await run(ActionAssessEligibility(), tracker(slots=slots))
    # The verdict offers the walk-through: no feedback question to make a "yes" ambiguous.
    assert responses(messages) == ["utter_refund_eligible"]
    assert slot_events(events) == {"refund_eligible": True, "refund_blockers": []}


async def test_no_verdict_while_a_fact_is_missing():
    messages, events = await run(
        ActionAssessEligibility(), tracker(slots={"store_cancelled": True})
    )
    assert messages == [] and events == []


async def test_the_first_blocker_in_the_opening_message_ends_the_check_at_once():
    t = tracker(
        "I still have 2 orders that have not been delivered, can I already apply?",
        "describe_store",
        active_loop="eligibility_form",
    )
    messages, events = await run(ValidateEligibilityForm(), t)
    assert slot_events(events) == {
        "has_pending_orders": True,
        "refund_eligible": False,
        "refund_blockers": ["pending_orders"],
        "requested_slot": None,  # the form ends: no question about the other facts now
    }
    assert messages == []


async def test_the_first_blocker_given_as_an_answer_ends_the_check_too():
    t = tracker(
        "no",
        "deny",
        slots={"requested_slot": "store_cancelled"},
        active_loop="eligibility_form",
    )
    _, events = await run(ValidateEligibilityForm(), t)
    assert slot_events(events) == {
        "store_cancelled": False,
        "refund_eligible": False,
        "refund_blockers": ["store_not_cancelled"],
        "requested_slot": None,
    }


async def test_once_a_blocker_was_heard_the_check_runs_to_the_end():
    """The seller heard "not yet" and chose to check the rest: a second blocker is noted and
    the form asks on (no early end), so the final verdict names both."""
    t = tracker(
        "yes, one order is still shipping",
        "affirm",
        slots={"store_cancelled": False, "requested_slot": "has_pending_orders"},
        active_loop="eligibility_form",
    )
    messages, events = await run(ValidateEligibilityForm(), t)
    slots = slot_events(events)
    assert "requested_slot" not in slots and messages == []
    assert slots["has_pending_orders"] is True
    assert slots["refund_blockers"] == ["store_not_cancelled", "pending_orders"]


async def test_a_new_check_states_the_conditions_before_the_first_question():
    t = tracker("am I eligible?", "check_eligibility", active_loop="eligibility_form")
    messages, events = await run(ValidateEligibilityForm(), t)
    assert responses(messages) == ["utter_store_check_conditions"] and events == []

    t = tracker(
        "am I eligible? my store was cancelled and I do not have any unfinished orders",
        "check_eligibility",
        active_loop="eligibility_form",
    )
    messages, events = await run(ValidateEligibilityForm(), t)
    assert responses(messages) == ["utter_store_check_conditions"]
    assert slot_events(events) == {
        "store_cancelled": True,
        "has_pending_orders": False,
        "refund_eligible": None,
        "refund_blockers": None,
    }


async def test_the_conditions_are_not_repeated_when_the_seller_just_read_them():
    just_said = [
        user_event("what are the conditions", "ask_prerequisites", 1.0),
        bot_event("utter_prerequisites", timestamp=1.1),
    ]
    t = tracker(
        "/check_eligibility", "check_eligibility", events=just_said, active_loop="eligibility_form"
    )
    messages, _ = await run(ValidateEligibilityForm(), t)
    assert messages == []
    # Resuming a check with facts already known: straight to the next question.
    t = tracker(
        "/check_eligibility",
        "check_eligibility",
        slots={"has_pending_orders": True},
        active_loop="eligibility_form",
    )
    messages, events = await run(ValidateEligibilityForm(), t)
    assert messages == [] and events == []


async def test_early_verdict_names_the_blocker_what_else_must_hold_and_offers_the_rest():
    messages, events = await run(
        ActionAssessEligibility(), tracker(slots={"has_pending_orders": True})
    )
    assert responses(messages) == ["utter_refund_not_yet", "utter_offer_check_rest"]
    texts = {name: DOMAIN["responses"][name][0]["text"] for name in DOMAIN["responses"]}
    assert messages[0]["blockers"] == texts["utter_blocker_pending_orders"]
    assert messages[0]["remaining"].split("\n") == [
        texts["utter_condition_store_cancelled"],
        texts["utter_condition_has_violations"],
        texts["utter_condition_has_disputes"],
    ]
    assert slot_events(events) == {"refund_eligible": False, "refund_blockers": ["pending_orders"]}
    offer = DOMAIN["responses"]["utter_offer_check_rest"][0]["buttons"]
    assert [b["payload"] for b in offer] == ["/check_eligibility", "/deny"]


async def test_an_early_violation_offers_a_person_only():
    """One offer per turn: a yes must not be ambiguous."""
    slots = {"store_cancelled": True, "has_violations": True}
    messages, events = await run(ActionAssessEligibility(), tracker(slots=slots))
    assert responses(messages) == ["utter_refund_not_yet", "utter_offer_handoff_violations"]
    assert slot_events(events)["refund_blockers"] == ["violations"]


async def test_yes_to_checking_the_rest_resumes_the_form_and_no_ends_politely():
    offer = [bot_event("utter_offer_check_rest")]
    messages, events = await run(ActionAnswerYesNo(), tracker("yes", "affirm", events=offer))
    assert messages == [] and events == [FollowupAction("eligibility_form")]
    messages, events = await run(ActionAnswerYesNo(), tracker("no", "deny", events=offer))
    assert responses(messages) == ["utter_check_rest_declined"] and events == []


# --- the review window -----------------------------------------------------------------------


@pytest.fixture
def today_is_26_november(monkeypatch):
    monkeypatch.setattr(review_actions, "today", lambda: date(2026, 11, 26))


async def test_date_in_the_question_fills_the_slot(today_is_26_november):
    t = tracker("I submitted on 2 November, when will the review be done?", "ask_review_deadline")
    messages, events = await run(ValidateReviewDateForm(), t)
    assert slot_events(events)["submission_date"] == "2026-11-02" and messages == []


async def test_future_date_is_refused_with_a_reason(today_is_26_november):
    t = tracker("next friday", "inform_date", slots={"requested_slot": "submission_date"})
    messages, events = await run(ValidateReviewDateForm(), t)
    assert responses(messages) == ["utter_submission_date_future"]
    assert messages[0]["date"] == "Fri 27 Nov 2026"
    assert slot_events(events)["submission_date"] is None


async def test_answer_without_a_date_is_refused_only_when_asked(today_is_26_november):
    asked = tracker("whenever", "inform_date", slots={"requested_slot": "submission_date"})
    messages, _ = await run(ValidateReviewDateForm(), asked)
    assert responses(messages) == ["utter_submission_date_not_found"]
    first = tracker("I already sent my application", "inform_date")
    messages, events = await run(ValidateReviewDateForm(), first)
    assert messages == [] and "submission_date" not in slot_events(events)


async def test_review_question_without_a_date_gets_the_rule_before_the_date_question(
    today_is_26_november,
):
    """The form asks for the date after the validation's messages: rule first, then the ask."""
    first = tracker("when will they finish checking my application", "ask_review_deadline")
    messages, events = await run(ValidateReviewDateForm(), first)
    assert responses(messages) == ["utter_review_time"]
    assert "submission_date" not in slot_events(events)


async def test_review_rule_is_not_repeated_right_after_it_was_given(today_is_26_november):
    """The "When will I hear back?" button sits under the review answer itself."""
    just_said = [
        user_event("how long is the review", "ask_review_time", 1.0),
        bot_event("utter_review_time", timestamp=1.1),
        bot_event("utter_ask_feedback", timestamp=1.2),
    ]
    t = tracker("/ask_review_deadline", "ask_review_deadline", events=just_said)
    messages, _ = await run(ValidateReviewDateForm(), t)
    assert messages == []


async def test_a_date_in_the_question_gets_no_rule_first(today_is_26_november):
    t = tracker("I applied on 2 November, when will I hear back?", "ask_review_deadline")
    messages, events = await run(ValidateReviewDateForm(), t)
    assert messages == [] and slot_events(events)["submission_date"] == "2026-11-02"


async def test_overdue_window_states_dates_and_status(today_is_26_november):
    messages, events = await run(
        ActionEstimateReviewWindow(), tracker(slots={"submission_date": "2026-11-02"})
    )
    # Mon 2 Nov: working day 7 = Wed 11 Nov, working day 15 = Mon 23 Nov; 24-26 Nov are 3 more.
    # Overdue offers a person: no feedback question to make a "yes" ambiguous.
    assert responses(messages) == ["utter_review_window_overdue"]
    assert messages[0]["earliest"] == "Wed 11 Nov 2026"
    assert messages[0]["latest"] == "Mon 23 Nov 2026"
    assert messages[0]["passed"] == 18 and messages[0]["overdue_by"] == 3
    assert slot_events(events) == {
        "review_status": "overdue",
        "review_earliest": "2026-11-11",
        "review_latest": "2026-11-23",
    }


async def test_window_into_an_uncovered_year_says_it_is_an_estimate(monkeypatch):
    monkeypatch.setattr(review_actions, "today", lambda: date(2026, 11, 26))
    messages, _ = await run(
        ActionEstimateReviewWindow(), tracker(slots={"submission_date": "2026-11-25"})
    )
    assert responses(messages) == ["utter_review_window_not_yet_due", "utter_ask_feedback"]

    monkeypatch.setattr(review_actions, "today", lambda: date(2027, 1, 4))
    messages, _ = await run(
        ActionEstimateReviewWindow(), tracker(slots={"submission_date": "2026-12-28"})
    )
    assert responses(messages)[-2:] == ["utter_review_window_estimate", "utter_ask_feedback"]


# --- walk-through, clarification, yes/no ------------------------------------------------------


async def test_walkthrough_moves_and_stops_after_the_last_step():
    messages, events = await run(
        ActionShowStep(), tracker("next", "next_step", slots={"walkthrough_step": 4.0})
    )
    assert responses(messages) == ["utter_step_5"] and events == [SlotSet("walkthrough_step", 5.0)]
    messages, events = await run(
        ActionShowStep(), tracker("next", "next_step", slots={"walkthrough_step": 5.0})
    )
    assert responses(messages) == ["utter_walkthrough_done", "utter_ask_feedback"]
    assert events == [SlotSet("walkthrough_step", None)]
    messages, _ = await run(ActionShowStep(), tracker("what is step 9", "ask_step"))
    assert responses(messages) == ["utter_ask_which_step"]


async def test_clarification_offers_the_two_likeliest_topics_and_something_else():
    """A second miss in a row hands over instead: tests/test_handoff.py."""
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.45},
        {"name": "ask_review_deadline", "confidence": 0.35},
        {"name": "ask_deposit_amount", "confidence": 0.34},
    ]
    messages, _ = await run(
        ActionClarifyIntent(), tracker("when hear back", "nlu_fallback", ranking=ranking)
    )
    assert responses(messages) == ["utter_did_you_mean"]
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/ask_review_deadline",
        "/ask_deposit_amount",
        "/ask_capabilities",
    ]
    assert messages[0]["buttons"][-1]["title"] == "Something else"


async def test_yes_to_the_eligible_offer_starts_the_walkthrough():
    offer = [
        {"event": "bot", "text": "Good news", "metadata": {"utter_action": "utter_refund_eligible"}}
    ]
    messages, events = await run(ActionAnswerYesNo(), tracker("yes", "affirm", events=offer))
    assert responses(messages) == ["utter_step_1"] and events == [SlotSet("walkthrough_step", 1.0)]


async def test_blockers_without_violations_offer_no_person():
    slots = {
        "store_cancelled": True,
        "has_pending_orders": True,
        "has_violations": False,
        "has_disputes": True,
    }
    messages, events = await run(ActionAssessEligibility(), tracker(slots=slots))
    assert responses(messages) == ["utter_refund_not_eligible", "utter_ask_feedback"]
    assert slot_events(events)["refund_blockers"] == ["pending_orders", "disputes"]
