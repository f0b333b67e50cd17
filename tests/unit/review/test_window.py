"""Review-window arithmetic on fixed dates, each checked against a hand count in a comment.

2026 data (chinese_calendar 1.11): Spring Festival off Sun 15 Feb - Mon 23 Feb, make-up Sat 14 Feb
and Sat 28 Feb; Mid-Autumn off Fri 25 - Sun 27 Sep; National Day off Thu 1 - Wed 7 Oct, make-up
Sun 20 Sep and Sat 10 Oct. 2027 is not covered, so the fallback calendar applies there.
"""

from datetime import date, datetime, timedelta, timezone

import pytest

from refund_assistant.review.calendar import (
    is_official,
    is_working_day,
    working_days_after,
    working_days_before,
    working_days_between,
)
from refund_assistant.review.window import ReviewStatus, review_window, today_in

NOT_YET_DUE, IN_WINDOW, OVERDUE = ReviewStatus

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def naive_weekdays_after(start: date, count: int) -> date:
    """Mon-Fri only, no holidays: what a calendar-blind count would say."""
    day = start
    while count:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def test_ordinary_november_weeks():
    # Submitted Mon 2 Nov 2026, no holidays in November:
    # Tue 3=1, Wed 4=2, Thu 5=3, Fri 6=4, Mon 9=5, Tue 10=6, Wed 11=7  -> earliest Wed 11 Nov
    # Thu 12=8, Fri 13=9, Mon 16=10, Tue 17=11, Wed 18=12, Thu 19=13, Fri 20=14, Mon 23=15
    #                                                                   -> latest Mon 23 Nov
    w = review_window(date(2026, 11, 2), today=date(2026, 11, 2))
    assert (w.earliest, w.earliest.weekday()) == (date(2026, 11, 11), WED)
    assert (w.latest, w.latest.weekday()) == (date(2026, 11, 23), MON)
    assert w.working_days_passed == 0
    assert w.status == NOT_YET_DUE and w.overdue_by == 0
    assert w.estimated is False


def test_day_one_is_the_first_working_day_after_a_weekend_submission():
    # Submitted Sat 7 Nov 2026: Mon 9=1, ... Fri 13=5, Mon 16=6, Tue 17=7 -> earliest Tue 17 Nov
    # Wed 18=8, Thu 19=9, Fri 20=10, Mon 23=11, Tue 24=12, Wed 25=13, Thu 26=14, Fri 27=15
    w = review_window(date(2026, 11, 7), today=date(2026, 11, 7))
    assert (w.earliest, w.earliest.weekday()) == (date(2026, 11, 17), TUE)
    assert (w.latest, w.latest.weekday()) == (date(2026, 11, 27), FRI)


def test_national_day_2026_pushes_the_window_back_a_week():
    # Submitted Thu 24 Sep 2026.
    # Fri 25-Sun 27 Mid-Autumn off; Mon 28=1, Tue 29=2, Wed 30=3; Thu 1-Wed 7 Oct National Day off;
    # Thu 8=4, Fri 9=5, Sat 10 (make-up)=6, Sun 11 off, Mon 12=7        -> earliest Mon 12 Oct
    # Tue 13=8, Wed 14=9, Thu 15=10, Fri 16=11, Mon 19=12, Tue 20=13, Wed 21=14, Thu 22=15
    #                                                                   -> latest Thu 22 Oct
    # A naive Mon-Fri count gives Mon 5 Oct and Thu 15 Oct: one week too early.
    submitted = date(2026, 9, 24)
    w = review_window(submitted, today=submitted)
    assert (w.earliest, w.earliest.weekday()) == (date(2026, 10, 12), MON)
    assert (w.latest, w.latest.weekday()) == (date(2026, 10, 22), THU)
    assert w.estimated is False

    naive_earliest = naive_weekdays_after(submitted, 7)
    naive_latest = naive_weekdays_after(submitted, 15)
    assert (naive_earliest, naive_latest) == (date(2026, 10, 5), date(2026, 10, 15))
    assert w.earliest - naive_earliest >= timedelta(days=7)
    assert w.latest - naive_latest >= timedelta(days=7)


