"""Find the day a seller submitted the refund application in a free-text message.

Why not just `dateparser.search_dates` on the whole message: inside sentences it finds dates in
words that are not dates ("may I ask" -> May, "I sat" -> Saturday, "7-15 working days" -> 7 Nov
2015) and misses what sellers actually write ("3 working days ago", "it's been 40 days").
So the message is first scanned for spans that *look like* a date (the patterns below), and only
those spans are resolved, by `dateparser.parse` where it is right and by small rules where it
is not (see the `_resolve_*` docstrings).

When a message holds several date-like spans, the most specific kind wins (a calendar date over
"the 19th" over "3 days ago"/"last Monday" over "today", which sellers also use as
small talk); within a kind the first in the text wins.

Ambiguous numeric dates such as 02/11 vs 11/02: DMY is the default order (the usual order outside
the US, and US sellers are a small share of AliExpress sellers; Chinese sellers mostly write
ISO 2026-11-02, which is unambiguous). MDY is used when only it is valid (10/19). When both
orders give a valid date, we take the one closest to today in the past, because a seller asking
about a review that takes 7-15 working days nearly always applied in the last weeks: on
26 Nov 2026 both "02/11" and "11/02" mean 2 November 2026, not 11 February.

Chinese ("我11月3号提交的", "上周五", "三天前") is read by the rules in `chinese_dates`, with the
same ranks and judging; there a numeric 11/3 is month first, the order Chinese is written in.

"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any, cast

import dateparser

from refund_assistant.languages import has_chinese
from refund_assistant.review import chinese_dates
from refund_assistant.review.calendar import working_days_before

# --- the rules, in one place -------------------------------------------------------------------
MAX_AGE_DAYS = 366  # older than this is not a pending review: probably a typo or the wrong year


class DateStatus(str, Enum):
    OK = "ok"
    NO_DATE = "no_date"  # nothing in the message reads as a date
    FUTURE = "future"  # cannot be the day an application was sent
    TOO_OLD = "too_old"  # older than MAX_AGE_DAYS: a typo or the wrong year


_DATEPARSER_LANGUAGES = ["en"]
_DEFAULT_DATE_ORDER = "DMY"  # see module docstring

# Ranks: lower wins when a message holds several date-like spans.
_RANK_CALENDAR, _RANK_DAY_OF_MONTH, _RANK_RELATIVE, _RANK_TODAY = range(4)


@dataclass(frozen=True)
class DateParse:
    status: DateStatus
    day: date | None  # the parsed date when status is ok/future/too_old


# --- vocabulary --------------------------------------------------------------------------------
_MONTH = (
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = (
    r"\b(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri"
    r"|saturday|sat|sunday|sun)\b"
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUMBER = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(?P<working>(?:working|business)\s+)?(?P<unit>day|week|month|year)s?\b"
# A number that is really a count or a range ("7-15 working days", "3 days") is not a day.
_NOT_A_COUNT = r"(?!\s*(?:[-–~]\s*\d|to\s+\d|(?:working\s+|business\s+)?(?:days?|weeks?|hours?)\b))"
# "3 may take longer": "may" followed by a pronoun or verb is the modal verb, not the month.
_NOT_MODAL_MAY = (
    r"(?!(?<=may)\s+(?:i|we|you|it|they|be|take|takes|need|have|not|also|still|get|ask)\b)"
)
_NOT_MONEY = r"(?!\s*(?:usd|rmb|cny|yuan|dollars?|eur|euros?|%))"
_NOT_CURRENCY_BEFORE = r"(?<![\d/.$¥€£])"
_APPROX = (
    r"(?:(?:over|more\s+than|almost|nearly|about|around|roughly|approximately|at\s+least)\s+)?"
)
_WORDS_AS_OFFSET = {  # days from today
    "day before yesterday": -2, "yesterday": -1, "last week": -7, "tomorrow": 1,
}  # fmt: skip


def parse_submission_date(text: str, today: date) -> DateParse:
    """The submission date in `text`, judged against `today` (future / older than MAX_AGE_DAYS).

    A message with Chinese characters is also read by the Chinese rules (`chinese_dates`), after
    the English ones have been given the spaces they need around Latin words and digits; on a tie
    (the same span, "11/3") the Chinese reading wins.
    """
    text = text or ""
    patterns = _PATTERNS
    if has_chinese(text):
        text = chinese_dates.normalise(text)
        patterns = _CHINESE_PATTERNS + _PATTERNS
    text = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'"))
    candidates = []  # (rank, start, -length, resolver, match)
    for rank, pattern, resolver in patterns:
        for match in pattern.finditer(text):
            candidates.append((rank, match.start(), -len(match.group()), resolver, match))
    for *_, resolver, match in sorted(candidates, key=lambda c: c[:3]):
        day = resolver(match, today)
        if day is not None:
            return _judge(day, today)
    return DateParse(DateStatus.NO_DATE, None)


def _judge(day: date, today: date) -> DateParse:
    if day > today:
        return DateParse(DateStatus.FUTURE, day)
    if (today - day).days > MAX_AGE_DAYS:
        return DateParse(DateStatus.TOO_OLD, day)
    return DateParse(DateStatus.OK, day)


def _dateparser(
    span: str, today: date, order: str = _DEFAULT_DATE_ORDER, **extra: Any
) -> date | None:
    """dateparser.parse(span) as a date, relative to `today`, preferring past dates."""
    settings: dict[str, Any] = {
        "RELATIVE_BASE": datetime.combine(today, time()),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": order,
        "RETURN_AS_TIMEZONE_AWARE": False,
        **extra,
    }
    # dateparser's stubs type `settings` as a TypedDict without the keys passed in `extra`.
    parsed = dateparser.parse(span, languages=_DATEPARSER_LANGUAGES, settings=cast(Any, settings))
    return parsed.date() if parsed is not None else None


# --- resolvers: a regex match (+ today) -> a date, or None if the span is not a real date -------
Resolver = Callable[["re.Match[str]", date], date | None]


def _resolve_calendar(match: re.Match[str], today: date) -> date | None:
    """ "2 November", "nov 2nd", "2-Nov-2026": dateparser gets these right on its own.

    Without a year it takes this year's date, or last year's if that would be in the future.
    """
    return _dateparser(match.group(), today, REQUIRE_PARTS=["day", "month"])


def _resolve_numeric(match: re.Match[str], today: date) -> date | None:
    """ "02/11", "10/19", "19.10.2026": try DMY and MDY, keep the most recent past reading.

    Needed because dateparser with DATE_ORDER=DMY reads "02/13" as 2 November 2013, and reads
    "05.10" as the time 05:10, so separators are turned into "/" first.
    """
    span = re.sub(r"[.-]", "/", match.group())
    first, second = int(match.group("a")), int(match.group("b"))
    orders = [
        order
        for order, day, month in (("DMY", first, second), ("MDY", second, first))
        if 1 <= day <= 31 and 1 <= month <= 12
    ]
    readings = [d for d in (_dateparser(span, today, o) for o in orders) if d]
    past = [d for d in readings if d <= today]
    if past:
        return max(past)
    return readings[0] if readings else None


def _resolve_iso(match: re.Match[str], today: date) -> date | None:
    """ "2026-10-19", "2026/10/05": year first.

    dateparser needs DATE_ORDER=YMD here: with DMY it reads 2026-11-02 as 11 February.
    """
    return _dateparser(re.sub(r"[.-]", "/", match.group()), today, "YMD")


def _resolve_day_of_month(match: re.Match[str], today: date) -> date | None:
    """ "the 19th": the latest such day not after today (this month, else an earlier month).

    dateparser returns this month's date even when it is still ahead, despite PREFER past.
    """
    number = int(match.group("d"))
    year, month = today.year, today.month
    for _ in range(12):
        try:
            day = date(year, month, number)
        except ValueError:  # the 31st in a 30-day month, the 0th, ...
            day = None
        if day and day <= today:
            return day
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _resolve_weekday(match: re.Match[str], today: date) -> date | None:
    """ "last Monday", "on monday", "friday", "last week thursday", "next monday".

    Done by hand: dateparser has no "last sat" or "this past monday". A weekday means the latest
    one before today (on a Monday, "on Monday" is a week ago: today would be "today").
    """
    prefix = (match.group("prefix") or "").strip()
    name = match.group("weekday")
    if not prefix and name not in _WEEKDAYS:
        return None  # bare "sat", "sun", "wed" are usually words, not days
    weekday = next(i for i, full in enumerate(_WEEKDAYS) if full.startswith(name[:3]))
    if prefix == "next":
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    if prefix == "last week":
        return today - timedelta(days=today.weekday() + 7 - weekday)
    return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)


def _resolve_elapsed(match: re.Match[str], today: date) -> date | None:
    """ "40 days ago", "it's been 40 days", "two weeks back", "3 working days ago".

    dateparser knows "40 days ago" but not "it's been 40 days" or working days, so the span is
    rewritten to "<n> <unit>s ago" for it; working days are counted back on China's calendar.
    """
    number = match.group("n")
    count = int(number) if number.isdigit() else _NUMBER_WORDS[number]
    unit = match.group("unit")
    if match.group("working") and unit == "day":
        return working_days_before(today, count)
    return _dateparser(f"{count} {unit}s ago", today)


def _resolve_word(match: re.Match[str], today: date) -> date | None:
    """ "yesterday", "the day before yesterday", "last week", "tomorrow"."""
    phrase = re.sub(r"^the ", "", match.group())
    return today + timedelta(days=_WORDS_AS_OFFSET[phrase])


def _resolve_today(match: re.Match[str], today: date) -> date | None:
    """ "today", "this morning"."""
    return today


_PATTERNS: list[tuple[int, re.Pattern[str], Resolver]] = [
    (rank, re.compile(pattern), resolver)
    for rank, pattern, resolver in [
        # 2026-10-19, 2026/10/19
        (_RANK_CALENDAR, r"(?<![\d.])\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b(?![.\d])", _resolve_iso),
        # 2 november, 2nd of nov 2026, 2-nov-2026
        (
            _RANK_CALENDAR,
            rf"\b\d{{1,2}}{_ORDINAL}?(?:\s+of)?[\s-]+{_MONTH}{_NOT_MODAL_MAY}(?:[\s,-]+\d{{4}}\b)?",
            _resolve_calendar,
        ),
        # november 2nd, nov. 2, 2026, october the 5th
        (
            _RANK_CALENDAR,
            rf"{_MONTH}\s*(?:the\s+)?\d{{1,2}}{_ORDINAL}?\b{_NOT_A_COUNT}(?:,?\s+\d{{4}}\b)?",
            _resolve_calendar,
        ),
        # 19.10.2026, 02/11/26, 5-10-2026
        (
            _RANK_CALENDAR,
            _NOT_CURRENCY_BEFORE
            + r"\b(?P<a>\d{1,2})([./-])(?P<b>\d{1,2})\2\d{2}(?:\d{2})?\b(?![.\d/-])",
            _resolve_numeric,
        ),
        # 02/11, 10/19 (a hyphen would be a range, "7-15"; "24/7" is an idiom)
        (
            _RANK_CALENDAR,
            _NOT_CURRENCY_BEFORE
            + rf"\b(?!24/7\b)(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})\b(?![/\d]){_NOT_A_COUNT}",
            _resolve_numeric,
        ),
        # 05.10 (two digits each and no currency: "12.5" or "12.10 usd" are prices)
        (
            _RANK_CALENDAR,
            _NOT_CURRENCY_BEFORE
            + rf"\b(?P<a>\d{{2}})\.(?P<b>\d{{2}})\b(?![.\d]){_NOT_A_COUNT}{_NOT_MONEY}",
            _resolve_numeric,
        ),
        # the 19th, on the 1st, on 5th (not "the 2nd time")
        (
            _RANK_DAY_OF_MONTH,
            rf"\b(?:on\s+(?:the\s+)?|the\s+)(?P<d>\d{{1,2}}){_ORDINAL}\b"
            r"(?!\s+(?:time|attempt|try|step|day|week|month|one|application|request|page))",
            _resolve_day_of_month,
        ),
        # last monday, on fri, last week thursday, friday, next monday
        (
            _RANK_RELATIVE,
            r"(?P<prefix>\b(?:last\s+week|this\s+past|past|last|this|on|next)\s+)?"
            rf"(?P<weekday>{_WEEKDAY})",
            _resolve_weekday,
        ),
        # 40 days ago, two weeks back, 10 days before., 2 weeks since, 25 days already
        (
            _RANK_RELATIVE,
            rf"\b(?P<n>{_NUMBER})\s+{_UNIT}\s*"
            r"(?:ago|back|since|already|so\s+far|waiting|before(?=\s*(?:[,.!?;]|$)))",
            _resolve_elapsed,
        ),
        # it's been 40 days, waiting for 3 weeks, already 3 working days
        (
            _RANK_RELATIVE,
            r"\b(?:been|for|since|already|waited|waiting)\s+"
            rf"{_APPROX}(?P<n>{_NUMBER})\s+{_UNIT}",
            _resolve_elapsed,
        ),
        (
            _RANK_RELATIVE,
            r"\b(?:(?:the\s+)?day\s+before\s+yesterday|yesterday|last\s+week|tomorrow)\b",
            _resolve_word,
        ),
        (
            _RANK_TODAY,
            r"\b(?:today|this\s+(?:morning|afternoon|evening)|tonight)\b",
            _resolve_today,
        ),
    ]
]

_CHINESE_PATTERNS: list[tuple[int, re.Pattern[str], Resolver]] = [
    (rank, pattern, resolver)
    for rank, rules in [
        (_RANK_CALENDAR, chinese_dates.CALENDAR_RULES),
        (_RANK_DAY_OF_MONTH, chinese_dates.DAY_OF_MONTH_RULES),
        (_RANK_RELATIVE, chinese_dates.RELATIVE_RULES),
        (_RANK_TODAY, chinese_dates.TODAY_RULES),
    ]
    for pattern, resolver in rules
]
