"""Conversations go to the SQL tracker store: personal data never reaches it, and a restart of
the servers loses no conversation."""

import sqlite3

import pytest

from refund_assistant.launcher.local_bot import start_bot

pytestmark = pytest.mark.servers

PERSONAL_DATA = {
    "card": ("my card is 4111 1111 1111 1111", "4111 1111 1111 1111"),
    "iban": ("refund to DE89 3704 0044 0532 0130 00 please", "DE89 3704 0044 0532 0130 00"),
    "bank account": ("my bank account is 6222 0212 3456 7890 123", "6222 0212 3456 7890 123"),
    "email": ("write to me at li.wang@example.com", "li.wang@example.com"),
    "phone": ("call me +86 138 0013 8000", "138 0013 8000"),
    "credit code": ("our credit code is 91350100M000100Y43", "91350100M000100Y43"),
}


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "conversations.db"
    return path, {"TRACKER_DB_URL": f"sqlite:///{path}"}


def stored_text(path) -> str:
    with sqlite3.connect(path) as connection:
        return "\n".join(row[0] for row in connection.execute("SELECT data FROM events"))


def test_personal_data_is_never_stored_and_the_seller_is_told(database):
    path, env = database
    bot = start_bot(env=env)
    try:
        for kind, (message, _secret) in PERSONAL_DATA.items():
            replies = bot.texts(f"pii-{kind}", message)
            assert "don't need them" in replies[0], kind
        bot.texts("pii-question", "how long is the review? my phone is 13800138000")
    finally:
        bot.stop()
    stored = stored_text(path)
    logs = bot.output.read_text()  # both servers' output at their default (INFO) level
    assert "[card number]" in stored and "[email]" in stored
    for kind, (_message, secret) in PERSONAL_DATA.items():
        assert secret not in stored, kind
        assert secret.replace(" ", "") not in stored.replace(" ", ""), kind
        assert secret not in logs, kind
    assert "13800138000" not in stored


def test_a_restart_loses_no_conversation(database):
    path, env = database
    bot = start_bot(env=env)
    try:
        assert "cancelled" in bot.texts("restart-seller", "check my store")[-1]
        assert "pending" in bot.texts("restart-seller", "yes, the store is cancelled")[-1]
    finally:
        bot.stop()
    bot = start_bot(env=env)
    try:
        # The form is still waiting for the pending-orders answer and remembers the store.
        assert "violation" in bot.texts("restart-seller", "no")[-1]
        assert "open buyer dispute" in bot.texts("restart-seller", "no")[-1]
        assert "Good news" in bot.texts("restart-seller", "no")[-1]
    finally:
        bot.stop()
