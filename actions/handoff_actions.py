"""Handing a seller over to a person: the ticket, its delivery, and what the seller is told.

`hand_over` is shared by the explicit request (ActionHandOver), the second misunderstanding in a
row (ActionClarifyIntent) and a "yes" to the bot's offer of a person (ActionAnswerYesNo).
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff, ticket_store, yes_no

logger = logging.getLogger(__name__)

FILED_RESPONSE = "utter_handoff_filed"
DELAYED_RESPONSE = "utter_handoff_delayed"
ALREADY_RESPONSE = "utter_handoff_already"
FAILED_RESPONSE = "utter_handoff_failed"


async def hand_over(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str) -> List[Dict[Text, Any]]:
    existing = handoff.existing_ticket(tracker.events)
    if existing:
        dispatcher.utter_message(response=ALREADY_RESPONSE, ticket_id=existing)
        return []
    ticket = handoff.build_ticket(
        events=tracker.events,
        slots=tracker.slots,
        reason=reason,
        channel=tracker.get_latest_input_channel(),
        seller_id=tracker.sender_id,
        now=ticket_store.now(),
    )
    try:
        delivery = await ticket_store.file_ticket(ticket)
    except Exception:  # the database is down: say so rather than pretend
        logger.exception("Could not store ticket %s", ticket.id)
        dispatcher.utter_message(response=FAILED_RESPONSE)
        return []
    response = DELAYED_RESPONSE if delivery.status == ticket_store.PENDING else FILED_RESPONSE
    dispatcher.utter_message(response=response, ticket_id=ticket.id)
    return [SlotSet("handoff_ticket", ticket.id), SlotSet("handoff_reason", reason)]


class ActionHandOver(Action):
    """The seller asked for a person (or accepted the bot's offer of one)."""

    def name(self) -> Text:
        return "action_hand_over"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        reason = handoff.reason_for_request(yes_no.last_bot_response(tracker.events))
        return await hand_over(dispatcher, tracker, reason)
