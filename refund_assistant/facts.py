"""The four store facts the refund depends on, and the blocker code each one can raise.

Why one home: the store-state reader, the verdict, the form, handoff tickets and the tests all
name these facts; the slots in `domain.yml` carry the same names. A second copy is a future bug.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Fact(str, Enum):
    """What a seller can tell about their store (facts.md P1-P3); values are the slot names."""

    STORE_CANCELLED = "store_cancelled"  # P1
    HAS_PENDING_ORDERS = "has_pending_orders"  # P2
    HAS_VIOLATIONS = "has_violations"  # P3
    HAS_DISPUTES = "has_disputes"  # P3


# The order the bot asks in, which is the order the guide lists them.
FACTS: tuple[Fact, ...] = tuple(Fact)
# Facts about something existing (orders, records, disputes), as opposed to a state of the store.
EXISTENCE_FACTS: tuple[Fact, ...] = (
    Fact.HAS_PENDING_ORDERS,
    Fact.HAS_VIOLATIONS,
    Fact.HAS_DISPUTES,
)


class Blocker(str, Enum):
    """Why a store cannot get its deposit back yet; values fill the `refund_blockers` slot."""

    STORE_NOT_CANCELLED = "store_not_cancelled"
    PENDING_ORDERS = "pending_orders"
    VIOLATIONS = "violations"
    DISPUTES = "disputes"


class BlockingValue(NamedTuple):
    fact: Fact
    blocks_when: bool
    blocker: Blocker


# Every blocker and the fact value that raises it, in the guide's order.
BLOCKING_VALUES: tuple[BlockingValue, ...] = (
    BlockingValue(Fact.STORE_CANCELLED, False, Blocker.STORE_NOT_CANCELLED),  # P1
    BlockingValue(Fact.HAS_PENDING_ORDERS, True, Blocker.PENDING_ORDERS),  # P2
    BlockingValue(Fact.HAS_VIOLATIONS, True, Blocker.VIOLATIONS),  # P3
    BlockingValue(Fact.HAS_DISPUTES, True, Blocker.DISPUTES),  # P3
)
