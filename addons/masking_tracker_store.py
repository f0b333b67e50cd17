"""Rasa's SQL tracker store, writing seller messages with personal data masked.

The conversation database is what the deflection report and support staff read, so a card
number, IBAN, e-mail address, phone number or credit code a seller pastes into the chat must
never reach it. Masking here, at the only place conversations are written, covers every
channel. The bot still sees the original words for the turn in which they were sent.

Also accepts the database as one SQLAlchemy URL (`url:` in endpoints.yml, from
TRACKER_DB_URL), which Rasa's own store takes only as separate fields, and runs SQLite in
write-ahead-log mode: readers no longer wait for the writer, and a commit no longer waits for
two disk syncs (the rollback journal's), which halves the store's share of every message.
SQLAlchemy 1.4 opens a new SQLite connection for every session (and so set the journal mode
again each time); here the connection is kept, one per thread. New events are written with one
multi-row INSERT rather than through the ORM's unit of work, which cost more than the write.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

import rasa
import sqlalchemy
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from refund_assistant.compat import require_version
from refund_assistant.privacy import mask_value

# `save` below is Rasa 3.6.21's own, with masking added: refuse any other Rasa.
RASA_VERSION_WRITTEN_FOR = "3.6.21"
require_version("rasa", rasa.__version__, RASA_VERSION_WRITTEN_FOR, "MaskingSQLTrackerStore.save")

MASKED_EVENT_TYPES = frozenset({"user", "bot", "slot", "user_featurization"})


class StoredEvent(NamedTuple):
    """One event as the database row holds it."""

    timestamp: float | None
    type_name: str
    data: str  # the masked event, as JSON


def _sqlite_write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; safe with WAL
    cursor.close()


class MaskingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, domain: Domain | None = None, url: str | None = None, **kwargs: Any) -> None:
        if url:
            parsed = make_url(url)
            kwargs.update(
                dialect=parsed.drivername,
                host=parsed.host,
                port=parsed.port,
                db=parsed.database,
                username=parsed.username,
                password=parsed.password,
                query=dict(parsed.query) or None,
            )
        super().__init__(domain=domain, **kwargs)
        if self.engine.dialect.name == "sqlite":
            self.engine.dispose()
            self.engine = sqlalchemy.create_engine(self.engine.url, poolclass=SingletonThreadPool)
            sqlalchemy.event.listen(self.engine, "connect", _sqlite_write_ahead_log)
            self.sessionmaker = sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Rasa's save, with each new event masked before it is written."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            self._add_masked(session, tracker, self._additional_events(session, tracker))
            session.commit()

    def _add_masked(
        self, session: Any, tracker: DialogueStateTracker, events: Any
    ) -> list[StoredEvent]:
        """Inserts `events`, masked, in the session's transaction; returns them as stored."""
        stored, rows = [], []
        for event in events:
            data = event.as_dict()
            if data.get("event") in MASKED_EVENT_TYPES:
                data = mask_value(data)
            row = StoredEvent(data.get("timestamp"), event.type_name, json.dumps(data))
            stored.append(row)
            rows.append(
                {
                    **row._asdict(),
                    "sender_id": tracker.sender_id,
                    "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
                    "action_name": data.get("name"),
                }
            )
        if rows:
            session.execute(self.SQLEvent.__table__.insert(), rows)
        return stored
