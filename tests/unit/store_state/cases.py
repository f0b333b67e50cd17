"""Phrasings and the facts they must give, shared by the store-state tests."""

from collections.abc import Iterable

from refund_assistant.facts import FACTS, Fact
from refund_assistant.store_state import StoreFacts


def facts(
    store: bool | None = None,
    orders: bool | None = None,
    violations: bool | None = None,
    disputes: bool | None = None,
    unsure: Iterable[Fact] = (),
) -> StoreFacts:
    return StoreFacts(store, orders, violations, disputes, frozenset(unsure))


NONE = facts()
S, O, V, D = FACTS  # noqa: E741 (O: orders, as in the case tables)

STORE_CASES = [
    ("I closed my shop last month", facts(store=True)),
    ("store cancelled", facts(store=True)),
    ("shop canceled", facts(store=True)),
    ("cancellation approved", facts(store=True)),
    ("my store cancellation is done", facts(store=True)),
    ("the cancellation was completed", facts(store=True)),
    ("the store was successfully cancelled", facts(store=True)),
    ("my shop is deactivated", facts(store=True)),
    ("I have closed my store", facts(store=True)),
    ("my store has been closed for 3 months", facts(store=True)),
    ("the shop is no longer open", facts(store=True)),
    ("my cancellation request was approved", facts(store=True)),
    ("I applied to close my store and it was approved", facts(store=True)),
    ("I applied to close my store", facts(store=False)),
    ("store cancellation pending approval", facts(store=False)),
    ("cancellation is still in progress", facts(store=False)),
    ("store closure is under review", facts(store=False)),
    ("I submitted the store cancellation request last week", facts(store=False)),
    ("waiting for the cancellation to be approved", facts(store=False)),
    ("the cancellation request was rejected", facts(store=False)),
    ("planning to close the shop next week", facts(store=False)),
    ("I'm going to close my store", facts(store=False)),
    ("the shop will be closed next week", facts(store=False)),
    ("I'm closing my store", facts(store=False)),
    ("my store is still open", facts(store=False)),
    ("I haven't cancelled my store yet", facts(store=False)),
    ("haven't cancelled yet", facts(store=False)),
    ("store not cancelled yet", facts(store=False)),
    ("I don't think my store is closed", facts(store=False)),
]

ORDER_CASES = [
    ("2 orders still shipping", facts(orders=True)),
    ("one order not finished", facts(orders=True)),
    ("I still have 3 orders to ship", facts(orders=True)),
    ("some orders are in transit", facts(orders=True)),
    ("there are a couple of orders still on the way", facts(orders=True)),
    ("1 order is still not delivered", facts(orders=True)),
    ("not all orders are delivered yet", facts(orders=True)),
    ("all orders delivered except one", facts(orders=True)),
    ("no pending orders", facts(orders=False)),
    ("nothing pending", facts(orders=False)),
    ("my store has nothing pending", facts(orders=False)),
    ("all orders delivered", facts(orders=False)),
    ("all my orders are completed", facts(orders=False)),
    ("every order has been completed", facts(orders=False)),
    ("0 orders left", facts(orders=False)),
    ("zero open orders", facts(orders=False)),
    ("none of my orders are pending", facts(orders=False)),
    ("I have no unfinished orders left", facts(orders=False)),
    ("orders: none", facts(orders=False)),
    # shipped is not delivered, and says nothing about the other orders
    ("the last order was shipped yesterday", NONE),
]

VIOLATION_CASES = [
    ("got a penalty last year", facts(violations=True)),
    ("there is a violation on my account", facts(violations=True)),
    ("two penalties", facts(violations=True)),
    ("my store was penalized last month", facts(violations=True)),
    ("my shop got a punishment for IP infringement", facts(violations=True)),
    ("I think I have a penalty", facts(violations=True)),
    ("never had a violation", facts(violations=False)),
    ("no penalties", facts(violations=False)),
    ("zero violations", facts(violations=False)),
    ("didn't get any penalty", facts(violations=False)),
    ("I was never penalized", facts(violations=False)),
    ("the penalty was removed", facts(violations=False)),
    ("penalty was cleared", facts(violations=False)),
    ("penalty was cancelled", facts(violations=False)),
    ("the infringement penalty has been lifted", facts(violations=False)),
    ("the penalty isn't there anymore", facts(violations=False)),
    ("no punishment record", facts(violations=False)),
    ("my record is clean", facts(violations=False)),
]

