"""Reads a whole message, clause by clause, into `StoreFacts`.

Why a message is more than its clauses: sellers correct themselves ("no disputes. wait, actually
one buyer opened a dispute"), so a later clause overrides an earlier one; a clause like "it was
closed yesterday" continues the fact just mentioned; and when the bot has asked about one fact,
a bare "yes" / "no" / "not sure" answers that fact, while anything the seller states explicitly
about a fact wins over the bare answer ("no, 2 orders still shipping" means there are pending
orders).

The same holds for Chinese: a message with Chinese characters is cut into units by `chinese`
(which reads any English words in it too), then read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from refund_assistant.facts import FACTS, Fact
from refund_assistant.store_state.chinese import chinese_units, is_chinese
from refund_assistant.store_state.clauses import split
from refund_assistant.store_state.lexicon import UNSURE, N, P, Value
from refund_assistant.store_state.reader import Reading, Topic, read_clause
from refund_assistant.store_state.units import to_units


@dataclass(frozen=True)
class StoreFacts:
    """The four facts as a message states them: True, False, or None (not said).

    The field names are the values of `Fact` (and the slot names in `domain.yml`)."""

    store_cancelled: bool | None = None
    has_pending_orders: bool | None = None
    has_violations: bool | None = None
    has_disputes: bool | None = None
    unsure: frozenset[Fact] = frozenset()  # the facts the seller says they are not sure about

    def known(self) -> dict[Fact, bool]:
        """Only the facts that are True/False."""
        known: dict[Fact, bool] = {}
        for fact in FACTS:
            value: bool | None = getattr(self, fact.value)
            if value is not None:
                known[fact] = value
        return known


def parse_store_state(text: str) -> StoreFacts:
    """Facts stated in the text, nothing else."""
    return _parse(text, asked=None)


def parse_answer(text: str, asked: Fact | str) -> StoreFacts:
    """Like parse_store_state, but the text answers the question about fact `asked`
    (e.g. asked=Fact.HAS_PENDING_ORDERS, or its value "has_pending_orders", after "Do you still
    have pending orders?"), so a bare "yes" / "yep" / "i think so" / "yes 2 orders still
    shipping" => True for that fact, "no" / "nope" / "no, none" / "none" / "zero" / "nothing" =>
    False, "not sure" / "no idea" / "i don't know" / "maybe" => added to `unsure`. Facts named
    explicitly in the text always win over the bare yes/no, and other facts mentioned are
    returned too. Raises ValueError if `asked` is not a fact."""
    if asked not in FACTS:
        names = tuple(fact.value for fact in FACTS)
        raise ValueError(f"asked must be one of {names}, got {asked!r}")
    return _parse(text, asked=Fact(asked))


def _merge(into: dict[Fact, Value], reading: Reading) -> None:
    """A later clause corrects an earlier one, except that a partial "3 delivered" does not undo
    "2 pending orders": some are still pending."""
    for fact, value in reading.values.items():
        if reading.partial and value == N and into.get(fact) == P:
            continue
        into[fact] = value


def _parse(text: str, asked: Fact | None) -> StoreFacts:
    explicit: dict[Fact, Value] = {}  # what the seller said about facts they named
    bare: dict[Fact, Value] = {}  # what clauses naming no fact said about the asked one
    carried = Topic(asked, None, True) if asked is not None else None
    text = text or ""
    units = chinese_units(text) if is_chinese(text) else to_units(text)
    for clause in split(units):
        if clause.skip or (clause.interjection and asked is None):
            continue
        reading = read_clause(clause, carried, answering=asked is not None)
        if reading is None:
            continue
        _merge(bare if reading.from_answer else explicit, reading)
        carried = reading.topic
    final = dict(explicit)
    if asked is not None and asked not in final and asked in bare:
        final[asked] = bare[asked]

    def stated(fact: Fact) -> bool | None:
        value = final.get(fact)
        return None if value is None or value == UNSURE else value == P

    return StoreFacts(
        store_cancelled=stated(Fact.STORE_CANCELLED),
        has_pending_orders=stated(Fact.HAS_PENDING_ORDERS),
        has_violations=stated(Fact.HAS_VIOLATIONS),
        has_disputes=stated(Fact.HAS_DISPUTES),
        unsure=frozenset(fact for fact, value in final.items() if value == UNSURE),
    )
