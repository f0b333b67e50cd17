"""The masking SQL tracker store, reading recent conversations from memory instead of the
database, when this Rasa server is the only one writing it.

Under load, the tracker store was 45 % of the Rasa server's CPU (py-spy, 50 sellers): every
message loads the whole conversation from the database and turns each row back into an event,
and every save counts the stored rows first to know which events are new. A server that wrote a
conversation itself already knows what the database holds for it. Here it keeps that (the masked
rows, as stored, so a tracker read from memory is exactly the one the database would give), and
reads and counts from it; every save is still written to the database before the answer goes
out, so nothing is lost when the server stops.

Only right when no other process writes the same conversations: `make run` turns it on
(`remember_conversations: true`) unless several servers share a lock store (LOCK_STORE_URL),
where a seller's next message may go to the other server. What is remembered is bounded in size
(least recently used conversations are forgotten first and read from the database again).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from cachetools import LRUCache
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

from addons.masking_tracker_store import MaskingSQLTrackerStore, StoredEvent

REMEMBERED_BYTES = 16 * 1024 * 1024  # a few hundred conversations; the soak allows +5 % of ~760 MB
_ROW_OVERHEAD = 120  # bytes of a stored event beyond its JSON: the tuple, the float, the name


def _size(events: tuple[StoredEvent, ...]) -> int:
    return sum(len(event.data) + _ROW_OVERHEAD for event in events)


def latest_session(events: tuple[StoredEvent, ...]) -> tuple[StoredEvent, ...]:
    """The events Rasa's query returns for the latest session: those stamped no earlier than
    the latest `session_started` event, or all of them when there is none."""
    starts = [e.timestamp or 0.0 for e in events if e.type_name == SessionStarted.type_name]
    if not starts:
        return events
    start = max(starts)
    return tuple(event for event in events if (event.timestamp or 0.0) >= start)


class RememberingTrackerStore(MaskingSQLTrackerStore):
    def __init__(self, *args: Any, remember_conversations: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._remembered: LRUCache[str, tuple[StoredEvent, ...]] | None = (
            LRUCache(maxsize=REMEMBERED_BYTES, getsizeof=_size) if remember_conversations else None
        )

    def _read(self, session: Any, sender_id: str) -> tuple[StoredEvent, ...]:
        """The latest session's events as the database holds them, remembered from now on."""
        rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
        events = tuple(StoredEvent(row.timestamp, row.type_name, row.data) for row in rows)
        self._remember(sender_id, events)
        return events

    def _remember(self, sender_id: str, events: tuple[StoredEvent, ...]) -> None:
        assert self._remembered is not None
        try:
            self._remembered[sender_id] = events
        except ValueError:  # one conversation larger than the whole budget: read it each time
            self._remembered.pop(sender_id, None)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        if self._remembered is None:
            return await super().retrieve(sender_id)
        events = self._remembered.get(sender_id)
        if events is None:
            with self.session_scope() as session:
                events = self._read(session, sender_id)
        if not (self.domain and events):
            return None
        return DialogueStateTracker.from_dict(
            sender_id, [json.loads(event.data) for event in events], self.domain.slots
        )

    async def save(self, tracker: DialogueStateTracker) -> None:
        """The masking store's save, counting the stored events from memory."""
        if self._remembered is None:
            return await super().save(tracker)
        await self.stream_events(tracker)
        sender_id = tracker.sender_id
        known = self._remembered.get(sender_id)
        try:
            with self.session_scope() as session:
                if known is None:
                    known = self._read(session, sender_id)
                new = itertools.islice(tracker.events, len(known), len(tracker.events))
                added = self._add_masked(session, tracker, new)
                session.commit()
        except BaseException:
            self._remembered.pop(sender_id, None)  # not sure what the database holds now
            raise
        self._remember(sender_id, latest_session(known + tuple(added)))
