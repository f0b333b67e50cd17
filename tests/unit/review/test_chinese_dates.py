"""Submission dates from Chinese seller messages, through `parse_submission_date` as the action
reads them, all relative to a fixed today: Thursday 26 Nov 2026 (this calendar week is Mon 23 -
Sun 29 Nov, the previous one Mon 16 - Sun 22 Nov), unless a test names another."""

from datetime import date

import pytest

from refund_assistant.languages import has_chinese
from refund_assistant.review.chinese_dates import normalise
from refund_assistant.review.submission_date import (
    MAX_AGE_DAYS,
    DateParse,
    DateStatus,
    parse_submission_date,
)

OK, NO_DATE, FUTURE, TOO_OLD = DateStatus

TODAY = date(2026, 11, 26)  # a Thursday
NEW_YEAR = date(2026, 1, 5)  # a Monday, a week after New Year
FIRST_OF_DECEMBER = date(2026, 12, 1)  # a Tuesday
SATURDAY = date(2026, 11, 28)


def parsed(text, today=TODAY):
    return parse_submission_date(text, today)


def test_the_fixed_days_are_the_weekdays_the_comments_say():
    assert (TODAY.weekday(), NEW_YEAR.weekday(), FIRST_OF_DECEMBER.weekday()) == (3, 0, 1)
    assert SATURDAY.weekday() == 5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我11月3号提交的", date(2026, 11, 3)),
        ("11月3日", date(2026, 11, 3)),
        ("11月3", date(2026, 11, 3)),
        ("11月3提交的", date(2026, 11, 3)),
        ("11 月 3 号", date(2026, 11, 3)),
        ("十一月三号", date(2026, 11, 3)),
        ("十一月三日", date(2026, 11, 3)),
        ("我是十月三十一号提交的", date(2026, 10, 31)),
        ("2026年11月3日", date(2026, 11, 3)),
        ("26年11月3号", date(2026, 11, 3)),
        ("二〇二六年十一月三日", date(2026, 11, 3)),
        ("２０２６年１１月３日", date(2026, 11, 3)),  # full-width digits
        ("2026-11-03", date(2026, 11, 3)),
        ("申请是2026-11-03提交的", date(2026, 11, 3)),
        ("我11/3提交的", date(2026, 11, 3)),
        ("我 11/3 提交的", date(2026, 11, 3)),
        ("11/3号", date(2026, 11, 3)),
        ("11.3号", date(2026, 11, 3)),
        ("11月26号", date(2026, 11, 26)),  # today
        # 3 Dec 2026 and 30 Dec 2026 are still ahead: last year's.
        ("12月3号", date(2025, 12, 3)),
        ("去年12月30号", date(2025, 12, 30)),
        ("今年3月5号", date(2026, 3, 5)),
        # English inside a Chinese sentence is still read by the English rules.
        ("我在2 Nov提交的", date(2026, 11, 2)),
        ("我11/3/2026提交", date(2026, 11, 3)),
    ],
)
def test_calendar_dates(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # Chinese writes month first: 3/11 is 11 March (the English rules would take 3 November).
        ("我3/11提交的", date(2026, 3, 11)),
        ("我11/3提交的", date(2026, 11, 3)),
        # Day first only when month first is no date.
        ("我20/10提交的", date(2026, 10, 20)),
        # Without Chinese around it, "11/3" is the English rules' (both orders: the most recent).
        ("11/3", date(2026, 11, 3)),
    ],
)
def test_numeric_dates_are_month_first_in_chinese(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("上个月15号", date(2026, 10, 15)),
        ("上月15日", date(2026, 10, 15)),
        ("上上个月15号", date(2026, 9, 15)),
        ("这个月5号", date(2026, 11, 5)),
        ("本月5日", date(2026, 11, 5)),
        ("上个月底", date(2026, 10, 31)),
        ("上月末", date(2026, 10, 31)),
        # A day alone: the latest such day not after today.
        ("我15号提交的", date(2026, 11, 15)),
        ("我是1号提交的", date(2026, 11, 1)),
        ("三号", date(2026, 11, 3)),
        ("26号", date(2026, 11, 26)),  # today
        ("30号", date(2026, 10, 30)),  # 30 Nov is still ahead
        ("31号", date(2026, 10, 31)),  # November has no 31st
        # Shopping festivals: Singles' Day and Double Twelve (still ahead on 26 Nov).
        ("双十一那天申请的", date(2026, 11, 11)),
        ("双11提交的", date(2026, 11, 11)),
        ("雙十一交的", date(2026, 11, 11)),
        ("双十二交的", date(2025, 12, 12)),
    ],
)
def test_days_of_a_month(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 上/这/上上 name a calendar week (Monday to Sunday).
        ("上周一交的", date(2026, 11, 16)),
        ("上星期五", date(2026, 11, 20)),
        ("上个礼拜三", date(2026, 11, 18)),
        ("上周日", date(2026, 11, 22)),
        ("上上周三", date(2026, 11, 11)),
        ("这周二", date(2026, 11, 24)),
        ("本周一", date(2026, 11, 23)),
        ("这周四", date(2026, 11, 26)),  # today
        # Bare: the latest such weekday before today.
        ("周一", date(2026, 11, 23)),
        ("周三交的申请", date(2026, 11, 25)),
        ("星期一早上提交的", date(2026, 11, 23)),
        ("星期天", date(2026, 11, 22)),
        ("礼拜天", date(2026, 11, 22)),
        ("周四", date(2026, 11, 19)),  # today is Thursday: a week ago, as "on thursday"
    ],
)
def test_weekdays(text, expected):
    assert parsed(text) == DateParse(OK, expected)


