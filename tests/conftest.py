"""Shared fixtures: the real Rasa and action servers for the integration tests."""

import pytest

from refund_assistant.launcher.local_bot import MODEL, start_bot


@pytest.fixture(scope="session")
def bot():
    """The real Rasa and action servers, started once for all tests marked `servers`."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    # no feedback question pushed minutes later into another test's conversation: the pause has
    # its own bot (tests/integration/test_feedback_after_pause.py)
    running = start_bot(env={"FEEDBACK_PAUSE_SECONDS": "0"})
    yield running
    running.stop()
