"""What a Chinese word means from the words around it, so its unit reads like the English one.

Why these rules: Chinese says with separate words what English says with word forms, and one
Chinese word can be two English ones.
- 没有 is "no" before a noun ("没有违规") or alone ("没有"), "not" before a verb ("没有发货").
- An unfinished verb is marked by a word of its own: 正在关店, 要注销, 申请注销, 注销中, 待解决
  ("closing", "to cancel"): the verb's unit is marked `undone`. "注销不了" is "cannot cancel".
- A negated verb with 的 before a noun is a modifier: "没发货的订单" = "unshipped orders".
- Questions are marked by words: 吗, 有没有, "注销了没有", "注销没注销".
- "是" / "对" / "不是" / "有" are yes and no only when they stand alone; "应该…吧" doubts.
- 关店 is "close" + "store"; 注销 is said only of a store, so a clause with it has one; a store
  word before another fact ("店铺有违规") is only where that fact is, as in "on my store".
The rules that change the order of units or cut clauses are in `chinese_clauses`; `chinese`
runs both in order.
"""

from __future__ import annotations

from collections.abc import Sequence

from refund_assistant.facts import EXISTENCE_FACTS
from refund_assistant.store_state.lexicon import (
    COMPLETION,
    EFFECTS,
    FACT_OF_ANCHOR,
    FILLERS,
    NP_LABELS,
    STORE,
    Label,
)
from refund_assistant.store_state.lexicon_zh import (
    ADJACENT_MARKERS,
    AFTER_MARKERS,
    ANSWER_COMPANIONS,
    ANSWERS,
    CANNOT_AFTER,
    COMPOUNDS,
    DETERMINER_NEGATIONS,
    GOAL_MARKERS,
    HEDGE_OPENERS,
    LABEL_NORMS,
    MARKER_GAP,
    MARKER_GAP_NORMS,
    ORDER_CLASSIFIERS,
    PARTICLES,
    REQUEST_MARKERS,
    STORE_VERBS,
)
from refund_assistant.store_state.phrases import noun_phrase
from refund_assistant.store_state.units import Unit, is_anchor

_BOUNDARIES = frozenset({Label.SPLIT, Label.HYPO, Label.CAUSE})
_OBJECT_MARKERS = frozenset({"把", "将", "被", "给", "在"})
_NEGATED_MODIFIERS = frozenset({"未", "没", "没有", "还没", "还没有", "尚未", "不"})
# Cues that say something about the store: a store word before one of them is the subject.
_STORE_CUES = frozenset(label for label, effects in EFFECTS.items() if STORE in effects) - {
    Label.EXIST
}


def unit_of(text: str, label: Label) -> Unit:
    return Unit(text, LABEL_NORMS[label], label)


def is_boundary(unit: Unit) -> bool:
    return unit.label in _BOUNDARIES or unit.norm in {",", ":"}


