"""Reading a conversation's events: where its sessions begin, what the bot said last.

Why here: handoff tickets (this session's transcript), the feedback question (how long since it
was last asked), the yes/no answers (what the bot offered) and the deflection report (one
conversation per session) all cut the same event history the same way. Events are the plain
dicts Rasa stores (`{"event": "user", "text": ..., "parse_data": ...}`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SESSION_START_ACTION = "action_session_start"

Event = Mapping[str, Any]


def is_session_start(event: Event) -> bool:
    return event.get("event") == "action" and event.get("name") == SESSION_START_ACTION


def split_sessions(events: Iterable[Event]) -> list[list[Event]]:
    """The events cut before each session start; events before the first one are a session."""
    sessions: list[list[Event]] = []
    for event in events:
        if is_session_start(event) or not sessions:
            sessions.append([])
        sessions[-1].append(event)
    return sessions


def current_session(events: Iterable[Event]) -> list[Event]:
    """The events since the latest session start (all of them if there is none)."""
    sessions = split_sessions(events)
    return sessions[-1] if sessions else []


def bot_response_name(event: Event) -> str | None:
    """The domain response a bot event sent (`utter_...`), if it was one."""
    return (event.get("metadata") or {}).get("utter_action")


def last_bot_response(events: Iterable[Event]) -> str | None:
    """The name of the domain response the bot sent last, if its last message was one."""
    for event in reversed(list(events)):
        if event.get("event") == "bot":
            return bot_response_name(event)
    return None


def intent_of(event: Event) -> str | None:
    """The intent Rasa gave a seller message."""
    return ((event.get("parse_data") or {}).get("intent") or {}).get("name")


def previous_turn_responses(events: Iterable[Event]) -> set[str]:
    """The domain responses the bot sent in its turn before the seller's latest message (between
    their previous message and that one): what the seller had just read when they wrote."""
    responses: set[str] = set()
    messages_seen = 0
    for event in reversed(list(events)):
        if event.get("event") == "user":
            messages_seen += 1
            if messages_seen == 2:
                break
        elif messages_seen == 1 and event.get("event") == "bot":
            name = bot_response_name(event)
            if name:
                responses.add(name)
    return responses
