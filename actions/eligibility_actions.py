"""Actions for "can I get my deposit back?": a form that collects the four store facts from
whatever the seller writes, and the verdict. The reading, the rule and what to say when live in
`refund_assistant.store_state`, `refund_assistant.eligibility` and
`refund_assistant.dialogue.answer_first`; these classes only move values between Rasa and
those modules."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.actions import offer_feedback
from refund_assistant import eligibility
from refund_assistant.conversation import previous_turn_responses
from refund_assistant.dialogue import answer_first
from refund_assistant.facts import FACTS, Fact
from refund_assistant.languages import LANGUAGE_SLOT
from refund_assistant.response_variants import text_for

HINT_RESPONSES = {
    Fact.STORE_CANCELLED: "utter_hint_store_cancelled",
    Fact.HAS_PENDING_ORDERS: "utter_hint_has_pending_orders",
    Fact.HAS_VIOLATIONS: "utter_hint_has_violations",
    Fact.HAS_DISPUTES: "utter_hint_has_disputes",
}
REQUESTED_SLOT = "requested_slot"
VERDICT_SLOTS = (eligibility.ELIGIBLE_SLOT, eligibility.BLOCKERS_SLOT)


class ValidateEligibilityForm(FormValidationAction):
    """Fills every fact the seller's message states (not only the one asked), so the form asks
    only about what is still unknown; answers "not sure" with where to look; states the
    conditions before the first question of a new check; and ends the form early when the
    message brings the first blocker, so the verdict comes at once."""

    def name(self) -> str:
        return "validate_eligibility_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        requested = tracker.get_slot(REQUESTED_SLOT)
        asked = Fact(requested) if requested in FACTS else None
        facts = eligibility.facts_from_message(
            tracker.latest_message.get("text") or "",
            tracker.get_intent_of_latest_message(),
            asked,
        )
        before = {fact: tracker.get_slot(fact.value) for fact in FACTS}
        after = {**before, **facts.known()}
        events = [SlotSet(fact.value, value) for fact, value in facts.known().items()]
        if after != before:
            # The verdict slots follow what is known: "not yet" from the first blocker on.
            slots = eligibility.verdict_slots(after)
            events += [SlotSet(name, value) for name, value in slots.items()]
        intro = answer_first.before_store_questions(
            before, after, asked is not None, previous_turn_responses(tracker.events)
        )
        if intro:
            dispatcher.utter_message(response=intro)
        if asked is not None and asked in facts.unsure:
            # A "not sure" is an answer: give the hint and ask again, rather than letting the
            # form treat the message as off-topic.
            dispatcher.utter_message(response=HINT_RESPONSES[asked])
            events.append(SlotSet(asked.value, None))
        if eligibility.stops_early(before, after):
            events.append(SlotSet(REQUESTED_SLOT, None))  # ends the form: the verdict follows
        return events

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        """Every extracted fact is valid as it is (the parser only ever returns booleans); the
        verdict slots and the early end come from the extraction above."""
        passed = {*FACTS, *VERDICT_SLOTS, REQUESTED_SLOT}
        return [
            SlotSet(name, value)
            for name, value in tracker.slots_to_validate().items()
            if name in passed
        ]


class ActionAssessEligibility(Action):
    """States the verdict, early ("not yet") when a blocker is known before every fact is, and
    leaves `refund_eligible` / `refund_blockers` for the rest of the system to read."""

    def name(self) -> str:
        return "action_assess_eligibility"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        facts = {fact: tracker.get_slot(fact.value) for fact in FACTS}
        result = eligibility.verdict(facts)
        if result is None:
            return []
        responses = domain.get("responses", {})
        language = tracker.get_slot(LANGUAGE_SLOT)

        def lines(names: tuple[str, ...]) -> str:
            return "\n".join(text_for(responses[name], language) for name in names)

        for reply in eligibility.replies(result):
            fill = {}
            if reply.blockers:
                fill["blockers"] = lines(reply.blockers)
            if reply.remaining:
                fill["remaining"] = lines(reply.remaining)
            dispatcher.utter_message(response=reply.response, **fill)
        if result.final:
            offer_feedback(dispatcher, tracker)
        return [SlotSet(name, value) for name, value in eligibility.verdict_slots(facts).items()]
