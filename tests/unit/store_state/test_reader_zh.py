"""The store-state reader on Chinese: each phrasing, in Simplified and in Traditional, must give
exactly these four facts and unsure set; English is read as before."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from refund_assistant.eligibility import facts_from_message, verdict
from refund_assistant.facts import FACTS
from refund_assistant.languages import to_simplified, to_traditional
from refund_assistant.store_state import StoreFacts, parse_answer, parse_store_state
from refund_assistant.store_state.chinese import is_chinese
from refund_assistant.store_state.lexicon_zh import COMPOUNDS, PARTICLES, ZH_TERMS, ZH_WORDS
from tests.unit.store_state.cases import NONE, STATE_CASES, facts
from tests.unit.store_state.cases_zh import STATE_CASES_ZH, TRADITIONAL_CASES, O, S, V


@pytest.mark.parametrize("text, expected", STATE_CASES_ZH, ids=[t for t, _ in STATE_CASES_ZH])
def test_parse_store_state_zh(text: str, expected: StoreFacts) -> None:
    assert parse_store_state(text) == expected


@pytest.mark.parametrize("text, expected", STATE_CASES_ZH, ids=[t for t, _ in STATE_CASES_ZH])
def test_traditional_reads_like_simplified(text: str, expected: StoreFacts) -> None:
    traditional = to_traditional(text)
    assert parse_store_state(traditional) == expected


@pytest.mark.parametrize("text, expected", TRADITIONAL_CASES, ids=[t for t, _ in TRADITIONAL_CASES])
def test_traditional_as_written(text: str, expected: StoreFacts) -> None:
    assert parse_store_state(text) == expected


def test_the_cases_are_written_in_simplified() -> None:
    """Traditional is tested by conversion; a case already in Traditional would test nothing."""
    assert [t for t, _ in STATE_CASES_ZH if to_simplified(t) != t] == []


# Sellers type full-width or half-width punctuation, with or without spaces, on phones.
@pytest.mark.parametrize(
    "text",
    [
        "店铺已经注销了,没有未完成的订单,也没有违规和纠纷",
        "店铺已经注销了 没有未完成的订单。也没有违规和纠纷！",
        "店铺已经注销了；没有未完成的订单\n也没有违规和纠纷",
        "店铺已经注销了…没有未完成的订单～也没有违规和纠纷",
        "１. 店铺已经注销了 ２. 没有未完成的订单 ３. 也没有违规和纠纷",
    ],
)
def test_punctuation_and_spacing_do_not_matter(text: str) -> None:
    assert parse_store_state(text) == facts(
        store=True, orders=False, violations=False, disputes=False
    )


def test_english_messages_stay_on_the_english_reader() -> None:
    """No English case has a Chinese character, so none of them changes path."""
    assert [t for t, _ in STATE_CASES if is_chinese(t)] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("店铺已经注销了", True),
        ("我的store已经closed了", True),
        ("I closed my store. 还有一个纠纷", True),
        ("my store is closed", False),
        ("2 orders", False),
        ("", False),
    ],
)
def test_is_chinese(text: str, expected: bool) -> None:
    assert is_chinese(text) is expected


def test_known_and_unsure_from_chinese() -> None:
    result = parse_store_state("店铺还开着，有3个待处理订单，不确定有没有违规")
    assert result.known() == {S: False, O: True}
    assert result.unsure == frozenset({V})


def test_chinese_without_any_fact_states_nothing() -> None:
    assert parse_store_state("。，？") == NONE
    assert parse_answer("。", S) == NONE


PIECES = sorted(
    {word for words in ZH_TERMS.values() for word in words}
    | set(ZH_WORDS)
    | set(COMPOUNDS)
    | set(PARTICLES)
    | set("两三零十几个笔单月天，。？！、：；… \n0123456789")
    | {"store", "closed", "no", "pending orders", "dispute", "?"}
)
CHINESE_TEXT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(CHINESE_TEXT)
def test_any_chinese_text_reads_without_error(text: str) -> None:
    """The reader runs inside the form's validation: whatever a seller types, it must answer
    with facts, never raise (the action would fail)."""
    result = parse_store_state(text)
    traditional = to_traditional(text)
    if to_simplified(traditional) == text:  # OpenCC converts some texts back differently
        assert parse_store_state(traditional) == result
    for asked in FACTS:
        assert isinstance(parse_answer(text, asked), StoreFacts)


# The way the form's validation calls the reader (refund_assistant.eligibility, used by
# actions/eligibility_actions.py): Chinese messages reach the same verdicts as English ones.
@pytest.mark.parametrize(
    "text, eligible",
    [
        ("店铺已经注销了，没有未完成的订单，也没有违规和纠纷", True),
        ("店鋪已經註銷了，沒有未完成的訂單，也沒有違規和糾紛", True),
        ("我的store已经closed了，订单都处理完了，没有违规和纠纷", True),
        ("还有两个订单没发货", False),
        ("有一个买家纠纷还没解决", False),
        ("店铺还在注销中", False),
    ],
)
def test_chinese_messages_reach_a_verdict(text: str, eligible: bool) -> None:
    result = verdict(facts_from_message(text, intent=None, asked=None).known())
    assert result is not None and result.eligible is eligible


def test_a_chinese_answer_fills_the_asked_fact() -> None:
    assert facts_from_message("还没", intent=None, asked=S).known() == {S: False}
    assert facts_from_message("不确定", intent=None, asked=V).unsure == frozenset({V})
    # what the reader cannot read is left to the intent, as for English
    assert facts_from_message("嗯哼", intent="affirm", asked=O).known() == {O: True}
