"""Overlapping candidates become one finding.

Why: the detectors run independently and often propose the same characters ("DE89 3704 0044
0532 0130 00 12" is an IBAN candidate and a digit-run candidate; "13800138000@qq.com" is an
e-mail and a phone). Overlapping candidates become one masked span, the union of them all, so
nothing of a losing candidate stays visible. Its kind: a kind checked by a checksum or a strict
pattern (`VALIDATED`) beats a phone or bank account, whatever the digit run around it; then the
longest candidate; then the first in `PRIORITY`.
"""

from __future__ import annotations

from collections.abc import Iterable

from refund_assistant.privacy.findings import Candidate, Finding, Kind

VALIDATED = frozenset({Kind.EMAIL, Kind.IBAN, Kind.CARD_NUMBER, Kind.CREDIT_CODE})
PRIORITY = (
    Kind.EMAIL,
    Kind.IBAN,
    Kind.CARD_NUMBER,
    Kind.CREDIT_CODE,
    Kind.PHONE,
    Kind.BANK_ACCOUNT,
)


def _rank(candidate: Candidate) -> tuple[bool, int, int]:
    return (
        candidate.kind in VALIDATED,
        candidate.end - candidate.start,
        -PRIORITY.index(candidate.kind),
    )


def resolve(candidates: Iterable[Candidate]) -> list[Finding]:
    """Merge overlapping candidates into one finding each, sorted by position (see above)."""
    findings: list[Finding] = []
    cluster_start = cluster_end = -1
    best: Candidate | None = None
    for candidate in sorted(c for c in candidates if c.end > c.start):
        if best is not None and candidate.start < cluster_end:
            cluster_end = max(cluster_end, candidate.end)
            if _rank(candidate) > _rank(best):
                best = candidate
            continue
        if best is not None:
            findings.append(Finding(best.kind, cluster_start, cluster_end))
        cluster_start, cluster_end, best = candidate.start, candidate.end, candidate
    if best is not None:
        findings.append(Finding(best.kind, cluster_start, cluster_end))
    return findings
