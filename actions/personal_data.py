"""Find and mask personal data that sellers paste into the chat.

Why: the Refund Assistant never needs a seller's bank account, card, IBAN, e-mail address, phone
number or company credit code, yet sellers paste them anyway ("the refund should go to 6222 0212
3456 7890 123"). Whatever is stored must not contain them: every text is masked with
`mask_personal_data` (or `mask_value` for whole event / ticket JSON) before it is written to the
conversation database (tracker store), into a support ticket or into a log line, and
`contains_personal_data` lets the bot tell the seller that such details are not needed.

What is found (`KINDS`), each replaced by a placeholder from `PLACEHOLDERS`:

- ``email``: a practical address pattern (local part of ASCII letters, digits and ``._%+-``; a
  domain of dot-separated labels ending in an alphabetic TLD), looked for around each ``@`` only.
- ``iban``: two letters, two digits and 11–30 letters/digits (single spaces allowed), kept only
  when `stdnum.iban` validates it (mod-97 checksum, the country's length and format).
- ``credit_code``: an 18-character Chinese unified social credit code (统一社会信用代码),
  validated by `stdnum.cn.uscc` (check character).
- ``card_number``: a digit run of 13–19 digits (grouped by spaces/dashes or not) that passes
  Luhn (`stdnum.luhn`).
- ``phone``: Google's libphonenumber (`phonenumbers.PhoneNumberMatcher`, leniency VALID) with
  China as the default region; it also finds every international number written with ``+`` or
  ``00``. A Chinese landline written without its trunk "0" ("8123456789") is not taken for one.
  A formatted 8–15-digit run ("(415) 555-2671", "8 912 345-67-89") is a phone too when it is a
  valid number grouped exactly as in one of `FALLBACK_PHONE_REGIONS`.
- ``bank_account``: every other run of 8 or more digits (no upper limit: two numbers run together
  are masked too). Precision is not the goal: a masked order number is harmless, a leaked
  account number is not. So a run is masked whatever word stands before it: "order
  8123456789012345" is masked (the bot never needs order numbers, and a label proves nothing).
  A Luhn-invalid 16-digit number is a ``bank_account`` (it is one, or a mistyped card).

A digit run is digit groups joined by single spaces, dashes or parentheses. Never masked:

- runs shorter than 8 digits: counts, step numbers, "7 to 15 working days", "1234", "02/11";
- dates: "2026-10-19", "19-10-2026", "10-19-2026" and a year range "2019-2024" set off by spaces
  (a date joined by "-" to more digits is part of a number), a compact "20261019" alone or next
  to other dates (never inside a longer number);
  dates with dots or slashes ("19.10.2026") never form a run, and libphonenumber never sees dates;
- amounts of at most 12 digits with a currency sign or code next to them ("¥12345678",
  "12345678 元") or a decimal fraction after them ("12345678.50").

Design:

- Text is first mapped character for character to ASCII where Unicode says it is the same
  character (full-width digits and letters from Chinese input methods, other scripts' digits),
  so offsets stay those of the original text.
- Every detector proposes candidate spans. Overlapping candidates become one masked span (the
  union, so nothing of a losing candidate stays visible) of the kind chosen by `_resolve`.
- `mask_personal_data` masks, then looks again, until nothing is found (normal text: once), so
  ``mask(mask(x)) == mask(x)`` and the output holds no finding: placeholders contain no digit and
  no ``@``, and every finding contains one. See `MAX_MASK_PASSES` for contrived text.
- Speed: no regular expression here backtracks more than a small constant per character;
  e-mails are only looked for around ``@``; libphonenumber, the slow part, does not see what is
  already a card, IBAN, e-mail, credit code or a run too long for a phone, and has a budget
  (`PHONE_MAX_MATCHES`, `PHONE_MAX_TRIES`). A message without a digit or ``@`` returns at once,
  a normal message takes well under a millisecond, 100 KB a fraction of a second.
- Library calls are guarded: whatever a library raises counts as "not that kind", and the
  digit-run rule still masks the digits. No str input makes these functions raise.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import AbstractSet, Any, Dict, List, Optional, Sequence, Set, Tuple

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from stdnum import iban as stdnum_iban
from stdnum import luhn as stdnum_luhn
from stdnum.cn import uscc as stdnum_uscc

__all__ = [
    "KINDS",
    "PLACEHOLDERS",
    "UNMASKED_KEYS",
    "Finding",
    "find_personal_data",
    "mask_personal_data",
    "contains_personal_data",
    "mask_value",
]

# --------------------------------------------------------------------------------------------
# Constants (everything tunable is here)
# --------------------------------------------------------------------------------------------

KINDS = ("card_number", "iban", "bank_account", "email", "phone", "credit_code")

PLACEHOLDERS: Dict[str, str] = {
    "card_number": "[card number]",
    "iban": "[IBAN]",
    "bank_account": "[bank account]",
    "email": "[email]",
    "phone": "[phone]",
    "credit_code": "[credit code]",
}

# mask_value leaves the values of these keys alone: identifiers that the system made, not text a
# seller typed. Masking them would break the links between stored records (a uuid4 hex, Rasa's
# message_id, has 8 or more digits in a row about one time in four).
UNMASKED_KEYS = frozenset({"sender_id", "message_id", "conversation_id"})

# Which kind overlapping candidates get (see `_resolve`): a kind checked by a checksum or a strict
# pattern beats a phone or bank account; then the longest candidate; then the first of _PRIORITY.
_VALIDATED = frozenset({"email", "iban", "card_number", "credit_code"})
_PRIORITY = ("email", "iban", "card_number", "credit_code", "phone", "bank_account")

# Phone numbers: default region for numbers without a country code (most sellers are in China);
# numbers with "+" or "00" are found whatever the region.
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

MIN_ACCOUNT_DIGITS = 8  # shorter digit runs are counts, steps, short dates: never masked
CARD_MIN_DIGITS, CARD_MAX_DIGITS = 13, 19
MAX_AMOUNT_DIGITS = 12  # longer runs are masked even next to a currency sign
EDGE_GROUP_MAX_DIGITS = 2  # "step 3 4111 1111 1111 1111": a 1–2-digit group may be split off

IBAN_MIN_LENGTH, IBAN_MAX_LENGTH = 15, 34
USCC_LENGTH = 18
EMAIL_LOCAL_MAX = 64
EMAIL_DOMAIN_MAX = 253

# mask_personal_data masks, then looks again, since masking can change what a number's
# neighbourhood looks like. Normal text needs one pass. Text that still has findings after
# MAX_MASK_PASSES passes (only contrived text, built to keep changing) has every digit and "@"
# left in it replaced by LAST_RESORT_CHAR, so masking ends in bounded time.
MAX_MASK_PASSES = 4
LAST_RESORT_CHAR = "#"

_SPACES = " \u00a0"  # separators inside a grouped number (with "-")

# --------------------------------------------------------------------------------------------
# Regular expressions (each one linear: no nested, overlapping quantifiers)
# --------------------------------------------------------------------------------------------

_EMAIL_LOCAL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-"
)
_EMAIL_DOMAIN_RE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z])"
)

# Letters may not touch an IBAN; digits may (they are masked on their own), so masking them never
# turns up an IBAN on the next pass.
_IBAN_START_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]{2}[0-9]{2}")
_IBAN_BODY_RE = re.compile(
    r"[A-Za-z]{2}[0-9]{2}(?:[ \u00a0]?[A-Za-z0-9]){%d,%d}"
    % (IBAN_MIN_LENGTH - 4, IBAN_MAX_LENGTH - 4)
)
_USCC_RE = re.compile(r"(?<![A-Za-z0-9])[0-9A-Za-z]{%d}(?![A-Za-z0-9])" % USCC_LENGTH)

# A run of digit groups: "6222 0212 3456 7890 123", "5500-0000-0000-0004", "+7 912 345-67-89",
# "(415) 555-2671". Every separator is at least one character, so splitting is unambiguous.
_RUN_SEPARATOR = r"(?:[ \u00a0-]\(?|\)[ \u00a0-]?|\()"
_RUN_RE = re.compile(r"\+?\(?[0-9]+(?:%s[0-9]+)*\)?" % _RUN_SEPARATOR)
_DIGITS_RE = re.compile(r"[0-9]+")
_ANY_DIGIT_RE = re.compile(r"[0-9]")

# 7 digits with at most 3 other characters between neighbours: worth asking libphonenumber.
_PHONE_HINT_RE = re.compile(r"[0-9](?:[^0-9]{0,3}[0-9]){%d}" % (MIN_PHONE_DIGITS - 1))

# Dates, blanked out of the text libphonenumber sees: it reads "2026-10-19 19" as a number.
_DATE_RE = re.compile(
    r"(?<![0-9])(?:"
    r"(?P<ymd>(?:19|20)[0-9]{2}(?P<s1>[-./])[0-9]{1,2}(?P=s1)[0-9]{1,2})"
    r"|(?P<dmy>[0-9]{1,2}(?P<s2>[-./])[0-9]{1,2}(?P=s2)(?:(?:19|20)[0-9]{2}|[0-9]{2}))"
    r"|(?P<dm>[0-9]{1,2}/[0-9]{1,2})"
    r")(?![0-9])"
)
_BLANK = "\ue000"  # a private-use character: neither digit, letter nor punctuation

_CURRENCY_BEFORE_RE = re.compile(
    r"(?:[$€£¥₽₩₺]|R\$|(?<![A-Za-z])(?:USD|CNY|RMB|EUR|GBP|RUB|HKD|KRW|TRY|BRL|US\$))[ \u00a0]?\Z",
    re.IGNORECASE,
)
# A decimal fraction counts only when no digit group follows it: otherwise its digits could belong
# to a number that gets masked, and the amount would look different on the next masking pass.
_CURRENCY_AFTER_RE = re.compile(
    r"(?:[.,][0-9]{1,2}(?![0-9])(?![ \u00a0()-]{1,2}[0-9])"
    r"|[ \u00a0]?(?:元|块|美元|[$€£¥₽₩₺]"
    r"|(?:USD|CNY|RMB|EUR|GBP|RUB|HKD|KRW|TRY|BRL|yuan|dollars?|euros?|rubles?|roubles?)"
    r"(?![A-Za-z])))",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------
# Normalisation: same length, so offsets in the normalised text are offsets in the original
# --------------------------------------------------------------------------------------------


def _build_ascii_table() -> Dict[int, str]:
    """Characters that Unicode says are an ASCII character (full-width "１３８", "＠", "Ａ") or a
    decimal digit of another script, mapped to that ASCII character."""
    table: Dict[int, str] = {}
    for code in range(0x80, 0x20000):
        char = chr(code)
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            table[code] = str(digit)
        elif code < 0x10000 and not 0xD800 <= code < 0xE000:
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) == 1 and folded.isascii() and folded.isprintable():
                table[code] = folded
    return table


_ASCII_TABLE = _build_ascii_table()


def _normalise(text: str) -> str:
    return text if text.isascii() else text.translate(_ASCII_TABLE)


def _blank_date(match: "re.Match[str]") -> str:
    """A date in `_DATE_RE` replaced by as many `_BLANK`s, anything else kept."""
    parts = _DIGITS_RE.findall(match.group())
    if match.group("ymd"):
        valid = _is_day_month(int(parts[2]), int(parts[1]))
    else:
        first, second = int(parts[0]), int(parts[1])
        valid = _is_day_month(first, second) or _is_day_month(second, first)
    return _BLANK * len(match.group()) if valid else match.group()


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind (one of `KINDS`) and where it is, text[start:end]."""

    kind: str
    start: int
    end: int


