"""A seller who reads an answer and goes quiet is asked, after a pause, whether it helped.

Thanks, goodbye, the end of the walk-through and the verdicts ask through the rules
(refund_assistant/dialogue/feedback.py). A seller who simply stops writing says none of those,
and support teams lost their answer. On the channels that can send unprompted (the widget over
socket.io, Telegram), the question is sent once the seller has been quiet for
`FEEDBACK_PAUSE_SECONDS` (default 120; 0 turns it off) after an answer that asked nothing back.
A REST client only ever gets replies to its own messages, so it is never asked this way.

Rasa's reminders would do the timing, but they come back as a hidden seller message, which the
transcripts in tickets, the report and the dialogue logic would all have to learn to ignore.
Here the question is sent the way the personal-data warning is (addons/rasa_server.py): a bot
utterance logged with its `utter_action` and no action event, under the conversation's lock, and
only if nothing was added to the conversation while waiting. A yes or no typed after it is the
feedback as always; anything else is a new message. A restart forgets the waiting questions.
"""

from __future__ import annotations

import asyncio
import logging
from functools import partial
from typing import Any

from rasa.core.actions.action import ActionBotResponse

from refund_assistant.dialogue import feedback
from refund_assistant.response_variants import text_for

logger = logging.getLogger(__name__)

# Output channels that can send a message nobody asked for (Rasa's channel names).
CHANNELS_THAT_CAN_PUSH = frozenset({"socketio", "telegram"})
WALKTHROUGH_SLOT = "walkthrough_step"

_pause_seconds = 0.0
_waiting: dict[str, asyncio.Task[None]] = {}


def install(pause_seconds: float) -> None:
    global _pause_seconds
    _pause_seconds = pause_seconds


def _asks_a_question(domain: Any, response: str) -> bool:
    """A response that waits for an answer: its English text asks something ("Which step would
    you like? There are five."). Buttons alone say nothing: many answers suggest a next question
    with them."""
    variations = domain.responses.get(response) or []
    return bool(variations) and "?" in text_for(variations, "en")


def _due(domain: Any, tracker: Any) -> bool:
    busy = bool(tracker.active_loop_name) or tracker.get_slot(WALKTHROUGH_SLOT) is not None
    return feedback.should_ask_after_a_pause(
        [event.as_dict() for event in tracker.events], busy, partial(_asks_a_question, domain)
    )


def after_the_turn(processor: Any, output_channel: Any, tracker: Any) -> None:
    """Called when the bot's turn ends: drops the seller's waiting question, if any, and starts
    a new wait when the turn answered a question on a channel that can push."""
    sender_id = tracker.sender_id
    previous = _waiting.pop(sender_id, None)
    if previous is not None:
        previous.cancel()
    if _pause_seconds <= 0 or output_channel.name() not in CHANNELS_THAT_CAN_PUSH:
        return
    if not _due(processor.domain, tracker):
        return
    task = asyncio.get_running_loop().create_task(
        _ask_later(processor, output_channel, sender_id, _last_event_time(tracker))
    )
    _waiting[sender_id] = task
    task.add_done_callback(partial(_forget, sender_id))


def _last_event_time(tracker: Any) -> float | None:
    """When the conversation last changed. (Not the number of events: a tracker read back from
    the store leaves out the session-start action stamped before the session started.)"""
    return tracker.events[-1].timestamp if tracker.events else None


def _forget(sender_id: str, task: asyncio.Task[None]) -> None:
    if _waiting.get(sender_id) is task:
        del _waiting[sender_id]


async def _ask_later(
    processor: Any, output_channel: Any, sender_id: str, last_change: float | None
) -> None:
    await asyncio.sleep(_pause_seconds)
    try:
        async with processor.lock_store.lock(sender_id):
            tracker = await processor.get_tracker(sender_id)
            if _last_event_time(tracker) != last_change or not _due(processor.domain, tracker):
                return  # the seller (or anything else) moved the conversation on
            question = ActionBotResponse(feedback.FEEDBACK_QUESTION)
            events = await question.run(output_channel, processor.nlg, tracker, processor.domain)
            tracker.update_with_events(events, processor.domain)
            await processor.execute_side_effects(events, tracker, output_channel)
            await processor.save_tracker(tracker)
    except Exception:  # a lost question must not take anything else down
        logger.exception("Could not ask for feedback after a pause")
