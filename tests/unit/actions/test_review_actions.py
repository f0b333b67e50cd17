"""The review-date form and the review window for a seller who writes Chinese: the same slots
and responses as in English (tests/unit/actions/test_actions.py), the dates written in Chinese."""

from datetime import date

import pytest

from actions import review_actions
from actions.review_actions import ActionEstimateReviewWindow, ValidateReviewDateForm
from refund_assistant.languages import LANGUAGE_SLOT
from tests.support import responses, run, slot_events, tracker

ZH = {LANGUAGE_SLOT: "zh"}


@pytest.fixture
def today_is_26_november(monkeypatch):
    monkeypatch.setattr(review_actions, "today", lambda: date(2026, 11, 26))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我11月2号提交的，什么时候审核完？", "2026-11-02"),
        ("我是上周一交的申请", "2026-11-16"),
        ("三天前提交的", "2026-11-23"),
        ("我是上週一交的申請", "2026-11-16"),
    ],
)
async def test_a_chinese_date_in_the_question_fills_the_slot(today_is_26_november, text, expected):
    t = tracker(text, "ask_review_deadline", slots=ZH)
    messages, events = await run(ValidateReviewDateForm(), t)
    assert slot_events(events)["submission_date"] == expected and messages == []


async def test_a_future_date_is_refused_with_the_date_in_chinese(today_is_26_november):
    t = tracker("下周五", "inform_date", slots={**ZH, "requested_slot": "submission_date"})
    messages, events = await run(ValidateReviewDateForm(), t)
    assert responses(messages) == ["utter_submission_date_future"]
    assert messages[0]["date"] == "2026年12月4日"
    assert slot_events(events)["submission_date"] is None


async def test_a_date_over_a_year_old_is_refused_with_the_date_in_chinese(today_is_26_november):
    t = tracker("2025年3月1日", "inform_date", slots={**ZH, "requested_slot": "submission_date"})
    messages, _ = await run(ValidateReviewDateForm(), t)
    assert responses(messages) == ["utter_submission_date_too_old"]
    assert messages[0]["date"] == "2025年3月1日"


async def test_a_chinese_answer_without_a_date_is_refused_when_asked(today_is_26_november):
    t = tracker("我不记得了", "inform_date", slots={**ZH, "requested_slot": "submission_date"})
    messages, events = await run(ValidateReviewDateForm(), t)
    assert responses(messages) == ["utter_submission_date_not_found"]
    assert messages[0]["date"] is None and slot_events(events)["submission_date"] is None


async def test_the_window_is_written_in_chinese(today_is_26_november):
    messages, events = await run(
        ActionEstimateReviewWindow(), tracker(slots={**ZH, "submission_date": "2026-11-02"})
    )
    # Mon 2 Nov: working day 7 = Wed 11 Nov, working day 15 = Mon 23 Nov (test_actions.py).
    assert responses(messages) == ["utter_review_window_overdue"]
    assert (messages[0]["submitted"], messages[0]["earliest"], messages[0]["latest"]) == (
        "2026年11月2日",
        "2026年11月11日",
        "2026年11月23日",
    )
    assert slot_events(events)["review_latest"] == "2026-11-23"  # slots stay ISO


@pytest.mark.parametrize("language", ["en", None])
async def test_the_window_stays_in_english_otherwise(today_is_26_november, language):
    messages, _ = await run(
        ActionEstimateReviewWindow(),
        tracker(slots={LANGUAGE_SLOT: language, "submission_date": "2026-11-02"}),
    )
    assert messages[0]["earliest"] == "Wed 11 Nov 2026"


async def test_a_chinese_window_into_2027_comes_out_as_an_estimate(monkeypatch):
    monkeypatch.setattr(review_actions, "today", lambda: date(2027, 1, 4))
    messages, _ = await run(
        ActionEstimateReviewWindow(), tracker(slots={**ZH, "submission_date": "2026-12-28"})
    )
    # Mon 28 Dec 2026: Tue 29=1, Wed 30=2, Thu 31=3; Fri 1 Jan 2027 New Year (fallback
    # calendar), weekend; Mon 4=4, Tue 5=5, Wed 6=6, Thu 7=7; Fri 8=8, Mon 11 .. Fri 15=9..13,
    # Mon 18=14, Tue 19=15.
    assert responses(messages) == [
        "utter_review_window_not_yet_due",
        "utter_review_window_estimate",
        "utter_ask_feedback",
    ]
    assert (messages[0]["earliest"], messages[0]["latest"]) == ("2027年1月7日", "2027年1月19日")
