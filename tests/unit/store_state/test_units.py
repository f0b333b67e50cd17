"""The spaCy pipeline under the store-state reader: loaded once, and read the same either way."""

from collections.abc import Iterator

import pytest

from refund_assistant.spacy_pipeline import LEMMA_OVERRIDES, build, save
from refund_assistant.store_state import parse_store_state, units
from tests.unit.store_state.cases import (
    CORRECTION_CASES,
    ORDER_CASES,
    STATE_CASES,
    STORE_CASES,
    TYPO_CASES,
)


def test_the_saved_project_pipeline_is_used_when_built(monkeypatch, tmp_path, fresh_caches) -> None:
    """The reader must tokenise and lemmatise as Rasa's SpacyNLP does: with the saved pipeline."""
    saved = save(tmp_path / "en_refund")
    monkeypatch.setattr(units, "PIPELINE_DIR", saved)
    nlp = units.pipeline()
    assert nlp.path == saved
    assert [token.lemma_ for token in nlp("disputes closed")] == ["dispute", "close"]


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Let a test swap the pipeline; afterwards the saved one is loaded again."""
    caches = (units.pipeline, units.matcher, units.known_words, units.typo_of)

    def clear() -> None:
        for cache in caches:
            cache.cache_clear()

    clear()
    yield
    clear()


SAMPLE = [text for text, _ in STORE_CASES[:5] + ORDER_CASES[:5] + TYPO_CASES + CORRECTION_CASES]


def test_falls_back_to_building_the_pipeline(monkeypatch, tmp_path, fresh_caches) -> None:
    expected = {text: parse_store_state(text) for text in SAMPLE}
    units.pipeline.cache_clear()
    units.matcher.cache_clear()
    monkeypatch.setattr(units, "PIPELINE_DIR", tmp_path / "not-built")
    assert {text: parse_store_state(text) for text in SAMPLE} == expected


def test_same_facts_when_the_shorthand_lemma_rules_are_active(monkeypatch, fresh_caches) -> None:
    """The pipeline maps "shop" -> "store", "cancellation" -> "cancel" etc. once its attribute
    ruler keeps its patterns; the parser must read text the same way either way."""
    expected = {text: parse_store_state(text) for text, _ in STATE_CASES}
    nlp = build()
    ruler = nlp.get_pipe("attribute_ruler")
    for word, lemma in LEMMA_OVERRIDES.items():
        ruler.add(patterns=[[{"LOWER": word}]], attrs={"LEMMA": lemma})
    assert nlp("shop")[0].lemma_ == "store"
    units.pipeline.cache_clear()
    units.matcher.cache_clear()
    monkeypatch.setattr(units, "pipeline", lambda: nlp)
    assert {text: parse_store_state(text) for text, _ in STATE_CASES} == expected


@pytest.mark.parametrize("text", ["I have ¹ pending orders", "² disputes ³", "orders: ⁴⁵"])
def test_digit_like_characters_that_are_not_numbers_do_not_crash(text) -> None:
    """ "¹".isdigit() is True but int("¹") raises: the reader must not (the action would 500)."""
    assert parse_store_state(text).has_pending_orders in (True, False, None)
