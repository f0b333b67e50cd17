"""The ticket table: the seller's language stored and read back; a table created before the
language columns gets them on first use, and its old rows read as English."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone

import pytest
import sqlalchemy as sa

from refund_assistant.handoff import store
from refund_assistant.handoff.ticket import build_ticket
from tests.support import user_event as user

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)

# The table as the first version of the store created it, with one ticket filed then.
OLD_TABLE = """
CREATE TABLE handoff_tickets (
    id VARCHAR(16) NOT NULL PRIMARY KEY,
    created_at VARCHAR(32) NOT NULL,
    seller_id VARCHAR(255) NOT NULL,
    channel VARCHAR(64),
    reason VARCHAR(64) NOT NULL,
    summary TEXT NOT NULL,
    ticket TEXT NOT NULL,
    delivery_status VARCHAR(16) NOT NULL,
    delivery_error TEXT
)
"""
OLD_ROW = (
    "RA-OLD234",
    "2026-10-01T08:00:00+00:00",
    "s0",
    "rest",
    "seller_request",
    "Handed over because the seller asked for a person.",
    '{"id": "RA-OLD234"}',
    "local",
    None,
)


def chinese_ticket():
    return build_ticket(
        events=[user("保證金什麼時候退？", "ask_refund_time", 1.0)],
        slots={"language": "zh", "chinese_script": "traditional"},
        reason="seller_request",
        channel="telegram",
        seller_id="s1",
        now=NOW,
    )


@pytest.fixture
def old_database(tmp_path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.execute(OLD_TABLE)
        db.execute("INSERT INTO handoff_tickets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", OLD_ROW)
    return path


def columns(path):
    with sqlite3.connect(path) as db:
        return [row[1] for row in db.execute("PRAGMA table_info(handoff_tickets)")]


def test_the_language_is_stored_in_its_columns_and_in_the_ticket_json(tmp_path):
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    ticket = chinese_ticket()
    store.save_ticket(ticket, store.Delivery(store.DeliveryStatus.LOCAL), url)
    [row] = store.load_tickets(url)
    assert (row["language"], row["chinese_script"]) == ("zh", "traditional")
    stored = json.loads(row["ticket"])
    assert (stored["language"], stored["chinese_script"]) == ("zh", "traditional")
    # Stored as written, not as \\u escapes.
    assert "保證金什麼時候退？" in row["ticket"]
    assert "Seller's language: Chinese (Traditional)." in row["summary"]


def test_an_old_table_gets_the_language_columns_and_its_old_rows_read_as_english(old_database):
    url = f"sqlite:///{old_database}"
    assert "language" not in columns(old_database)

    ticket = chinese_ticket()
    store.save_ticket(ticket, store.Delivery(store.DeliveryStatus.LOCAL), url)

    assert columns(old_database)[-2:] == ["language", "chinese_script"]
    old, new = store.load_tickets(url)
    assert (old["id"], old["language"], old["chinese_script"]) == ("RA-OLD234", "en", None)
    assert (new["id"], new["language"], new["chinese_script"]) == (ticket.id, "zh", "traditional")
    # The old row itself keeps NULL: "en" is how it is read, not a value made up for it.
    with sqlite3.connect(old_database) as db:
        assert db.execute(
            "SELECT language FROM handoff_tickets WHERE id = 'RA-OLD234'"
        ).fetchone() == (None,)


def test_adding_the_columns_again_does_nothing(old_database):
    engine = sa.create_engine(f"sqlite:///{old_database}")
    assert store.add_missing_columns(engine) == ["language", "chinese_script"]
    assert store.add_missing_columns(engine) == []
    engine.dispose()


def test_an_old_table_is_read_without_migrating_it(old_database):
    # The report reads read-only, perhaps before the action server has added the columns.
    engine = sa.create_engine(f"sqlite:///file:{old_database}?mode=ro&uri=true")
    with engine.connect() as connection:
        [row] = store.read_tickets(connection)
    engine.dispose()
    assert (row["id"], row["language"], row["chinese_script"]) == ("RA-OLD234", "en", None)
    assert "language" not in columns(old_database)
