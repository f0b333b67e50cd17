"""Handoff tickets in the report: read with the ticket store's table, in the period, masked."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone

import sqlalchemy as sa

from refund_assistant.handoff.store import Delivery, DeliveryStatus, save_ticket
from refund_assistant.handoff.ticket import build_ticket
from refund_assistant.report.cli import main
from refund_assistant.report.tickets import load_tickets


def test_handoff_tickets_are_listed_with_their_summary_for_agents(tmp_path):
    database = tmp_path / "tickets.db"
    url = f"sqlite:///{database}"
    events = [
        {
            "event": "user",
            "text": "my iban is DE89 3704 0044 0532 0130 00, refund is wrong",
            "timestamp": 1.0,
            "parse_data": {"intent": {"name": "ask_wrong_amount"}},
        }
    ]
    for day, reason in ((3, "seller_request"), (5, "violations")):
        ticket = build_ticket(
            events=events,
            slots={},
            reason=reason,
            channel="rest",
            seller_id="s",
            now=datetime(2026, 11, day, 10, tzinfo=timezone.utc),
        )
        save_ticket(ticket, Delivery(DeliveryStatus.LOCAL), url=url)

    tickets = load_tickets(url, since=None, until=None)
    assert [t["reason"] for t in tickets] == ["seller_request", "violations"]
    assert tickets[0]["summary"].startswith("Handed over because the seller asked for a person.")
    assert "DE89" not in tickets[0]["summary"] and "[IBAN]" in tickets[0]["summary"]
    assert [t["reason"] for t in load_tickets(url, since=date(2026, 11, 4), until=None)] == [
        "violations"
    ]

    # the tracker store's table must exist too for the report to run
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            sa.text(
                "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                "type_name TEXT, timestamp FLOAT, intent_name TEXT, "
                "action_name TEXT, data TEXT)"
            )
        )
    engine.dispose()
    out = tmp_path / "report.html"
    assert main(["--db", str(database), "--out", str(out)]) == 0
    html = out.read_text()
    assert "Handoff tickets" in html and tickets[1]["id"] in html
    assert "the store has a violation or penalty record" in html


def test_the_sellers_language_is_listed_and_old_tickets_read_as_english(tmp_path):
    database = tmp_path / "tickets.db"
    # A table from before tickets recorded the language, with one old ticket; the report reads
    # it read-only, before any action server has added the new columns.
    with sqlite3.connect(database) as db:
        db.execute(
            "CREATE TABLE handoff_tickets (id VARCHAR(16) PRIMARY KEY, created_at VARCHAR(32), "
            "seller_id VARCHAR(255), channel VARCHAR(64), reason VARCHAR(64), summary TEXT, "
            "ticket TEXT, delivery_status VARCHAR(16), delivery_error TEXT)"
        )
        db.execute(
            "INSERT INTO handoff_tickets VALUES ('RA-OLD234', '2026-11-02T10:00:00+00:00', 's0', "
            "'rest', 'seller_request', 'Handed over because the seller asked for a person.', "
            "'{}', 'local', NULL)"
        )
    [old] = load_tickets(str(database))
    assert (old["id"], old["language"]) == ("RA-OLD234", "English")

    # A Traditional Chinese seller's ticket, filed by the action server (which adds the columns).
    chinese = build_ticket(
        events=[
            {
                "event": "user",
                "text": "保證金什麼時候退？電話 13812345678",
                "timestamp": 1.0,
                "parse_data": {"intent": {"name": "ask_refund_time"}},
            }
        ],
        slots={"language": "zh", "chinese_script": "traditional"},
        reason="seller_request",
        channel="telegram",
        seller_id="s1",
        now=datetime(2026, 11, 3, 10, tzinfo=timezone.utc),
    )
    save_ticket(chinese, Delivery(DeliveryStatus.LOCAL), url=f"sqlite:///{database}")
    old, new = load_tickets(str(database))
    assert (old["language"], new["language"]) == ("English", "Chinese (Traditional)")
    assert "Seller's language: Chinese (Traditional)." in new["summary"]
    assert '"保證金什麼時候退？電話 [phone]"' in new["summary"]

    with sqlite3.connect(database) as db:
        db.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
            "timestamp FLOAT, intent_name TEXT, action_name TEXT, data TEXT)"
        )
    out = tmp_path / "report.html"
    assert main(["--db", str(database), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<th>seller's language</th>" in html
    assert "<td>Chinese (Traditional)</td>" in html and "<td>English</td>" in html
    assert "保證金什麼時候退？電話 [phone]" in html and "13812345678" not in html
