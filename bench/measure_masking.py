"""Prints how long masking personal data takes on ordinary messages and on pathological 100 KB
inputs (the worst cases tests/unit/privacy/test_mask.py checks for correctness).

Run with `make bench-masking`. Figures go into bench/RESULTS.md by hand, with the machine.
"""

from __future__ import annotations

import statistics
import time

from refund_assistant.privacy import mask_personal_data

ORDINARY = (
    "how long does the review take?",
    "the refund should go to 6222 0212 3456 7890 123, my phone is 13800138000",
    "I applied on 2026-11-02 and it's been 20 days, is that normal?",
)
PATHOLOGICAL = {
    "digits": "1" * 100_000,
    "spaced-digits": "1 " * 50_000,
    "long-local-part": "a" * 99_000 + "@example.com",
    "many-ats": "a@" * 50_000,
    "iban-starts": "DE89 " * 20_000,
    "parens": "(1" * 50_000,
    "phones": "13800138000 " * 8_000,
}


def timed_ms(text: str, repeats: int) -> float:
    """The median of `repeats` runs, in milliseconds."""
    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        mask_personal_data(text)
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def main() -> None:
    print("ordinary messages (median of 200 runs):")
    for text in ORDINARY:
        print(f"  {timed_ms(text, 200):8.3f} ms  {text[:60]}")
    print("pathological 100 KB inputs (median of 3 runs):")
    for name, text in PATHOLOGICAL.items():
        print(f"  {timed_ms(text, 3):8.1f} ms  {name}")


if __name__ == "__main__":
    main()
