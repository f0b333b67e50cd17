"""What a channel accepts as a seller message, and the clear refusal for anything else.

Every channel takes text from the internet: empty strings, 100 KB pastes, control characters,
binary junk, JSON nested ten thousand levels deep, or JSON of the wrong shape. These checks run
before Rasa sees the message, so bad input gets a clear 4xx answer instead of a server error or
a confused reply, and the limits are the same everywhere.

Who may send is checked here too: the REST channel's bearer token (REST_TOKEN) and the secret
Telegram sends with every update (TELEGRAM_WEBHOOK_SECRET), both compared in constant time.
"""

from __future__ import annotations

import hmac
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Telegram's own limit for one message; long enough for any real question.
MAX_MESSAGE_CHARS = 4096
MAX_SENDER_CHARS = 128
# A request body or socket.io packet. The largest real one, a 4,096-character message of emoji
# escaped as JSON (12 bytes each), is 48 KiB; parsing more only costs memory and time.
MAX_BODY_BYTES = 256 * 1024
# Containers inside containers. A Telegram update nests about 8 deep, a REST body 2 or 3; Python's
# parser fails with RecursionError near 1,000, and code that walks the result may fail far sooner.
MAX_JSON_DEPTH = 32
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # only lone ones survive json.loads
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@dataclass(frozen=True)
class Refusal:
    status: int  # HTTP status for channels that answer over HTTP
    error: str  # a stable code clients can act on
    detail: str  # what is wrong, for the person reading it


class InvalidJSON(ValueError):
    """A body that is not acceptable JSON; `refusal` is the answer to send.

    A ValueError, so libraries that parse with a pluggable JSON module (python-socketio,
    python-engineio) treat it as the malformed input it is."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.detail)
        self.refusal = refusal


def _invalid_json(detail: str) -> InvalidJSON:
    return InvalidJSON(Refusal(400, "invalid_json", detail))


def _no_constants(name: str) -> Any:
    raise _invalid_json(f"`{name}` is not JSON.")


def load_json(data: bytes | str) -> Any:
    """`data` parsed as strict JSON: UTF-8, at most MAX_BODY_BYTES, at most MAX_JSON_DEPTH
    containers deep, no NaN or Infinity, no lone UTF-16 surrogates (they cannot be stored or
    sent on). Anything else raises InvalidJSON, never RecursionError or UnicodeDecodeError."""
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_BODY_BYTES:
        raise InvalidJSON(
            Refusal(
                413,
                "body_too_large",
                f"Requests are limited to {MAX_BODY_BYTES} bytes; this one has {size}.",
            )
        )
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise _invalid_json("The body must be JSON encoded as UTF-8.") from None
    try:
        value = json.loads(data, parse_constant=_no_constants)
    except RecursionError:
        raise _invalid_json(f"JSON may be nested at most {MAX_JSON_DEPTH} levels deep.") from None
    except InvalidJSON:
        raise
    except json.JSONDecodeError as error:
        raise _invalid_json(f"Not valid JSON: {error.msg} at character {error.pos}.") from None
    except ValueError:  # an integer of over 4,300 digits
        raise _invalid_json("Not valid JSON: a number is too long.") from None
    _check_parsed(value)
    return value


def _check_parsed(value: Any) -> None:
    """Depth and lone surrogates, walked without recursion."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                raise _invalid_json("JSON strings must be valid Unicode (a lone surrogate).")
        elif isinstance(item, (dict, list)):
            if depth > MAX_JSON_DEPTH:
                raise _invalid_json(f"JSON may be nested at most {MAX_JSON_DEPTH} levels deep.")
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)


def read_json_object(body: bytes, shape: str) -> dict[str, Any] | Refusal:
    """The JSON object in a request body, or the refusal to answer with; `shape` describes the
    expected object for the person reading the refusal."""
    try:
        value = load_json(body)
    except InvalidJSON as error:
        if error.refusal.status != 400:
            return error.refusal
        return Refusal(400, "invalid_json", f"{error.refusal.detail} Expected {shape}.")
    if not isinstance(value, dict):
        return Refusal(400, "invalid_json", f"The body must be a JSON object: {shape}.")
    return value


def clean_text(text: str) -> str:
    """The message without control characters (line breaks and tabs kept), NFC-normalised."""
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", text)).strip()


def check_sender(sender: Any, field: str = "sender") -> Refusal | None:
    """`sender` (or a socket.io `session_id`) names a conversation: a short, printable string
    (a number is taken as its digits)."""
    if isinstance(sender, bool) or not isinstance(sender, (str, int)):
        return Refusal(
            400, f"invalid_{field}", f"`{field}` must be a string identifying the conversation."
        )
    text = str(sender)
    if not text.strip() or len(text) > MAX_SENDER_CHARS:
        return Refusal(
            400, f"invalid_{field}", f"`{field}` must be 1 to {MAX_SENDER_CHARS} characters."
        )
    if _CONTROL.search(text) or _SURROGATE.search(text):
        return Refusal(400, f"invalid_{field}", f"`{field}` must not contain control characters.")
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


def read_metadata(metadata: Any) -> dict[str, Any] | None | Refusal:
    """A message's optional `metadata`: absent, a JSON object, or (as Rasa's socket.io channel
    accepts) a string holding a JSON object."""
    refusal = Refusal(400, "invalid_metadata", "`metadata` must be a JSON object.")
    if isinstance(metadata, str):
        try:
            metadata = load_json(metadata)
        except InvalidJSON:
            return refusal
    if metadata is None or isinstance(metadata, dict):
        return metadata
    return refusal


def check_bearer_token(authorization: str | None, token: str | None) -> Refusal | None:
    """None when no token is configured or `authorization` is "Bearer <token>" (the scheme in
    any case); compared in constant time, so the answer's timing does not leak the token."""
    if token is None:
        return None
    if not authorization:
        return Refusal(
            401,
            "unauthorized",
            "This endpoint needs an `Authorization: Bearer <token>` header.",
        )
    scheme, _, given = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not _same_secret(given.strip(), token):
        return Refusal(401, "unauthorized", "The bearer token in `Authorization` is not valid.")
    return None


def check_telegram_secret(header: str | None, secret: str) -> Refusal | None:
    """None when `header` (X-Telegram-Bot-Api-Secret-Token) is the secret registered with
    setWebhook: only Telegram knows it, so anything else is a forged update."""
    if header is None or not _same_secret(header, secret):
        return Refusal(
            403,
            "forbidden",
            f"Updates must carry the webhook's secret in `{TELEGRAM_SECRET_HEADER}`.",
        )
    return None


def _same_secret(given: str, expected: str) -> bool:
    # compare_digest refuses non-ASCII str, so compare bytes; "replace" copes with any header
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))
