"""Digit runs: card numbers, bank accounts, and phones the matcher did not take.

Why a rule this blunt: precision is not the goal. A masked order number is harmless, a leaked
account number is not, and account formats differ by bank and country. So every run of 8 or more
digits is masked, whatever word stands before it ("order 8123456789012345" is masked: the bot
never needs order numbers, and a label proves nothing), with no upper limit (two numbers run
together are masked too). What stays is what sellers need to say: runs shorter than 8 digits
(counts, step numbers, "7 to 15 working days", "1234", "02/11"), dates (see
`refund_assistant.privacy.dates`) and amounts.

A digit run is digit groups joined by single spaces, dashes or parentheses ("6222 0212 3456 7890
123", "5500-0000-0000-0004", "+7 912 345-67-89", "(415) 555-2671"); dates are cut out of it and
two long groups with a space between are two numbers. Each remaining segment is:

- ``card_number``: 13–19 digits that pass Luhn (`stdnum.luhn`);
- ``phone``: what libphonenumber matched, or a formatted run valid in a fallback region;
- nothing: an amount of at most 12 digits with a currency sign or code next to it ("¥12345678",
  "12345678 元") or a decimal fraction after it ("12345678.50");
- ``bank_account``: everything else, a Luhn-invalid 16-digit number included (it is one, or a
  mistyped card). A 1–2-digit group at either edge ("step 3 4111 1111 1111 1111") is split off
  when the rest is a card or phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdnum import luhn as stdnum_luhn

from refund_assistant.privacy.dates import date_groups
from refund_assistant.privacy.findings import Candidate, Kind, Span
from refund_assistant.privacy.phones import (
    FALLBACK_PHONE_CHECKS_PER_TEXT,
    MAX_PHONE_DIGITS,
    is_formatted_foreign_phone,
)
from refund_assistant.privacy.text import DIGITS_RE, is_space, separator

MIN_ACCOUNT_DIGITS = 8  # shorter digit runs are counts, steps, short dates: never masked
CARD_MIN_DIGITS, CARD_MAX_DIGITS = 13, 19
MAX_AMOUNT_DIGITS = 12  # longer runs are masked even next to a currency sign
EDGE_GROUP_MAX_DIGITS = 2  # "step 3 4111 1111 1111 1111": a 1–2-digit group may be split off

# A run of digit groups. Every separator is at least one character, so splitting is unambiguous.
_RUN_SEPARATOR = r"(?:[ \u00a0-]\(?|\)[ \u00a0-]?|\()"
_RUN_RE = re.compile(r"\+?\(?[0-9]+(?:%s[0-9]+)*\)?" % _RUN_SEPARATOR)

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


def luhn_valid(digits: str) -> bool:
    try:
        return bool(stdnum_luhn.is_valid(digits))
    except Exception:  # a library bug must not stop the masking
        return False


class Segment:
    """Consecutive digit groups of one run that may form one number."""

    __slots__ = ("run_start", "run_end", "groups", "span", "digits", "cannot_be_phone")

    def __init__(self, norm: str, run_start: int, run_end: int, groups: list[Span]):
        self.run_start = run_start
        self.run_end = run_end
        self.groups = groups
        self.span = _segment_span(norm, run_start, run_end, groups)
        self.digits = "".join(norm[start:end] for start, end in groups)
        count = len(self.digits)
        self.cannot_be_phone = count > MAX_PHONE_DIGITS or (
            CARD_MIN_DIGITS <= count <= CARD_MAX_DIGITS and luhn_valid(self.digits)
        )

    def part(self, norm: str, groups: list[Span]) -> Segment:
        return Segment(norm, self.run_start, self.run_end, groups)


@dataclass
class _FallbackPhoneBudget:
    """How many more segments of this text may get the (slow) fallback-region phone check."""

    remaining: int


def digit_run_segments(norm: str) -> list[Segment]:
    """The segments of every digit run in `norm` with at least `MIN_ACCOUNT_DIGITS` digits."""
    segments = []
    for run in _RUN_RE.finditer(norm):
        digit_groups = DIGITS_RE.finditer(norm, run.start(), run.end())
        groups = [Span(m.start(), m.end()) for m in digit_groups]
        if sum(end - start for start, end in groups) < MIN_ACCOUNT_DIGITS:
            continue
        for part in _split_run(norm, groups):
            if sum(end - start for start, end in part) >= MIN_ACCOUNT_DIGITS:
                segments.append(Segment(norm, run.start(), run.end(), part))
    return segments


def _split_run(norm: str, groups: list[Span]) -> list[list[Span]]:
    """Cut a run into segments: dates are taken out ("2026-10-19 2026-11-02"), and two long
    groups with a space between are two numbers ("6222021234567890 13800138000")."""
    is_date = date_groups(norm, groups)
    segments: list[list[Span]] = []
    current: list[Span] = []
    for index, group in enumerate(groups):
        if is_date[index]:
            if current:
                segments.append(current)
                current = []
            continue
        if current:
            previous = current[-1]
            both_long = (
                previous.end - previous.start >= MIN_ACCOUNT_DIGITS
                and group.end - group.start >= MIN_ACCOUNT_DIGITS
            )
            if both_long and is_space(norm[previous.end : group.start]):
                segments.append(current)
                current = []
        current.append(group)
    if current:
        segments.append(current)
    return segments


def _segment_span(norm: str, run_start: int, run_end: int, groups: list[Span]) -> Span:
    """The segment's characters, with a "(" or "+" just before it and a closing ")"."""
    start, end = groups[0].start, groups[-1].end
    if start > run_start and norm[start - 1] == "(":
        start -= 1
    if start > run_start and norm[start - 1] == "+":
        start -= 1
    inner = norm[start:end]
    if end < run_end and norm[end] == ")" and inner.count("(") > inner.count(")"):
        end += 1
    return Span(start, end)


