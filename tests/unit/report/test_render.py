"""The HTML page: every figure and definition shown, everything a seller typed escaped."""

from __future__ import annotations

import html as html_lib
import re
from datetime import date, datetime, timezone

from refund_assistant.report.metrics import DEFINITIONS, compute
from refund_assistant.report.render import render_html
from tests.unit.report.tracker_fixture import in_window


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
        "10 conversations",
        "50.0% contained: 5 of 10",
        "2 confirmed resolved (20.0%)",
        "5 handed off (50.0%)",
        "12.5% fallback rate: 3 of 24 seller messages",
        "👍 3 / 👎 1 feedback: 75.0% / 25.0%",
        "seller_request 1 10.0%",
        "not_understood 1 10.0%",
        "overdue_review 1 10.0%",
        "violations 1 10.0%",
        "legal_threat 1 10.0%",
        "any reason 5 50.0%",
        "👍 helpful 3 75.0%",
        "👎 not helpful 1 25.0%",
        "ask_deposit_amount 3",
        "ask_how_to_apply 2",
        "request_human 1",
        "1 how much is the deposit? 2 not covered by the guide",
        "4 ugh where is my money 1 not understood",
        "5 what's the weather in hangzhou? 1 off-topic",
        "2024-05-06 3 1 0",
        "2024-05-07 4 3 2",
        "2024-05-08 3 1 1",
    ]:
        assert figure in text, figure
    for term, meaning in DEFINITIONS:
        assert f"{term} {meaning}" in text
    assert "Conversation One session of one seller" in text
    assert html.count('src="data:image/png;base64,') == 3


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