def test_national_day_2026_holidays_and_make_up_days():
    # Thu 1 - Wed 7 Oct off (Sat 3 / Sun 4 too, of course); Thu 8 Oct back at work.
    assert not any(is_working_day(date(2026, 10, d)) for d in range(1, 8))
    assert is_working_day(date(2026, 10, 8))
    # Mid-Autumn: Fri 25 Sep is a holiday.
    assert not is_working_day(date(2026, 9, 25))
    # 30 Sep -> 12 Oct: Oct 8, 9, 10 (Sat, make-up), 12 = 4 working days.
    assert working_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 4


def test_spring_festival_2026():
    # Submitted Tue 10 Feb 2026.
    # Wed 11=1, Thu 12=2, Fri 13=3, Sat 14 (make-up)=4; Sun 15-Mon 23 Spring Festival off;
    # Tue 24=5, Wed 25=6, Thu 26=7                                      -> earliest Thu 26 Feb
    # Fri 27=8, Sat 28 (make-up)=9, Mon 2 Mar=10, Tue 3=11, Wed 4=12, Thu 5=13, Fri 6=14, Mon 9=15
    #                                                                   -> latest Mon 9 Mar
    # Naive Mon-Fri count: Thu 19 Feb and Tue 3 Mar.
    submitted = date(2026, 2, 10)
    w = review_window(submitted, today=submitted)
    assert (w.earliest, w.earliest.weekday()) == (date(2026, 2, 26), THU)
    assert (w.latest, w.latest.weekday()) == (date(2026, 3, 9), MON)
    assert naive_weekdays_after(submitted, 7) == date(2026, 2, 19)
    assert naive_weekdays_after(submitted, 15) == date(2026, 3, 3)
    assert w.estimated is False


@pytest.mark.parametrize(
    "make_up_day",
    [date(2026, 2, 14), date(2026, 2, 28), date(2026, 9, 20), date(2026, 10, 10)],
)
def test_weekend_make_up_day_is_a_working_day(make_up_day):
    # Sat 14 Feb, Sat 28 Feb (Spring Festival), Sun 20 Sep, Sat 10 Oct (National Day) 2026.
    assert make_up_day.weekday() in (SAT, SUN)
    assert is_working_day(make_up_day) is True


def test_ordinary_weekend_is_not_a_working_day():
    assert is_working_day(date(2026, 2, 7)) is False  # Sat
    assert is_working_day(date(2026, 11, 8)) is False  # Sun


def test_window_crossing_into_2027_is_an_estimate():
    # Submitted Mon 21 Dec 2026.
    # Tue 22=1, Wed 23=2, Thu 24=3, Fri 25=4, Mon 28=5, Tue 29=6, Wed 30=7  -> earliest Wed 30 Dec
    # Thu 31=8; Fri 1 Jan 2027 New Year off; Sat 2/Sun 3 off;
    # Mon 4=9, Tue 5=10, Wed 6=11, Thu 7=12, Fri 8=13, Mon 11=14, Tue 12=15 -> latest Tue 12 Jan
    w = review_window(date(2026, 12, 21), today=date(2026, 12, 22))
    assert (w.earliest, w.earliest.weekday()) == (date(2026, 12, 30), WED)
    assert (w.latest, w.latest.weekday()) == (date(2027, 1, 12), TUE)
    assert w.estimated is True

    assert is_official(date(2026, 12, 31)) and not is_official(date(2027, 1, 4))
    assert is_working_day(date(2027, 1, 1)) is False  # New Year (fallback holiday list)
    assert is_working_day(date(2027, 1, 2)) is False  # Sat
    assert is_working_day(date(2027, 1, 4)) is True  # Mon


def test_window_inside_2026_seen_from_2027_is_an_estimate():
    # The window itself is official, but "today" is in an uncovered year.
    w = review_window(date(2026, 12, 1), today=date(2027, 1, 20))
    assert w.status == OVERDUE and w.estimated is True


