"""Find and mask personal data that sellers paste into the chat.

Why: the Refund Assistant never needs a seller's bank account, card, IBAN, e-mail address, phone
number or company credit code, yet sellers paste them anyway ("the refund should go to 6222 0212
3456 7890 123"). Whatever is stored must not contain them, so every text is masked before it is
written to the conversation database, a support ticket or a log line. Plain functions on strings
and event-like dicts, with no Rasa import: the tracker store, the NLU guard, handoff tickets and
the deflection report all call the same code.

One idea per module:

- `findings`: the kinds (`Kind`, `KINDS`), their `PLACEHOLDERS`, `Finding`;
- `text`: normalisation to ASCII with unchanged offsets;
- `emails`, `ibans`, `credit_codes`, `phones`: one detector each;
- `dates`: dates, which look like numbers but are kept;
- `digit_runs`: cards (Luhn), bank accounts, amounts: the rule for every long digit run;
- `resolve`: overlapping candidates become one finding;
- `detect`: `find_personal_data`, which runs them all;
- `mask`: `mask_personal_data`, `contains_personal_data`, `mask_value`.
"""

from refund_assistant.privacy.detect import find_personal_data
from refund_assistant.privacy.findings import KINDS, PLACEHOLDERS, Finding, Kind
from refund_assistant.privacy.mask import (
    UNMASKED_KEYS,
    contains_personal_data,
    mask_personal_data,
    mask_value,
)

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "UNMASKED_KEYS",
    "Finding",
    "Kind",
    "find_personal_data",
    "mask_personal_data",
    "contains_personal_data",
    "mask_value",
]
