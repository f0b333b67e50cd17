"""The kinds of personal data the assistant masks, their placeholders, and what a finding is.

Why: the Refund Assistant never needs a seller's bank account, card, IBAN, e-mail address, phone
number or company credit code, yet sellers paste them anyway ("the refund should go to 6222 0212
3456 7890 123"). Each kind (`Kind`, in `KINDS` order) is replaced by its placeholder from
`PLACEHOLDERS`, and the placeholder is what the conversation database, support tickets and log
lines hold instead. So this vocabulary is shared by every detector, the overlap rule and the
masker, and the placeholder texts must never change: they are already stored. Placeholders hold
no digit and no ``@`` while every finding holds one, which is what makes masking idempotent.

`Span` and `Candidate` are the detectors' working values (offsets into the normalised text,
which are offsets into the original); `Finding` is what callers get back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


class Kind(str, Enum):
    """A kind of personal data; the value is the stable name used in `PLACEHOLDERS` and tests."""

    CARD_NUMBER = "card_number"
    IBAN = "iban"
    BANK_ACCOUNT = "bank_account"
    EMAIL = "email"
    PHONE = "phone"
    CREDIT_CODE = "credit_code"

    def __str__(self) -> str:  # "card_number", as the plain strings this enum replaced
        return str(self.value)


KINDS: tuple[Kind, ...] = tuple(Kind)

PLACEHOLDERS: dict[Kind, str] = {
    Kind.CARD_NUMBER: "[card number]",
    Kind.IBAN: "[IBAN]",
    Kind.BANK_ACCOUNT: "[bank account]",
    Kind.EMAIL: "[email]",
    Kind.PHONE: "[phone]",
    Kind.CREDIT_CODE: "[credit code]",
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind (one of `KINDS`) and where it is, text[start:end]."""

    kind: Kind
    start: int
    end: int


class Span(NamedTuple):
    """text[start:end] of the normalised (and so of the original) text."""

    start: int
    end: int


class Candidate(NamedTuple):
    """A detector's proposal: text[start:end] may be personal data of this kind.

    Field order matters: candidates are sorted as tuples (start, end, kind)."""

    start: int
    end: int
    kind: Kind

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)