DISPUTE_CASES = [
    ("a buyer opened a dispute", facts(disputes=True)),
    ("one dispute", facts(disputes=True)),
    ("a buyer filed a claim", facts(disputes=True)),
    ("a buyer complained", facts(disputes=True)),
    ("the chargeback is still pending", facts(disputes=True)),
    ("the dispute isn't resolved yet", facts(disputes=True)),
    ("the buyer didn't close the dispute", facts(disputes=True)),
    ("I don't think the dispute is closed", facts(disputes=True)),
    ("the dispute was closed yesterday", facts(disputes=False)),
    ("the dispute was resolved yesterday", facts(disputes=False)),
    ("0 disputes", facts(disputes=False)),
    ("no open disputes", facts(disputes=False)),
    ("nobody opened a dispute", facts(disputes=False)),
    ("The buyer withdrew the complaint", facts(disputes=False)),
    ("I won the dispute", facts(disputes=False)),
    ("disputes - 0", facts(disputes=False)),
    # "closed" for a dispute means resolved, and the store in the phrase is only a place
    ("I closed the dispute on my store", facts(disputes=False)),
    ("the dispute on my store was closed", facts(disputes=False)),
    # "issue" and "claim" are disputes only when a buyer raised them
    ("I have an issue with my login", NONE),
]

NEGATION_CASES = [
    ("there are no violations or disputes", facts(violations=False, disputes=False)),
    ("I don't have any violations or disputes", facts(violations=False, disputes=False)),
    ("i never had a violation or a dispute", facts(violations=False, disputes=False)),
    ("there isn't any open dispute or violation", facts(violations=False, disputes=False)),
    (
        "I have no violations, disputes or pending orders",
        facts(orders=False, violations=False, disputes=False),
    ),
    ("no violations, no disputes", facts(violations=False, disputes=False)),
    # the negation stops where the list stops
    ("no violations, dispute still open", facts(violations=False, disputes=True)),
    ("no violations and the dispute is still open", facts(violations=False, disputes=True)),
    ("no pending orders and a buyer opened a dispute", facts(orders=False, disputes=True)),
    ("no pending orders, 1 dispute", facts(orders=False, disputes=True)),
    ("I can't close my store because of pending orders", facts(store=False, orders=True)),
    ("I haven't closed my shop and the dispute was resolved", facts(store=False, disputes=False)),
]

NUMBER_CASES = [
    ("I have 0 pending orders and 0 disputes", facts(orders=False, disputes=False)),
    ("I have 2 pending orders, 1 dispute", facts(orders=True, disputes=True)),
    ("several disputes", facts(disputes=True)),
    ("a few penalties", facts(violations=True)),
    ("many orders pending", facts(orders=True)),
    ("2 disputes, both closed", facts(disputes=False)),
    # numbers that count time, not things
    ("I closed my shop 2 weeks ago", facts(store=True)),
    ("the store was closed in May", facts(store=True)),
]

HEDGE_CASES = [
    ("i think there might be a dispute", facts(unsure={D})),
    ("not sure about disputes", facts(unsure={D})),
    ("no idea about the disputes", facts(unsure={D})),
    ("I'm not sure if my store was cancelled", facts(unsure={S})),
    ("not sure whether the cancellation went through", facts(unsure={S})),
    ("i don't know if there are violations", facts(unsure={V})),
    ("I can't remember if I had a penalty", facts(unsure={V})),
    ("maybe 1 pending order", facts(unsure={O})),
    ("I might have a pending order", facts(unsure={O})),
    ("perhaps one violation", facts(unsure={V})),
    ("there may be a penalty on my account", facts(unsure={V})),
    ("no pending orders, not sure about violations", facts(orders=False, unsure={V})),
]

MULTI_FACT_CASES = [
    ("I closed my shop last month but a buyer opened a dispute", facts(store=True, disputes=True)),
    (
        "I closed my store last week. The buyer opened a dispute yesterday.",
        facts(store=True, disputes=True),
    ),
    (
        "My store is CLOSED. No pending orders. No violations. No disputes.",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "Store cancelled successfully, but there are still 2 orders in transit and one open "
        "dispute.",
        facts(store=True, orders=True, disputes=True),
    ),
    (
        "we closed the store, all orders are finished, never had any penalty, no disputes",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "store closed, orders all delivered, no violation, dispute closed",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "store is open, 3 pending orders, no violations, not sure about disputes",
        facts(store=False, orders=True, violations=False, unsure={D}),
    ),
    ("shop closed with 2 pending orders", facts(store=True, orders=True)),
    ("my shop was closed due to violations", facts(store=True, violations=True)),
    ("my store is closed and has no pending orders", facts(store=True, orders=False)),
    ("I closed my store and the dispute was resolved", facts(store=True, disputes=False)),
    (
        "The store isn't cancelled yet because there is a pending order",
        facts(store=False, orders=True),
    ),
    ("the penalty and the dispute were both cleared", facts(violations=False, disputes=False)),
    ("dispute and violation both removed", facts(violations=False, disputes=False)),
]

