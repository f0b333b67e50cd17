"""Fact words and the noun phrases around them: what a cue or a negation is about.

Why this is its own step: the meaning of a cue depends on the fact word it attaches to.
"closed" says the store is cancelled in "my store was closed", but that the dispute is resolved
in "I closed the dispute on my store"; "no" settles every fact of the list it heads ("no
violations or disputes") but not the one after a comma ("no violations, dispute still open").
This module holds that small grammar, shared by the clause splitter and the clause reader:
- an anchor is a fact word in a clause ("store", "orders", "penalized", "nothing pending"),
  with the preposition whose phrase holds it ("a violation *on* my store");
- a noun phrase is the run of words around fact words ("no open buyer disputes");
- a list ("violations, disputes or orders") joins fact words that share cues and negations;
- a cue describes the fact word in the noun phrase after it, else the nearest one it can
  describe.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from refund_assistant.facts import EXISTENCE_FACTS, Fact
from refund_assistant.store_state.lexicon import (
    BUYER_WORDS,
    CONJ,
    DETERMINERS,
    FACT_OF_ANCHOR,
    FILLERS,
    INDEFINITE,
    NP_LABELS,
    NP_WORDS,
    ORDERS,
    PREPOSITIONS,
    TRAILERS,
    VIOLATIONS,
    Label,
)
from refund_assistant.store_state.units import Unit, is_anchor

VIRTUAL = -1  # the position of the fact under discussion when the clause names none


@dataclass(frozen=True)
class Anchor:
    """A fact word of a clause."""

    pos: int  # its unit's position in the clause, or VIRTUAL
    fact: Fact
    oblique: str | None = None  # its preposition: "a violation on my store" -> "on"


class NounPhrase(NamedTuple):
    """The fact words met scanning right through one noun phrase, and where the phrase ends."""

    fact_words: list[int]  # positions
    end: int


# Fact word position -> the positions of every fact word in its list (itself included).
Groups = dict[int, set[int]]


def is_np(unit: Unit) -> bool:
    """Can the unit stand inside a noun phrase around a fact word?"""
    return (
        unit.norm in NP_WORDS
        or unit.text in NP_WORDS
        or unit.label in NP_LABELS
        or unit.count is not None
        or is_anchor(unit)
    )


def noun_phrase(units: Sequence[Unit], start: int) -> NounPhrase:
    """The noun phrase from `start`. One unknown word is allowed right before a fact word
    ("ip infringement", "quality dispute")."""
    found: list[int] = []
    k = start
    while k < len(units):
        unit = units[k]
        if is_anchor(unit):
            found.append(k)
        elif found and unit.norm in DETERMINERS:
            break  # "dispute and violation | both removed"
        elif not is_np(unit):
            if (
                unit.label is None
                and unit.norm.isalpha()
                and unit.norm not in FILLERS
                and k + 1 < len(units)
                and is_anchor(units[k + 1])
            ):
                k += 1
                continue
            break
        k += 1
    return NounPhrase(found, k)


def _follows_fact_phrase(units: Sequence[Unit], conj: int) -> bool:
    """Does a noun phrase with a fact word end right before `conj`? "no violations, disputes"
    is a list; in "my store is cancelled, no pending orders" the comma ends a clause."""
    k = conj - 1
    while k >= 0 and is_np(units[k]):
        if is_anchor(units[k]):
            return True
        k -= 1
    return False


def coordinated(units: Sequence[Unit], conj: int) -> bool:
    """Does the conjunction at `conj` join a further fact word to a list ("A, B or C")?"""
    if not _follows_fact_phrase(units, conj):
        return False
    found, end = noun_phrase(units, conj + 1)
    if not found:
        return False
    if end >= len(units):
        return True
    after = units[end]
    if after.label in {Label.SPLIT, Label.HYPO} or after.norm in CONJ or after.norm in TRAILERS:
        return True
    last = units[found[-1]]
    plural_verb = after.text in {"are", "were", "have"}
    return plural_verb and last.text == last.norm  # "the penalty and the dispute were cleared"


# --------------------------------------------------------------------------------------------
# The fact words of a clause.
# --------------------------------------------------------------------------------------------
def _preposition(units: Sequence[Unit], pos: int) -> str | None:
    """The preposition whose phrase holds the fact word at `pos`, if any."""
    k = pos - 1
    while k >= 0 and (is_np(units[k]) and not is_anchor(units[k])):
        k -= 1
    return units[k].norm if k >= 0 and units[k].norm in PREPOSITIONS else None


def anchors_of(units: Sequence[Unit]) -> list[Anchor]:
    """The fact words of a clause, in order, including the implied ones."""
    has_buyer = any(
        u.norm in BUYER_WORDS or u.label == Label.START or u.norm == "open" for u in units
    )
    anchors: list[Anchor] = []
    for k, unit in enumerate(units):
        if unit.label is None or unit.label not in FACT_OF_ANCHOR:
            continue
        if unit.label == Label.CLAIM and not has_buyer:
            continue  # "an issue with my login" is not a buyer dispute
        if unit.norm == "account" and k > 0 and units[k - 1].norm in {"bank", "paypal", "alipay"}:
            continue
        anchors.append(Anchor(k, FACT_OF_ANCHOR[unit.label], _preposition(units, k)))
    if not any(a.fact == ORDERS for a in anchors):
        anchors.extend(_implied_order_anchors(units))
    if any(u.label == Label.CLEAN for u in units) and not any(
        a.fact == VIOLATIONS for a in anchors
    ):
        anchors.append(
            Anchor(next(k for k, u in enumerate(units) if u.label == Label.CLEAN), VIOLATIONS)
        )
    return sorted(anchors, key=lambda a: a.pos)


def _implied_order_anchors(units: Sequence[Unit]) -> list[Anchor]:
    """ "nothing pending", "2 still shipping": a counted pending thing is an order."""
    found = []
    for k, unit in enumerate(units):
        if unit.label != Label.ORDER_PENDING and unit.norm != "pending":
            continue
        j = k - 1
        while j >= 0 and units[j].norm in {"be", "still", "currently", "left", "that"}:
            j -= 1
        if j >= 0 and (
            units[j].label == Label.DET_NEG
            or units[j].count is not None
            or units[j].norm in {"anything", "something", "everything", "all"}
        ):
            found.append(Anchor(k, ORDERS))
    return found


def groups_of(units: Sequence[Unit], anchors: Sequence[Anchor]) -> Groups:
    """Fact words joined in one list ("violations or disputes") share cues and negations."""
    group: Groups = {a.pos: {a.pos} for a in anchors}
    for k, unit in enumerate(units):
        if unit.norm not in CONJ or not coordinated(units, k):
            continue
        before = [a.pos for a in anchors if a.pos < k]
        after = [p for p in noun_phrase(units, k + 1).fact_words if p in group]
        if before and after:
            merged = group[before[-1]].union(*(group[p] for p in after))
            for p in merged:
                group[p] = merged
    return group


def has_own_count(units: Sequence[Unit], pos: int, neg_pos: int) -> bool:
    """Does the fact word at `pos` have its own number or article after the negation?"""
    k = pos - 1
    while k > neg_pos and not is_anchor(units[k]) and units[k].norm not in CONJ:
        unit = units[k]
        if (unit.count is not None and unit.label != Label.DET_NEG) or unit.norm in INDEFINITE:
            return True
        k -= 1
    return False


# --------------------------------------------------------------------------------------------
# Which fact word a cue describes.
# --------------------------------------------------------------------------------------------
def target(
    units: Sequence[Unit], anchors: Sequence[Anchor], pos: int, accepts: Iterable[Fact]
) -> Anchor | None:
    """The fact word a cue at `pos` describes: inside its noun phrase, else the nearest."""
    accepted = set(accepts)
    candidates = [a for a in anchors if a.fact in accepted]
    if not candidates:
        return None
    if candidates[0].pos < 0:
        return candidates[0]
    for p in noun_phrase(units, pos + 1).fact_words:
        for a in candidates:
            if a.pos == p:
                return a
    plain = [a for a in candidates if not a.oblique] or candidates
    return min(plain, key=lambda a: (abs(a.pos - pos), a.pos > pos))


def count_target(units: Sequence[Unit], anchors: Sequence[Anchor], pos: int) -> Anchor | None:
    """The fact word a number counts: the one in its phrase ("2 pending orders"), else nearest."""
    by_pos = {a.pos: a for a in anchors}
    for p in noun_phrase(units, pos + 1).fact_words:
        if p in by_pos and by_pos[p].fact in EXISTENCE_FACTS:
            return by_pos[p]
    return target(units, anchors, pos, EXISTENCE_FACTS)
