"""The report's fixtures: the conversations of `tracker_fixture`, stored by Rasa, and read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from refund_assistant.report.events import load_events
from tests.unit.report.tracker_fixture import save_conversations


@pytest.fixture
async def tracker_db(tmp_path: Path) -> Path:
    """The fixture conversations, saved by Rasa's SQLTrackerStore as the running bot saves them."""
    path = tmp_path / "conversations.db"
    await save_conversations(path)
    return path


@pytest.fixture
def events(tracker_db):
    return load_events(str(tracker_db))
