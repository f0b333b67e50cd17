"""Where handoff tickets are kept: the `handoff_tickets` table, beside the conversations.

Every ticket is written here before anything is sent anywhere, so none is lost when the support
team's webhook is down. The table is defined once; the action server writes it and the
deflection report reads it with the same definition.

Columns added since the table was first created (`ADDED_COLUMNS`: the seller's `language` and
`chinese_script`) are nullable, and the action server adds the ones a database lacks
(`ALTER TABLE ... ADD COLUMN`) the first time it opens it, so an existing database needs no
manual migration. Rows written before keep NULL there, and are read with the ticket's defaults
(`language` "en": the bot answered in English only then). Readers select only the columns the
table has, so the read-only report also works on a database the action server has not migrated
yet.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from refund_assistant.handoff.ticket import Ticket
from refund_assistant.languages import DEFAULT_LANGUAGE

TICKETS_TABLE = "handoff_tickets"
# Columns added after the first version of the table: nullable, added to older databases on
# first use, NULL in their old rows. A column added later must be nullable and go here too.
ADDED_COLUMNS = ("language", "chinese_script")
# What a NULL in an added column (a ticket filed before it existed) is read as.
DEFAULTS_FOR_OLD_ROWS: dict[str, Any] = {"language": DEFAULT_LANGUAGE.value}


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
    # The seller's language ("en", "zh") and Chinese script ("simplified", "traditional").
    sa.Column("language", sa.String(8), nullable=True),
    sa.Column("chinese_script", sa.String(16), nullable=True),
)


def _column_names(connection: sa.engine.Connection) -> set[str]:
    return {column["name"] for column in sa.inspect(connection).get_columns(TICKETS_TABLE)}


def add_missing_columns(engine: sa.engine.Engine) -> list[str]:
    """Adds the `ADDED_COLUMNS` a table created by an older version lacks; the names added.

    Each in its own transaction: another process may be adding the same column at the same
    time, and its failure must not undo the others (PostgreSQL aborts the whole transaction)."""
    with engine.connect() as connection:
        missing = [name for name in ADDED_COLUMNS if name not in _column_names(connection)]
    added = []
    for name in missing:
        column = tickets.c[name]
        preparer = engine.dialect.identifier_preparer
        ddl = (
            f"ALTER TABLE {preparer.quote(TICKETS_TABLE)} ADD COLUMN {preparer.quote(name)} "
            f"{column.type.compile(dialect=engine.dialect)}"
        )
        try:
            with engine.begin() as connection:
                connection.execute(sa.text(ddl))
            added.append(name)
        except sa.exc.SQLAlchemyError:
            with engine.connect() as connection:
                if name not in _column_names(connection):
                    raise  # not a concurrent add: a real problem
    return added


@lru_cache(maxsize=4)
def _engine(url: str) -> sa.engine.Engine:
    engine = sa.create_engine(url, pool_pre_ping=True)
    metadata.create_all(engine)
    add_missing_columns(engine)
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
                language=ticket.language,
                chinese_script=ticket.chinese_script,
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
    yet (the bot has not handed anyone over).

    Every column of `tickets` is in each row: one the table does not have yet (an older
    database, read without migrating it) and a NULL in an added column read as
    `DEFAULTS_FOR_OLD_ROWS` says (else None)."""
    if not sa.inspect(connection).has_table(TICKETS_TABLE):
        return []
    present = _column_names(connection)
    columns = [column for column in tickets.columns if column.name in present]
    query = sa.select(*columns).order_by(tickets.c.created_at)
    rows = []
    for row in connection.execute(query).mappings():
        read = {column.name: row.get(column.name) for column in tickets.columns}
        for name, default in DEFAULTS_FOR_OLD_ROWS.items():
            if read[name] is None:
                read[name] = default
        rows.append(read)
    return rows


def load_tickets(url: str) -> list[dict[str, Any]]:
    with _engine(url).connect() as connection:
        return read_tickets(connection)
