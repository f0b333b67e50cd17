"""Where conversations and handoff tickets are stored: one database for both.

SQLite in the git-ignored `var/` folder by default, so `make run` needs nothing installed;
any SQLAlchemy URL in TRACKER_DB_URL (e.g. postgresql://user:pass@host/db) instead. The Rasa
server's tracker store, the action server's ticket store and the report all read this.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "var" / "conversations.db"
DATABASE_URL_ENV = "TRACKER_DB_URL"


def database_url(env: Optional[Mapping[str, str]] = None) -> str:
    env = os.environ if env is None else env
    url = (env.get(DATABASE_URL_ENV) or "").strip()
    if url:
        return url
    DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"
