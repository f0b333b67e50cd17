"""Fitting the bot's replies and a seller's commands to Telegram's rules, and reading updates.

Why pure functions: Telegram refuses a message over 4096 characters (counted in UTF-16 code
units) and sends "/start" when a seller opens the bot; both are plain text rules, tested without
a Bot API, and the Telegram channel (channels/telegram.py) only calls them.

The seller's language goes to Rasa only with a message that has none of its own: Telegram tells
every update's `from.language_code` (the language of the seller's Telegram app), and
`command_metadata` passes it on with "/start" and other bare commands, so the first greeting is in
the seller's language; an ordinary message's own text decides (refund_assistant/languages.py),
and a button press keeps the conversation's language (a seller with an English Telegram app who
writes Chinese must not be switched to English by pressing "👍").

Reading an update is here too: Rasa's webhook handler builds an aiogram `Update` from whatever
JSON arrives and reads `chat.id`, `text`, `data` and `location` without checking any of it, so a
body that is not an object, an update without a message, or a text that is a number is a server
error. `read_update` says which bodies are updates the handler can read, and `update_text` which
of those carry something to answer (Telegram also sends stickers, photos, edits of captions).
"""

from __future__ import annotations

import json
import re
from typing import Any

from refund_assistant.languages import CLIENT_LANGUAGE_KEYS
from refund_assistant.message_checks import Refusal, read_json_object

MESSAGE_LIMIT = 4096  # characters per message, after entity parsing (we send plain text)
GREET = "/greet"
_START_COMMAND = re.compile(r"/start(?:@(\w+))?(?:\s.*)?", re.IGNORECASE | re.DOTALL)
# A bot command as Telegram defines it (1-32 Latin letters, digits, underscores), perhaps
# addressed to a bot, perhaps with a deep-link parameter ("/start <parameter>"), and nothing else.
_BARE_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?(?:[ \t]+[A-Za-z0-9_-]{1,64})?")
# The metadata key the language tagger reads a Telegram user's language code from.
LANGUAGE_CODE_KEY = CLIENT_LANGUAGE_KEYS[1]
# An IETF language tag as Telegram sends it ("en", "zh-hans", "pt-br"); anything else is dropped.
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,3}")


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


def is_bare_command(text: str | None) -> bool:
    """ "/start", "/help@<bot>", "/start <deep-link parameter>": a command and nothing else."""
    return _BARE_COMMAND.fullmatch((text or "").strip()) is not None


def command_metadata(update: dict[str, Any]) -> dict[str, str] | None:
    """`{"language_code": ...}` of the sender, for a typed bare command (a checked update); None
    for anything else: an ordinary message, a button press, an edit, or no usable code."""
    message = update.get("message")
    if not isinstance(message, dict) or not is_bare_command(message.get("text")):
        return None
    sender = message.get("from")
    code = sender.get(LANGUAGE_CODE_KEY) if isinstance(sender, dict) else None
    if not isinstance(code, str) or not _LANGUAGE_CODE.fullmatch(code):
        return None
    return {LANGUAGE_CODE_KEY: code}


UPDATE_SHAPE = '{"update_id": 1, "message": {"chat": {"id": 1}, "text": "..."}}'


def read_update(body: bytes) -> dict[str, Any] | Refusal:
    """The Telegram Update in a webhook body, or why it is not one (400, or 413 when too large):
    JSON as message_checks.load_json accepts it, an object with an integer `update_id`, and the
    parts the channel reads (`message`, `edited_message`, `callback_query`) of the right types."""
    update = read_json_object(body, UPDATE_SHAPE)
    if isinstance(update, Refusal):
        return update
    if not _is_int(update.get("update_id")):
        return _invalid_update("`update_id` must be an integer.")
    for key in ("message", "edited_message"):
        if update.get(key) is not None:
            refusal = _check_message(update[key], key)
            if refusal:
                return refusal
    query = update.get("callback_query")
    if query is not None:
        if not isinstance(query, dict) or not isinstance(query.get("id"), str):
            return _invalid_update("`callback_query` must be an object with a string `id`.")
        if query.get("data") is not None and not isinstance(query["data"], str):
            return _invalid_update("`callback_query.data` must be a string.")
        if query.get("message") is not None:
            refusal = _check_message(query["message"], "callback_query.message")
            if refusal:
                return refusal
    return update


def update_text(update: dict[str, Any]) -> str | None:
    """The text Rasa's handler takes from a checked update, picked in its order: a button's
    data, else an edited message's text, else a message's text or location (as JSON). None when
    there is nothing to answer: a sticker or photo, an edited caption, a press on a message the
    bot can no longer see, an update of another kind."""
    query = update.get("callback_query")
    if query is not None:
        data = query.get("data")
        return data if query.get("message") is not None and data is not None else None
    edited = update.get("edited_message")
    if edited is not None:
        text: str | None = edited.get("text")
        return text
    message = update.get("message")
    if message is None:
        return None
    if message.get("text") is not None:
        text = message["text"]
        return text
    location = message.get("location")
    if location is not None:
        return json.dumps({"lng": location["longitude"], "lat": location["latitude"]})
    return None


def _check_message(message: Any, where: str) -> Refusal | None:
    if not isinstance(message, dict):
        return _invalid_update(f"`{where}` must be an object.")
    chat = message.get("chat")
    if not isinstance(chat, dict) or not _is_int(chat.get("id")):
        return _invalid_update(f"`{where}.chat.id` must be an integer.")
    if message.get("text") is not None and not isinstance(message["text"], str):
        return _invalid_update(f"`{where}.text` must be a string.")
    location = message.get("location")
    if location is not None and not (
        isinstance(location, dict)
        and _is_number(location.get("longitude"))
        and _is_number(location.get("latitude"))
    ):
        return _invalid_update(f"`{where}.location` must have numeric longitude and latitude.")
    return None


def _invalid_update(detail: str) -> Refusal:
    return Refusal(400, "invalid_update", f"Not a Telegram update: {detail}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
