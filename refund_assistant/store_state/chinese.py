"""Turns a Chinese message, or a Chinese one with English words in it, into the reader's units.

Why the reader needs no Chinese grammar of its own: after this step a Chinese sentence is the
same list of labelled units an English one gives ("店铺已经注销了，没有未完成的订单" reads like
"store already cancelled, no unfinished orders"), so clauses, phrases and the reader apply to
both, and a Chinese seller gets the same answers for the same facts. What differs is how the
words are found:
1. Traditional is converted to Simplified (OpenCC, `refund_assistant.languages`) and full-width
   letters, digits and punctuation to plain ones, so one table of Simplified words serves both.
2. Chinese has no spaces: the text is cut by longest match against the words of `lexicon_zh`
   (no segmenter to download or train; the words that matter here are a few hundred, and a
   longest match keeps 没有 from being read as 没 + 有, 关于 from being 关 "close").
   Characters in no table stay together as one unknown word, as an unknown English word does.
3. Numbers with a classifier count things ("两个订单", "三笔", "0个纠纷"; cn2an reads the
   numerals), unless a unit of time or money follows ("两个月前", "100元").
4. Runs of English ("我的store已经closed了") are read by the English unit builder (`units`).
5. `chinese_words` settles what a word means from its neighbours, `chinese_clauses` where
   clauses start; `apply_rules` runs them in order.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import cn2an

from refund_assistant.languages import HAN_CHARACTERS, chinese_script, to_simplified
from refund_assistant.store_state import chinese_clauses as clauses
from refund_assistant.store_state import chinese_words as words
from refund_assistant.store_state.lexicon import FACT_OF_ANCHOR, Label
from refund_assistant.store_state.lexicon_zh import (
    CLASSIFIERS,
    COMPOUNDS,
    LABEL_NORMS,
    NOT_COUNT_BEFORE,
    NUMBER_UNITS_ZH,
    NUMERALS,
    PARTICLES,
    SIMPLIFIED_FIXES,
    VAGUE_COUNTS,
    ZH_NORMS,
    ZH_TERMS,
    ZH_WORDS,
)
from refund_assistant.store_state.units import Unit, to_units

_HAN_RE = re.compile(f"[{HAN_CHARACTERS}]")
# From the first to the last Latin letter of a run of ASCII: "store", "store closed, no orders".
_ENGLISH_RE = re.compile(r"[A-Za-z](?:[ -~]*[A-Za-z])?")
_ASCII_DIGITS = frozenset("0123456789")
_COMMAS = frozenset(",、")
_ENDS = frozenset("。.!;~…\n")
_SKIPPED = frozenset("()[]{}\"'`“”‘’「」『』《》【】 \t\r")


def is_chinese(text: str) -> bool:
    """Does the text hold Chinese characters? Then it is read here, English parts included."""
    return chinese_script(text) is not None


def chinese_units(text: str) -> list[Unit]:
    """The units of a Chinese or mixed Chinese-English text."""
    simplified = to_simplified(text)
    for traditional, simple in SIMPLIFIED_FIXES.items():
        simplified = simplified.replace(traditional, simple)
    return apply_rules(_tokenize(unicodedata.normalize("NFKC", simplified)))


def apply_rules(units: list[Unit]) -> list[Unit]:
    """The rules in order: those that read the particles (了, 的, 吧) first, then, without them,
    the meaning of words, then the clauses."""
    units = words.mark_questions(words.move_cannot(units))
    words.mark_answers(units)
    words.mark_hedged_endings(units)
    units = clauses.cut_question_openers(words.merge_negated_modifiers(units))
    units = [u for u in units if not words.is_particle(u)]
    units = words.add_counted_orders(words.expand_compounds(units))
    units = clauses.cut_among(clauses.join_exceptions(units))
    words.mark_determiner_negations(units)
    words.drop_negated_unknowns(units)
    words.mark_undone(units)
    units = clauses.mark_implicit_causes(units)
    words.demote_places(units)
    units = words.add_implied_stores(units)
    units = clauses.move_causes(clauses.mark_conditions(units))
    return clauses.add_dropped_subjects(clauses.cut_subjects(units))


class _Word(NamedTuple):
    label: Label | None
    norm: str
    quantity: int | None = None


_NONE = _Word(None, "")


@lru_cache(maxsize=1)
def _words() -> dict[str, _Word]:
    """Every word of the Chinese tables; a word in ZH_TERMS keeps its label over ZH_WORDS."""
    words: dict[str, _Word] = {w: _Word(None, w) for w in PARTICLES}
    words.update({w: _Word(None, norm) for w, norm in ZH_WORDS.items()})
    words.update({w: _Word(None, "some", count) for w, count in VAGUE_COUNTS.items()})
    for label, terms in ZH_TERMS.items():
        words.update({w: _Word(label, ZH_NORMS.get(w, LABEL_NORMS[label])) for w in terms})
    words.update({w: _Word(labels[0], LABEL_NORMS[labels[0]]) for w, labels in COMPOUNDS.items()})
    return words


@lru_cache(maxsize=1)
def _longest_word() -> int:
    return max(len(w) for w in _words())


def _word_at(text: str, i: int) -> str:
    """The longest word of the tables starting at `i`, or ""."""
    words = _words()
    for end in range(min(len(text), i + _longest_word()), i, -1):
        if text[i:end] in words:
            return text[i:end]
    return ""


def _numeral_value(numeral: str) -> int:
    """2 for 两, 12 for 十二, 3 for 几 ("a few"); a range like 两三 counts as its first."""
    if set(numeral) <= _ASCII_DIGITS:
        return int(numeral)
    if "几" in numeral or (len(numeral) > 1 and not set(numeral) & set("十百千万")):
        first = numeral[0]
        return 3 if first == "几" else _numeral_value(first)
    try:
        return int(cn2an.cn2an(numeral, "smart"))
    except ValueError:
        return 2


# Longest first, so 个月 is found before 个 and 工作日 before 日.
_CLASSIFIERS = tuple(sorted(CLASSIFIERS, key=len, reverse=True))
_NUMBER_UNITS = tuple(sorted(NUMBER_UNITS_ZH, key=len, reverse=True))


def _starts_with(text: str, i: int, options: tuple[str, ...]) -> str:
    return next((o for o in options if text.startswith(o, i)), "")


def _number_at(text: str, i: int, before: str) -> Unit | None:
    """A number starting at `i`, with its classifier: a count, or a time/money (no count)."""
    j = i
    while j < len(text) and text[j] in NUMERALS:
        j += 1
    if j == i:
        return None
    numeral = text[i:j]
    classifier = _starts_with(text, j, _CLASSIFIERS)
    unit_word = _starts_with(text, j + len(classifier), _NUMBER_UNITS)
    end = j + len(classifier) + len(unit_word)
    if unit_word:
        return Unit(text[i:end], "time")  # 两个月, 3天, 2024年, 100元
    digits = set(numeral) <= _ASCII_DIGITS
    if not classifier and not digits:
        after = _word_at(text, j)
        at_end = j >= len(text) or not _HAN_RE.match(text[j])
        if not at_end and _words().get(after, _NONE).label not in FACT_OF_ANCHOR:
            return None  # 一直, 万一, 一下: a word, not a number
    value = _numeral_value(numeral)
    if (
        any(before.endswith(w) for w in NOT_COUNT_BEFORE)
        or (digits and len(numeral) >= 3 and _words().get(before, _NONE).label in FACT_OF_ANCHOR)
        or (digits and len(numeral) == 4 and value >= 1900)
    ):
        return Unit(text[i:end], "number")  # 第一, 订单号123456, 订单12345
    return Unit(text[i:end], str(value), Label.DET_NEG if value == 0 else None, value)


def _punctuation(char: str) -> list[Unit]:
    if char in _COMMAS:
        return [Unit(char, ",")]
    if char in _ENDS:
        return [Unit(char, char, Label.SPLIT)]
    if char == "?":
        return [Unit(char, "?", Label.QUESTION), Unit(char, "?", Label.SPLIT)]
    return [Unit(char, "plus" if char == "+" else char)]


def _between_chinese(text: str, i: int) -> bool:
    """Are the characters on both sides of the spaces at `i` Chinese?"""
    before, after = i - 1, i
    while before >= 0 and text[before].isspace():
        before -= 1
    while after < len(text) and text[after].isspace():
        after += 1
    return (
        before >= 0
        and after < len(text)
        and bool(_HAN_RE.match(text[before]) and _HAN_RE.match(text[after]))
    )


def _tokenize(text: str) -> list[Unit]:
    units: list[Unit] = []
    unknown: list[str] = []  # characters in no table, kept together as one word

    def flush() -> None:
        if unknown:
            word = "".join(unknown)
            units.append(Unit(word, word))
            unknown.clear()

    i = 0
    while i < len(text):
        char = text[i]
        english = _ENGLISH_RE.match(text, i)
        if english:
            flush()
            units.extend(to_units(english.group()))
            i = english.end()
            continue
        number = None
        if char in NUMERALS:
            previous = "".join(unknown) or (units[-1].text if units else "")
            number = _number_at(text, i, previous)
        word = _word_at(text, i)
        if number is not None and len(number.text) > len(word):
            flush()
            units.append(number)
            i += len(number.text)
        elif word:
            flush()
            entry = _words()[word]
            units.append(Unit(word, entry.norm, entry.label, entry.quantity))
            i += len(word)
        elif _HAN_RE.match(char):
            unknown.append(char)
            i += 1
        else:
            flush()
            if char.isspace() and char != "\n":
                if _between_chinese(text, i) and units and units[-1].norm != ",":
                    units.append(Unit(char, ","))  # "店铺已注销 无订单": a space as a comma
            elif char not in _SKIPPED:
                units.extend(_punctuation(char))
            i += 1
    flush()
    return units
