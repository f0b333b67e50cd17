"""The feedback question after a pause (addons/feedback_after_pause.py), on a real Rasa tracker,
domain and response generator: asked once a quiet seller's wait is over, on the channels that
can push, only if nothing happened meanwhile, logged as a bot utterance with no action event."""

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.lock_store import InMemoryLockStore
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from addons import feedback_after_pause
from refund_assistant.dialogue.feedback import FEEDBACK_QUESTION
from tests.unit.addons.rasa_processor import DOMAIN, Processor


class WidgetChannel(CollectingOutputChannel):
    @classmethod
    def name(cls):
        return "socketio"


class QuietSellerProcessor(Processor):
    """Processor plus the conversation store and lock the wait uses."""

    def __init__(self, tracker):
        super().__init__()
        self.tracker, self.saved = tracker, 0
        self.lock_store = InMemoryLockStore()

    async def get_tracker(self, sender_id):
        return self.tracker

    async def save_tracker(self, tracker):
        self.saved += 1


def answered(*extra):
    parse = {"intent": {"name": "ask_review_time", "confidence": 0.9}, "entities": []}
    events = [
        ActionExecuted("action_listen"),
        UserUttered("how long is the review", parse["intent"], [], parse),
        ActionExecuted("utter_review_time"),
        BotUttered("7 to 15 working days", metadata={"utter_action": "utter_review_time"}),
        ActionExecuted("action_listen"),
        *extra,
    ]
    return DialogueStateTracker.from_events("seller", events, slots=DOMAIN.slots)


@pytest.fixture
def short_pause():
    feedback_after_pause.install(0.05)
    yield
    feedback_after_pause.install(0)


async def wait_for_the_pause(processor, channel, tracker, while_waiting=None):
    feedback_after_pause.after_the_turn(processor, channel, tracker)
    if while_waiting:
        while_waiting(tracker)
    await asyncio.sleep(0.2)


async def test_a_quiet_seller_on_the_widget_is_asked_once(short_pause):
    tracker, channel = answered(), WidgetChannel()
    processor = QuietSellerProcessor(tracker)
    await wait_for_the_pause(processor, channel, tracker)
    question = DOMAIN.responses[FEEDBACK_QUESTION][0]["text"]
    assert [message["text"] for message in channel.messages] == [question]
    assert tracker.events[-1].metadata["utter_action"] == FEEDBACK_QUESTION
    assert tracker.latest_action_name == "action_listen" and processor.saved == 1
    # asked: a second wait after the same answer asks nothing
    await wait_for_the_pause(processor, channel, tracker)
    assert len(channel.messages) == 1


async def test_nothing_is_pushed_to_a_rest_client(short_pause):
    tracker, channel = answered(), CollectingOutputChannel()
    await wait_for_the_pause(QuietSellerProcessor(tracker), channel, tracker)
    assert channel.messages == []


async def test_a_seller_who_writes_again_meanwhile_is_not_asked(short_pause):
    tracker, channel = answered(), WidgetChannel()
    processor = QuietSellerProcessor(tracker)
    parse = {"intent": {"name": "ask_documents", "confidence": 0.9}, "entities": []}
    await wait_for_the_pause(
        processor,
        channel,
        tracker,
        lambda t: t.update(UserUttered("which documents", parse["intent"], [], parse)),
    )
    assert channel.messages == [] and processor.saved == 0


async def test_not_during_the_walkthrough_nor_when_switched_off(short_pause):
    tracker, channel = answered(SlotSet("walkthrough_step", 2.0)), WidgetChannel()
    await wait_for_the_pause(QuietSellerProcessor(tracker), channel, tracker)
    assert channel.messages == []
    feedback_after_pause.install(0)
    tracker = answered()
    await wait_for_the_pause(QuietSellerProcessor(tracker), channel, tracker)
    assert channel.messages == []


def test_questions_are_told_by_their_question_mark_not_by_buttons():
    assert feedback_after_pause._asks_a_question(DOMAIN, "utter_ask_which_step")
    assert not feedback_after_pause._asks_a_question(DOMAIN, "utter_review_time")  # has buttons