def test_last_week_friday_is_in_the_previous_calendar_week():
    # On Sat 28 Nov the latest Friday is yesterday, but 上周五 is the Friday of last week.
    assert parsed("周五", SATURDAY) == DateParse(OK, date(2026, 11, 27))
    assert parsed("上周五", SATURDAY) == DateParse(OK, date(2026, 11, 20))
    assert parsed("这周五", SATURDAY) == DateParse(OK, date(2026, 11, 27))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("三天前", date(2026, 11, 23)),
        ("3天前", date(2026, 11, 23)),
        ("3日前", date(2026, 11, 23)),
        ("五天以前", date(2026, 11, 21)),
        ("十多天前", date(2026, 11, 16)),  # 多 dropped, as "over 10 days"
        ("两周前", date(2026, 11, 12)),
        ("两个星期前", date(2026, 11, 12)),
        ("三个礼拜前", date(2026, 11, 5)),
        ("半个月前", date(2026, 11, 11)),  # 15 days
        ("一个月前", date(2026, 10, 26)),
        ("一个多月前", date(2026, 10, 26)),
        ("一年前", date(2025, 11, 26)),  # 365 days: still within MAX_AGE_DAYS, as "a year ago"
        ("已经等了40天了", date(2026, 10, 17)),
        ("等了20天", date(2026, 11, 6)),
        ("提交两周了", date(2026, 11, 12)),
        ("昨天", date(2026, 11, 25)),
        ("昨晚提交的", date(2026, 11, 25)),
        ("前天", date(2026, 11, 24)),
        ("大前天", date(2026, 11, 23)),
        ("上周提交的", date(2026, 11, 19)),  # as "last week": 7 days back
        ("今天", date(2026, 11, 26)),
        ("今天刚提交", date(2026, 11, 26)),
    ],
)
def test_relative_dates(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, today, expected",
    [
        # Back from Thu 26 Nov: Wed 25=1, Tue 24=2, Mon 23=3.
        ("3个工作日前", TODAY, date(2026, 11, 23)),
        # 25, 24, 23, the weekend skipped, Fri 20=4, Thu 19=5.
        ("5个工作日前", TODAY, date(2026, 11, 19)),
        # Back from Fri 9 Oct 2026: Thu 8=1, 1-7 Oct National Day off, Wed 30 Sep=2, Tue 29=3.
        ("已经3个工作日了", date(2026, 10, 9), date(2026, 9, 29)),
    ],
)
def test_working_days_ago_use_chinas_calendar(text, today, expected):
    assert parsed(text, today) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我是上周一交的申请", date(2026, 11, 16)),
        ("申请是11月3号提交的，现在还没结果", date(2026, 11, 3)),
        ("你好，我的退款申请三天前提交的，什么时候有结果？", date(2026, 11, 23)),
        # A calendar date beats 今天, which is small talk here.
        ("我今天想问一下，我11月3号提交的", date(2026, 11, 3)),
        # Two relative expressions: the first in the text.
        ("我昨天提交的，明天会有结果吗", date(2026, 11, 25)),
        # 上周一直 is "all along since last week", not last Monday.
        ("上周一直在等", date(2026, 11, 19)),
    ],
)
def test_dates_inside_sentences(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("11月3號", date(2026, 11, 3)),
        ("十一月三號", date(2026, 11, 3)),
        ("上週一", date(2026, 11, 16)),
        ("我是上週一交的申請", date(2026, 11, 16)),
        ("上個禮拜三", date(2026, 11, 18)),
        ("這週二", date(2026, 11, 24)),
        ("三天前提交的", date(2026, 11, 23)),
        ("兩週前", date(2026, 11, 12)),
        ("上個月15號", date(2026, 10, 15)),
        ("申請是11月3號提交的，現在還沒結果", date(2026, 11, 3)),
    ],
)
def test_traditional_characters(text, expected):
    assert parsed(text) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 30 Dec 2026 is ahead on 5 Jan 2026: last year's.
        ("12月30号", date(2025, 12, 30)),
        ("我12/30提交的", date(2025, 12, 30)),
        ("30号", date(2025, 12, 30)),
        ("1月3号", date(2026, 1, 3)),
        ("1月6号", date(2025, 1, 6)),  # tomorrow's date: last year's, 364 days ago
        ("上周五", date(2026, 1, 2)),
        ("上周一", date(2025, 12, 29)),
        ("上上周三", date(2025, 12, 24)),
        ("周一", date(2025, 12, 29)),  # today is Monday: a week ago
        ("周日", date(2026, 1, 4)),
        ("上个月15号", date(2025, 12, 15)),
        ("上个月底", date(2025, 12, 31)),
        ("三天前", date(2026, 1, 2)),
        ("一个月前", date(2025, 12, 5)),
        ("昨天", date(2026, 1, 4)),
    ],
)
def test_across_the_new_year(text, expected):
    assert parsed(text, NEW_YEAR) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("上周五", date(2026, 11, 27)),
        ("上个月底", date(2026, 11, 30)),
        ("30号", date(2026, 11, 30)),
        ("31号", date(2026, 10, 31)),
        ("周二", date(2026, 11, 24)),  # today is Tuesday: a week ago
        ("这周二", date(2026, 12, 1)),  # today
        ("1号", date(2026, 12, 1)),  # today
    ],
)
def test_across_a_month_boundary(text, expected):
    assert parsed(text, FIRST_OF_DECEMBER) == DateParse(OK, expected)


