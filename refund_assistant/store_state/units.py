"""Turns a message into units: the key terms of the lexicon it contains, and the other words.

Why a layer of its own: everything after this step reasons about a short list of units with a
label ("CANCEL", "DET_NEG", ...) and a count, never about spelling. So sellers' variation is
absorbed here, once:
1. The project's own spaCy pipeline (`refund_assistant.spacy_pipeline`) tokenises and
   lemmatises; each token gets a NORM: its lower-case form if TERMS lists it as a word, else its
   shorthand expansion, else its lemma, else (for an unknown word) the closest key word within a
   small edit distance, so "dispte", "violaton" or "canceld" still count (spaCy 3.4 has no
   FUZZY). The lower-case form comes first so the reading is the same whether or not the
   pipeline's shorthand lemma rules ("shop" -> "store", "cancellation" -> "cancel") are active.
2. A spaCy Matcher finds the terms of TERMS: words on NORM ("closed", "cancelling" -> "cancel"),
   phrases on the lower-case text ("not sure", "no longer", "on the way"); the longest match
   wins, then LABEL_PRIORITY.
3. Numbers that count things get their count ("2 orders", "zero violations"); numbers of days,
   years, money or order ids do not. A count of zero is a determiner negation, like "no".

The pipeline and the Matcher are loaded once per process.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, cast

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from refund_assistant.spacy_pipeline import PIPELINE_DIR, build
from refund_assistant.store_state.lexicon import (
    FACT_OF_ANCHOR,
    FUZZY_TARGETS,
    LABEL_PRIORITY,
    MONTHS,
    NUMBER_UNITS,
    PRONOUNS,
    SHORTHAND,
    TERMS,
    WORD_NUMBERS,
    Label,
)

# One token of a Matcher pattern: {"NORM": "cancel"} or {"LOWER": {"IN": ["is", "was"]}}.
TokenPattern = dict[str, str | dict[str, list[str]]]


@dataclass
class Unit:
    """A matched term (with its label) or a single other token, in text order."""

    text: str
    norm: str
    label: Label | None = None
    count: int | None = None  # a quantity ("2", "two", "zero") when it counts things
    # A cue in an unfinished form that a separate word marks: Chinese 正在关店, 申请注销 (English
    # "to close", "closing" are found from the words themselves, in `reader`).
    undone: bool = False


def is_anchor(unit: Unit) -> bool:
    """Does the unit name a fact ("store", "orders", "penalized", ...)?"""
    return unit.label in FACT_OF_ANCHOR


# --------------------------------------------------------------------------------------------
# Pipeline and matcher, loaded once.
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The project's own pipeline; built in memory when it has not been saved yet."""
    if PIPELINE_DIR.exists():
        return spacy.load(PIPELINE_DIR)
    return build()


@lru_cache(maxsize=1)
def _single_words() -> frozenset[str]:
    """One-word entries of TERMS: a token spelled like one keeps that spelling as its NORM."""
    return frozenset(p for phrases in TERMS.values() for p in phrases if " " not in p)


def _pattern(phrase: str) -> list[TokenPattern]:
    if " " not in phrase:
        return [{"NORM": phrase}]
    return [{"LOWER": {"IN": part.split("|")}} for part in phrase.split()]


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    result = Matcher(pipeline().vocab)
    for label, phrases in TERMS.items():
        result.add(label.value, [_pattern(p) for p in phrases])
    return result


class KnownWords(NamedTuple):
    """English words the lemmatizer knows: its lemmas, and its table of inflected forms."""

    lemmas: frozenset[str]
    inflected: Container[str]


@lru_cache(maxsize=1)
def known_words() -> KnownWords:
    try:
        lemmatizer = cast(Lemmatizer, pipeline().get_pipe("lemmatizer"))
        table = lemmatizer.lookups.get_table("lemma_lookup")
    except (KeyError, ValueError):
        return KnownWords(frozenset(), {})
    return KnownWords(frozenset(table.values()), table)


def _is_known(word: str) -> bool:
    lemmas, inflected = known_words()
    return word in lemmas or word in inflected


