"""Dates in replies, in the seller's language."""

from datetime import date

import pytest

from refund_assistant.review.dates_shown import format_day


@pytest.mark.parametrize(
    "day, language, expected",
    [
        (date(2026, 11, 3), "en", "Tue 3 Nov 2026"),
        (date(2026, 11, 3), None, "Tue 3 Nov 2026"),  # no language known yet: English
        (date(2026, 11, 3), "zh", "2026年11月3日"),
        (date(2027, 1, 12), "zh", "2027年1月12日"),  # no leading zeros
        (date(2025, 12, 30), "zh", "2025年12月30日"),
        (date(2026, 11, 3), "fr", "Tue 3 Nov 2026"),  # a language the bot does not speak
    ],
)
def test_format_day(day, language, expected):
    assert format_day(day, language) == expected
