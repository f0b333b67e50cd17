"""Chinese unified social credit codes (统一社会信用代码).

Why: sellers on AliExpress are mostly Chinese companies, and a shop's registration details
include this 18-character code. It mixes digits and letters, so the digit-run rule alone would
leave part of it visible. A candidate (18 letters/digits standing alone, the first 8 digits:
registration authority, type and region code) is kept only when `stdnum.cn.uscc` validates its
check character; an invalid one still has its long digit groups masked as a bank account.
"""

from __future__ import annotations

import re

from stdnum.cn import uscc as stdnum_uscc

from refund_assistant.privacy.findings import Candidate, Kind

USCC_LENGTH = 18

_USCC_RE = re.compile(r"(?<![A-Za-z0-9])[0-9A-Za-z]{%d}(?![A-Za-z0-9])" % USCC_LENGTH)


def find_credit_codes(norm: str) -> list[Candidate]:
    """Valid unified social credit codes in the normalised text `norm`."""
    found = []
    for match in _USCC_RE.finditer(norm):
        code = match.group().upper()
        if not code[:8].isdigit():  # registration authority, type and region code
            continue
        try:
            valid = stdnum_uscc.is_valid(code)
        except Exception:  # a library bug must not stop the masking
            valid = False
        if valid:
            found.append(Candidate(match.start(), match.end(), Kind.CREDIT_CODE))
    return found
