"""When to ask "Did this answer your question?": when the seller seems done, never nagging.

Support teams want a signal on whether answers helped; sellers don't want a survey after every
answer, and a question pushed in right after the first answer got in the way of the next one
(in the terminal chat its buttons even swallowed the seller's next typed question). So the
question comes when the seller seems done: they say thanks or goodbye, the walk-through ends,
or the store check or review dates reach their verdict (the rules and stories call this only
there). It is asked only if the seller asked something that got an answer since the last time
it was asked, and never in the middle of a form's questions. A yes or no typed after it is the
feedback (`dialogue.yes_no`); anything else is a new message, answered as usual.

A seller who reads an answer and goes quiet seems done too: on the channels that can send
unprompted (the widget, Telegram), the question comes after a pause if the answer asked nothing
back (addons/feedback_after_pause.py decides when, `should_ask_after_a_pause` whether).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from refund_assistant import intents
from refund_assistant.conversation import (
    Event,
    bot_response_name,
    current_session,
    intent_of,
    last_bot_response,
)
from refund_assistant.dialogue import yes_no

FEEDBACK_QUESTION = "utter_ask_feedback"
# Answers that end with a yes/no question of their own ("Shall I walk you through the steps?"):
# a second question would make "yes" ambiguous. They are the offers `yes_no` answers.
ANSWERS_THAT_ASK_A_QUESTION = frozenset(yes_no.ANSWERS) - {FEEDBACK_QUESTION}
# Seller messages that ask for nothing the bot could have answered well or badly.
NOTHING_TO_RATE: frozenset[str] = frozenset(
    {
        intents.GREET,
        intents.GOODBYE,
        intents.THANK,
        intents.AFFIRM,
        intents.DENY,
        intents.UNSURE,
        intents.STOP,
        intents.FEEDBACK_HELPFUL,
        intents.FEEDBACK_NOT_HELPFUL,
        intents.FALLBACK,
        intents.SHARE_PERSONAL_DATA,
        intents.BOT_CHALLENGE,
        intents.OUT_OF_SCOPE,
        intents.REQUEST_HUMAN,
    }
)


def should_ask(events: Iterable[Event], form_active: bool, just_sent: Sequence[str] = ()) -> bool:
    """`events` end where the seller seems done (thanks, goodbye, the end of a walk-through or
    a verdict): ask if something was answered since the question was last asked. `just_sent`:
    the responses the asking action itself has just sent, not in `events` yet."""
    session = current_session(events)
    last = just_sent[-1] if just_sent else last_bot_response(session)
    if form_active or last in ANSWERS_THAT_ASK_A_QUESTION:
        return False
    for event in reversed(session):
        if event.get("event") == "bot" and bot_response_name(event) == FEEDBACK_QUESTION:
            return False
        if event.get("event") == "user" and intent_of(event) not in NOTHING_TO_RATE:
            return True
    return False


def should_ask_after_a_pause(
    events: Iterable[Event], busy: bool, asks_a_question: Callable[[str], bool]
) -> bool:
    """The seller has been quiet since the bot's last turn: ask if that turn answered a question
    of theirs (their last message asked for something) with an answer that asks nothing back
    (`asks_a_question`: a response ending in a question mark, a form's question, an offer), and
    nothing has been rated since. `busy`: a form or the walk-through is under way, whose own end
    asks."""
    session = current_session(events)
    if busy:
        return False
    last_message = next((e for e in reversed(session) if e.get("event") == "user"), None)
    if last_message is None or intent_of(last_message) in NOTHING_TO_RATE:
        return False
    last = last_bot_response(session)
    if last is None or asks_a_question(last):
        return False
    return should_ask(session, form_active=False)
