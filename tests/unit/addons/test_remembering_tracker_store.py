"""The tracker store that remembers the conversations it wrote (addons/remembering_tracker_store.py):
what it reads from memory is exactly what the database gives a store that remembers nothing,
masked, per session, after a failed write, and within its size budget."""

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons import remembering_tracker_store
from addons.remembering_tracker_store import RememberingTrackerStore
from refund_assistant.settings import PROJECT_ROOT

DOMAIN = Domain.load(str(PROJECT_ROOT / "domain.yml"))
CARD = "6222021234567890123"


def store(database, remember=True):
    return RememberingTrackerStore(
        domain=DOMAIN, url=f"sqlite:///{database}", remember_conversations=remember
    )


def said(text, intent="ask_review_time", at=None):
    parse_data = {"intent": {"name": intent, "confidence": 0.9}, "entities": [], "text": text}
    return UserUttered(text, parse_data["intent"], [], parse_data, timestamp=at)


def dump(tracker):
    return None if tracker is None else [e.as_dict() for e in tracker.events]


async def talk(tracker_store, sender, *events):
    """Appends `events` to the sender's conversation the way Rasa does: retrieve, add, save."""
    tracker = await tracker_store.retrieve(sender)
    if tracker is None:
        tracker = DialogueStateTracker(sender, DOMAIN.slots)
    for event in events:
        tracker.update(event)
    await tracker_store.save(tracker)
    return tracker


async def test_memory_gives_what_the_database_gives_masked(tmp_path):
    remembering, database_only = store(tmp_path / "a.db"), store(tmp_path / "a.db", remember=False)
    await talk(remembering, "s1", ActionExecuted("action_listen"), said(f"card {CARD} review?"))
    await talk(remembering, "s1", BotUttered("7 to 15 working days"), said("thanks", "thank"))
    from_memory = await remembering.retrieve("s1")
    assert dump(from_memory) == dump(await database_only.retrieve("s1"))
    assert len(from_memory.events) == 4
    assert CARD not in str(dump(from_memory))  # masked, as the database holds it


async def test_only_the_latest_session_is_read_as_rasa_reads_it(tmp_path):
    remembering, database_only = store(tmp_path / "b.db"), store(tmp_path / "b.db", remember=False)
    (
        await talk(
            remembering,
            "s1",
            ActionExecuted("action_listen", timestamp=1.0),
            said("hi", "greet", 2.0),
        )
    )
    (
        await talk(
            remembering,
            "s1",
            ActionExecuted("action_session_start", timestamp=10.0),
            SessionStarted(timestamp=10.0),
            said("bye", "goodbye", 11.0),
        )
    )
    from_memory = await remembering.retrieve("s1")
    assert dump(from_memory) == dump(await database_only.retrieve("s1"))
    assert [e.timestamp for e in from_memory.events] == [10.0, 10.0, 11.0]


async def test_a_new_conversation_is_none_and_written_once(tmp_path):
    remembering, database_only = store(tmp_path / "c.db"), store(tmp_path / "c.db", remember=False)
    assert (await remembering.retrieve("new")) is None
    await talk(remembering, "new", said("hello", "greet"))
    await talk(remembering, "new", said("again", "greet"))
    assert len((await database_only.retrieve("new")).events) == 2  # no event written twice


async def test_a_failed_write_is_forgotten_and_read_again(tmp_path, monkeypatch):
    remembering, database_only = store(tmp_path / "d.db"), store(tmp_path / "d.db", remember=False)
    await talk(remembering, "s1", said("first", "greet"))

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(remembering, "_add_masked", fail)
    with pytest.raises(RuntimeError):
        await talk(remembering, "s1", said("lost", "greet"))
    monkeypatch.undo()
    # meanwhile another writer (or a retry) added to the database: memory must not hide it
    await talk(database_only, "s1", said("second", "greet"))
    assert [e.text for e in (await remembering.retrieve("s1")).events] == ["first", "second"]


async def test_a_conversation_over_the_budget_is_read_from_the_database(tmp_path, monkeypatch):
    monkeypatch.setattr(remembering_tracker_store, "REMEMBERED_BYTES", 200)
    remembering, database_only = store(tmp_path / "e.db"), store(tmp_path / "e.db", remember=False)
    await talk(remembering, "s1", said("x" * 500, "greet"))
    await talk(database_only, "s1", said("written by another", "greet"))
    assert len((await remembering.retrieve("s1")).events) == 2


async def test_without_memory_every_read_goes_to_the_database(tmp_path):
    first, second = (
        store(tmp_path / "f.db", remember=False),
        store(tmp_path / "f.db", remember=False),
    )
    await talk(first, "s1", said("one", "greet"))
    await talk(second, "s1", said("two", "greet"))
    assert [e.text for e in (await first.retrieve("s1")).events] == ["one", "two"]


async def test_sqlite_runs_in_write_ahead_log_mode_on_one_kept_connection(tmp_path):
    tracker_store = store(tmp_path / "g.db", remember=False)
    await talk(tracker_store, "s1", said("hi", "greet"))
    with tracker_store.engine.connect() as first:
        assert first.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        first_connection = first.connection.dbapi_connection
    with tracker_store.engine.connect() as second:
        assert second.connection.dbapi_connection is first_connection
