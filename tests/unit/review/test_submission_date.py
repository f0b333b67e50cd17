"""Submission dates from seller messages, all relative to a fixed today: Thursday 26 Nov 2026."""

from datetime import date

import pytest

from refund_assistant.review.submission_date import (
    MAX_AGE_DAYS,
    DateParse,
    DateStatus,
    parse_submission_date,
)

OK, NO_DATE, FUTURE, TOO_OLD = DateStatus

TODAY = date(2026, 11, 26)  # a Thursday


def parsed(text, today=TODAY):
    return parse_submission_date(text, today)


def test_today_is_a_thursday():
    assert TODAY.weekday() == 3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I submitted on 2 November, when will the review be done?", date(2026, 11, 2)),
        ("i applied on 2 nov", date(2026, 11, 2)),
        ("i submitted november 2nd, when do i get result", date(2026, 11, 2)),
        ("Nov. 2, 2026", date(2026, 11, 2)),
        ("I sent it on Monday 2 November", date(2026, 11, 2)),
        ("2-Nov-2026", date(2026, 11, 2)),
        ("i applied on the 12th of october", date(2026, 10, 12)),
        ("my refund application pending since 28 sept", date(2026, 9, 28)),
        ("application submitted 2026-10-19, when review ends?", date(2026, 10, 19)),
        ("2026/10/05", date(2026, 10, 5)),
        ("applied 19.10.2026 when will review be ready", date(2026, 10, 19)),
        ("applied 19/10/26", date(2026, 10, 19)),
        ("should my review be done already? sent on 20/10", date(2026, 10, 20)),
        ("05.10", date(2026, 10, 5)),
        # 30 Nov 2026 is still ahead, so "30 November" is last year's.
        ("I sent it on 30 November", date(2025, 11, 30)),
        ("I applied on 3 may", date(2026, 5, 3)),
    ],
)
def test_absolute_dates(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Only one order is valid.
        ("10/19", date(2026, 10, 19)),  # MDY: no 19th month
        ("13/02", date(2026, 2, 13)),  # DMY
        ("02/13", date(2026, 2, 13)),  # MDY; dateparser alone (DMY) says 2 Nov 2013
        ("10/19/2026", date(2026, 10, 19)),
        # Both orders valid: the more recent past reading (2 Nov, not 11 Feb).
        ("applied 02/11 when will they answer", date(2026, 11, 2)),
        ("11/02", date(2026, 11, 2)),
        ("i sent the refund application 11/2, how long more", date(2026, 11, 2)),
        ("5/10/2026", date(2026, 10, 5)),  # 5 Oct (DMY) beats 10 May (MDY)
        ("12/12", date(2025, 12, 12)),  # both orders agree; 12 Dec 2026 is ahead
    ],
)
def test_ambiguous_numeric_dates(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("today", date(2026, 11, 26)),
        ("i applied today, when can i expect the result", date(2026, 11, 26)),
        ("this morning", date(2026, 11, 26)),
        ("yesterday", date(2026, 11, 25)),
        ("applied the day before yesterday, when will they reply", date(2026, 11, 24)),
        ("3 days ago", date(2026, 11, 23)),  # 26 - 3
        ("applied 3 days ago when will i hear back", date(2026, 11, 23)),
        ("two weeks ago", date(2026, 11, 12)),  # 26 - 14
        ("its been 2 weeks since i applied", date(2026, 11, 12)),
        ("ten days back", date(2026, 11, 16)),
        ("a month ago", date(2026, 10, 26)),
        ("it's been 40 days and no answer", date(2026, 10, 17)),  # 26 Nov - 40 days
        ("It\u2019s been 40 days (and no answer)", date(2026, 10, 17)),
        ("40 days ago", date(2026, 10, 17)),
        ("45 days waiting for review, is something wrong", date(2026, 10, 12)),
        ("is it normal that review takes 25 days already", date(2026, 11, 1)),
    ],
)
def test_relative_dates(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, today, expected",
    [
        # Back from Thu 26 Nov: Wed 25=1, Tue 24=2, Mon 23=3.
        ("I applied 3 working days ago", TODAY, date(2026, 11, 23)),
        ("it's been 3 business days", TODAY, date(2026, 11, 23)),
        # Back from Thu 26 Nov: 25, 24, 23, then the weekend is skipped, Fri 20=4, Thu 19=5.
        ("5 working days ago", TODAY, date(2026, 11, 19)),
        # Back from Fri 9 Oct 2026: Thu 8=1, 1-7 Oct National Day off, Wed 30 Sep=2, Tue 29=3.
        ("3 working days ago", date(2026, 10, 9), date(2026, 9, 29)),
        # Back from Mon 12 Oct 2026: Sat 10 Oct is a make-up working day: Sat 10=1, Fri 9=2.
        ("2 working days ago", date(2026, 10, 12), date(2026, 10, 9)),
    ],
)
def test_working_days_ago_use_chinas_calendar(text, today, expected):
    assert parsed(text, today) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # The latest such weekday before Thursday 26 Nov.
        ("last Monday", date(2026, 11, 23)),
        ("I applied on monday", date(2026, 11, 23)),
        ("applied on friday, when should the review be over", date(2026, 11, 20)),
        ("on sat", date(2026, 11, 21)),
        ("last sat", date(2026, 11, 21)),  # dateparser alone: None
        ("this past monday", date(2026, 11, 23)),  # dateparser alone: None
        ("on thursday", date(2026, 11, 19)),  # today is Thursday: a week ago
        # The Thursday of the previous Monday-Sunday week.
        ("applied last week thursday, when result", date(2026, 11, 19)),
    ],
)
def test_weekdays(text, expected):
    assert parsed(text) == DateParse(OK, expected)


