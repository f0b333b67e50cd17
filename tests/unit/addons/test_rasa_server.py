"""The personal-data warning before the answer (addons/rasa_server.py), on a real Rasa tracker,
domain and response generator: sent once, logged as an ordinary bot utterance with its
`utter_action`, and invisible to the policies (no action event)."""

import pytest
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons import rasa_server
from refund_assistant.privacy.guard import MARK, WARNING_RESPONSE
from tests.unit.addons.rasa_processor import DOMAIN, Processor

QUESTION = "my account is 6222021234567890123, how long does the review take?"


def conversation(marked: bool) -> DialogueStateTracker:
    parse_data = {"intent": {"name": "ask_review_time", "confidence": 0.9}, "entities": []}
    if marked:
        parse_data[MARK] = True
    return DialogueStateTracker.from_events(
        "seller",
        [
            ActionExecuted("action_listen"),
            UserUttered(QUESTION, parse_data["intent"], [], parse_data),
        ],
        slots=DOMAIN.slots,
    )


async def test_a_marked_message_gets_the_warning_logged_as_a_bot_utterance():
    tracker, channel = conversation(marked=True), CollectingOutputChannel()
    await rasa_server.warn_about_personal_data(Processor(), channel, tracker)
    warning = DOMAIN.responses[WARNING_RESPONSE][0]["text"]
    assert [message["text"] for message in channel.messages] == [warning]
    bot = tracker.events[-1]
    assert isinstance(bot, BotUttered) and bot.metadata["utter_action"] == WARNING_RESPONSE
    # No action was logged: the policies see the turn as if the data had not been there.
    assert tracker.latest_action_name == "action_listen"


async def test_the_warning_comes_once_per_message_and_only_when_marked():
    tracker, channel = conversation(marked=True), CollectingOutputChannel()
    processor = Processor()
    await rasa_server.warn_about_personal_data(processor, channel, tracker)
    await rasa_server.warn_about_personal_data(processor, channel, tracker)
    assert len(channel.messages) == 1

    tracker, channel = conversation(marked=False), CollectingOutputChannel()
    await rasa_server.warn_about_personal_data(processor, channel, tracker)
    assert channel.messages == [] and not any(isinstance(e, BotUttered) for e in tracker.events)


async def test_the_prediction_loop_runs_after_the_warning(monkeypatch):
    order = []

    async def prediction_loop(processor, output_channel, tracker):
        order.append(("loop", [type(e).__name__ for e in tracker.events][-1]))

    monkeypatch.setattr(rasa_server, "_predict_and_run_actions", prediction_loop)
    tracker, channel = conversation(marked=True), CollectingOutputChannel()
    await rasa_server._warn_then_predict(Processor(), channel, tracker)
    assert order == [("loop", "BotUttered")] and len(channel.messages) == 1


def test_the_warning_is_no_answer_for_the_apology():
    """An action server failure after the warning still gets its apology."""
    tracker = conversation(marked=True)
    tracker.update(BotUttered("...", metadata={"utter_action": WARNING_RESPONSE}))
    assert not rasa_server._answered_this_turn(tracker)
    tracker.update(BotUttered("...", metadata={"utter_action": "utter_review_time"}))
    assert rasa_server._answered_this_turn(tracker)


@pytest.mark.parametrize("name", ["_run_prediction_loop", "_should_handle_message"])
def test_the_rasa_internals_used_still_exist(name):
    assert hasattr(MessageProcessor, name)
