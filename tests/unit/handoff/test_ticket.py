"""A handoff ticket reads on its own for an agent who never saw the chat."""

from datetime import datetime, timezone

from refund_assistant.handoff import ticket as handoff
from tests.support import bot_event as bot
from tests.support import user_event as user


def test_ticket_ids_are_short_and_unambiguous():
    ids = {handoff.new_ticket_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 9 and i.startswith("RA-") and not set(i[3:]) & set("01IO") for i in ids)


def test_ticket_reads_on_its_own():
    events = [
        user("when will my review finish, i applied 1 october", "ask_review_deadline", 1.0),
        bot("utter_review_window_overdue", "You applied on Thu 1 Oct 2026..."),
    ]
    slots = {
        "submission_date": "2026-10-01",
        "review_earliest": "2026-10-16",
        "review_latest": "2026-10-28",
        "review_status": "overdue",
    }
    ticket = handoff.build_ticket(
        events=events,
        slots=slots,
        reason="overdue_review",
        channel="rest",
        seller_id="s1",
        now=datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc),
        ticket_id="RA-TEST23",
    )
    assert ticket.summary == (
        "Handed over because the seller's refund review is overdue. "
        'The seller asked: "when will my review finish, i applied 1 october". '
        "Store, as the seller described it: nothing said about the store. "
        "Review: applied 2026-10-01, expected 2026-10-16 to 2026-10-28, status overdue."
    )
    assert ticket.created_at == "2026-11-26T09:00:00+00:00"
