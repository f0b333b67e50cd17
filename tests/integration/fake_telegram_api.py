"""A fake Telegram Bot API on localhost, so tests can run the real bot's Telegram channel offline.

It answers the methods the channel calls (getMe, setWebhook, deleteWebhook, sendMessage,
answerCallbackQuery) the way api.telegram.org does, rejects a wrong token with 401 like the real
one, and records every request (method and parameters) so tests can assert on exactly what the
bot sent. Like Telegram, it keeps the webhook's `secret_token` from setWebhook (`webhook_secret`);
real Telegram then sends it with every update, as the tests do.

aiogram 2.15 posts every call as a form: `application/x-www-form-urlencoded` when there are only
plain parameters (everything the channel sends) and `multipart/form-data` when a file is
uploaded. Every value arrives as a string (`chat_id=12345`); the JSON-valued parameters
(`reply_markup`, `allowed_updates`, ...) are decoded, the others stay strings as sent. JSON
bodies (how the channel calls setWebhook: aiogram 2.15 cannot send a secret) and query strings,
which the real Bot API also accepts, are parsed too.

Usage:

    with FakeTelegramAPI(token="123:ABC", bot_name="my_bot") as api:
        ... point the bot at api.url ...
        api.calls("sendMessage")  # [{"chat_id": "1", "text": "...", "reply_markup": {...}}]
"""

from __future__ import annotations

import email.parser
import email.policy
import itertools
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

BOT_ID_DEFAULT = 123456
JSON_PARAMS = ("reply_markup", "allowed_updates", "entities", "caption_entities", "media")


@dataclass
class APICall:
    """One request the bot made: the method name as sent and its decoded parameters."""

    method: str
    params: dict[str, Any]
    content_type: str


def parse_params(content_type: str, body: bytes, query: str = "") -> dict[str, Any]:
    """The request's parameters as a dict, whichever way the client encoded them."""
    params: dict[str, Any] = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "application/json" and body:
        params.update(json.loads(body))
    elif media_type == "application/x-www-form-urlencoded":
        params.update(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    elif media_type == "multipart/form-data":
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
        )
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True) or b""
            if part.get_filename() is None:
                params[name] = payload.decode(part.get_content_charset() or "utf-8")
            else:  # an uploaded file: keep its name and bytes
                params[name] = {"filename": part.get_filename(), "content": payload}
    for name in JSON_PARAMS:  # sent as JSON text inside the form
        if isinstance(params.get(name), str):
            params[name] = json.loads(params[name])
    return params


class FakeTelegramAPI:
    """The Bot API for one bot, served from a background thread on a free local port."""

    def __init__(self, token: str, bot_name: str, host: str = "127.0.0.1") -> None:
        self.token = token
        self.bot_name = bot_name
        self.bot_id = int(token.split(":")[0]) if token.split(":")[0].isdigit() else BOT_ID_DEFAULT
        self._calls: list[APICall] = []
        self._lock = threading.Lock()
        self._message_ids = itertools.count(1)
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self._server = ThreadingHTTPServer((host, 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- lifecycle ----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeTelegramAPI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeTelegramAPI:
        return self.start()

    def __exit__(self, *exc_info: Any) -> None:
        self.stop()

    # --- what the tests read ------------------------------------------------------------------
    @property
    def all_calls(self) -> list[APICall]:
        with self._lock:
            return list(self._calls)

    def calls(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every call to `method` (Bot API method names are case-insensitive)."""
        return [c.params for c in self.all_calls if c.method.lower() == method.lower()]

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()

    def wait_for(self, method: str, count: int = 1, timeout: float = 10) -> list[dict[str, Any]]:
        """Waits until `method` has been called at least `count` times; returns those calls."""
        deadline = time.monotonic() + timeout
        while len(self.calls(method)) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.calls(method)

    # --- the API itself -----------------------------------------------------------------------
    def bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Refund Assistant",
            "username": self.bot_name,
        }

    def answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """(HTTP status, response body) for one call, like api.telegram.org."""
        handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getme": lambda p: self.bot_user(),
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": lambda p: {
                "url": self.webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": 0,
            },
            "sendmessage": self._send_message,
            "answercallbackquery": lambda p: True,
        }
        handler = handlers.get(method.lower())
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        if method.lower() == "sendmessage" and not str(params.get("text", "")).strip():
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message text is empty",
            }
        if (
            method.lower() == "sendmessage"
            and len(str(params["text"]).encode("utf-16-le")) // 2 > 4096
        ):
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message is too long",
            }
        return 200, {"ok": True, "result": handler(params)}

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = str(params.get("url", ""))
        self.webhook_secret = params.get("secret_token")
        return True

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = ""
        self.webhook_secret = None
        return True

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = str(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "from": self.bot_user(),
            "chat": {
                "id": int(chat_id) if chat_id.lstrip("-").isdigit() else chat_id,
                "type": "private",
            },
            "date": int(time.time()),
            "text": params["text"],
        }
        if (
            isinstance(params.get("reply_markup"), dict)
            and "inline_keyboard" in params["reply_markup"]
        ):
            message["reply_markup"] = params["reply_markup"]
        return message

    def _handler_class(self) -> type:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                path, _, query = self.path.partition("?")
                token, method = _token_and_method(path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                content_type = self.headers.get("Content-Type", "")
                params = parse_params(content_type, body, query)
                if method is not None:
                    with api._lock:
                        api._calls.append(APICall(method, params, content_type))
                if method is None:
                    status, reply = (
                        404,
                        {"ok": False, "error_code": 404, "description": "Not Found"},
                    )
                elif token != api.token:
                    status, reply = (
                        401,
                        {"ok": False, "error_code": 401, "description": "Unauthorized"},
                    )
                else:
                    status, reply = api.answer(method, params)
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
                pass

        return Handler


def _token_and_method(path: str) -> tuple[str | None, str | None]:
    """`/bot<token>/<method>` -> (token, method); anything else -> (None, None)."""
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0].startswith("bot") and parts[1]:
        return urllib.parse.unquote(parts[0][3:]), parts[1]
    return None, None
