"""Reading the tracker store: the fixture is stored the way `refund_assistant.report.events` reads it."""

from __future__ import annotations

import sqlite3


def test_the_fixture_is_stored_the_way_the_report_reads_it(tracker_db):
    with sqlite3.connect(tracker_db) as db:
        rows = db.execute(
            "SELECT type_name, intent_name, action_name FROM events WHERE sender_id = 'seller-h' ORDER BY id"
        ).fetchall()
    assert [r[2] for r in rows].count("action_session_start") == 2
    assert ("user", "feedback_helpful", None) in rows
