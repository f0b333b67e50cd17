"""The domain's responses by language: every response holds its English variation(s) (no
condition) and, after them, one Simplified-Chinese variation per English one, chosen by the
`language` slot. Shared by the tests that check the Chinese variations."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from refund_assistant.languages import HAN_CHARACTERS, LANGUAGE_SLOT, Language

Variation = Mapping[str, Any]

CHINESE = Language.CHINESE.value
CHINESE_CONDITION = [{"type": "slot", "name": LANGUAGE_SLOT, "value": CHINESE}]

HAN = re.compile(f"[{HAN_CHARACTERS}]")
PLACEHOLDER = re.compile(r"\{[^{}\s]+\}")


def is_chinese(variation: Variation) -> bool:
    """A variation sent when the `language` slot is zh."""
    return any(
        condition.get("type") == "slot"
        and condition.get("name") == LANGUAGE_SLOT
        and condition.get("value") == CHINESE
        for condition in variation.get("condition") or []
    )


def is_english(variation: Variation) -> bool:
    """The default variations: no condition at all."""
    return not variation.get("condition")


def english(variations: Sequence[Variation]) -> list[Variation]:
    return [variation for variation in variations if is_english(variation)]


def chinese(variations: Sequence[Variation]) -> list[Variation]:
    return [variation for variation in variations if is_chinese(variation)]


def sibling_pairs(
    responses: Mapping[str, Sequence[Variation]],
) -> Iterator[tuple[str, int, Variation, Variation]]:
    """(name, index, English variation, its Chinese sibling), the n-th Chinese variation being
    the translation of the n-th English one. A response short of Chinese variations yields the
    pairs it has (test_responses_chinese.py reports the missing ones)."""
    for name, variations in responses.items():
        pairs = zip(english(variations), chinese(variations), strict=False)
        for index, (en, zh) in enumerate(pairs):
            yield name, index, en, zh


def texts(variation: Variation) -> list[str]:
    """The variation's text and its button titles: everything a seller reads."""
    found = [variation.get("text") or ""]
    found += [button.get("title") or "" for button in variation.get("buttons") or []]
    return found


def payloads(variation: Variation) -> list[str]:
    return [button.get("payload") for button in variation.get("buttons") or []]


def placeholders(variation: Variation) -> list[str]:
    return sorted(PLACEHOLDER.findall(" ".join(texts(variation))))
