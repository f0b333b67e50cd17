"""Where a Chinese clause starts and ends, and which words of it belong together.

Why: the reader cuts clauses at punctuation and conjunctions, as English marks them. Chinese
sellers often write without commas, put causes and conditions where English would not, and
leave out the subject of a clause:
- "店铺已经注销纠纷也解决了" is two clauses: a fact word after a verb that has its own
  predicate starts a new one; "店铺已经注销了可以申请吗" is cut before the question.
- "有纠纷的话", "注销之前" and, before a question, "注销后" end a condition.
- "店铺因为违规被关闭" puts the cause between the store and its verb: it is moved after it,
  as in "the store was closed because of violations".
- "订单都完成了，除了一个": the exception belongs to the clause before the comma.
- "订单都发货了，但是买家还没收到": the left-out "it" is put back, so the clause carries on the
  fact just mentioned, as an English pronoun does.
"""

from __future__ import annotations

from collections.abc import Sequence

from refund_assistant.store_state.chinese_words import is_boundary, segments, unit_of
from refund_assistant.store_state.lexicon import COMPLETION, EFFECTS, IMPLIED_FACT, Label
from refund_assistant.store_state.lexicon_zh import (
    AFTER_ENDS,
    BEFORE_ENDS,
    CONDITION_ENDS,
    PREDICATE_STARTS,
    QUESTION_OPENERS,
)
from refund_assistant.store_state.phrases import is_np, noun_phrase
from refund_assistant.store_state.units import Unit, is_anchor

# Cues that end a predicate: a fact word after one starts a new clause.
_PLAIN = frozenset({Label.EXIST, Label.STILL, Label.YES, Label.NO, Label.CAUSE})
_ANSWER_LABELS = frozenset({Label.YES, Label.NO})


def cut_question_openers(units: list[Unit]) -> list[Unit]:
    """ "店铺已经注销了可以申请吗": the question starts at 可以, after a finished statement (with
    了, 已经, 都 or 还). Without one the words before are the question's subject: "注销店铺需要
    多久", "有纠纷能申请吗"."""
    asks = [False] * (len(units) + 1)  # a question word from here to the segment's end
    for k in range(len(units) - 1, -1, -1):
        unit = units[k]
        asks[k] = unit.label == Label.QUESTION or (not is_boundary(unit) and asks[k + 1])
    result: list[Unit] = []
    seen: set[str] = set()  # what the segment so far holds: "cue", "finished", "doubt"
    for k, unit in enumerate(units):
        if unit.text in QUESTION_OPENERS and asks[k] and seen == {"cue", "finished"}:
            result.append(unit_of("", Label.SPLIT))
            seen = set()
        result.append(unit)
        if is_boundary(unit):
            seen = set()
            continue
        if unit.label is not None:
            seen.add("cue")
        if unit.text == "了" or unit.norm in {"already", "all"} or unit.label == Label.STILL:
            seen.add("finished")
        if unit.label == Label.HEDGE:
            seen.add("doubt")
    return result


def join_exceptions(units: list[Unit]) -> list[Unit]:
    """ "订单都完成了，除了一个": the exception belongs to the clause before the comma; "除了一个
    订单，其他都完成了" puts it first, so it is moved after the clause it excepts from."""
    result: list[Unit] = []
    bounds = segments(units)
    k = 0
    while k < len(units):
        unit = units[k]
        if unit.label == Label.EXCEPT and result and result[-1].norm == ",":
            result.pop()
        elif unit.label == Label.EXCEPT:
            start, end = bounds[k]
            if start == k and end + 1 < len(units) and units[end].norm == ",":
                stop = bounds[end + 1][1]
                result += units[end + 1 : stop] + units[k:end]
                k = stop
                continue
        result.append(unit)
        k += 1
    return result


def _asks_next(units: Sequence[Unit], k: int) -> bool:
    """Is the sentence part after `k` (up to the next sentence end) a question?"""
    for unit in units[k + 1 :]:
        if unit.label == Label.QUESTION:
            return True
        if unit.label == Label.SPLIT and unit.text:  # a sentence end, not a cut made here
            return False
    return False


