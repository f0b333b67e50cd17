"""What to offer when the bot is not confident it understood ("Did you mean ...?").

The topic titles are the button labels the domain already shows for each intent, so the
clarification speaks with the same words as the rest of the bot and every title stays in
`domain.yml`, ready for review and translation.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Mapping, Tuple

FALLBACK_INTENT = "nlu_fallback"
SUGGESTION_COUNT = 2
# Intents that make no sense to send back as a suggestion: they only mean something as an
# answer to a question, or they carry the seller's own text.
NOT_SUGGESTED = frozenset(
    {
        FALLBACK_INTENT, "affirm", "deny", "greet", "goodbye", "thank", "next_step",
        "previous_step", "out_of_scope", "unsure", "stop", "describe_store", "inform_date",
        "ask_step", "bot_challenge", "ask_buyer_refund", "ask_account_access",
        "feedback_helpful", "feedback_not_helpful", "share_personal_data",
    }
)
_INTENT_PAYLOAD = re.compile(r"^/([a-z_]+)$")


def topic_titles(responses: Mapping[str, List[Dict[str, Any]]]) -> Dict[str, str]:
    """Maps each intent to the first button title that sends it, across all responses."""
    titles: Dict[str, str] = {}
    for variations in responses.values():
        for variation in variations:
            for button in variation.get("buttons") or []:
                match = _INTENT_PAYLOAD.match(str(button.get("payload", "")))
                if match:
                    titles.setdefault(match.group(1), button["title"])
    return titles


def suggestions(
    intent_ranking: Iterable[Mapping[str, Any]],
    titles: Mapping[str, str],
    count: int = SUGGESTION_COUNT,
) -> List[Tuple[str, str]]:
    """The most likely topics, as (intent, title), best first."""
    ranked = sorted(intent_ranking, key=lambda item: item.get("confidence") or 0, reverse=True)
    picked: List[Tuple[str, str]] = []
    for item in ranked:
        intent = item.get("name")
        if intent in NOT_SUGGESTED or intent not in titles:
            continue
        picked.append((intent, titles[intent]))
        if len(picked) == count:
            break
    return picked


def misunderstood_in_a_row(events: Iterable[Mapping[str, Any]]) -> int:
    """How many of the seller's latest messages in a row the bot did not understand."""
    count = 0
    for event in reversed(list(events)):
        if event.get("event") != "user":
            continue
        intent = (event.get("parse_data") or {}).get("intent") or {}
        if intent.get("name") != FALLBACK_INTENT:
            break
        count += 1
    return count
