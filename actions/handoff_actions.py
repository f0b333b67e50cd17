"""Handing a seller over to a person: file the ticket and tell the seller where it stands.

`hand_over` is shared by the explicit request (ActionHandOver), the second misunderstanding in a
row (ActionClarifyIntent) and a "yes" to the bot's offer of a person (ActionAnswerYesNo). The
ticket, its storage and its delivery live in `refund_assistant.handoff`; the ticket takes the
seller's language from the tracker's `language` and `chinese_script` slots.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from refund_assistant.conversation import last_bot_response
from refund_assistant.handoff import delivery
from refund_assistant.handoff.store import DeliveryStatus
from refund_assistant.handoff.ticket import (
    REASON_SLOT,
    TICKET_SLOT,
    build_ticket,
    existing_ticket,
    reason_for_request,
)

logger = logging.getLogger(__name__)

FILED_RESPONSE = "utter_handoff_filed"
DELAYED_RESPONSE = "utter_handoff_delayed"
ALREADY_RESPONSE = "utter_handoff_already"
FAILED_RESPONSE = "utter_handoff_failed"


async def hand_over(
    dispatcher: CollectingDispatcher, tracker: Tracker, reason: str
) -> list[dict[str, Any]]:
    existing = existing_ticket(tracker.events)
    if existing:
        dispatcher.utter_message(response=ALREADY_RESPONSE, ticket_id=existing)
        return []
    ticket = build_ticket(
        events=tracker.events,
        slots=tracker.slots,
        reason=reason,
        channel=tracker.get_latest_input_channel(),
        seller_id=tracker.sender_id,
        now=delivery.now(),
    )
    try:
        filed = await delivery.file_ticket(ticket)
    except Exception:  # the database is down: say so rather than pretend
        logger.exception("Could not store ticket %s", ticket.id)
        dispatcher.utter_message(response=FAILED_RESPONSE)
        return []
    response = DELAYED_RESPONSE if filed.status is DeliveryStatus.PENDING else FILED_RESPONSE
    dispatcher.utter_message(response=response, ticket_id=ticket.id)
    return [SlotSet(TICKET_SLOT, ticket.id), SlotSet(REASON_SLOT, ticket.reason)]


class ActionHandOver(Action):
    """The seller asked for a person (or accepted the bot's offer of one)."""

    def name(self) -> str:
        return "action_hand_over"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        reason = reason_for_request(last_bot_response(tracker.events))
        return await hand_over(dispatcher, tracker, reason)
