"""Answer first, then ask: when the bot needs something from the seller to answer for their own
case, it first gives the answer the guide has for everyone, then asks.

"When will they finish checking my application?" could be met with "When did you submit it?",
but that leaves the seller with a question for their question. So the general rule comes first
(the review usually takes 7 to 15 working days, facts.md S4), then the offer to work out their
own dates; "am I eligible?" first hears the three prerequisites (P1-P3), then the first
question. Nothing is repeated that the seller read in the bot's turn just before (they may have
tapped "When will I hear back?" under the review answer itself).
"""

from __future__ import annotations

from collections.abc import Set

from refund_assistant import intents
from refund_assistant.eligibility import FactValues, known_blockers, missing_facts
from refund_assistant.facts import FACTS

REVIEW_RULE_RESPONSE = "utter_review_time"  # S4: 7 to 15 working days, progress in the backend
CONDITIONS_RESPONSE = "utter_store_check_conditions"  # P1-P3 in one line
# Responses that already state the rule or list the conditions.
STATE_REVIEW_RULE = frozenset({REVIEW_RULE_RESPONSE, "utter_review_progress", "utter_step_4"})
LIST_CONDITIONS = frozenset({CONDITIONS_RESPONSE, "utter_prerequisites"})


def before_date_question(
    intent: str | None, date_found: bool, asked: bool, said_last: Set[str]
) -> str | None:
    """What to say before asking when the seller applied: the review rule, for a question
    about their review that names no date (`asked`: the bot has already asked for the date;
    `said_last`: the responses of the bot's previous turn)."""
    if intent != intents.ASK_REVIEW_DEADLINE or date_found or asked:
        return None
    if said_last & STATE_REVIEW_RULE:
        return None
    return REVIEW_RULE_RESPONSE


def before_store_questions(
    before: FactValues, after: FactValues, asked: bool, said_last: Set[str]
) -> str | None:
    """What to say before the store check's first question: the three prerequisites, for a
    check that starts (`asked`: a question of the check is already open) from nothing known
    (`before`: the facts before the seller's message, `after`: with what it said) and will ask,
    rather than stop at a blocker."""
    starts_fresh = not asked and all(before.get(fact) is None for fact in FACTS)
    asks = bool(missing_facts(after)) and not known_blockers(after)
    if not starts_fresh or not asks or said_last & LIST_CONDITIONS:
        return None
    return CONDITIONS_RESPONSE
