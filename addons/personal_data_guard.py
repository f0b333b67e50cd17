"""NLU component: a message carrying personal data gets the warning that it is not needed.

The bot never needs a seller's bank account, card number, e-mail, phone number or credit code.
A message that carries some and asks a question the classifier is confident of keeps its intent
and is marked (`refund_assistant.privacy.guard.MARK` in the parse data): the Rasa server then
sends the warning before the answer (addons/rasa_server.py). Any other such message gets the
intent `share_personal_data`, whose reply is the warning. The decision is
`refund_assistant.privacy.guard`, on the same detection the tracker store masks with, so what
the seller is told matches what is stored. This component runs after the FallbackClassifier.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from refund_assistant.privacy.guard import MARK, guard


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
            ranking = message.get(INTENT_RANKING_KEY) or []
            guarded = guard(message.get(TEXT) or "", message.get(INTENT), ranking)
            if guarded.intent is not None:
                message.set(INTENT, dict(guarded.intent), add_to_output=True)
                message.set(
                    INTENT_RANKING_KEY, [dict(i) for i in guarded.ranking], add_to_output=True
                )
            if guarded.marked:
                message.set(MARK, True, add_to_output=True)
        return messages
