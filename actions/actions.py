"""Custom actions for the conversation itself: the walk-through, "Did you mean ...?", bare yes/no
answers and the feedback question. Each class only moves values between Rasa and
`refund_assistant.dialogue`."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_actions import hand_over
from refund_assistant.conversation import last_bot_response
from refund_assistant.dialogue import clarification, feedback, walkthrough, yes_no
from refund_assistant.eligibility import STORE_CHECK_FORM
from refund_assistant.handoff.ticket import HandoffReason, reason_for_request
from refund_assistant.languages import LANGUAGE_SLOT
from refund_assistant.response_variants import text_for


def offer_feedback(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Asks "Did this answer your question?" where the seller seems done, if it would not nag."""
    just_sent = [str(m["response"]) for m in dispatcher.messages if m.get("response")]
    form_active = bool((tracker.active_loop or {}).get("name"))
    if feedback.should_ask(tracker.events, form_active=form_active, just_sent=just_sent):
        dispatcher.utter_message(response=feedback.FEEDBACK_QUESTION)


def show_step(dispatcher: CollectingDispatcher, move: walkthrough.Move) -> list[dict[str, Any]]:
    """Sends what a walk-through move leads to and returns the new position."""
    if move.finished:
        dispatcher.utter_message(response="utter_walkthrough_done")
        return [SlotSet("walkthrough_step", None)]
    if move.unknown_step:
        dispatcher.utter_message(response="utter_ask_which_step")
        return []
    if move.at_start:
        dispatcher.utter_message(response="utter_walkthrough_at_start")
    dispatcher.utter_message(response=walkthrough.step_response(move.step))
    return [SlotSet("walkthrough_step", float(move.step))]


class ActionShowStep(Action):
    """Shows one step of the walk-through: the first, the next, the previous, or a named one."""

    def name(self) -> str:
        return "action_show_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        current = tracker.get_slot("walkthrough_step")
        current = int(current) if current else None
        intent = tracker.get_intent_of_latest_message()
        if intent == "next_step":
            move = walkthrough.next_from(current)
        elif intent == "previous_step":
            move = walkthrough.back_from(current)
        elif intent == "ask_step":
            entity = next(tracker.get_latest_entity_values("step_number"), None)
            move = walkthrough.jump_to(
                walkthrough.parse_step_number(str(entity or tracker.latest_message.get("text")))
            )
        else:
            move = walkthrough.start()
        events = show_step(dispatcher, move)
        if move.finished:
            offer_feedback(dispatcher, tracker)
        return events


class ActionClarifyIntent(Action):
    """Asks "Did you mean ...?" with the two likeliest topics; on a second miss in a row,
    hands the seller over to a person instead of guessing again."""

    def name(self) -> str:
        return "action_clarify_intent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if clarification.misunderstood_in_a_row(tracker.events) >= 2:
            dispatcher.utter_message(response="utter_still_not_understood")
            return await hand_over(dispatcher, tracker, HandoffReason.NOT_UNDERSTOOD)
        responses = domain.get("responses", {})
        language = tracker.get_slot(LANGUAGE_SLOT)
        titles = clarification.topic_titles(responses, language)
        picked = clarification.suggestions(
            tracker.latest_message.get("intent_ranking") or [], titles
        )
        something_else = text_for(responses["utter_something_else"], language)
        buttons = [{"title": title, "payload": f"/{intent}"} for intent, title in picked]
        buttons.append({"title": something_else, "payload": "/ask_capabilities"})
        dispatcher.utter_message(response="utter_did_you_mean", buttons=buttons)
        return []


class ActionAnswerYesNo(Action):
    """Treats a bare yes or no as the answer to whatever the bot offered last."""

    def name(self) -> str:
        return "action_answer_yes_no"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        reply = yes_no.reply_to(tracker.events, tracker.get_intent_of_latest_message())
        if reply == yes_no.START_WALKTHROUGH:
            return show_step(dispatcher, walkthrough.start())
        if reply == yes_no.HAND_OVER:
            reason = reason_for_request(last_bot_response(tracker.events))
            return await hand_over(dispatcher, tracker, reason)
        if reply == yes_no.RESUME_STORE_CHECK:
            # The form asks only about the facts still unknown.
            return [FollowupAction(STORE_CHECK_FORM)]
        dispatcher.utter_message(response=reply)
        return []


class ActionOfferFeedback(Action):
    """Asks "Did this answer your question?" after an answer, when it would not nag."""

    def name(self) -> str:
        return "action_offer_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        offer_feedback(dispatcher, tracker)
        return []