def mark_conditions(units: list[Unit]) -> list[Unit]:
    """ "有纠纷的话", "注销之前" and, before a question, "注销后" end a condition: it starts at
    their segment's start. After a bare fact word 的话 names the topic: "纠纷的话没有" is "as
    for disputes, none"."""
    result: list[Unit] = []
    start = 0  # where the current segment starts in `result`
    for k, unit in enumerate(units):
        if unit.text in CONDITION_ENDS:
            before = result[start:]
            if any(map(is_anchor, before)) and all(map(is_np, before)):
                continue
        asks = unit.text in AFTER_ENDS and _asks_next(units, k)
        if unit.text in CONDITION_ENDS or (
            (asks or unit.text in BEFORE_ENDS) and start < len(result)
        ):
            result.insert(start, unit_of(unit.text, Label.HYPO))
            result.append(unit_of(unit.text, Label.SPLIT))
            if asks:  # "注销以后还有纠纷怎么办": the question is about the condition too
                result.append(unit_of(unit.text, Label.HYPO))
            start = len(result)
            continue
        result.append(unit)
        if is_boundary(unit):
            start = len(result)
    return result


def cut_among(units: list[Unit]) -> list[Unit]:
    """ "三个订单中两个已经签收了": 中 after a fact word is "among", and what follows is a clause
    about some of them (which says nothing about the rest)."""
    return [
        Unit(u.text, ",") if u.text == "中" and k > 0 and is_anchor(units[k - 1]) else u
        for k, u in enumerate(units)
    ]


def mark_implicit_causes(units: list[Unit]) -> list[Unit]:
    """ "店铺违规被关闭": a violation between the store and the store's verb is its cause, as
    "因为违规" would say (`move_causes` then puts it after the verb)."""
    result: list[Unit] = []
    for k, unit in enumerate(units):
        result.append(unit)
        if unit.label != Label.STORE or k + 1 >= len(units):
            continue
        if units[k + 1].label not in {Label.VIOLATION, Label.PENALIZED}:
            continue
        verb = noun_phrase(units, k + 1).end
        while verb < len(units) and units[verb].text in {"被", "已经", "已"}:
            verb += 1
        if verb < len(units) and units[verb].label == Label.CANCEL:
            result.append(unit_of("", Label.CAUSE))
    return result


def move_causes(units: list[Unit]) -> list[Unit]:
    """ "店铺因为违规被关闭" -> "店铺被关闭 因为违规": the verb is the store's."""
    result: list[Unit] = []
    bounds = segments(units)
    k = 0
    while k < len(units):
        unit = units[k]
        start = bounds[k][0]  # of the stretch before a cause
        if unit.label == Label.CAUSE and any(map(is_anchor, units[start:k])):
            found, np_end = noun_phrase(units, k + 1)
            verb = np_end
            while verb < len(units) and units[verb].text in {"被", "而", "才", "已经", "都"}:
                verb += 1
            if found and verb < len(units) and units[verb].label in COMPLETION:
                stop = bounds[verb][1]
                result += units[np_end:stop] + units[k:np_end]
                k = stop
                continue
        result.append(unit)
        k += 1
    return result


def cut_subjects(units: list[Unit]) -> list[Unit]:
    """ "店铺已经注销纠纷也解决了": a fact word after a verb, with its own predicate after it,
    starts a new clause."""
    result: list[Unit] = []
    for k, unit in enumerate(units):
        result.append(unit)
        if not (is_anchor(unit) and k + 1 < len(units)):
            continue
        nxt = units[k + 1]
        start = len(result) - 1
        while start > 0 and is_np(result[start - 1]) and not is_anchor(result[start - 1]):
            start -= 1
        before = result[start - 1] if start > 0 else None
        after_verb = before is not None and before.label in EFFECTS and before.label not in _PLAIN
        own_predicate = nxt.text in PREDICATE_STARTS or (
            nxt.label in EFFECTS and nxt.label not in _PLAIN
        )
        if after_verb and own_predicate:
            result.insert(start, unit_of("", Label.SPLIT))
    return result


def add_dropped_subjects(units: list[Unit]) -> list[Unit]:
    """ "订单都发货了，但是买家还没收到": Chinese leaves out the "it" that carries the fact
    just mentioned into a clause without a fact word (unless a cue names its own fact)."""
    result: list[Unit] = []
    bounds = segments(units)
    k = 0
    while k < len(units):
        start, end = bounds[k]
        segment = units[start:end]
        cues = [u.label for u in segment if u.label in EFFECTS and u.label not in _ANSWER_LABELS]
        if cues and not any(map(is_anchor, segment)) and not set(cues) & set(IMPLIED_FACT):
            result.append(Unit("", "it"))
        result.extend(units[start : end + 1])
        k = end + 1
    return result
