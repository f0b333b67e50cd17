"""Finding personal data: every detector proposes candidates, overlaps are resolved.

Why this order: the cheap, strict detectors run first (e-mails, only around ``@``; IBANs and
credit codes, validated), then the digit runs are cut into segments. libphonenumber, the slow
part, then only sees what none of those already claimed (`find_phones`), and the digit-run rule
labels the rest, so every run of 8 or more digits is masked even when a library gives up or
raises. `resolve` turns overlapping candidates into one finding.

Speed: no regular expression here backtracks more than a small constant per character. A
message without a digit or ``@`` returns at once, a normal message takes well under a
millisecond, 100 KB a fraction of a second. Library calls are guarded: whatever a library
raises counts as "not that kind". No str input makes `find_personal_data` raise.
"""

from __future__ import annotations

from refund_assistant.privacy.credit_codes import find_credit_codes
from refund_assistant.privacy.digit_runs import classify_segments, digit_run_segments
from refund_assistant.privacy.emails import find_emails
from refund_assistant.privacy.findings import Candidate, Finding, Span
from refund_assistant.privacy.ibans import find_ibans
from refund_assistant.privacy.phones import find_phones
from refund_assistant.privacy.resolve import resolve
from refund_assistant.privacy.text import ANY_DIGIT_RE, normalise


def find_personal_data(text: str) -> list[Finding]:
    """All personal data in `text`, non-overlapping and sorted by position."""
    if not isinstance(text, str) or not text:
        return []
    norm = normalise(text)
    has_at = "@" in norm
    if not has_at and not ANY_DIGIT_RE.search(norm):
        return []
    candidates: list[Candidate] = []
    if has_at:
        candidates.extend(find_emails(norm))
    candidates.extend(find_ibans(norm))
    candidates.extend(find_credit_codes(norm))
    segments = digit_run_segments(norm)
    # libphonenumber is the slow part: it does not see what is already something else.
    not_phones: list[Span] = [candidate.span for candidate in candidates]
    not_phones.extend(segment.span for segment in segments if segment.cannot_be_phone)
    phones = find_phones(norm, not_phones)
    candidates.extend(phones)
    candidates.extend(classify_segments(norm, segments, {phone.span for phone in phones}))
    return resolve(candidates)