def test_last_week_weekday_is_in_the_previous_calendar_week():
    # On Fri 27 Nov the latest Thursday is the 26th, but "last week thursday" is the 19th.
    assert parsed("last week thursday", date(2026, 11, 27)) == DateParse(OK, date(2026, 11, 19))
    assert parsed("last thursday", date(2026, 11, 27)) == DateParse(OK, date(2026, 11, 26))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i applied on the 19th, when will it be approved", date(2026, 11, 19)),
        ("the 19th", date(2026, 11, 19)),
        ("on the 26th", date(2026, 11, 26)),  # today
        ("the 27th", date(2026, 10, 27)),  # 27 Nov is still ahead; dateparser alone: 27 Nov
        ("the 31st", date(2026, 10, 31)),  # November has no 31st
        ("i think it was on the 3rd", date(2026, 11, 3)),
    ],
)
def test_day_of_month(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text",
    [
        "how long does the review take?",
        "I applied for the refund",
        "step 3 takes 7-15 working days?",
        "the review takes 7 to 15 working days",
        "is it 15 working days or 15 days?",
        "step 3 may take longer",
        "May I ask when my deposit comes back?",
        "I sat by the phone all day",
        "the 2nd time I applied",
        "we offer 24/7 support",
        "I paid 12.10 usd",
        "i have 2 questions about order 8123456789",
        "is my review overdue",
        "review is taking forever, i applied beginning of october",
        "",
    ],
)
def test_no_date(text):
    assert parsed(text) == DateParse(NO_DATE, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I submitted on 2 December 2026", date(2026, 12, 2)),
        ("30/11/2026", date(2026, 11, 30)),
        ("tomorrow", date(2026, 11, 27)),
        ("next monday", date(2026, 11, 30)),
    ],
)
def test_future(text, expected):
    assert parsed(text) == DateParse(FUTURE, expected)


def test_max_age_boundary():
    # 26 Nov 2026 - 366 days = 25 Nov 2025 (2026 is not a leap year, so 365 days = 26 Nov 2025).
    assert MAX_AGE_DAYS == 366
    assert parsed("25 November 2025") == DateParse(OK, date(2025, 11, 25))
    assert parsed("24 November 2025") == DateParse(TOO_OLD, date(2025, 11, 24))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I applied on 1 March 2025", date(2025, 3, 1)),
        ("2 years ago", date(2024, 11, 26)),
    ],
)
def test_too_old(text, expected):
    assert parsed(text) == DateParse(TOO_OLD, expected)


def test_calendar_date_beats_relative_words():
    # "today" is small talk here; the calendar date is the submission.
    assert parsed("Hi, today I want to ask: I submitted on 2 Nov") == DateParse(
        OK, date(2026, 11, 2)
    )
    # Two relative expressions: the first one in the text.
    assert parsed("I applied yesterday, will it be done by monday?") == DateParse(
        OK, date(2026, 11, 25)
    )
