"""Reads one clause: what it says about each fact it names, or about the fact under discussion.

Why evidence and not a first-match rule: a clause often holds several cues for one fact, and the
right one is not always the first ("I applied to close my store and it was approved", "the
buyer didn't close the dispute"). So each cue leaves `Evidence` for the fact word it describes,
and the clause concludes per fact:
- EFFECTS says what each cue means for each fact, plain and negated. A verbal negation ("not",
  "never", "n't") before a cue flips it; so does an unfinished form: "to close", "will close",
  "closing" are not done yet.
- A determiner negation ("no", "zero", "0", "none") settles the facts it governs outright,
  including a list ("no violations or disputes"); so does an exception ("all orders delivered
  except one": one is left).
- Otherwise the last state cue ("closed", "pending") wins, else the last existence cue ("I
  have", "a dispute"). Any doubt in the clause ("not sure", "maybe") makes its facts unsure.

A clause that names no fact ("it was closed yesterday", "yes", "not yet") is about the fact just
mentioned, or, when answering, about the fact that was asked: the topic carried from clause to
clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from refund_assistant.facts import EXISTENCE_FACTS, Fact
from refund_assistant.store_state.clauses import Clause
from refund_assistant.store_state.lexicon import (
    ALL_WORDS,
    ANSWER_ONLY,
    AUX_ANSWER,
    COMPLETION,
    EFFECTS,
    FILLERS,
    GOAL_SKIP,
    GOAL_WORDS,
    IMPLIED_FACT,
    INDEFINITE,
    LOCATIVE,
    PRONOUNS,
    STORE,
    UNSURE,
    VERB_ANCHORS,
    Label,
    N,
    P,
    Polarity,
    Strength,
    Value,
)
from refund_assistant.store_state.phrases import (
    VIRTUAL,
    Anchor,
    anchors_of,
    count_target,
    groups_of,
    has_own_count,
    noun_phrase,
    target,
)
from refund_assistant.store_state.units import Unit, is_anchor


class Evidence(NamedTuple):
    """One cue's word on one fact."""

    pos: int  # where the cue stands in the clause
    strength: Strength
    value: Polarity


@dataclass(frozen=True)
class Topic:
    """The fact under discussion, for the next clause that names none."""

    fact: Fact
    value: Value | None
    from_answer: bool  # the asked question, not a fact the seller named


@dataclass(frozen=True)
class Reading:
    """What one clause says."""

    values: dict[Fact, Value]
    topic: Topic
    from_answer: bool
    partial: bool  # "2 orders were delivered" says nothing about the other orders


