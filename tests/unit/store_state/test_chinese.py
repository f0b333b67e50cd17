"""How a Chinese text becomes units: words found by longest match, numbers counted, English runs
read in English, Traditional converted; and the Chinese tables themselves."""

import pytest

from refund_assistant.languages import to_simplified, to_traditional
from refund_assistant.store_state import parse_store_state
from refund_assistant.store_state.chinese import chinese_units
from refund_assistant.store_state.lexicon import Label
from refund_assistant.store_state.lexicon_zh import (
    COMPOUNDS,
    PARTICLES,
    SIMPLIFIED_FIXES,
    VAGUE_COUNTS,
    ZH_TERMS,
    ZH_WORDS,
)
from refund_assistant.store_state.units import Unit
from tests.support import PROJECT_ROOT

SHARED_GLOSSARY = PROJECT_ROOT.parent / "shared" / "knowledge" / "glossary-zh.md"


def _counts(text: str) -> list[int]:
    return [u.count for u in chinese_units(text) if u.count is not None]


def _labels(text: str) -> list[Label]:
    return [u.label for u in chinese_units(text) if u.label is not None]


@pytest.mark.parametrize(
    "text, counts",
    [
        ("两个订单", [2]),
        ("三笔订单", [3]),
        ("一个纠纷", [1]),
        ("十二个订单", [12]),
        ("2个订单", [2]),
        ("２个订单", [2]),  # full-width digits
        ("零个纠纷", [0]),
        ("0个纠纷", [0]),
        ("几个订单", [3]),
        ("好几个订单", [3]),
        ("两三个订单", [2]),
        ("一些订单", [2]),
        ("有个纠纷", []),  # "a dispute": an article, read as English "a"
        # time, dates, money, ordinals and ids are no counts
        ("两个月前", []),
        ("3天", []),
        ("2024年3月", []),
        ("100元", []),
        ("第一个订单", []),
        ("最后一个订单", []),
        ("订单号12345", []),
        # words that start with a numeral
        ("一直", []),
        ("万一", []),
        ("一下", []),
    ],
)
def test_numbers_that_count_things(text: str, counts: list[int]) -> None:
    assert _counts(text) == counts


def test_zero_is_a_determiner_negation() -> None:
    zero = next(u for u in chinese_units("0个订单") if u.count == 0)
    assert zero.label == Label.DET_NEG


def test_a_count_of_orders_without_the_word_names_orders() -> None:
    assert _labels("三笔没发货") == [Label.ORDER, Label.NEG, Label.SHIP]
    assert _labels("两单") == [Label.ORDER]
    assert parse_store_state("还有三笔没发货").has_pending_orders is True


@pytest.mark.parametrize(
    "text, labels",
    [
        ("没有违规", [Label.DET_NEG, Label.VIOLATION]),  # not 没 + 有
        ("没有发货", [Label.NEG, Label.SHIP]),  # "not" before a verb
        ("没有", [Label.DET_NEG]),
        ("零纠纷", [Label.DET_NEG, Label.DISPUTE]),
        ("关于纠纷", [Label.DISPUTE]),  # 关于 "about" is not 关 "close"
        ("关店", [Label.CANCEL, Label.STORE]),
        ("正在关店", [Label.CANCEL, Label.STORE]),
        ("有没有纠纷", [Label.QUESTION, Label.DISPUTE]),
        ("不确定", [Label.HEDGE]),
        ("还没注销", [Label.NEG, Label.CANCEL, Label.STORE]),  # 注销 is said of a store
        ("没发货的订单", [Label.UNFINISHED, Label.ORDER]),
        ("注销不了", [Label.NEG, Label.CANCEL, Label.STORE]),
    ],
)
def test_words_and_their_labels(text: str, labels: list[Label]) -> None:
    assert _labels(text) == labels


@pytest.mark.parametrize(
    "text, undone", [("正在关店", True), ("注销中", True), ("申请注销", True), ("已经注销", False)]
)
def test_unfinished_verbs_are_marked(text: str, undone: bool) -> None:
    cancel = next(u for u in chinese_units(text) if u.label == Label.CANCEL)
    assert cancel.undone is undone


