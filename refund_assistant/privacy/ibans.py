"""IBANs (international bank account numbers).

Why validated: two letters, two digits and 11–30 letters/digits (single spaces allowed) match
plenty of product codes, so a candidate is kept only when `stdnum.iban` validates it (ISO 7064
mod-97 checksum, the country's length and format). A validated IBAN also wins over the digit
run around it (see `refund_assistant.privacy.resolve`): "DE89 3704 0044 0532 0130 00 12" is an
IBAN. An IBAN that fails validation is not lost: its long digit groups are still masked as a
bank account.

Speed: the checksum of every candidate length is computed in one pass over the characters, and
only lengths that pass it go to stdnum. Letters may not touch an IBAN; digits may (they are
masked on their own), so masking them never turns up an IBAN on the next pass.
"""

from __future__ import annotations

import re

from stdnum import iban as stdnum_iban

from refund_assistant.privacy.findings import Candidate, Kind
from refund_assistant.privacy.text import SPACES

IBAN_MIN_LENGTH, IBAN_MAX_LENGTH = 15, 34

_IBAN_START_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]{2}[0-9]{2}")
_IBAN_BODY_RE = re.compile(
    r"[A-Za-z]{2}[0-9]{2}(?:[ \u00a0]?[A-Za-z0-9]){%d,%d}"
    % (IBAN_MIN_LENGTH - 4, IBAN_MAX_LENGTH - 4)
)


def _iban_char_value(char: str) -> int:
    return ord(char) - 48 if char <= "9" else ord(char) - 55  # "0" -> 0, "A" -> 10


def find_ibans(norm: str) -> list[Candidate]:
    """Candidate IBANs in the normalised text `norm`: the longest valid one at each start."""
    found = []
    covered_until = 0
    for start_match in _IBAN_START_RE.finditer(norm):
        start = start_match.start()
        if start < covered_until:
            continue
        body = _IBAN_BODY_RE.match(norm, start)
        if not body:
            continue
        positions = [i for i in range(start, body.end()) if norm[i] not in SPACES]
        compact = "".join(norm[i] for i in positions).upper()
        # The IBAN checksum (ISO 7064 mod 97 of the number with its first four characters moved
        # to the end) for every candidate length in one pass; stdnum only sees those that pass.
        head = 0
        head_width = 0
        for char in compact[:4]:
            value = _iban_char_value(char)
            width = 2 if value > 9 else 1
            head = head * 10**width + value
            head_width += width
        remainder = 0
        best: int | None = None
        for length in range(5, len(compact) + 1):
            value = _iban_char_value(compact[length - 1])
            remainder = (remainder * (100 if value > 9 else 10) + value) % 97
            if length < IBAN_MIN_LENGTH:
                continue
            if (remainder * 10**head_width + head) % 97 == 1 and _iban_valid(compact[:length]):
                best = positions[length - 1] + 1
        if best is not None:
            found.append(Candidate(start, best, Kind.IBAN))
            covered_until = best
    return found


def _iban_valid(compact: str) -> bool:
    try:
        return bool(stdnum_iban.is_valid(compact))
    except Exception:  # a library bug must not stop the masking
        return False
