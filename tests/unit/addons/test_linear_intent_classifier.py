"""The intent classifier as a Rasa component: trained, stored in and loaded from Rasa's model
storage, and setting the intent and ranking the FallbackClassifier reads."""

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.fallback_classifier import FallbackClassifier
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.linear_intent_classifier import LinearIntentClassifier

EXAMPLES = [
    ("how long does the review take", "ask_review_time"),
    ("how many days is the review", "ask_review_time"),
    ("审核要多久", "ask_review_time"),
    ("what documents do i need", "ask_documents"),
    ("which files should i upload", "ask_documents"),
    ("需要什么材料", "ask_documents"),
    ("hi", "greet"),
    ("hello", "greet"),
    ("你好", "greet"),
]
CONTEXT = ExecutionContext(GraphSchema({}), "test")
TOKENIZER = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())


def tokenized(*texts):
    messages = [Message(data={TEXT: text}) for text in texts]
    TOKENIZER.process(messages)
    return messages


def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intents")
    config = LinearIntentClassifier.get_default_config()
    classifier = LinearIntentClassifier.create(config, storage, resource, CONTEXT)
    data = TrainingData([Message(data={TEXT: t, INTENT: i}) for t, i in EXAMPLES])
    TOKENIZER.process_training_data(data)
    classifier.train(data)
    return LinearIntentClassifier.load(config, storage, resource, CONTEXT)


def test_trained_stored_and_loaded_it_classifies_both_languages(tmp_path):
    classifier = trained(tmp_path)
    english, chinese = classifier.process(tokenized("how long is the review", "審核要多久"))
    assert english.get(INTENT)["name"] == "ask_review_time"
    assert chinese.get(INTENT)["name"] == "ask_review_time"
    ranking = english.get(INTENT_RANKING_KEY)
    assert [r["name"] for r in ranking][0] == "ask_review_time" and len(ranking) == 3


def test_a_message_it_cannot_read_falls_back(tmp_path):
    [message] = trained(tmp_path).process(tokenized("😀😀"))
    assert message.get(INTENT) == {"name": None, "confidence": 0.0}
    fallback = FallbackClassifier(FallbackClassifier.get_default_config())
    assert fallback.process([message])[0].get(INTENT)["name"] == "nlu_fallback"


def test_a_change_to_the_models_code_changes_rasas_fingerprint(monkeypatch):
    """Rasa's training cache keys on config and data; the code must count too."""
    from pathlib import Path

    before = LinearIntentClassifier.fingerprint_addon({})
    original = Path.read_bytes
    monkeypatch.setattr(
        Path,
        "read_bytes",
        lambda self: original(self) + (b"#" if "intent_model" in self.name else b""),
    )
    assert LinearIntentClassifier.fingerprint_addon({}) != before