CORRECTION_CASES = [
    ("a buyer opened a dispute but it was closed yesterday", facts(disputes=False)),
    ("There was a dispute but the buyer cancelled it", facts(disputes=False)),
    ("I had a penalty but it was removed", facts(violations=False)),
    ("I had a penalty but not anymore", facts(violations=False)),
    ("I have a pending order. Sorry, I mean it was delivered yesterday", facts(orders=False)),
    ("I have 2 pending orders. Actually they're all delivered now.", facts(orders=False)),
    ("there's a dispute - no wait, it was closed", facts(disputes=False)),
    ("no disputes. wait, actually one buyer opened a dispute this morning", facts(disputes=True)),
    ("no violations. oh wait, I got a penalty last year", facts(violations=True)),
    ("my store is closed. actually no, the cancellation is still pending", facts(store=False)),
    ("the store isn't closed yet - sorry, it was closed yesterday", facts(store=True)),
]

TYPO_CASES = [
    ("dispte opened by buyer", facts(disputes=True)),
    ("the dispte was resolved", facts(disputes=False)),
    ("the dipsute is still open", facts(disputes=True)),
    ("a violaton on my store", facts(violations=True)),
    ("i got a voilation last year", facts(violations=True)),
    ("2 pendng orders", facts(orders=True)),
    ("I have 1 unfinshed order", facts(orders=True)),
    ("canceld my shop", facts(store=True)),
    ("my shop was canceld last week", facts(store=True)),
    ("got a penalti", facts(violations=True)),
    ("no penalti", facts(violations=False)),
]

REAL_MESSAGE_CASES = [
    (
        "hi, i closed my aliexpress store in october, there are no orders left and no disputes. "
        "can i get my deposit back?",
        facts(store=True, orders=False, disputes=False),
    ),
    (
        "store: closed, orders: 0, violations: 0, disputes: 0",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "nothing is pending, store closed, clean record",
        facts(store=True, orders=False, violations=False),
    ),
    ("I cancelled the store but aliexpress hasn't approved it yet", facts(store=False)),
    ("I requested to close my shop, it says processing", facts(store=False)),
    (
        "my shop is closed but I still have one order the buyer hasn't confirmed",
        facts(store=True, orders=True),
    ),
    ("the buyer has not received the order yet", facts(orders=True)),
    (
        "I got a penalty for a fake tracking number but it was removed after appeal",
        facts(violations=False),
    ),
    ("the buyer opened a dispute and it is still not resolved", facts(disputes=True)),
    (
        "no disputes or violations, but 2 orders pending",
        facts(orders=True, violations=False, disputes=False),
    ),
    # an order number is not a count of orders
    ("order #12345 pending", facts(orders=True)),
    ("ORDER 8812 SHIPPED", NONE),
]

# A question and facts in one message: the question states nothing, the facts still count,
# and a comma after a state ("cancelled,") ends a clause rather than starting a list.
COMPOUND_CASES = [
    (
        "I still have 2 orders that have not been delivered, can I already apply?",
        facts(orders=True),
    ),
    (
        "there is a buyer dispute open on my store, will that stop my refund?",
        facts(disputes=True),
    ),
    ("My store is still being cancelled, can I apply already?", facts(store=False)),
    (
        "am I eligible? my store was cancelled and I do not have any unfinished orders",
        facts(store=True, orders=False),
    ),
    ("my store is cancelled, no pending orders", facts(store=True, orders=False)),
    (
        "my store is cancelled, no pending orders, no violations and no disputes. can I apply?",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "store cancelled, 0 pending orders, no violation, no dispute - can I apply?",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
    (
        "My shop has been cancelled successfully, all orders are finished, no penalties and no "
        "open disputes. Can I get my deposit back?",
        facts(store=True, orders=False, violations=False, disputes=False),
    ),
]

UNRELATED_CASES = [
    ("hello", NONE),
    ("how long is the review", NONE),
    ("thanks", NONE),
    ("what documents do I need", NONE),
    ("where is the deposit page", NONE),
    ("my refund was rejected", NONE),
    ("I applied for the refund 2 days ago", NONE),
    ("my bank account was closed", NONE),
    ("I closed the browser", NONE),
    ("I want to cancel my refund application", NONE),
    # questions and conditions state nothing
    ("is my store closed?", NONE),
    ("do I have pending orders", NONE),
    ("How do I cancel my store?", NONE),
    ("What happens if a buyer opens a dispute?", NONE),
    ("if I have a dispute can I still apply", NONE),
    ("can you check if my store is cancelled", NONE),
]

STATE_CASES = (
    STORE_CASES
    + ORDER_CASES
    + VIOLATION_CASES
    + DISPUTE_CASES
    + NEGATION_CASES
    + NUMBER_CASES
    + HEDGE_CASES
    + MULTI_FACT_CASES
    + CORRECTION_CASES
    + TYPO_CASES
    + REAL_MESSAGE_CASES
    + COMPOUND_CASES
    + UNRELATED_CASES
)
