"""Where a seller's review stands: the expected window and its status on a given day.

The guide says the review is usually done within 7 to 15 working days after AliExpress receives
the application (facts.md S4). Day 1 is the first working day after the submission; the window
runs from working day 7 to working day 15 inclusive. "Today" is the reviewers' date (Beijing
time by default), not the server's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum

import pytz

from refund_assistant.review.calendar import is_official, working_days_after, working_days_between
from refund_assistant.settings import DEFAULT_REVIEW_TIMEZONE

REVIEW_FIRST_WORKING_DAY = 7  # the review is usually done from working day 7 ...
REVIEW_LAST_WORKING_DAY = 15  # ... up to and including working day 15 after the application


class ReviewStatus(str, Enum):
    """Where the review stands; the value fills the `review_status` slot."""

    NOT_YET_DUE = "not_yet_due"  # before working day 7
    IN_WINDOW = "in_window"
    OVERDUE = "overdue"  # after working day 15


def _tz(tz_name: str) -> pytz.BaseTzInfo:
    """The pytz zone for an IANA name, or ValueError (a config mistake should say what is wrong)."""
    try:
        return pytz.timezone(tz_name)
    except pytz.UnknownTimeZoneError:
        raise ValueError(
            f"Unknown time zone {tz_name!r}: use an IANA name such as {DEFAULT_REVIEW_TIMEZONE!r}"
        ) from None


def today_in(tz_name: str, now: datetime | None = None) -> date:
    """The calendar date in `tz_name` at `now` (default: the real clock).

    "Today" must be the reviewers' date, not the server's: at 01:00 in Shanghai it is still the
    previous day in UTC. A naive `now` is taken as UTC.
    """
    tz = _tz(tz_name)
    if now is None:
        now = datetime.now(timezone.utc)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    return now.astimezone(tz).date()


@dataclass(frozen=True)
class ReviewWindow:
    """Where a seller's review stands on `today`; all counts are in working days."""

    submitted: date
    today: date
    earliest: date  # working day 7 after `submitted`
    latest: date  # working day 15 after `submitted`
    working_days_passed: int  # working days in (submitted, today]
    status: ReviewStatus  # NOT_YET_DUE (today < earliest), IN_WINDOW, OVERDUE (today > latest)
    overdue_by: int  # working days in (latest, today]; 0 unless overdue (also 0 on the weekend
    # right after a Friday deadline: overdue, yet no working day missed)
    estimated: bool  # some day in [submitted, max(latest, today)] used the fallback calendar


def review_window(submitted: date, today: date) -> ReviewWindow:
    """The expected review window for an application submitted on `submitted`, seen on `today`."""
    if today < submitted:
        raise ValueError(f"today ({today}) is before the submission date ({submitted})")
    earliest = working_days_after(submitted, REVIEW_FIRST_WORKING_DAY)
    latest = working_days_after(submitted, REVIEW_LAST_WORKING_DAY)
    if today < earliest:
        status = ReviewStatus.NOT_YET_DUE
    elif today <= latest:
        status = ReviewStatus.IN_WINDOW
    else:
        status = ReviewStatus.OVERDUE
    # chinese_calendar covers one contiguous run of years, so checking both ends covers every day.
    estimated = not (is_official(submitted) and is_official(max(latest, today)))
    return ReviewWindow(
        submitted=submitted,
        today=today,
        earliest=earliest,
        latest=latest,
        working_days_passed=working_days_between(submitted, today),
        status=status,
        overdue_by=working_days_between(latest, today) if status is ReviewStatus.OVERDUE else 0,
        estimated=estimated,
    )
