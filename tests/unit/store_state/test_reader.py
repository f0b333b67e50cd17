"""The store-state parser: each phrasing must give exactly these four facts and unsure set."""

import pytest

from refund_assistant.facts import Fact
from refund_assistant.store_state import StoreFacts, parse_answer, parse_store_state
from tests.unit.store_state.cases import NONE, STATE_CASES, D, O, S


@pytest.mark.parametrize("text, expected", STATE_CASES, ids=[t for t, _ in STATE_CASES])
def test_parse_store_state(text: str, expected: StoreFacts) -> None:
    assert parse_store_state(text) == expected


def test_known_lists_only_true_and_false() -> None:
    result = parse_store_state("store is open, 3 pending orders, not sure about disputes")
    assert result.known() == {S: False, O: True}
    assert result.unsure == frozenset({D})
    assert all(isinstance(fact, Fact) for fact in [*result.known(), *result.unsure])


def test_empty_text_states_nothing() -> None:
    assert parse_store_state("") == NONE
    assert parse_answer("", S) == NONE
