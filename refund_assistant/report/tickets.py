"""The handoff tickets created in the report's period, as the report lists them.

Why here and not in the ticket store: the store writes and reads through its own engine, which
creates the table; the report must only read, through its own read-only connection. The table
definition is shared (`refund_assistant.handoff.store`), so a new column cannot make the two
disagree. Summaries are masked again, as every seller text the report shows. The seller's
language is shown in words ("Chinese (Traditional)"); a ticket filed before tickets recorded it
reads as English, the store's default for old rows.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

import sqlalchemy as sa

from refund_assistant.handoff.store import read_tickets
from refund_assistant.handoff.ticket import language_name
from refund_assistant.privacy import mask_personal_data
from refund_assistant.report.database import (
    ReportError,
    database_url,
    first_line,
    open_engine,
    shown,
)

# The columns the report shows: not the seller id, not the full ticket JSON.
REPORT_COLUMNS = (
    "id",
    "created_at",
    "reason",
    "language",
    "channel",
    "delivery_status",
    "summary",
)


def load_tickets(
    db: str, since: date | None = None, until: date | None = None
) -> list[dict[str, Any]]:
    """The handoff tickets created from `since` to `until` (UTC dates, both included), oldest
    first; none when the bot has not written any yet. Their summaries are written for agents."""
    url = database_url(db)
    engine = open_engine(url)
    try:
        with engine.connect() as connection:
            rows = read_tickets(connection)
    except sa.exc.SQLAlchemyError as error:
        raise ReportError(f"cannot read tickets from {shown(url)}: {first_line(error)}") from None
    finally:
        engine.dispose()
    tickets = []
    for row in rows:
        created = datetime.fromisoformat(row["created_at"]).astimezone(timezone.utc)
        if (since and created.date() < since) or (until and created.date() > until):
            continue
        shown_row = {column: row[column] for column in REPORT_COLUMNS}
        tickets.append(
            {
                **shown_row,
                "created_at": created.strftime("%Y-%m-%d %H:%M"),
                "summary": mask_personal_data(row["summary"]),
                "language": language_name(row["language"], row["chinese_script"]),
            }
        )
    return tickets
