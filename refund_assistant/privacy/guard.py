"""What the NLU guard makes of a message: which intent it gets when it carries personal data.

Why not always "that's not needed here": sellers paste an account number into a real question
("my account is 6222 0212 3456 7890 123, how long does the review take?"). Such a message keeps
the classifier's intent when the classifier is confident of it, and is marked, so the seller
hears the warning first and then the answer in the same turn. Confident means the
FallbackClassifier, which runs before the guard, did not replace the intent with
`nlu_fallback` (its threshold lives in config.yml only). A message with no confident intent
of its own, or one the classifier itself took for `share_personal_data`, gets that intent, and
the warning alone. Without personal data, a `share_personal_data` guess is dropped for the next
intent in the ranking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from refund_assistant import intents
from refund_assistant.privacy.mask import contains_personal_data

# The key the guard adds to a message's parse data (value True) when the warning must come
# before the answer; the Rasa server reads it (addons/rasa_server.py).
MARK = "personal_data"
WARNING_RESPONSE = "utter_personal_data_not_needed"
NAME_KEY = "name"
CONFIDENCE_KEY = "confidence"

IntentPrediction = Mapping[str, Any]  # {"name": ..., "confidence": ...}
_NOT_KEPT = frozenset({intents.FALLBACK, intents.SHARE_PERSONAL_DATA})


@dataclass(frozen=True)
class Guarded:
    """The message's intent and ranking after the guard, and whether it is marked."""

    intent: IntentPrediction | None
    ranking: list[IntentPrediction] = field(default_factory=list)
    marked: bool = False


def guard(
    text: str, intent: IntentPrediction | None, ranking: Sequence[IntentPrediction]
) -> Guarded:
    """The guard's decision for one classified message."""
    others = [item for item in ranking if item.get(NAME_KEY) != intents.SHARE_PERSONAL_DATA]
    name = (intent or {}).get(NAME_KEY)
    if contains_personal_data(text):
        if name is not None and name not in _NOT_KEPT:
            return Guarded(intent, others, marked=True)
        warning = {NAME_KEY: intents.SHARE_PERSONAL_DATA, CONFIDENCE_KEY: 1.0}
        return Guarded(warning, [warning, *others])
    if name == intents.SHARE_PERSONAL_DATA and others:
        return Guarded(others[0], others)
    return Guarded(intent, list(ranking))
