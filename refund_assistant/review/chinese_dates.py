"""Submission dates written in Chinese ("我11月3号提交的", "上周五", "三天前"), for `submission_date`.

Why rules of our own and not dateparser: dateparser 1.2.0 misreads Chinese dates silently ("11月3号"
-> nothing, "11月3日" -> 29 December of the year before, "上个月15日" -> a wrong day, "上周五" ->
nothing), so every Chinese form is read here by a rule and dateparser is never asked.

The readings follow the English rules in `submission_date` (same ranks, same future / too-old
judging):

- a month and day without a year (11月3号, 十一月三号, 11/3): this year's date, or last year's
  when this year's is still ahead (on 5 January, 12月30号 is last 30 December);
- a numeric 11/3 is month/day, the order Chinese is written in (the English rules take whichever
  order is the more recent past); day/month only when month/day is not a date (20/10); a day no
  month has (11月31号) is no date, 2月29号 the latest 29 February;
- a bare weekday (周一, 星期五): the latest one before today (on a Monday, 周一 is a week ago:
  today would be 今天); 上周五 / 这周二 / 上上周三 are that day of the previous / this / the one
  before calendar week (Monday to Sunday), as Chinese means them: on a Saturday, 上周五 is eight
  days ago, not yesterday;
- the 15th alone (15号): the latest 15th not after today; 上个月15号, 这个月5号, 上个月底 are days
  of the month named;
- counts back (三天前, 两周前, 一个月前, 3个工作日前, 已经等了40天, 提交两周了): calendar days,
  weeks, months and years back from today, working days on China's calendar; 半个月 is 15 days.

Messages are first put in one form (`normalise`): NFKC (full-width digits and punctuation),
Traditional to Simplified with OpenCC (號 週 個 禮拜 兩 become 号 周 个 礼拜 两), and a space between
a Chinese character and a Latin letter or digit (not before a unit: 15个, 3号), so that the
English rules also find "2 Nov", "2026-11-03" or "11/3/2026" inside a Chinese sentence (they need
word boundaries, and Python's regular expressions count Chinese characters as word characters).
The rules below therefore allow spaces around numbers.

Not read (the message then falls back to the English rules or gets NO_DATE, as vague English
does): lunar dates (正月初三), vague spans (前几天, 上个月, 月初, 上周末), times of day.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

import cn2an

from refund_assistant.languages import HAN_CHARACTERS as _HAN
from refund_assistant.languages import to_simplified
from refund_assistant.review.calendar import working_days_before

Resolver = Callable[["re.Match[str]", date], "date | None"]
Rules = list[tuple["re.Pattern[str]", Resolver]]

# A space between Chinese and Latin or digits, except before a unit or suffix (15个, 3号, 11月): the
# English rules are to find "2026-11-03提交" and "11/3/2026的", never a count such as "7/15个工作日".
_HAN_NEXT_TO_LATIN_RE = re.compile(
    f"(?<=[{_HAN}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![个天周日号月年时点分秒次元块万工多])(?=[{_HAN}])"
)

# --- vocabulary (Simplified, after `normalise`) ------------------------------------------------
_CN_DIGITS = "零〇一二三四五六七八九"
# A month or a day: 11, 十一, 三十一 (两 is a count, never a date: 两号 is not said).
_DAY_NUMBER = rf"(?:\d{{1,2}}|[{_CN_DIGITS}十]{{1,3}})"
# A count: 3, 40, 两, 十五, 一百.
_COUNT = rf"(?:\d{{1,3}}|[{_CN_DIGITS}两十百]{{1,4}})"
_YEAR = rf"(?:\d{{4}}|\d{{2}}|[{_CN_DIGITS}]{{4}}|[{_CN_DIGITS}]{{2}})"
_NUMERAL_CHARS = rf"\d{_CN_DIGITS}两十百"
_MAX_COUNT = 999  # as the three digits a count may have ("九九九九年前" is no count back)


def _not_after(chars: str) -> str:
    """A look-behind: the match does not follow any of `chars`, directly or after one space
    (`normalise` puts a space between Chinese characters and digits)."""
    return rf"(?<![{chars}])(?<![{chars}]\s)"


# A number starts here, not in the middle of one, a range (7-15, 7到15) or an ordinal (第3).
_NUMBER_STARTS = _not_after(rf"{_NUMERAL_CHARS}./~\-到至第")
_YEAR_STARTS = _not_after(rf"\d{_CN_DIGITS}")
_WEEKDAY_INDEX = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_WEEKDAY_INDEX |= {str(i + 1): i for i in range(7)}
_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2}
_WEEKS_FROM_THIS = {"上上": -2, "上": -1, "这": 0, "本": 0, "下": 1, "下下": 2}
_MONTHS_FROM_THIS = {"上上": -2, "上": -1, "这": 0, "本": 0, "当": 0, "下": 1}
_WORDS_AS_OFFSET = {  # days from today
    "大前天": -3, "前天": -2, "前晚": -2, "昨天": -1, "昨日": -1, "昨晚": -1, "昨儿": -1,
    "明天": 1, "明日": 1, "后天": 2,
}  # fmt: skip


# Shopping festivals sellers date things by: Singles' Day (11 Nov) and Double Twelve (12 Dec).
_FESTIVALS = (
    (re.compile(r"双\s*(?:十一|11)(?![0-9])"), "11月11日"),
    (re.compile(r"双\s*(?:十二|12)(?![0-9])"), "12月12日"),
)


def normalise(text: str) -> str:
    """One form for the rules: NFKC, Simplified, shopping festivals as their dates, a space
    between Chinese and Latin or digits."""
    text = to_simplified(unicodedata.normalize("NFKC", text))
    for festival, day in _FESTIVALS:
        text = festival.sub(day, text)
    return _HAN_NEXT_TO_LATIN_RE.sub(" ", text)


def _number(numeral: str) -> int | None:
    """ "11", "十一", "三十一", "两", "二〇二六" as an int; None for what is not a number ("十十")."""
    if numeral.isdigit():
        return int(numeral)
    try:
        return int(cn2an.cn2an(numeral, "smart"))
    except (ValueError, KeyError, IndexError):  # cn2an's ways of saying "no numeral" ("一〇十四")
        return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 2月30号, 13月1号, ...
        return None


def _month_start(day: date, months: int) -> date:
    """The first day of the month `months` after the month of `day` (before, when negative)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, 1)


