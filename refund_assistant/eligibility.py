"""The refund verdict: which prerequisites (facts.md P1-P3) stand between a store and a refund.

Kept apart from the parser and from Rasa so the rule itself is one small table that can be
read against the guide: every blocker code maps to the fact value that causes it
(`refund_assistant.facts.BLOCKING_VALUES`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from refund_assistant.facts import BLOCKING_VALUES, FACTS, Blocker, Fact
from refund_assistant.intents import YES_NO_VALUES
from refund_assistant.store_state import StoreFacts, parse_answer, parse_store_state

# What is known of each fact so far (None = unknown), keyed by `Fact` or by its string value
# (the slot name): a Fact hashes and compares like its value, so either kind of key works.
FactValues = Mapping[Fact, bool | None] | Mapping[str, bool | None]


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    blockers: list[Blocker]  # in the guide's order


def missing_facts(facts: FactValues) -> list[Fact]:
    """The facts still unknown, in the order the bot asks about them."""
    return [fact for fact in FACTS if facts.get(fact) is None]


def verdict(facts: FactValues) -> Verdict | None:
    """The verdict once all four facts are known; None while any is still unknown."""
    if missing_facts(facts):
        return None
    blockers = [rule.blocker for rule in BLOCKING_VALUES if facts[rule.fact] is rule.blocks_when]
    return Verdict(eligible=not blockers, blockers=blockers)


def facts_from_message(text: str, intent: str | None, asked: Fact | str | None) -> StoreFacts:
    """What one seller message says about the four facts.

    While the bot waits for the answer about fact `asked`, a bare yes/no/not sure (typed, or a
    button that sends the intent without text) answers that fact; facts the seller names
    explicitly are always taken too, so "no, but 2 orders are still shipping" fills two.
    """
    if not asked:
        return parse_store_state(text)
    facts = parse_answer(text, asked)  # raises ValueError if `asked` is not a fact
    fact = Fact(asked)
    if fact in facts.known() or fact in facts.unsure:
        return facts
    if intent is not None and intent in YES_NO_VALUES:
        value = YES_NO_VALUES[intent]
        if value is None:
            return replace(facts, unsure=facts.unsure | {fact})
        answered: dict[str, Any] = {fact.value: value}  # the StoreFacts field of that fact
        return replace(facts, **answered)
    return facts
