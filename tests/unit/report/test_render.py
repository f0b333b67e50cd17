"""The HTML page: every figure and definition shown, everything a seller typed escaped."""

from __future__ import annotations

import html as html_lib
import re
from datetime import date, datetime, timezone
from pathlib import Path

# `regex` (installed with Rasa and dateparser) knows Unicode's emoji properties; `re` does not.
import regex

from refund_assistant.report.metrics import DEFINITIONS, compute
from refund_assistant.report.render import render_html, summary_text
from tests.unit.report.language_events import language_events
from tests.unit.report.tracker_fixture import in_window

# Emoji code points: pictographs (👍, ☀, ✅, ...), characters shown as emoji by default, and the
# joiner and variation selector that build emoji sequences.
EMOJI_RE = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\u200d\ufe0f]")


def page_text(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_html_shows_every_figure_and_the_definitions(events):
    html = render_html(
        in_window(events), datetime(2024, 5, 9, 8, 30, tzinfo=timezone.utc), "sqlite:///x.db"
    )
    text = page_text(html)
    for figure in [
        "Period: 2024-05-06 to 2024-05-08 (UTC)",
        "Generated 2024-05-09 08:30 UTC",
        "15 conversations",
        # Contained counts the answered conversations only (it was "50.0% contained: 5 of 10",
        # every conversation without a handoff, before the fixture had unanswered ones).
        "40.0% contained: 6 of 15 answered",
        "4 unanswered (26.7%)",
        "5 handed off (33.3%)",
        "2 confirmed resolved (13.3%)",
        "18.2% fallback rate: 6 of 33 seller messages",
        "helpful 3 / not helpful 1 feedback: 75.0% helpful / 25.0% not helpful",
        "answered 6 40.0% unanswered 4 26.7% not understood 2 13.3% off-topic 1 6.7% "
        "unsupported language 1 6.7% handed off 5 33.3% all 15",
        "seller_request 1 6.7%",
        "not_understood 1 6.7%",
        "overdue_review 1 6.7%",
        "violations 1 6.7%",
        "legal_threat 1 6.7%",
        "any reason 5 33.3%",
        "helpful 3 75.0%",
        "not helpful 1 25.0%",
        "ask_deposit_amount 3",
        "ask_how_to_apply 2",
        "request_human 1",
        "1 how much is the deposit? 2 not covered by the guide",
        "7 ugh where is my money 1 not understood",
        "8 what's the weather in hangzhou? 1 off-topic",
        "10 когда вернут депозит? 1 unsupported language",
        "English 13 / Chinese 1 / other (unsupported) 1 conversations by language",
        "English Chinese other (unsupported) all languages conversations 13 1 1 15",
        "answered (contained) 5 (38.5%) 1 (100.0%) 0 (0.0%) 6 (40.0%)",
        "unanswered 3 (23.1%) 0 (0.0%) 1 (100.0%) 4 (26.7%)",
        "unsupported language 0 (0.0%) 0 (0.0%) 1 (100.0%) 1 (6.7%)",
        "handed off 5 (38.5%) 0 (0.0%) 0 (0.0%) 5 (33.3%)",
        "legal_threat 1 (7.7%) 0 (0.0%) 0 (0.0%) 1 (6.7%)",
        "seller messages 30 2 1 33",
        "fallback messages (fallback rate) 5 (16.7%) 1 (50.0%) 0 (0.0%) 6 (18.2%)",
        "feedback: helpful 3 (75.0%) 0 (0.0%) 0 (0.0%) 3 (75.0%)",
        "2024-05-06 4 2 1 1 0",
        "2024-05-07 6 1 2 3 4",
        "2024-05-08 5 3 1 1 2",
    ]:
        assert figure in text, figure
    for term, meaning in DEFINITIONS:
        assert f"{term} {meaning}" in text
    assert "Conversation One session of one seller" in text
    assert html.count('src="data:image/png;base64,') == 4


def test_the_page_and_the_summary_split_the_figures_by_language():
    # The event streams of test_metrics: Chinese, English, handed-off and Russian conversations.
    report = compute(language_events())
    text = page_text(render_html(report, datetime.now(timezone.utc), "sqlite:///x.db"))
    for row in [
        "English 3 / Chinese 4 / other (unsupported) 1 conversations by language",
        "conversations 3 4 1 8",
        "answered (contained) 1 (33.3%) 2 (50.0%) 0 (0.0%) 3 (37.5%)",
        "unanswered 1 (33.3%) 1 (25.0%) 1 (100.0%) 3 (37.5%)",
        "not understood 0 (0.0%) 1 (25.0%) 0 (0.0%) 1 (12.5%)",
        "unsupported language 1 (33.3%) 0 (0.0%) 1 (100.0%) 2 (25.0%)",
        "handed off 1 (33.3%) 1 (25.0%) 0 (0.0%) 2 (25.0%)",
        "seller_request 0 (0.0%) 1 (25.0%) 0 (0.0%) 1 (12.5%)",
        "violations 1 (33.3%) 0 (0.0%) 0 (0.0%) 1 (12.5%)",
        "confirmed resolved 0 (0.0%) 1 (25.0%) 0 (0.0%) 1 (12.5%)",
        "feedback: helpful 0 (0.0%) 1 (100.0%) 0 (0.0%) 1 (50.0%)",
        "feedback: not helpful 1 (100.0%) 0 (0.0%) 0 (0.0%) 1 (50.0%)",
    ]:
        assert row in text, row
    summary = summary_text(report, Path("r.html"))
    assert (
        "  Chinese             4 of 8 conversations: answered 2 (50.0%), unanswered 1 (25.0%), "
        "handed off 1 (25.0%); feedback helpful 1 / not helpful 0"
    ) in summary
    for output in (text, summary):
        assert not EMOJI_RE.findall(output)


def test_no_emoji_in_the_page_or_the_summary(events):
    # Feedback is labelled in words: emoji show as empty boxes where no emoji font is installed.
    report = in_window(events)
    html = render_html(report, datetime.now(timezone.utc), "sqlite:///x.db")
    summary = summary_text(report, Path("results/deflection-report.html"))
    for output in (html, summary):
        assert not [c for c in output if ord(c) > 0xFFFF]
        assert not EMOJI_RE.findall(output)
    assert "helpful 3 (75.0%) / not helpful 1 (25.0%)" in summary
    # The check itself finds what it must.
    assert EMOJI_RE.findall("👍 ok ✅ ☀") == ["👍", "✅", "☀"]


def test_html_escapes_what_sellers_typed(events):
    html = render_html(in_window(events), datetime.now(timezone.utc), "sqlite:///x.db")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html
    assert "http://" not in html and "https://" not in html


def test_an_empty_period_still_makes_a_page(events):
    r = compute(events, since=date(2030, 1, 1))
    html = render_html(r, datetime.now(timezone.utc), "sqlite:///x.db")
    assert r.conversations == 0 and r.fallback_rate == 0
    assert "No conversations in this period." in html
    assert "English 0 / Chinese 0 / other (unsupported) 0" in page_text(html)
