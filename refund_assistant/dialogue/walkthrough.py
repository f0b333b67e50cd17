"""The guided walk-through of the five refund steps (S1-S5).

Sellers move through the steps with "next" and "go back", or jump to one ("what is step 3?").
The position is kept in a slot; this module decides where each request leads, so the action
that shows a step stays a thin wrapper and the navigation is tested without Rasa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import cn2an

STEP_COUNT = 5
STEP_RESPONSES = ("utter_step_1", "utter_step_2", "utter_step_3", "utter_step_4", "utter_step_5")

_NUMBER_WORDS = {
    "one": 1,
    "first": 1,
    "1st": 1,
    "two": 2,
    "second": 2,
    "2nd": 2,
    "three": 3,
    "third": 3,
    "3rd": 3,
    "four": 4,
    "fourth": 4,
    "forth": 4,
    "4th": 4,
    "five": 5,
    "fifth": 5,
    "5th": 5,
    "last": 5,
    "final": 5,
    "six": 6,
    "sixth": 6,
    "6th": 6,
    "seven": 7,
    "seventh": 7,
    "7th": 7,
}
_NUMBER = r"(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
# The number ends where Latin letters and digits do: "step 2是什么" is step 2 ("是" is a word
# character to `\b`).
_STEP_THEN_NUMBER = re.compile(
    r"\bst[ea]ps?\s*(?:no\.?|number|#)?\s*" + _NUMBER + r"(?![A-Za-z0-9])", re.I
)
_NUMBER_THEN_STEP = re.compile(r"\b" + _NUMBER + r"\s+(?:\w+\s+)?st[ea]ps?\b", re.I)
_ANY_NUMBER = re.compile(r"\b" + _NUMBER + r"\b", re.I)
# Chinese: 第三步, 第3步, 步骤三, 步驟3, 第二个步骤; Chinese numerals through cn2an.
_ZH_NUMBER = r"(\d+|[一二两三四五六七八九十]+)"
_ZH_STEP = re.compile(
    r"第\s*" + _ZH_NUMBER + r"\s*(?:个|個)?\s*(?:步|步骤|步驟|阶段)|(?:步骤|步驟)\s*" + _ZH_NUMBER
)
_ZH_LAST_STEP = re.compile(r"最后一步|最後一步")


@dataclass(frozen=True)
class Move:
    """Where a request leads: the step to show, and what to say before or instead of it."""

    step: int | None
    at_start: bool = False  # "go back" on step 1
    finished: bool = False  # "next" after step 5
    unknown_step: bool = False  # asked for a step that does not exist, or named none


def _to_number(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else _NUMBER_WORDS[token]


def parse_step_number(text: str) -> int | None:
    """The step number a message asks for ("step 3", "the third step", "step three", "第三步"),
    if any."""
    text = text or ""
    if _ZH_LAST_STEP.search(text):
        return STEP_COUNT
    chinese = _ZH_STEP.search(text)
    if chinese:
        return int(cn2an.cn2an(chinese.group(1) or chinese.group(2), "smart"))
    for pattern in (_STEP_THEN_NUMBER, _NUMBER_THEN_STEP, _ANY_NUMBER):
        match = pattern.search(text or "")
        if match:
            return _to_number(match.group(1))
    return None


def start() -> Move:
    return Move(step=1)


def next_from(current: int | None) -> Move:
    if current is None:
        return Move(step=1)
    if current >= STEP_COUNT:
        return Move(step=None, finished=True)
    return Move(step=current + 1)


def back_from(current: int | None) -> Move:
    if current is None or current <= 1:
        return Move(step=1, at_start=True)
    return Move(step=current - 1)


def jump_to(number: int | None) -> Move:
    if number is None or not 1 <= number <= STEP_COUNT:
        return Move(step=None, unknown_step=True)
    return Move(step=number)


def step_response(step: int) -> str:
    return STEP_RESPONSES[step - 1]