def find_personal_data(text: str) -> List[Finding]:
    """All personal data in `text`, non-overlapping and sorted by position."""
    if not isinstance(text, str) or not text:
        return []
    norm = _normalise(text)
    has_at = "@" in norm
    if not has_at and not _ANY_DIGIT_RE.search(norm):
        return []
    candidates: List[_Candidate] = []
    if has_at:
        candidates.extend(_find_emails(norm))
    candidates.extend(_find_ibans(norm))
    candidates.extend(_find_credit_codes(norm))
    segments = _digit_run_segments(norm)
    # libphonenumber is the slow part: it does not see what is already something else.
    not_phones = [(start, end) for start, end, _ in candidates]
    not_phones.extend(segment.span for segment in segments if segment.cannot_be_phone)
    phones = _find_phones(norm, not_phones)
    candidates.extend(phones)
    candidates.extend(_classify_segments(norm, segments, {(s, e) for s, e, _ in phones}))
    return _resolve(candidates)


def mask_personal_data(text: str) -> str:
    """`text` with every finding replaced by its placeholder ("[card number]", "[phone]", ...).

    Repeats until nothing is found, so masking a masked text changes nothing."""
    if not isinstance(text, str):
        return text
    for _ in range(MAX_MASK_PASSES):
        findings = find_personal_data(text)
        if not findings:
            return text
        parts: List[str] = []
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
        LAST_RESORT_CHAR if _ASCII_TABLE.get(ord(char), char) in _DIGITS_AND_AT else char
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


