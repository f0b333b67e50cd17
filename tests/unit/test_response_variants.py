"""Choosing a response's variations by language, as Rasa does for the replies it sends."""

from refund_assistant.response_variants import for_language, text_for

ZH = [{"type": "slot", "name": "language", "value": "zh"}]
VARIATIONS = [
    {"text": "Not yet.", "buttons": [{"title": "Why?", "payload": "/ask_prerequisites"}]},
    {"text": "还不行。", "condition": ZH, "buttons": [{"title": "为什么？", "payload": "/x"}]},
    {"text": "Only on Telegram.", "condition": [{"type": "slot", "name": "other", "value": 1}]},
]


def test_chinese_gets_its_own_variations():
    assert text_for(VARIATIONS, "zh") == "还不行。"
    assert for_language(VARIATIONS, "zh") == [VARIATIONS[1]]


def test_english_and_no_language_get_the_unconditioned_ones():
    assert text_for(VARIATIONS, "en") == "Not yet."
    assert text_for(VARIATIONS, None) == "Not yet."
    assert for_language(VARIATIONS, "en") == [VARIATIONS[0], VARIATIONS[2]]


def test_a_language_without_variations_falls_back_to_english():
    assert text_for(VARIATIONS[:1], "zh") == "Not yet."
