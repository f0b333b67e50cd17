"""NLU component: a message carrying personal data gets the intent `share_personal_data`.

The bot never needs a seller's bank account, card number, e-mail, phone number or credit code,
so whatever else the message says, the reply is that the data is not needed here (and was
hidden). Detection is the same pure module the tracker store masks with, so what the seller is
told matches what is stored. The classifier can also guess this intent from similar training
examples; without actual personal data in the text that guess is dropped.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from refund_assistant.intents import SHARE_PERSONAL_DATA
from refund_assistant.privacy import contains_personal_data

INTENT_NAME = SHARE_PERSONAL_DATA
CONFIDENCE_KEY = "confidence"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PersonalDataGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PersonalDataGuard:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            ranking = [
                item
                for item in message.get(INTENT_RANKING_KEY) or []
                if item.get(INTENT_NAME_KEY) != INTENT_NAME
            ]
            if contains_personal_data(message.get(TEXT) or ""):
                intent = {INTENT_NAME_KEY: INTENT_NAME, CONFIDENCE_KEY: 1.0}
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [intent] + ranking, add_to_output=True)
            elif (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == INTENT_NAME and ranking:
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
