"""Cutting the stored events into conversations: one per session of one seller.

Why its own step: every figure counts conversations or the seller messages in them, so what a
conversation is (where it starts, which day it belongs to, which messages are feedback, which
handoffs are new, which language each message and the conversation were in) is decided once,
here. The sessions are cut by the same helper that handoff tickets and the feedback question use
(`refund_assistant.conversation`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from refund_assistant.conversation import bot_response_name, split_sessions
from refund_assistant.dialogue.feedback import FEEDBACK_QUESTION
from refund_assistant.handoff.ticket import REASON_SLOT as HANDOFF_REASON_SLOT
from refund_assistant.intents import AFFIRM, DENY, FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL
from refund_assistant.languages import LANGUAGE_SLOT
from refund_assistant.report.events import Event
from refund_assistant.report.language import conversation_language, in_unsupported_language

# A typed "yes"/"no" right after "Did this answer your question?" is feedback too.
FEEDBACK_BY_ANSWER = {AFFIRM: FEEDBACK_HELPFUL, DENY: FEEDBACK_NOT_HELPFUL}


@dataclass(frozen=True)
class SellerMessage:
    text: str
    intent: str | None
    # The `language` slot's value set for this message (after it, before the seller's next
    # message; the last one if set twice); None when it was not set for it, or set to None.
    language: str | None = None

    @property
    def is_button_press(self) -> bool:
        return self.text.lstrip().startswith("/")

    @property
    def in_unsupported_language(self) -> bool:
        """Typed in a language the bot does not answer in (a button press is in no language)."""
        return not self.is_button_press and in_unsupported_language(self.text, self.language)


@dataclass(frozen=True)
class Conversation:
    sender_id: str
    day: date
    messages: tuple[SellerMessage, ...]
    handoff_reasons: tuple[str, ...]
    # The `language` slot's last value in the session, one carried over from the previous session
    # included; None when it had none (or was reset to None last).
    language: str | None = None

    @property
    def handed_off(self) -> bool:
        return bool(self.handoff_reasons)

    @property
    def language_group(self) -> str:
        """English, Chinese or other (unsupported): see `report.language`."""
        return conversation_language(
            self.language,
            [m.text for m in self.messages],
            any(m.in_unsupported_language for m in self.messages),
        )

    def count(self, intent: str) -> int:
        return sum(1 for message in self.messages if message.intent == intent)


def _utc_day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, timezone.utc).date()


def _sessions(events: Sequence[Event]) -> list[Sequence[Event]]:
    """One seller's events cut at each session start; events before the first one are a session."""
    sessions: list[Sequence[Event]] = []
    start = 0
    for session in split_sessions(event.as_stored() for event in events):
        sessions.append(events[start : start + len(session)])
        start += len(session)
    return sessions


def _conversation(sender_id: str, session: Sequence[Event]) -> Conversation | None:
    """None for a session without a seller message (or whose first message has no timestamp)."""
    first_user = next((i for i, e in enumerate(session) if e.type_name == "user"), None)
    if first_user is None:
        return None
    first_timestamp = session[first_user].timestamp
    if first_timestamp is None:
        return None
    messages: list[SellerMessage] = []
    feedback_asked = False
    # The `language` slot as it stands, carried over from the previous session included: the
    # conversation's language at the end. A message takes a value set after it (the tagger's,
    # right after the message), not one it found in effect.
    language: str | None = None

    for event in session:
        if event.type_name == "bot":
            feedback_asked = bot_response_name(event.as_stored()) == FEEDBACK_QUESTION
        elif event.type_name == "slot" and event.data.get("name") == LANGUAGE_SLOT:
            value = event.data.get("value")
            language = str(value) if value is not None else None
            if messages:
                messages[-1] = replace(messages[-1], language=language)
        elif event.type_name == "user":
            intent = event.intent_name
            if feedback_asked and intent is not None:
                intent = FEEDBACK_BY_ANSWER.get(intent, intent)
            messages.append(SellerMessage(text=event.data.get("text") or "", intent=intent))
            feedback_asked = False
    reasons: list[str] = []
    # Slots set before the first seller message are the previous session's values, carried over
    # by action_session_start: not a new handoff.
    for event in session[first_user:]:
        if event.type_name == "slot" and event.data.get("name") == HANDOFF_REASON_SLOT:
            value = event.data.get("value")
            if value is not None and str(value) not in reasons:
                reasons.append(str(value))
    return Conversation(
        sender_id=sender_id,
        day=_utc_day(first_timestamp),
        messages=tuple(messages),
        handoff_reasons=tuple(reasons),
        language=language,
    )


def split_conversations(events: Iterable[Event]) -> list[Conversation]:
    """Conversations in the order their sellers first appear; `events` in table (id) order."""
    by_sender: dict[str, list[Event]] = {}
    for event in events:
        by_sender.setdefault(event.sender_id, []).append(event)
    conversations = []
    for sender_id, sender_events in by_sender.items():
        for session in _sessions(sender_events):
            conversation = _conversation(sender_id, session)
            if conversation is not None:
                conversations.append(conversation)
    return conversations
