"""Actions for "can I get my deposit back?": a form that collects the four store facts from
whatever the seller writes, and the verdict. The reading and the rule live in
`refund_assistant.store_state` and `refund_assistant.eligibility`; these classes only move
values between Rasa and those modules."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from refund_assistant import eligibility
from refund_assistant.facts import FACTS, Blocker, Fact

HINT_RESPONSES = {
    Fact.STORE_CANCELLED: "utter_hint_store_cancelled",
    Fact.HAS_PENDING_ORDERS: "utter_hint_has_pending_orders",
    Fact.HAS_VIOLATIONS: "utter_hint_has_violations",
    Fact.HAS_DISPUTES: "utter_hint_has_disputes",
}
BLOCKER_RESPONSES = {
    Blocker.STORE_NOT_CANCELLED: "utter_blocker_store_not_cancelled",
    Blocker.PENDING_ORDERS: "utter_blocker_pending_orders",
    Blocker.VIOLATIONS: "utter_blocker_violations",
    Blocker.DISPUTES: "utter_blocker_disputes",
}
ELIGIBLE_RESPONSE = "utter_refund_eligible"
NOT_ELIGIBLE_RESPONSE = "utter_refund_not_eligible"
# The guide gives no procedure for violation records, so the bot offers a person for them.
OFFER_HANDOFF_RESPONSE = "utter_offer_handoff_violations"


class ValidateEligibilityForm(FormValidationAction):
    """Fills every fact the seller's message states (not only the one asked), so the form asks
    only about what is still unknown, and answers "not sure" with where to look."""

    def name(self) -> str:
        return "validate_eligibility_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        requested = tracker.get_slot("requested_slot")
        asked = Fact(requested) if requested in FACTS else None
        facts = eligibility.facts_from_message(
            tracker.latest_message.get("text") or "",
            tracker.get_intent_of_latest_message(),
            asked,
        )
        events = [SlotSet(fact.value, value) for fact, value in facts.known().items()]
        if asked is not None and asked in facts.unsure:
            # A "not sure" is an answer: give the hint and ask again, rather than letting the
            # form treat the message as off-topic.
            dispatcher.utter_message(response=HINT_RESPONSES[asked])
            events.append(SlotSet(asked.value, None))
        return events

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Every extracted fact is valid as it is: the parser only ever returns booleans."""
        return [
            SlotSet(name, value)
            for name, value in tracker.slots_to_validate().items()
            if name in FACTS
        ]


class ActionAssessEligibility(Action):
    """States the verdict and leaves `refund_eligible` / `refund_blockers` for the rest of
    the system to read."""

    def name(self) -> str:
        return "action_assess_eligibility"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        result = eligibility.verdict({fact: tracker.get_slot(fact.value) for fact in FACTS})
        if result is None:
            return []
        if result.eligible:
            dispatcher.utter_message(response=ELIGIBLE_RESPONSE)
        else:
            responses = domain.get("responses", {})
            lines = [responses[BLOCKER_RESPONSES[code]][0]["text"] for code in result.blockers]
            dispatcher.utter_message(response=NOT_ELIGIBLE_RESPONSE, blockers="\n".join(lines))
            if Blocker.VIOLATIONS in result.blockers:
                dispatcher.utter_message(response=OFFER_HANDOFF_RESPONSE)
        return [
            SlotSet("refund_eligible", result.eligible),
            SlotSet("refund_blockers", [blocker.value for blocker in result.blockers]),
        ]
