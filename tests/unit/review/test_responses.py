"""The response that tells a seller where their review stands, on hand-counted windows."""

from datetime import date

from refund_assistant.review.responses import window_response
from refund_assistant.review.window import review_window

# Submitted Mon 2 Nov 2026: working day 7 = Wed 11 Nov, working day 15 = Mon 23 Nov.


def test_before_in_and_after_the_window():
    submitted = date(2026, 11, 2)
    assert window_response(review_window(submitted, date(2026, 11, 10))) == (
        "utter_review_window_not_yet_due"
    )
    assert window_response(review_window(submitted, date(2026, 11, 23))) == (
        "utter_review_window_in_window"
    )
    assert window_response(review_window(submitted, date(2026, 11, 24))) == (
        "utter_review_window_overdue"
    )


def test_the_weekend_after_a_friday_deadline_is_just_closed():
    # Submitted Fri 30 Oct 2026: working day 15 = Fri 20 Nov; Sat 21 Nov misses no working day.
    window = review_window(date(2026, 10, 30), date(2026, 11, 21))
    assert window.overdue_by == 0
    assert window_response(window) == "utter_review_window_just_closed"
