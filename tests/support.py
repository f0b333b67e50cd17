"""What many tests share: the project's paths and domain, and hand-built Rasa trackers for
running custom actions without a server (the rasa-sdk way: build a Tracker, run the action with
a CollectingDispatcher, assert on the messages and events)."""

from __future__ import annotations

from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from refund_assistant.settings import PROJECT_ROOT

DOMAIN: dict[str, Any] = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())


def tracker(text="", intent=None, slots=None, events=None, ranking=None, active_loop=None):
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [],
        "intent_ranking": ranking or ([{"name": intent, "confidence": 1.0}] if intent else []),
    }
    return Tracker(
        sender_id="test",
        slots=dict(slots or {}),
        latest_message=latest,
        events=list(events or []) + [{"event": "user", "text": text, "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


async def run(action, tracker_, domain: dict[str, Any] | None = None):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker_, domain or DOMAIN)
    return dispatcher.messages, events


def responses(messages: list[dict[str, Any]]) -> list[str | None]:
    return [message.get("response") for message in messages]


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {event["name"]: event["value"] for event in events if event["event"] == "slot"}


def user_event(text: str, intent: str, timestamp: float = 2.0) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "timestamp": timestamp,
        "parse_data": {"intent": {"name": intent}},
    }


def bot_event(response: str, text: str = "...", timestamp: float = 1.0) -> dict[str, Any]:
    return {
        "event": "bot",
        "text": text,
        "metadata": {"utter_action": response},
        "timestamp": timestamp,
    }
