import itertools

import pytest

from refund_assistant.eligibility import missing_facts, verdict
from refund_assistant.facts import Blocker

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
