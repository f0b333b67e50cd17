"""When to ask "Did this answer your question?": after answers, never nagging.

Support teams want a signal on whether answers helped; sellers don't want a survey after every
message. So the question comes after an answer (the rules only call this after one), at most
once in any few seller turns, and never in the middle of a form's questions.
"""

from __future__ import annotations

from collections.abc import Iterable

from refund_assistant.conversation import (
    Event,
    bot_response_name,
    current_session,
    last_bot_response,
)

FEEDBACK_QUESTION = "utter_ask_feedback"
SELLER_TURNS_BETWEEN_QUESTIONS = 4
# Answers that end with a yes/no question of their own: a second question would make "yes"
# ambiguous.
ANSWERS_THAT_ASK_A_QUESTION = frozenset({"utter_whole_process"})


def should_ask(events: Iterable[Event], form_active: bool) -> bool:
    """`events` end with the answer just given."""
    session = current_session(events)
    if form_active or last_bot_response(session) in ANSWERS_THAT_ASK_A_QUESTION:
        return False
    seller_turns = 0
    for event in reversed(session):
        if event.get("event") == "user":
            seller_turns += 1
        elif event.get("event") == "bot" and bot_response_name(event) == FEEDBACK_QUESTION:
            return seller_turns > SELLER_TURNS_BETWEEN_QUESTIONS
    return True
