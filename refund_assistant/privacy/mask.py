"""Masking: personal data replaced by placeholders before anything is stored.

Why: whatever is stored must not contain a seller's card, account, IBAN, e-mail, phone or credit
code. Every text is masked with `mask_personal_data` (or `mask_value` for whole event / ticket
JSON) before it is written to the conversation database (tracker store), into a support ticket
or into a log line, and `contains_personal_data` lets the bot tell the seller that such details
are not needed.

`mask_personal_data` masks, then looks again, until nothing is found (normal text: once), since
masking can change what a number's neighbourhood looks like. So ``mask(mask(x)) == mask(x)`` and
the output holds no finding: placeholders contain no digit and no ``@``, and every finding
contains one. Text that still has findings after `MAX_MASK_PASSES` passes (only contrived text,
built to keep changing) has every digit and ``@`` left in it replaced by `LAST_RESORT_CHAR`, so
masking ends in bounded time. No str input makes these functions raise.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from refund_assistant.privacy.detect import find_personal_data
from refund_assistant.privacy.findings import PLACEHOLDERS
from refund_assistant.privacy.text import ASCII_TABLE

# mask_value leaves the values of these keys alone: identifiers that the system made, not text a
# seller typed. Masking them would break the links between stored records (a uuid4 hex, Rasa's
# message_id, has 8 or more digits in a row about one time in four).
UNMASKED_KEYS = frozenset({"sender_id", "message_id", "conversation_id"})

MAX_MASK_PASSES = 4
LAST_RESORT_CHAR = "#"

_DIGITS_AND_AT = frozenset("0123456789@")


def mask_personal_data(text: str) -> str:
    """`text` with every finding replaced by its placeholder ("[card number]", "[phone]", ...).

    Repeats until nothing is found, so masking a masked text changes nothing."""
    if not isinstance(text, str):  # untyped callers: a user event's text may be None
        return text  # type: ignore[unreachable]
    for _ in range(MAX_MASK_PASSES):
        findings = find_personal_data(text)
        if not findings:
            return text
        parts: list[str] = []
        position = 0
        for finding in findings:
            parts.append(text[position : finding.start])
            parts.append(PLACEHOLDERS[finding.kind])
            position = finding.end
        parts.append(text[position:])
        text = "".join(parts)
    if not find_personal_data(text):
        return text
    # Only contrived text gets here: give up on telling data from the rest.
    return "".join(
        LAST_RESORT_CHAR if ASCII_TABLE.get(ord(char), char) in _DIGITS_AND_AT else char
        for char in text
    )


def contains_personal_data(text: str) -> bool:
    """Whether `text` contains anything `mask_personal_data` would mask."""
    return bool(find_personal_data(text))


def mask_value(value: Any, *, keep_keys: AbstractSet[str] = UNMASKED_KEYS) -> Any:
    """`value` with every string in it masked, looking inside dicts, lists and tuples (event and
    ticket JSON). Dict keys (field names), the values of `keep_keys` (identifiers, see
    `UNMASKED_KEYS`) and other types are left as they are; the input is not changed."""
    if isinstance(value, str):
        return mask_personal_data(value)
    if isinstance(value, dict):
        return {
            key: item if key in keep_keys else mask_value(item, keep_keys=keep_keys)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [mask_value(item, keep_keys=keep_keys) for item in value]
    if isinstance(value, tuple):
        return tuple(mask_value(item, keep_keys=keep_keys) for item in value)
    return value
