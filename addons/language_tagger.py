"""NLU component: tags each message with the seller's language, so the replies follow it.

The decision is `refund_assistant.languages`; this shell only turns it into the entities that
the `language` and `chinese_script` slots are filled from. A message with no language of its
own (a button, "ok", a date) adds nothing, and the conversation keeps its language; such a
message that comes with the client's language in its metadata (Telegram's `language_code` on
"/start", the widget's page language) takes that one instead, which is how a conversation's
first greeting is in the seller's language.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from refund_assistant.languages import (
    CLIENT_LANGUAGE_KEYS,
    LANGUAGE_SLOT,
    SCRIPT_SLOT,
    chinese_script,
    language_from_code,
    message_language,
    script_from_code,
)

_BARE_PAYLOAD = re.compile(r"/\w+")


def _client_language_code(message: Message) -> str | None:
    metadata = message.get("metadata") or {}
    if not isinstance(metadata, dict):
        return None
    for key in CLIENT_LANGUAGE_KEYS:
        if isinstance(metadata.get(key), str):
            return str(metadata[key])
    return None


def _entity(name: str, value: str) -> dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": 0, "extractor": "LanguageTagger"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageTagger(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageTagger:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            language = message_language(text)
            script = chinese_script(text) if language else None
            if language is None:
                code = _client_language_code(message)
                language, script = language_from_code(code), script_from_code(code)
            tags = []
            if language is not None:
                tags.append(_entity(LANGUAGE_SLOT, language.value))
            if script is not None:
                tags.append(_entity(SCRIPT_SLOT, script.value))
            if not tags:
                continue
            if _BARE_PAYLOAD.fullmatch(text.strip()):
                # Rasa's RegexMessageHandler, which runs after every component, rebuilds a
                # "/intent" message from its text alone: the tags ride in the payload instead.
                values = {tag["entity"]: tag["value"] for tag in tags}
                message.set(TEXT, text.strip() + json.dumps(values, ensure_ascii=False))
            else:
                message.set(ENTITIES, [*(message.get(ENTITIES) or []), *tags], add_to_output=True)
        return messages
