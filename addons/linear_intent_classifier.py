"""NLU component: the project's intent classifier (`refund_assistant.intent_model`) in Rasa.

This shell trains the model on the NLU examples, saves it in the Rasa model archive, and sets
each message's intent and ranking, as Rasa's own classifiers do, so the FallbackClassifier and
everything after it work unchanged. It reads the lemmas the SpacyTokenizer before it left on
the message.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from refund_assistant import intent_model, languages
from refund_assistant.intent_model import Document, IntentModel

MODEL_FILE = "intent_model.skops"


def _document(message: Message) -> Document:
    tokens = message.get(TOKENS_NAMES[TEXT]) or []
    lemmas = [token.lemma or token.text for token in tokens]
    return Document.of(message.get(TEXT) or "", lemmas)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [Tokenizer]

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Rasa reuses a trained component while its config and data are unchanged; a change
        to the model's code must retrain it too."""
        sources = (Path(__file__), Path(intent_model.__file__), Path(languages.__file__))
        return hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # C of the support vector machine; the softmax temperature of its scores.
        return {"regularisation": 1.0, "temperature": 8.0}

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: IntentModel | None = None,
    ) -> None:
        self._config = config
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)]
        self._model = IntentModel.train(
            [_document(e) for e in examples],
            [str(e.get(INTENT)) for e in examples],
            regularisation=float(self._config["regularisation"]),
            temperature=float(self._config["temperature"]),
        )
        with self._model_storage.write_to(self._resource) as directory:
            self._model.save(directory / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        with model_storage.read_from(resource) as directory:
            model = IntentModel.load(directory / MODEL_FILE)
        return cls(config, model_storage, resource, model)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            ranking = self._model.rank(_document(message)) if self._model else []
            top = {"name": ranking[0][0], "confidence": ranking[0][1]} if ranking else None
            message.set(INTENT, top or {"name": None, "confidence": 0.0}, add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                [{"name": name, "confidence": confidence} for name, confidence in ranking],
                add_to_output=True,
            )
        return messages
