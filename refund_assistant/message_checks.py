"""What a channel accepts as a seller message, and the clear refusal for anything else.

Every channel takes text from the internet: empty strings, 100 KB pastes, control characters,
binary junk, or JSON of the wrong shape. These checks run before Rasa sees the message, so bad
input gets a clear 4xx answer instead of a server error or a confused reply, and the limit is
the same everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Telegram's own limit for one message; long enough for any real question.
MAX_MESSAGE_CHARS = 4096
MAX_SENDER_CHARS = 128
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Refusal:
    status: int  # HTTP status for channels that answer over HTTP
    error: str  # a stable code clients can act on
    detail: str  # what is wrong, for the person reading it


def clean_text(text: str) -> str:
    """The message without control characters (line breaks and tabs kept), NFC-normalised."""
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", text)).strip()


def check_sender(sender: Any) -> Refusal | None:
    if isinstance(sender, bool) or not isinstance(sender, (str, int)):
        return Refusal(
            400, "invalid_sender", "`sender` must be a string identifying the conversation."
        )
    if not str(sender).strip() or len(str(sender)) > MAX_SENDER_CHARS:
        return Refusal(
            400, "invalid_sender", f"`sender` must be 1 to {MAX_SENDER_CHARS} characters."
        )
    return None


def check_message(message: Any) -> Refusal | None:
    if not isinstance(message, str):
        return Refusal(400, "invalid_message", "`message` must be a string with the seller's text.")
    if len(message) > MAX_MESSAGE_CHARS:
        return Refusal(
            413,
            "message_too_long",
            f"Messages are limited to {MAX_MESSAGE_CHARS} characters; this one has {len(message)}. "
            "Please send a shorter question.",
        )
    if not clean_text(message):
        return Refusal(400, "empty_message", "The message is empty: please type a question.")
    return None
