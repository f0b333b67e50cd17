"""Rasa's Telegram channel, with the differences Refund Assistant needs. Everything not listed
here (the handling of an update once checked, the `verify` bot-name check, edited messages,
locations, `/restart`, custom JSON, images) is Rasa's own code in `rasa.core.channels.telegram`.

1. **Configurable Bot API server** (`api_base_url` in the credentials, default
   https://api.telegram.org). Rasa always talks to api.telegram.org; here every Bot API call goes
   to `api_base_url`, so tests can point the bot at a fake Bot API on localhost, and a
   self-hosted Bot API server can be used.

2. **The webhook is set by a throwaway client, and replies use one client made for Sanic's
   loop.** Rasa sets the webhook with `asyncio.run(...)` while the app is being built, on the
   same aiogram `Bot` that then sends every reply. That `Bot`'s aiohttp session belongs to the
   event loop `asyncio.run` closed, so with aiohttp 3.9 every later call from Sanic's loop (the
   `getMe` of the `verify` check, each `sendMessage`) fails with "Event loop is closed": Rasa's
   channel answers every update with a 500. Here the webhook is set by a separate client whose
   session is closed inside that loop, and `get_output_channel()` returns one output channel
   with no session yet, so it opens its session in Sanic's loop. (Rasa's `get_output_channel()`
   also sets the webhook each time; the HTTP API calls it from inside the running loop, for
   trigger_intent and execute, where `asyncio.run` raises.)

3. **`setWebhook` asks only for the updates the channel handles** (`message`, `edited_message`,
   `callback_query`). By default Telegram also sends `my_chat_member` updates (a seller blocks
   or unblocks the bot); Rasa's handler crashes on them (`update.message` is None) with a 500,
   and Telegram retries an update the webhook failed.

4. **Buttons are one per row.** Rasa's default ("inline") puts every button in ONE row, where
   Telegram truncates titles like "How do I get my deposit back?" on a phone. Each button
   is an inline button whose callback_data is the payload (Telegram allows 64 bytes;
   tests/test_telegram_payloads.py checks every payload in the domain). `button_type: reply`
   is still handled by Rasa.

5. **Long answers are split at Telegram's 4096-character limit**, at paragraph, line or word
   boundaries, with the keyboard on the last part. Rasa sends a text without buttons as one
   message per paragraph, and any longer piece as it is, which Telegram rejects; our replies are
   written as one message, with single-newline bullet lists, so a text that fits is sent whole.
   Length is counted in UTF-16 code units, the stricter reading of the limit (emoji count 2).

6. **`/start` is the greeting.** Telegram sends "/start" when a seller opens the bot (and
   "/start@<bot name>" in groups); Rasa reads "/start" as the intent `start`, which our domain
   does not have. It is mapped to `/greet`, so the seller gets `utter_greet` with its menu.
   This also covers the "/start" Rasa's channel sends itself after "/restart".

7. **Button presses are acknowledged** with `answerCallbackQuery`; without it the seller's
   Telegram app shows a loading indicator on the pressed button until it times out. A failure
   there (a press older than Telegram accepts) is logged and the press is still answered.

8. **Only Telegram can post updates.** The webhook is registered with a `secret_token`
   (`webhook_secret` in the credentials: TELEGRAM_WEBHOOK_SECRET, else generated at start-up),
   which Telegram sends in the `X-Telegram-Bot-Api-Secret-Token` header of every update. A
   request without the matching header gets 403 before anything reads its body, so forged
   updates never reach a conversation and the bot sends nothing for them. aiogram 2.15 predates
   `secret_token`, so `setWebhook` is called directly. Rasa's public `/set_webhook` route, which
   re-registered the webhook without a secret for anyone who asked, needs the header too.

9. **The seller's Telegram language comes with "/start".** A bare command carries no language of
   its own, so it is passed to Rasa with metadata `{"language_code": <from.language_code>}`, for
   the language tagger to pick the greeting's language by; ordinary messages and button presses
   carry no metadata, their own text (or the conversation so far) decides
   (refund_assistant/telegram_messages.py `command_metadata`).

10. **Bad bodies get a clear 4xx, never a 500.** Rasa's handler builds an aiogram `Update` from
   `request.json` and reads `chat.id`, `text`, `data` unchecked: JSON that is not an object,
   nested too deep, an update without a message, or a text that is a number all crashed it. Each
   body is checked first (refund_assistant/telegram_messages.py `read_update`, the limits of
   refund_assistant/message_checks.py) and refused with 400 (413 when too large) and a JSON
   `{"error", "detail"}` as over REST. An update with nothing to answer (a sticker, an edited
   caption) gets Rasa's "success" without reaching Rasa; texts are cleaned as on other channels.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Update
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels import telegram as rasa_telegram
from rasa.core.channels.channel import UserMessage
from rasa.shared.exceptions import RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from refund_assistant.message_checks import (
    TELEGRAM_SECRET_HEADER,
    Refusal,
    check_message,
    check_telegram_secret,
    clean_text,
)
from refund_assistant.settings import DEFAULT_TELEGRAM_API_URL as TELEGRAM_API_URL
from refund_assistant.settings import new_webhook_secret
from refund_assistant.telegram_messages import (
    command_metadata,
    read_update,
    split_message,
    start_to_greet,
    update_text,
)

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
SET_WEBHOOK_TIMEOUT = aiohttp.ClientTimeout(total=30)


def refuse(refusal: Refusal) -> HTTPResponse:
    return response.json({"error": refusal.error, "detail": refusal.detail}, status=refusal.status)


def inline_keyboard(buttons: list[dict[str, Any]]) -> InlineKeyboardMarkup:
    """One inline button per row; pressing it sends its payload back as callback_data."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(button["title"], callback_data=button["payload"])]
            for button in buttons
        ]
    )