# --------------------------------------------------------------------------------------------
# Detectors: each returns candidate (start, end, kind) spans of the normalised text
# --------------------------------------------------------------------------------------------

_Candidate = Tuple[int, int, str]
_Span = Tuple[int, int]
_DIGITS_AND_AT = frozenset("0123456789@")


def _find_emails(norm: str) -> List[_Candidate]:
    found = []
    at = norm.find("@")
    while at != -1:
        start = at
        limit = max(0, at - EMAIL_LOCAL_MAX)
        while start > limit and norm[start - 1] in _EMAIL_LOCAL_CHARS:
            start -= 1
        while start < at and norm[start] == ".":
            start += 1
        match = None
        if start < at:
            match = _EMAIL_DOMAIN_RE.match(norm, at + 1, min(len(norm), at + 1 + EMAIL_DOMAIN_MAX))
        if match:
            found.append((start, match.end(), "email"))
            at = norm.find("@", match.end())
        else:
            at = norm.find("@", at + 1)
    return found


def _iban_char_value(char: str) -> int:
    return ord(char) - 48 if char <= "9" else ord(char) - 55  # "0" -> 0, "A" -> 10


def _find_ibans(norm: str) -> List[_Candidate]:
    found = []
    covered_until = 0
    for start_match in _IBAN_START_RE.finditer(norm):
        start = start_match.start()
        if start < covered_until:
            continue
        body = _IBAN_BODY_RE.match(norm, start)
        if not body:
            continue
        positions = [i for i in range(start, body.end()) if norm[i] not in _SPACES]
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
        best = None
        for length in range(5, len(compact) + 1):
            value = _iban_char_value(compact[length - 1])
            remainder = (remainder * (100 if value > 9 else 10) + value) % 97
            if length < IBAN_MIN_LENGTH:
                continue
            if (remainder * 10**head_width + head) % 97 == 1 and _iban_valid(compact[:length]):
                best = positions[length - 1] + 1
        if best is not None:
            found.append((start, best, "iban"))
            covered_until = best
    return found


