"""Answers to "Do you ...?" about one fact: a bare yes/no/not sure answers the asked fact."""

import pytest

from refund_assistant.facts import FACTS, Fact
from refund_assistant.store_state import StoreFacts, parse_answer
from tests.unit.store_state.cases import NONE, D, O, S, V, facts


def _bare(asked: Fact, value: bool | None = None, unsure: bool = False) -> StoreFacts:
    return StoreFacts(**{asked.value: value}, unsure=frozenset({asked} if unsure else ()))


BARE_YES = ["yes", "yep", "yeah", "i think so", "sure", "probably"]
BARE_NO = [
    "no",
    "nope",
    "nah",
    "no, none",
    "none",
    "zero",
    "nothing",
    "i don't think so",
    "probably not",
    "of course not",
]
BARE_UNSURE = ["not sure", "no idea", "i don't know", "maybe", "idk", "I'm not sure, maybe"]

ANSWER_CASES = (
    [(text, asked, _bare(asked, True)) for asked in FACTS for text in BARE_YES[:3]]
    + [(text, asked, _bare(asked, False)) for asked in FACTS for text in BARE_NO[:3]]
    + [(text, asked, _bare(asked, unsure=True)) for asked in FACTS for text in BARE_UNSURE[:3]]
    + [(text, O, _bare(O, True)) for text in BARE_YES[3:]]
    + [(text, V, _bare(V, False)) for text in BARE_NO[3:]]
    + [(text, D, _bare(D, unsure=True)) for text in BARE_UNSURE[3:]]
    + [
        ("yes 2 orders still shipping", O, facts(orders=True)),
        ("not yet", S, facts(store=False)),
        ("cancelled", S, facts(store=True)),
        ("closed last month", S, facts(store=True)),
        ("still open", S, facts(store=False)),
        ("it's still under review", S, facts(store=False)),
        ("not yet, waiting for approval", S, facts(store=False)),
        ("yup it's done", S, facts(store=True)),
        ("all delivered", O, facts(orders=False)),
        ("no they were all delivered", O, facts(orders=False)),
        ("i think 2", O, facts(orders=True)),
        ("i do", O, facts(orders=True)),
        ("no i don't", O, facts(orders=False)),
        ("just one", V, facts(violations=True)),
        ("it was removed", V, facts(violations=False)),
        # "closed"/"cancelled" answering about a dispute or penalty means resolved
        ("closed", D, facts(disputes=False)),
        ("cancelled", V, facts(violations=False)),
        ("it was closed yesterday", D, facts(disputes=False)),
        ("no the buyer closed it", D, facts(disputes=False)),
        ("still open", D, facts(disputes=True)),
        ("there is one", D, facts(disputes=True)),
        ("yes, a buyer opened one yesterday", D, facts(disputes=True)),
        ("not anymore", D, facts(disputes=False)),
        ("not that i know of", D, facts(disputes=False)),
        # facts named explicitly win over the bare yes/no; other facts come along
        ("yes, no pending orders", O, facts(orders=False)),
        ("no, 2 orders still shipping", O, facts(orders=True)),
        ("Nope, my store is closed", S, facts(store=True)),
        ("no, but a buyer opened a dispute", O, facts(orders=False, disputes=True)),
        ("yes, but the dispute was closed yesterday", D, facts(disputes=False)),
        ("yes but not sure about violations", S, facts(store=True, unsure={V})),
        ("yes, and no violations either", S, facts(store=True, violations=False)),
        ("yes, there is one violation and one dispute", V, facts(violations=True, disputes=True)),
        ("the dispute was closed", S, facts(disputes=False)),
        ("zero violations", S, facts(violations=False)),
        # no answer at all
        ("hello", D, NONE),
        ("what do you mean", O, NONE),
    ]
)


@pytest.mark.parametrize(
    "text, asked, expected", ANSWER_CASES, ids=[f"{a.value}:{t}" for t, a, _ in ANSWER_CASES]
)
def test_parse_answer(text: str, asked: Fact, expected: StoreFacts) -> None:
    assert parse_answer(text, asked) == expected
    assert parse_answer(text, asked.value) == expected  # the slot name works as well


def test_parse_answer_rejects_an_unknown_fact() -> None:
    with pytest.raises(ValueError):
        parse_answer("yes", "has_refund")