def segments(units: Sequence[Unit]) -> list[tuple[int, int]]:
    """For each unit, the stretch between boundaries it is in, [start, end); a boundary belongs
    to the stretch before it. One pass, so the rules stay linear on long messages."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for k, unit in enumerate(units):
        if is_boundary(unit):
            bounds.extend([(start, k)] * (k - start + 1))
            start = k + 1
    bounds.extend([(start, len(units))] * (len(units) - start))
    return bounds


def is_particle(unit: Unit) -> bool:
    return unit.label is None and unit.text in PARTICLES


def mark_questions(units: list[Unit]) -> list[Unit]:
    """ "注销了没有", "注销成功没" (没有 at the end after 了 or a verb) and "注销没注销" (verb +
    not + verb) ask."""
    result: list[Unit] = []
    for k, unit in enumerate(units):
        nxt = units[k + 1] if k + 1 < len(units) else None
        if (
            unit.text in {"没有", "没"}
            and result
            and (result[-1].text == "了" or result[-1].label in COMPLETION)
            and (nxt is None or is_boundary(nxt) or nxt.label == Label.QUESTION)
        ):
            result.append(unit_of(unit.text, Label.QUESTION))
        elif (
            unit.text in {"没", "不", "没有"}
            and result
            and nxt is not None
            and nxt.label is not None
            and nxt.text == result[-1].text
        ):
            nxt.label, nxt.norm = Label.QUESTION, "?"  # the repeated verb becomes the question
        else:
            result.append(unit)
    return result


def move_cannot(units: list[Unit]) -> list[Unit]:
    """ "注销不了", "关不掉": "cannot" after the verb negates it, as "not" before it does."""
    result: list[Unit] = []
    for unit in units:
        if unit.text in CANNOT_AFTER and result and result[-1].label in EFFECTS:
            result.insert(len(result) - 1, unit_of(unit.text, Label.NEG))
            continue
        result.append(unit)
    return result


def mark_answers(units: list[Unit]) -> None:
    """是 / 对 / 不是 / 有 standing alone (with 嗯, 应该, particles) are yes and no."""
    for start, end in set(segments(units)):
        words = [u for u in units[start:end] if not is_particle(u)]
        if any(u.text in ANSWERS for u in words) and all(
            u.text in ANSWERS or u.text in ANSWER_COMPANIONS for u in words
        ):
            for unit in words:
                if unit.text in ANSWERS:
                    unit.label = ANSWERS[unit.text]
                    unit.norm = LABEL_NORMS[unit.label]


def mark_hedged_endings(units: list[Unit]) -> None:
    """ "应该没有违规吧": 吧 after 应该 doubts the clause."""
    opened = False  # an opener since the last sentence end
    for unit in units:
        if unit.label == Label.SPLIT:
            opened = False
        opened = opened or unit.text in HEDGE_OPENERS
        if unit.text == "吧" and opened:
            unit.label, unit.norm = Label.HEDGE, LABEL_NORMS[Label.HEDGE]


def _modifies(units: Sequence[Unit], k: int) -> bool:
    """Is a negated verb before `k` a modifier: of the thing after it, or of a list's end?"""
    if k >= len(units) or is_boundary(units[k]):
        return True
    return any(_names_a_thing(units[p]) for p in noun_phrase(units, k).fact_words)


def _names_a_thing(unit: Unit) -> bool:
    """Orders, violations, disputes: facts about something that exists (not the store)."""
    return unit.label is not None and FACT_OF_ANCHOR.get(unit.label) in EXISTENCE_FACTS


def merge_negated_modifiers(units: list[Unit]) -> list[Unit]:
    """ "没发货的订单", "未完成订单", "没有未完成的" (a list's end): a negated verb + 的 (or 未 +
    verb before a noun, as written in forms) is "unfinished". "未注销店铺" stays "not
    cancelled": a store is no thing that can be left over."""
    result: list[Unit] = []
    k = 0
    while k < len(units):
        unit = units[k]
        if (
            unit.label == Label.NEG
            and unit.text in _NEGATED_MODIFIERS
            and k + 1 < len(units)
            and units[k + 1].label in COMPLETION
        ):
            with_de = k + 2 < len(units) and units[k + 2].text == "的"
            after = k + 3 if with_de else k + 2
            if (with_de or (unit.text == "未" and after < len(units))) and _modifies(units, after):
                words = "".join(u.text for u in units[k:after])
                result.append(unit_of(words, Label.UNFINISHED))
                k = after
                continue
        result.append(unit)
        k += 1
    return result


def expand_compounds(units: list[Unit]) -> list[Unit]:
    """关店 = "close" + "store"; 还有 between two fact words is "and"."""
    result: list[Unit] = []
    for k, unit in enumerate(units):
        if unit.text not in COMPOUNDS or unit.label is None:
            result.append(unit)
            continue
        labels = COMPOUNDS[unit.text]
        between = bool(result) and is_anchor(result[-1]) and bool(noun_phrase(units, k + 1)[0])
        if unit.text == "还有" and between:
            result.append(Unit(unit.text, "and"))
            continue
        result.extend(unit_of(unit.text, label) for label in labels)
    return result


def add_counted_orders(units: list[Unit]) -> list[Unit]:
    """ "还有三笔没发货": a count of 笔 / 单 with no fact word after it counts orders."""
    result: list[Unit] = []
    for k, unit in enumerate(units):
        result.append(unit)
        counted = unit.count is not None and any(unit.text.endswith(c) for c in ORDER_CLASSIFIERS)
        if counted and not (k + 1 < len(units) and is_anchor(units[k + 1])):
            result.append(unit_of(unit.text, Label.ORDER))
    return result