def classify_segments(
    norm: str, segments: list[Segment], phone_spans: set[Span]
) -> list[Candidate]:
    """A candidate for each segment that is personal data; `phone_spans` are the matcher's."""
    found: list[Candidate] = []
    budget = _FallbackPhoneBudget(FALLBACK_PHONE_CHECKS_PER_TEXT)
    for segment in segments:
        kind = _classify(norm, segment, phone_spans, budget)
        if kind is Kind.BANK_ACCOUNT and len(segment.groups) >= 2:
            # "step 3 4111 1111 1111 1111", "13800138000 2 times": a short group at either edge,
            # set off by a space, may not belong to the number.
            groups = segment.groups
            trims = []
            if groups[0].end - groups[0].start <= EDGE_GROUP_MAX_DIGITS and is_space(
                separator(norm, groups, 0)
            ):
                trims.append(groups[1:])
            if groups[-1].end - groups[-1].start <= EDGE_GROUP_MAX_DIGITS and is_space(
                separator(norm, groups, len(groups) - 2)
            ):
                trims.append(groups[:-1])
            for trimmed_groups in trims:
                trimmed = segment.part(norm, trimmed_groups)
                trimmed_kind = _classify(norm, trimmed, phone_spans, budget)
                if trimmed_kind in (Kind.CARD_NUMBER, Kind.PHONE):
                    segment, kind = trimmed, trimmed_kind
                    break
        if kind is not None:
            found.append(Candidate(segment.span.start, segment.span.end, kind))
    return found


def _classify(
    norm: str, segment: Segment, phone_spans: set[Span], budget: _FallbackPhoneBudget
) -> Kind | None:
    """The kind of a segment, None when it is not personal data."""
    count = len(segment.digits)
    if count < MIN_ACCOUNT_DIGITS:
        return None
    if CARD_MIN_DIGITS <= count <= CARD_MAX_DIGITS and luhn_valid(segment.digits):
        return Kind.CARD_NUMBER
    if segment.span in phone_spans:
        return Kind.PHONE
    if count <= MAX_AMOUNT_DIGITS and _is_amount(norm, segment.span):
        return None
    text = norm[segment.span.start : segment.span.end]
    if count <= MAX_PHONE_DIGITS and not text.isdigit() and budget.remaining > 0:
        budget.remaining -= 1
        if is_formatted_foreign_phone(text):
            return Kind.PHONE
    return Kind.BANK_ACCOUNT


def _is_amount(norm: str, span: Span) -> bool:
    before = norm[max(0, span.start - 4) : span.start]
    return bool(_CURRENCY_BEFORE_RE.search(before) or _CURRENCY_AFTER_RE.match(norm, span.end))
