"""The report's own read-only connection to the database the bot writes.

Why its own: the report runs against the live database, so it must never write to it, and a
mistyped SQLite path must not leave an empty database file behind (SQLAlchemy's default SQLite
engine creates one). Problems the user can fix (wrong path, unknown driver, missing table) become
a `ReportError` of one line, with any password in the URL hidden.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa


class ReportError(Exception):
    """A problem the user can fix (wrong database, missing table): reported in one line."""


def database_url(value: str) -> str:
    """A SQLAlchemy URL as given, or a SQLite file path turned into one."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def open_engine(url: str) -> sa.engine.Engine:
    """An engine on `url`; a SQLite file must exist and is opened read-only."""
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise ReportError(f"not a database URL or SQLite path: {url}") from None
    if parsed.get_backend_name() != "sqlite":
        try:
            return sa.create_engine(parsed)
        except (ImportError, sa.exc.SQLAlchemyError) as error:
            raise ReportError(f"cannot use database {shown(url)}: {first_line(error)}") from None
    path = Path(parsed.database or "")
    if not parsed.database or not path.is_file():
        raise ReportError(f"database not found: {parsed.database or url}")
    # Opened read-only, so a wrong path never leaves an empty database file behind.
    uri = path.resolve().as_uri().replace("file://", "file:", 1) + "?mode=ro"
    return sa.create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))


def shown(url: str) -> str:
    """The URL with any password hidden, for messages and the report."""
    try:
        return str(sa.engine.make_url(url).render_as_string(hide_password=True))
    except sa.exc.ArgumentError:
        return url


def first_line(error: BaseException) -> str:
    """The database's own message, without SQLAlchemy's multi-line decoration."""
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]
