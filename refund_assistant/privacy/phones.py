"""Phone numbers, found by Google's libphonenumber.

Why libphonenumber: phone formats differ by country, and only a library that knows every
country's numbering plan tells "+7 912 345-67-89" (a phone) from "8123456789" (far likelier an
order or account number). `find_phones` runs `phonenumbers.PhoneNumberMatcher` (leniency VALID)
with China as the default region, since most sellers are there; it also finds every
international number written with ``+`` or ``00``. A Chinese landline written without its trunk
"0" ("8123456789") is not taken for one (it stays masked, as a bank account).

A formatted 8–15-digit run that the matcher did not take ("(415) 555-2671", "8 912 345-67-89")
is a phone too when it is a valid number grouped exactly as in one of `FALLBACK_PHONE_REGIONS`
(`is_formatted_foreign_phone`). Only the label depends on that: such a run is masked anyway.

Speed: libphonenumber is the slow part of masking. It does not see what is already a card,
IBAN, e-mail, credit code or a run too long for a phone, nor any date (those are blanked out of
its view), it is not asked at all unless 7 digits come close together, and it has a budget
(`PHONE_MAX_MATCHES`, `PHONE_MAX_TRIES`). Whatever it raises counts as "not a phone": the
digit-run rule still masks the digits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatch, PhoneNumberMatcher

from refund_assistant.privacy.dates import DATE_RE, blank_date
from refund_assistant.privacy.findings import Candidate, Kind, Span
from refund_assistant.privacy.text import BLANK, DIGITS_RE

# Default region for numbers without a country code (most sellers are in China); numbers with
# "+" or "00" are found whatever the region.
PHONE_REGION = "CN"
PHONE_LENIENCY = Leniency.VALID
# Regions tried, in order, for a formatted digit run that the matcher did not take for a phone:
# AliExpress's large seller markets besides China. Only the label depends on them: such a run is
# masked as a bank account anyway.
FALLBACK_PHONE_REGIONS = ("US", "GB", "RU", "DE", "FR", "ES", "IT", "BR", "TR", "KR")
FALLBACK_PHONE_LENIENCY = Leniency.EXACT_GROUPING
# At most this many runs per text get the fallback-region check (it costs ~0.3 ms a run); later
# ones in a huge text are labelled bank_account, still masked.
FALLBACK_PHONE_CHECKS_PER_TEXT = 50
# libphonenumber costs ~0.1–0.2 ms a candidate: in a huge text it stops after this many numbers
# (or this many candidates that were not numbers); digit runs after that are still masked, by the
# digit-run rule.
PHONE_MAX_MATCHES = 1000
PHONE_MAX_TRIES = 500
MIN_PHONE_DIGITS = 7  # no phone matching at all unless 7 digits come close together
MAX_PHONE_DIGITS = 15  # E.164

# 7 digits with at most 3 other characters between neighbours: worth asking libphonenumber.
_PHONE_HINT_RE = re.compile(r"[0-9](?:[^0-9]{0,3}[0-9]){%d}" % (MIN_PHONE_DIGITS - 1))


def find_phones(norm: str, not_phones: Sequence[Span]) -> list[Candidate]:
    """libphonenumber's matches in `norm`, with `not_phones` and dates blanked out of its view."""
    parts = []
    position = 0
    for start, end in sorted(not_phones):
        if end <= position:
            continue
        start = max(start, position)
        parts.append(norm[position:start])
        parts.append(BLANK * (end - start))
        position = end
    parts.append(norm[position:])
    view = DATE_RE.sub(blank_date, "".join(parts))
    if not _PHONE_HINT_RE.search(view):
        return []
    found: list[Candidate] = []
    try:
        matcher = PhoneNumberMatcher(
            view, PHONE_REGION, leniency=PHONE_LENIENCY, max_tries=PHONE_MAX_TRIES
        )
        for match in matcher:
            if _is_bare_landline(match):
                continue
            found.append(Candidate(match.start, match.end, Kind.PHONE))
            if len(found) >= PHONE_MAX_MATCHES:
                break
    except Exception:  # keep what was found; the digit-run rule masks the rest
        pass
    return found


def _is_bare_landline(match: PhoneNumberMatch) -> bool:
    """A landline number written without its trunk "0" or a "+": "8123456789" is valid as
    "+86 812 345 6789" but is far likelier an order or account number (it stays masked, as one)."""
    raw = match.raw_string
    digits = DIGITS_RE.findall(raw)
    return (
        "+" not in raw
        and bool(digits)
        and not digits[0].startswith("0")
        and phonenumbers.number_type(match.number) == phonenumbers.PhoneNumberType.FIXED_LINE
    )


@lru_cache(maxsize=4096)
def is_formatted_foreign_phone(candidate: str) -> bool:
    """Whether `candidate` is a valid number of a `FALLBACK_PHONE_REGIONS` region written
    exactly in that region's grouping ("(415) 555-2671", "8 912 345-67-89")."""
    for region in FALLBACK_PHONE_REGIONS:
        try:
            number = phonenumbers.parse(candidate, region)
            if not phonenumbers.is_valid_number(number):
                continue
            for match in PhoneNumberMatcher(candidate, region, leniency=FALLBACK_PHONE_LENIENCY):
                if match.start == 0 and match.end == len(candidate):
                    return True
        except Exception:
            continue
    return False
