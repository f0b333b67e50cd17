"""Reading Rasa's tracker store: one read-only query on its `events` table.

Why a query and not Rasa's tracker store class: loading every tracker would import Rasa, replay
each conversation and take locks on the live store. The report needs a handful of columns of a
few event types, so it selects those rows directly, in the order they were stored, and keeps
each row's stored event dict (`Event.data`) for the rest.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from refund_assistant.conversation import SESSION_START_ACTION, intent_of
from refund_assistant.dialogue.feedback import FEEDBACK_QUESTION
from refund_assistant.handoff.ticket import REASON_SLOT as HANDOFF_REASON_SLOT
from refund_assistant.languages import LANGUAGE_SLOT
from refund_assistant.report.database import (
    ReportError,
    database_url,
    first_line,
    open_engine,
    shown,
)

EVENTS_TABLE = "events"


@dataclass(frozen=True)
class Event:
    """One row of the tracker store's `events` table, `data` already parsed from JSON."""

    sender_id: str
    type_name: str
    timestamp: float | None
    intent_name: str | None = None
    action_name: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def as_stored(self) -> dict[str, Any]:
        """The event as the dict Rasa stores, which `refund_assistant.conversation` reads; the
        row's columns win over `data` (which may be empty when the JSON was unreadable)."""
        columns: dict[str, Any] = {"event": self.type_name}
        if self.type_name == "action":
            columns["name"] = self.action_name
        return {**self.data, **columns}


def events_query() -> sa.sql.Select:
    """Only the rows the figures need: seller messages, session starts, handoff and language
    slots, and the feedback questions (which make a typed yes/no count as feedback)."""
    columns = ("id", "sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")
    events = sa.table(EVENTS_TABLE, *(sa.column(name) for name in columns))
    c = events.c
    return (
        sa.select(c.sender_id, c.type_name, c.timestamp, c.intent_name, c.action_name, c.data)
        .where(
            sa.or_(
                c.type_name == "user",
                sa.and_(c.type_name == "action", c.action_name == SESSION_START_ACTION),
                sa.and_(c.type_name == "slot", c.data.like(f'%"{HANDOFF_REASON_SLOT}"%')),
                sa.and_(c.type_name == "slot", c.data.like(f'%"{LANGUAGE_SLOT}"%')),
                sa.and_(c.type_name == "bot", c.data.like(f'%"{FEEDBACK_QUESTION}"%')),
            )
        )
        .order_by(c.sender_id, c.id)
    )


def event_from_row(row: Any) -> Event:
    """A row as an `Event`; unreadable JSON counts as no data, not as an error."""
    try:
        data = json.loads(row.data) if row.data else {}
    except json.JSONDecodeError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    intent = row.intent_name
    if intent is None and row.type_name == "user":
        intent = intent_of(data)
    return Event(
        sender_id=row.sender_id,
        type_name=row.type_name,
        timestamp=row.timestamp if row.timestamp is not None else data.get("timestamp"),
        intent_name=intent,
        action_name=row.action_name,
        data=data,
    )


def load_events(db: str) -> list[Event]:
    """The events the report needs, each seller's in the order they were stored.

    `db` is a SQLAlchemy URL or the path of a SQLite file.
    """
    url = database_url(db)
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table(EVENTS_TABLE):
                raise ReportError(
                    f"no `{EVENTS_TABLE}` table in {shown(url)}: is this Rasa's tracker store?"
                )
            return [event_from_row(row) for row in connection.execute(events_query())]
    except sa.exc.SQLAlchemyError as error:
        raise ReportError(f"cannot read {shown(url)}: {first_line(error)}") from None
    finally:
        engine.dispose()