@pytest.mark.parametrize(
    "text",
    [
        "审核要多久",
        "我的申请还没结果",
        "上个月提交的",  # vague, as "last month"
        "前几天提交的",  # vague, as "a few days ago"
        "上周末",
        "审核要7-15个工作日吗",
        "7到15个工作日",
        "审核需要7-15日",
        "7/15个工作日",
        "周一到周五算工作日吗",
        "每周一更新吗",
        "一周一次",
        "要15天吗",
        "30天内会退吗",
        "3日内",
        "保证金10000元",
        "退了11.3元",
        "订单号8123456789",
        "提交日期是什么",
        "第3号",
        "一月三次",
        "24/7客服",
        "11月31号",  # no such day; not "the 31st" either
        "之前天天等",
        "我的store已经closed了",
        "正月初三",  # lunar dates are not read
    ],
)
def test_no_date(text):
    assert parsed(text) == DateParse(NO_DATE, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("明天", date(2026, 11, 27)),
        ("后天", date(2026, 11, 28)),
        ("下周一", date(2026, 11, 30)),
        ("这周五", date(2026, 11, 27)),
        ("下个月5号", date(2026, 12, 5)),
        ("2026年12月2日", date(2026, 12, 2)),
        ("2026/11/30", date(2026, 11, 30)),
    ],
)
def test_future(text, expected):
    assert parsed(text) == DateParse(FUTURE, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("两年前", date(2024, 11, 26)),
        ("2025年3月1日", date(2025, 3, 1)),
        ("前年3月1号", date(2024, 3, 1)),
        ("2月29号", date(2024, 2, 29)),  # the latest 29 February
    ],
)
def test_too_old(text, expected):
    assert parsed(text) == DateParse(TOO_OLD, expected)


def test_max_age_boundary():
    assert MAX_AGE_DAYS == 366
    assert parsed("2025年11月25日") == DateParse(OK, date(2025, 11, 25))
    assert parsed("2025年11月24日") == DateParse(TOO_OLD, date(2025, 11, 24))


@pytest.mark.parametrize(
    "english, chinese",
    [
        ("3 days ago", "三天前"),
        ("two weeks ago", "两周前"),
        ("a month ago", "一个月前"),
        ("2 years ago", "两年前"),
        ("yesterday", "昨天"),
        ("the day before yesterday", "前天"),
        ("today", "今天"),
        ("tomorrow", "明天"),
        ("last week", "上周"),
        ("on monday", "周一"),
        ("on thursday", "周四"),
        ("on sunday", "周日"),
        ("30 November", "11月30号"),
        ("2 November", "11月2号"),
        ("31 December", "12月31号"),
        ("the 27th", "27号"),
        ("the 31st", "31号"),
        ("3 working days ago", "3个工作日前"),
        ("how long does the review take?", "审核要多久？"),
    ],
)
@pytest.mark.parametrize("today", [TODAY, NEW_YEAR, FIRST_OF_DECEMBER, SATURDAY])
def test_chinese_reads_as_the_english_rules_do(english, chinese, today):
    assert parsed(chinese, today) == parsed(english, today)


def test_normalise_gives_the_english_rules_word_boundaries_but_not_counts():
    assert normalise("申請是2026-11-03提交的") == "申请是 2026-11-03 提交的"
    assert normalise("我11/3號提交") == "我 11/3号提交"
    assert normalise("７/15個工作日") == "7/15个工作日"
    assert has_chinese("上週一") and not has_chinese("2026-11-03")