def _iban_valid(compact: str) -> bool:
    try:
        return bool(stdnum_iban.is_valid(compact))
    except Exception:  # a library bug must not stop the masking
        return False


def _find_credit_codes(norm: str) -> List[_Candidate]:
    found = []
    for match in _USCC_RE.finditer(norm):
        code = match.group().upper()
        if not code[:8].isdigit():  # registration authority, type and region code
            continue
        try:
            valid = stdnum_uscc.is_valid(code)
        except Exception:
            valid = False
        if valid:
            found.append((match.start(), match.end(), "credit_code"))
    return found


def _find_phones(norm: str, not_phones: List[_Span]) -> List[_Candidate]:
    """libphonenumber's matches in `norm`, with `not_phones` and dates blanked out of its view."""
    parts = []
    position = 0
    for start, end in sorted(not_phones):
        if end <= position:
            continue
        start = max(start, position)
        parts.append(norm[position:start])
        parts.append(_BLANK * (end - start))
        position = end
    parts.append(norm[position:])
    view = _DATE_RE.sub(_blank_date, "".join(parts))
    if not _PHONE_HINT_RE.search(view):
        return []
    found: List[_Candidate] = []
    try:
        matcher = PhoneNumberMatcher(
            view, PHONE_REGION, leniency=PHONE_LENIENCY, max_tries=PHONE_MAX_TRIES
        )
        for match in matcher:
            if _is_bare_landline(match):
                continue
            found.append((match.start, match.end, "phone"))
            if len(found) >= PHONE_MAX_MATCHES:
                break
    except Exception:  # keep what was found; the digit-run rule masks the rest
        pass
    return found


