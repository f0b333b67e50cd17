"""Rasa's socket.io channel, with the session room joined before the session is confirmed,
and bad messages and packets refused.

Rasa 3.6 calls `sio.enter_room(...)` without `await`; since python-socketio 5.10 that call is a
coroutine, so the join never happens and, with `session_persistence: true`, every bot reply is
sent to a room nobody is in: the widget never sees an answer. This subclass replaces the
`session_request` handler with one that awaits the join.

Rasa's handlers also take any payload as it comes. Here a message that is not text, empty, or
over the limit, a `session_id` that is not a short string, or `metadata` that is not an object
(refund_assistant/message_checks.py) is answered with a `message_rejected` event naming the
problem, and never reaches Rasa.

Packets are decoded by python-socketio and python-engineio before any handler runs, with
`json.loads`: a packet nested ten thousand levels deep raised RecursionError there, which
python-engineio does not expect (over a websocket it closed the connection with a protocol
error, over polling it dropped the session), and any packet python-socketio could not decode
was dropped with a traceback in the log and no answer. Here both libraries parse with
message_checks.load_json (same size, depth and Unicode limits as REST; its errors are
ValueErrors, which python-engineio handles), and a packet that cannot be decoded is answered
with `message_rejected` too. The connection stays open either way.
"""

from __future__ import annotations

import inspect
import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from types import SimpleNamespace
from typing import Any

import engineio.packet
import socketio.packet
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from refund_assistant.message_checks import (
    InvalidJSON,
    Refusal,
    check_message,
    check_sender,
    clean_text,
    load_json,
    read_metadata,
)

logger = logging.getLogger(__name__)

REJECTED_EVENT = "message_rejected"
# The JSON module both libraries use for packets (a class attribute, as their own `json=` option
# sets it): strict parsing, the standard encoder.
PACKET_JSON = SimpleNamespace(loads=load_json, dumps=json.dumps)
UNREADABLE_PACKET = Refusal(
    400, "invalid_packet", "The socket.io packet could not be read; send a JSON event."
)


def _rejection(refusal: Refusal) -> dict[str, str]:
    return {"error": refusal.error, "detail": refusal.detail}


class SessionSocketIOInput(SocketIOInput):
    """`socketio` channel whose session persistence works with current python-socketio."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        engineio.packet.Packet.json = socketio.packet.Packet.json = PACKET_JSON
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        namespace = self.namespace or "/"

        async def reject(sid: str, refusal: Refusal) -> None:
            await sio.emit(REJECTED_EVENT, _rejection(refusal), room=sid, namespace=namespace)

        decode_packet = sio._handle_eio_message

        async def checked_packet(eio_sid: str, data: Any) -> None:
            """python-socketio's handler for every Engine.IO message; event handlers run as
            tasks of their own, so what fails here is reading the packet."""
            try:
                await decode_packet(eio_sid, data)
            except Exception as error:
                # A binary event whose attachments failed would swallow every later packet.
                getattr(sio, "_binary_packet", {}).pop(eio_sid, None)
                refusal = error.refusal if isinstance(error, InvalidJSON) else UNREADABLE_PACKET
                logger.warning("Refused a socket.io packet: %s", refusal.error)
                sid = sio.manager.sid_from_eio_sid(eio_sid, namespace)
                if sid is not None:
                    await reject(sid, refusal)

        sio.eio.on("message", checked_packet)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any = None, *_: Any) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id")
            if session_id is None or session_id == "":
                session_id = uuid.uuid4().hex
            refusal = check_sender(session_id, field="session_id")
            if refusal:
                await reject(sid, refusal)
                return
            session_id = str(session_id)
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        handle_message = sio.handlers[namespace][self.user_message_evt]

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def checked_message(sid: str, data: Any = None, *_: Any) -> None:
            data = data if isinstance(data, dict) else {}  # so: no message, invalid_message
            message = data.get("message")
            refusal = check_message(message)
            session_id = data.get("session_id")
            if not refusal and self.session_persistence:
                refusal = check_sender(session_id, field="session_id")
            metadata = read_metadata(data.get(self.metadata_key))
            refusal = refusal or (metadata if isinstance(metadata, Refusal) else None)
            if refusal:
                await reject(sid, refusal)
                return
            checked = {**data, "message": clean_text(message), self.metadata_key: metadata or {}}
            if self.session_persistence:
                checked["session_id"] = str(session_id)
            await handle_message(sid, checked)

        return blueprint
