import itertools

import pytest

from refund_assistant.eligibility import (
    BLOCKER_RESPONSES,
    CONDITION_RESPONSES,
    ELIGIBLE_RESPONSE,
    NOT_ELIGIBLE_RESPONSE,
    NOT_YET_RESPONSE,
    OFFER_HANDOFF_RESPONSE,
    OFFER_REST_RESPONSE,
    known_blockers,
    missing_facts,
    replies,
    stops_early,
    verdict,
    verdict_slots,
)
from refund_assistant.facts import Blocker
from tests.support import DOMAIN

FACT_NAMES = ("store_cancelled", "has_pending_orders", "has_violations", "has_disputes")


@pytest.mark.parametrize("values", list(itertools.product([True, False], repeat=4)))
def test_every_combination_names_exactly_its_blockers(values):
    facts = dict(zip(FACT_NAMES, values, strict=True))
    cancelled, pending, violations, disputes = values
    expected = (
        (["store_not_cancelled"] if not cancelled else [])
        + (["pending_orders"] if pending else [])
        + (["violations"] if violations else [])
        + (["disputes"] if disputes else [])
    )
    result = verdict(facts)
    assert result.blockers == expected
    assert all(isinstance(blocker, Blocker) for blocker in result.blockers)
    assert result.eligible is (expected == [])


def test_no_verdict_while_a_fact_is_unknown():
    facts = {"store_cancelled": True, "has_pending_orders": False, "has_violations": None}
    assert verdict(facts) is None
    assert missing_facts(facts) == ["has_violations", "has_disputes"]


def test_one_known_blocker_already_means_not_yet():
    facts = {"has_pending_orders": True}
    result = verdict(facts)
    assert result.eligible is False and result.blockers == [Blocker.PENDING_ORDERS]
    assert result.unknown == ["store_cancelled", "has_violations", "has_disputes"]
    assert not result.final
    assert verdict_slots(facts) == {"refund_eligible": False, "refund_blockers": ["pending_orders"]}
    assert verdict_slots({"store_cancelled": True}) == {
        "refund_eligible": None,
        "refund_blockers": None,
    }


def test_known_blockers_ignore_unknown_facts():
    facts = {"store_cancelled": False, "has_pending_orders": None, "has_disputes": True}
    assert known_blockers(facts) == [Blocker.STORE_NOT_CANCELLED, Blocker.DISPUTES]
    assert known_blockers({}) == []


@pytest.mark.parametrize(
    "before, after, stops",
    [
        ({}, {"has_pending_orders": True}, True),  # the first blocker, others unknown
        ({"store_cancelled": True}, {"store_cancelled": True, "has_disputes": True}, True),
        ({}, {"store_cancelled": True}, False),  # no blocker yet: keep asking
        # all four known: the final verdict, not an early one
        ({}, dict(zip(FACT_NAMES, (True, True, False, False), strict=True)), False),
        # a blocker the seller already heard: they chose to check the rest
        ({"store_cancelled": False}, {"store_cancelled": False, "has_disputes": True}, False),
    ],
)
def test_the_check_stops_early_only_at_the_first_blocker(before, after, stops):
    assert stops_early(before, after) is stops


def test_replies_early_final_and_the_one_offer():
    early = replies(verdict({"has_pending_orders": True, "has_disputes": True}))
    assert [reply.response for reply in early] == [NOT_YET_RESPONSE, OFFER_REST_RESPONSE]
    assert early[0].blockers == ("utter_blocker_pending_orders", "utter_blocker_disputes")
    assert early[0].remaining == (
        "utter_condition_store_cancelled",
        "utter_condition_has_violations",
    )
    with_violation = replies(verdict({"has_violations": True}))
    assert [reply.response for reply in with_violation] == [
        NOT_YET_RESPONSE,
        OFFER_HANDOFF_RESPONSE,
    ]
    final = replies(verdict(dict(zip(FACT_NAMES, (False, False, False, False), strict=True))))
    assert [(r.response, r.blockers) for r in final] == [
        (NOT_ELIGIBLE_RESPONSE, ("utter_blocker_store_not_cancelled",))
    ]
    eligible = replies(verdict(dict(zip(FACT_NAMES, (True, False, False, False), strict=True))))
    assert [reply.response for reply in eligible] == [ELIGIBLE_RESPONSE]


def test_every_response_the_verdict_names_is_in_the_domain():
    names = {
        ELIGIBLE_RESPONSE,
        NOT_ELIGIBLE_RESPONSE,
        NOT_YET_RESPONSE,
        OFFER_REST_RESPONSE,
        OFFER_HANDOFF_RESPONSE,
        *BLOCKER_RESPONSES.values(),
        *CONDITION_RESPONSES.values(),
    }
    assert names <= set(DOMAIN["responses"])
    assert "{blockers}" in DOMAIN["responses"][NOT_YET_RESPONSE][0]["text"]
    assert "{remaining}" in DOMAIN["responses"][NOT_YET_RESPONSE][0]["text"]
