"""When to ask "Did this answer your question?": after answers, never nagging.

Support teams want a signal on whether answers helped; sellers don't want a survey after every
message. So the question comes after an answer (the rules only call this after one), at most
once in any few seller turns, and never in the middle of a form's questions.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from actions.yes_no import last_bot_response

FEEDBACK_QUESTION = "utter_ask_feedback"
SELLER_TURNS_BETWEEN_QUESTIONS = 4
# Answers that end with a yes/no question of their own: a second question would make "yes"
# ambiguous.
ANSWERS_THAT_ASK_A_QUESTION = frozenset({"utter_whole_process"})


def should_ask(events: Iterable[Mapping[str, Any]], form_active: bool) -> bool:
    """`events` end with the answer just given."""
    events = list(events)
    if form_active or last_bot_response(events) in ANSWERS_THAT_ASK_A_QUESTION:
        return False
    seller_turns = 0
    for event in reversed(events):
        if event.get("event") == "user":
            seller_turns += 1
        elif event.get("event") == "bot" and (event.get("metadata") or {}).get("utter_action") == FEEDBACK_QUESTION:
            return seller_turns > SELLER_TURNS_BETWEEN_QUESTIONS
        elif event.get("event") == "action" and event.get("name") == "action_session_start":
            break
    return True