def _month_end(day: date) -> date:
    return _month_start(day, 1) - timedelta(days=1)


def _months_before(day: date, months: int) -> date:
    """`day` moved back `months`, clipped to the month's end (31 March - 1 month = 28 February),
    as dateparser does for the English "a month ago"."""
    start = _month_start(day, -months)
    return start.replace(day=min(day.day, _month_end(start).day))


def _latest_month_day(month: int, day: int, today: date) -> date | None:
    """The latest `month`/`day` not after today: this year's, else last year's (2月29号: the
    last leap year's); None for a day no month has (11月31号)."""
    for year in range(today.year, today.year - 8, -1):
        found = _date(year, month, day)
        if found is not None and found <= today:
            return found
    return None


# --- resolvers: a regex match (+ today) -> a date, or None if the span is not a real date -------
def _resolve_month_day(match: re.Match[str], today: date) -> date | None:
    """ "11月3号", "十一月三日", "2026年11月3日", "26年11月3号", "去年12月30号", "11月3".

    With a year, that year (two digits are 20xx). Without one, this year's date, or last year's
    when this year's is still ahead, as the English rules read "30 November".
    """
    month, day = _number(match.group("m")), _number(match.group("d"))
    if month is None or day is None:
        return None
    if not match.group("suffix") and not match.group("d").isdigit():
        return None  # 一月三次: a Chinese-numeral day needs its 号 / 日
    if match.group("y"):
        year = _number(match.group("y"))
        if year is None:
            return None
        return _date(year + 2000 if year < 100 else year, month, day)
    if match.group("yrel"):
        return _date(today.year - _YEARS_BACK[match.group("yrel")], month, day)
    return _latest_month_day(month, day, today)


def _resolve_numeric(match: re.Match[str], today: date) -> date | None:
    """ "11/3", "11.3号": month first, as Chinese writes it (20/10 only fits day first).

    The year is this year's or last year's, as for 11月3号.
    """
    first, second = int(match.group("a")), int(match.group("b"))
    if 1 <= first <= 12:
        return _latest_month_day(first, second, today)
    return _latest_month_day(second, first, today)


