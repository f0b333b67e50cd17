"""Rasa's REST channel, refusing bad input with a clear 4xx instead of failing on it.

Rasa's own handler reads `request.json` unchecked: malformed or deeply nested JSON (a
RecursionError in the parser), a non-string message or a missing sender become server errors or
odd replies, and the client can even pick the `input_channel` recorded for the conversation.
Here the request is checked first (refund_assistant/message_checks.py), and on an unexpected
error the text is not written to the log, since it may hold personal data.

The channel trusts the client's `sender`. With `token` in its credentials (REST_TOKEN, written by
`make run`), every message needs `Authorization: Bearer <token>`, so only the site's own backend,
which picks `sender` from the seller's login, can call it (see the README, "Security").
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from refund_assistant.message_checks import (
    Refusal,
    check_bearer_token,
    check_message,
    check_sender,
    clean_text,
    read_json_object,
    read_metadata,
)

logger = logging.getLogger(__name__)

BODY_SHAPE = '{"sender": "...", "message": "..."}'


def _refuse(refusal: Refusal) -> HTTPResponse:
    headers = {"WWW-Authenticate": "Bearer"} if refusal.status == 401 else None
    return response.json(
        {"error": refusal.error, "detail": refusal.detail}, status=refusal.status, headers=headers
    )


class RestInput(RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> RestInput:
        return cls(token=(credentials or {}).get("token"))

    def __init__(self, token: str | None = None) -> None:
        self.token = token or None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint("custom_webhook_RestInput", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            refusal = check_bearer_token(request.headers.get("Authorization"), self.token)
            if refusal:  # before reading the body: strangers get nothing parsed
                return _refuse(refusal)
            body = read_json_object(request.body or b"", BODY_SHAPE)
            if isinstance(body, Refusal):
                return _refuse(body)
            refusal = check_sender(body.get("sender")) or check_message(body.get("message"))
            if refusal:
                return _refuse(refusal)
            metadata = read_metadata(body.get("metadata"))
            if isinstance(metadata, Refusal):
                return _refuse(metadata)

            collector = CollectingOutputChannel()
            message = UserMessage(
                clean_text(body["message"]),
                collector,
                str(body["sender"]),
                input_channel=self.name(),
                metadata=metadata,
            )
            try:
                await on_new_message(message)
            except Exception:  # logged without the text: it may hold personal data
                logger.exception(
                    "Could not handle a REST message from sender %s", message.sender_id
                )
            return response.json(collector.messages)

        return webhook
