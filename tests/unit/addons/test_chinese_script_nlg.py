"""The response generator: Traditional characters for a seller who writes them."""

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from addons.chinese_script_nlg import ChineseScriptNLG

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
slots:
  language:
    type: categorical
    values: [en, zh]
    initial_value: en
    mappings: [{type: custom}]
  chinese_script:
    type: categorical
    values: [simplified, traditional]
    mappings: [{type: custom}]
responses:
  utter_review_time:
    - text: "The review takes 7 to 15 working days."
      buttons: [{title: "Next step", payload: /next_step}]
    - condition: [{type: slot, name: language, value: zh}]
      text: "审核需要7到15个工作日。"
      buttons: [{title: "下一步", payload: /next_step}]
"""
)


async def reply(*slots):
    tracker = DialogueStateTracker.from_events("s", [SlotSet(k, v) for k, v in slots], DOMAIN.slots)
    return await ChineseScriptNLG(domain=DOMAIN).generate("utter_review_time", tracker, "rest")


async def test_english_and_simplified_replies_are_the_domains():
    assert (await reply())["text"] == "The review takes 7 to 15 working days."
    simplified = await reply(("language", "zh"), ("chinese_script", "simplified"))
    assert simplified["text"] == "审核需要7到15个工作日。"


async def test_traditional_converts_text_and_button_titles_not_payloads():
    response = await reply(("language", "zh"), ("chinese_script", "traditional"))
    assert response["text"] == "審核需要7到15個工作日。"
    assert response["buttons"] == [{"title": "下一步", "payload": "/next_step"}]


async def test_an_english_reply_stays_english_after_traditional_chinese():
    response = await reply(("language", "en"), ("chinese_script", "traditional"))
    assert response["text"] == "The review takes 7 to 15 working days."


async def test_a_missing_response_is_none():
    tracker = DialogueStateTracker.from_events("s", [], DOMAIN.slots)
    assert await ChineseScriptNLG(domain=DOMAIN).generate("utter_nothing", tracker, "rest") is None
