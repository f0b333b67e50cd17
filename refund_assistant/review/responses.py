"""Which domain response tells a seller where their review stands.

Why here: the review-window action says it, and the blind-set scorer checks that the bot said
the right one; both must make the same choice, including the "just closed" case (overdue on the
weekend after the deadline, with no working day missed yet).
"""

from __future__ import annotations

from collections.abc import Mapping

from refund_assistant.review.window import ReviewStatus, ReviewWindow

STATUS_RESPONSES: Mapping[ReviewStatus, str] = {
    ReviewStatus.NOT_YET_DUE: "utter_review_window_not_yet_due",
    ReviewStatus.IN_WINDOW: "utter_review_window_in_window",
    ReviewStatus.OVERDUE: "utter_review_window_overdue",
}
WINDOW_JUST_CLOSED_RESPONSE = "utter_review_window_just_closed"
WINDOW_RESPONSES = frozenset(STATUS_RESPONSES.values()) | {WINDOW_JUST_CLOSED_RESPONSE}


def window_response(window: ReviewWindow) -> str:
    if window.status is ReviewStatus.OVERDUE and window.overdue_by == 0:
        return WINDOW_JUST_CLOSED_RESPONSE
    return STATUS_RESPONSES[window.status]
