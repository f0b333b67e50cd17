"""The refund verdict: which prerequisites (facts.md P1-P3) stand between a store and a refund.

Kept apart from the parser and from Rasa so the rule itself is one small table that can be
read against the guide: every blocker code maps to the fact value that causes it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Dict, List, Mapping, Optional, Tuple

from actions.store_state import FACTS, StoreFacts, parse_answer, parse_store_state

# (fact, value that blocks the refund, blocker code), in the order the guide lists them.
BLOCKING_VALUES: Tuple[Tuple[str, bool, str], ...] = (
    ("store_cancelled", False, "store_not_cancelled"),  # P1
    ("has_pending_orders", True, "pending_orders"),  # P2
    ("has_violations", True, "violations"),  # P3
    ("has_disputes", True, "disputes"),  # P3
)

# Intents that answer a yes/no question without words to parse (the Yes / No / Not sure buttons).
ANSWER_INTENTS: Dict[str, Optional[bool]] = {"affirm": True, "deny": False, "unsure": None}


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    blockers: List[str]


def missing_facts(facts: Mapping[str, Optional[bool]]) -> List[str]:
    """The facts still unknown, in the order the bot asks about them."""
    return [name for name in FACTS if facts.get(name) is None]


def verdict(facts: Mapping[str, Optional[bool]]) -> Optional[Verdict]:
    """The verdict once all four facts are known; None while any is still unknown."""
    if missing_facts(facts):
        return None
    blockers = [code for fact, blocking, code in BLOCKING_VALUES if facts[fact] is blocking]
    return Verdict(eligible=not blockers, blockers=blockers)


def facts_from_message(text: str, intent: Optional[str], asked: Optional[str]) -> StoreFacts:
    """What one seller message says about the four facts.

    While the bot waits for the answer about fact `asked`, a bare yes/no/not sure (typed, or a
    button that sends the intent without text) answers that fact; facts the seller names
    explicitly are always taken too, so "no, but 2 orders are still shipping" fills two.
    """
    facts = parse_answer(text, asked) if asked else parse_store_state(text)
    if asked is None or asked in facts.known() or asked in facts.unsure:
        return facts
    if intent in ANSWER_INTENTS:
        value = ANSWER_INTENTS[intent]
        if value is None:
            return replace(facts, unsure=facts.unsure | {asked})
        return replace(facts, **{asked: value})
    return facts
