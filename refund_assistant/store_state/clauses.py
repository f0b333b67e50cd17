"""Cuts a message's units into clauses, the stretch of text a negation or a cue can reach.

Why clauses: "no violations, dispute still open" and "I can't close my store because of pending
orders" each say two things, and the "no" or "can't" of the first half must not reach the second.
So the text is cut at sentence ends, "but", "because", corrections like "actually", and at "and"
and commas too, except inside a list such as "no violations, disputes or orders", where the
negation is meant to spread.

Some clauses state nothing and are marked `skip`: questions ("is my store closed?", and Chinese
ones marked by a word: "店铺注销了吗") and conditions ("if I have a dispute"). A lone "yes" /
"no" at the start is marked `interjection`: it only means something as the answer to a question
the bot asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from refund_assistant.store_state.lexicon import (
    AUX,
    DISCOURSE,
    QUESTION_SUBJECTS,
    QUESTION_WORDS,
    Label,
)
from refund_assistant.store_state.phrases import coordinated, noun_phrase
from refund_assistant.store_state.units import Unit


@dataclass
class Clause:
    units: list[Unit]
    skip: bool = False  # a question or a condition: states no fact
    question_mark: bool = False  # ended by "?"
    interjection: bool = False  # only "yes" / "no"


def split(units: list[Unit]) -> list[Clause]:
    """Cuts the text into clauses; marks questions, conditions and bare yes/no answers."""
    clauses: list[Clause] = []
    current: list[Unit] = []
    hypothetical = False

    def close(question_mark: bool = False) -> None:
        nonlocal current, hypothetical
        if current:
            clauses.append(Clause(current, skip=hypothetical, question_mark=question_mark))
        current, hypothetical = [], False

    for k, unit in enumerate(units):
        if unit.label == Label.SPLIT:
            close(question_mark=unit.text == "?")
            continue
        if unit.label == Label.CAUSE:
            close()
        if unit.label == Label.HYPO:
            if any(u.label == Label.HEDGE for u in current):
                continue  # "not sure if ..." is a doubt about what follows
            close()
            hypothetical = True
            continue
        if unit.norm in {"and", ",", "&", "plus"} and not coordinated(units, k):
            close()
            continue
        current.append(unit)
        if len(current) == 1 and _is_interjection(units, k):
            close()
    close()
    for clause in clauses:
        clause.interjection = len(clause.units) == 1 and _is_interjection(clause.units, 0)
        if not clause.skip:
            clause.skip = _is_question(clause.units, clause.question_mark) or _asks(clause.units)
    return clauses


def _starts_np_to_anchor(units: Sequence[Unit], k: int) -> bool:
    """ "no" + "pending orders" / "pending" is a determiner; "no" + "," or "2" is an answer."""
    if k >= len(units) or (units[k].count is not None and units[k].label != Label.DET_NEG):
        return False
    found, _ = noun_phrase(units, k)
    return bool(found) or units[k].label == Label.ORDER_PENDING or units[k].norm == "pending"


def _is_interjection(units: Sequence[Unit], k: int) -> bool:
    """A leading "yes"/"no" that answers a question, not "no" in "no pending orders"."""
    unit = units[k]
    if unit.label in {Label.YES, Label.NO} and unit.text not in {
        "sure",
        "right",
        "true",
        "correct",
    }:
        return True
    if unit.label == Label.DET_NEG and unit.norm == "no" and unit.count is None:
        return not _starts_np_to_anchor(units, k + 1)
    return False


def _asks(units: Sequence[Unit]) -> bool:
    """A question marked by a word (Chinese 吗, 有没有), unless it is what the seller doubts:
    "不确定有没有违规" is "not sure whether there are violations"."""
    labels = {u.label for u in units}
    return Label.QUESTION in labels and Label.HEDGE not in labels


def _is_question(units: Sequence[Unit], question_mark: bool) -> bool:
    words = [u for u in units if u.norm not in DISCOURSE]
    if not words:
        return False
    first = words[0].norm
    if first in QUESTION_WORDS:
        return True
    if first in AUX:
        second = words[1].norm if len(words) > 1 else ""
        return question_mark or second in QUESTION_SUBJECTS
    return False
