"""The deflection report's command line: read the database, write the page, print the summary.

    refund-assistant-report [--db URL_OR_SQLITE_PATH] [--since YYYY-MM-DD]
                            [--until YYYY-MM-DD] [--out PATH]
    python -m refund_assistant.report ...   (the same)

Why a thin layer: the figures, the query and the page are tested as functions; this module only
turns arguments into calls and problems into one line on stderr with exit status 2, so it can
run from cron or CI. The database defaults to the one the bot writes (`refund_assistant.settings`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path

from refund_assistant.report.database import ReportError, database_url
from refund_assistant.report.events import load_events
from refund_assistant.report.metrics import compute
from refund_assistant.report.render import render_html, summary_text
from refund_assistant.report.tickets import load_tickets
from refund_assistant.settings import (
    DATABASE_URL_ENV,
    DEFAULT_SQLITE_PATH,
    PROJECT_ROOT,
    Settings,
    SettingsError,
)

DESCRIPTION = (
    "Customer-service deflection report: what Refund Assistant dealt with and what it missed."
)
DEFAULT_OUT = PROJECT_ROOT / "results" / "deflection-report.html"


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def _default_db() -> str:
    """The database the bot writes: TRACKER_DB_URL, else the SQLite file in var/."""
    return Settings.from_env().database_url_setting or str(DEFAULT_SQLITE_PATH)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument(
        "--db",
        help=f"SQLAlchemy URL or SQLite file of the tracker store (default: ${DATABASE_URL_ENV}, "
        f"else var/conversations.db)",
    )
    parser.add_argument("--since", type=_day, help="first conversation date, YYYY-MM-DD (UTC)")
    parser.add_argument("--until", type=_day, help="last conversation date, YYYY-MM-DD (UTC)")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="HTML file to write (default: results/deflection-report.html)",
    )
    args = parser.parse_args(argv)
    if args.since and args.until and args.since > args.until:
        parser.error("--since is after --until")
    if args.db is None:  # read only when needed: another setting's typo must not stop --db
        try:
            args.db = _default_db()
        except SettingsError as error:
            parser.error(str(error))
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    url = database_url(args.db)
    try:
        events = load_events(url)
        tickets = load_tickets(url, since=args.since, until=args.until)
    except ReportError as error:
        print(f"deflection report: {error}", file=sys.stderr)
        return 2
    report = compute(events, since=args.since, until=args.until)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        render_html(report, datetime.now(timezone.utc), url, tickets), encoding="utf-8"
    )
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a terminal without UTF-8 still gets the figures
    print(summary_text(report, args.out))
    return 0