def test_english_runs_are_read_in_english() -> None:
    units = chinese_units("我的store已经closed了")
    assert [(u.text, u.label) for u in units if u.label] == [
        ("store", Label.STORE),
        ("closed", Label.CANCEL),
    ]


def test_particles_are_dropped_after_use() -> None:
    assert [u.text for u in chinese_units("订单都完成了啊")] == ["订单", "都", "完成"]


def test_unknown_characters_stay_together() -> None:
    assert Unit("质量", "质量") in chinese_units("质量纠纷")


# --------------------------------------------------------------------------------------------
# The tables.
# --------------------------------------------------------------------------------------------
def _all_words() -> list[str]:
    words = [w for terms in ZH_TERMS.values() for w in terms]
    return words + [*ZH_WORDS, *COMPOUNDS, *PARTICLES, *VAGUE_COUNTS]


def test_every_word_is_in_one_table_only() -> None:
    words = _all_words()
    assert sorted({w for w in words if words.count(w) > 1}) == []


def test_every_word_is_simplified_and_survives_traditional() -> None:
    """Traditional text is converted before reading: each word must come back as listed."""

    def back(word: str) -> str:
        simplified = to_simplified(to_traditional(word))
        for traditional, simple in SIMPLIFIED_FIXES.items():
            simplified = simplified.replace(traditional, simple)
        return simplified

    assert [w for w in _all_words() if to_simplified(w) != w or back(w) != w] == []


# The glossary's words for the prerequisites (glossary-zh.md): the term the bot answers with,
# then the words sellers write. The reader must understand all of them.
GLOSSARY_PREREQUISITES = {
    "P1": ("店铺已成功注销", ("关店", "店铺关闭", "注销店铺", "注销中", "退店")),
    "P2": ("未完成的订单", ("待处理订单", "进行中的订单", "还有订单没发货", "未完结订单")),
    "P3 violation": ("违规或处罚记录", ("违规", "处罚", "扣分", "侵权", "被罚")),
    "P3 dispute": ("未解决的买家纠纷", ("纠纷", "投诉", "买家纠纷", "争议")),
}
FIELD = {
    "P2": "has_pending_orders",
    "P3 violation": "has_violations",
    "P3 dispute": "has_disputes",
}


@pytest.mark.parametrize(
    "term", [GLOSSARY_PREREQUISITES["P1"][0], *GLOSSARY_PREREQUISITES["P1"][1]]
)
def test_the_glossarys_store_words(term: str) -> None:
    assert parse_store_state(term).store_cancelled is (not term.endswith("中"))


@pytest.mark.parametrize(
    "prerequisite, term",
    [(p, t) for p in FIELD for t in (GLOSSARY_PREREQUISITES[p][0], *GLOSSARY_PREREQUISITES[p][1])],
)
def test_the_glossarys_words_for_things_that_block(prerequisite: str, term: str) -> None:
    field = FIELD[prerequisite]
    if term.startswith("还有"):  # a whole clause already
        assert getattr(parse_store_state(term), field) is True
        return
    assert getattr(parse_store_state("有" + term), field) is True
    assert getattr(parse_store_state("没有" + term), field) is False
    assert getattr(parse_store_state("不确定有没有" + term), field) is None


@pytest.mark.skipif(
    not SHARED_GLOSSARY.exists(), reason="the shared knowledge folder is not beside this checkout"
)
def test_the_glossary_words_are_the_shared_glossarys() -> None:
    rows = [row.split("|") for row in SHARED_GLOSSARY.read_text().splitlines()]
    shared = {
        (cells[2].strip(), tuple(w.strip() for w in cells[3].split(",")))
        for cells in rows
        if len(cells) >= 5 and ("(P1)" in cells[1] or "(P2)" in cells[1] or "(P3)" in cells[1])
    }
    assert shared == set(GLOSSARY_PREREQUISITES.values())