@pytest.mark.parametrize(
    "today, status, passed, overdue_by",
    [
        # Submitted Mon 2 Nov 2026; earliest Wed 11 Nov (day 7), latest Mon 23 Nov (day 15).
        (date(2026, 11, 10), NOT_YET_DUE, 6, 0),  # Tue 10 = day 6
        (date(2026, 11, 11), IN_WINDOW, 7, 0),  # Wed 11 = day 7, first day of the window
        (date(2026, 11, 21), IN_WINDOW, 14, 0),  # Sat 21: still day 14 (Fri 20)
        (date(2026, 11, 23), IN_WINDOW, 15, 0),  # Mon 23 = day 15, last day of the window
        (date(2026, 11, 24), OVERDUE, 16, 1),  # Tue 24 = 1 working day late
        (date(2026, 11, 26), OVERDUE, 18, 3),  # Tue 24, Wed 25, Thu 26 = 3 late
        (date(2026, 11, 30), OVERDUE, 20, 5),  # + Fri 27, Mon 30 (weekend not counted) = 5 late
    ],
)
def test_statuses(today, status, passed, overdue_by):
    w = review_window(date(2026, 11, 2), today=today)
    assert (w.status, w.working_days_passed, w.overdue_by) == (status, passed, overdue_by)


def test_overdue_on_the_weekend_after_a_friday_deadline():
    # Submitted Fri 6 Nov 2026: Mon 9=1 ... Tue 17=7, ... Fri 27=15 (latest).
    # Sat 28 is past the window, yet no working day has been missed: overdue by 0.
    w = review_window(date(2026, 11, 6), today=date(2026, 11, 28))
    assert w.latest == date(2026, 11, 27)
    assert (w.status, w.overdue_by, w.working_days_passed) == (OVERDUE, 0, 15)


def test_today_before_submission_is_rejected():
    with pytest.raises(ValueError):
        review_window(date(2026, 11, 10), today=date(2026, 11, 9))


def test_working_day_counting_helpers():
    # (Mon 2 Nov, Mon 9 Nov] = Tue, Wed, Thu, Fri, Mon = 5; empty and reversed ranges = 0.
    assert working_days_between(date(2026, 11, 2), date(2026, 11, 9)) == 5
    assert working_days_between(date(2026, 11, 2), date(2026, 11, 2)) == 0
    assert working_days_between(date(2026, 11, 9), date(2026, 11, 2)) == 0
    assert working_days_after(date(2026, 11, 2), 0) == date(2026, 11, 2)
    # Back from Fri 9 Oct 2026: Thu 8=1, (1-7 Oct off), Wed 30 Sep=2, Tue 29 Sep=3.
    assert working_days_before(date(2026, 10, 9), 3) == date(2026, 9, 29)
    with pytest.raises(ValueError):
        working_days_after(date(2026, 11, 2), -1)


@pytest.mark.parametrize(
    "now, expected",
    [
        # Shanghai is UTC+8 all year: 15:59 UTC = 23:59 same day, 16:00 UTC = 00:00 next day.
        (datetime(2026, 11, 25, 15, 59, tzinfo=timezone.utc), date(2026, 11, 25)),
        (datetime(2026, 11, 25, 16, 0, tzinfo=timezone.utc), date(2026, 11, 26)),
        (datetime(2026, 11, 25, 16, 0), date(2026, 11, 26)),  # naive = UTC
    ],
)
def test_today_in_shanghai_across_midnight(now, expected):
    assert today_in("Asia/Shanghai", now=now) == expected


def test_today_in_other_zone_and_unknown_zone():
    now = datetime(2026, 11, 25, 16, 0, tzinfo=timezone.utc)
    assert today_in("UTC", now=now) == date(2026, 11, 25)
    assert today_in("America/Los_Angeles", now=now) == date(2026, 11, 25)  # 08:00 PST
    with pytest.raises(ValueError, match="Mars/Olympus"):
        today_in("Mars/Olympus", now=now)
