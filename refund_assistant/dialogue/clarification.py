"""What to offer when the bot is not confident it understood ("Did you mean ...?").

The topic titles are the button labels the domain already shows for each intent, so the
clarification speaks with the same words as the rest of the bot and every title stays in
`domain.yml`, ready for review and translation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from refund_assistant import intents
from refund_assistant.conversation import Event, intent_of
from refund_assistant.response_variants import for_language

SUGGESTION_COUNT = 2
_INTENT_PAYLOAD = re.compile(r"^/([a-z_]+)$")


def topic_titles(
    responses: Mapping[str, list[dict[str, Any]]], language: str | None = None
) -> dict[str, str]:
    """Maps each intent to the first button title that sends it, across all responses' variations
    for the seller's `language`."""
    titles: dict[str, str] = {}
    for variations in responses.values():
        for variation in for_language(variations, language):
            for button in variation.get("buttons") or []:
                match = _INTENT_PAYLOAD.match(str(button.get("payload", "")))
                if match:
                    titles.setdefault(match.group(1), button["title"])
    return titles


def suggestions(
    intent_ranking: Iterable[Mapping[str, Any]],
    titles: Mapping[str, str],
    count: int = SUGGESTION_COUNT,
) -> list[tuple[str, str]]:
    """The most likely topics, as (intent, title), best first."""
    ranked = sorted(intent_ranking, key=lambda item: item.get("confidence") or 0, reverse=True)
    picked: list[tuple[str, str]] = []
    for item in ranked:
        intent = str(item.get("name") or "")
        if intent in intents.NOT_SUGGESTED or intent not in titles:
            continue
        picked.append((intent, titles[intent]))
        if len(picked) == count:
            break
    return picked


def misunderstood_in_a_row(events: Iterable[Event]) -> int:
    """How many of the seller's latest messages in a row the bot did not understand."""
    count = 0
    for event in reversed(list(events)):
        if event.get("event") != "user":
            continue
        if intent_of(event) != intents.FALLBACK:
            break
        count += 1
    return count
