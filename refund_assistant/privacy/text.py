"""Normalised text: what the detectors look at, with the same offsets as the original.

Why: sellers type on Chinese input methods that produce full-width digits and letters
("１３８００１３８０００", "ｌｉ＠ｓｈｏｐ．ｃｎ"), and some paste digits of other scripts. Text is
first mapped character for character to ASCII where Unicode says it is the same character, so
one set of ASCII patterns finds them all, and, since no character becomes two or none, offsets
in the normalised text are offsets in the original: a finding masks exactly what the seller
typed.

Also here: the few character classes every detector shares (number separators, the blank that
hides text from libphonenumber, digit patterns).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from refund_assistant.privacy.findings import Span

SPACES = " \u00a0"  # separators inside a grouped number (with "-")

DIGITS_RE = re.compile(r"[0-9]+")
ANY_DIGIT_RE = re.compile(r"[0-9]")

BLANK = "\ue000"  # a private-use character: neither digit, letter nor punctuation


def _build_ascii_table() -> dict[int, str]:
    """Characters that Unicode says are an ASCII character (full-width "１３８", "＠", "Ａ") or a
    decimal digit of another script, mapped to that ASCII character."""
    table: dict[int, str] = {}
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


ASCII_TABLE = _build_ascii_table()


def normalise(text: str) -> str:
    """`text` with every character that is an ASCII character in disguise made that character."""
    return text if text.isascii() else text.translate(ASCII_TABLE)


def separator(norm: str, groups: Sequence[Span], index: int) -> str:
    """The characters between group `index` and group `index + 1`."""
    return norm[groups[index][1] : groups[index + 1][0]]


def is_space(separator: str) -> bool:
    return separator in (" ", "\u00a0")