def mark_determiner_negations(units: list[Unit]) -> None:
    """没有 / 无 before a noun phrase or alone is "no"; before a verb it stays "not"."""
    for k, unit in enumerate(units):
        if unit.label != Label.NEG or unit.text not in DETERMINER_NEGATIONS:
            continue
        nxt = units[k + 1] if k + 1 < len(units) else None
        if nxt is not None and nxt.text in _OBJECT_MARKERS:
            continue  # "没有把店铺注销": a verb follows
        if (
            nxt is None
            or is_boundary(nxt)
            or nxt.label in NP_LABELS
            or nxt.count is not None
            or bool(noun_phrase(units, k + 1).fact_words)
        ):
            unit.label, unit.norm = Label.DET_NEG, "no"


def drop_negated_unknowns(units: list[Unit]) -> None:
    """ "还没出结果": a negation of a verb the tables do not know says nothing about the fact
    (it is not "there is none"), unless a known cue follows."""
    said = [False] * (len(units) + 1)  # a cue, fact word or count from here to the segment end
    for k in range(len(units) - 1, -1, -1):
        u = units[k]
        said[k] = not is_boundary(u) and (
            u.label in EFFECTS or is_anchor(u) or bool(u.count) or said[k + 1]
        )
    for k, unit in enumerate(units):
        nxt = units[k + 1] if k + 1 < len(units) else None
        if unit.label != Label.NEG or nxt is None or nxt.label is not None or is_boundary(nxt):
            continue
        if nxt.norm in FILLERS or nxt.count is not None or not nxt.norm.isalpha():
            continue
        if not said[k + 1]:
            unit.label = None


def _marks_goal(units: Sequence[Unit], k: int) -> bool:
    """Does a goal or request word stand before the verb at `k`, with only a gap between?"""
    j = k - 1
    while j >= 0:
        unit = units[j]
        if unit.text in GOAL_MARKERS:
            return True
        if unit.text in REQUEST_MARKERS:
            # "注销申请通过": the application (a noun after its verb) is approved
            noun = j > 0 and units[j - 1].label in COMPLETION
            return not noun and units[k].label != Label.APPROVE
        if not (unit.text in MARKER_GAP or unit.norm in MARKER_GAP_NORMS or is_anchor(unit)):
            return False
        j -= 1
    return False


def mark_undone(units: list[Unit]) -> None:
    """正在关店, 要注销, 申请注销, 注销中, 在处理, 待解决: the verb is not done yet."""
    for k, unit in enumerate(units):
        if unit.label not in COMPLETION:
            continue
        nxt = units[k + 1].text if k + 1 < len(units) else ""
        j = k - 1
        while j >= 0 and units[j].text in {"也", "都", "还"}:
            j -= 1
        prev = units[j].text if j >= 0 else ""
        if nxt in AFTER_MARKERS or prev in ADJACENT_MARKERS or _marks_goal(units, k):
            unit.undone = True


def demote_places(units: list[Unit]) -> None:
    """ "店铺有违规", "店里没有纠纷": the store is where the fact is, not a fact itself."""
    bounds = segments(units)
    for k, unit in enumerate(units):
        if unit.label != Label.STORE:
            continue
        for later in units[k + 1 : bounds[k][1]]:
            if later.label in _STORE_CUES or later.label == Label.STORE:
                break
            if _names_a_thing(later):
                unit.label, unit.norm = None, "place"
                break


def add_implied_stores(units: list[Unit]) -> list[Unit]:
    """ "还没注销": 注销 is said of a store, so a clause without a store word has one."""
    result: list[Unit] = []
    bounds = segments(units)
    stores = {bounds[k] for k, unit in enumerate(units) if unit.label == Label.STORE}
    for k, unit in enumerate(units):
        result.append(unit)
        if unit.text in STORE_VERBS and bounds[k] not in stores:
            result.append(unit_of("", Label.STORE))
    return result
