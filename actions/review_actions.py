"""Actions for "I applied on X, when will I hear back?": thin wrappers around
`refund_assistant.review` (reading the date, counting working days)."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.actions import offer_feedback
from refund_assistant import intents
from refund_assistant.conversation import previous_turn_responses
from refund_assistant.dialogue import answer_first
from refund_assistant.languages import LANGUAGE_SLOT
from refund_assistant.review.dates_shown import format_day
from refund_assistant.review.responses import window_response
from refund_assistant.review.submission_date import DateStatus, parse_submission_date
from refund_assistant.review.window import review_window, today_in
from refund_assistant.settings import Settings

ESTIMATE_RESPONSE = "utter_review_window_estimate"
PROBLEM_RESPONSES = {
    DateStatus.NO_DATE: "utter_submission_date_not_found",
    DateStatus.FUTURE: "utter_submission_date_future",
    DateStatus.TOO_OLD: "utter_submission_date_too_old",
}


def today() -> date:
    """Today in the review time zone (REVIEW_TIMEZONE, default Asia/Shanghai)."""
    return today_in(Settings.from_env().review_timezone)


class ValidateReviewDateForm(FormValidationAction):
    """Reads the submission date from whatever the seller writes, and says why a date that
    cannot be a pending application's (future, over a year old, or none at all) is refused. A
    question without a date first gets the general rule, then the form asks for the date."""

    def name(self) -> str:
        return "validate_review_date_form"

    async def extract_submission_date(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        intent = tracker.get_intent_of_latest_message()
        if intent not in intents.DATE_ANSWERS:
            return {}
        parsed = parse_submission_date(tracker.latest_message.get("text") or "", today())
        asked = tracker.get_slot("requested_slot") == "submission_date"
        answer = answer_first.before_date_question(
            intent,
            parsed.status is not DateStatus.NO_DATE,
            asked,
            previous_turn_responses(tracker.events),
        )
        if answer:
            dispatcher.utter_message(response=answer)
        if parsed.status is DateStatus.OK and parsed.day is not None:
            return {"submission_date": parsed.day.isoformat()}
        if parsed.status is DateStatus.NO_DATE and not asked:
            return {}  # the form will ask for the date
        dispatcher.utter_message(
            response=PROBLEM_RESPONSES[parsed.status],
            date=format_day(parsed.day, tracker.get_slot(LANGUAGE_SLOT)) if parsed.day else None,
        )
        # An answer that is not a usable date still answers the question: say why, ask again.
        return {"submission_date": None}

    def validate_submission_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Extraction has already checked the date."""
        return {"submission_date": value}


class ActionEstimateReviewWindow(Action):
    """Turns the submission date into the seller's own review window and status today."""

    def name(self) -> str:
        return "action_estimate_review_window"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        submitted = _as_date(tracker.get_slot("submission_date"))
        if submitted is None:
            return []
        window = review_window(submitted, today())
        language = tracker.get_slot(LANGUAGE_SLOT)
        dispatcher.utter_message(
            response=window_response(window),
            submitted=format_day(window.submitted, language),
            earliest=format_day(window.earliest, language),
            latest=format_day(window.latest, language),
            passed=window.working_days_passed,
            overdue_by=window.overdue_by,
        )
        if window.estimated:
            dispatcher.utter_message(response=ESTIMATE_RESPONSE)
        offer_feedback(dispatcher, tracker)  # the seller's dates are a verdict: they may be done
        return [
            SlotSet("review_status", window.status.value),
            SlotSet("review_earliest", window.earliest.isoformat()),
            SlotSet("review_latest", window.latest.isoformat()),
        ]


def _as_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
