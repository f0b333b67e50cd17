"""Working days in mainland China, for the deposit-refund review window.

AliExpress usually completes the deposit-refund review within 7 to 15 working days after it
receives the application (`window`). Its reviewers follow mainland China's official calendar, so "working
day" means: weekends and public holidays off, the official weekend make-up working days ON.

`chinese_calendar` holds that official calendar, including the make-up days, but only for the
years it ships data for (it raises NotImplementedError outside them). For other years we fall back
to Monday-Friday minus the rule-based holidays of `holidays.China`, which cannot know the make-up
days the State Council announces each year, so any window touching such a year is an ESTIMATE.

"""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import holidays

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
        return bool(chinese_calendar.is_workday(day))
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
