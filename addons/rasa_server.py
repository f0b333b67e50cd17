"""`rasa`, with two changes to how it calls the action server that Rasa 3.6 has no setting for
(an apology when the action server cannot be reached, and a cheaper check of its answers), and
the personal-data warning before the answer to a question that carried some.

Rasa logs a failed custom action and carries on, and the seller, mid-way through the store check
or a review-date question, sees nothing at all. Here a custom action that cannot reach the
action server sends a short apology (the domain response below) before Rasa handles the failure
as usual. Only one apology per seller message, and none when the seller already got an answer in
that turn (the feedback question after an answer is a custom action too). Once the action server
is back, the next message is handled normally: nothing about the failure stays in the tracker.

Rasa checks every action server answer with `jsonschema.validate`, which first re-validates the
(large) schema itself against the JSON Schema meta-schema on every call: about 40 ms of CPU per
custom action on our machines, more than everything else a message costs. The same check, with
the validator built once, costs well under a millisecond.

A question that carried personal data ("my account is 6222..., how long does the review
take?") keeps its intent in NLU and is marked (addons/personal_data_guard.py). Before Rasa
predicts the answer, the warning response is sent and logged as an ordinary bot utterance (with
its `utter_action`, so transcripts, tickets and the report see it), with no action event: the
policies see the turn exactly as they would without the personal data, so every rule and form
answers it as usual.

`make run` starts the Rasa server as `python -m addons.rasa_server run ...`; the arguments are
those of `rasa`. The patches copy or wrap Rasa 3.6.21 internals, so `install` refuses any other
Rasa.
"""

from __future__ import annotations

import logging
import sys
from collections import OrderedDict
from functools import lru_cache
from typing import Any

import rasa
import rasa.core.actions.action as rasa_actions
import rasa.core.actions.forms as rasa_forms
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.processor import MessageProcessor
from rasa.shared.exceptions import RasaException

from addons import feedback_after_pause, messages_in_turn
from refund_assistant.compat import require_version
from refund_assistant.privacy.guard import MARK, WARNING_RESPONSE
from refund_assistant.settings import Settings

logger = logging.getLogger(__name__)

APOLOGY_RESPONSE = "utter_something_went_wrong"
# ApologisingRemoteAction copies RemoteAction internals of this release: refuse any other.
RASA_VERSION_WRITTEN_FOR = "3.6.21"
_REMEMBERED_TURNS = 10_000


class _ApologisedTurns:
    """The seller messages already apologised for, so a turn gets one apology at most."""

    def __init__(self, size: int = _REMEMBERED_TURNS) -> None:
        self._turns: OrderedDict[tuple[str, Any], None] = OrderedDict()
        self._size = size

    def first_time(self, key: tuple[str, Any]) -> bool:
        if key in self._turns:
            return False
        self._turns[key] = None
        if len(self._turns) > self._size:
            self._turns.popitem(last=False)
        return True


_apologised = _ApologisedTurns()


def _bot_responses_this_turn(tracker: Any) -> list[str | None]:
    """The responses (`utter_action`, None for a custom text) sent since the seller's message."""
    sent: list[str | None] = []
    for event in reversed(tracker.events):
        if event.type_name == "user":
            break
        if event.type_name == "bot":
            sent.append((event.metadata or {}).get("utter_action"))
    return sent


def _answered_this_turn(tracker: Any) -> bool:
    """Whether the seller got an answer in this turn (the personal-data warning is none)."""
    return any(name != WARNING_RESPONSE for name in _bot_responses_this_turn(tracker))


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    schema = rasa_actions.RemoteAction.action_response_format_spec()
    return validator_for(schema)(schema)


class ApologisingRemoteAction(rasa_actions.RemoteAction):
    def _validate_action_result(self, result: dict[str, Any]) -> bool:
        """Rasa's check of the action server's answer, with the validator built once."""
        try:
            _response_validator().validate(result)
        except ValidationError as error:
            error.message += (
                ". Failed to validate Action server response from API, make sure "
                "your response from the Action endpoint is valid."
            )
            raise
        return True

    async def run(self, output_channel, nlg, tracker, domain) -> list[Any]:
        try:
            return await super().run(output_channel, nlg, tracker, domain)
        except rasa_actions.ActionExecutionRejection:
            raise
        except RasaException:
            turn = (
                tracker.sender_id,
                tracker.latest_message.message_id if tracker.latest_message else None,
            )
            if not _answered_this_turn(tracker) and _apologised.first_time(turn):
                apology = await nlg.generate(APOLOGY_RESPONSE, tracker, output_channel.name())
                if apology:
                    await output_channel.send_response(tracker.sender_id, apology)
            raise


async def warn_about_personal_data(
    processor: MessageProcessor, output_channel: Any, tracker: Any
) -> None:
    """Sends the warning, once, when the seller's latest message is marked by the guard."""
    message = tracker.latest_message
    if message is None or not (message.parse_data or {}).get(MARK):
        return
    if not processor._should_handle_message(tracker):
        return
    if WARNING_RESPONSE in _bot_responses_this_turn(tracker):
        return
    warning = rasa_actions.ActionBotResponse(WARNING_RESPONSE)
    events = await warning.run(output_channel, processor.nlg, tracker, processor.domain)
    tracker.update_with_events(events, processor.domain)
    await processor.execute_side_effects(events, tracker, output_channel)


_predict_and_run_actions = MessageProcessor._run_prediction_loop


async def _warn_then_predict(self: MessageProcessor, output_channel: Any, tracker: Any) -> None:
    """Rasa's prediction loop, after the personal-data warning when one is due, and before the
    wait for a quiet seller (addons/feedback_after_pause.py)."""
    await warn_about_personal_data(self, output_channel, tracker)
    await _predict_and_run_actions(self, output_channel, tracker)
    feedback_after_pause.after_the_turn(self, output_channel, tracker)


def install() -> None:
    """Makes Rasa use ApologisingRemoteAction for every custom action, forms' validation too,
    send the personal-data warning before the prediction loop, ask a quiet seller for feedback
    after a pause (addons/feedback_after_pause.py), and handle seller messages a few at a time
    in arrival order (addons/messages_in_turn.py)."""
    require_version("rasa", rasa.__version__, RASA_VERSION_WRITTEN_FOR, "addons.rasa_server")
    rasa_actions.RemoteAction = ApologisingRemoteAction
    rasa_forms.RemoteAction = ApologisingRemoteAction
    MessageProcessor._run_prediction_loop = _warn_then_predict  # type: ignore[method-assign]
    settings = Settings.from_env()
    messages_in_turn.install(settings.messages_in_progress)
    feedback_after_pause.install(settings.feedback_pause_seconds)


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
