"""Where handoff tickets are kept: the `handoff_tickets` table, beside the conversations.

Every ticket is written here before anything is sent anywhere, so none is lost when the support
team's webhook is down. The table is defined once; the action server writes it and the
deflection report reads it with the same definition.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from refund_assistant.handoff.ticket import Ticket

TICKETS_TABLE = "handoff_tickets"


class DeliveryStatus(str, Enum):
    DELIVERED = "delivered"  # the webhook accepted it
    PENDING = "pending"  # stored; the webhook has not accepted it (yet)
    LOCAL = "local"  # no webhook configured: the stored ticket is the handoff


@dataclass(frozen=True)
class Delivery:
    status: DeliveryStatus
    error: str | None = None


metadata = sa.MetaData()
tickets = sa.Table(
    TICKETS_TABLE,
    metadata,
    sa.Column("id", sa.String(16), primary_key=True),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("seller_id", sa.String(255), nullable=False, index=True),
    sa.Column("channel", sa.String(64)),
    sa.Column("reason", sa.String(64), nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("ticket", sa.Text, nullable=False),  # the full ticket as JSON
    sa.Column("delivery_status", sa.String(16), nullable=False),
    sa.Column("delivery_error", sa.Text),
)


@lru_cache(maxsize=4)
def _engine(url: str) -> sa.engine.Engine:
    engine = sa.create_engine(url, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


def save_ticket(ticket: Ticket, delivery: Delivery, url: str) -> None:
    with _engine(url).begin() as connection:
        connection.execute(
            tickets.insert().values(
                id=ticket.id,
                created_at=ticket.created_at,
                seller_id=ticket.seller_id,
                channel=ticket.channel,
                reason=ticket.reason,
                summary=ticket.summary,
                ticket=json.dumps(ticket.as_dict(), ensure_ascii=False),
                delivery_status=delivery.status.value,
                delivery_error=delivery.error,
            )
        )


def update_delivery(ticket_id: str, delivery: Delivery, url: str) -> None:
    with _engine(url).begin() as connection:
        connection.execute(
            tickets.update()
            .where(tickets.c.id == ticket_id)
            .values(delivery_status=delivery.status.value, delivery_error=delivery.error)
        )


def read_tickets(connection: sa.engine.Connection) -> list[dict[str, Any]]:
    """Every ticket on an open connection, oldest first; none when the table does not exist
    yet (the bot has not handed anyone over)."""
    if not sa.inspect(connection).has_table(TICKETS_TABLE):
        return []
    rows = connection.execute(sa.select(tickets).order_by(tickets.c.created_at)).mappings()
    return [dict(row) for row in rows]


def load_tickets(url: str) -> list[dict[str, Any]]:
    with _engine(url).connect() as connection:
        return read_tickets(connection)