def _is_bare_landline(match: Any) -> bool:
    """A landline number written without its trunk "0" or a "+": "8123456789" is valid as
    "+86 812 345 6789" but is far likelier an order or account number (it stays masked, as one)."""
    raw = match.raw_string
    digits = _DIGITS_RE.findall(raw)
    return (
        "+" not in raw
        and bool(digits)
        and not digits[0].startswith("0")
        and phonenumbers.number_type(match.number) == phonenumbers.PhoneNumberType.FIXED_LINE
    )


@lru_cache(maxsize=4096)
def _is_formatted_foreign_phone(candidate: str) -> bool:
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


def _luhn_valid(digits: str) -> bool:
    try:
        return bool(stdnum_luhn.is_valid(digits))
    except Exception:
        return False


# --------------------------------------------------------------------------------------------
# Digit runs: cards, bank accounts, and phones the matcher did not take
# --------------------------------------------------------------------------------------------


class _Segment:
    """Consecutive digit groups of one run that may form one number."""

    __slots__ = ("run_start", "run_end", "groups", "span", "digits", "cannot_be_phone")

    def __init__(self, norm: str, run_start: int, run_end: int, groups: List[_Span]):
        self.run_start = run_start
        self.run_end = run_end
        self.groups = groups
        self.span = _segment_span(norm, run_start, run_end, groups)
        self.digits = "".join(norm[start:end] for start, end in groups)
        count = len(self.digits)
        self.cannot_be_phone = count > MAX_PHONE_DIGITS or (
            CARD_MIN_DIGITS <= count <= CARD_MAX_DIGITS and _luhn_valid(self.digits)
        )

    def part(self, norm: str, groups: List[_Span]) -> "_Segment":
        return _Segment(norm, self.run_start, self.run_end, groups)


def _digit_run_segments(norm: str) -> List[_Segment]:
    segments = []
    for run in _RUN_RE.finditer(norm):
        groups = [(m.start(), m.end()) for m in _DIGITS_RE.finditer(norm, run.start(), run.end())]
        if sum(end - start for start, end in groups) < MIN_ACCOUNT_DIGITS:
            continue
        for part in _split_run(norm, groups):
            if sum(end - start for start, end in part) >= MIN_ACCOUNT_DIGITS:
                segments.append(_Segment(norm, run.start(), run.end(), part))
    return segments


def _separator(norm: str, groups: Sequence[_Span], index: int) -> str:
    """The characters between group `index` and group `index + 1`."""
    return norm[groups[index][1] : groups[index + 1][0]]


def _is_space(separator: str) -> bool:
    return separator in (" ", "\u00a0")