class ClauseReader:
    """Collects, per fact, the evidence of one clause and concludes a value for each fact.

    `decided` holds what settles a fact outright: a determiner negation or zero ("no
    disputes", "0 orders") and an exception ("except one")."""

    def __init__(self, units: Sequence[Unit], anchors: list[Anchor]) -> None:
        self.units = units
        self.anchors = anchors
        self.virtual = anchors[0].pos < 0
        self.by_pos = {a.pos: a for a in anchors}
        self.groups = {VIRTUAL: {VIRTUAL}} if self.virtual else groups_of(units, anchors)
        self.evidence: dict[Fact, list[Evidence]] = {a.fact: [] for a in anchors}
        self.decided: dict[Fact, Polarity] = {}

    def read(self) -> dict[Fact, Value]:
        self.determiner_negations()
        self.cues()
        self.fact_words()
        self.lone_negations()
        return self.conclude()

    def add(self, anchor: Anchor, label: Label, pos: int, negated: bool) -> None:
        """Evidence of cue `label` for the fact word and the list it belongs to."""
        for p in self.groups.get(anchor.pos, {anchor.pos}):
            fact = self.by_pos[p].fact
            effect = EFFECTS[label].get(fact)
            if effect is not None:
                value = effect.negated if negated else effect.plain
                if value is not None:
                    self.evidence[fact].append(Evidence(pos, effect.strength, value))

    def determiner_negations(self) -> None:
        """ "no violations or disputes", "0 orders", "nobody opened a dispute", "none"."""
        units = self.units
        for k, unit in enumerate(units):
            if unit.label != Label.DET_NEG:
                continue
            governed = [p for p in noun_phrase(units, k + 1).fact_words if p in self.by_pos]
            if governed:
                # spreads over the rest of a list, not into an item with its own number
                members = set(governed)
                for p in governed:
                    members |= {
                        q
                        for q in self.groups.get(p, {p})
                        if q > k and not has_own_count(units, q, k)
                    }
            else:
                nearest = min(self.anchors, key=lambda a: abs(a.pos - k))
                members = self.groups.get(nearest.pos, {nearest.pos})
            for p in members:
                fact = self.by_pos[p].fact
                if fact != STORE or self.virtual:  # "no store" means nothing; "no" answers
                    self.decided[fact] = N

    def cues(self) -> None:
        units = self.units
        for k, unit in enumerate(units):
            if unit.label == Label.EXCEPT:
                self.exception(k)
            elif unit.label is not None and unit.label in EFFECTS:
                if unit.label in ANSWER_ONLY and not self.virtual:
                    continue  # "yes"/"no" only answer a question
                anchor = target(units, self.anchors, k, EFFECTS[unit.label])
                if anchor is not None:
                    self.add(anchor, unit.label, k, self.cue_negated(unit.label, k))
            elif unit.count is not None and unit.count > 0:
                anchor = count_target(units, self.anchors, k)
                if anchor is not None:
                    self.add(anchor, Label.EXIST, k, negated=False)
            elif unit.norm in INDEFINITE:  # "a dispute", "I didn't get a penalty"
                governed = [p for p in noun_phrase(units, k + 1).fact_words if p in self.by_pos]
                if governed:
                    self.add(self.by_pos[governed[0]], Label.EXIST, k, _neg_before(units, k))

    def cue_negated(self, label: Label, k: int) -> bool:
        if label in COMPLETION and (
            self.units[k].undone or _is_goal(self.units, k) or _is_progressive(self.units, k)
        ):
            return True  # "to close", "will be closed", "closing", 正在关店: not done yet
        if label == Label.EXIST and _aux_negated(self.units, k):
            return True  # "there isn't", "I haven't"
        return _neg_before(self.units, k)

    def exception(self, k: int) -> None:
        """ "all orders delivered except one": one is left."""
        before = [a for a in self.anchors if a.pos < k and a.fact in EXISTENCE_FACTS]
        if before:
            for p in self.groups.get(before[-1].pos, {before[-1].pos}):
                self.decided[self.by_pos[p].fact] = P
        elif self.virtual and self.anchors[0].fact in EXISTENCE_FACTS:
            self.decided[self.anchors[0].fact] = P

    def fact_words(self) -> None:
        """ "never had a violation" (negated fact word), "was penalized" (a verb fact word)."""
        for anchor in self.anchors:
            if anchor.pos < 0 or anchor.fact not in EXISTENCE_FACTS:
                continue
            negated = _neg_before(self.units, anchor.pos)
            if self.units[anchor.pos].label in VERB_ANCHORS:
                self.add(anchor, Label.EXIST, anchor.pos, negated)
            elif negated:
                self.evidence[anchor.fact].append(Evidence(anchor.pos, Strength.EXISTENCE, N))

    def lone_negations(self) -> None:
        """A negation with nothing after it: "the penalty isn't there anymore", "not yet"."""
        units = self.units
        for k, unit in enumerate(units):
            if unit.label != Label.NEG:
                continue
            if any(u.label in EFFECTS or is_anchor(u) or u.count for u in units[k + 1 :]):
                continue
            before = [a for a in self.anchors if a.pos < k] or self.anchors
            self.evidence[before[-1].fact].append(Evidence(k, Strength.EXISTENCE, N))

    def conclude(self) -> dict[Fact, Value]:
        units = self.units
        hedged = any(u.label == Label.HEDGE for u in units)
        # "not sure about disputes" doubts the disputes; "a penalty on my account" not the account
        doubted = {
            a.fact for a in self.anchors if a.oblique not in LOCATIVE or self.evidence[a.fact]
        }
        values: dict[Fact, Value] = {}
        for fact, evidence in self.evidence.items():
            if hedged:
                if fact in doubted:
                    values[fact] = UNSURE
                continue
            value = self.decided.get(fact, _strongest(evidence))
            if value is None and self.virtual and _is_bare_aux_answer(units):
                value = P  # "I do", "there is"
            if value is not None:
                values[fact] = value
        return values