def _resolve_day_of_named_month(match: re.Match[str], today: date) -> date | None:
    """ "上个月15号", "这个月5号", "本月5日", "上个月底": a day of the month named."""
    first = _month_start(today, _MONTHS_FROM_THIS[match.group("rel")])
    if match.group("end"):
        return _month_end(first)
    number = _number(match.group("d"))
    return _date(first.year, first.month, number) if number is not None else None


def _resolve_day_of_month(match: re.Match[str], today: date) -> date | None:
    """ "15号", "3日": the latest such day not after today (this month, else an earlier month)."""
    number = _number(match.group("d"))
    if number is None:
        return None
    for months_back in range(12):
        first = _month_start(today, -months_back)
        day = _date(first.year, first.month, number)
        if day is not None and day <= today:
            return day
    return None


def _resolve_weekday_of_week(match: re.Match[str], today: date) -> date | None:
    """ "上周五", "上个礼拜三", "这周二", "上上周三", "下周一": that day of the calendar week
    (Monday to Sunday) named, so this week's may be today or still ahead."""
    monday = today - timedelta(days=today.weekday())
    weeks = _WEEKS_FROM_THIS[match.group("prefix")]
    return monday + timedelta(weeks=weeks, days=_WEEKDAY_INDEX[match.group("wd")])


def _resolve_last_weekday(match: re.Match[str], today: date) -> date | None:
    """ "周一", "星期五", "礼拜天": the latest such weekday before today (on a Monday, 周一 is a week
    ago), as the English rules read "on Monday"."""
    weekday = _WEEKDAY_INDEX[match.group("wd")]
    return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)


def _resolve_elapsed(match: re.Match[str], today: date) -> date | None:
    """ "三天前", "3日前", "两周前", "一个月前", "半个月前", "一年前", "3个工作日前", "已经等了40天".

    "多" (十多天, 一个多月) is dropped, as the English rules read "over 40 days" as 40 days.
    """
    unit, numeral = match.group("unit"), match.group("n")
    if unit == "月" and not match.group("ge"):
        return None  # 3月 is March; three months is 3个月
    if numeral == "半":  # 半个月, 半年
        if unit == "月":
            return today - timedelta(days=15)
        return _months_before(today, 6) if unit == "年" else None
    count = _number(numeral)
    if count is None or count > _MAX_COUNT:
        return None
    if match.group("working"):
        return working_days_before(today, count) if unit in ("天", "日") else None
    if unit in ("天", "日"):
        return today - timedelta(days=count)
    if unit in ("周", "星期", "礼拜"):
        return today - timedelta(weeks=count)
    return _months_before(today, count * (12 if unit == "年" else 1))


def _resolve_word(match: re.Match[str], today: date) -> date | None:
    """ "昨天", "前天", "大前天", "明天"; "上周", "上上个星期" without a weekday: 7 or 14 days back,
    as the English rules read "last week"."""
    word = match.group()
    if word.startswith("上"):
        return today - timedelta(weeks=2 if word.startswith("上上") else 1)
    return today + timedelta(days=_WORDS_AS_OFFSET[word])


def _resolve_today(match: re.Match[str], today: date) -> date | None:
    """ "今天", "今早"."""
    return today


# --- the rules, by kind; `submission_date` ranks the kinds as it ranks its English rules ---------
_DAY_SUFFIX = r"(?P<suffix>号|日(?!期))"
# After a day written without 号/日, what shows the number is a count, not a day.
_NOT_A_COUNT = rf"(?![\d{_CN_DIGITS}十])(?!\s*(?:个|天|周|星期|年|多|小时|分|次|回|遍|号|日))"
_COUNT_UNIT = (
    rf"(?P<n>{_COUNT}|半)\s*多?\s*(?P<ge>个)?\s*多?\s*(?P<working>工作)?\s*"
    r"(?P<unit>天|日|周|星期|礼拜|月|年)\s*多?"
)
_WEEKDAY_NOT_A_WORD = r"(?![共起直样般下些点次切定个天月年周])"  # 上周一直 is "since last week"
_RANGE = r"(?:到|至|~|-|—)"
# Not 一周一次 ("once a week"), 每周一 ("every Monday"), 周一到周五, nor the prefixed 上周一.
_BARE_WEEKDAY_STARTS = _not_after(_NUMERAL_CHARS + "每几上这本下到至~—-")


def _compile(rules: list[tuple[str, Resolver]]) -> Rules:
    return [(re.compile(pattern), resolver) for pattern, resolver in rules]