def _split_run(norm: str, groups: List[_Span]) -> List[List[_Span]]:
    """Cut a run into segments: dates are taken out ("2026-10-19 2026-11-02"), and two long
    groups with a space between are two numbers ("6222021234567890 13800138000")."""
    is_date = _date_groups(norm, groups)
    segments: List[List[_Span]] = []
    current: List[_Span] = []
    for index, group in enumerate(groups):
        if is_date[index]:
            if current:
                segments.append(current)
                current = []
            continue
        if current:
            previous = current[-1]
            both_long = (
                previous[1] - previous[0] >= MIN_ACCOUNT_DIGITS
                and group[1] - group[0] >= MIN_ACCOUNT_DIGITS
            )
            if both_long and _is_space(norm[previous[1] : group[0]]):
                segments.append(current)
                current = []
        current.append(group)
    if current:
        segments.append(current)
    return segments


def _date_groups(norm: str, groups: List[_Span]) -> List[bool]:
    """Which groups of a run are part of a date. A date must be set off by spaces: one joined by
    "-" to the rest of the run ("6222-2026-10-19") is part of the number. A compact date
    ("20261019") counts only alone or next to other dates, never inside a longer number."""
    count = len(groups)
    texts = [norm[start:end] for start, end in groups]
    spaced = [_is_space(_separator(norm, groups, i)) for i in range(count - 1)]
    dashed = [_separator(norm, groups, i) == "-" for i in range(count - 1)]
    is_date = [False] * count

    def free(first: int, last: int) -> bool:
        return (first == 0 or spaced[first - 1]) and (last == count - 1 or spaced[last])

    index = 0
    while index < count:
        width = 0
        if (
            index + 2 < count
            and dashed[index]
            and dashed[index + 1]
            and free(index, index + 2)
            and _is_dashed_date(texts[index : index + 3])
        ):
            width = 3
        elif (
            index + 1 < count
            and dashed[index]
            and free(index, index + 1)
            and all(len(t) == 4 and _is_year(int(t)) for t in texts[index : index + 2])
        ):
            width = 2  # a year range: "2019-2024"
        if width:
            is_date[index : index + width] = [True] * width
            index += width
        else:
            index += 1
    compact = [not is_date[i] and _is_compact_date(texts[i]) for i in range(count)]
    for index in range(count):
        if not compact[index]:
            continue
        before_ok = index == 0 or (
            spaced[index - 1] and (is_date[index - 1] or compact[index - 1])
        )
        after_ok = index == count - 1 or (
            spaced[index] and (is_date[index + 1] or compact[index + 1])
        )
        if before_ok and after_ok:
            is_date[index] = True
    return is_date


def _is_year(value: int) -> bool:
    return 1900 <= value <= 2099


def _is_day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _is_compact_date(text: str) -> bool:
    return (
        len(text) == 8
        and _is_year(int(text[:4]))
        and _is_day_month(int(text[6:]), int(text[4:6]))
    )


def _is_dashed_date(texts: List[str]) -> bool:
    first, second, third = texts
    if len(first) == 4 and 1 <= len(second) <= 2 and 1 <= len(third) <= 2:
        return _is_year(int(first)) and _is_day_month(int(third), int(second))
    if 1 <= len(first) <= 2 and 1 <= len(second) <= 2 and len(third) in (2, 4):
        if len(third) == 4 and not _is_year(int(third)):
            return False
        a, b = int(first), int(second)
        return _is_day_month(a, b) or _is_day_month(b, a)  # 19-10-2026 or 10-19-2026
    return False


def _segment_span(norm: str, run_start: int, run_end: int, groups: List[_Span]) -> _Span:
    """The segment's characters, with a "(" or "+" just before it and a closing ")"."""
    start, end = groups[0][0], groups[-1][1]
    if start > run_start and norm[start - 1] == "(":
        start -= 1
    if start > run_start and norm[start - 1] == "+":
        start -= 1
    inner = norm[start:end]
    if end < run_end and norm[end] == ")" and inner.count("(") > inner.count(")"):
        end += 1
    return start, end


