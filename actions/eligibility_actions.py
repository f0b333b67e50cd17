"""Actions for "can I get my deposit back?": a form that collects the four store facts from
whatever the seller writes, and the verdict. The reading and the rule live in `store_state`
and `eligibility`; these classes only move values between Rasa and those modules."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import eligibility
from actions.store_state import FACTS

HINT_RESPONSES = {
    "store_cancelled": "utter_hint_store_cancelled",
    "has_pending_orders": "utter_hint_has_pending_orders",
    "has_violations": "utter_hint_has_violations",
    "has_disputes": "utter_hint_has_disputes",
}
BLOCKER_RESPONSES = {
    "store_not_cancelled": "utter_blocker_store_not_cancelled",
    "pending_orders": "utter_blocker_pending_orders",
    "violations": "utter_blocker_violations",
    "disputes": "utter_blocker_disputes",
}
ELIGIBLE_RESPONSE = "utter_refund_eligible"
NOT_ELIGIBLE_RESPONSE = "utter_refund_not_eligible"
# The guide gives no procedure for violation records, so the bot offers a person for them.
OFFER_HANDOFF_RESPONSE = "utter_offer_handoff_violations"


class ValidateEligibilityForm(FormValidationAction):
    """Fills every fact the seller's message states (not only the one asked), so the form asks
    only about what is still unknown, and answers "not sure" with where to look."""

    def name(self) -> Text:
        return "validate_eligibility_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        asked = tracker.get_slot("requested_slot")
        facts = eligibility.facts_from_message(
            tracker.latest_message.get("text") or "",
            tracker.get_intent_of_latest_message(),
            asked if asked in FACTS else None,
        )
        events = [SlotSet(name, value) for name, value in facts.known().items()]
        if asked in facts.unsure:
            # A "not sure" is an answer: give the hint and ask again, rather than letting the
            # form treat the message as off-topic.
            dispatcher.utter_message(response=HINT_RESPONSES[asked])
            events.append(SlotSet(asked, None))
        return events

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        """Every extracted fact is valid as it is: the parser only ever returns booleans."""
        return [
            SlotSet(name, value)
            for name, value in tracker.slots_to_validate().items()
            if name in FACTS
        ]


class ActionAssessEligibility(Action):
    """States the verdict and leaves `refund_eligible` / `refund_blockers` for the rest of
    the system to read."""

    def name(self) -> Text:
        return "action_assess_eligibility"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        result = eligibility.verdict({name: tracker.get_slot(name) for name in FACTS})
        if result is None:
            return []
        if result.eligible:
            dispatcher.utter_message(response=ELIGIBLE_RESPONSE)
        else:
            responses = domain.get("responses", {})
            lines = [responses[BLOCKER_RESPONSES[code]][0]["text"] for code in result.blockers]
            dispatcher.utter_message(response=NOT_ELIGIBLE_RESPONSE, blockers="\n".join(lines))
            if "violations" in result.blockers:
                dispatcher.utter_message(response=OFFER_HANDOFF_RESPONSE)
        return [
            SlotSet("refund_eligible", result.eligible),
            SlotSet("refund_blockers", result.blockers),
        ]
