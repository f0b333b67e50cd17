"""Rasa's REST channel, refusing bad input with a clear 4xx instead of failing on it.

Rasa's own handler reads `request.json` unchecked: malformed JSON, a non-string message or a
missing sender become server errors or odd replies, and the client can even pick the
`input_channel` recorded for the conversation. Here the request is checked first
(refund_assistant/message_checks.py), and on an unexpected error the text is not written to the log,
since it may hold personal data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from refund_assistant.message_checks import Refusal, check_message, check_sender, clean_text

logger = logging.getLogger(__name__)


def _refuse(refusal: Refusal) -> HTTPResponse:
    return response.json({"error": refusal.error, "detail": refusal.detail}, status=refusal.status)


def _body(request: Request) -> dict[str, Any] | None:
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


class RestInput(RasaRestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint("custom_webhook_RestInput", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = _body(request)
            if body is None:
                return _refuse(
                    Refusal(
                        400,
                        "invalid_json",
                        'The body must be a JSON object: {"sender": "...", "message": "..."}.',
                    )
                )
            refusal = check_sender(body.get("sender")) or check_message(body.get("message"))
            if refusal:
                return _refuse(refusal)
            metadata = body.get("metadata")
            if metadata is not None and not isinstance(metadata, dict):
                return _refuse(
                    Refusal(400, "invalid_metadata", "`metadata` must be a JSON object.")
                )

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
