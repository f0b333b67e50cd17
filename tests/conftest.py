"""Shared test set-up: run from the project root so relative paths in config files resolve."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
os.chdir(PROJECT_ROOT)

import pytest

from tests.bot_process import MODEL, start_bot


@pytest.fixture(scope="session")
def bot():
    """The real Rasa and action servers, started once for all tests marked `servers`."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    running = start_bot()
    yield running
    running.stop()
