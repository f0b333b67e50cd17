"""Fitting the bot's replies and a seller's commands to Telegram's rules.

Why pure functions: Telegram refuses a message over 4096 characters (counted in UTF-16 code
units) and sends "/start" when a seller opens the bot; both are plain text rules, tested without
a Bot API, and the Telegram channel (channels/telegram.py) only calls them.
"""

from __future__ import annotations

import re

MESSAGE_LIMIT = 4096  # characters per message, after entity parsing (we send plain text)
GREET = "/greet"
_START_COMMAND = re.compile(r"/start(?:@(\w+))?(?:\s.*)?", re.IGNORECASE | re.DOTALL)


def telegram_length(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """`text` as messages of at most `limit`, cut at the last paragraph break that fits, else the
    last line break, else the last space, else (one word longer than a message) anywhere."""
    parts: list[str] = []
    rest = text.strip()
    while telegram_length(rest) > limit:
        window = rest[:limit]
        while telegram_length(window) > limit:  # characters outside the BMP count twice
            window = window[:-1]
        for separator in ("\n\n", "\n", " "):
            # the separator is dropped, so it may start right after the window
            cut = rest.rfind(separator, 0, len(window) + len(separator))
            if cut > 0 and rest[:cut].strip():
                parts.append(rest[:cut].rstrip())
                # the next part starts at the next word; after a line break, indentation stays
                rest = rest[cut:].lstrip(" \n" if separator == " " else "\n")
                break
        else:
            if window.strip():
                parts.append(window)
            rest = rest[len(window) :]
    if rest.strip():
        parts.append(rest)
    return parts


def start_to_greet(text: str | None, bot_name: str | None) -> str | None:
    """ "/start", "/start@<our bot>" or "/start <deep-link parameter>" -> "/greet"."""
    match = _START_COMMAND.fullmatch(text or "")
    if match and (match.group(1) is None or match.group(1).lower() == (bot_name or "").lower()):
        return GREET
    return text
