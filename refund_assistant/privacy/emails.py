"""E-mail addresses.

Why a hand-written scan rather than one regular expression over the whole text: an address
pattern tried at every position backtracks badly on long runs of letters ("a" * 99_000 +
"@example.com"). Addresses are only looked for around each ``@``: the local part is read
backwards from it (ASCII letters, digits and ``._%+-``, at most `EMAIL_LOCAL_MAX` characters,
leading dots dropped), the domain forwards (dot-separated labels ending in an alphabetic TLD,
at most `EMAIL_DOMAIN_MAX` characters). A practical pattern, not RFC 5322: what sellers type.
"""

from __future__ import annotations

import re

from refund_assistant.privacy.findings import Candidate, Kind

EMAIL_LOCAL_MAX = 64
EMAIL_DOMAIN_MAX = 253

_EMAIL_LOCAL_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-"
)
_EMAIL_DOMAIN_RE = re.compile(
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z])"
)


def find_emails(norm: str) -> list[Candidate]:
    """Candidate e-mail addresses in the normalised text `norm`."""
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
            found.append(Candidate(start, match.end(), Kind.EMAIL))
            at = norm.find("@", match.end())
        else:
            at = norm.find("@", at + 1)
    return found