def _classify_segments(
    norm: str, segments: List[_Segment], phone_spans: Set[_Span]
) -> List[_Candidate]:
    found: List[_Candidate] = []
    fallback_checks = [FALLBACK_PHONE_CHECKS_PER_TEXT]
    for segment in segments:
        kind = _classify(norm, segment, phone_spans, fallback_checks)
        if kind == "bank_account" and len(segment.groups) >= 2:
            # "step 3 4111 1111 1111 1111", "13800138000 2 times": a short group at either edge,
            # set off by a space, may not belong to the number.
            groups = segment.groups
            trims = []
            if groups[0][1] - groups[0][0] <= EDGE_GROUP_MAX_DIGITS and _is_space(
                _separator(norm, groups, 0)
            ):
                trims.append(groups[1:])
            if groups[-1][1] - groups[-1][0] <= EDGE_GROUP_MAX_DIGITS and _is_space(
                _separator(norm, groups, len(groups) - 2)
            ):
                trims.append(groups[:-1])
            for trimmed_groups in trims:
                trimmed = segment.part(norm, trimmed_groups)
                trimmed_kind = _classify(norm, trimmed, phone_spans, fallback_checks)
                if trimmed_kind in ("card_number", "phone"):
                    segment, kind = trimmed, trimmed_kind
                    break
        if kind:
            found.append((segment.span[0], segment.span[1], kind))
    return found


def _classify(
    norm: str, segment: _Segment, phone_spans: Set[_Span], fallback_checks: List[int]
) -> Optional[str]:
    """The kind of a segment, None when it is not personal data."""
    count = len(segment.digits)
    if count < MIN_ACCOUNT_DIGITS:
        return None
    if CARD_MIN_DIGITS <= count <= CARD_MAX_DIGITS and _luhn_valid(segment.digits):
        return "card_number"
    if segment.span in phone_spans:
        return "phone"
    if count <= MAX_AMOUNT_DIGITS and _is_amount(norm, segment.span):
        return None
    text = norm[segment.span[0] : segment.span[1]]
    if count <= MAX_PHONE_DIGITS and not text.isdigit() and fallback_checks[0] > 0:
        fallback_checks[0] -= 1
        if _is_formatted_foreign_phone(text):
            return "phone"
    return "bank_account"


def _is_amount(norm: str, span: _Span) -> bool:
    before = norm[max(0, span[0] - 4) : span[0]]
    return bool(_CURRENCY_BEFORE_RE.search(before) or _CURRENCY_AFTER_RE.match(norm, span[1]))


# --------------------------------------------------------------------------------------------
# Overlaps
# --------------------------------------------------------------------------------------------


def _resolve(candidates: List[_Candidate]) -> List[Finding]:
    """Merge overlapping candidates into one span each. Its kind: a validated kind (`_VALIDATED`)
    before a phone or bank account ("DE89 3704 0044 0532 0130 00 12" is an IBAN, whatever the
    digit run around it), then the longest candidate, then `_PRIORITY`."""
    findings: List[Finding] = []
    cluster_start = cluster_end = -1
    best: Optional[_Candidate] = None

    def rank(candidate: _Candidate) -> Tuple[bool, int, int]:
        start, end, kind = candidate
        return (kind in _VALIDATED, end - start, -_PRIORITY.index(kind))

    for candidate in sorted(c for c in candidates if c[1] > c[0]):
        start, end, _ = candidate
        if best is not None and start < cluster_end:
            cluster_end = max(cluster_end, end)
            if rank(candidate) > rank(best):
                best = candidate
            continue
        if best is not None:
            findings.append(Finding(best[2], cluster_start, cluster_end))
        cluster_start, cluster_end, best = start, end, candidate
    if best is not None:
        findings.append(Finding(best[2], cluster_start, cluster_end))
    return findings
