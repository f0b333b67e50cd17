"""Dates as the bot writes them in replies, in the seller's language.

English keeps the weekday, which helps sellers plan: "Tue 3 Nov 2026". Chinese is written the way
Chinese dates are: "2026年11月3日" (the same characters in Traditional, so the Traditional replies
need nothing more).
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from refund_assistant.languages import Language

ENGLISH_FORMAT = "EEE d MMM yyyy"  # "Tue 3 Nov 2026"
CHINESE_FORMAT = "y年M月d日"  # "2026年11月3日", CLDR's long date for zh_CN


def format_day(day: date, language: str | None = None) -> str:
    """`day` for a reply in `language` (the `language` slot: "en", "zh"; English when unset)."""
    if language == Language.CHINESE.value:
        return format_date(day, CHINESE_FORMAT, locale="zh_CN")
    return format_date(day, ENGLISH_FORMAT, locale="en")
