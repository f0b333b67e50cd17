"""The refund verdict: which prerequisites (facts.md P1-P3) stand between a store and a refund,
and what the store check says next.

Kept apart from the parser and from Rasa so the rule itself is one small table that can be
read against the guide: every blocker code maps to the fact value that causes it
(`refund_assistant.facts.BLOCKING_VALUES`).

Why a verdict before all four facts are known: all three prerequisites must hold, so one blocker
already settles "can I apply yet?". A seller who writes "I still have 2 orders in transit, can I
apply?" hears "not yet" at once, with what else must hold, and chooses whether to check the rest,
instead of answering three questions first. The check stops early only for the first blocker:
once the seller has heard one and goes on, the check runs to the end and the verdict names
every blocker.
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

STORE_CHECK_FORM = "eligibility_form"  # the form in domain.yml that asks for the facts
ELIGIBLE_SLOT = "refund_eligible"
BLOCKERS_SLOT = "refund_blockers"

# What the store check says (responses in domain.yml).
ELIGIBLE_RESPONSE = "utter_refund_eligible"
NOT_ELIGIBLE_RESPONSE = "utter_refund_not_eligible"  # {blockers}
NOT_YET_RESPONSE = "utter_refund_not_yet"  # {blockers} and the conditions still {remaining}
OFFER_REST_RESPONSE = "utter_offer_check_rest"
# The guide gives no procedure for violation records, so the bot offers a person for them.
OFFER_HANDOFF_RESPONSE = "utter_offer_handoff_violations"
BLOCKER_RESPONSES: Mapping[Blocker, str] = {
    Blocker.STORE_NOT_CANCELLED: "utter_blocker_store_not_cancelled",
    Blocker.PENDING_ORDERS: "utter_blocker_pending_orders",
    Blocker.VIOLATIONS: "utter_blocker_violations",
    Blocker.DISPUTES: "utter_blocker_disputes",
}
# The condition each fact must meet, for "you'll also need: ..." (one line each).
CONDITION_RESPONSES: Mapping[Fact, str] = {
    Fact.STORE_CANCELLED: "utter_condition_store_cancelled",
    Fact.HAS_PENDING_ORDERS: "utter_condition_has_pending_orders",
    Fact.HAS_VIOLATIONS: "utter_condition_has_violations",
    Fact.HAS_DISPUTES: "utter_condition_has_disputes",
}


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    blockers: list[Blocker]  # in the guide's order
    unknown: list[Fact]  # facts not known yet: non-empty only for an early "not yet"

    @property
    def final(self) -> bool:
        """Whether all four facts were known: nothing left to check."""
        return not self.unknown


@dataclass(frozen=True)
class Reply:
    """One message of the verdict: a response, and the responses whose texts fill its
    `{blockers}` and `{remaining}` lines."""

    response: str
    blockers: tuple[str, ...] = ()
    remaining: tuple[str, ...] = ()


def missing_facts(facts: FactValues) -> list[Fact]:
    """The facts still unknown, in the order the bot asks about them."""
    return [fact for fact in FACTS if facts.get(fact) is None]


def known_blockers(facts: FactValues) -> list[Blocker]:
    """The blockers the known facts raise, in the guide's order; an unknown fact raises none."""
    return [rule.blocker for rule in BLOCKING_VALUES if facts.get(rule.fact) is rule.blocks_when]


def verdict(facts: FactValues) -> Verdict | None:
    """The verdict on what is known: not eligible as soon as a known fact blocks (`unknown`
    then lists the facts still to check), eligible once all four are known and none blocks,
    None while nothing blocks and a fact is still unknown."""
    blockers = known_blockers(facts)
    unknown = missing_facts(facts)
    if unknown and not blockers:
        return None
    return Verdict(eligible=not blockers, blockers=blockers, unknown=unknown)


def verdict_slots(facts: FactValues) -> dict[str, Any]:
    """The values of the verdict slots for what is known (both None while undecided)."""
    result = verdict(facts)
    if result is None:
        return {ELIGIBLE_SLOT: None, BLOCKERS_SLOT: None}
    return {
        ELIGIBLE_SLOT: result.eligible,
        BLOCKERS_SLOT: [blocker.value for blocker in result.blockers],
    }


def stops_early(before: FactValues, after: FactValues) -> bool:
    """Whether the check stops now to say "not yet": this message brought the first blocker and
    a fact is still unknown. A blocker known before (the seller already heard it, and chose to
    check the rest) lets the check run to its end."""
    return bool(known_blockers(after)) and not known_blockers(before) and bool(missing_facts(after))


def replies(result: Verdict) -> list[Reply]:
    """What the bot says for a verdict, in order: the verdict itself, then at most one offer
    (a person for violations, else checking the rest after an early "not yet")."""
    blockers = tuple(BLOCKER_RESPONSES[blocker] for blocker in result.blockers)
    if result.eligible:
        said = [Reply(ELIGIBLE_RESPONSE)]
    elif result.final:
        said = [Reply(NOT_ELIGIBLE_RESPONSE, blockers=blockers)]
    else:
        remaining = tuple(CONDITION_RESPONSES[fact] for fact in result.unknown)
        said = [Reply(NOT_YET_RESPONSE, blockers=blockers, remaining=remaining)]
    if Blocker.VIOLATIONS in result.blockers:
        said.append(Reply(OFFER_HANDOFF_RESPONSE))
    elif not result.eligible and not result.final:
        said.append(Reply(OFFER_REST_RESPONSE))
    return said


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
