"""Working-day arithmetic for the deposit-refund review window.

AliExpress usually completes the deposit-refund review within 7 to 15 working days after it
receives the application. Its reviewers follow mainland China's official calendar, so "working
day" means: weekends and public holidays off, the official weekend make-up working days ON.

`chinese_calendar` holds that official calendar, including the make-up days, but only for the
years it ships data for (it raises NotImplementedError outside them). For other years we fall back
to Monday-Friday minus the rule-based holidays of `holidays.China`, which cannot know the make-up
days the State Council announces each year, so any window touching such a year is an ESTIMATE.

Pure Python on purpose (no Rasa imports) so it can be unit-tested with fixed dates.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Optional

import chinese_calendar
import holidays
import pytz

# --- the rules, in one place -------------------------------------------------------------------
REVIEW_FIRST_WORKING_DAY = 7  # the review is usually done from working day 7 ...
REVIEW_LAST_WORKING_DAY = 15  # ... up to and including working day 15 after the application
DEFAULT_REVIEW_TIMEZONE = "Asia/Shanghai"  # AliExpress reviews on Beijing time
REVIEW_TIMEZONE_ENV = "REVIEW_TIMEZONE"

NOT_YET_DUE = "not_yet_due"
IN_WINDOW = "in_window"
OVERDUE = "overdue"

# Rule-based Chinese public holidays; the object fills in further years on first lookup.
_FALLBACK_HOLIDAYS = holidays.country_holidays("CN")


def is_official(day: date) -> bool:
    """True when `chinese_calendar` has the official calendar (make-up days included) for `day`."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def is_working_day(day: date) -> bool:
    """Is `day` a working day in mainland China?

    Official calendar where known; otherwise Mon-Fri minus rule-based public holidays (see module
    docstring: the fallback has no make-up working days, so it is only an estimate).
    """
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5 and day not in _FALLBACK_HOLIDAYS


def working_days_after(start: date, count: int) -> date:
    """The `count`-th working day after `start` (the start day itself is never counted).

    Day 1 is the first working day AFTER `start`, matching "within N working days after the
    application is received". `count=0` returns `start` unchanged.
    """
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_before(end: date, count: int) -> date:
    """The `count`-th working day before `end`, for "I applied 3 working days ago".

    Counting back from `end` (not counted itself): with `end` a Thursday, 1 is Wednesday and 3 is
    Monday, so that `working_days_between(result, end)` is `count` whenever `end` is a working day.
    """
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    day = end
    while count:
        day -= timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in the half-open range (start, end]; 0 when `end` is not after `start`."""
    count = 0
    day = start + timedelta(days=1)
    while day <= end:
        count += is_working_day(day)
        day += timedelta(days=1)
    return count


def _tz(tz_name: str):
    """The pytz zone for an IANA name, or ValueError (a config mistake should say what is wrong)."""
    try:
        return pytz.timezone(tz_name)
    except pytz.UnknownTimeZoneError:
        raise ValueError(
            f"Unknown time zone {tz_name!r}: use an IANA name such as {DEFAULT_REVIEW_TIMEZONE!r}"
        ) from None


def today_in(tz_name: str, now: Optional[datetime] = None) -> date:
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


def review_timezone() -> str:
    """The review time zone: env REVIEW_TIMEZONE (blank counts as unset), default Asia/Shanghai.

    Raises ValueError naming the variable when it holds an unknown zone, so a typo in the
    deployment fails loudly instead of silently shifting every "today" by hours.
    """
    name = os.environ.get(REVIEW_TIMEZONE_ENV, "").strip() or DEFAULT_REVIEW_TIMEZONE
    try:
        _tz(name)
    except ValueError as error:
        raise ValueError(f"{REVIEW_TIMEZONE_ENV}: {error}") from None
    return name


@dataclass(frozen=True)
class ReviewWindow:
    """Where a seller's review stands on `today`; all counts are in working days."""

    submitted: date
    today: date
    earliest: date  # working day 7 after `submitted`
    latest: date  # working day 15 after `submitted`
    working_days_passed: int  # working days in (submitted, today]
    status: str  # NOT_YET_DUE (today < earliest), IN_WINDOW, OVERDUE (today > latest)
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
        status = NOT_YET_DUE
    elif today <= latest:
        status = IN_WINDOW
    else:
        status = OVERDUE
    # chinese_calendar covers one contiguous run of years, so checking both ends covers every day.
    estimated = not (is_official(submitted) and is_official(max(latest, today)))
    return ReviewWindow(
        submitted=submitted,
        today=today,
        earliest=earliest,
        latest=latest,
        working_days_passed=working_days_between(submitted, today),
        status=status,
        overdue_by=working_days_between(latest, today) if status == OVERDUE else 0,
        estimated=estimated,
    )
