"""Keeps handoff tickets and delivers them to the support team's system.

Every ticket is written to the database first (table `handoff_tickets`, beside the
conversations), so none is lost; then, when HANDOFF_WEBHOOK_URL is set, it is POSTed there as
JSON with retries. A webhook that stays down leaves the ticket stored as `pending`, and the
seller is told so. Without a webhook the stored ticket is the handoff (`local`), the same
"local mode" a laptop run uses.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any, Dict, List, Optional

import aiohttp
import sqlalchemy as sa
from aiohttp_retry import ExponentialRetry, RetryClient

from actions.database import database_url
from actions.handoff import Ticket

logger = logging.getLogger(__name__)

WEBHOOK_URL_ENV = "HANDOFF_WEBHOOK_URL"
WEBHOOK_ATTEMPTS = 3
WEBHOOK_TIMEOUT_SECONDS = 5
DELIVERED, PENDING, LOCAL = "delivered", "pending", "local"

metadata = sa.MetaData()
tickets = sa.Table(
    "handoff_tickets",
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


@dataclass(frozen=True)
class Delivery:
    status: str  # DELIVERED, PENDING or LOCAL
    error: Optional[str] = None


@lru_cache(maxsize=4)
def _engine(url: str) -> sa.engine.Engine:
    engine = sa.create_engine(url, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


async def post_ticket(ticket: Ticket, url: str) -> Delivery:
    """POSTs the ticket as JSON; retries on connection errors and 5xx answers."""
    retry = ExponentialRetry(attempts=WEBHOOK_ATTEMPTS, start_timeout=0.2, exceptions={aiohttp.ClientError})
    timeout = aiohttp.ClientTimeout(total=WEBHOOK_TIMEOUT_SECONDS)
    try:
        async with RetryClient(retry_options=retry, timeout=timeout, raise_for_status=False) as client:
            async with client.post(url, json=ticket.as_dict()) as response:
                if response.status < 300:
                    return Delivery(DELIVERED)
                return Delivery(PENDING, f"webhook answered HTTP {response.status}")
    except Exception as error:  # any failure to deliver leaves the ticket pending, never lost
        return Delivery(PENDING, f"{type(error).__name__}: {error}")


def save_ticket(ticket: Ticket, delivery: Delivery, url: Optional[str] = None) -> None:
    with _engine(url or database_url()).begin() as connection:
        connection.execute(
            tickets.insert().values(
                id=ticket.id,
                created_at=ticket.created_at,
                seller_id=ticket.seller_id,
                channel=ticket.channel,
                reason=ticket.reason,
                summary=ticket.summary,
                ticket=json.dumps(ticket.as_dict(), ensure_ascii=False),
                delivery_status=delivery.status,
                delivery_error=delivery.error,
            )
        )


def update_delivery(ticket_id: str, delivery: Delivery, url: Optional[str] = None) -> None:
    with _engine(url or database_url()).begin() as connection:
        connection.execute(
            tickets.update()
            .where(tickets.c.id == ticket_id)
            .values(delivery_status=delivery.status, delivery_error=delivery.error)
        )


def load_tickets(url: Optional[str] = None) -> List[Dict[str, Any]]:
    with _engine(url or database_url()).connect() as connection:
        rows = connection.execute(sa.select(tickets).order_by(tickets.c.created_at)).mappings()
        return [dict(row) for row in rows]


async def file_ticket(ticket: Ticket) -> Delivery:
    """Stores the ticket, then delivers it to the webhook when one is configured."""
    webhook = (os.environ.get(WEBHOOK_URL_ENV) or "").strip()
    save_ticket(ticket, Delivery(PENDING if webhook else LOCAL))
    delivery = Delivery(LOCAL)
    if webhook:
        delivery = await post_ticket(ticket, webhook)
        update_delivery(ticket.id, delivery)
        if delivery.status == PENDING:
            logger.warning("Ticket %s kept as pending: %s", ticket.id, delivery.error)
    logger.info("Ticket %s filed (%s, %s)", ticket.id, ticket.reason, delivery.status)
    return delivery


def now() -> datetime:
    return datetime.now().astimezone()
