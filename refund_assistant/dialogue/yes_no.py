"""What a bare "yes" or "no" means: the answer to the last question the bot asked.

Rasa rules see intents, not what the bot just offered, so "yes" after "Shall I walk you through
the steps?" and "no" after "Anything else?" would otherwise get the same reply. This table says,
for each offer the bot makes, what a yes or a no leads to; anything not listed gets a
neutral "anything else?".
"""

from __future__ import annotations

from collections.abc import Iterable

from refund_assistant.conversation import Event, last_bot_response

START_WALKTHROUGH = "start_walkthrough"  # not a response: the first step of the walk-through
HAND_OVER = "hand_over"  # not a response: a ticket for a person
RESUME_STORE_CHECK = "resume_store_check"  # not a response: the store check asks the rest
ANSWERS: dict[str, dict[str, str]] = {
    # the bot's last response -> {intent of the seller's answer: what to reply}
    "utter_refund_eligible": {"affirm": START_WALKTHROUGH},
    "utter_whole_process": {"affirm": START_WALKTHROUGH},
    "utter_anything_else": {"deny": "utter_goodbye"},
    "utter_review_window_overdue": {"affirm": HAND_OVER},
    "utter_offer_handoff_violations": {"affirm": HAND_OVER},
    "utter_offer_check_rest": {"affirm": RESUME_STORE_CHECK, "deny": "utter_check_rest_declined"},
    "utter_ask_feedback": {"affirm": "utter_feedback_thanks", "deny": "utter_feedback_sorry"},
}
DEFAULT_REPLY = "utter_anything_else"


def reply_to(events: Iterable[Event], intent: str | None) -> str:
    """A response name, START_WALKTHROUGH, HAND_OVER or RESUME_STORE_CHECK."""
    return ANSWERS.get(last_bot_response(events) or "", {}).get(intent or "", DEFAULT_REPLY)