# --------------------------------------------------------------------------------------------
# NORMs, with typos.
# --------------------------------------------------------------------------------------------
def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (swapping two letters counts once)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=4096)
def typo_of(word: str) -> str | None:
    """The NORM of the key word an unknown word misspells, if any ("dispte" -> "dispute")."""
    if len(word) < 5 or not word.isalpha() or _is_known(word):
        return None
    best, best_distance = None, 99
    for target, norm in FUZZY_TARGETS.items():
        if target[0] != word[0]:
            continue
        limit = 1 if len(target) <= 7 else 2
        distance = _edit_distance(word, target, limit)
        if distance <= limit and distance < best_distance:
            best, best_distance = norm, distance
    return best


def _norm_of(lower: str, lemma: str) -> str:
    """Listed spelling, else shorthand, else lemma, else the key word it is a typo of."""
    if lower in _single_words():
        return lower
    if lower in SHORTHAND:
        return SHORTHAND[lower]
    lemma = (lemma or lower).lower()
    if lemma in _single_words() or lemma in SHORTHAND:
        return SHORTHAND.get(lemma, lemma)
    return typo_of(lower) or lemma


# --------------------------------------------------------------------------------------------
# Units: matched phrases and the remaining tokens, in order.
# --------------------------------------------------------------------------------------------
def _preprocess(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"([!?;])", r" \1 ", text)
    text = re.sub(r"(?<=[a-z])([.,])(?=[a-z0-9])", r"\1 ", text)
    text = re.sub(r"(\d)(?!(?:st|nd|rd|th)\b)([a-z]{3,})", r"\1 \2", text)
    return text


class _Match(NamedTuple):
    end: int
    label: Label


def to_units(text: str) -> list[Unit]:
    """The units of `text`: each matched term as one unit, every other token as its own."""
    doc: Doc = pipeline()(_preprocess(text))
    for token in doc:
        token.norm_ = _norm_of(token.lower_, token.lemma_)
    priority = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    matches = sorted(
        matcher()(doc),
        key=lambda m: (-(m[2] - m[1]), priority.get(Label(doc.vocab.strings[m[0]]), 99), m[1]),
    )
    taken: dict[int, _Match] = {}
    covered: set[int] = set()
    for match_id, start, end in matches:
        if covered.intersection(range(start, end)):
            continue
        covered.update(range(start, end))
        taken[start] = _Match(end, Label(doc.vocab.strings[match_id]))
    units: list[Unit] = []
    i = 0
    while i < len(doc):
        if i in taken:
            end, label = taken[i]
            span = doc[i:end]
            units.append(Unit(span.text, " ".join(t.norm_ for t in span), label))
            i = end
            continue
        token = doc[i]
        units.append(Unit(token.text, token.norm_))
        i += 1
    _mark_counts(units)
    return units


def _number_value(text: str) -> int | None:
    if text in WORD_NUMBERS:
        return WORD_NUMBERS[text]
    cleaned = text.replace(",", "")
    return int(cleaned) if cleaned.isdecimal() else None


def _mark_counts(units: list[Unit]) -> None:
    """Numbers that count things: "2 orders", "zero violations", not "2 weeks" or "2024"."""
    for k, unit in enumerate(units):
        if unit.label not in (None, Label.DET_NEG):
            continue
        value = _number_value(unit.text)
        if value is None:
            continue
        nxt = units[k + 1].norm if k + 1 < len(units) else ""
        prv = units[k - 1].norm if k > 0 else ""
        if nxt in NUMBER_UNITS or nxt in MONTHS or prv in MONTHS or prv in {"$", "usd", "on"}:
            continue
        if value >= 1900 and len(unit.text) == 4:
            continue  # a year
        if prv in {"#", "no", "number", "id"} or (
            k > 0 and is_anchor(units[k - 1]) and len(unit.text) >= 3
        ):
            continue  # an order number: "order #12345", "order 8812 shipped"
        if unit.text == "one" and prv in PRONOUNS | {"the", "last", "first", "each", "every"}:
            continue  # "that one was removed" is a pronoun, not a count
        if value == 0:
            unit.label = Label.DET_NEG
        unit.count = value
