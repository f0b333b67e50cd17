"""Chinese answers to the form's questions about one fact, mirroring `test_answers`: a bare
yes / no / not sure answers the asked fact, facts named explicitly always win."""

import pytest

from refund_assistant.facts import FACTS, Fact
from refund_assistant.languages import to_traditional
from refund_assistant.store_state import StoreFacts, parse_answer
from tests.unit.store_state.cases import NONE, D, O, S, V, facts


def _bare(asked: Fact, value: bool | None = None, unsure: bool = False) -> StoreFacts:
    return StoreFacts(**{asked.value: value}, unsure=frozenset({asked} if unsure else ()))


BARE_YES_ZH = ["是", "是的", "对", "有", "嗯", "对的", "没错", "当然", "应该是", "我觉得是", "有！"]
BARE_NO_ZH = ["没有", "无", "不是", "没", "不", "否", "不是的", "没有。", "都没有", "当然没有"]
BARE_UNSURE_ZH = ["不知道", "不确定", "不清楚", "不记得了", "说不准", "应该是吧", "可能吧"]

ANSWER_CASES_ZH = (
    [(text, asked, _bare(asked, True)) for asked in FACTS for text in BARE_YES_ZH[:4]]
    + [(text, asked, _bare(asked, False)) for asked in FACTS for text in BARE_NO_ZH[:4]]
    + [(text, asked, _bare(asked, unsure=True)) for asked in FACTS for text in BARE_UNSURE_ZH[:3]]
    + [(text, O, _bare(O, True)) for text in BARE_YES_ZH[4:]]
    + [(text, V, _bare(V, False)) for text in BARE_NO_ZH[4:]]
    + [(text, D, _bare(D, unsure=True)) for text in BARE_UNSURE_ZH[3:]]
    + [
        # the store
        ("已经注销了", S, facts(store=True)),
        ("注销了", S, facts(store=True)),
        ("关了", S, facts(store=True)),
        ("上个月关的", S, facts(store=True)),
        ("还没", S, facts(store=False)),
        ("还没有", S, facts(store=False)),
        ("还在注销中", S, facts(store=False)),
        ("审核中", S, facts(store=False)),
        ("还在审核", S, facts(store=False)),
        ("还开着", S, facts(store=False)),
        ("是的，已经注销了", S, facts(store=True)),
        ("没有，还在审核", S, facts(store=False)),
        ("应该已经注销了吧", S, facts(unsure={S})),
        # orders
        ("有两个", O, facts(orders=True)),
        ("有，3个", O, facts(orders=True)),
        ("两单", O, facts(orders=True)),
        ("还有", O, facts(orders=True)),
        ("还有一个没发货", O, facts(orders=True)),
        ("都完成了", O, facts(orders=False)),
        ("都签收了", O, facts(orders=False)),
        ("没有了", O, facts(orders=False)),
        ("一个都没有", O, facts(orders=False)),
        # violations and disputes: "closed" / "cancelled" of a penalty or dispute is resolved
        ("被罚过一次", V, facts(violations=True)),
        ("有一次", V, facts(violations=True)),
        ("已经撤销了", V, facts(violations=False)),
        ("已经解决了", D, facts(disputes=False)),
        ("关闭了", D, facts(disputes=False)),
        ("买家撤销了", D, facts(disputes=False)),
        ("还开着", D, facts(disputes=True)),
        ("还在处理", D, facts(disputes=True)),
        ("有一个，但是已经解决了", D, facts(disputes=False)),
        ("好像有", D, facts(unsure={D})),
        ("应该没有吧", V, facts(unsure={V})),
        ("不知道，可能有", D, facts(unsure={D})),
        # facts named explicitly win over the bare yes/no; other facts come along
        ("是的，还有两个订单没发货", O, facts(orders=True)),
        ("没有，但是有一个纠纷", O, facts(orders=False, disputes=True)),
        ("不是，纠纷已经解决了", D, facts(disputes=False)),
        ("没有，店铺还开着", O, facts(store=False, orders=False)),
        ("是的，没有违规", S, facts(store=True, violations=False)),
        ("是，不过不确定有没有纠纷", S, facts(store=True, unsure={D})),
        ("没有违规，纠纷不清楚", V, facts(violations=False, unsure={D})),
        ("纠纷已经解决了", S, facts(disputes=False)),
        # no answer at all
        ("你好", D, NONE),
        ("什么意思？", O, NONE),
        ("怎么查", V, NONE),
    ]
)


@pytest.mark.parametrize(
    "text, asked, expected", ANSWER_CASES_ZH, ids=[f"{a.value}:{t}" for t, a, _ in ANSWER_CASES_ZH]
)
def test_parse_answer_zh(text: str, asked: Fact, expected: StoreFacts) -> None:
    assert parse_answer(text, asked) == expected
    assert parse_answer(to_traditional(text), asked.value) == expected


@pytest.mark.parametrize("text", ["是", "没有", "不知道", "对", "不是"])
def test_a_bare_answer_states_nothing_without_a_question(text: str) -> None:
    """As "yes" / "no" in English: without a question a lone answer is about nothing."""
    assert parse_answer(text, S) != NONE
    from refund_assistant.store_state import parse_store_state

    assert parse_store_state(text) == NONE
