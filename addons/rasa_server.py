"""`rasa`, with the one behaviour Rasa 3.6 has no setting for: an apology when the action
server cannot be reached.

Rasa logs a failed custom action and carries on, and the seller, mid-way through the store check
or a review-date question, sees nothing at all. Here a custom action that cannot reach the
action server sends a short apology (the domain response below) before Rasa handles the failure
as usual. Only one apology per seller message, and none when the seller already got an answer in
that turn (the feedback question after an answer is a custom action too). Once the action server
is back, the next message is handled normally: nothing about the failure stays in the tracker.

`make run` starts the Rasa server as `python -m addons.rasa_server run ...`; the arguments are
those of `rasa`.
"""

from __future__ import annotations

import logging
import sys
from collections import OrderedDict
from typing import Any, List, Tuple

import rasa.core.actions.action as rasa_actions
import rasa.core.actions.forms as rasa_forms
from rasa.shared.exceptions import RasaException

logger = logging.getLogger(__name__)

APOLOGY_RESPONSE = "utter_something_went_wrong"
_REMEMBERED_TURNS = 10_000


class _ApologisedTurns:
    """The seller messages already apologised for, so a turn gets one apology at most."""

    def __init__(self, size: int = _REMEMBERED_TURNS) -> None:
        self._turns: "OrderedDict[Tuple[str, Any], None]" = OrderedDict()
        self._size = size

    def first_time(self, key: Tuple[str, Any]) -> bool:
        if key in self._turns:
            return False
        self._turns[key] = None
        if len(self._turns) > self._size:
            self._turns.popitem(last=False)
        return True


_apologised = _ApologisedTurns()


def _answered_this_turn(tracker: Any) -> bool:
    for event in reversed(tracker.events):
        if event.type_name == "user":
            return False
        if event.type_name == "bot":
            return True
    return False


class ApologisingRemoteAction(rasa_actions.RemoteAction):
    async def run(self, output_channel, nlg, tracker, domain) -> List[Any]:
        try:
            return await super().run(output_channel, nlg, tracker, domain)
        except rasa_actions.ActionExecutionRejection:
            raise
        except RasaException:
            turn = (tracker.sender_id, tracker.latest_message.message_id if tracker.latest_message else None)
            if not _answered_this_turn(tracker) and _apologised.first_time(turn):
                apology = await nlg.generate(APOLOGY_RESPONSE, tracker, output_channel.name())
                if apology:
                    await output_channel.send_response(tracker.sender_id, apology)
            raise


def install() -> None:
    """Makes Rasa use ApologisingRemoteAction for every custom action, forms' validation too."""
    rasa_actions.RemoteAction = ApologisingRemoteAction
    rasa_forms.RemoteAction = ApologisingRemoteAction


def main() -> None:
    install()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
