"""Rasa's socket.io channel, with the session room joined before the session is confirmed,
and bad messages refused.

Rasa 3.6 calls `sio.enter_room(...)` without `await`; since python-socketio 5.10 that call is a
coroutine, so the join never happens and, with `session_persistence: true`, every bot reply is
sent to a room nobody is in: the widget never sees an answer. This subclass replaces the
`session_request` handler with one that awaits the join.

Rasa's message handler also takes any payload as it comes; here a message that is not text,
empty, or over the limit (refund_assistant/message_checks.py) is answered with a `message_rejected` event
naming the problem, and never reaches Rasa. Everything else is Rasa's own code.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from refund_assistant.message_checks import check_message, clean_text

REJECTED_EVENT = "message_rejected"


class SessionSocketIOInput(SocketIOInput):
    """`socketio` channel whose session persistence works with current python-socketio."""

    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = data.get("session_id") or uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, session_id, namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        handle_message = sio.handlers[self.namespace or "/"][self.user_message_evt]

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def checked_message(sid: str, data: Any) -> None:
            message = data.get("message") if isinstance(data, dict) else None
            refusal = check_message(message)
            if refusal:
                await sio.emit(
                    REJECTED_EVENT,
                    {"error": refusal.error, "detail": refusal.detail},
                    room=sid,
                    namespace=self.namespace,
                )
                return
            await handle_message(sid, {**data, "message": clean_text(message)})

        return blueprint
