"""The production profile: two Rasa servers (each with its action server) sharing a PostgreSQL
tracker store and a Redis lock store. One seller's messages alternate between them, as behind
a load balancer without sticky sessions: the context carries across, nothing is lost or doubled."""

import json

import pytest
import sqlalchemy as sa

from refund_assistant.launcher.scratch_services import two_server_cluster

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def two_servers():
    with two_server_cluster() as cluster:
        yield cluster


def test_one_conversation_across_two_servers(two_servers):
    database, first, second = two_servers
    seller = "cluster-seller"
    conversation = [
        (first, "check my store", "cancelled"),
        (second, "yes it is cancelled", "pending"),
        (first, "no pending orders", "violation"),
        (second, "no", "open buyer dispute"),
        (first, "no", "Good news"),
        (second, "yes", "Step 1 of 5"),
        (first, "next", "Step 2 of 5"),
        (second, "next", "Step 3 of 5"),
        (first, "go back", "Step 2 of 5"),
    ]
    for server, message, expected in conversation:
        replies = server.texts(seller, message)
        assert any(expected in reply for reply in replies), (message, replies)

    engine = sa.create_engine(database)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT data FROM events WHERE sender_id = :seller AND type_name = 'user' ORDER BY id"
            ),
            {"seller": seller},
        ).fetchall()
    engine.dispose()
    assert [json.loads(row[0])["text"] for row in rows] == [m for _, m, _ in conversation]