def read_clause(clause: Clause, carried: Topic | None, answering: bool) -> Reading | None:
    """The facts one clause states; a clause naming no fact continues the topic, if it can."""
    units = clause.units
    anchors = anchors_of(units)
    from_answer = False
    if not anchors:
        topic = _infer_topic(units, carried, answering)
        if topic is None:
            return None
        anchors = [Anchor(VIRTUAL, topic.fact)]
        from_answer = topic.from_answer
    values = ClauseReader(units, anchors).read()
    partial = any(u.count and u.label != Label.DET_NEG for u in units) and not any(
        u.norm in ALL_WORDS for u in units
    )
    return Reading(values, _next_topic(anchors, values, from_answer), from_answer, partial)


# --------------------------------------------------------------------------------------------
# Negation and unfinished forms.
# --------------------------------------------------------------------------------------------
def _neg_before(units: Sequence[Unit], pos: int) -> bool:
    """An odd number of verbal negations before `pos` in the clause."""
    return sum(1 for u in units[: max(pos, 0)] if u.label == Label.NEG) % 2 == 1


def _aux_negated(units: Sequence[Unit], pos: int) -> bool:
    """ "there isn't", "I haven't": the negation right after an existence verb."""
    return pos + 1 < len(units) and units[pos + 1].label == Label.NEG


def _is_goal(units: Sequence[Unit], pos: int) -> bool:
    """ "to close", "will be closed", "want to get it cancelled"."""
    k = pos - 1
    while k >= 0 and units[k].norm in GOAL_SKIP and units[k].text != "being":
        k -= 1
    return k >= 0 and units[k].norm in GOAL_WORDS


def _is_progressive(units: Sequence[Unit], pos: int) -> bool:
    """ "closing", "being closed"."""
    unit = units[pos]
    if " " not in unit.text and unit.text.endswith("ing"):
        return True
    return pos > 0 and units[pos - 1].text == "being"


def _strongest(evidence: list[Evidence]) -> Polarity | None:
    """The last state cue in the clause, else the last existence cue (at one position, a
    True after a False)."""
    for strength in (Strength.STATE, Strength.EXISTENCE):
        cues = [
            e.value
            for e in sorted(evidence, key=lambda e: (e.pos, e.value is P))
            if e.strength == strength
        ]
        if cues:
            return cues[-1]
    return None


def _is_bare_aux_answer(units: Sequence[Unit]) -> bool:
    """ "I do", "it is", "there are": a yes when answering."""
    return any(u.norm in AUX_ANSWER for u in units) and not any(
        u.label in {Label.NEG, Label.DET_NEG} for u in units
    )


# --------------------------------------------------------------------------------------------
# The topic: which fact a clause without a fact word is about.
# --------------------------------------------------------------------------------------------
def _next_topic(anchors: Sequence[Anchor], values: dict[Fact, Value], from_answer: bool) -> Topic:
    with_value = [a for a in anchors if a.fact in values]
    last = (with_value or list(anchors))[-1]
    return Topic(last.fact, values.get(last.fact), from_answer)


def _is_pure(units: Sequence[Unit]) -> bool:
    """Only fillers, cues, numbers and negations: the clause continues the current topic."""
    for unit in units:
        if unit.label is not None or unit.count is not None:
            continue
        if unit.norm in FILLERS or unit.norm in PRONOUNS or not unit.norm.isalpha():
            continue
        return False
    return True


_GENERIC = frozenset({Label.NEG, Label.DET_NEG, Label.HEDGE, Label.YES, Label.NO, Label.EXCEPT})


def _accepts(fact: Fact, units: Sequence[Unit]) -> bool:
    """Can the clause say something about `fact`?"""
    return any(
        u.label in _GENERIC
        or (u.label is not None and u.label in EFFECTS and fact in EFFECTS[u.label])
        or (u.count is not None and fact in EXISTENCE_FACTS)
        for u in units
    ) or _is_bare_aux_answer(units)


def _infer_topic(units: Sequence[Unit], carried: Topic | None, answering: bool) -> Topic | None:
    """Which fact a clause without a fact word is about, if any."""
    if not _is_pure(units):
        return None
    has_pronoun = any(u.norm in PRONOUNS for u in units)
    if carried is not None and (answering or has_pronoun) and _accepts(carried.fact, units):
        return carried
    implied = {
        IMPLIED_FACT[u.label] for u in units if u.label is not None and u.label in IMPLIED_FACT
    }
    if len(implied) == 1:
        return Topic(implied.pop(), None, False)
    if carried is not None and carried.value == P and _accepts(carried.fact, units):
        return carried  # "I had a penalty, removed last month"
    if any(u.label == Label.CANCEL for u in units):
        return Topic(STORE, None, False)  # "already cancelled", "haven't closed yet"
    return None
