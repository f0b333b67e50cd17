"""Response generator: a seller who writes Traditional Chinese reads the replies in Traditional.

The domain holds each reply once in English and once in Simplified Chinese (chosen by the
`language` slot, as any Rasa response condition); writing and reviewing a third copy of every
reply against the facts would double the work for a script conversion OpenCC does reliably.
So this generator picks the response exactly as Rasa's own does, and converts the text and the
button titles when the `chinese_script` slot says Traditional. It is set in endpoints.yml (`nlg`).
"""

from __future__ import annotations

from typing import Any

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from refund_assistant.languages import (
    LANGUAGE_SLOT,
    SCRIPT_SLOT,
    ChineseScript,
    Language,
    to_traditional,
)


class ChineseScriptNLG(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None):
        super().__init__((domain or Domain.empty()).responses)

    async def generate(
        self,
        utter_action: str,
        tracker: DialogueStateTracker,
        output_channel: str,
        **kwargs: Any,
    ) -> dict[str, Any] | None:
        response = await super().generate(utter_action, tracker, output_channel, **kwargs)
        traditional = (
            tracker.get_slot(LANGUAGE_SLOT) == Language.CHINESE.value
            and tracker.get_slot(SCRIPT_SLOT) == ChineseScript.TRADITIONAL.value
        )
        if response is None or not traditional:
            return response
        if response.get("text"):
            response["text"] = to_traditional(response["text"])
        for button in response.get("buttons") or []:
            if button.get("title"):
                button["title"] = to_traditional(button["title"])
        return response
