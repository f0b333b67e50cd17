"""Whether a seller message was in a language the bot does not answer in.

Why a rule of thumb: the bot has no language detector yet and every reply is English, so a
message written mostly in another script (Chinese, Cyrillic, Arabic, ...) got an answer the seller
may not read, or a "Did you mean...?" about a topic they never asked. Counting letters by script
is enough to find those messages: it needs no model and is easy to explain in the report. It does
not catch other Latin-script languages (Spanish, Vietnamese, ...); those need real detection.

When a language feature lands, it sets the slot `LANGUAGE_SLOT` to the conversation's language.
From then on the slot decides instead of the script, for every message it was set for.
"""

from __future__ import annotations

import re
import unicodedata

# The slot the (planned) language feature sets: a language code such as "en", "zh" or "zh-CN".
LANGUAGE_SLOT = "language"
# Languages the bot answers in once that feature sets the slot: English, and Chinese, which the
# feature is written for. A slot value with another primary code is an unsupported language.
REPLY_LANGUAGES: frozenset[str] = frozenset({"en", "zh"})

# The placeholders the privacy masking puts in stored texts ("[phone]", "[card number]") are the
# bot's English, not the seller's: left out before the letters are counted.
_MASK_PLACEHOLDER_RE = re.compile(r"\[[A-Za-z ]+\]")


def _is_latin(letter: str) -> bool:
    # "LATIN SMALL LETTER A", "LATIN CAPITAL LETTER E WITH ACUTE", "FULLWIDTH LATIN ..."
    return "LATIN" in unicodedata.name(letter, "").split()


def mostly_non_latin(text: str) -> bool:
    """More than half of the letters in `text` are not Latin letters (digits, punctuation,
    spaces, symbols and masking placeholders do not count). False when there are no letters."""
    letters = [c for c in _MASK_PLACEHOLDER_RE.sub(" ", text) if c.isalpha()]
    non_latin = sum(1 for letter in letters if not _is_latin(letter))
    return non_latin * 2 > len(letters)


def primary_code(language: str) -> str:
    """ "zh-CN", "zh_Hans", " ZH " -> "zh"."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0]


def in_unsupported_language(text: str, language: str | None) -> bool:
    """Whether a message was in a language the bot does not answer in: by the `language` slot's
    value when one was in effect for it (`language`), else by script (the replies are English)."""
    if language:
        return primary_code(language) not in REPLY_LANGUAGES
    return mostly_non_latin(text)
