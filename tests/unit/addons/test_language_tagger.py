"""The language tagger on Rasa messages: the entities the `language` slots are filled from."""

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.language_tagger import LanguageTagger


def tags(text, metadata=None, entities=()):
    message = Message(data={TEXT: text, "metadata": metadata, ENTITIES: list(entities)})
    processed = LanguageTagger().process([message])[0]
    return {e["entity"]: e["value"] for e in processed.get(ENTITIES) or []}


def test_a_chinese_message_tags_chinese_and_its_script():
    assert tags("保证金怎么退？") == {"language": "zh", "chinese_script": "simplified"}
    assert tags("保證金怎麼退？") == {"language": "zh", "chinese_script": "traditional"}


def test_an_english_message_tags_english_only():
    assert tags("how long is the review") == {"language": "en"}


def test_a_message_without_a_language_tags_nothing_and_ignores_metadata_it_does_not_have():
    assert tags("ok") == {}
    assert tags("👍", metadata="not a dict") == {}


def test_the_clients_language_decides_for_a_message_without_one():
    message = Message(data={TEXT: "/start", "metadata": {"language_code": "zh-TW"}})
    assert LanguageTagger().process([message])[0].get(TEXT) == (
        '/start{"language": "zh", "chinese_script": "traditional"}'
    )
    assert tags("ok", metadata={"language": "en-US"}) == {"language": "en"}


def test_the_messages_own_language_beats_the_clients():
    assert tags("how long is the review", metadata={"language_code": "zh-CN"}) == {"language": "en"}


def test_other_entities_are_kept():
    step = {"entity": "step_number", "value": "3", "start": 0, "end": 1}
    assert tags("第3步是什么", entities=[step])["step_number"] == "3"


def test_a_bare_payload_carries_the_clients_language_through_rasas_payload_handler():
    """Rasa's RegexMessageHandler keeps only what the "/intent{...}" text says."""
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler

    message = Message(data={TEXT: "/greet", "metadata": {"language_code": "zh-CN"}})
    tagged = LanguageTagger().process([message])
    handled = RegexMessageHandler().process(tagged)[0]
    assert handled.get("intent")["name"] == "greet"
    assert {e["entity"]: e["value"] for e in handled.get(ENTITIES)} == {
        "language": "zh",
        "chinese_script": "simplified",
    }


def test_a_bare_payload_without_a_client_language_is_left_alone():
    message = Message(data={TEXT: "/feedback_helpful"})
    assert LanguageTagger().process([message])[0].get(TEXT) == "/feedback_helpful"
