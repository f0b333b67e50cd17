"""Dates, which look like numbers but are never personal data.

Why: sellers date everything ("I applied on 2026-10-19", "I sold there 2019-2024"), and a date is
what the bot needs most; masking it would hide the question. Dates are kept in two places:

- a digit run (see `refund_assistant.privacy.digit_runs`) loses its date groups before it is
  classified: "2026-10-19", "19-10-2026", "10-19-2026" and a year range "2019-2024", each set
  off by spaces (a date joined by "-" to more digits is part of a number: "6222-2026-10-19"),
  and a compact "20261019" alone or next to other dates (never inside a longer number);
- libphonenumber never sees a date (`blank_date`): it reads "2026-10-19 19" as a number.

Dates with dots or slashes ("19.10.2026", "02/11") never form a digit run at all.
"""

from __future__ import annotations

import re

from refund_assistant.privacy.findings import Span
from refund_assistant.privacy.text import BLANK, DIGITS_RE, is_space, separator

# Dates, blanked out of the text libphonenumber sees.
DATE_RE = re.compile(
    r"(?<![0-9])(?:"
    r"(?P<ymd>(?:19|20)[0-9]{2}(?P<s1>[-./])[0-9]{1,2}(?P=s1)[0-9]{1,2})"
    r"|(?P<dmy>[0-9]{1,2}(?P<s2>[-./])[0-9]{1,2}(?P=s2)(?:(?:19|20)[0-9]{2}|[0-9]{2}))"
    r"|(?P<dm>[0-9]{1,2}/[0-9]{1,2})"
    r")(?![0-9])"
)


def blank_date(match: re.Match[str]) -> str:
    """A date in `DATE_RE` replaced by as many `BLANK`s, anything else kept."""
    parts = DIGITS_RE.findall(match.group())
    if match.group("ymd"):
        valid = is_day_month(int(parts[2]), int(parts[1]))
    else:
        first, second = int(parts[0]), int(parts[1])
        valid = is_day_month(first, second) or is_day_month(second, first)
    return BLANK * len(match.group()) if valid else match.group()


def date_groups(norm: str, groups: list[Span]) -> list[bool]:
    """Which groups of a run are part of a date. A date must be set off by spaces: one joined by
    "-" to the rest of the run ("6222-2026-10-19") is part of the number. A compact date
    ("20261019") counts only alone or next to other dates, never inside a longer number."""
    count = len(groups)
    texts = [norm[start:end] for start, end in groups]
    spaced = [is_space(separator(norm, groups, i)) for i in range(count - 1)]
    dashed = [separator(norm, groups, i) == "-" for i in range(count - 1)]
    is_date = [False] * count

    def free(first: int, last: int) -> bool:
        return (first == 0 or spaced[first - 1]) and (last == count - 1 or spaced[last])

    index = 0
    while index < count:
        width = 0
        if (
            index + 2 < count
            and dashed[index]
            and dashed[index + 1]
            and free(index, index + 2)
            and is_dashed_date(texts[index : index + 3])
        ):
            width = 3
        elif (
            index + 1 < count
            and dashed[index]
            and free(index, index + 1)
            and all(len(t) == 4 and is_year(int(t)) for t in texts[index : index + 2])
        ):
            width = 2  # a year range: "2019-2024"
        if width:
            is_date[index : index + width] = [True] * width
            index += width
        else:
            index += 1
    compact = [not is_date[i] and is_compact_date(texts[i]) for i in range(count)]
    for index in range(count):
        if not compact[index]:
            continue
        before_ok = index == 0 or (spaced[index - 1] and (is_date[index - 1] or compact[index - 1]))
        after_ok = index == count - 1 or (
            spaced[index] and (is_date[index + 1] or compact[index + 1])
        )
        if before_ok and after_ok:
            is_date[index] = True
    return is_date


def is_year(value: int) -> bool:
    return 1900 <= value <= 2099


def is_day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def is_compact_date(text: str) -> bool:
    return len(text) == 8 and is_year(int(text[:4])) and is_day_month(int(text[6:]), int(text[4:6]))


def is_dashed_date(texts: list[str]) -> bool:
    first, second, third = texts
    if len(first) == 4 and 1 <= len(second) <= 2 and 1 <= len(third) <= 2:
        return is_year(int(first)) and is_day_month(int(third), int(second))
    if 1 <= len(first) <= 2 and 1 <= len(second) <= 2 and len(third) in (2, 4):
        if len(third) == 4 and not is_year(int(third)):
            return False
        a, b = int(first), int(second)
        return is_day_month(a, b) or is_day_month(b, a)  # 19-10-2026 or 10-19-2026
    return False
