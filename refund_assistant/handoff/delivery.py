"""Filing a ticket: store it, then deliver it to the support team's webhook when one is set.

A webhook that stays down leaves the ticket stored as `pending` and the seller is told so;
without a webhook the stored ticket is the handoff (`local`), the same "local mode" a laptop
run uses.
"""

from __future__ import annotations

import logging
from datetime import datetime

import aiohttp
from aiohttp_retry import ExponentialRetry, RetryClient

from refund_assistant.handoff.store import Delivery, DeliveryStatus, save_ticket, update_delivery
from refund_assistant.handoff.ticket import Ticket
from refund_assistant.settings import Settings

logger = logging.getLogger(__name__)

WEBHOOK_ATTEMPTS = 3
WEBHOOK_TIMEOUT_SECONDS = 5


async def post_ticket(ticket: Ticket, url: str) -> Delivery:
    """POSTs the ticket as JSON (`Ticket.as_dict()`); retries on connection errors and 5xx answers.

    The payload only ever gains keys (`language` and `chinese_script` came after the first
    version), so a receiver that ignores keys it does not know keeps working; one that reads them
    can route a ticket to an agent who reads the seller's language."""
    retry = ExponentialRetry(
        attempts=WEBHOOK_ATTEMPTS, start_timeout=0.2, exceptions={aiohttp.ClientError}
    )
    timeout = aiohttp.ClientTimeout(total=WEBHOOK_TIMEOUT_SECONDS)
    try:
        async with RetryClient(
            retry_options=retry, timeout=timeout, raise_for_status=False
        ) as client:
            async with client.post(url, json=ticket.as_dict()) as response:
                if response.status < 300:
                    return Delivery(DeliveryStatus.DELIVERED)
                return Delivery(DeliveryStatus.PENDING, f"webhook answered HTTP {response.status}")
    except Exception as error:  # any failure to deliver leaves the ticket pending, never lost
        return Delivery(DeliveryStatus.PENDING, f"{type(error).__name__}: {error}")


async def file_ticket(ticket: Ticket, settings: Settings | None = None) -> Delivery:
    """Stores the ticket, then delivers it to the webhook when one is configured."""
    settings = settings or Settings.from_env()
    database, webhook = settings.database_url, settings.handoff_webhook_url
    save_ticket(
        ticket, Delivery(DeliveryStatus.PENDING if webhook else DeliveryStatus.LOCAL), database
    )
    delivery = Delivery(DeliveryStatus.LOCAL)
    if webhook:
        delivery = await post_ticket(ticket, webhook)
        update_delivery(ticket.id, delivery, database)
        if delivery.status is DeliveryStatus.PENDING:
            logger.warning("Ticket %s kept as pending: %s", ticket.id, delivery.error)
    logger.info("Ticket %s filed (%s, %s)", ticket.id, ticket.reason, delivery.status.value)
    return delivery


def now() -> datetime:
    return datetime.now().astimezone()