CALENDAR_RULES: Rules = _compile(
    [
        # 11月3号, 十一月三日, 2026年11月3日, 26年11月3号, 二〇二六年十一月三日, 去年12月30号, 11月3
        (
            rf"(?:{_YEAR_STARTS}(?P<y>{_YEAR})\s*年\s*|(?P<yrel>今年|去年|前年)\s*)?"
            rf"{_NUMBER_STARTS}(?P<m>{_DAY_NUMBER})\s*月\s*(?P<d>{_DAY_NUMBER})"
            rf"(?:\s*{_DAY_SUFFIX}|{_NOT_A_COUNT})",
            _resolve_month_day,
        ),
        # 11/3 (not 24/7, nor 7/15个工作日)
        (
            rf"{_NUMBER_STARTS}(?!24\s*/\s*7\b)(?P<a>\d{{1,2}})\s*/\s*(?P<b>\d{{1,2}})"
            rf"(?:\s*[号日]|(?![\d/.])(?!\s*(?:个|天|周|工作|小时|%|元|块)))",
            _resolve_numeric,
        ),
        # 11.3号, 11.3日 (without 号/日 a price; 7-15日 is a range of days)
        (
            rf"{_NUMBER_STARTS}(?P<a>\d{{1,2}})\s*\.\s*(?P<b>\d{{1,2}})\s*(?:号|日(?!\s*(?:前|内)))",
            _resolve_numeric,
        ),
        # 上个月15号, 这个月5号, 本月5日, 上个月底, 上月末
        (
            r"(?P<rel>上上|上|这|本|当|下)个?月\s*"
            rf"(?:(?P<d>{_DAY_NUMBER})(?:\s*(?:号|日(?!期))|{_NOT_A_COUNT})|月?\s*(?P<end>底|末))",
            _resolve_day_of_named_month,
        ),
    ]
)

DAY_OF_MONTH_RULES: Rules = _compile(
    [
        # 15号, 3日 (not 3日前 / 3日内 "three days ago / within three days", nor 日期; a day after
        # 月 belongs to a month: 11月31号 is no date, not "the 31st")
        (
            rf"{_NUMBER_STARTS}(?<!月)(?<!月\s)(?P<d>{_DAY_NUMBER})\s*(?:号|日(?!\s*(?:前|内|以|之|后|期)))",
            _resolve_day_of_month,
        ),
    ]
)

RELATIVE_RULES: Rules = _compile(
    [
        # 上周五, 上个礼拜三, 这周二, 上上周三, 下周一
        (
            r"(?P<prefix>上上|上|这|本|下下|下)个?\s*(?:周|星期|礼拜)\s*(?P<wd>[一二三四五六日天1-7])"
            rf"{_WEEKDAY_NOT_A_WORD}",
            _resolve_weekday_of_week,
        ),
        # 周一, 星期五, 礼拜天 (not 一周一次, 每周一, 周一到周五)
        (
            rf"{_BARE_WEEKDAY_STARTS}"
            rf"(?:周|星期|礼拜)\s*(?P<wd>[一二三四五六日天1-7])"
            rf"{_WEEKDAY_NOT_A_WORD}(?!\s*{_RANGE})",
            _resolve_last_weekday,
        ),
        # 三天前, 3日前, 两周前, 一个多月前, 3个工作日前, 提交两周了
        (
            rf"{_NUMBER_STARTS}{_COUNT_UNIT}\s*(?:以前|之前|前|了)",
            _resolve_elapsed,
        ),
        # 已经40天, 等了两周, 已经过了3个工作日
        (
            r"(?:已经|已|等了|过了)\s*(?:等了|过了|有|快|快要|将近|差不多|超过)?\s*"
            rf"{_NUMBER_STARTS}{_COUNT_UNIT}",
            _resolve_elapsed,
        ),
        # 大前天, 昨天, 上周 (without a weekday: as "last week", 7 days back), 明天
        (
            r"大前天|(?<!大)前天(?!天)|前晚|昨天|昨日|昨晚|昨儿|明天|明日|(?<![之然以最])后天(?!天)"
            r"|上上个?(?:周|星期|礼拜)(?!末)|上个?(?:周|星期|礼拜)(?!末)",
            _resolve_word,
        ),
    ]
)

TODAY_RULES: Rules = _compile([(r"今天|今日|今早|今晚|今儿", _resolve_today)])
