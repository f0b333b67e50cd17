"""Every response speaks Chinese too: each English variation has a Simplified-Chinese sibling,
chosen by the `language` slot (condition: slot language = zh), that offers the same buttons with
the same payloads, fills in the same template variables, keeps every other field (custom, image,
...) and is written in Chinese. What the Chinese says is checked against the facts in
test_responses_state_only_facts.py."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from tests.support import DOMAIN
from tests.unit.response_languages import (
    CHINESE_CONDITION,
    HAN,
    PLACEHOLDER,
    chinese,
    english,
    is_chinese,
    is_english,
    payloads,
    placeholders,
    sibling_pairs,
    texts,
)

RESPONSES = DOMAIN["responses"]
# Chinese punctuation is full-width; ASCII marks next to a Chinese character are a slip.
HALF_WIDTH_NEXT_TO_HAN = re.compile(
    r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]|[\u4e00-\u9fff]\.(?!\d)"
)


def variant_problems(variations: Sequence[Mapping[str, Any]]) -> list[str]:
    """What is wrong with one response's language variations (empty when nothing is)."""
    problems = []
    en, zh = english(variations), chinese(variations)
    if not zh:
        problems.append("no Chinese variation (condition: slot language = zh)")
    elif len(zh) != len(en):
        problems.append(f"{len(en)} English variation(s) but {len(zh)} Chinese")
    kinds = ["en" if is_english(v) else "zh" if is_chinese(v) else "other" for v in variations]
    if "zh" in kinds and "en" in kinds[kinds.index("zh") :]:
        problems.append("the Chinese variations must come after the English ones")
    for variation in zh:
        if variation["condition"] != CHINESE_CONDITION:
            problems.append(f"the Chinese condition should be exactly {CHINESE_CONDITION}")
    return problems


def sibling_problems(en: Mapping[str, Any], zh: Mapping[str, Any]) -> list[str]:
    """What differs between an English variation and its Chinese sibling that must not."""
    problems = []
    if payloads(zh) != payloads(en):
        problems.append(f"payloads {payloads(zh)} differ from the English {payloads(en)}")
    if placeholders(zh) != placeholders(en):
        problems.append(f"variables {placeholders(zh)} differ from the English {placeholders(en)}")
    other_en = {key: value for key, value in en.items() if key not in {"text", "buttons"}}
    other_zh = {key: value for key, value in zh.items() if key not in {"text", "buttons"}}
    other_zh.pop("condition", None)
    if other_zh != other_en:
        problems.append(
            f"other fields {sorted(other_zh)} differ from the English {sorted(other_en)}"
        )
    if bool(en.get("text")) != bool(zh.get("text")):
        problems.append("text present in one language only")
    for text in texts(zh):
        if not HAN.search(PLACEHOLDER.sub("", text)):
            problems.append(f"no Chinese characters in {text!r}")
        if HALF_WIDTH_NEXT_TO_HAN.search(text):
            problems.append(f"half-width punctuation in Chinese: {text!r}")
    return problems


@pytest.mark.parametrize("name", list(RESPONSES))
def test_every_response_has_a_chinese_variation_per_english_one(name):
    assert not variant_problems(RESPONSES[name]), variant_problems(RESPONSES[name])


@pytest.mark.parametrize(
    "name, index, en, zh",
    list(sibling_pairs(RESPONSES)),
    ids=[f"{name}[{index}]" for name, index, _, _ in sibling_pairs(RESPONSES)],
)
def test_the_chinese_variation_matches_its_english_sibling(name, index, en, zh):
    assert not sibling_problems(en, zh), f"{name}: {sibling_problems(en, zh)}"


def test_the_domain_has_chinese_variations():
    assert len(list(sibling_pairs(RESPONSES))) >= len(RESPONSES) > 50


def test_the_checks_catch_missing_or_wrong_chinese():
    """The checks above must be able to fail: run them on made-up responses."""
    en = {
        "text": "Ticket {ticket_id}: anything else?",
        "buttons": [{"title": "Tips", "payload": "/ask_tips"}],
    }
    zh = {
        "condition": CHINESE_CONDITION,
        "text": "工单{ticket_id}：还有其他问题吗？",
        "buttons": [{"title": "小贴士", "payload": "/ask_tips"}],
    }
    assert variant_problems([en, zh]) == [] and sibling_problems(en, zh) == []

    assert variant_problems([en]) == ["no Chinese variation (condition: slot language = zh)"]
    assert variant_problems([en, en, zh]) == ["2 English variation(s) but 1 Chinese"]
    assert variant_problems([zh, en]) == ["the Chinese variations must come after the English ones"]
    other_slot = {**zh, "condition": [{"type": "slot", "name": "language", "value": "en"}]}
    assert variant_problems([en, other_slot])

    wrong_payload = {**zh, "buttons": [{"title": "小贴士", "payload": "/ask_tip"}]}
    assert "payloads" in sibling_problems(en, wrong_payload)[0]
    no_buttons = {key: value for key, value in zh.items() if key != "buttons"}
    assert "payloads" in sibling_problems(en, no_buttons)[0]
    wrong_variable = {**zh, "text": "工单{ticket}：还有其他问题吗？"}
    assert "variables" in sibling_problems(en, wrong_variable)[0]
    untranslated = {**zh, "text": "Ticket {ticket_id}: anything else?"}
    assert "no Chinese characters" in sibling_problems(en, untranslated)[0]
    untranslated_title = {**zh, "buttons": [{"title": "Tips", "payload": "/ask_tips"}]}
    assert "no Chinese characters" in sibling_problems(en, untranslated_title)[0]
    half_width = {**zh, "text": "工单{ticket_id}:还有其他问题吗?"}
    assert "half-width" in sibling_problems(en, half_width)[0]
    lost_image = {**en, "image": "https://example.org/deposit.png"}
    assert "other fields" in sibling_problems(lost_image, zh)[0]