class TelegramOutput(rasa_telegram.TelegramOutput):
    """Rasa's Telegram output: configurable API server, split texts, one button per row."""

    def __init__(self, access_token: str | None, api_base_url: str = TELEGRAM_API_URL) -> None:
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_base_url))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for part in split_message(text):
            await self.send_message(recipient_id, part)

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: list[dict[str, Any]],
        button_type: str | None = "inline",
        **kwargs: Any,
    ) -> None:
        *earlier, last = split_message(text) or [text]
        for part in earlier:
            await self.send_message(recipient_id, part)
        if button_type in ("inline", "vertical"):
            await self.send_message(recipient_id, last, reply_markup=inline_keyboard(buttons))
        else:
            await super().send_text_with_buttons(recipient_id, last, buttons, button_type, **kwargs)


class TelegramInput(rasa_telegram.TelegramInput):
    """Rasa's Telegram input: only Telegram's updates, checked; `/start` greets; button presses
    are acknowledged."""

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> TelegramInput:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            api_base_url=credentials.get("api_base_url") or TELEGRAM_API_URL,
            webhook_secret=credentials.get("webhook_secret"),
        )

    def __init__(
        self,
        access_token: str | None,
        verify: str | None,
        webhook_url: str | None,
        debug_mode: bool = True,
        api_base_url: str = TELEGRAM_API_URL,
        webhook_secret: str | None = None,
    ) -> None:
        super().__init__(access_token, verify, webhook_url, debug_mode)
        self.api_base_url = api_base_url
        # never logged; a channel configured without one still gets one
        self.webhook_secret = webhook_secret or new_webhook_secret()
        self._output_channel: TelegramOutput | None = None

    def get_output_channel(self) -> TelegramOutput:
        if self._output_channel is None:
            self._output_channel = TelegramOutput(self.access_token, self.api_base_url)
        return self._output_channel

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        """Rasa's handler asks this for every update (after `check_update` below has checked it):
        the seller's language code with a bare command, nothing otherwise."""
        update = request.parsed_json
        return command_metadata(update) if isinstance(update, dict) else None

    def set_webhook(self) -> None:
        """Registers `webhook_url` with Telegram before the server starts (no loop running)."""
        asyncio.run(self.register_webhook())

    async def register_webhook(self) -> None:
        """Bot API setWebhook with the secret and the update types the channel handles, posted
        directly (aiogram 2.15 has no `secret_token`). Errors name neither the token (it is in
        the URL) nor the secret."""
        url = TelegramAPIServer.from_base(self.api_base_url).api_url(
            self.access_token, "setWebhook"
        )
        params = {
            "url": self.webhook_url,
            "secret_token": self.webhook_secret,
            "allowed_updates": ALLOWED_UPDATES,
        }
        try:
            async with aiohttp.ClientSession(timeout=SET_WEBHOOK_TIMEOUT) as session:
                async with session.post(url, json=params) as reply:
                    answer = await reply.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            raise RasaException(
                f"Failed to set channel webhook: {type(error).__name__} from {self.api_base_url}"
            ) from None
        if not (isinstance(answer, dict) and answer.get("ok") is True):
            description = answer.get("description") if isinstance(answer, dict) else None
            raise RasaException(f"Failed to set channel webhook: {description or answer!r}")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        self.set_webhook()

        async def handle(message: UserMessage) -> None:
            text = start_to_greet(message.text, self.verify)
            message.text = clean_text(text) if text else text
            await on_new_message(message)

        telegram_webhook = super().blueprint(handle)

        @telegram_webhook.middleware("request")
        async def check_update(request: Request) -> HTTPResponse | None:
            """Runs before Rasa's routes; a response here is the answer, None lets Rasa's
            handler take the (checked) update."""
            route = request.route.name.rsplit(".", 1)[-1] if request.route else ""
            if route == "health":
                return None
            refusal = check_telegram_secret(
                request.headers.get(TELEGRAM_SECRET_HEADER), self.webhook_secret
            )
            if refusal:
                return refuse(refusal)
            if route == "set_webhook":  # Rasa's would drop the secret: register it again
                try:
                    await self.register_webhook()
                except RasaException as error:
                    return refuse(Refusal(502, "set_webhook_failed", str(error)))
                return response.text("Webhook setup successful")
            if request.method != "POST":
                return refuse(
                    Refusal(405, "method_not_allowed", "Telegram POSTs updates to this URL.")
                )
            update = read_update(request.body or b"")
            if isinstance(update, Refusal):
                return refuse(update)
            try:  # the fields Rasa does not read must still be ones aiogram can build
                Update(**update)
            except Exception:
                return refuse(
                    Refusal(
                        400, "invalid_update", "Not a Telegram update: a field has a wrong type."
                    )
                )
            text = update_text(update)
            if text is None:  # nothing to answer, as Rasa's handler says for a sticker
                return response.text("success")
            refusal = check_message(text)
            if refusal:
                return refuse(refusal)
            request.parsed_json = update  # Rasa's handler reads this, not the body again
            query = update.get("callback_query")
            if query is not None:
                try:
                    await self.get_output_channel().answer_callback_query(query["id"])
                except TelegramAPIError as error:
                    logger.warning("Could not acknowledge a button press: %s", error)
            return None

        return telegram_webhook
